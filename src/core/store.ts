import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AdapterCapabilities, AdapterEvent, ConversationAdapter, DeleteOptions, UnreadRule } from './adapter.js';
import { checkCapabilities, checkConversation, checkEvent, checkGroups, checkOperationResult, checkPage, checkTotal, isRefusal, type Refusal } from './boundary.js';
import { createCallGuard } from './callGuard.js';
import { createDraftQueue } from './draftQueue.js';
import { createFilteredLists, type ListFilter } from './filteredLists.js';
import { createLocalDraftStorage, draftStorageKey, readDrafts, type DraftStorage } from './drafts.js';
import { createEmitter } from './emitter.js';
import { InboxError, quote, toInboxError } from './errors.js';
import { failureError } from './failureError.js';
import { isRecord } from './isRecord.js';
import { createComparator, OrderedList, unreadContribution, withIdTieBreak, type ConversationComparator, type ListView } from './order.js';
import type {
  Conversation,
  ConversationId,
  ConversationMark,
  ConversationTarget,
  Draft,
  GroupSummary,
  MuteMode,
  OperationResult,
} from './types.js';
import {
  assertBoolean,
  assertConversationId,
  assertGroupName,
  assertIdList,
  assertMark,
  assertMuteMode,
  assertNoGroupNamed,
  assertString,
  normalizeGroupName,
} from './validate.js';
import { conversationsEqual } from './equal.js';

export type { ListView } from './order.js';
export type { ListFilter } from './filteredLists.js';

/** What the list is doing. `syncing`: rows are shown while the backend is still catching up. */
export type InboxStatus = 'idle' | 'loading' | 'syncing' | 'ready' | 'error';

/** Names of the store's commands, as reported in errors and pending state. */
export type InboxOperation =
  | 'openConversation'
  | 'pin'
  | 'setMuteMode'
  | 'markRead'
  | 'markAllRead'
  | 'setDraft'
  | 'setMark'
  | 'deleteConversation'
  | 'loadMore'
  | 'createGroup'
  | 'renameGroup'
  | 'deleteGroup'
  | 'addToGroup'
  | 'removeFromGroup'
  | 'connect'
  /** An adapter event was refused at the store's boundary (malformed), or applying it failed. */
  | 'event';

/** Where an error came from, passed to `onError` listeners. */
export interface InboxErrorContext {
  operation: InboxOperation;
  ids?: readonly ConversationId[];
  groupName?: string;
}

/** The last failed command on a conversation, kept until a later command on it succeeds or it is dismissed. */
export interface ConversationFailure {
  operation: InboxOperation;
  error: InboxError;
}

/** Read-only access to the conversations the store holds. A live view: read it from the latest state. */
export interface ConversationTable {
  get(id: ConversationId): Conversation | undefined;
  has(id: ConversationId): boolean;
  readonly size: number;
  values(): IterableIterator<Conversation>;
}

/** Read-only access to the ordered id lists. A live view: read it from the latest state. */
export interface ListIndex {
  /**
   * Ordered ids of a group, or of all conversations when `groupName` is undefined. Stable while unchanged. With a
   * `filter` (unread only, mentions only, a title query), the filtered order, kept incrementally: built once when
   * first asked for, then each change costs O(log n) for the conversation that changed, not a pass over the list.
   */
  ids(groupName?: string, filter?: ListFilter): readonly ConversationId[];
  /** The same order as a `ListView`; the same object while the order is unchanged. */
  view(groupName?: string, filter?: ListFilter): ListView;
}

/** The commands. All are async and optimistic: applied at once, rolled back exactly on failure. */
export interface InboxActions {
  /** Gets (or creates) the conversation with a user or group and returns its id. */
  openConversation(target: ConversationTarget): Promise<ConversationId>;
  pin(id: ConversationId, isPinned: boolean): Promise<void>;
  setMuteMode(id: ConversationId, mode: MuteMode): Promise<void>;
  markRead(id: ConversationId): Promise<void>;
  markAllRead(): Promise<void>;
  /** Saves a draft (`''` clears it). The draft is kept locally even when the backend call fails. */
  setDraft(id: ConversationId, text: string): Promise<void>;
  setMark(ids: readonly ConversationId[], mark: ConversationMark, enabled: boolean): Promise<OperationResult>;
  deleteConversation(id: ConversationId, options?: DeleteOptions): Promise<void>;
  /** Loads the next page when there is one. */
  loadMore(): Promise<void>;
  createGroup(name: string, ids?: readonly ConversationId[]): Promise<OperationResult>;
  renameGroup(oldName: string, newName: string): Promise<void>;
  deleteGroup(name: string): Promise<void>;
  addToGroup(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  removeFromGroup(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  /** Forgets the failure shown on a conversation's row. */
  dismissFailure(id: ConversationId): void;
}

export interface InboxState {
  /** Bumps on every change. */
  version: number;
  status: InboxStatus;
  error?: InboxError;
  hasMore: boolean;
  isLoadingMore: boolean;
  capabilities: AdapterCapabilities;
  conversations: ConversationTable;
  lists: ListIndex;
  /** Group names in the backend's order. */
  groupNames: readonly string[];
  groups: readonly GroupSummary[];
  /** Total unread under the unread rule, over the conversations the store holds. */
  unreadTotal: number;
  /** Pinned conversations among those the store holds (compare with `capabilities.maxPinned`). */
  pinnedCount: number;
  /** The total as the backend itself reports it, when it does. */
  backendUnreadTotal?: number;
  /** Number of commands in flight per conversation. A `Map`: ids are arbitrary strings (`__proto__` included). */
  pending: ReadonlyMap<ConversationId, number>;
  /** The last failed command per conversation, until dismissed or a later command on it succeeds. */
  failures: ReadonlyMap<ConversationId, ConversationFailure>;
  /**
   * Drafts typed through the kit (or restored from draft storage), by conversation id, including drafts for
   * conversations that are not loaded yet or were removed while the user typed: a draft is never lost.
   */
  drafts: ReadonlyMap<ConversationId, Draft>;
  actions: InboxActions;
}

export interface InboxStoreOptions {
  adapter: ConversationAdapter;
  /** Overrides the adapter's ordering (pinned first, then its time key). Ties are always broken by id. */
  comparator?: ConversationComparator;
  /** Overrides the adapter's unread rule. */
  unreadRule?: UnreadRule;
  /**
   * Where drafts are kept when the backend does not persist them. `null` disables it.
   * @default createLocalDraftStorage() when `capabilities.draftsPersisted` is false
   */
  draftStorage?: DraftStorage | null;
  /** Page size asked of paging adapters. @default 100 */
  pageSize?: number;
  /**
   * How long a backend call may take before it is given up: its optimistic change rolls back and it rejects with
   * `TIMEOUT`. `Infinity` waits for ever. @default 30000
   */
  commandTimeoutMs?: number;
  /** @default Date.now */
  now?: () => number;
}

/** A zustand vanilla store plus the adapter lifecycle. */
export type InboxStore = StoreApi<InboxState> & {
  readonly adapter: ConversationAdapter;
  /**
   * Subscribes to the adapter and loads the first page. Reference-counted: each call needs one `disconnect`.
   * Never rejects: a failure shows as `status: 'error'` and goes to `onError`; a later `connect` or `reload` retries.
   */
  connect(): Promise<void>;
  /** Drops one connection; the last one unsubscribes and settles every call still in flight (`NOT_READY`). */
  disconnect(): void;
  /**
   * Loads groups and the pages loaded so far again, keeping the connection (Retry after an error), and
   * reconciles: conversations the backend no longer lists within the reloaded range leave the store.
   */
  reload(): Promise<void>;
  /** Applies queued adapter events now instead of at the end of the current microtask. */
  flush(): void;
  /** Listens to command and load failures. */
  onError(listener: (error: InboxError, context: InboxErrorContext) => void): () => void;
  readonly draftStorage: DraftStorage | null;
};

type Patch = (conversation: Conversation) => Conversation | null;

interface Op {
  patch: Patch;
  registry?: (names: readonly string[]) => readonly string[];
}

const EMPTY_IDS: readonly ConversationId[] = Object.freeze([]);

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Creates the store for one inbox (one account). It keeps conversations by id, the order of every list
 * incrementally, totals under the adapter's unread rule, and applies commands optimistically.
 */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  if (!isRecord(options)) throw new InboxError('INVALID_ARGUMENT', 'createInboxStore needs options: { adapter }.');
  const { adapter } = options;
  if (!isRecord(adapter) || typeof adapter.subscribe !== 'function' || typeof adapter.loadConversations !== 'function') {
    throw new InboxError('INVALID_ARGUMENT', 'createInboxStore needs an `adapter` that implements ConversationAdapter.');
  }
  // Re-read after connect: some backends learn what they can do only then (OpenIM native vs emulated groups).
  let capabilities = checkCapabilities(adapter.capabilities, String(adapter.name));
  const rule = options.unreadRule ?? capabilities.unreadRule;
  const compare = options.comparator ? withIdTieBreak(options.comparator) : createComparator(capabilities.orderBy);
  const now = options.now ?? Date.now;
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new InboxError('INVALID_ARGUMENT', `pageSize must be a positive integer, got ${String(pageSize)}.`);
  const timeoutMs = options.commandTimeoutMs ?? 30_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new InboxError('INVALID_ARGUMENT', `commandTimeoutMs must be a positive number of ms, got ${String(timeoutMs)}.`);
  }
  const account = typeof adapter.account === 'string' && adapter.account !== '' ? adapter.account : undefined;
  const draftStorage =
    options.draftStorage !== undefined
      ? options.draftStorage
      : capabilities.draftsPersisted
        ? null
        : createLocalDraftStorage({ key: draftStorageKey(String(adapter.name), account) });
  const guard = createCallGuard(timeoutMs);
  const drafts = createDraftQueue((id, text) => guard.run('setDraft', () => adapter.setDraft(id, text)));

  // ---- confirmed state, optimistic layers, and what is shown -------------------------------------
  const base = new Map<ConversationId, Conversation>();
  const visible = new Map<ConversationId, Conversation>();
  const opsById = new Map<ConversationId, Op[]>();
  // drafts typed through the kit (or restored from draft storage) win over the backend's; `undefined` = cleared
  const localDrafts = new Map<ConversationId, Draft | undefined>(readDrafts(draftStorage));
  let draftsDirty = false;
  let registryBase: readonly string[] = EMPTY_IDS;
  const registryOps: Op[] = [];
  let registry: readonly string[] = EMPTY_IDS;

  const all = new OrderedList<Conversation>(compare);
  const groupLists = new Map<string, OrderedList<Conversation>>();
  const groupUnread = new Map<string, number>();
  let unreadTotal = 0;
  let pinnedCount = 0;

  // ids whose visible value changed since the last commit, with the value the lists still hold
  let touched = new Map<ConversationId, Conversation | undefined>();
  let groupsDirty = false;

  const errors = createEmitter<[InboxError, InboxErrorContext]>();

  const table: ConversationTable = {
    get: (id) => visible.get(id),
    has: (id) => visible.has(id),
    get size() {
      return visible.size;
    },
    values: () => visible.values(),
  };
  // An unknown group reads as an empty list.
  const none = new OrderedList<Conversation>(compare);
  const listOf = (groupName?: string) => (groupName === undefined ? all : (groupLists.get(groupName) ?? none));
  const filtered = createFilteredLists(compare);
  const orderOf = (groupName?: string, filter?: ListFilter) =>
    filtered.isActive(filter) ? filtered.get(groupName, filter, listOf(groupName)) : listOf(groupName);
  const lists: ListIndex = {
    ids: (groupName, filter) => orderOf(groupName, filter).ids(),
    view: (groupName, filter) => orderOf(groupName, filter).view((id) => visible.get(id)),
  };

  function groupList(name: string): OrderedList<Conversation> {
    let list = groupLists.get(name);
    if (!list) {
      list = new OrderedList(compare);
      groupLists.set(name, list);
    }
    return list;
  }

  function compute(id: ConversationId): Conversation | undefined {
    let conversation = base.get(id);
    const draft = localDrafts.get(id);
    if (conversation && localDrafts.has(id) && conversation.draft?.text !== draft?.text) {
      if (draft) conversation = { ...conversation, draft };
      else {
        const { draft: _omit, ...rest } = conversation;
        conversation = rest;
      }
    }
    for (const op of opsById.get(id) ?? []) {
      if (!conversation) break;
      conversation = op.patch(conversation) ?? undefined;
    }
    return conversation;
  }

  function refresh(id: ConversationId): void {
    const prev = visible.get(id);
    let next = compute(id);
    if (next && prev && conversationsEqual(prev, next)) next = prev;
    if (next === prev) return;
    if (!touched.has(id)) touched.set(id, prev);
    if (next) visible.set(id, next);
    else visible.delete(id);
  }

  function refreshRegistry(): void {
    let names = registryBase;
    for (const op of registryOps) names = op.registry!(names);
    if (!sameStrings(names, registry)) {
      registry = names;
      groupsDirty = true;
    }
  }

  function applyToLists(prev: Conversation | undefined, next: Conversation | undefined): void {
    filtered.apply(prev, next);
    if (prev && next) all.update(prev, next);
    else if (prev) all.remove(prev);
    else if (next) all.insert(next);

    const prevNames = prev?.groupNames ?? EMPTY_IDS;
    const nextNames = next?.groupNames ?? EMPTY_IDS;
    for (const name of prevNames) {
      const list = groupList(name);
      if (next && nextNames.includes(name)) list.update(prev!, next);
      else list.remove(prev!);
    }
    for (const name of nextNames) if (!prevNames.includes(name)) groupList(name).insert(next!);

    const before = unreadContribution(prev, rule);
    const after = unreadContribution(next, rule);
    unreadTotal += after - before;
    pinnedCount += Number(Boolean(next?.isPinned)) - Number(Boolean(prev?.isPinned));
    if (before !== 0 || after !== 0 || !sameStrings(prevNames, nextNames)) {
      for (const name of prevNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) - before);
      for (const name of nextNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) + after);
    }
    if (!sameStrings(prevNames, nextNames) || before !== after) groupsDirty = true;
  }

  function buildGroups(): readonly GroupSummary[] {
    return registry.map((name) => ({
      name,
      conversationCount: groupLists.get(name)?.size ?? 0,
      unreadCount: groupUnread.get(name) ?? 0,
    }));
  }

  // ---- commit: one setState per batch ------------------------------------------------------------
  let pending = new Map<ConversationId, number>();
  let failures = new Map<ConversationId, ConversationFailure>();
  let pendingDirty = false;

  function draftsSnapshot(): ReadonlyMap<ConversationId, Draft> {
    const drafts = new Map<ConversationId, Draft>();
    for (const [id, draft] of localDrafts) if (draft) drafts.set(id, draft);
    return drafts;
  }

  function commit(extra: Partial<InboxState> = {}): void {
    const changes = touched;
    touched = new Map();
    // Applied one by one even for a first load: inserting into chunks costs about what a full sort does.
    for (const [id, prev] of changes) applyToLists(prev, visible.get(id));
    const state = store.getState();
    const patch: Partial<InboxState> = { ...extra };
    if (groupsDirty) {
      groupsDirty = false;
      const groups = buildGroups();
      if (JSON.stringify(groups) !== JSON.stringify(state.groups)) patch.groups = groups;
      if (!sameStrings(registry, state.groupNames)) patch.groupNames = registry;
    }
    if (unreadTotal !== state.unreadTotal) patch.unreadTotal = unreadTotal;
    if (pinnedCount !== state.pinnedCount) patch.pinnedCount = pinnedCount;
    if (pendingDirty) {
      pendingDirty = false;
      patch.pending = pending;
      patch.failures = failures;
    }
    if (draftsDirty) {
      draftsDirty = false;
      patch.drafts = draftsSnapshot();
    }
    if (changes.size === 0 && Object.keys(patch).length === 0) return;
    store.setState({ ...patch, version: state.version + 1 });
  }

  // ---- adapter events, coalesced per microtask ---------------------------------------------------
  let queue: AdapterEvent[] = [];
  let scheduled = false;

  function ingest(conversation: Conversation): void {
    const prev = base.get(conversation.id);
    base.set(conversation.id, prev && conversationsEqual(prev, conversation) ? prev : conversation);
    refresh(conversation.id);
  }

  function drop(id: ConversationId): void {
    base.delete(id);
    refresh(id);
  }

  function setMembership(name: string, ids: readonly ConversationId[]): void {
    const wanted = new Set(ids);
    // members already listed, plus conversations that gained the name earlier in this burst (not yet in the list)
    const current = new Set(groupLists.get(name)?.ids() ?? EMPTY_IDS);
    for (const id of touched.keys()) current.add(id);
    for (const id of current) {
      const conversation = base.get(id);
      if (!wanted.has(id) && conversation?.groupNames.includes(name)) {
        ingest({ ...conversation, groupNames: conversation.groupNames.filter((n) => n !== name) });
      }
    }
    for (const id of wanted) {
      const conversation = base.get(id);
      if (conversation && !conversation.groupNames.includes(name)) {
        ingest({ ...conversation, groupNames: [...conversation.groupNames, name] });
      }
    }
  }

  function applyEvent(event: AdapterEvent, keep: readonly ConversationId[] = EMPTY_IDS): Partial<InboxState> {
    switch (event.type) {
      case 'upserted':
        for (const conversation of event.conversations) ingest(conversation);
        return {};
      case 'removed':
        event.ids.forEach(drop);
        return {};
      case 'replaced': {
        const incoming = new Set<ConversationId>(keep);
        for (const conversation of event.conversations) {
          incoming.add(conversation.id);
          ingest(conversation);
        }
        for (const id of [...base.keys()]) if (!incoming.has(id)) drop(id);
        return {};
      }
      case 'groupsChanged': {
        const removed = registryBase.filter((name) => !event.names.includes(name));
        registryBase = [...event.names];
        refreshRegistry();
        for (const name of removed) setMembership(name, EMPTY_IDS);
        return {};
      }
      case 'groupMembershipChanged':
        setMembership(event.name, event.conversationIds);
        return {};
      case 'syncStateChanged':
        adapterSync = event.status;
        if (event.status === 'failed') {
          const error = event.error instanceof InboxError ? event.error : toInboxError(event.error, 'The backend failed to sync.');
          return { status: 'error', error };
        }
        return { status: derivedStatus(), error: undefined };
      case 'unreadTotalChanged':
        return { backendUnreadTotal: event.total };
    }
  }

  function reportRefused(refused: readonly Refusal[], operation: InboxOperation): void {
    for (const { error, id } of refused) reportError(error, id === undefined ? { operation } : { operation, ids: [id] });
  }

  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    let extra: Partial<InboxState> = {};
    // Each event is checked and applied on its own: a malformed one is reported and never costs the rest of the burst.
    for (const raw of events) {
      const { event, refused, keep } = checkEvent(raw);
      reportRefused(refused, 'event');
      if (!event) continue;
      try {
        extra = { ...extra, ...applyEvent(event, keep) };
        if (reloadSeen && (event.type === 'upserted' || event.type === 'replaced')) {
          for (const conversation of event.conversations) reloadSeen.add(conversation.id);
        }
      } catch (cause) {
        reportError(toInboxError(cause, 'Applying an adapter event failed.'), { operation: 'event' });
      }
    }
    commit(extra);
  }

  function onAdapterEvent(event: AdapterEvent): void {
    queue.push(event);
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(flush);
    }
  }

  // ---- lifecycle ---------------------------------------------------------------------------------
  let connections = 0;
  let generation = 0;
  let unsubscribe: (() => void) | undefined;
  let cursor: string | null = null;
  let loaded = false;
  let adapterSync: 'syncing' | 'ready' | 'failed' | undefined;
  let loadingMore: Promise<void> | undefined;
  // While a reload runs: the ids the backend listed (pages and events), to find the ones it no longer has.
  let reloadSeen: Set<ConversationId> | undefined;

  function derivedStatus(): InboxStatus {
    if (!loaded) return connections > 0 ? 'loading' : 'idle';
    return adapterSync === 'syncing' ? 'syncing' : 'ready';
  }

  function reportError(error: InboxError, context: InboxErrorContext): void {
    errors.emit(error, context);
  }

  /** Loads one page after `cursor`; returns the page's rows (already applied) and whether it was the last. */
  async function loadPage(gen: number): Promise<readonly Conversation[] | undefined> {
    const raw = await guard.run('loadConversations', () => adapter.loadConversations({ cursor, count: pageSize }));
    if (gen !== generation) return undefined;
    const { page, refused } = checkPage(raw);
    reportRefused(refused, cursor === null ? 'connect' : 'loadMore');
    flush();
    for (const conversation of page.conversations) ingest(conversation);
    cursor = page.cursor;
    loaded = true;
    commit({ hasMore: !page.isFinished, status: derivedStatus(), error: undefined });
    return page.conversations;
  }

  function connect(): Promise<void> {
    connections++;
    // A second connect retries when the first one could not subscribe.
    if (connections > 1 && unsubscribe) return Promise.resolve();
    return load();
  }

  /** Loads groups and the loaded pages again (after an error, or to reconcile). Connects when not connected. */
  function reload(): Promise<void> {
    return connections === 0 ? connect() : load();
  }

  function subscribe(): void {
    if (unsubscribe) return;
    const off: unknown = adapter.subscribe(onAdapterEvent);
    unsubscribe = typeof off === 'function' ? (off as () => void) : () => {};
  }

  async function load(): Promise<void> {
    const gen = ++generation;
    // What the store held before: the reload covers at least as many rows, then drops the ones the backend lost.
    const heldBefore = base.size;
    cursor = null;
    loaded = false;
    commit({ status: 'loading', error: undefined });
    try {
      subscribe();
      await guard.run('connect', () => adapter.connect?.());
      if (gen !== generation) return;
      if (adapter.capabilities !== capabilities) {
        try {
          capabilities = checkCapabilities(adapter.capabilities, String(adapter.name));
          commit({ capabilities });
        } catch (error) {
          reportError(toInboxError(error), { operation: 'connect' });
        }
      }
      const loadedGroups = checkGroups(await guard.run('loadGroups', () => adapter.loadGroups()));
      if (gen !== generation) return;
      reportRefused(loadedGroups.refused, 'connect');
      registryBase = loadedGroups.groups.map((group) => group.name);
      refreshRegistry();
      reloadSeen = new Set();
      let last: Conversation | undefined;
      for (;;) {
        const rows = await loadPage(gen);
        if (!rows) return;
        for (const row of rows) reloadSeen.add(row.id);
        last = rows.at(-1) ?? last;
        if (!store.getState().hasMore || reloadSeen.size >= heldBefore) break;
      }
      reconcile(reloadSeen, store.getState().hasMore ? last : undefined);
      reloadSeen = undefined;
      for (const group of loadedGroups.groups) setMembership(group.name, group.conversationIds);
      commit();
      await loadTotal(gen);
    } catch (cause) {
      if (gen !== generation) return;
      reloadSeen = undefined;
      const error = toInboxError(cause, 'Loading conversations failed.');
      commit({ status: 'error', error });
      reportError(error, { operation: 'connect' });
    }
  }

  /**
   * Drops the conversations the backend no longer lists: every one not seen when the whole list was loaded, or,
   * when more pages remain, the unseen ones ordered before the last row loaded (the range the reload covered).
   */
  function reconcile(seen: ReadonlySet<ConversationId>, last: Conversation | undefined): void {
    for (const [id, conversation] of [...base]) {
      if (seen.has(id)) continue;
      if (last === undefined || compare(conversation, last) < 0) drop(id);
    }
  }

  /** The backend's own total. A failure here is reported, never an error state: the rows did load. */
  async function loadTotal(gen: number): Promise<void> {
    if (typeof adapter.getTotalUnread !== 'function') return;
    try {
      const raw = await guard.run('getTotalUnread', () => adapter.getTotalUnread!());
      if (gen !== generation) return;
      const total = checkTotal(raw);
      if (total === undefined) {
        reportError(new InboxError('ADAPTER_FAILED', `getTotalUnread resolved ${String(raw)}, not a finite number; it was ignored.`), {
          operation: 'connect',
        });
      } else commit({ backendUnreadTotal: total });
    } catch (cause) {
      if (gen === generation) reportError(toInboxError(cause, 'Reading the unread total failed.'), { operation: 'connect' });
    }
  }

  function disconnect(): void {
    if (connections === 0) return;
    connections--;
    if (connections > 0) return;
    generation++;
    reloadSeen = undefined;
    try {
      unsubscribe?.();
    } catch (cause) {
      reportError(toInboxError(cause, 'Unsubscribing from the adapter failed.'), { operation: 'connect' });
    }
    unsubscribe = undefined;
    try {
      adapter.disconnect?.();
    } catch (cause) {
      reportError(toInboxError(cause, 'Disconnecting the adapter failed.'), { operation: 'connect' });
    }
    // Nothing may stay pending for ever: every call in flight settles now and its optimistic change rolls back.
    guard.abortAll(new InboxError('NOT_READY', 'The inbox disconnected before the call settled; it was rolled back.'));
    flush();
    commit({ status: 'idle' });
  }

  // ---- optimistic commands -----------------------------------------------------------------------
  // Published maps are replaced, never changed: a state read earlier keeps what it showed.
  function markPending(ids: Iterable<ConversationId>, delta: 1 | -1): void {
    pending = new Map(pending);
    for (const id of ids) {
      const count = (pending.get(id) ?? 0) + delta;
      if (count > 0) pending.set(id, count);
      else pending.delete(id);
    }
    pendingDirty = true;
  }

  function recordFailure(ids: Iterable<ConversationId>, failure: ConversationFailure | undefined): void {
    let copy: Map<ConversationId, ConversationFailure> | undefined;
    for (const id of ids) {
      if (!failure && !failures.has(id)) continue;
      copy ??= new Map(failures);
      if (failure) copy.set(id, failure);
      else copy.delete(id);
    }
    if (copy) {
      failures = copy;
      pendingDirty = true;
    }
  }

  function addOp(ids: readonly ConversationId[], op: Op): void {
    for (const id of ids) {
      const list = opsById.get(id);
      if (list) list.push(op);
      else opsById.set(id, [op]);
      refresh(id);
    }
    if (op.registry) {
      registryOps.push(op);
      refreshRegistry();
    }
  }

  /** Removes the op for `ids`; when `confirm`, folds its patch into the confirmed state first. */
  function settleOp(ids: readonly ConversationId[], op: Op, confirm: boolean): void {
    for (const id of ids) {
      const list = opsById.get(id);
      if (!list) continue;
      const index = list.indexOf(op);
      if (index < 0) continue;
      list.splice(index, 1);
      if (list.length === 0) opsById.delete(id);
      if (confirm) {
        const confirmed = base.get(id);
        if (confirmed) {
          const next = op.patch(confirmed);
          if (next) base.set(id, next);
          else base.delete(id);
        }
      }
      refresh(id);
    }
  }

  function settleRegistry(op: Op, confirm: boolean): void {
    const index = registryOps.indexOf(op);
    if (index < 0) return;
    registryOps.splice(index, 1);
    if (confirm) registryBase = op.registry!(registryBase);
    refreshRegistry();
  }

  function fail(error: unknown, context: InboxErrorContext): InboxError {
    const inboxError = toInboxError(error);
    reportError(inboxError, context);
    return inboxError;
  }

  /**
   * Runs a command on some conversations: applies `op` now, calls the backend, then confirms the ids that
   * succeeded and rolls back exactly this op for the ones that failed.
   */
  async function run(
    operation: InboxOperation,
    ids: readonly ConversationId[],
    op: Op,
    call: () => Promise<OperationResult | void>,
    context: Omit<InboxErrorContext, 'operation' | 'ids'> = {},
    batch = false,
  ): Promise<OperationResult> {
    addOp(ids, op);
    markPending(ids, 1);
    commit();
    let result: OperationResult;
    try {
      const raw = await guard.run(operation, call);
      // A batch command must say what happened to each id; a malformed answer fails the whole call.
      result = batch ? checkOperationResult(raw, ids, operation) : { succeeded: [...ids], failed: [] };
    } catch (cause) {
      settleOp(ids, op, false);
      if (op.registry) settleRegistry(op, false);
      markPending(ids, -1);
      const error = fail(cause, { operation, ids, ...context });
      recordFailure(ids, { operation, error });
      commit();
      throw error;
    }
    const failedIds = new Set(result.failed.map((f) => f.id));
    const succeeded = ids.filter((id) => !failedIds.has(id));
    settleOp(succeeded, op, true);
    settleOp([...failedIds], op, false);
    // A group whose every conversation failed was not created (Tencent creates nothing then).
    if (op.registry) settleRegistry(op, succeeded.length > 0 || ids.length === 0);
    markPending(ids, -1);
    recordFailure(succeeded, undefined);
    for (const failed of result.failed) recordFailure([failed.id], { operation, error: failureError(failed, operation) });
    commit();
    return result;
  }

  function requireConversation(id: unknown): Conversation {
    assertConversationId(id);
    const conversation = visible.get(id);
    if (!conversation) throw new InboxError('CONVERSATION_NOT_FOUND', `No conversation with id ${quote(id)} is loaded.`, { sdkCode: 2500 });
    return conversation;
  }

  /** Validates a group command on an existing group and returns its current members. */
  function existingGroup(name: unknown): ConversationId[] {
    if (capabilities.groups === 'none') throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend has no conversation groups.`);
    assertString(name, 'the group name');
    if (!registry.includes(name)) throw new InboxError('GROUP_NOT_FOUND', `There is no group named ${quote(name)}.`, { sdkCode: 51009 });
    return [...(groupLists.get(name)?.ids() ?? EMPTY_IDS)];
  }

  /**
   * Validates a name for a new group and returns it normalized (NFC, trimmed). A name that differs from an
   * existing one only in Unicode form or surrounding spaces is that name: users cannot tell them apart.
   * `except` is the group being renamed.
   */
  function newGroupName(name: unknown, except?: string): string {
    if (capabilities.groups === 'none') throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend has no conversation groups.`);
    assertGroupName(name, capabilities.groupNameMaxBytes);
    const normalized = normalizeGroupName(name);
    assertNoGroupNamed(registry, normalized, except);
    return normalized;
  }

  /**
   * Runs a batch command on the loaded ids among `ids`; unknown ids fail per id without reaching the backend.
   * `check` runs on the known ids before anything changes.
   */
  async function runOnKnown(
    operation: InboxOperation,
    ids: unknown,
    op: Op,
    call: (known: ConversationId[]) => Promise<OperationResult>,
    context: Omit<InboxErrorContext, 'operation' | 'ids'> = {},
    check?: (known: ConversationId[]) => void,
  ): Promise<OperationResult> {
    assertIdList(ids);
    const known: ConversationId[] = [];
    const unknown: OperationResult['failed'] = [];
    for (const id of new Set(ids)) {
      if (visible.has(id)) known.push(id);
      else unknown.push({ id, code: 'CONVERSATION_NOT_FOUND', message: `No conversation with id ${quote(id)} is loaded.`, sdkCode: 2500 });
    }
    check?.(known);
    if (known.length === 0 && !op.registry) return { succeeded: [], failed: unknown };
    const result = await run(operation, known, op, () => call(known), context, true);
    return unknown.length ? { succeeded: result.succeeded, failed: [...unknown, ...result.failed] } : result;
  }

  function assertGroupedLimit(name: string, ids: readonly ConversationId[]): void {
    let total = ids.filter((id) => visible.get(id)?.groupNames.length === 0).length;
    if (total === 0) return;
    for (const conversation of visible.values()) if (conversation.groupNames.length > 0) total++;
    const max = capabilities.maxGroupedConversations;
    if (total > max) {
      throw new InboxError('GROUPED_CONVERSATION_LIMIT_EXCEEDED', `At most ${max} conversations can be in groups ("${name}" would make ${total}).`, {
        sdkCode: 51008,
      });
    }
  }

  const withGroup = (name: string): Patch => (c) => (c.groupNames.includes(name) ? c : { ...c, groupNames: [...c.groupNames, name] });
  const withoutGroup = (name: string): Patch => (c) =>
    c.groupNames.includes(name) ? { ...c, groupNames: c.groupNames.filter((n) => n !== name) } : c;

  const actions: InboxActions = {
    openConversation: async (target) => {
      if (!isRecord(target) || (target.kind !== 'direct' && target.kind !== 'group')) {
        throw new InboxError('INVALID_ARGUMENT', 'openConversation needs { kind: "direct" | "group", targetId }.');
      }
      assertConversationId(target.targetId, 'targetId');
      let conversation: Conversation;
      try {
        const checked = checkConversation(await guard.run('openConversation', () => adapter.openConversation({ kind: target.kind, targetId: target.targetId })));
        if (isRefusal(checked)) throw checked.error;
        conversation = checked;
      } catch (cause) {
        throw fail(cause, { operation: 'openConversation' });
      }
      ingest(conversation);
      commit();
      return conversation.id;
    },

    pin: async (id, isPinned) => {
      const conversation = requireConversation(id);
      assertBoolean(isPinned, 'isPinned');
      if (conversation.isPinned === isPinned) return;
      if (isPinned) {
        if (store.getState().pinnedCount >= capabilities.maxPinned) {
          throw new InboxError('PIN_LIMIT_EXCEEDED', `At most ${capabilities.maxPinned} conversations can be pinned.`, { sdkCode: 51012 });
        }
      }
      await run('pin', [id], { patch: (c) => (c.isPinned === isPinned ? c : { ...c, isPinned }) }, () => adapter.pin(id, isPinned));
    },

    setMuteMode: async (id, mode) => {
      const conversation = requireConversation(id);
      assertMuteMode(mode);
      if (conversation.muteMode === mode) return;
      const allowed = capabilities.muteModes?.[conversation.kind];
      if (allowed && !allowed.includes(mode)) {
        throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend cannot set "${mode}" on a ${conversation.kind} conversation.`);
      }
      await run('setMuteMode', [id], { patch: (c) => (c.muteMode === mode ? c : { ...c, muteMode: mode }) }, () =>
        adapter.setMuteMode(id, mode),
      );
    },

    markRead: async (id) => {
      const conversation = requireConversation(id);
      // A conversation marked unread by hand is read too once opened (WeChat-like), where the backend has the mark.
      const unmark = Boolean(conversation.marks?.includes('unread')) && capabilities.marks.includes('unread');
      const hasUnread = conversation.unreadCount > 0 || conversation.mentions.length > 0;
      if (!hasUnread && !unmark) return;
      const patch: Patch = (c) => {
        const read = markedRead(c);
        return unmark && read.marks?.includes('unread') ? { ...read, marks: read.marks.filter((m) => m !== 'unread') } : read;
      };
      await run('markRead', [id], { patch }, async () => {
        if (hasUnread) await adapter.markRead(id);
        if (unmark) {
          const result = await adapter.setMark([id], 'unread', false);
          if (result.failed[0]) throw failureError(result.failed[0], 'markRead');
        }
      });
    },

    markAllRead: async () => {
      const ids: ConversationId[] = [];
      for (const c of visible.values()) if (c.unreadCount > 0 || c.mentions.length > 0) ids.push(c.id);
      await run('markAllRead', ids, { patch: markedRead }, () => adapter.markAllRead());
    },

    setDraft: async (id, text) => {
      assertConversationId(id);
      assertString(text, 'the draft text');
      const current = visible.get(id)?.draft?.text ?? (localDrafts.has(id) ? (localDrafts.get(id)?.text ?? '') : '');
      if (current === text) return;
      const draft = text ? { text, updatedAt: now() } : undefined;
      // The draft is the user's words: it is written locally first and never rolled back, even for a conversation
      // that is not loaded yet (it shows when it arrives) or that the server removed (it stays in `drafts`).
      localDrafts.set(id, draft);
      draftsDirty = true;
      try {
        draftStorage?.set(id, draft);
      } catch (cause) {
        reportError(toInboxError(cause, 'Keeping the draft in draft storage failed.'), { operation: 'setDraft', ids: [id] });
      }
      refresh(id);
      commit();
      try {
        await drafts.save(id, text);
      } catch (cause) {
        const error = fail(cause, { operation: 'setDraft', ids: [id] });
        recordFailure([id], { operation: 'setDraft', error });
        commit();
        throw error;
      }
      recordFailure([id], undefined);
      commit();
    },

    setMark: async (ids, mark, enabled) => {
      assertMark(mark);
      assertBoolean(enabled, 'enabled');
      if (!capabilities.marks.includes(mark)) {
        throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend does not support the "${mark}" mark.`);
      }
      const patch: Patch = (c) => {
        const marks = c.marks ?? [];
        if (marks.includes(mark) === enabled) return c;
        return { ...c, marks: enabled ? [...marks, mark] : marks.filter((m) => m !== mark) };
      };
      return runOnKnown('setMark', ids, { patch }, (known) => adapter.setMark(known, mark, enabled));
    },

    deleteConversation: async (id, deleteOptions = {}) => {
      requireConversation(id);
      if (typeof deleteOptions !== 'object' || deleteOptions === null) {
        throw new InboxError('INVALID_ARGUMENT', 'deleteConversation options must be an object.');
      }
      const result = await run(
        'deleteConversation',
        [id],
        { patch: () => null },
        () => adapter.deleteConversations([id], deleteOptions),
        {},
        true,
      );
      const failure = result.failed[0];
      if (failure) throw fail(failureError(failure, 'deleteConversation'), { operation: 'deleteConversation', ids: [id] });
    },

    loadMore: () => {
      const state = store.getState();
      if (!state.hasMore || connections === 0 || !loaded) return Promise.resolve();
      if (loadingMore) return loadingMore;
      const gen = generation;
      commit({ isLoadingMore: true });
      loadingMore = loadPage(gen)
        .then(() => undefined)
        .catch((cause: unknown) => {
          const error = fail(cause, { operation: 'loadMore' });
          commit({ error });
          throw error;
        })
        .finally(() => {
          loadingMore = undefined;
          commit({ isLoadingMore: false });
        });
      return loadingMore;
    },

    createGroup: async (rawName, ids = []) => {
      const name = newGroupName(rawName);
      if (registry.length >= capabilities.maxGroups) {
        throw new InboxError('GROUP_LIMIT_EXCEEDED', `At most ${capabilities.maxGroups} groups can be created.`, { sdkCode: 51010 });
      }
      const op: Op = { patch: withGroup(name), registry: (names) => (names.includes(name) ? names : [...names, name]) };
      return runOnKnown('createGroup', ids, op, (known) => adapter.createGroup(name, known), { groupName: name }, (known) => {
        if (known.length === 0 && capabilities.emptyGroups === false) {
          throw new InboxError('INVALID_ARGUMENT', `The ${adapter.name} backend creates a group only with at least one conversation.`);
        }
        assertGroupedLimit(name, known);
      });
    },

    renameGroup: async (oldName, rawNewName) => {
      const members = existingGroup(oldName);
      const newName = newGroupName(rawNewName, oldName);
      if (oldName === newName) return;
      const rename = (n: string) => (n === oldName ? newName : n);
      const op: Op = {
        patch: (c) => (c.groupNames.includes(oldName) ? { ...c, groupNames: c.groupNames.map(rename) } : c),
        registry: (names) => names.map(rename),
      };
      await run('renameGroup', members, op, () => adapter.renameGroup(oldName, newName), { groupName: oldName });
    },

    deleteGroup: async (name) => {
      const members = existingGroup(name);
      const op: Op = { patch: withoutGroup(name), registry: (names) => names.filter((n) => n !== name) };
      await run('deleteGroup', members, op, () => adapter.deleteGroup(name), { groupName: name });
    },

    addToGroup: async (name, ids) => {
      existingGroup(name);
      return runOnKnown('addToGroup', ids, { patch: withGroup(name) }, (known) => adapter.addToGroup(name, known), { groupName: name }, (known) =>
        assertGroupedLimit(name, known),
      );
    },

    removeFromGroup: async (name, ids) => {
      existingGroup(name);
      return runOnKnown('removeFromGroup', ids, { patch: withoutGroup(name) }, (known) => adapter.removeFromGroup(name, known), {
        groupName: name,
      });
    },

    dismissFailure: (id) => {
      assertConversationId(id);
      recordFailure([id], undefined);
      commit();
    },
  };

  const store = createStore<InboxState>()(() => ({
    version: 0,
    status: 'idle',
    hasMore: false,
    isLoadingMore: false,
    capabilities,
    conversations: table,
    lists,
    groupNames: EMPTY_IDS,
    groups: [],
    unreadTotal: 0,
    pinnedCount: 0,
    pending,
    failures,
    drafts: draftsSnapshot(),
    actions,
  }));

  return Object.assign(store, {
    adapter,
    connect,
    disconnect,
    reload,
    flush,
    draftStorage,
    onError(listener: (error: InboxError, context: InboxErrorContext) => void) {
      if (typeof listener !== 'function') throw new InboxError('INVALID_ARGUMENT', 'onError needs a listener function.');
      return errors.on(listener);
    },
  });
}

function markedRead(conversation: Conversation): Conversation {
  if (conversation.unreadCount === 0 && conversation.mentions.length === 0) return conversation;
  return { ...conversation, unreadCount: 0, mentions: [] };
}
