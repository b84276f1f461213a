/**
 * `inboxkit/adapters/tencent`: the Tencent Cloud Chat Web SDK (`@tencentcloud/chat` 3.6.6) behind the neutral
 * `ConversationAdapter` contract. The app creates and logs in the `chat` instance; the adapter only listens and calls
 * conversation APIs on it, and never loads the SDK itself (this module imports nothing from `@tencentcloud/chat`).
 *
 * ```ts
 * import TencentCloudChat from '@tencentcloud/chat';
 * import { createTencentAdapter } from 'inboxkit/adapters/tencent';
 *
 * const chat = TencentCloudChat.create({ SDKAppID });
 * const adapter = createTencentAdapter({ chat, TencentCloudChat });
 * chat.login({ userID, userSig });
 * ```
 *
 * Where its unread numbers come from:
 * - The list is one page (the SDK's whole local list, at most the cloud's 100 or 500 conversations), so the store
 *   holds every conversation once it has loaded and counts totals and every group itself, under
 *   `TENCENT_UNREAD_RULE`. The Web SDK has no per-group counts (`ConversationGroup.unreadCount` is never set).
 * - The backend total (`getTotalUnread`, `unreadTotalChanged`) is the SDK's `getTotalUnreadMessageCount` /
 *   `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED` over that same list, muted conversations and `@TIM#SYSTEM` left out, less
 *   what hidden conversations add: the SDK counts them, the kit does not (`total.ts`). It is 0 until the SDK's first
 *   sync completes.
 *
 * Marks are the SDK's own (`markConversation`): star, unread, fold, hide. They are only flags to the SDK: a message
 * to a hidden conversation leaves it hidden, and "unread" does not change the unread count.
 */
import { TENCENT_UNREAD_RULE, type AdapterCapabilities, type ConversationAdapter, type DeleteOptions } from '../../core/adapter.js';
import { readDrafts, type DraftStorage } from '../../core/drafts.js';
import { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationGroup, ConversationId, ConversationMark, Draft, MuteMode, OperationResult } from '../../core/types.js';
import { assertBoolean, assertGroupName, assertIdList, assertMark, assertMuteMode, assertNoGroupNamed, assertString, normalizeGroupName } from '../../core/validate.js';
import { resolveTencentConstants } from './constants.js';
import { callSdk, toTencentError } from './errors.js';
import { createTencentEventBridge } from './events.js';
import { createTencentTotal, hiddenUnread } from './total.js';
import {
  conversationIdOf,
  conversationIdsOf,
  groupNamesOf,
  kindOfId,
  mapConversation,
  mapConversationList,
  markTypeOf,
  targetIdOf,
  toRemindType,
  type TencentMapContext,
} from './map.js';
import type { TencentChatLike, TencentNamespaceLike, TencentRuntimeConstants } from './types.js';

export type {
  TencentChatLike,
  TencentEventHandler,
  TencentEvents,
  TencentNamespaceLike,
  TencentRuntimeConstants,
  TencentSdkEvent,
  TencentTypes,
} from './types.js';
export { resolveTencentConstants, TENCENT_EVENT_FALLBACK, TENCENT_TYPES_FALLBACK } from './constants.js';
export { TENCENT_ERROR_CODES, TENCENT_NOT_READY_CODES, toTencentError } from './errors.js';

/** The SDK's batch limits, handled by chunking. */
export const TENCENT_BATCH_LIMITS = Object.freeze({
  /** `deleteConversation({ conversationIDList })` silently drops ids past 100. */
  delete: 100,
  /** `setMessageRemindType({ userIDList })` silently drops user ids past 30. */
  muteUsers: 30,
  /** `markConversation` fails with 51006 above 100 conversations. */
  mark: 100,
  /** `setConversationCustomData` goes to the same server API as marks, which takes at most 100 conversations. */
  customData: 100,
});

/** `setConversationCustomData` refuses longer data (the SDK checks UTF-16 units, though its docs say bytes). */
export const TENCENT_CUSTOM_DATA_MAX_LENGTH = 256;

/** Options of {@link createTencentAdapter}. Only `chat` is required. */
export interface TencentAdapterOptions {
  /** The instance the app created with `TencentCloudChat.create(...)` (and logs in itself). */
  chat: TencentChatLike;
  /**
   * The SDK namespace (`import TencentCloudChat from '@tencentcloud/chat'`), for its runtime `TYPES` and `EVENT`.
   * @default the instance class's static `TYPES`/`EVENT` when it has them, else the 3.6.6 values
   * ({@link TENCENT_TYPES_FALLBACK}, {@link TENCENT_EVENT_FALLBACK})
   */
  TencentCloudChat?: TencentNamespaceLike;
  /**
   * The kit's persistent draft storage (usually the one given to the store). The Web SDK keeps drafts in memory
   * only, so the adapter dates SDK drafts from it, writes drafts set through `setDraft` to it, and once the SDK is
   * ready pushes stored drafts back into the SDK (`setConversationDraft`) so that the SDK's own UI sees them.
   */
  draftStorage?: DraftStorage;
  /**
   * Whether `connect()` waits for `SDK_READY` when the instance is not ready yet (the store then shows `loading`
   * instead of failing with `NOT_READY`).
   * @default true
   */
  waitForReady?: boolean;
  /**
   * Whether the app's plan includes conversation groups (Pro, Pro Plus, Enterprise). When false the adapter
   * reports `groups: 'none'` and group commands reject with `NOT_SUPPORTED` without calling the SDK.
   * @default true
   */
  groups?: boolean;
  /**
   * Title of the `@TIM#SYSTEM` conversation (group system notices). Leave it unset: the default `''` lets the
   * components name it in the reader's language; a string given here is shown as it is, in every locale.
   * @default ''
   */
  systemTitle?: string;
  /** Keep the SDK's conversation object as `raw` on each conversation. @default true */
  includeRaw?: boolean;
  /** Clock for draft times, in ms. @default Date.now */
  now?: () => number;
  /**
   * The signed-in user id, so that the kit keeps local data (drafts) per account: Tencent conversation ids
   * (`C2Cbob`) are the same for every account. @default `chat.getLoginUser()` when the instance has it
   */
  account?: string;
}

/** The Tencent adapter: the contract plus what only Tencent offers. */
export interface TencentAdapter extends ConversationAdapter {
  /** The resolved runtime `TYPES` and `EVENT`. */
  readonly constants: TencentRuntimeConstants;
  /** The SDK's total less hidden conversations (see the module doc); rejects with `NOT_READY` before `SDK_READY`. */
  getTotalUnread(): Promise<number>;
  /**
   * `setConversationCustomData`, 100 conversations per call, with per-id results: an uncached id fails with 2500,
   * `@TIM#SYSTEM` with 2503. Data over 256 characters is refused before any call.
   */
  setCustomData(ids: readonly ConversationId[], data: string): Promise<OperationResult>;
  /**
   * Sets the mute mode of several conversations with per-id results: direct chats go 30 user ids per
   * `setMessageRemindType` call, groups one call each. `silentExceptMention` fails with `NOT_SUPPORTED` for direct
   * chats (see `setMuteMode`), and the system conversation cannot be muted.
   */
  setMuteModes(ids: readonly ConversationId[], mode: MuteMode): Promise<OperationResult>;
  /**
   * Re-reads the list, the groups and the total from the SDK and emits them (`replaced`, `groupsChanged`,
   * `unreadTotalChanged`). Runs on `SDK_READY`; call it to reconcile at any time. Never rejects: a failure is
   * reported to listeners as `syncStateChanged` with status `failed`.
   */
  refresh(): Promise<void>;
}

/** A per-id failure; `sdkCode` carries the SDK's numeric code when there is one. */
export interface TencentOperationFailure {
  id: ConversationId;
  code: string;
  message: string;
  sdkCode?: number;
}

type Bag = Record<string, unknown>;
const bag = (value: unknown): Bag | undefined => (typeof value === 'object' && value !== null ? (value as Bag) : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? (value as unknown[]) : []);

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

/** Collects per-id outcomes of one or more SDK calls. */
class Batch {
  readonly succeeded: ConversationId[] = [];
  readonly failed: TencentOperationFailure[] = [];
  private readonly errors: InboxError[] = [];
  private readonly failures: InboxError[] = [];
  private answered = false;

  ok(id: ConversationId): void {
    this.succeeded.push(id);
  }

  fail(id: ConversationId, error: InboxError): void {
    const failure: TencentOperationFailure = { id, code: error.code, message: error.message };
    if (error.sdkCode !== undefined) failure.sdkCode = error.sdkCode;
    this.failed.push(failure);
    this.failures.push(error);
  }

  /** The error of the first failed id. */
  firstError(): InboxError | undefined {
    return this.failures[0];
  }

  /** An SDK call resolved (or answered per id). */
  answer(): void {
    this.answered = true;
  }

  /** An SDK call failed as a whole; its ids fail with `error`. */
  reject(ids: readonly ConversationId[], error: InboxError): void {
    this.errors.push(error);
    for (const id of ids) this.fail(id, error);
  }

  /** The result; when no call was answered at all, the first call error is thrown instead (e.g. `NOT_READY`). */
  result(): OperationResult {
    const first = this.errors[0];
    if (!this.answered && first && this.succeeded.length === 0) throw first;
    return { succeeded: this.succeeded, failed: this.failed };
  }
}

/** Applies a `{ successConversationIDList, failureConversationIDList }` response; unlisted ids count as done. */
function applyListResponse(batch: Batch, requested: readonly ConversationId[], response: unknown, operation: string): void {
  batch.answer();
  const failures = new Map<ConversationId, InboxError>();
  for (const entry of list(bag(bag(response)?.data)?.failureConversationIDList)) {
    const id = bag(entry)?.conversationID;
    if (typeof id === 'string') failures.set(id, toTencentError(entry, operation));
  }
  // The SDK leaves out ids that needed no change (already in the group): they are done, not failed.
  for (const id of requested) {
    const error = failures.get(id);
    if (error) batch.fail(id, error);
    else batch.ok(id);
  }
}

function unique(ids: readonly ConversationId[]): ConversationId[] {
  return [...new Set(ids)];
}

/**
 * Creates the adapter for a Tencent Cloud Chat instance.
 *
 * - The list is one page: `getConversationList()` returns every cached conversation (`cursor: null`).
 * - Every `CONVERSATION_LIST_UPDATED` snapshot is emitted as `replaced`.
 * - Drafts live in the kit's draft storage (`draftsPersisted: false`); `setDraft` also calls
 *   `setConversationDraft` so the SDK's own UI sees them.
 * - Group names are checked in UTF-8 bytes (1..32) before any SDK call: the SDK only checks string length and the
 *   server then fails with 51011.
 * - Batches are chunked to the SDK's limits ({@link TENCENT_BATCH_LIMITS}) and merged into per-id results.
 * - `silentExceptMention` on a direct chat rejects with `NOT_SUPPORTED`: the Web SDK sends it to the server as
 *   "normal" while showing it locally, so the two would silently diverge.
 */
export function createTencentAdapter(options: TencentAdapterOptions): TencentAdapter {
  const { chat } = options;
  if (!chat || typeof chat.on !== 'function' || typeof chat.getConversationList !== 'function') {
    throw new InboxError('INVALID_ARGUMENT', 'createTencentAdapter needs `chat`, the instance created with TencentCloudChat.create().');
  }
  const constants = resolveTencentConstants(chat, options.TencentCloudChat);
  const { TYPES, EVENT } = constants;
  const now = options.now ?? Date.now;
  const draftStorage = options.draftStorage;
  const groupsEnabled = options.groups !== false;
  const waitForReady = options.waitForReady !== false;
  const systemTitle = typeof options.systemTitle === 'string' ? options.systemTitle : '';
  const includeRaw = options.includeRaw !== false;

  // Draft times: the Web SDK keeps none, so a draft keeps the time it was first seen (or stored) while its text stays.
  const draftTimes = new Map<ConversationId, Draft>();
  let draftsRestored = false;

  function mapContext(): TencentMapContext {
    let stored: Map<ConversationId, Draft> | undefined;
    return {
      types: TYPES,
      systemTitle,
      includeRaw,
      draftTime(id, text) {
        const known = draftTimes.get(id);
        if (known?.text === text) return known.updatedAt;
        stored ??= readDrafts(draftStorage ?? null);
        const fromStorage = stored.get(id);
        const updatedAt = fromStorage?.text === text ? fromStorage.updatedAt : now();
        draftTimes.set(id, { text, updatedAt });
        return updatedAt;
      },
    };
  }

  const mapList = (items: unknown) => mapConversationList(items, mapContext());

  const total = createTencentTotal(
    TENCENT_UNREAD_RULE,
    (event) => bridge.emit(event),
    () => {
      try {
        const value = chat.getTotalUnreadMessageCount();
        if (typeof value === 'number') return value;
        // Not ready: the SDK answered with a rejected Promise, which nobody else will handle.
        void Promise.resolve(value).catch(() => undefined);
        return undefined;
      } catch {
        return undefined;
      }
    },
  );
  const bridge = createTencentEventBridge({
    chat,
    events: EVENT,
    mapList,
    total,
    onReady() {
      void refresh();
    },
    onNotReady() {
      draftsRestored = false;
    },
  });

  async function readSnapshot(): Promise<{ items: unknown[]; isSyncCompleted: unknown }> {
    const response = await callSdk('getConversationList', () => chat.getConversationList());
    const data = bag(bag(response)?.data);
    if (!data || !Array.isArray(data.conversationList)) {
      throw new InboxError('ADAPTER_FAILED', 'Tencent Cloud Chat getConversationList returned no conversationList.', { cause: response });
    }
    return { items: data.conversationList as unknown[], isSyncCompleted: data.isSyncCompleted };
  }

  /** Group names, or `undefined` when the plan has no groups (3122 / 51013). */
  async function readGroupNames(): Promise<string[] | undefined> {
    try {
      const response = await callSdk('getConversationGroupList', () => chat.getConversationGroupList());
      return groupNamesOf(bag(response)?.data);
    } catch (error) {
      if (error instanceof InboxError && error.code === 'NOT_SUPPORTED') return undefined;
      throw error;
    }
  }

  /** Pushes stored drafts into the SDK once per ready session, for conversations whose SDK draft is empty. */
  function restoreDrafts(items: readonly unknown[]): void {
    if (!draftStorage || draftsRestored) return;
    draftsRestored = true;
    const stored = readDrafts(draftStorage);
    for (const item of items) {
      const conversation = bag(item);
      const id = conversation?.conversationID;
      if (typeof id !== 'string' || conversation?.draftText) continue;
      const draft = stored.get(id);
      if (!draft?.text) continue;
      draftTimes.set(id, draft);
      void callSdk('setConversationDraft', () => chat.setConversationDraft({ conversationID: id, draftText: draft.text })).catch(() => {
        // best effort: the kit still shows the stored draft
      });
    }
  }

  /** `getTotalUnreadMessageCount()`: a number once ready; before `SDK_READY` the SDK returns a rejected Promise. */
  function readSdkTotal(): number | Promise<number> {
    let value: unknown;
    try {
      value = chat.getTotalUnreadMessageCount();
    } catch (error) {
      return Promise.reject(toTencentError(error, 'getTotalUnreadMessageCount'));
    }
    if (typeof value === 'number') return value;
    return callSdk('getTotalUnreadMessageCount', () => value as PromiseLike<unknown>).then((resolved) => {
      const data = bag(resolved)?.data;
      if (typeof resolved === 'number') return resolved;
      if (typeof data === 'number') return data;
      throw new InboxError('ADAPTER_FAILED', 'Tencent Cloud Chat getTotalUnreadMessageCount returned no number.', { cause: resolved });
    });
  }

  /** The SDK's total less what hidden conversations add (see `total.ts`), read with the list it is computed over. */
  async function readTotal(): Promise<number> {
    const [sdkTotal, snapshot] = await Promise.all([readSdkTotal(), readSnapshot()]);
    return Math.max(0, sdkTotal - hiddenUnread(mapList(snapshot.items), TENCENT_UNREAD_RULE));
  }

  async function refresh(): Promise<void> {
    try {
      const snapshot = await readSnapshot();
      const conversations = mapList(snapshot.items);
      bridge.emit({ type: 'replaced', conversations });
      total.noteList(conversations);
      bridge.noteSyncCompleted(snapshot.isSyncCompleted);
      restoreDrafts(snapshot.items);
      if (groupsEnabled) {
        const names = await readGroupNames();
        if (names) bridge.emit({ type: 'groupsChanged', names });
      }
      total.noteSdkTotal(await readSdkTotal());
    } catch (error) {
      bridge.reportSync('failed', toTencentError(error, 'refresh'));
    }
  }

  /**
   * The ids the SDK has in its local cache. Commands on an uncached conversation would otherwise not fail: `pin`
   * creates it, `markRead` and a C2C mute silently succeed.
   */
  async function cachedIds(ids: readonly ConversationId[]): Promise<Set<ConversationId>> {
    const response = await callSdk('getConversationList', () => chat.getConversationList([...ids]));
    return new Set(conversationIdsOf(bag(bag(response)?.data)?.conversationList));
  }

  function notCached(id: ConversationId): InboxError {
    return new InboxError('CONVERSATION_NOT_FOUND', `Tencent Cloud Chat has no conversation "${id}" in its cache.`, { sdkCode: 2500 });
  }

  async function requireCached(id: ConversationId): Promise<void> {
    if (!(await cachedIds([id])).has(id)) throw notCached(id);
  }

  /** Throws `GROUP_EXISTS` when the SDK already has a group with this name (the server's code for it is undocumented). */
  async function assertNoSdkGroupNamed(name: string): Promise<void> {
    const names = await readGroupNames();
    assertNoGroupNamed(names ?? [], name);
  }

  function requireGroups(): void {
    if (!groupsEnabled) throw new InboxError('NOT_SUPPORTED', 'Conversation groups are disabled for this Tencent Cloud Chat adapter.');
  }

  function assertGroupReference(name: unknown): asserts name is string {
    assertString(name, 'the group name');
    if (!name) throw new InboxError('INVALID_ARGUMENT', 'A group name must not be empty.');
  }

  async function muteBatch(ids: readonly ConversationId[], mode: MuteMode): Promise<Batch> {
    assertIdList(ids);
    assertMuteMode(mode);
    const batch = new Batch();
    const messageRemindType = toRemindType(mode, TYPES);
    const direct: ConversationId[] = [];
    const groups: ConversationId[] = [];
    const requested = unique(ids);
    const cached = requested.length > 0 ? await cachedIds(requested) : new Set<ConversationId>();
    for (const id of requested) {
      const kind = kindOfId(id, TYPES);
      if (!cached.has(id)) batch.fail(id, notCached(id));
      else if (kind === 'direct' && mode === 'silentExceptMention') {
        batch.fail(
          id,
          new InboxError(
            'NOT_SUPPORTED',
            'Tencent Cloud Chat Web cannot mute a direct chat "except @-mentions": the server would keep notifying. Use "silent".',
          ),
        );
      } else if (kind === 'direct') direct.push(id);
      else if (kind === 'group') groups.push(id);
      else batch.fail(id, new InboxError('NOT_SUPPORTED', `The conversation "${id}" cannot be muted.`));
    }
    for (const chunk of chunks(direct, TENCENT_BATCH_LIMITS.muteUsers)) {
      const userIDList = chunk.map((id) => targetIdOf(id, TYPES));
      try {
        const response = await callSdk('setMessageRemindType', () => chat.setMessageRemindType({ userIDList, messageRemindType }));
        batch.answer();
        const failures = new Map<string, InboxError>();
        for (const entry of list(bag(bag(response)?.data)?.failureUserIDList)) {
          const userID = bag(entry)?.userID;
          if (typeof userID === 'string') failures.set(userID, toTencentError(entry, 'setMessageRemindType'));
        }
        chunk.forEach((id, index) => {
          const error = failures.get(userIDList[index]!);
          if (error) batch.fail(id, error);
          else batch.ok(id);
        });
      } catch (error) {
        batch.reject(chunk, toTencentError(error, 'setMessageRemindType'));
      }
    }
    for (const id of groups) {
      try {
        await callSdk('setMessageRemindType', () => chat.setMessageRemindType({ groupID: targetIdOf(id, TYPES), messageRemindType }));
        batch.answer();
        batch.ok(id);
      } catch (error) {
        batch.reject([id], toTencentError(error, 'setMessageRemindType'));
      }
    }
    return batch;
  }

  async function setMuteModes(ids: readonly ConversationId[], mode: MuteMode): Promise<OperationResult> {
    return (await muteBatch(ids, mode)).result();
  }

  const capabilities: AdapterCapabilities = Object.freeze({
    groups: groupsEnabled ? 'native' : 'none',
    paging: false,
    maxGroups: 20,
    groupNameMaxBytes: 32,
    maxPinned: 50,
    maxGroupedConversations: 1000,
    serverDelete: true,
    draftsPersisted: false,
    marks: Object.freeze(['star', 'unread', 'fold', 'hide'] as ConversationMark[]),
    unreadRule: TENCENT_UNREAD_RULE,
    orderBy: 'lastActivity',
    // `silentExceptMention` exists for groups only on Tencent Web; system notices cannot be muted.
    muteModes: Object.freeze({
      direct: Object.freeze(['none', 'silent', 'blocked'] as MuteMode[]),
      group: Object.freeze(['none', 'silent', 'silentExceptMention', 'blocked'] as MuteMode[]),
      system: Object.freeze([] as MuteMode[]),
    }),
    // The Web SDK resolves an empty create without creating anything.
    emptyGroups: false,
    // loadGroups lists as members the conversations whose groupList names the group.
    groupNamesMatchGroups: true,
    customDataMaxLength: typeof chat.setConversationCustomData === 'function' ? TENCENT_CUSTOM_DATA_MAX_LENGTH : 0,
    extras: Object.freeze({ directSilentExceptMention: false }),
  } satisfies AdapterCapabilities);

  const pendingReady = new Set<() => void>();

  return {
    name: 'tencent',
    get account() {
      if (typeof options.account === 'string' && options.account) return options.account;
      const getLoginUser = (chat as { getLoginUser?: () => unknown }).getLoginUser;
      const user = typeof getLoginUser === 'function' ? getLoginUser.call(chat) : undefined;
      return typeof user === 'string' && user ? user : undefined;
    },
    capabilities,
    constants,
    subscribe: (listener) => bridge.subscribe(listener),

    connect() {
      if (!waitForReady || typeof chat.isReady !== 'function' || chat.isReady()) return;
      return new Promise<void>((resolve) => {
        const finish = () => {
          chat.off(EVENT.SDK_READY, finish);
          pendingReady.delete(finish);
          resolve();
        };
        pendingReady.add(finish);
        chat.on(EVENT.SDK_READY, finish);
      });
    },

    disconnect() {
      for (const finish of [...pendingReady]) finish();
    },

    async loadConversations() {
      const snapshot = await readSnapshot();
      bridge.noteSyncCompleted(snapshot.isSyncCompleted);
      restoreDrafts(snapshot.items);
      const conversations = mapList(snapshot.items);
      total.noteList(conversations);
      return { conversations, cursor: null, isFinished: true };
    },

    async loadGroups(): Promise<readonly ConversationGroup[]> {
      if (!groupsEnabled) return [];
      const [names, snapshot] = await Promise.all([readGroupNames(), readSnapshot()]);
      if (!names) return [];
      const members = new Map<string, ConversationId[]>(names.map((name) => [name, []]));
      for (const conversation of mapList(snapshot.items)) {
        for (const name of conversation.groupNames) members.get(name)?.push(conversation.id);
      }
      return names.map((name) => ({ name, conversationIds: members.get(name)! }));
    },

    getTotalUnread: readTotal,

    async openConversation(target): Promise<Conversation> {
      const record = bag(target);
      if (!record || (record.kind !== 'direct' && record.kind !== 'group')) {
        throw new InboxError('INVALID_ARGUMENT', 'openConversation needs { kind: "direct" | "group", targetId }.');
      }
      assertString(record.targetId, 'targetId');
      if (!record.targetId) throw new InboxError('INVALID_ARGUMENT', 'openConversation needs a non-empty targetId.');
      const id = conversationIdOf(record.kind, record.targetId, TYPES);
      const response = await callSdk('getConversationProfile', () => chat.getConversationProfile(id));
      const conversation = mapConversation(bag(bag(response)?.data)?.conversation, mapContext());
      if (!conversation) {
        throw new InboxError('ADAPTER_FAILED', `Tencent Cloud Chat getConversationProfile returned no conversation for "${id}".`, {
          cause: response,
        });
      }
      return conversation;
    },

    async pin(id, isPinned) {
      assertIdList([id]);
      assertBoolean(isPinned, 'isPinned');
      await requireCached(id);
      await callSdk('pinConversation', () => chat.pinConversation({ conversationID: id, isPinned }));
    },

    async setDraft(id, text) {
      assertIdList([id]);
      assertString(text, 'the draft text');
      if (text) draftTimes.set(id, { text, updatedAt: now() });
      else draftTimes.delete(id);
      if (draftStorage && readDrafts(draftStorage).get(id)?.text !== (text || undefined)) {
        draftStorage.set(id, text ? draftTimes.get(id) : undefined);
      }
      await callSdk('setConversationDraft', () => chat.setConversationDraft({ conversationID: id, draftText: text }));
    },

    async setMuteMode(id, mode) {
      assertIdList([id]);
      const error = (await muteBatch([id], mode)).firstError();
      if (error) throw error;
    },

    setMuteModes,

    async markRead(id) {
      assertIdList([id]);
      await requireCached(id);
      await callSdk('setMessageRead', () => chat.setMessageRead({ conversationID: id }));
    },

    async markAllRead() {
      await callSdk('setAllMessageRead', () => chat.setAllMessageRead({ scope: TYPES.READ_ALL_MSG }));
    },

    async setMark(ids, mark, enabled) {
      assertIdList(ids);
      assertMark(mark);
      assertBoolean(enabled, 'enabled');
      const markType = markTypeOf(mark, TYPES);
      const batch = new Batch();
      for (const chunk of chunks(unique(ids), TENCENT_BATCH_LIMITS.mark)) {
        try {
          const response = await callSdk('markConversation', () =>
            chat.markConversation({ conversationIDList: chunk, markType, enableMark: enabled }),
          );
          applyListResponse(batch, chunk, response, 'markConversation');
        } catch (error) {
          batch.reject(chunk, toTencentError(error, 'markConversation'));
        }
      }
      return batch.result();
    },

    async setCustomData(ids, data) {
      assertIdList(ids);
      assertString(data, 'the custom data');
      if (data.length > TENCENT_CUSTOM_DATA_MAX_LENGTH) {
        throw new InboxError('INVALID_ARGUMENT', `Tencent Cloud Chat keeps at most ${TENCENT_CUSTOM_DATA_MAX_LENGTH} characters of custom data, got ${data.length}.`);
      }
      const setConversationCustomData = chat.setConversationCustomData?.bind(chat);
      if (!setConversationCustomData) throw new InboxError('NOT_SUPPORTED', 'This Tencent Cloud Chat SDK has no setConversationCustomData.');
      const batch = new Batch();
      for (const chunk of chunks(unique(ids), TENCENT_BATCH_LIMITS.customData)) {
        try {
          const response = await callSdk('setConversationCustomData', () => setConversationCustomData({ conversationIDList: chunk, customData: data }));
          applyListResponse(batch, chunk, response, 'setConversationCustomData');
        } catch (error) {
          batch.reject(chunk, toTencentError(error, 'setConversationCustomData'));
        }
      }
      return batch.result();
    },

    async deleteConversations(ids, deleteOptions: DeleteOptions = {}) {
      assertIdList(ids);
      const clearHistoryMessage = deleteOptions.clearHistory !== false;
      const batch = new Batch();
      const removed: ConversationId[] = [];
      for (const chunk of chunks(unique(ids), TENCENT_BATCH_LIMITS.delete)) {
        try {
          const response = await callSdk('deleteConversation', () =>
            chat.deleteConversation({ conversationIDList: chunk, clearHistoryMessage }),
          );
          batch.answer();
          const data = bag(bag(response)?.data);
          const deleted = new Set(list(data?.conversationIDList).filter((id): id is string => typeof id === 'string'));
          if (typeof data?.conversationID === 'string') deleted.add(data.conversationID);
          for (const id of chunk) {
            if (deleted.has(id)) {
              batch.ok(id);
              removed.push(id);
            } else {
              batch.fail(id, new InboxError('ADAPTER_FAILED', `Tencent Cloud Chat did not delete "${id}" (not cached, or refused by the server).`));
            }
          }
        } catch (cause) {
          const error = toTencentError(cause, 'deleteConversation');
          // 2500: none of this chunk was deleted. That is a per-id answer, not a failed call.
          if (error.sdkCode === 2500) {
            batch.answer();
            for (const id of chunk) batch.fail(id, error);
          } else batch.reject(chunk, error);
        }
      }
      if (removed.length > 0) bridge.emit({ type: 'removed', ids: removed });
      return batch.result();
    },

    async createGroup(rawName, ids) {
      requireGroups();
      assertGroupName(rawName, capabilities.groupNameMaxBytes);
      const name = normalizeGroupName(rawName);
      assertIdList(ids);
      const conversationIDList = unique(ids);
      if (conversationIDList.length === 0) {
        // The Web SDK resolves without creating anything when the list is empty.
        throw new InboxError('INVALID_ARGUMENT', 'Tencent Cloud Chat cannot create an empty conversation group: pass at least one conversation.');
      }
      await assertNoSdkGroupNamed(name);
      const response = await callSdk('createConversationGroup', () => chat.createConversationGroup({ groupName: name, conversationIDList }));
      const batch = new Batch();
      applyListResponse(batch, conversationIDList, response, 'createConversationGroup');
      const result = batch.result();
      const first = batch.firstError();
      if (result.succeeded.length === 0 && first) {
        // Every id failed locally, so the SDK resolved without creating the group.
        throw new InboxError(first.code, `The group "${name}" was not created: ${first.message}`, { sdkCode: first.sdkCode, cause: response });
      }
      return result;
    },

    async renameGroup(oldName, rawNewName) {
      requireGroups();
      assertGroupReference(oldName);
      assertGroupName(rawNewName, capabilities.groupNameMaxBytes);
      const newName = normalizeGroupName(rawNewName);
      if (oldName === newName) return;
      await assertNoSdkGroupNamed(newName);
      await callSdk('renameConversationGroup', () => chat.renameConversationGroup({ oldName, newName }));
    },

    async deleteGroup(name) {
      requireGroups();
      assertGroupReference(name);
      await callSdk('deleteConversationGroup', () => chat.deleteConversationGroup(name));
    },

    async addToGroup(name, ids) {
      requireGroups();
      assertGroupReference(name);
      assertIdList(ids);
      const conversationIDList = unique(ids);
      if (conversationIDList.length === 0) return { succeeded: [], failed: [] };
      const response = await callSdk('addConversationsToGroup', () => chat.addConversationsToGroup({ groupName: name, conversationIDList }));
      const batch = new Batch();
      applyListResponse(batch, conversationIDList, response, 'addConversationsToGroup');
      return batch.result();
    },

    async removeFromGroup(name, ids) {
      requireGroups();
      assertGroupReference(name);
      assertIdList(ids);
      const conversationIDList = unique(ids);
      if (conversationIDList.length === 0) return { succeeded: [], failed: [] };
      const response = await callSdk('deleteConversationsFromGroup', () =>
        chat.deleteConversationsFromGroup({ groupName: name, conversationIDList }),
      );
      const batch = new Batch();
      applyListResponse(batch, conversationIDList, response, 'deleteConversationsFromGroup');
      return batch.result();
    },

    refresh,
  };
}
