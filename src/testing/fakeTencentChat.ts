/**
 * A fake Tencent Cloud Chat Web SDK instance (`@tencentcloud/chat` 3.6.6) for tests, stories and demos: no
 * network, no login. It reproduces the documented behaviour the adapter depends on (sdk-semantics.md):
 *
 * - conversations in SDK shape: `C2C…` / `GROUP…` / `@TIM#SYSTEM` ids, seconds timestamps, `markList` bits,
 *   `conversationGroupList`, `groupAtInfoList`, `messageRemindType` strings; the SDK's four-bucket order;
 * - full-list `CONVERSATION_LIST_UPDATED` events (`{ name, data, isSyncCompleted }`) and
 *   `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED`, throttled like the SDK: the first emit at once, then at most one per
 *   `throttleMs` with a trailing emit whose data is read when it fires;
 * - calls before `SDK_READY` reject with the not-ready code (2999); bad parameters throw
 *   `Error('Params validate failed.')` synchronously (bad conversationID prefix, non-string draft, empty or
 *   over-long group name in UTF-16 units, bad markType);
 * - error codes 2500, 2503, 3122 / 51013 and the server's 51006, 51008, 51009, 51010, 51011 (group names over
 *   32 UTF-8 bytes), 51012 (51st pin);
 * - silent truncation past the batch limits: `deleteConversation` keeps 100 ids, `setMessageRemindType` 30 user ids;
 * - the conversation group events: create fires `CONVERSATION_GROUP_LIST_UPDATED` (twice when conversations joined)
 *   plus the list; add/remove fire the list plus `CONVERSATION_IN_GROUP_UPDATED` with the whole membership;
 *   delete/rename resolve `undefined`;
 * - `messageForShow` as the SDK writes it: the text of a text message, else a label in one language (`[图片]`, or
 *   `[Image]` with `intl`); marks are flags only: the total counts hidden conversations and a message leaves
 *   them hidden; `setConversationCustomData` with per-id results (256 characters at most).
 *
 * It imports nothing from a test runner, so stories can use it.
 */

/** The runtime `TencentCloudChat.TYPES` values of 3.6.6 that the fake uses (the same as the real SDK). */
export const FAKE_TENCENT_TYPES = Object.freeze({
  CONV_C2C: 'C2C',
  CONV_GROUP: 'GROUP',
  CONV_TOPIC: 'TOPIC',
  CONV_SYSTEM: '@TIM#SYSTEM',
  CONV_AT_ME: 1,
  CONV_AT_ALL: 2,
  CONV_AT_ALL_AT_ME: 3,
  CONV_MARK_TYPE_STAR: 1,
  CONV_MARK_TYPE_UNREAD: 2,
  CONV_MARK_TYPE_FOLD: 4,
  CONV_MARK_TYPE_HIDE: 8,
  GRP_WORK: 'Private',
  GRP_PUBLIC: 'Public',
  GRP_MEETING: 'ChatRoom',
  GRP_AVCHATROOM: 'AVChatRoom',
  GRP_COMMUNITY: 'Community',
  MSG_TEXT: 'TIMTextElem',
  MSG_IMAGE: 'TIMImageElem',
  MSG_AUDIO: 'TIMSoundElem',
  MSG_VIDEO: 'TIMVideoFileElem',
  MSG_FILE: 'TIMFileElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_FACE: 'TIMFaceElem',
  MSG_LOCATION: 'TIMLocationElem',
  MSG_MERGER: 'TIMRelayElem',
  MSG_GRP_TIP: 'TIMGroupTipElem',
  MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify',
  MSG_REMIND_DISCARD: 'Discard',
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt',
  NOT_RECEIVE_MSG_EXCEPT_AT: 'NotReceiveMsgExceptAt',
  READ_ALL_C2C_MSG: 'readAllC2CMessage',
  READ_ALL_GROUP_MSG: 'readAllGroupMessage',
  READ_ALL_MSG: 'readAllMessage',
});

/** The runtime `TencentCloudChat.EVENT` names of 3.6.6 that the fake emits (the same as the real SDK). */
export const FAKE_TENCENT_EVENT = Object.freeze({
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
});

/** A stand-in for the `TencentCloudChat` namespace (its `TYPES` and `EVENT`), to pass where the real one would go. */
export const FakeTencentCloudChat = Object.freeze({ TYPES: FAKE_TENCENT_TYPES, EVENT: FAKE_TENCENT_EVENT });

const TYPES = FAKE_TENCENT_TYPES;
const EVENT = FAKE_TENCENT_EVENT;

/** `lastMessage` of an SDK conversation (times in seconds). */
export interface FakeTencentLastMessage {
  lastTime: number;
  lastSequence: number;
  fromAccount: string;
  messageForShow: string;
  payload: unknown;
  type: string;
  isRevoked: boolean;
  cloudCustomData: string;
  onlineOnlyFlag: boolean;
  nick: string;
  nameCard: string;
  version: number;
  isPeerRead: boolean;
  revoker: string | null;
}

/** One entry of `groupAtInfoList`: one per @-message. */
export interface FakeTencentGroupAtInfo {
  from: string;
  groupID: string;
  topicID: string;
  messageSequence: number;
  atTypeArray: number[];
}

/** A conversation in the shape of the Web SDK's `Conversation`. The fake mutates these in place, as the SDK does. */
export interface FakeTencentConversation {
  conversationID: string;
  type: string;
  subType: string;
  unreadCount: number;
  lastMessage: FakeTencentLastMessage;
  userProfile?: { userID: string; nick: string; avatar: string };
  groupProfile?: { groupID: string; name: string; avatar: string; type: string };
  groupAtInfoList: FakeTencentGroupAtInfo[];
  remark: string;
  isPinned: boolean;
  messageRemindType: string;
  markList: number[];
  customData: string;
  conversationGroupList: string[];
  draftText: string;
  peerReadTime: number;
}

/** A seed conversation: the id plus any SDK fields (`lastMessage` and profiles may be partial). */
export type FakeTencentConversationSeed = Partial<Omit<FakeTencentConversation, 'conversationID' | 'lastMessage' | 'userProfile' | 'groupProfile'>> & {
  conversationID: string;
  lastMessage?: Partial<FakeTencentLastMessage>;
  userProfile?: Partial<NonNullable<FakeTencentConversation['userProfile']>>;
  groupProfile?: Partial<NonNullable<FakeTencentConversation['groupProfile']>>;
};

/** Options of {@link createFakeTencentChat}: the seeded "server" data and the SDK behaviours to reproduce. */
export interface FakeTencentChatOptions {
  /** Initial conversations (the "server" data), sorted like the SDK on creation. */
  conversations?: readonly FakeTencentConversationSeed[];
  /** Conversation group names, in order. Names used by seeds are added when missing. */
  groups?: readonly string[];
  /** Whether `SDK_READY` already happened. @default true */
  ready?: boolean;
  /** `isSyncCompleted` of list responses and events. @default true */
  isSyncCompleted?: boolean;
  /** Throttle of list and total events, in ms; 0 emits at once. @default 1000 */
  throttleMs?: number;
  /** The code calls reject with before `SDK_READY`. @default 2999 */
  notReadyCode?: number;
  /** When set, mark and group APIs reject with it: 3122 (client) or 51013 (server), as without the Pro package. */
  unsupportedFeatureCode?: 3122 | 51013;
  /** User ids `setMessageRemindType` reports in `failureUserIDList` (code 70107, user not found). */
  failingUserIds?: readonly string[];
  /** Nicknames and avatars for users of conversations created by `getConversationProfile` or a new message. */
  userProfiles?: Readonly<Record<string, { nick?: string; avatar?: string }>>;
  /** Names, avatars and types (`Public`, `AVChatRoom`, ...) for groups created the same way. */
  groupProfiles?: Readonly<Record<string, { name?: string; avatar?: string; type?: string }>>;
  /** `messageForShow` labels in English, as the SDK writes them for international apps. @default false (Chinese) */
  intl?: boolean;
}

/** One recorded SDK call (arguments cloned at call time). */
export interface FakeTencentCall {
  method: string;
  args: unknown[];
}

/** An SDK error: an `Error` with the SDK's numeric `code`. */
export interface FakeTencentError extends Error {
  code: number;
}

/** Options of {@link FakeTencentChat.simulateMessage}. */
export interface FakeTencentMessageOptions {
  /** Sender user id. @default the peer of a C2C conversation, else 'member' */
  from?: string;
  /** Sender nickname. */
  nick?: string;
  /** @-mentions carried by the message (group conversations only). */
  mentions?: readonly ('me' | 'all')[];
  /** The message type (`TYPES.MSG_IMAGE`, ...). @default TYPES.MSG_TEXT, with `{ text }` as its payload */
  type?: string;
  /** The message's payload (`{ fileName }` of a file, `{ second }` of a voice message, ...). */
  payload?: unknown;
}

/** What the fake passes to handlers, as the SDK does: `{ name, data }`, plus `isSyncCompleted` on list events. */
export interface FakeTencentEvent {
  name?: string;
  data?: unknown;
  isSyncCompleted?: boolean;
}

type Handler = (event: FakeTencentEvent) => void;

interface ThrottleState {
  last: number;
  timer?: ReturnType<typeof setTimeout>;
}

const EMPTY_LAST_MESSAGE: FakeTencentLastMessage = Object.freeze({
  lastTime: 0,
  lastSequence: 0,
  fromAccount: '',
  messageForShow: '',
  payload: null,
  type: '',
  isRevoked: false,
  cloudCustomData: '',
  onlineOnlyFlag: false,
  nick: '',
  nameCard: '',
  version: 0,
  isPeerRead: false,
  revoker: null,
});

const encoder = new TextEncoder();

function sdkError(code: number, message: string): FakeTencentError {
  return Object.assign(new Error(message), { code });
}

function paramsInvalid(): Error {
  return new Error('Params validate failed.');
}

/** The SDK's labels for `messageForShow` (its `Qt` function in 3.6.6): Chinese, or English for international apps. */
const MESSAGE_LABELS: Readonly<Record<string, readonly [zh: string, en: string]>> = {
  [TYPES.MSG_IMAGE]: ['[图片]', '[Image]'],
  [TYPES.MSG_LOCATION]: ['[位置]', '[Location]'],
  [TYPES.MSG_AUDIO]: ['[语音]', '[Voice]'],
  [TYPES.MSG_VIDEO]: ['[视频]', '[Video]'],
  [TYPES.MSG_FILE]: ['[文件]', '[File]'],
  [TYPES.MSG_CUSTOM]: ['[自定义消息]', '[Custom Messages]'],
  [TYPES.MSG_GRP_TIP]: ['[群提示消息]', '[Group Notification]'],
  [TYPES.MSG_GRP_SYS_NOTICE]: ['[群系统通知]', '[Group System Message]'],
  [TYPES.MSG_FACE]: ['[动画表情]', '[Animated Sticker]'],
  [TYPES.MSG_MERGER]: ['[聊天记录]', '[Chat Record]'],
};

/** `messageForShow` of a message, as the SDK computes it. */
function messageForShow(type: string, payload: unknown, intl: boolean): string {
  if (typeof payload !== 'object' || payload === null) return '';
  if (type === TYPES.MSG_TEXT) {
    const text = (payload as { text?: unknown }).text;
    return typeof text === 'string' ? text : '';
  }
  const labels = MESSAGE_LABELS[type];
  return labels ? labels[intl ? 1 : 0] : '';
}

function ok<T>(data: T): { code: 0; data: T } {
  return { code: 0, data };
}

function clone<T>(value: T): T {
  try {
    return structuredClone(value);
  } catch {
    return value;
  }
}

function typeOfId(id: string): string | undefined {
  if (id === TYPES.CONV_SYSTEM) return TYPES.CONV_SYSTEM;
  if (id.startsWith(TYPES.CONV_C2C) && id.length > TYPES.CONV_C2C.length) return TYPES.CONV_C2C;
  if (id.startsWith(TYPES.CONV_GROUP) && id.length > TYPES.CONV_GROUP.length) return TYPES.CONV_GROUP;
  return undefined;
}

const isValidId = (id: unknown): id is string => typeof id === 'string' && typeOfId(id) !== undefined;
const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value.length > 0;

/** A fake `chat` instance. Create it with {@link createFakeTencentChat}. */
export class FakeTencentChat {
  /** Like an SDK class exposing its constants; the real 3.6.6 instance is a plain object and does not. */
  static readonly TYPES = FAKE_TENCENT_TYPES;
  /** The SDK's event names, like `TencentCloudChat.EVENT`. */
  static readonly EVENT = FAKE_TENCENT_EVENT;

  /** Every SDK call, in order, with its arguments as they were passed. */
  readonly calls: FakeTencentCall[] = [];
  /** Errors thrown by event handlers (the SDK catches them; the fake keeps them for tests). */
  readonly handlerErrors: unknown[] = [];

  private readonly conversations = new Map<string, FakeTencentConversation>();
  private groups: string[] = [];
  private readonly handlers = new Map<string, Set<Handler>>();
  private readonly throttles = new Map<string, ThrottleState>();
  private ready: boolean;
  private syncCompleted: boolean;
  private notReadyCode: number;
  private lastTotal: number;
  private sequence = 0;
  private readonly throttleMs: number;
  private readonly options: FakeTencentChatOptions;

  constructor(options: FakeTencentChatOptions = {}) {
    this.options = options;
    this.ready = options.ready ?? true;
    this.syncCompleted = options.isSyncCompleted ?? true;
    this.throttleMs = options.throttleMs ?? 1000;
    this.notReadyCode = options.notReadyCode ?? 2999;
    this.groups = [...new Set(options.groups ?? [])];
    for (const seed of options.conversations ?? []) {
      if (!isValidId(seed.conversationID)) throw new Error(`Invalid seed conversationID "${String(seed.conversationID)}".`);
      const conversation = this.build(seed);
      this.conversations.set(conversation.conversationID, conversation);
      for (const name of conversation.conversationGroupList) if (!this.groups.includes(name)) this.groups.push(name);
    }
    this.sortList();
    this.lastTotal = this.computeTotal();
  }

  // ---- events ------------------------------------------------------------------------------------

  /** Registers an SDK event handler. */
  on(eventName: string, handler: Handler): void {
    let set = this.handlers.get(eventName);
    if (!set) this.handlers.set(eventName, (set = new Set()));
    set.add(handler);
  }

  /** Removes an SDK event handler. */
  off(eventName: string, handler: Handler): void {
    this.handlers.get(eventName)?.delete(handler);
  }

  /** Dispatches an event to its handlers at once (no throttling), with the payload as given. */
  emit(eventName: string, payload: FakeTencentEvent): void {
    for (const handler of [...(this.handlers.get(eventName) ?? [])]) {
      try {
        handler(payload);
      } catch (error) {
        this.handlerErrors.push(error);
      }
    }
  }

  /** Number of handlers registered for an event, or for all events. */
  listenerCount(eventName?: string): number {
    if (eventName !== undefined) return this.handlers.get(eventName)?.size ?? 0;
    let count = 0;
    for (const set of this.handlers.values()) count += set.size;
    return count;
  }

  /** Whether a throttled event is waiting for its trailing emit. */
  get hasPendingEvents(): boolean {
    for (const state of this.throttles.values()) if (state.timer !== undefined) return true;
    return false;
  }

  /** Fires every pending trailing emit now (what waiting `throttleMs` would do). */
  flush(): void {
    for (const [name, state] of this.throttles) {
      if (state.timer === undefined) continue;
      clearTimeout(state.timer);
      state.timer = undefined;
      state.last = Date.now();
      this.emitNow(name);
    }
  }

  /** Cancels pending emits and removes every handler. */
  dispose(): void {
    for (const state of this.throttles.values()) if (state.timer !== undefined) clearTimeout(state.timer);
    this.throttles.clear();
    this.handlers.clear();
  }

  // ---- drivers (what the server would do) -------------------------------------------------------

  /** `SDK_READY`: calls work from now on, and the list is emitted. */
  simulateReady(): void {
    this.ready = true;
    this.emit(EVENT.SDK_READY, { name: EVENT.SDK_READY, data: undefined });
    this.listChanged();
  }

  /** `SDK_NOT_READY` (logout, kick-out): calls reject with `code` until {@link simulateReady}. The data is kept. */
  simulateNotReady(code = 3005): void {
    this.ready = false;
    this.notReadyCode = code;
    for (const state of this.throttles.values()) if (state.timer !== undefined) clearTimeout(state.timer);
    this.throttles.clear();
    this.emit(EVENT.SDK_NOT_READY, { name: EVENT.SDK_NOT_READY, data: undefined });
  }

  /** Sets `isSyncCompleted` and emits the list. */
  setSyncCompleted(isSyncCompleted: boolean): void {
    this.syncCompleted = isSyncCompleted;
    this.listChanged();
  }

  /**
   * A message arrives in a conversation at `atSeconds` (created when missing): it becomes the last message, unread
   * grows by one (not for audio-video groups), mentions are recorded, the list is re-sorted and emitted.
   */
  simulateMessage(conversationID: string, text: string, atSeconds: number, options: FakeTencentMessageOptions = {}): void {
    if (!isValidId(conversationID)) throw new Error(`Invalid conversationID "${String(conversationID)}".`);
    let conversation = this.conversations.get(conversationID);
    if (!conversation) {
      conversation = this.build({ conversationID });
      this.conversations.set(conversationID, conversation);
    }
    const sequence = ++this.sequence;
    const from = options.from ?? (conversation.type === TYPES.CONV_C2C ? conversationID.slice(TYPES.CONV_C2C.length) : 'member');
    const type = options.type ?? TYPES.MSG_TEXT;
    const payload = options.payload ?? (type === TYPES.MSG_TEXT ? { text } : {});
    // Marks are left as they are: to the SDK a mark is a flag, so a hidden conversation stays hidden.
    conversation.lastMessage = {
      ...EMPTY_LAST_MESSAGE,
      lastTime: atSeconds,
      lastSequence: sequence,
      fromAccount: from,
      messageForShow: messageForShow(type, payload, this.options.intl === true),
      payload,
      type,
      nick: options.nick ?? '',
    };
    if (conversation.groupProfile?.type === TYPES.GRP_AVCHATROOM) conversation.unreadCount = 0;
    else conversation.unreadCount += 1;
    const mentions = options.mentions ?? [];
    if (conversation.type === TYPES.CONV_GROUP && mentions.length > 0) {
      const me = mentions.includes('me');
      const all = mentions.includes('all');
      conversation.groupAtInfoList.push({
        from,
        groupID: conversationID.slice(TYPES.CONV_GROUP.length),
        topicID: '',
        messageSequence: sequence,
        atTypeArray: [me && all ? TYPES.CONV_AT_ALL_AT_ME : me ? TYPES.CONV_AT_ME : TYPES.CONV_AT_ALL],
      });
    }
    this.sortList();
    this.listChanged();
  }

  /** Conversations vanish from the list (retention, cap, deleted elsewhere): no event but the next snapshot. */
  simulateRemoval(conversationIDs: readonly string[]): void {
    for (const id of conversationIDs) this.conversations.delete(id);
    this.listChanged();
  }

  /** The live SDK object of a conversation (mutated in place by later changes). */
  peek(conversationID: string): FakeTencentConversation | undefined {
    return this.conversations.get(conversationID);
  }

  /** The conversation group names, in order. */
  groupNames(): string[] {
    return [...this.groups];
  }

  // ---- SDK API -----------------------------------------------------------------------------------

  /** `true` after `SDK_READY`. */
  isReady(): boolean {
    return this.ready;
  }

  /** The full list (or the listed ids, in list order; or a filter), with `isSyncCompleted`. */
  getConversationList(
    options?: readonly string[] | { type?: string; groupName?: string; markType?: number; hasUnreadCount?: boolean; hasGroupAtInfo?: boolean },
  ): Promise<{ code: 0; data: { conversationList: FakeTencentConversation[]; isSyncCompleted: boolean } }> {
    return this.api('getConversationList', [options], undefined, () => {
      let list = this.list();
      if (Array.isArray(options)) list = list.filter((c) => options.includes(c.conversationID));
      else if (options && typeof options === 'object') {
        const filter = options as Exclude<typeof options, readonly string[]>;
        list = list.filter(
          (c) =>
            (filter.type !== TYPES.CONV_C2C && filter.type !== TYPES.CONV_GROUP ? true : c.type === filter.type) &&
            (typeof filter.groupName !== 'string'
              ? true
              : filter.groupName === ''
                ? c.conversationGroupList.length === 0
                : c.conversationGroupList.includes(filter.groupName)) &&
            (typeof filter.markType !== 'number' ? true : filter.markType === 0 ? c.markList.length === 0 : c.markList.includes(filter.markType)) &&
            (typeof filter.hasUnreadCount !== 'boolean' ? true : c.unreadCount > 0 === filter.hasUnreadCount) &&
            (typeof filter.hasGroupAtInfo !== 'boolean' ? true : c.groupAtInfoList.length > 0 === filter.hasGroupAtInfo),
        );
      }
      return ok({ conversationList: list, isSyncCompleted: this.syncCompleted });
    });
  }

  /** Gets a conversation, creating an unknown one right after the pinned block (and emitting the list). */
  getConversationProfile(conversationID: string): Promise<{ code: 0; data: { conversation: FakeTencentConversation } }> {
    return this.api(
      'getConversationProfile',
      [conversationID],
      () => {
        if (!isValidId(conversationID)) throw paramsInvalid();
      },
      () => {
        let conversation = this.conversations.get(conversationID);
        if (!conversation) {
          conversation = this.build({ conversationID });
          const entries = [...this.conversations];
          const index = entries.findIndex(([, c]) => !c.isPinned);
          entries.splice(index < 0 ? entries.length : index, 0, [conversationID, conversation]);
          this.replaceOrder(entries);
          this.listChanged();
        }
        return ok({ conversation });
      },
    );
  }

  /** Deletes up to 100 conversations (the rest are dropped silently); rejects 2500 when nothing was deleted. */
  deleteConversation(
    options: string | { conversationIDList: string[]; clearHistoryMessage?: boolean },
  ): Promise<{ code: 0; data: { conversationID: string } | { conversationIDList: string[] } }> {
    return this.api(
      'deleteConversation',
      [options],
      () => {
        if (typeof options === 'string') {
          if (!isValidId(options)) throw paramsInvalid();
          return;
        }
        if (typeof options !== 'object' || options === null || !Array.isArray(options.conversationIDList)) throw paramsInvalid();
        if (options.conversationIDList.length === 0 || !options.conversationIDList.every(isValidId)) throw paramsInvalid();
        if ('clearHistoryMessage' in options && typeof options.clearHistoryMessage !== 'boolean') throw paramsInvalid();
      },
      () => {
        const ids = typeof options === 'string' ? [options] : options.conversationIDList.slice(0, 100);
        const deleted = ids.filter((id) => this.conversations.delete(id));
        if (deleted.length === 0) throw sdkError(2500, 'Conversation not found.');
        this.listChanged();
        return ok(typeof options === 'string' ? { conversationID: deleted[0]! } : { conversationIDList: deleted });
      },
    );
  }

  /** Sets a draft in memory (2500 when the conversation is not cached). */
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<{ code: 0; data: { code: 0; conversation: FakeTencentConversation } }> {
    return this.api(
      'setConversationDraft',
      [options],
      () => {
        if (!isValidId(options?.conversationID) || typeof options.draftText !== 'string') throw paramsInvalid();
      },
      () => {
        const conversation = this.conversations.get(options.conversationID);
        if (!conversation) throw sdkError(2500, 'Conversation not found.');
        conversation.draftText = options.draftText;
        this.listChanged();
        return ok({ code: 0 as const, conversation });
      },
    );
  }

  /** Pins or unpins (no-op when unchanged; 51012 past 50 pinned; `@TIM#SYSTEM` pinned locally). */
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<{ code: 0; data: { conversationID: string } }> {
    return this.api(
      'pinConversation',
      [options],
      () => {
        if (!isValidId(options?.conversationID) || typeof options.isPinned !== 'boolean') throw paramsInvalid();
      },
      () => {
        const { conversationID, isPinned } = options;
        let conversation = this.conversations.get(conversationID);
        if (conversation?.isPinned === isPinned) return ok({ conversationID });
        if (isPinned && conversationID !== TYPES.CONV_SYSTEM && this.list().filter((c) => c.isPinned).length >= 50) {
          throw sdkError(51012, 'The number of pinned conversations exceeds the limit.');
        }
        if (!conversation) {
          conversation = this.build({ conversationID });
          this.conversations.set(conversationID, conversation);
        }
        conversation.isPinned = isPinned;
        this.sortList();
        this.listChanged();
        return ok({ conversationID });
      },
    );
  }

  /** Marks a conversation read: unread 0 and, for groups, the @-info cleared. */
  setMessageRead(options: { conversationID: string }): Promise<{ code: 0; data: undefined }> {
    return this.api(
      'setMessageRead',
      [options],
      () => {
        if (!isValidId(options?.conversationID)) throw paramsInvalid();
      },
      () => {
        const conversation = this.conversations.get(options.conversationID);
        if (!conversation) return ok(undefined);
        let changed = false;
        if (conversation.type === TYPES.CONV_GROUP && conversation.groupAtInfoList.length > 0) {
          conversation.groupAtInfoList = [];
          changed = true;
        }
        if (conversation.unreadCount > 0) {
          conversation.unreadCount = 0;
          changed = true;
        }
        if (changed) this.listChanged();
        return ok(undefined);
      },
    );
  }

  /** Marks every C2C and/or group conversation read (`scope` defaults to `READ_ALL_MSG`). */
  setAllMessageRead(options: { scope?: string | number } = {}): Promise<{ code: 0; data: undefined }> {
    return this.api(
      'setAllMessageRead',
      [options],
      () => {
        const scope = options?.scope;
        if (scope !== undefined && scope !== TYPES.READ_ALL_C2C_MSG && scope !== TYPES.READ_ALL_GROUP_MSG && scope !== TYPES.READ_ALL_MSG) {
          throw paramsInvalid();
        }
      },
      () => {
        const scope = options?.scope ?? TYPES.READ_ALL_MSG;
        let changed = false;
        for (const c of this.conversations.values()) {
          const inScope =
            (c.type === TYPES.CONV_C2C && scope !== TYPES.READ_ALL_GROUP_MSG) || (c.type === TYPES.CONV_GROUP && scope !== TYPES.READ_ALL_C2C_MSG);
          if (!inScope || (c.unreadCount === 0 && c.groupAtInfoList.length === 0)) continue;
          c.unreadCount = 0;
          c.groupAtInfoList = [];
          changed = true;
        }
        if (changed) this.listChanged();
        return ok(undefined);
      },
    );
  }

  /**
   * Mutes: `{ groupID, messageRemindType }` for a group, `{ userIDList, messageRemindType }` for C2C (only the
   * first 30 user ids are used). As in the SDK, a C2C `AcceptNotNotifyExceptAt` is shown locally although the server
   * would treat it as normal.
   */
  setMessageRemindType(options: {
    groupID?: string;
    userIDList?: string[];
    messageRemindType: string | number;
  }): Promise<{ code: 0; data: unknown }> {
    return this.api(
      'setMessageRemindType',
      [options],
      () => {
        if (typeof options?.messageRemindType !== 'string') throw paramsInvalid();
        if (!isNonEmptyString(options.groupID) && !Array.isArray(options.userIDList)) throw paramsInvalid();
      },
      () => {
        const remind = options.messageRemindType as string;
        if (isNonEmptyString(options.groupID)) {
          const conversation = this.conversations.get(`${TYPES.CONV_GROUP}${options.groupID}`);
          if (!conversation) throw sdkError(2501, 'Group not found.');
          if (conversation.messageRemindType !== remind) {
            conversation.messageRemindType = remind;
            this.listChanged();
          }
          return ok({ group: { groupID: options.groupID, messageRemindType: remind } });
        }
        const userIDs = (options.userIDList ?? []).slice(0, 30);
        const failing = new Set(this.options.failingUserIds ?? []);
        const successUserIDList: { userID: string }[] = [];
        const failureUserIDList: { userID: string; code: number }[] = [];
        let changed = false;
        for (const userID of userIDs) {
          if (failing.has(userID)) {
            failureUserIDList.push({ userID, code: 70107 });
            continue;
          }
          successUserIDList.push({ userID });
          const conversation = this.conversations.get(`${TYPES.CONV_C2C}${userID}`);
          if (conversation && conversation.messageRemindType !== remind) {
            conversation.messageRemindType = remind;
            changed = true;
          }
        }
        if (changed) this.listChanged();
        return ok({ successUserIDList, failureUserIDList });
      },
    );
  }

  /**
   * The total unread, synchronously: muted (any remind type but `AcceptAndNotify`) and `@TIM#SYSTEM` excluded;
   * hidden conversations counted, as the SDK reads no mark.
   */
  getTotalUnreadMessageCount(): number | Promise<never> {
    this.record('getTotalUnreadMessageCount', []);
    if (!this.ready) return Promise.reject(this.notReady('getTotalUnreadMessageCount'));
    return this.computeTotal();
  }

  /** Sets or clears a mark bit on up to 100 conversations (server 51006 above); 2500/2503 per id. */
  markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }): Promise<{ code: 0; data: unknown }> {
    return this.api(
      'markConversation',
      [options],
      () => {
        if (!Array.isArray(options?.conversationIDList) || typeof options.enableMark !== 'boolean') throw paramsInvalid();
        if (typeof options.markType !== 'number' || options.markType <= 0 || options.markType >= 2 ** 64) throw paramsInvalid();
      },
      () => {
        this.gate();
        const { valid, failures } = this.splitLocal(options.conversationIDList);
        if (failures.length === options.conversationIDList.length) return ok({ successConversationIDList: [], failureConversationIDList: failures });
        if (valid.length > 100) throw sdkError(51006, 'At most 100 conversations can be marked per request.');
        let changed = false;
        for (const conversation of valid) {
          const index = conversation.markList.indexOf(options.markType);
          if (options.enableMark && index < 0) conversation.markList.push(options.markType);
          else if (!options.enableMark && index >= 0) conversation.markList.splice(index, 1);
          else continue;
          changed = true;
        }
        if (changed) this.listChanged();
        return ok({ successConversationIDList: valid.map((c) => c.conversationID), failureConversationIDList: failures });
      },
    );
  }

  /** Sets custom data (at most 256 UTF-16 units, checked synchronously as the SDK does); 2500/2503 per id. */
  setConversationCustomData(options: { conversationIDList: string[]; customData: string }): Promise<{ code: 0; data: unknown }> {
    return this.api(
      'setConversationCustomData',
      [options],
      () => {
        if (!Array.isArray(options?.conversationIDList) || typeof options.customData !== 'string' || options.customData.length > 256) {
          throw paramsInvalid();
        }
      },
      () => {
        const { valid, failures } = this.splitLocal(options.conversationIDList);
        let changed = false;
        for (const conversation of valid) {
          if (conversation.customData === options.customData) continue;
          conversation.customData = options.customData;
          changed = true;
        }
        if (changed) this.listChanged();
        return ok({ successConversationIDList: valid.map((c) => c.conversationID), failureConversationIDList: failures });
      },
    );
  }

  /** The conversation group names. */
  getConversationGroupList(): Promise<{ code: 0; data: string[] }> {
    return this.api('getConversationGroupList', [], undefined, () => ok([...this.groups]));
  }

  /**
   * Creates a group with conversations. Names are checked in UTF-16 units by the client (1..32) and in UTF-8 bytes
   * by the server (51011). When every id fails locally (or the list is empty) it resolves without creating anything.
   */
  createConversationGroup(options: { conversationIDList: string[]; groupName: string }): Promise<{ code: 0; data: unknown }> {
    return this.api(
      'createConversationGroup',
      [options],
      () => {
        if (!Array.isArray(options?.conversationIDList)) throw paramsInvalid();
        this.validateName(options.groupName);
      },
      () => {
        this.gate();
        const { groupName } = options;
        const { valid, failures } = this.splitLocal(options.conversationIDList);
        if (failures.length === options.conversationIDList.length) return ok({ successConversationIDList: [], failureConversationIDList: failures });
        this.checkNameBytes(groupName);
        if (this.groups.includes(groupName)) throw sdkError(50002, `The conversation group "${groupName}" already exists.`);
        if (this.groups.length >= 20) throw sdkError(51010, 'At most 20 conversation groups can be created.');
        this.checkGroupedLimit(valid);
        this.groups.push(groupName);
        this.emitGroupList();
        for (const conversation of valid) conversation.conversationGroupList.push(groupName);
        if (valid.length > 0) {
          this.listChanged();
          this.emitGroupList();
        }
        return ok({ successConversationIDList: valid.map((c) => c.conversationID), failureConversationIDList: failures });
      },
    );
  }

  /** Deletes a group (51009 when missing); resolves `undefined`. */
  deleteConversationGroup(groupName: string): Promise<undefined> {
    return this.api(
      'deleteConversationGroup',
      [groupName],
      () => {
        if (!isNonEmptyString(groupName)) throw paramsInvalid();
      },
      () => {
        this.gate();
        if (!this.groups.includes(groupName)) throw sdkError(51009, `The conversation group "${groupName}" does not exist.`);
        this.groups = this.groups.filter((name) => name !== groupName);
        this.emitGroupList();
        let changed = false;
        for (const conversation of this.conversations.values()) {
          const index = conversation.conversationGroupList.indexOf(groupName);
          if (index < 0) continue;
          conversation.conversationGroupList.splice(index, 1);
          changed = true;
        }
        if (changed) this.listChanged();
        return undefined;
      },
    );
  }

  /** Renames a group in place (members keep it); 51009 when missing, 51011 over 32 bytes; resolves `undefined`. */
  renameConversationGroup(options: { oldName: string; newName: string }): Promise<undefined> {
    return this.api(
      'renameConversationGroup',
      [options],
      () => {
        if (!isNonEmptyString(options?.oldName)) throw paramsInvalid();
        this.validateName(options.newName);
      },
      () => {
        this.gate();
        const { oldName, newName } = options;
        if (!this.groups.includes(oldName)) throw sdkError(51009, `The conversation group "${oldName}" does not exist.`);
        this.checkNameBytes(newName);
        if (newName !== oldName && this.groups.includes(newName)) throw sdkError(50002, `The conversation group "${newName}" already exists.`);
        this.groups = this.groups.map((name) => (name === oldName ? newName : name));
        this.emitGroupList();
        let changed = false;
        for (const conversation of this.conversations.values()) {
          const index = conversation.conversationGroupList.indexOf(oldName);
          if (index < 0) continue;
          conversation.conversationGroupList.splice(index, 1, newName);
          changed = true;
        }
        if (changed) this.listChanged();
        return undefined;
      },
    );
  }

  /** Adds conversations to a group: per-id results; members already in it are in neither list. */
  addConversationsToGroup(options: { conversationIDList: string[]; groupName: string }): Promise<{ code: 0; data: unknown }> {
    return this.updateMembership('addConversationsToGroup', options, true);
  }

  /** Removes conversations from a group: per-id results; non-members are in neither list. */
  deleteConversationsFromGroup(options: { conversationIDList: string[]; groupName: string }): Promise<{ code: 0; data: unknown }> {
    return this.updateMembership('deleteConversationsFromGroup', options, false);
  }

  // ---- internals ---------------------------------------------------------------------------------

  private record(method: string, args: unknown[]): void {
    this.calls.push({ method, args: clone(args) });
  }

  private notReady(method: string): FakeTencentError {
    return sdkError(this.notReadyCode, `SDK is not ready | ${method} | Please call this API after SDK_READY.`);
  }

  /** The SDK's middleware order: not-ready rejection, then synchronous validation, then the async call. */
  private api<T>(method: string, args: unknown[], validate: (() => void) | undefined, body: () => T): Promise<T> {
    this.record(method, args);
    if (!this.ready) return Promise.reject(this.notReady(method));
    validate?.();
    return Promise.resolve().then(body);
  }

  private gate(): void {
    const code = this.options.unsupportedFeatureCode;
    if (code !== undefined) throw sdkError(code, 'This feature is not included in the purchased package.');
  }

  private validateName(name: unknown): void {
    // The Web SDK checks UTF-16 length, not bytes.
    if (!isNonEmptyString(name) || name.length > 32) throw paramsInvalid();
  }

  private checkNameBytes(name: string): void {
    if (encoder.encode(name).length > 32) throw sdkError(51011, `The conversation group name "${name}" is longer than 32 bytes.`);
  }

  private checkGroupedLimit(joining: readonly FakeTencentConversation[]): void {
    let grouped = 0;
    for (const c of this.conversations.values()) if (c.conversationGroupList.length > 0) grouped++;
    const added = joining.filter((c) => c.conversationGroupList.length === 0).length;
    if (added > 0 && grouped + added > 1000) throw sdkError(51008, 'At most 1000 conversations can be in conversation groups.');
  }

  private splitLocal(ids: readonly string[]): {
    valid: FakeTencentConversation[];
    failures: { conversationID: string; code: number; message: string }[];
  } {
    const valid: FakeTencentConversation[] = [];
    const failures: { conversationID: string; code: number; message: string }[] = [];
    for (const id of ids) {
      const conversation = this.conversations.get(id);
      if (!conversation) failures.push({ conversationID: id, code: 2500, message: 'Conversation not found.' });
      else if (conversation.type !== TYPES.CONV_C2C && conversation.type !== TYPES.CONV_GROUP) {
        failures.push({ conversationID: id, code: 2503, message: 'Invalid conversation ID.' });
      } else if (!valid.includes(conversation)) valid.push(conversation);
    }
    return { valid, failures };
  }

  private updateMembership(
    method: 'addConversationsToGroup' | 'deleteConversationsFromGroup',
    options: { conversationIDList: string[]; groupName: string },
    add: boolean,
  ): Promise<{ code: 0; data: unknown }> {
    return this.api(
      method,
      [options],
      () => {
        if (!Array.isArray(options?.conversationIDList) || !isNonEmptyString(options.groupName)) throw paramsInvalid();
      },
      () => {
        this.gate();
        const { groupName } = options;
        const { valid, failures } = this.splitLocal(options.conversationIDList);
        if (failures.length === options.conversationIDList.length) return ok({ successConversationIDList: [], failureConversationIDList: failures });
        if (!this.groups.includes(groupName)) throw sdkError(51009, `The conversation group "${groupName}" does not exist.`);
        if (add) this.checkGroupedLimit(valid);
        const success: string[] = [];
        for (const conversation of valid) {
          const index = conversation.conversationGroupList.indexOf(groupName);
          if (add && index < 0) conversation.conversationGroupList.push(groupName);
          else if (!add && index >= 0) conversation.conversationGroupList.splice(index, 1);
          else continue;
          success.push(conversation.conversationID);
        }
        if (success.length > 0) {
          this.listChanged();
          this.emit(EVENT.CONVERSATION_IN_GROUP_UPDATED, {
            name: EVENT.CONVERSATION_IN_GROUP_UPDATED,
            data: { groupName, conversationList: this.list().filter((c) => c.conversationGroupList.includes(groupName)) },
          });
        }
        return ok({ successConversationIDList: success, failureConversationIDList: failures });
      },
    );
  }

  private build(seed: FakeTencentConversationSeed): FakeTencentConversation {
    const id = seed.conversationID;
    const type = seed.type ?? typeOfId(id) ?? TYPES.CONV_C2C;
    const conversation: FakeTencentConversation = {
      conversationID: id,
      type,
      subType: '',
      unreadCount: seed.unreadCount ?? 0,
      lastMessage: { ...EMPTY_LAST_MESSAGE, ...seed.lastMessage },
      groupAtInfoList: (seed.groupAtInfoList ?? []).map((info) => ({ ...info, atTypeArray: [...info.atTypeArray] })),
      remark: seed.remark ?? '',
      isPinned: seed.isPinned ?? false,
      messageRemindType: seed.messageRemindType ?? TYPES.MSG_REMIND_ACPT_AND_NOTE,
      markList: [...(seed.markList ?? [])],
      customData: seed.customData ?? '',
      conversationGroupList: [...(seed.conversationGroupList ?? [])],
      draftText: seed.draftText ?? '',
      peerReadTime: seed.peerReadTime ?? 0,
    };
    if (type === TYPES.CONV_C2C) {
      const userID = seed.userProfile?.userID ?? id.slice(TYPES.CONV_C2C.length);
      const known = this.options.userProfiles?.[userID];
      conversation.userProfile = { userID, nick: known?.nick ?? '', avatar: known?.avatar ?? '', ...seed.userProfile };
    } else if (type === TYPES.CONV_GROUP) {
      const groupID = seed.groupProfile?.groupID ?? id.slice(TYPES.CONV_GROUP.length);
      const known = this.options.groupProfiles?.[groupID];
      conversation.groupProfile = {
        groupID,
        name: known?.name ?? '',
        avatar: known?.avatar ?? '',
        type: known?.type ?? TYPES.GRP_WORK,
        ...seed.groupProfile,
      };
      conversation.subType = conversation.groupProfile.type;
      if (conversation.subType === TYPES.GRP_AVCHATROOM) conversation.unreadCount = 0;
    }
    return conversation;
  }

  private list(): FakeTencentConversation[] {
    return [...this.conversations.values()];
  }

  private replaceOrder(entries: [string, FakeTencentConversation][]): void {
    this.conversations.clear();
    for (const [id, conversation] of entries) this.conversations.set(id, conversation);
  }

  /** The SDK's order: pinned with a last message, pinned without, unpinned with, unpinned without. */
  private sortList(): void {
    const entries = [...this.conversations];
    const bucket = ([, c]: [string, FakeTencentConversation]) => (c.isPinned ? 0 : 2) + (c.lastMessage.lastTime ? 0 : 1);
    entries.sort((a, b) => bucket(a) - bucket(b) || (bucket(a) % 2 === 0 ? b[1].lastMessage.lastTime - a[1].lastMessage.lastTime : 0));
    this.replaceOrder(entries);
  }

  private computeTotal(): number {
    let total = 0;
    for (const c of this.conversations.values()) {
      if (c.type === TYPES.CONV_SYSTEM) continue;
      if (c.messageRemindType !== '' && c.messageRemindType !== TYPES.MSG_REMIND_ACPT_AND_NOTE) continue;
      total += c.unreadCount;
    }
    return total;
  }

  private emitGroupList(): void {
    this.emit(EVENT.CONVERSATION_GROUP_LIST_UPDATED, { name: EVENT.CONVERSATION_GROUP_LIST_UPDATED, data: [...this.groups] });
  }

  /** The list changed: emit it (throttled) and the total when it changed (throttled too). */
  private listChanged(): void {
    this.throttled(EVENT.CONVERSATION_LIST_UPDATED);
    const total = this.computeTotal();
    if (total !== this.lastTotal) {
      this.lastTotal = total;
      this.throttled(EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED);
    }
  }

  private emitNow(name: string): void {
    if (name === EVENT.CONVERSATION_LIST_UPDATED) {
      this.emit(name, { name, data: this.list(), isSyncCompleted: this.syncCompleted });
    } else if (name === EVENT.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED) {
      this.emit(name, { name, data: this.computeTotal() });
    }
  }

  /** The SDK's throttle: leading emit, then within `throttleMs` of the last emit a (re)scheduled trailing one. */
  private throttled(name: string): void {
    if (this.throttleMs <= 0) {
      this.emitNow(name);
      return;
    }
    const time = Date.now();
    const state = this.throttles.get(name);
    if (!state) {
      this.throttles.set(name, { last: time });
      this.emitNow(name);
    } else if (time - state.last <= this.throttleMs) {
      if (state.timer !== undefined) clearTimeout(state.timer);
      state.timer = setTimeout(() => {
        state.timer = undefined;
        state.last = Date.now();
        this.emitNow(name);
      }, this.throttleMs);
    } else {
      state.last = time;
      this.emitNow(name);
    }
  }
}

/** Creates a fake Tencent Cloud Chat instance. See {@link FakeTencentChat}. */
export function createFakeTencentChat(options: FakeTencentChatOptions = {}): FakeTencentChat {
  return new FakeTencentChat(options);
}
