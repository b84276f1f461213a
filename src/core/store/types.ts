import type { StoreApi } from 'zustand/vanilla';
import type { AdapterCapabilities, ConversationAdapter, DeleteOptions, UnreadRule } from '../adapter.js';
import type { DraftStorage } from '../drafts.js';
import type { InboxError } from '../errors.js';
import type { ListFilter } from '../filteredLists.js';
import type { ConversationComparator, ListView } from '../order.js';
import type {
  CommandResult,
  Conversation,
  ConversationId,
  ConversationMark,
  ConversationTarget,
  Draft,
  GroupSummary,
  MuteMode,
  OperationResult,
} from '../types.js';
import type { BatchLimits } from './runBatch.js';
import type { UndoEntry, UndoOptions } from './undoWindow.js';

// The store's public types: its state, its commands and its options.

/** What the list is doing. `syncing`: rows are shown while the backend is still catching up. */
export type InboxStatus = 'idle' | 'loading' | 'syncing' | 'ready' | 'error';

/** Names of the store's commands, as reported in errors and pending state. `event`: an adapter event was refused at
 * the store's boundary (malformed), or applying it failed. */
export const INBOX_OPERATIONS = [
  'openConversation',
  'pin',
  'setMuteMode',
  'markRead',
  'markAllRead',
  'setDraft',
  'setMark',
  'deleteConversation',
  'loadMore',
  'createGroup',
  'renameGroup',
  'deleteGroup',
  'addToGroup',
  'removeFromGroup',
  'setCustomData',
  'setGlobalReceiveOption',
  'clearAllConversations',
  'connect',
  'event',
] as const;

export type InboxOperation = (typeof INBOX_OPERATIONS)[number];

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

/**
 * Read-only access to the conversations the store holds, as they were when the state was published: a state read
 * later still shows what it showed then (the store copies on write).
 */
export interface ConversationTable {
  get(id: ConversationId): Conversation | undefined;
  has(id: ConversationId): boolean;
  readonly size: number;
  values(): IterableIterator<Conversation>;
}

/** The ordered id lists, as they were when the state was published (they never change afterwards). */
export interface ListIndex {
  /**
   * Ordered ids of a group, or of all conversations when `groupName` is undefined: the same array while the order
   * is unchanged. With a `filter` (unread only, mentions only, a title query), the filtered order, kept
   * incrementally: built once when first asked for, then each change costs O(log n) for the conversation that
   * changed, not a pass over the list.
   *
   * The array is built lazily: `length` and `ids[i]` read the order in place in O(log n); iterating it or calling
   * an array method builds the plain array of every id once per order (O(n)). A virtualized list should read
   * `view()` or index the array, not spread it.
   */
  ids(groupName?: string, filter?: ListFilter): readonly ConversationId[];
  /** The same order as a `ListView`; the same object while the order is unchanged. */
  view(groupName?: string, filter?: ListFilter): ListView;
  /**
   * The list's folded conversations (marked `fold`), which `ids` and `view` leave out: a list shows them as one
   * "Folded" row at `position`. Undefined when the list has none. Filtered lists (a search, unread only) include
   * folded conversations as ordinary rows instead.
   */
  folded(groupName?: string): FoldedRow | undefined;
}

/** The one row a list shows for its folded conversations (WeChat's "Folded chats"). */
export interface FoldedRow {
  /** The folded conversations, in order. */
  ids: readonly ConversationId[];
  view: ListView;
  /** Where the row goes among the list's rows: right after every row that comes before its newest conversation. */
  position: number;
  /** Unread summed over the folded conversations, under the unread rule (shown muted). */
  unreadCount: number;
  /** The newest folded conversation, whose time and preview the row shows. */
  newest: Conversation;
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
  setMark(ids: readonly ConversationId[], mark: ConversationMark, enabled: boolean): Promise<CommandResult>;
  deleteConversation(id: ConversationId, options?: DeleteOptions): Promise<void>;
  /** Loads the next page when there is one. */
  loadMore(): Promise<void>;
  createGroup(name: string, ids?: readonly ConversationId[]): Promise<OperationResult>;
  renameGroup(oldName: string, newName: string): Promise<void>;
  deleteGroup(name: string): Promise<void>;
  addToGroup(name: string, ids: readonly ConversationId[]): Promise<CommandResult>;
  removeFromGroup(name: string, ids: readonly ConversationId[]): Promise<CommandResult>;
  /** Sets the app's own string on conversations (`capabilities.customDataMaxLength` > 0). */
  setCustomData(ids: readonly ConversationId[], data: string): Promise<OperationResult>;
  /** Sets the account-wide receive option (`capabilities.globalReceiveModes`); shown at once, rolled back on failure. */
  setGlobalReceiveOption(mode: MuteMode): Promise<void>;
  /** Clears every conversation from the list (`capabilities.clearAll`); they come back if the backend refuses. */
  clearAllConversations(): Promise<void>;
  /** Forgets the failure shown on a conversation's row. */
  dismissFailure(id: ConversationId): void;

  // ---- many at once (a selection): one batch, per-id results, chunked so 100,000 ids never block the page ----
  /** Pins or unpins many; ids past `capabilities.maxPinned` fail per id with `PIN_LIMIT_EXCEEDED`. */
  pinMany(ids: readonly ConversationId[], isPinned: boolean): Promise<CommandResult>;
  /** Sets a mute mode on many; a conversation that cannot take it fails alone with `NOT_SUPPORTED`. Undoable. */
  setMuteModeMany(ids: readonly ConversationId[], mode: MuteMode): Promise<CommandResult>;
  /** Marks many read (and clears their `unread` mark). Undoable when more than one had something unread. */
  markReadMany(ids: readonly ConversationId[]): Promise<CommandResult>;
  /** Deletes many, with `options` as `deleteConversation`. Undoable: it waits for the undo window before it is sent. */
  deleteConversations(ids: readonly ConversationId[], options?: DeleteOptions): Promise<CommandResult>;

  // ---- undo (`InboxStoreOptions.undo`) ----
  /**
   * Undoes the newest command in `state.undoable` (or the one with `id`): cancelled if it was not sent yet, else
   * reversed by its inverse command. Rejects with the inverse's error, which also shows on the rows.
   */
  undo(id?: number): Promise<void>;
  /** Stops offering undo for one command (or all): a command still waiting is sent at once. */
  dismissUndo(id?: number): void;
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
  /** Total unread under the unread rule, over the conversations the store holds (hidden ones left out). */
  unreadTotal: number;
  /** Pinned conversations among those the store holds (compare with `capabilities.maxPinned`). */
  pinnedCount: number;
  /**
   * The total as the backend itself reports it, when it does. While the store has not loaded every conversation
   * (`hasMore`), this is the total to show (`selectUnreadTotal` does): `unreadTotal` covers only the loaded ones.
   */
  backendUnreadTotal?: number;
  /** The account-wide receive option, where the backend has one (`capabilities.globalReceiveModes`). */
  globalReceiveOption?: MuteMode;
  /**
   * The conversations that changed (arrived, changed or left) in the commit that published this state; empty when
   * it changed none. Every state is published through `subscribe`, so a listener that reads this sees each change
   * once: keep things derived from conversations (a selection, a cache) in step in O(changed) instead of O(n).
   */
  changedIds: readonly ConversationId[];
  /** Commands that can still be undone, oldest first (empty when undo is off): what an undo toast shows. */
  undoable: readonly UndoEntry[];
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
  /**
   * Undo for disruptive commands (delete, remove from a group, mute, mark many read, hide): how long, and whether
   * they wait before they are sent. @default { windowMs: 0 } (off)
   */
  undo?: UndoOptions;
  /**
   * How batches over many ids are split: ids per backend call, calls in flight, and the longest stretch (ms) the batch
   * works before it gives the page a turn. @default { chunkSize: 100, concurrency: 2, sliceMs: 8 }
   */
  batch?: Partial<BatchLimits>;
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
