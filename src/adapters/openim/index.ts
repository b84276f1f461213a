/**
 * `inboxkit/adapters/openim`: `@openim/wasm-client-sdk` 3.8.5 behind the neutral `ConversationAdapter` contract.
 *
 * Where its unread numbers come from:
 * - The list is paged (`getConversationListSplit`); while pages remain the store shows the backend's total, which is
 *   OpenIM's own `getTotalUnreadMsgCount` / `OnTotalUnreadMessageCountChanged` (`recv_msg_opt < 2` over visible
 *   rows: blocked and notification conversations count, silent ones do not) less what conversations the kit hides
 *   add (`hiddenUnread.ts`; the SDK does not know that mark). To know those, the adapter reads every visible row once
 *   (emulated groups read them anyway when loading).
 * - Per-group counts (`ConversationGroup.unreadCount`, then `groupUnreadChanged` as they move): native (enterprise)
 *   groups pass the SDK's own `unreadCount` on, less hidden members; its counting rule is not documented. Emulated
 *   groups are counted by the adapter, under the store's rule, from the one full read and every row seen after it.
 * - Once every page is loaded the store counts everything itself, under `OPENIM_UNREAD_RULE`, hidden left out.
 *
 * Marks: star is `isMarked` on commercial builds; everything OpenIM lacks (unread, fold, hide, and star elsewhere)
 * is emulated in the conversation's `ex`, beside emulated groups (`marks.ts`, `ex.ts`). A hidden conversation comes
 * back when a newer message arrives, as OpenIM's own hidden conversations do. The app's `customData` is `ex`
 * without the kit's key.
 */
import { isRecord } from '../../core/isRecord.js';
import {
  DEFAULT_CAPABILITIES,
  OPENIM_UNREAD_RULE,
  type AdapterCapabilities,
  type AdapterEvent,
  type ConversationAdapter,
  type ConversationPage,
  type DeleteOptions,
  type PageRequest,
} from '../../core/adapter.js';
import { createEmitter } from '../../core/emitter.js';
import { InboxError } from '../../core/errors.js';
import { createComparator, orderTime } from '../../core/order.js';
import type { Conversation, ConversationGroup, ConversationId, ConversationMark, ConversationTarget, MuteMode, OperationResult } from '../../core/types.js';
import { assertBoolean, assertConversationId, assertIdList, assertMark, assertMuteMode, assertString } from '../../core/validate.js';
import { shownUnread } from '../shownUnread.js';
import { OPENIM_EX_MAX_LENGTH, withAppPart } from './ex.js';
import { createExWriter, type ExOutcome } from './exWriter.js';
import { createHiddenUnread } from './hiddenUnread.js';
import { writeExMark } from './marks.js';
import {
  createDefaultGroupRegistry,
  createEmulatedGroups,
  createNativeGroups,
  OPENIM_GROUP_NAME_MAX_BYTES,
  OPENIM_MAX_GROUPED_CONVERSATIONS,
  OPENIM_MAX_GROUPS,
  type GroupEngine,
  type GroupHost,
  type OpenIMGroupRegistry,
} from './groups.js';
import {
  fromMuteMode,
  isVisibleItem,
  toConversation,
  toMuteMode,
  toOpenIMError,
  toRow,
  toRows,
  type ConversationMapContext,
  type OpenIMPreviewLabels,
} from './map.js';
import {
  OPENIM_CONVERSATION_GROUP_TYPE,
  OPENIM_ERROR_CODE,
  OPENIM_EVENTS,
  OPENIM_GROUP_AT_TYPE,
  OPENIM_SESSION_TYPE,
  type OpenIMConversationItem,
  type OpenIMEventHandler,
  type OpenIMEventName,
  type OpenIMEventPayload,
  type OpenIMMethod,
  type OpenIMSdk,
} from './sdk.js';

export type {
  OpenIMConversationGroup,
  OpenIMConversationItem,
  OpenIMEventHandler,
  OpenIMEventName,
  OpenIMEventPayload,
  OpenIMResponse,
  OpenIMSdk,
} from './sdk.js';
export {
  OPENIM_CONVERSATION_GROUP_TYPE,
  OPENIM_ERROR_CODE,
  OPENIM_EVENTS,
  OPENIM_GROUP_AT_TYPE,
  OPENIM_MESSAGE_TYPE,
  OPENIM_RECV_MSG_OPT,
  OPENIM_SESSION_TYPE,
} from './sdk.js';
export {
  buildPreview,
  DEFAULT_OPENIM_PREVIEW_LABELS,
  parseLatestMessage,
  toConversation,
  toMentions,
  toMuteMode,
  toOpenIMError,
} from './map.js';
export type { ConversationMapContext, OpenIMPreview, OpenIMPreviewLabels } from './map.js';
export { appPartOf, readEx, withAppPart, writeEx } from './ex.js';
export { readExMarks, writeExMark } from './marks.js';
export {
  createLocalStorageGroupRegistry,
  createMemoryGroupRegistry,
  OPENIM_EX_MAX_LENGTH,
  OPENIM_EX_NAMESPACE,
  readExGroups,
  writeExGroups,
} from './groups.js';
export type { LocalStorageGroupRegistryOptions, OpenIMGroupRegistry } from './groups.js';

/**
 * OpenIM's own features, each a flag in `capabilities.extras`; the matching method rejects with
 * `NOT_SUPPORTED` when its flag is false.
 */
export type OpenIMExtras = {
  /** `setPrivateChat` (burn after reading), through `setConversation({ isPrivateChat, burnDuration })`. */
  privateChat: boolean;
  /** `setGlobalReceiveOption`, through `setSelfInfo({ globalRecvMsgOpt })`. */
  globalReceiveOption: boolean;
  /** `clearAllConversations`, through `hideAllConversations` or one `hideConversation` per row. */
  clearAllConversations: boolean;
};

/** The capabilities of the OpenIM adapter. `groups` is `'emulated'` until `connect()` has detected native support. */
export interface OpenIMCapabilities extends AdapterCapabilities {
  groups: 'native' | 'emulated';
  extras: Readonly<OpenIMExtras>;
}

/** Options of `createOpenIMAdapter`. */
export interface OpenIMAdapterOptions {
  /** The instance from `getSDK()` of `@openim/wasm-client-sdk`, logged in by the app. The kit never logs in. */
  sdk: OpenIMSdk;
  /** The logged-in user. Keys the default group registry. @default the result of `sdk.getLoginUserID()` */
  selfUserId?: string;
  /**
   * Where emulated groups keep their names and order.
   * @default `localStorage` under `inboxkit:openim:groups:<selfUserId>`, or memory without a user id or storage
   */
  groupRegistry?: OpenIMGroupRegistry;
  /** Conversations per `getConversationListSplit` call. @default the store's page size (100) */
  pageSize?: number;
  /**
   * Rows re-read before each page's offset. The SDK pages by offset only, and offsets shift when conversations
   * move or are deleted while paging, so each page re-reads from a little before where the last one ended and
   * checks that the window still starts at or before the last row delivered (the cursor's order key); when more
   * rows than this were deleted meanwhile, it steps back further until it does. Rows already delivered are dropped.
   * @default 5
   */
  pageOverlap?: number;
  /** `'auto'` uses the enterprise group API when the SDK build backs it; `'emulated'` never does. @default 'auto' */
  groupMode?: 'auto' | 'emulated';
  /**
   * Whether the `star` mark is the SDK's `isMarked` (a commercial feature) rather than kept in `ex` like the other
   * marks. `'auto'` uses `isMarked` on enterprise builds (where native conversation groups are detected).
   * @default 'auto'
   */
  starMark?: boolean | 'auto';
  /**
   * @deprecated Ignored since issue 16. Rows name non-text messages from `lastMessage.kind` in the reader's
   * language (the kit's message tables, `InboxProvider messages`); the adapter writes no label into `preview`.
   */
  previewLabels?: Partial<OpenIMPreviewLabels>;
}

/** The OpenIM adapter: the `ConversationAdapter` contract plus OpenIM's own features. */
export interface OpenIMAdapter extends ConversationAdapter {
  readonly name: 'openim';
  readonly capabilities: OpenIMCapabilities;
  /** Detects native groups (enterprise builds) and the logged-in user; later calls reuse the result. */
  connect(): Promise<void>;
  disconnect(): void;
  /** `getTotalUnreadMsgCount` (`recvMsgOpt < 2`, visible conversations only) less the conversations the kit hides. */
  getTotalUnread(): Promise<number>;
  /** The account-wide receive option, from `getSelfUserInfo().globalRecvMsgOpt`. */
  getGlobalReceiveOption(): Promise<MuteMode>;
  /**
   * Sets the app's custom data (the conversation's `ex`, beside the kit's own key; at most 1024 characters), one
   * `setConversation` per id, with per-id results.
   */
  setCustomData(ids: readonly ConversationId[], data: string): Promise<OperationResult>;
  /** Turns private chat (burn after reading) on or off, optionally with the burn duration in seconds. */
  setPrivateChat(id: ConversationId, enabled: boolean, burnDurationSec?: number): Promise<void>;
  /** Sets the account-wide receive option (`globalRecvMsgOpt`). `silentExceptMention` is not supported. */
  setGlobalReceiveOption(mode: MuteMode): Promise<void>;
  /** Removes every conversation from the local list (hides them; messages are kept). */
  clearAllConversations(): Promise<void>;
}

const ENTERPRISE_GROUP_METHODS = [
  'createConversationGroup',
  'updateConversationGroup',
  'deleteConversationGroup',
  'getConversationGroups',
  'addConversationsToGroups',
  'removeConversationsFromGroups',
] as const;

const OPENIM_MUTE_MODES: readonly MuteMode[] = Object.freeze(['none', 'silent', 'blocked']);
const ALL_MARKS: readonly ConversationMark[] = Object.freeze(['star', 'unread', 'fold', 'hide']);
/** `globalRecvMsgOpt`: 0 normal, 1 do not receive, 2 receive silently. */
const GLOBAL_RECEIVE_MODES: readonly MuteMode[] = Object.freeze(['none', 'blocked', 'silent']);
const SCAN_PAGE = 500;
const LOOP_CONCURRENCY = 4;

function hasMethod(sdk: OpenIMSdk, method: string): boolean {
  return typeof (sdk as unknown as Record<string, unknown>)[method] === 'function';
}

/** Runs `task` over `items` with at most `limit` at a time, collecting every outcome. */
async function forEachLimited<T, R>(items: readonly T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      out[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Group work also runs app code (the registry); anything it throws still reaches callers as an `InboxError`. */
async function asInboxError<T>(what: string, task: () => Promise<T>): Promise<T> {
  try {
    return await task();
  } catch (cause) {
    if (cause instanceof InboxError) throw cause;
    throw new InboxError('ADAPTER_FAILED', `${what} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

/** A page cursor: where the last page ended (an offset hint) and the order key and id of its last row. */
interface OpenIMCursor {
  offset: number;
  pinned: boolean;
  time: number;
  id: ConversationId;
}

const OPENIM_ORDER = createComparator('lastActivityOrDraft');

function toOpenIMCursor(offset: number, last: Conversation): string {
  return JSON.stringify([offset, last.isPinned ? 1 : 0, orderTime(last, 'lastActivityOrDraft'), last.id]);
}

function parseOpenIMCursor(text: string): OpenIMCursor | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (!Array.isArray(value) || value.length !== 4) return undefined;
    const [offset, pinned, time, id] = value as unknown[];
    if (!Number.isSafeInteger(offset) || (offset as number) < 0 || (pinned !== 0 && pinned !== 1)) return undefined;
    if (typeof time !== 'number' || !Number.isFinite(time) || typeof id !== 'string') return undefined;
    return { offset: offset as number, pinned: pinned === 1, time, id };
  } catch {
    return undefined;
  }
}

/** Where a row stands against the cursor's row in the SDK's order (pinned first, then newest, then id). */
function compareToCursor(row: Conversation, cursor: OpenIMCursor): number {
  return OPENIM_ORDER(row, { ...row, id: cursor.id, isPinned: cursor.pinned, lastActivityAt: cursor.time, draft: undefined });
}

/**
 * Creates a `ConversationAdapter` over an OpenIM wasm SDK instance (`@openim/wasm-client-sdk` 3.8.5).
 *
 * - Pages with `getConversationListSplit` (cursor = offset), dropping rows it already delivered.
 * - Turns `OnNewConversation`/`OnConversationChanged` deltas into `upserted` (hidden rows into `removed`), and
 *   emits `removed` itself after its own hide/delete calls, which the SDK does not report.
 * - Resets `groupAtType` after marking a conversation read, which the SDK does not do.
 * - Uses native (enterprise) conversation groups when the build backs them, else emulates them in `ex`
 *   (emulated mode reads every visible conversation once in `loadGroups` to learn the membership).
 *
 * Paging state (which rows were delivered) belongs to the latest paging run: give each store its own adapter;
 * several adapters may share one `sdk`.
 *
 * @example
 * const adapter = createOpenIMAdapter({ sdk: getSDK() });
 * const store = createInboxStore({ adapter });
 */
export function createOpenIMAdapter(options: OpenIMAdapterOptions): OpenIMAdapter {
  const sdk = options?.sdk;
  if (!sdk || typeof sdk.on !== 'function' || typeof sdk.getConversationListSplit !== 'function') {
    throw new InboxError('INVALID_ARGUMENT', 'createOpenIMAdapter needs `sdk`: the instance returned by getSDK() of @openim/wasm-client-sdk.');
  }
  const pageOverlap = Math.max(0, Math.trunc(options.pageOverlap ?? 5));

  const listeners = createEmitter<[AdapterEvent]>();
  /** Ids delivered since the first page, so that a later page never re-emits (and never overwrites) them. */
  const seen = new Set<ConversationId>();
  /** The last row seen per id: tells `markRead` whether there is anything to reset. */
  const rows = new Map<ConversationId, OpenIMConversationItem>();

  let selfUserId = options.selfUserId;
  let registry = options.groupRegistry;
  let starMark = options.starMark === true;
  let nativeMarkAll: boolean | undefined;

  function emit(event: AdapterEvent): void {
    listeners.emit(event);
  }

  async function call<T>(method: OpenIMMethod, args: unknown[], conversationScoped = false): Promise<T> {
    const fn = (sdk as unknown as Record<string, unknown>)[method];
    if (typeof fn !== 'function') throw new InboxError('NOT_SUPPORTED', `This OpenIM SDK has no ${method}.`);
    let response: unknown;
    try {
      response = await (fn as (...params: unknown[]) => unknown).apply(sdk, args);
    } catch (cause) {
      throw toOpenIMError(cause, { method, conversationScoped });
    }
    if (isRecord(response) && typeof response.errCode === 'number' && response.errCode !== 0) {
      throw toOpenIMError(response, { method, conversationScoped });
    }
    return (isRecord(response) ? response.data : undefined) as T;
  }

  async function readAllVisible(): Promise<OpenIMConversationItem[]> {
    if (hasMethod(sdk, 'getAllConversationList')) {
      try {
        return toRows(await call('getAllConversationList', [])).filter(isVisibleItem);
      } catch (error) {
        if (!(error instanceof InboxError && error.code === 'NOT_SUPPORTED')) throw error;
      }
    }
    const byId = new Map<ConversationId, OpenIMConversationItem>();
    for (let offset = 0; ; ) {
      const page = toRows(await call('getConversationListSplit', [{ offset, count: SCAN_PAGE }]));
      for (const row of page) if (isVisibleItem(row)) byId.set(row.conversationID, row);
      if (page.length < SCAN_PAGE) break;
      offset += page.length;
    }
    return [...byId.values()];
  }

  /** Every visible row; a full read also tells which conversations the kit hides. */
  async function scanAll(): Promise<OpenIMConversationItem[]> {
    const all = await readAllVisible();
    if (hidden.replaceAll(all.map(map))) hiddenMoved();
    return all;
  }

  async function fetchRows(ids: readonly ConversationId[]): Promise<Map<ConversationId, OpenIMConversationItem>> {
    const found = new Map<ConversationId, OpenIMConversationItem>();
    if (ids.length === 0) return found;
    if (hasMethod(sdk, 'getMultipleConversation')) {
      for (const row of toRows(await call('getMultipleConversation', [[...ids]]))) found.set(row.conversationID, row);
    } else {
      const wanted = new Set(ids);
      for (const row of await scanAll()) if (wanted.has(row.conversationID)) found.set(row.conversationID, row);
    }
    for (const row of found.values()) rows.set(row.conversationID, row);
    return found;
  }

  const writer = createExWriter({ call, fetchRows });
  const host: GroupHost = {
    sdk,
    call,
    fetchRows,
    scanAll,
    emit,
    writer,
    // A row hidden by OpenIM itself (latestMsgSendTime 0) is in no count, as the SDK's total leaves it out.
    unreadOf: (item) => (isVisibleItem(item) ? shownUnread(map(item), OPENIM_UNREAD_RULE) : 0),
    hiddenUnreadOf: (ids) => hidden.sum(ids),
  };
  const getRegistry = (): OpenIMGroupRegistry => (registry ??= createDefaultGroupRegistry(selfUserId));
  let engine: GroupEngine = createEmulatedGroups(host, getRegistry);

  const mapContext: ConversationMapContext = {
    groupNames: (item) => engine.groupNamesOf(item),
    get starMark() {
      return starMark;
    },
  };
  const map = (item: OpenIMConversationItem): Conversation => toConversation(item, mapContext);

  // ---- the total, without what the kit hides -----------------------------------------------------------

  const hidden = createHiddenUnread(OPENIM_UNREAD_RULE);
  /** OpenIM's own total, as last read or reported. */
  let sdkTotal: number | undefined;

  function reportTotal(): void {
    if (sdkTotal !== undefined) emit({ type: 'unreadTotalChanged', total: Math.max(0, sdkTotal - hidden.sum()) });
  }

  /** The hidden conversations' unread moved: the total and native group counts, which leave it out, follow. */
  function hiddenMoved(): void {
    reportTotal();
    engine.hiddenChanged();
  }

  /** Rows as mapped now: a hide mark set, ended or moved changes what the total leaves out. */
  function noteRows(conversations: readonly Conversation[]): void {
    let moved = false;
    for (const conversation of conversations) moved = hidden.note(conversation) || moved;
    if (moved) hiddenMoved();
  }

  async function readSdkTotal(): Promise<number> {
    const total = Number(await call<unknown>('getTotalUnreadMsgCount', []));
    sdkTotal = Number.isFinite(total) ? Math.max(0, total) : 0;
    return sdkTotal;
  }

  /** Re-reads the total after a change the SDK reports no total for (hiding a row). Best effort. */
  function refreshTotal(): void {
    void readSdkTotal().then(reportTotal, () => undefined);
  }

  const extras: OpenIMExtras = {
    privateChat: hasMethod(sdk, 'setConversation'),
    globalReceiveOption: hasMethod(sdk, 'setSelfInfo') || hasMethod(sdk, 'setGlobalRecvMessageOpt'),
    clearAllConversations: hasMethod(sdk, 'hideAllConversations') || hasMethod(sdk, 'hideConversation'),
  };
  // The option is offered only where it can also be read back (the store shows the current one).
  const globalReceiveModes = extras.globalReceiveOption && hasMethod(sdk, 'getSelfUserInfo') ? GLOBAL_RECEIVE_MODES : Object.freeze([] as MuteMode[]);

  function buildCapabilities(): OpenIMCapabilities {
    return Object.freeze({
      ...DEFAULT_CAPABILITIES,
      groups: engine.mode,
      paging: true,
      maxGroups: OPENIM_MAX_GROUPS,
      groupNameMaxBytes: OPENIM_GROUP_NAME_MAX_BYTES,
      // OpenIM documents no pin limit.
      maxPinned: Number.POSITIVE_INFINITY,
      maxGroupedConversations: OPENIM_MAX_GROUPED_CONVERSATIONS,
      serverDelete: true,
      draftsPersisted: true,
      // Star is isMarked or ex, the others ex (marks.ts): every mark, on every build.
      marks: ALL_MARKS,
      unreadRule: OPENIM_UNREAD_RULE,
      orderBy: 'lastActivityOrDraft' as const,
      // recvMsgOpt has no "silent except @-mentions".
      muteModes: Object.freeze({ direct: OPENIM_MUTE_MODES, group: OPENIM_MUTE_MODES, system: OPENIM_MUTE_MODES }),
      emptyGroups: true,
      globalReceiveModes,
      clearAll: extras.clearAllConversations,
      customDataMaxLength: OPENIM_EX_MAX_LENGTH,
      extras: Object.freeze({ ...extras }),
    });
  }
  let capabilities = buildCapabilities();

  // ---- lifecycle --------------------------------------------------------------------------------------

  async function detectNativeGroups(): Promise<boolean> {
    if (!ENTERPRISE_GROUP_METHODS.every((method) => hasMethod(sdk, method))) return false;
    try {
      await sdk.getConversationGroups!(OPENIM_CONVERSATION_GROUP_TYPE.all);
      return true;
    } catch (cause) {
      // 3.8.5 open-source builds declare the API but the wasm does not back it: the call rejects without errCode.
      return isRecord(cause) && typeof cause.errCode === 'number';
    }
  }

  let ready: Promise<void> | undefined;
  function ensureReady(): Promise<void> {
    ready ??= (async () => {
      if (!selfUserId && hasMethod(sdk, 'getLoginUserID')) {
        try {
          const id = await call<unknown>('getLoginUserID', []);
          if (typeof id === 'string' && id) selfUserId = id;
        } catch {
          // not logged in yet: the default registry falls back to memory
        }
      }
      const native = options.groupMode !== 'emulated' && (await detectNativeGroups());
      if (native) {
        engine = createNativeGroups(host);
        // Rows carry no group information in native mode: know the groups before the first page is mapped.
        await engine.load().catch(() => undefined);
      }
      if (options.starMark === undefined || options.starMark === 'auto') starMark = native;
      capabilities = buildCapabilities();
    })();
    ready.catch(() => {
      ready = undefined;
    });
    return ready;
  }

  // ---- SDK events -------------------------------------------------------------------------------------

  function payloadData(payload: unknown): unknown {
    let data = isRecord(payload) && 'data' in payload ? payload.data : payload;
    if (typeof data === 'string') {
      try {
        data = JSON.parse(data);
      } catch {
        // leave it as text
      }
    }
    return data;
  }

  function ingest(items: readonly OpenIMConversationItem[]): { upserted: Conversation[]; removed: ConversationId[] } {
    const upserted: Conversation[] = [];
    const removed: ConversationId[] = [];
    engine.observe(items);
    for (const item of items) {
      rows.set(item.conversationID, item);
      if (isVisibleItem(item)) {
        seen.add(item.conversationID);
        upserted.push(map(item));
      } else {
        seen.delete(item.conversationID);
        removed.push(item.conversationID);
      }
    }
    noteRows(upserted);
    if (hidden.forget(removed)) hiddenMoved();
    return { upserted, removed };
  }

  const onConversations: OpenIMEventHandler = (payload) => {
    const items = toRows(payloadData(payload));
    // OnConversationChanged([]) is what deleting with history fires: nothing to apply.
    if (items.length === 0) return;
    const { upserted, removed } = ingest(items);
    if (upserted.length > 0) emit({ type: 'upserted', conversations: upserted });
    if (removed.length > 0) emit({ type: 'removed', ids: removed });
  };

  const handlers: [OpenIMEventName, OpenIMEventHandler][] = [
    [OPENIM_EVENTS.OnNewConversation, onConversations],
    [OPENIM_EVENTS.OnConversationChanged, onConversations],
    [
      OPENIM_EVENTS.OnTotalUnreadMessageCountChanged,
      (payload) => {
        const total = Number(payloadData(payload));
        if (!Number.isFinite(total)) return;
        sdkTotal = Math.max(0, total);
        reportTotal();
      },
    ],
    [OPENIM_EVENTS.OnSyncServerStart, () => emit({ type: 'syncStateChanged', status: 'syncing', progress: 0 })],
    [
      OPENIM_EVENTS.OnSyncServerProgress,
      (payload) => {
        const progress = Number(payloadData(payload));
        emit({ type: 'syncStateChanged', status: 'syncing', ...(Number.isFinite(progress) ? { progress } : {}) });
      },
    ],
    [OPENIM_EVENTS.OnSyncServerFinish, () => emit({ type: 'syncStateChanged', status: 'ready', progress: 100 })],
    [
      OPENIM_EVENTS.OnSyncServerFailed,
      (payload: OpenIMEventPayload) => {
        const sdkCode = isRecord(payload) && typeof payload.errCode === 'number' && payload.errCode !== 0 ? payload.errCode : undefined;
        const error = new InboxError('ADAPTER_FAILED', 'OpenIM failed to sync conversations with the server.', { sdkCode, cause: payload });
        emit({ type: 'syncStateChanged', status: 'failed', error });
      },
    ],
    [OPENIM_EVENTS.OnConversationGroupAdded, (payload) => engine.onSdkGroupEvent('added', payloadData(payload))],
    [OPENIM_EVENTS.OnConversationGroupChanged, (payload) => engine.onSdkGroupEvent('changed', payloadData(payload))],
    [OPENIM_EVENTS.OnConversationGroupDeleted, (payload) => engine.onSdkGroupEvent('deleted', payloadData(payload))],
    [OPENIM_EVENTS.OnConversationGroupMemberAdded, (payload) => engine.onSdkGroupEvent('memberAdded', payloadData(payload))],
    [OPENIM_EVENTS.OnConversationGroupMemberDeleted, (payload) => engine.onSdkGroupEvent('memberDeleted', payloadData(payload))],
  ];

  function attach(): void {
    for (const [event, handler] of handlers) sdk.on(event, handler);
  }

  function detach(): void {
    for (const [event, handler] of handlers) sdk.off(event, handler);
  }

  // ---- commands -----------------------------------------------------------------------------------------

  function removedLocally(ids: readonly ConversationId[]): void {
    if (ids.length === 0) return;
    const gone: OpenIMConversationItem[] = [];
    for (const id of ids) {
      const row = rows.get(id);
      if (row) gone.push({ ...row, latestMsgSendTime: 0 });
      seen.delete(id);
      rows.delete(id);
    }
    // Hidden by OpenIM now: out of the groups' counts, and of what the kit's hidden rows add.
    engine.observe(gone);
    if (hidden.forget(ids)) engine.hiddenChanged();
    emit({ type: 'removed', ids: [...ids] });
    // Hiding changes OpenIM's total without an event.
    refreshTotal();
  }

  /** Delivers rows the adapter itself rewrote (`ex`), as the SDK's change event may come later or not at all. */
  function delivered(outcomes: readonly ExOutcome[]): OperationResult {
    const written = outcomes.flatMap((outcome) => (outcome.row && !outcome.error && isVisibleItem(outcome.row) ? [outcome.row] : []));
    if (written.length > 0) emit({ type: 'upserted', conversations: ingest(written).upserted });
    const result: OperationResult = { succeeded: [], failed: [] };
    for (const { id, error } of outcomes) {
      if (!error) result.succeeded.push(id);
      else result.failed.push(error.sdkCode === undefined ? { id, code: error.code, message: error.message } : { id, code: error.code, message: error.message, sdkCode: error.sdkCode });
    }
    return result;
  }

  async function knownRow(id: ConversationId): Promise<OpenIMConversationItem | undefined> {
    const cached = rows.get(id);
    if (cached) return cached;
    if (!hasMethod(sdk, 'getMultipleConversation')) return undefined;
    return (await fetchRows([id])).get(id);
  }

  async function markOneRead(id: ConversationId, row: OpenIMConversationItem | undefined): Promise<void> {
    if (!row || row.unreadCount > 0) {
      try {
        await call('markConversationMessageAsRead', [id], true);
      } catch (error) {
        // 10303: the unread count is already zero, which is what we wanted.
        if (!(error instanceof InboxError && error.sdkCode === OPENIM_ERROR_CODE.unreadCountZero)) throw error;
      }
    }
    // Marking read does not reset the @-state in OpenIM; without this the "[@me]" badge sticks.
    if (row && row.groupAtType !== OPENIM_GROUP_AT_TYPE.normal) {
      await call('setConversation', [{ conversationID: id, groupAtType: OPENIM_GROUP_AT_TYPE.normal }], true);
    }
    const latest = rows.get(id);
    if (latest) rows.set(id, { ...latest, unreadCount: 0, groupAtType: OPENIM_GROUP_AT_TYPE.normal });
  }

  /** Re-reads rows changed by an extra method and delivers them, in case the SDK sends no event. */
  async function refresh(ids: readonly ConversationId[]): Promise<void> {
    if (!hasMethod(sdk, 'getMultipleConversation')) return;
    try {
      const found = [...(await fetchRows(ids)).values()].filter(isVisibleItem);
      if (found.length > 0) emit({ type: 'upserted', conversations: ingest(found).upserted });
    } catch {
      // the SDK's own change event will carry the update
    }
  }

  async function perId(ids: readonly ConversationId[], task: (id: ConversationId) => Promise<void>): Promise<OperationResult> {
    const targets = [...new Set(ids)];
    const errors = await forEachLimited(targets, LOOP_CONCURRENCY, async (id) => {
      try {
        await task(id);
        return undefined;
      } catch (cause) {
        return cause instanceof InboxError ? cause : toOpenIMError(cause, { method: 'call', conversationScoped: true });
      }
    });
    const result: OperationResult = { succeeded: [], failed: [] };
    targets.forEach((id, i) => {
      const error = errors[i];
      if (error) result.failed.push(error.sdkCode === undefined ? { id, code: error.code, message: error.message } : { id, code: error.code, message: error.message, sdkCode: error.sdkCode });
      else result.succeeded.push(id);
    });
    return result;
  }

  function throwIfAnyFailed(result: OperationResult, what: string): void {
    const first = result.failed[0];
    if (!first) return;
    throw new InboxError(
      first.code === 'NOT_SUPPORTED' ? 'NOT_SUPPORTED' : 'ADAPTER_FAILED',
      `${what} failed for ${result.failed.length} conversation(s) (${result.failed.map((f) => f.id).join(', ')}): ${first.message}`,
    );
  }

  const adapter: OpenIMAdapter = {
    name: 'openim',
    get account() {
      return selfUserId;
    },
    get capabilities() {
      return capabilities;
    },

    connect: () => ensureReady(),

    disconnect() {
      seen.clear();
    },

    subscribe(listener) {
      const off = listeners.on(listener);
      if (listeners.size === 1) attach();
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        off();
        if (listeners.size === 0) detach();
      };
    },

    async loadConversations(request: PageRequest = {}): Promise<ConversationPage> {
      await ensureReady();
      const count = Math.max(1, Math.trunc(options.pageSize ?? request.count ?? 100));
      let cursor: OpenIMCursor | undefined;
      if (request.cursor !== undefined && request.cursor !== null) {
        cursor = parseOpenIMCursor(request.cursor);
        if (!cursor) {
          throw new InboxError('INVALID_ARGUMENT', `Unknown cursor ${JSON.stringify(request.cursor)}: pass back the cursor of the previous page.`);
        }
      } else {
        seen.clear();
      }
      const offset = cursor?.offset ?? 0;
      // Step back from the last offset until the window starts at or before the last row delivered: rows deleted
      // or moved up meanwhile shifted everything after them towards the start.
      let back = Math.min(offset, Math.max(1, pageOverlap));
      let start: number;
      let page: OpenIMConversationItem[];
      for (;;) {
        start = offset - back;
        page = toRows(await call('getConversationListSplit', [{ offset: start, count: count + back }]));
        const first = page[0];
        if (!cursor || start === 0 || (first && compareToCursor(map(first), cursor) <= 0)) break;
        back = Math.min(offset, back * 4);
      }
      const isFinished = page.length < count + back;
      const fresh = page.filter((row) => isVisibleItem(row) && !seen.has(row.conversationID));
      engine.observe(page);
      for (const row of page) rows.set(row.conversationID, row);
      for (const row of fresh) seen.add(row.conversationID);
      const last = page.at(-1);
      const next = last && toOpenIMCursor(start + page.length, map(last));
      const conversations = fresh.map(map);
      noteRows(conversations);
      return { conversations, cursor: isFinished || !next ? null : next, isFinished };
    },

    async loadGroups(): Promise<readonly ConversationGroup[]> {
      await ensureReady();
      // Native counts include the rows the kit hides, which the engine takes off: it must know them first.
      // (Emulated groups read every row anyway, and count without hidden ones.)
      if (engine.mode === 'native' && !hidden.complete) await scanAll();
      return asInboxError('Loading conversation groups', () => engine.load());
    },

    async getTotalUnread(): Promise<number> {
      if (!hidden.complete) await scanAll();
      return Math.max(0, (await readSdkTotal()) - hidden.sum());
    },

    async getGlobalReceiveOption(): Promise<MuteMode> {
      if (globalReceiveModes.length === 0) throw new InboxError('NOT_SUPPORTED', 'This OpenIM SDK cannot read the global receive option (no getSelfUserInfo).');
      const info = await call<unknown>('getSelfUserInfo', []);
      return toMuteMode(isRecord(info) ? info.globalRecvMsgOpt : undefined);
    },

    async openConversation(target: ConversationTarget): Promise<Conversation> {
      if (!isRecord(target) || (target.kind !== 'direct' && target.kind !== 'group')) {
        throw new InboxError('INVALID_ARGUMENT', 'openConversation needs { kind: "direct" | "group", targetId }.');
      }
      assertConversationId(target.targetId, 'targetId');
      await ensureReady();
      // Groups are session type 3 (`sg_` ids); 2 would make a legacy `g_` id that matches no real conversation.
      const sessionType = target.kind === 'group' ? OPENIM_SESSION_TYPE.group : OPENIM_SESSION_TYPE.single;
      const row = toRow(await call('getOneConversation', [{ sourceID: target.targetId, sessionType }]));
      if (!row) throw new InboxError('ADAPTER_FAILED', `OpenIM getOneConversation returned no conversation for ${target.kind} "${target.targetId}".`);
      engine.observe([row]);
      rows.set(row.conversationID, row);
      if (isVisibleItem(row)) seen.add(row.conversationID);
      return map(row);
    },

    async pin(id, isPinned) {
      assertConversationId(id);
      assertBoolean(isPinned, 'isPinned');
      await call('setConversation', [{ conversationID: id, isPinned }], true);
    },

    async setDraft(id, text) {
      assertConversationId(id);
      assertString(text, 'the draft text');
      await call('setConversationDraft', [{ conversationID: id, draftText: text }], true);
    },

    async setMuteMode(id, mode) {
      assertConversationId(id);
      assertMuteMode(mode);
      const recvMsgOpt = fromMuteMode(mode);
      if (recvMsgOpt === undefined) throw new InboxError('NOT_SUPPORTED', `OpenIM has no "${mode}" receive option.`);
      await call('setConversation', [{ conversationID: id, recvMsgOpt }], true);
    },

    async markRead(id) {
      assertConversationId(id);
      await markOneRead(id, await knownRow(id));
    },

    async markAllRead() {
      if (nativeMarkAll !== false && hasMethod(sdk, 'markAllConversationMessageAsRead')) {
        try {
          await call('markAllConversationMessageAsRead', []);
          nativeMarkAll = true;
        } catch (error) {
          if (!(error instanceof InboxError && error.code === 'NOT_SUPPORTED')) throw error;
          nativeMarkAll = false;
        }
      }
      // After a native mark-all the rows read back with no unread, so only their @-state is reset.
      const targets = (await scanAll()).filter((row) => row.unreadCount > 0 || row.groupAtType !== OPENIM_GROUP_AT_TYPE.normal);
      const byId = new Map(targets.map((row) => [row.conversationID, row]));
      const result = await perId([...byId.keys()], (id) => markOneRead(id, byId.get(id)));
      throwIfAnyFailed(result, 'Marking all conversations read');
    },

    async setMark(ids, mark, enabled) {
      assertIdList(ids);
      assertMark(mark);
      assertBoolean(enabled, 'enabled');
      await ensureReady();
      if (mark === 'star' && starMark) {
        return perId(ids, async (id) => {
          await call('setConversation', [{ conversationID: id, isMarked: enabled }], true);
        });
      }
      // Emulated in `ex` (marks.ts), queued per conversation with group and custom-data writes.
      const outcomes = await forEachLimited([...new Set(ids)], LOOP_CONCURRENCY, (id) => writer.update(id, (row) => writeExMark(row, mark, enabled)));
      return delivered(outcomes);
    },

    async setCustomData(ids, data) {
      assertIdList(ids);
      assertString(data, 'the custom data');
      if (data.length > OPENIM_EX_MAX_LENGTH) {
        throw new InboxError('INVALID_ARGUMENT', `OpenIM keeps at most ${OPENIM_EX_MAX_LENGTH} characters in a conversation's ex, got ${data.length}.`);
      }
      await ensureReady();
      const outcomes = await forEachLimited([...new Set(ids)], LOOP_CONCURRENCY, (id) =>
        writer.update(id, (row) => {
          const written = withAppPart(row.ex, data);
          if (!written.ok) throw new InboxError('INVALID_ARGUMENT', `Conversation "${id}" cannot take this custom data: ${written.reason}.`);
          return written.ex;
        }),
      );
      return delivered(outcomes);
    },

    async deleteConversations(ids, deleteOptions: DeleteOptions = {}) {
      assertIdList(ids);
      const clearHistory = deleteOptions.clearHistory ?? true;
      // Never `deleteConversation(id)`: 3.8.5 wires it to the DB with the arguments swapped, so it does nothing.
      const method = clearHistory ? 'deleteConversationAndDeleteAllMsg' : 'hideConversation';
      const result = await perId(ids, async (id) => {
        await call(method, [id], true);
      });
      // Neither call reports the row leaving the list (hide fires nothing; delete fires OnConversationChanged([])).
      removedLocally(result.succeeded);
      return result;
    },

    async createGroup(name, ids) {
      assertIdList(ids);
      await ensureReady();
      return asInboxError('Creating a group', () => engine.create(name, ids));
    },

    async renameGroup(oldName, newName) {
      await ensureReady();
      return asInboxError('Renaming a group', () => engine.rename(oldName, newName));
    },

    async deleteGroup(name) {
      await ensureReady();
      return asInboxError('Deleting a group', () => engine.remove(name));
    },

    async addToGroup(name, ids) {
      assertIdList(ids);
      await ensureReady();
      return asInboxError('Adding to a group', () => engine.addTo(name, ids));
    },

    async removeFromGroup(name, ids) {
      assertIdList(ids);
      await ensureReady();
      return asInboxError('Removing from a group', () => engine.removeFrom(name, ids));
    },

    async setPrivateChat(id, enabled, burnDurationSec) {
      assertConversationId(id);
      assertBoolean(enabled, 'enabled');
      if (burnDurationSec !== undefined && (!Number.isInteger(burnDurationSec) || burnDurationSec <= 0)) {
        throw new InboxError('INVALID_ARGUMENT', `burnDurationSec must be a positive whole number of seconds, got ${String(burnDurationSec)}.`);
      }
      if (!extras.privateChat) throw new InboxError('NOT_SUPPORTED', 'This OpenIM SDK cannot set private chat (no setConversation).');
      await call(
        'setConversation',
        [{ conversationID: id, isPrivateChat: enabled, ...(burnDurationSec !== undefined ? { burnDuration: burnDurationSec } : {}) }],
        true,
      );
      await refresh([id]);
    },

    async setGlobalReceiveOption(mode) {
      assertMuteMode(mode);
      const globalRecvMsgOpt = fromMuteMode(mode);
      if (globalRecvMsgOpt === undefined) throw new InboxError('NOT_SUPPORTED', `OpenIM has no "${mode}" receive option.`);
      if (hasMethod(sdk, 'setSelfInfo')) await call('setSelfInfo', [{ globalRecvMsgOpt }]);
      else if (hasMethod(sdk, 'setGlobalRecvMessageOpt')) await call('setGlobalRecvMessageOpt', [globalRecvMsgOpt]);
      else throw new InboxError('NOT_SUPPORTED', 'This OpenIM SDK cannot set the global receive option (no setSelfInfo).');
    },

    async clearAllConversations() {
      if (!extras.clearAllConversations) throw new InboxError('NOT_SUPPORTED', 'This OpenIM SDK cannot hide conversations.');
      // `deleteAllConversationFromLocal` is declared by 3.8.5 but not backed by its wasm: never used.
      if (hasMethod(sdk, 'hideAllConversations')) {
        try {
          await call('hideAllConversations', []);
          engine.observe([...rows.values()].map((row) => ({ ...row, latestMsgSendTime: 0 })));
          seen.clear();
          rows.clear();
          if (hidden.replaceAll([])) engine.hiddenChanged();
          emit({ type: 'replaced', conversations: [] });
          refreshTotal();
          return;
        } catch (error) {
          if (!(error instanceof InboxError && error.code === 'NOT_SUPPORTED') || !hasMethod(sdk, 'hideConversation')) throw error;
        }
      }
      const ids = (await scanAll()).map((row) => row.conversationID);
      const result = await perId(ids, async (id) => {
        await call('hideConversation', [id], true);
      });
      removedLocally(result.succeeded);
      throwIfAnyFailed(result, 'Clearing the conversation list');
    },
  };
  return adapter;
}
