/**
 * An in-memory stand-in for the `getSDK()` instance of `@openim/wasm-client-sdk` 3.8.5, reproducing the
 * behaviour recorded in `sdk-semantics.md` (SQL of the wasm worker, events of the Go core, quirks of the
 * 3.8.5 wrapper). For tests and stories: it never loads the real package and imports no test runner.
 */
import type { OpenIMConversationGroup, OpenIMConversationItem, OpenIMEventHandler, OpenIMResponse, OpenIMSdk } from '../adapters/openim/sdk.js';

/** A row to seed the fake with: `conversationID` plus any `ConversationItem` fields (the rest get defaults). */
export type FakeOpenIMConversationSeed = Partial<OpenIMConversationItem> & { conversationID: string };

/** Options of `createFakeOpenIMSdk`. */
export interface FakeOpenIMSdkOptions {
  /** The logged-in user (part of `si_` ids). @default 'me' */
  selfUserId?: string;
  /** Initial rows of the local conversation table. */
  conversations?: readonly FakeOpenIMConversationSeed[];
  /** Display names by user or group id, used for rows the fake creates itself. */
  names?: Readonly<Record<string, string>>;
  /** @default Date.now */
  now?: () => number;
  /**
   * Back the enterprise conversation-group API, like a commercial build. When false (the default), those
   * functions exist but reject without `errCode`, as in the 3.8.5 open-source build.
   */
  nativeGroups?: boolean;
  /** Initial enterprise groups (only with `nativeGroups`). */
  conversationGroups?: readonly { name: string; conversationIDs: readonly string[] }[];
  /**
   * Also expose `markAllConversationMessageAsRead` and `hideAllConversations`, which the Go core has but the
   * 3.8.5 wrapper does not. @default false
   */
  coreExtras?: boolean;
  /** Delay of every call, in ms (for stories). @default 0 */
  latencyMs?: number;
}

/** How a call injected with `failNext` fails: an SDK error, or `'unbacked'` (a rejection without `errCode`). */
export type FakeOpenIMFailure = { errCode: number; errMsg?: string } | 'unbacked';

/** Options of `simulateMessage`. */
export interface FakeOpenIMMessageOptions {
  senderId?: string;
  senderName?: string;
  /** The @-state the server sets with this message (`GroupAtType`). */
  groupAtType?: number;
  /** Sent by the user (from another device): no unread. */
  fromSelf?: boolean;
  /** Fields merged into the `MessageItem` (e.g. `{ contentType: 102, pictureElem: {...} }`). */
  message?: Record<string, unknown>;
}

/** The fake SDK: the `OpenIMSdk` surface plus drivers and inspection helpers. */
export interface FakeOpenIMSdk extends OpenIMSdk {
  getAllConversationList(): Promise<OpenIMResponse<OpenIMConversationItem[]>>;
  getMultipleConversation(conversationIDs: string[]): Promise<OpenIMResponse<OpenIMConversationItem[]>>;
  getLoginUserID(): Promise<OpenIMResponse<string>>;
  setSelfInfo(params: { globalRecvMsgOpt?: number }): Promise<OpenIMResponse<unknown>>;
  getSelfUserInfo(): Promise<OpenIMResponse<Record<string, unknown>>>;
  clearConversationAndDeleteAllMsg(conversationID: string): Promise<OpenIMResponse<unknown>>;
  /** Miswired in 3.8.5 (operationID passed as the id): resolves and does nothing. */
  deleteConversation(conversationID: string): Promise<OpenIMResponse<unknown>>;
  /** Declared by 3.8.5, not backed by its wasm: rejects without `errCode`. */
  deleteAllConversationFromLocal(): Promise<OpenIMResponse<unknown>>;
  /** Declared by 3.8.5, not backed by its wasm: rejects without `errCode`. */
  getConversationRecvMessageOpt(conversationIDs: string[]): Promise<OpenIMResponse<unknown>>;
  /** Deprecated alias of `setConversation({ conversationID, groupAtType: 0 })`. */
  resetConversationGroupAtType(conversationID: string): Promise<OpenIMResponse<unknown>>;
  getConversationGroupIDsByConversationID(conversationID: string): Promise<OpenIMResponse<string[]>>;
  setConversationGroupOrder(orders: { conversationGroupID: string; order: number }[]): Promise<OpenIMResponse<unknown>>;
  getConversationGroupInfoWithConversations(params: {
    conversationGroupID: string;
    pagination: { pageNumber: number; showNumber: number };
  }): Promise<OpenIMResponse<{ group: OpenIMConversationGroup; conversationTotal: number; conversationElems: OpenIMConversationItem[] }>>;

  /** Delivers an SDK event to listeners, wrapped like the wrapper does (`{ event, data, errCode: 0, ... }`). */
  emit(event: string, data: unknown): void;
  /** Registered listeners, for one event or all. */
  listenerCount(event?: string): number;
  /**
   * A text message arrives (or is sent from another device): the row gets `latestMsg`/`latestMsgSendTime`,
   * unread +1, and `OnNewConversation` when no row existed, else `OnConversationChanged` (hidden rows re-appear).
   */
  simulateMessage(conversationID: string, text: string, atMs?: number, options?: FakeOpenIMMessageOptions): OpenIMConversationItem;
  /** A server-side change of a row (names, `isNotInGroup`, `groupAtType`, ...), delivered like the core does. */
  simulateServerUpdate(conversationID: string, patch: Partial<OpenIMConversationItem>): OpenIMConversationItem;
  /** `OnSyncServerStart`, `OnSyncServerProgress` per value, then `OnSyncServerFinish` or `OnSyncServerFailed`. */
  simulateSync(options?: { progress?: readonly number[]; fail?: boolean; reinstalled?: boolean }): void;
  /** Inserts or replaces a row without any event (test setup). */
  putRow(seed: FakeOpenIMConversationSeed): OpenIMConversationItem;
  /** A copy of one row, hidden or not. */
  row(conversationID: string): OpenIMConversationItem | undefined;
  /** Copies of every row in table order (hidden ones included). */
  table(): OpenIMConversationItem[];
  /** Makes the next call of `method` fail. */
  failNext(method: string, failure?: FakeOpenIMFailure): void;
  /** Every call made, in order. */
  readonly calls: readonly { method: string; args: readonly unknown[] }[];
  /** The user's `globalRecvMsgOpt`. */
  readonly globalRecvMsgOpt: number;
}

const SINGLE = 1;
const GROUP = 3;
const LEGACY_GROUP = 2;
const NOTIFICATION = 4;
const TEXT_MESSAGE = 101;

/** The id OpenIM gives a conversation: `si_<a>_<b>` (sorted), `sg_<group>`, `sn_<a>_<b>`, legacy `g_<group>`. */
export function fakeOpenIMConversationId(selfUserId: string, sessionType: number, sourceID: string): string {
  const pair = [selfUserId, sourceID].sort().join('_');
  switch (sessionType) {
    case SINGLE:
      return `si_${pair}`;
    case GROUP:
      return `sg_${sourceID}`;
    case LEGACY_GROUP:
      return `g_${sourceID}`;
    case NOTIFICATION:
      return `sn_${pair}`;
    default:
      throw new Error(`Unknown session type ${sessionType}`);
  }
}

function describeId(selfUserId: string, id: string): { conversationType: number; userID: string; groupID: string } {
  const peerOf = (rest: string) => {
    const parts = rest.split('_');
    return parts.find((part) => part !== selfUserId) ?? parts[parts.length - 1] ?? rest;
  };
  if (id.startsWith('sg_')) return { conversationType: GROUP, userID: '', groupID: id.slice(3) };
  if (id.startsWith('g_')) return { conversationType: LEGACY_GROUP, userID: '', groupID: id.slice(2) };
  if (id.startsWith('sn_')) return { conversationType: NOTIFICATION, userID: peerOf(id.slice(3)), groupID: '' };
  if (id.startsWith('si_')) return { conversationType: SINGLE, userID: peerOf(id.slice(3)), groupID: '' };
  return { conversationType: SINGLE, userID: id, groupID: '' };
}

/** A JSON `latestMsg` for a text message, as the core stores it. */
export function fakeOpenIMTextMessage(text: string, sendTime: number, fields: Record<string, unknown> = {}): string {
  return JSON.stringify({
    clientMsgID: `msg_${sendTime}`,
    serverMsgID: `srv_${sendTime}`,
    createTime: sendTime,
    sendTime,
    sessionType: SINGLE,
    sendID: 'someone',
    recvID: 'me',
    msgFrom: 100,
    contentType: TEXT_MESSAGE,
    senderPlatformID: 5,
    senderNickname: '',
    senderFaceUrl: '',
    groupID: '',
    content: '',
    seq: 1,
    isRead: false,
    status: 2,
    textElem: { content: text },
    ...fields,
  });
}

/**
 * Creates the fake. Behaviour reproduced (see `sdk-semantics.md`):
 * - `getConversationListSplit` is `LIMIT/OFFSET` over the live table sorted by pinned, then
 *   `max(latestMsgSendTime, draftTextTime)` descending; rows with `latestMsgSendTime = 0` are hidden.
 * - `OnNewConversation` only when no row existed, `OnConversationChanged` otherwise (re-appearing hidden rows
 *   included); no event for hidden rows, none on `hideConversation`, `OnConversationChanged([])` on
 *   `deleteConversationAndDeleteAllMsg`.
 * - `getOneConversation` inserts a hidden row without an event; `setConversationDraft` with text un-hides.
 * - `markConversationMessageAsRead` does not reset `groupAtType`, and rejects 10303 when nothing is unread.
 * - `getTotalUnreadMsgCount` is `sum(unreadCount) where recvMsgOpt < 2 and latestMsgSendTime > 0`.
 * - With `nativeGroups`, a group's `unreadCount` follows the total's rule and the group is sent again through
 *   `OnConversationGroupChanged` when it moves: both assumptions, as the commercial SDK documents neither.
 * - Responses are `{ errCode: 0, errMsg: '', data }`; failures reject `{ errCode, errMsg }` (1004 from
 *   `setConversation`, 10002 "record not found" from local-table calls); unbacked calls reject without `errCode`.
 */
export function createFakeOpenIMSdk(options: FakeOpenIMSdkOptions = {}): FakeOpenIMSdk {
  const selfUserId = options.selfUserId ?? 'me';
  const now = options.now ?? Date.now;
  const names = options.names ?? {};
  const latencyMs = options.latencyMs ?? 0;
  const rows = new Map<string, OpenIMConversationItem>();
  const listeners = new Map<string, OpenIMEventHandler[]>();
  const calls: { method: string; args: readonly unknown[] }[] = [];
  const failures = new Map<string, FakeOpenIMFailure>();
  const groups = new Map<string, OpenIMConversationGroup>();
  /** The `unreadCount` each enterprise group was last sent with. */
  const groupUnreadSent = new Map<string, number>();
  let nextGroupId = 1;
  let nextMessage = 1;
  let operation = 0;
  let lastTotal: number | undefined;
  const self = { userID: selfUserId, nickname: names[selfUserId] ?? selfUserId, faceURL: '', ex: '', createTime: 0, globalRecvMsgOpt: 0, addFriendPermission: 0 };

  // ---- the table ----------------------------------------------------------------------------------------

  function defaults(id: string): OpenIMConversationItem {
    const described = describeId(selfUserId, id);
    const target = described.groupID || described.userID;
    return {
      conversationID: id,
      ...described,
      showName: names[target] ?? target,
      faceURL: '',
      recvMsgOpt: 0,
      unreadCount: 0,
      groupAtType: 0,
      latestMsg: '',
      latestMsgSendTime: 0,
      draftText: '',
      draftTextTime: 0,
      burnDuration: 0,
      msgDestructTime: 604800,
      isPinned: false,
      isNotInGroup: false,
      isPrivateChat: false,
      isMsgDestruct: false,
      isMarked: false,
      attachedInfo: '',
      ex: '',
      remark: '',
    };
  }

  const copy = (row: OpenIMConversationItem): OpenIMConversationItem => ({ ...row });
  const visible = (row: OpenIMConversationItem) => row.latestMsgSendTime > 0;
  const orderTime = (row: OpenIMConversationItem) => Math.max(row.latestMsgSendTime, row.draftTextTime);

  function sorted(): OpenIMConversationItem[] {
    // Map iteration order is insertion order, standing in for SQLite's rowid order among equal keys.
    return [...rows.values()].filter(visible).sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || orderTime(b) - orderTime(a));
  }

  function total(): number {
    let sum = 0;
    for (const row of rows.values()) if (row.recvMsgOpt < 2 && row.latestMsgSendTime > 0) sum += row.unreadCount;
    return sum;
  }

  // ---- events -------------------------------------------------------------------------------------------

  function emit(event: string, data: unknown): void {
    for (const handler of [...(listeners.get(event) ?? [])]) handler({ event, data, errCode: 0, errMsg: '', operationID: '' });
  }

  function changed(list: OpenIMConversationItem[]): void {
    // The core filters hidden rows out of change events.
    emit('OnConversationChanged', list.filter(visible).map(copy));
  }

  function announceTotal(): void {
    const value = total();
    if (value !== lastTotal) {
      lastTotal = value;
      emit('OnTotalUnreadMessageCountChanged', value);
    }
    announceGroupCounts();
  }

  /** Enterprise groups whose `unreadCount` moved are sent again (`OnConversationGroupChanged`), as their total is. */
  function announceGroupCounts(): void {
    const changedGroups: OpenIMConversationGroup[] = [];
    for (const group of groups.values()) {
      const copy = groupCopy(group);
      if (groupUnreadSent.get(group.conversationGroupID) === copy.unreadCount) continue;
      groupUnreadSent.set(group.conversationGroupID, copy.unreadCount);
      changedGroups.push(copy);
    }
    if (changedGroups.length > 0) emit('OnConversationGroupChanged', changedGroups);
  }

  // ---- calls --------------------------------------------------------------------------------------------

  /** Carries the plain object the SDK rejects with through `throw`; unwrapped before it leaves the fake. */
  class Rejection extends Error {
    constructor(readonly value: Record<string, unknown>) {
      super(typeof value.errMsg === 'string' ? value.errMsg : 'rejected');
    }
  }

  const sdkError = (method: string, errCode: number, errMsg: string) =>
    new Rejection({ event: method, operationID: `op_${operation}`, errCode, errMsg });

  function op<T>(method: string, args: readonly unknown[], body: () => T): Promise<OpenIMResponse<T>> {
    calls.push({ method, args });
    const operationID = `op_${++operation}`;
    const run = (): OpenIMResponse<T> => {
      const failure = failures.get(method);
      if (failure !== undefined) {
        failures.delete(method);
        if (failure === 'unbacked') throw new Rejection({ event: method, operationID });
        throw new Rejection({ event: method, operationID, errCode: failure.errCode, errMsg: failure.errMsg ?? 'injected failure' });
      }
      return { errCode: 0, errMsg: '', data: body(), event: method, operationID };
    };
    const start = latencyMs > 0 ? new Promise<void>((resolve) => setTimeout(resolve, latencyMs)) : Promise.resolve();
    return start.then(run).catch((error: unknown) => {
      // The SDK rejects with plain `{ errCode, errMsg, ... }` objects, not Errors.
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject(error instanceof Rejection ? error.value : error);
    });
  }

  /** A call declared by the wrapper but missing from the wasm: `undefined(...)` inside `_invoker`. */
  function unbacked(method: string, args: readonly unknown[]): Promise<OpenIMResponse<never>> {
    calls.push({ method, args });
    const operationID = `op_${++operation}`;
    // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
    return Promise.reject({ event: method, operationID });
  }

  function existing(method: string, id: unknown, errCode = 10002): OpenIMConversationItem {
    const row = typeof id === 'string' ? rows.get(id) : undefined;
    if (!row) throw sdkError(method, errCode, 'record not found');
    return row;
  }

  function put(seed: FakeOpenIMConversationSeed): OpenIMConversationItem {
    const row = { ...defaults(seed.conversationID), ...(rows.get(seed.conversationID) ?? {}), ...seed };
    rows.set(row.conversationID, row);
    return row;
  }

  for (const seed of options.conversations ?? []) put(seed);
  lastTotal = total();

  // ---- enterprise conversation groups -------------------------------------------------------------------

  /**
   * A group with its `unreadCount`. The commercial SDK documents no rule for it; the fake assumes the total's
   * (`recvMsgOpt < 2` over visible rows), so that a group's count and the total agree.
   */
  function groupCopy(group: OpenIMConversationGroup): OpenIMConversationGroup {
    let unread = 0;
    for (const id of group.conversationIDs) {
      const row = rows.get(id);
      if (row && row.recvMsgOpt < 2 && visible(row)) unread += row.unreadCount;
    }
    return { ...group, unreadCount: unread, conversationIDs: [...group.conversationIDs] };
  }

  function requireGroup(method: string, id: unknown): OpenIMConversationGroup {
    const group = typeof id === 'string' ? groups.get(id) : undefined;
    if (!group) throw sdkError(method, 1004, 'record not found');
    return group;
  }

  function createGroup(name: string, order: number | undefined, ex: string | undefined, type: number): OpenIMConversationGroup {
    const serial = order ?? [...groups.values()].reduce((max, g) => Math.max(max, g.serial + 1), 0);
    const group: OpenIMConversationGroup = {
      conversationGroupID: `cg_${nextGroupId++}`,
      name,
      serial,
      version: 1,
      ex: ex ?? '',
      conversationGroupType: type,
      hidden: false,
      unreadCount: 0,
      conversationIDs: [],
    };
    groups.set(group.conversationGroupID, group);
    return group;
  }

  function changeMembers(method: string, params: { conversationIDs?: unknown; conversationGroupIDs?: unknown }, adding: boolean): void {
    const ids = Array.isArray(params?.conversationIDs) ? (params.conversationIDs as unknown[]) : undefined;
    const groupIds = Array.isArray(params?.conversationGroupIDs) ? (params.conversationGroupIDs as unknown[]) : undefined;
    if (!ids || !groupIds || ids.some((id) => typeof id !== 'string')) throw sdkError(method, 1001, 'args error');
    const targets = groupIds.map((gid) => requireGroup(method, gid));
    if (adding) for (const id of ids) existing(method, id, 1004);
    for (const group of targets) {
      const touched: string[] = [];
      for (const id of ids as string[]) {
        const has = group.conversationIDs.includes(id);
        if (adding && !has) {
          group.conversationIDs.push(id);
          touched.push(id);
        } else if (!adding && has) {
          group.conversationIDs = group.conversationIDs.filter((c) => c !== id);
          touched.push(id);
        }
      }
      group.version++;
      emit(adding ? 'OnConversationGroupMemberAdded' : 'OnConversationGroupMemberDeleted', {
        group: groupCopy(group),
        conversationIDs: touched,
        conversations: touched.map((id) => rows.get(id)).filter((row): row is OpenIMConversationItem => row !== undefined).map(copy),
      });
    }
  }

  if (options.nativeGroups) {
    for (const seed of options.conversationGroups ?? []) {
      const group = createGroup(seed.name, undefined, undefined, 0);
      group.conversationIDs = [...seed.conversationIDs];
      groupUnreadSent.set(group.conversationGroupID, groupCopy(group).unreadCount);
    }
  }

  const native = options.nativeGroups === true;

  // ---- the SDK surface ----------------------------------------------------------------------------------

  const fake: FakeOpenIMSdk = {
    on(event, handler) {
      const list = listeners.get(event);
      if (list) list.push(handler);
      else listeners.set(event, [handler]);
      return fake;
    },
    off(event, handler) {
      const list = listeners.get(event);
      const index = list ? list.indexOf(handler) : -1;
      if (list && index >= 0) list.splice(index, 1);
      return fake;
    },

    getConversationListSplit: (params) =>
      op('getConversationListSplit', [params], () => {
        const offset = Math.max(0, Math.trunc(Number(params?.offset) || 0));
        const count = Math.max(0, Math.trunc(Number(params?.count) || 0));
        return sorted().slice(offset, offset + count).map(copy);
      }),
    getAllConversationList: () => op('getAllConversationList', [], () => sorted().map(copy)),
    getMultipleConversation: (ids) =>
      op('getMultipleConversation', [ids], () =>
        (Array.isArray(ids) ? ids : []).map((id) => rows.get(id)).filter((row): row is OpenIMConversationItem => row !== undefined).map(copy),
      ),
    getOneConversation: (params) =>
      op('getOneConversation', [params], () => {
        if (typeof params?.sourceID !== 'string' || params.sourceID === '') throw sdkError('getOneConversation', 10002, 'args error: sourceID');
        let id: string;
        try {
          id = fakeOpenIMConversationId(selfUserId, params.sessionType, params.sourceID);
        } catch {
          throw sdkError('getOneConversation', 10002, `args error: sessionType ${String(params.sessionType)}`);
        }
        // A pre-created row is hidden (latestMsgSendTime = 0) and announced by no event.
        return copy(rows.get(id) ?? put({ conversationID: id }));
      }),
    getTotalUnreadMsgCount: () => op('getTotalUnreadMsgCount', [], total),

    setConversation: (params) =>
      op('setConversation', [params], () => {
        const row = existing('setConversation', params?.conversationID, 1004);
        const before = JSON.stringify(row);
        const fields = ['recvMsgOpt', 'groupAtType', 'burnDuration', 'msgDestructTime', 'isPinned', 'isPrivateChat', 'isMsgDestruct', 'isMarked', 'remark', 'ex'] as const;
        const next: Record<string, unknown> = { ...row };
        for (const field of fields) {
          const value = (params as Record<string, unknown>)[field];
          if (value === undefined) continue;
          if (field === 'recvMsgOpt' && value !== 0 && value !== 1 && value !== 2) throw sdkError('setConversation', 1001, 'args error: recvMsgOpt');
          if ((field === 'ex' || field === 'remark') && typeof value !== 'string') throw sdkError('setConversation', 1001, `args error: ${field}`);
          next[field] = value;
        }
        Object.assign(row, next);
        if (JSON.stringify(row) !== before) {
          changed([row]);
          announceTotal();
        }
        return undefined;
      }),
    setConversationDraft: (params) =>
      op('setConversationDraft', [params], () => {
        const row = existing('setConversationDraft', params?.conversationID);
        const text = typeof params.draftText === 'string' ? params.draftText : '';
        if (text) {
          row.draftText = text;
          row.draftTextTime = now();
          // A draft makes a hidden conversation visible again.
          if (row.latestMsgSendTime === 0) row.latestMsgSendTime = row.draftTextTime;
        } else {
          row.draftText = '';
          row.draftTextTime = 0;
        }
        changed([row]);
        announceTotal();
        return undefined;
      }),
    markConversationMessageAsRead: (id) =>
      op('markConversationMessageAsRead', [id], () => {
        const row = existing('markConversationMessageAsRead', id);
        if (row.unreadCount === 0) throw sdkError('markConversationMessageAsRead', 10303, 'unread count is zero');
        row.unreadCount = 0;
        // groupAtType is left alone: the core does not reset the @-state here.
        changed([row]);
        announceTotal();
        return undefined;
      }),
    hideConversation: (id) =>
      op('hideConversation', [id], () => {
        const row = existing('hideConversation', id);
        row.latestMsgSendTime = 0;
        // No event: hiding is silent.
        return undefined;
      }),
    deleteConversationAndDeleteAllMsg: (id) =>
      op('deleteConversationAndDeleteAllMsg', [id], () => {
        const row = existing('deleteConversationAndDeleteAllMsg', id);
        row.latestMsg = '';
        row.latestMsgSendTime = 0;
        row.unreadCount = 0;
        // The row is hidden now, so the change event carries nothing.
        changed([row]);
        announceTotal();
        return undefined;
      }),
    clearConversationAndDeleteAllMsg: (id) =>
      op('clearConversationAndDeleteAllMsg', [id], () => {
        const row = existing('clearConversationAndDeleteAllMsg', id);
        row.latestMsg = '';
        row.unreadCount = 0;
        changed([row]);
        announceTotal();
        return undefined;
      }),
    deleteConversation: (id) => op('deleteConversation', [id], () => undefined),
    deleteAllConversationFromLocal: () => unbacked('deleteAllConversationFromLocal', []),
    getConversationRecvMessageOpt: (ids) => unbacked('getConversationRecvMessageOpt', [ids]),
    resetConversationGroupAtType: (id) => fake.setConversation({ conversationID: id, groupAtType: 0 }),

    getLoginUserID: () => op('getLoginUserID', [], () => selfUserId),
    getSelfUserInfo: () => op('getSelfUserInfo', [], () => ({ ...self })),
    setSelfInfo: (params) =>
      op('setSelfInfo', [params], () => {
        const opt = params?.globalRecvMsgOpt;
        if (opt !== undefined && opt !== 0 && opt !== 1 && opt !== 2) throw sdkError('setSelfInfo', 1001, 'args error: globalRecvMsgOpt');
        if (opt !== undefined) self.globalRecvMsgOpt = opt;
        emit('OnSelfInfoUpdated', { ...self });
        return undefined;
      }),
    setGlobalRecvMessageOpt: (opt) => fake.setSelfInfo({ globalRecvMsgOpt: opt }),

    createConversationGroup: (params) =>
      native
        ? op('createConversationGroup', [params], () => {
            if (typeof params?.name !== 'string' || params.name === '') throw sdkError('createConversationGroup', 1001, 'args error: name');
            const group = createGroup(params.name, params.order, params.ex, params.conversationGroupType ?? 0);
            if (params.conversationID) {
              existing('createConversationGroup', params.conversationID, 1004);
              group.conversationIDs.push(params.conversationID);
            }
            emit('OnConversationGroupAdded', [groupCopy(group)]);
            return groupCopy(group);
          })
        : unbacked('createConversationGroup', [params]),
    updateConversationGroup: (params) =>
      native
        ? op('updateConversationGroup', [params], () => {
            const group = requireGroup('updateConversationGroup', params?.conversationGroupID);
            if (params.name !== undefined) group.name = params.name;
            if (params.ex !== undefined) group.ex = params.ex;
            if (params.hidden !== undefined) group.hidden = params.hidden;
            group.version++;
            emit('OnConversationGroupChanged', [groupCopy(group)]);
            return groupCopy(group);
          })
        : unbacked('updateConversationGroup', [params]),
    deleteConversationGroup: (id) =>
      native
        ? op('deleteConversationGroup', [id], () => {
            const group = requireGroup('deleteConversationGroup', id);
            groups.delete(group.conversationGroupID);
            emit('OnConversationGroupDeleted', [groupCopy(group)]);
            return undefined;
          })
        : unbacked('deleteConversationGroup', [id]),
    getConversationGroups: (type) =>
      native
        ? op('getConversationGroups', [type], () =>
            [...groups.values()].filter((g) => g.conversationGroupType === type).sort((a, b) => a.serial - b.serial).map(groupCopy),
          )
        : unbacked('getConversationGroups', [type]),
    setConversationGroupOrder: (orders) =>
      native
        ? op('setConversationGroupOrder', [orders], () => {
            const touched = orders.map(({ conversationGroupID, order }) => {
              const group = requireGroup('setConversationGroupOrder', conversationGroupID);
              group.serial = order;
              return groupCopy(group);
            });
            emit('OnConversationGroupChanged', touched);
            return undefined;
          })
        : unbacked('setConversationGroupOrder', [orders]),
    addConversationsToGroups: (params) =>
      native ? op('addConversationsToGroups', [params], () => changeMembers('addConversationsToGroups', params, true)) : unbacked('addConversationsToGroups', [params]),
    removeConversationsFromGroups: (params) =>
      native
        ? op('removeConversationsFromGroups', [params], () => changeMembers('removeConversationsFromGroups', params, false))
        : unbacked('removeConversationsFromGroups', [params]),
    getConversationGroupIDsByConversationID: (id) =>
      native
        ? op('getConversationGroupIDsByConversationID', [id], () =>
            [...groups.values()].filter((g) => g.conversationIDs.includes(id)).map((g) => g.conversationGroupID),
          )
        : unbacked('getConversationGroupIDsByConversationID', [id]),
    getConversationGroupInfoWithConversations: (params) =>
      native
        ? op('getConversationGroupInfoWithConversations', [params], () => {
            const group = requireGroup('getConversationGroupInfoWithConversations', params?.conversationGroupID);
            const size = Math.max(1, params.pagination?.showNumber ?? 20);
            const page = Math.max(1, params.pagination?.pageNumber ?? 1);
            const members = group.conversationIDs.map((id) => rows.get(id)).filter((row): row is OpenIMConversationItem => row !== undefined);
            return { group: groupCopy(group), conversationTotal: members.length, conversationElems: members.slice((page - 1) * size, page * size).map(copy) };
          })
        : unbacked('getConversationGroupInfoWithConversations', [params]),

    // ---- drivers and inspection ----------------------------------------------------------------------

    emit,
    listenerCount(event) {
      if (event !== undefined) return listeners.get(event)?.length ?? 0;
      let count = 0;
      for (const list of listeners.values()) count += list.length;
      return count;
    },
    simulateMessage(conversationID, text, atMs = now(), messageOptions = {}) {
      const isNew = !rows.has(conversationID);
      const row = isNew ? put({ conversationID }) : rows.get(conversationID)!;
      const seq = nextMessage++;
      const senderId = messageOptions.fromSelf ? selfUserId : (messageOptions.senderId ?? (row.userID || 'someone'));
      row.latestMsg = JSON.stringify({
        clientMsgID: `msg_${seq}`,
        serverMsgID: `srv_${seq}`,
        createTime: atMs,
        sendTime: atMs,
        sessionType: row.conversationType,
        sendID: senderId,
        recvID: row.groupID ? '' : selfUserId,
        msgFrom: 100,
        contentType: TEXT_MESSAGE,
        senderPlatformID: 5,
        senderNickname: messageOptions.senderName ?? names[senderId] ?? senderId,
        senderFaceUrl: '',
        groupID: row.groupID,
        content: '',
        seq,
        isRead: false,
        status: 2,
        textElem: { content: text },
        ...messageOptions.message,
      });
      row.latestMsgSendTime = atMs;
      if (!messageOptions.fromSelf) row.unreadCount += 1;
      if (messageOptions.groupAtType !== undefined) row.groupAtType = messageOptions.groupAtType;
      if (isNew) emit('OnNewConversation', [copy(row)]);
      else changed([row]);
      announceTotal();
      return copy(row);
    },
    simulateServerUpdate(conversationID, patch) {
      const isNew = !rows.has(conversationID);
      const row = put({ ...patch, conversationID });
      if (isNew) {
        if (visible(row)) emit('OnNewConversation', [copy(row)]);
      } else {
        changed([row]);
      }
      announceTotal();
      return copy(row);
    },
    simulateSync(syncOptions = {}) {
      emit('OnSyncServerStart', syncOptions.reinstalled ?? false);
      for (const progress of syncOptions.progress ?? [50]) emit('OnSyncServerProgress', progress);
      if (syncOptions.fail) emit('OnSyncServerFailed', undefined);
      else emit('OnSyncServerFinish', syncOptions.reinstalled ?? false);
    },
    putRow(seed) {
      const row = copy(put(seed));
      lastTotal = total();
      return row;
    },
    row(conversationID) {
      const row = rows.get(conversationID);
      return row ? copy(row) : undefined;
    },
    table: () => [...rows.values()].map(copy),
    failNext(method, failure = { errCode: 10005, errMsg: 'unknown error' }) {
      failures.set(method, failure);
    },
    calls,
    get globalRecvMsgOpt() {
      return self.globalRecvMsgOpt;
    },
  };

  if (options.coreExtras) {
    fake.markAllConversationMessageAsRead = () =>
      op('markAllConversationMessageAsRead', [], () => {
        const touched = [...rows.values()].filter((row) => row.unreadCount > 0);
        for (const row of touched) row.unreadCount = 0;
        if (touched.length > 0) changed(touched);
        announceTotal();
        return undefined;
      });
    fake.hideAllConversations = () =>
      op('hideAllConversations', [], () => {
        for (const row of rows.values()) row.latestMsgSendTime = 0;
        return undefined;
      });
  }
  return fake;
}
