import type { InboxError } from './errors.js';
import type {
  Conversation,
  ConversationGroup,
  ConversationId,
  ConversationKind,
  ConversationMark,
  ConversationTarget,
  MuteMode,
  OperationResult,
} from './types.js';

/**
 * Which conversations count toward the total unread. The SDKs differ (sdk-semantics §1.3):
 * Tencent excludes every muted mode and system notices; OpenIM excludes only `silent`.
 */
export interface UnreadRule {
  excludedMuteModes: readonly MuteMode[];
  excludedKinds: readonly ConversationKind[];
}

/** Tencent Cloud Chat's rule: muted (any mode) and `@TIM#SYSTEM` conversations do not count. */
export const TENCENT_UNREAD_RULE: UnreadRule = Object.freeze({
  excludedMuteModes: Object.freeze(['silent', 'silentExceptMention', 'blocked'] as const),
  excludedKinds: Object.freeze(['system'] as const),
});

/** OpenIM's rule (`recv_msg_opt < 2`): only `silent` is excluded; blocked and notification conversations count. */
export const OPENIM_UNREAD_RULE: UnreadRule = Object.freeze({
  excludedMuteModes: Object.freeze(['silent'] as const),
  excludedKinds: Object.freeze([] as const),
});

/**
 * The time a conversation is ordered by, after pinned ones.
 * - `lastActivity`: the last message (Tencent Web; drafts do not move a conversation).
 * - `lastActivityOrDraft`: the later of the last message and the draft (OpenIM).
 */
export type OrderingKey = 'lastActivity' | 'lastActivityOrDraft';

/** What a backend can do. The UI hides what a backend lacks; calling it anyway rejects with `NOT_SUPPORTED`. */
export interface AdapterCapabilities {
  /** `native`: the backend stores groups; `emulated`: the adapter stores them itself; `none`: no groups. */
  groups: 'native' | 'emulated' | 'none';
  /** Whether `loadConversations` returns more than one page. */
  paging: boolean;
  /** @default 20 */
  maxGroups: number;
  /** Maximum UTF-8 bytes of a group name. @default 32 */
  groupNameMaxBytes: number;
  /** Maximum pinned conversations; `Infinity` when unlimited. @default 50 */
  maxPinned: number;
  /** Maximum conversations that are in at least one group. @default 1000 */
  maxGroupedConversations: number;
  /** `deleteConversations(ids, { clearHistory: true })` deletes the history on the server too. */
  serverDelete: boolean;
  /** The backend persists drafts across reloads itself; when false the kit's draft storage does. */
  draftsPersisted: boolean;
  /** Marks the backend supports (may be empty). */
  marks: readonly ConversationMark[];
  unreadRule: UnreadRule;
  orderBy: OrderingKey;
  /**
   * Mute modes the backend can set, per conversation kind. Absent means every mode for every kind.
   * (Tencent Web cannot set `silentExceptMention` on a direct chat.)
   */
  muteModes?: Readonly<Partial<Record<ConversationKind, readonly MuteMode[]>>>;
  /** Whether a group can exist with no conversations (Tencent Web needs at least one to create it). @default true */
  emptyGroups?: boolean;
  /**
   * Whether every conversation's `groupNames` always agrees with the members `loadGroups` lists (an adapter that
   * works out one from the other). The store then takes the groups of each conversation it loads as they come, and
   * never reads a group's `conversationIds` from `loadGroups` (so they may be worked out only when read). Membership
   * events are applied as always. @default false
   */
  groupNamesMatchGroups?: boolean;
  /**
   * Account-wide receive options the backend can set (`setGlobalReceiveOption`); absent or empty when it has none.
   * (OpenIM `globalRecvMsgOpt`: `none`, `blocked`, `silent`.)
   */
  globalReceiveModes?: readonly MuteMode[];
  /** Whether `clearAllConversations` is available (OpenIM `hideAllConversations`). */
  clearAll?: boolean;
  /** Longest `customData` the backend stores, in UTF-16 units (Tencent 256); absent or 0 when it stores none. */
  customDataMaxLength?: number;
  /** Backend-specific extras, for example OpenIM's private chat. */
  extras?: Readonly<Record<string, boolean>>;
}

export const DEFAULT_CAPABILITIES: AdapterCapabilities = Object.freeze({
  groups: 'native',
  paging: false,
  maxGroups: 20,
  groupNameMaxBytes: 32,
  maxPinned: 50,
  maxGroupedConversations: 1000,
  serverDelete: true,
  draftsPersisted: true,
  marks: Object.freeze([] as ConversationMark[]),
  unreadRule: TENCENT_UNREAD_RULE,
  orderBy: 'lastActivity',
});

export type SyncStatus = 'syncing' | 'ready' | 'failed';

/** Everything an adapter tells the store. Events are applied idempotently, keyed by id. */
export type AdapterEvent =
  /** Conversations were added or changed (deltas). An unknown id is an insert. */
  | { type: 'upserted'; conversations: readonly Conversation[] }
  /** Conversations left the list. */
  | { type: 'removed'; ids: readonly ConversationId[] }
  /** A full snapshot of the list (Tencent sends one on every change); what is missing is removed. */
  | { type: 'replaced'; conversations: readonly Conversation[] }
  /** The full list of group names, in order. */
  | { type: 'groupsChanged'; names: readonly string[] }
  /** The whole current membership of one group (not a delta). */
  | { type: 'groupMembershipChanged'; name: string; conversationIds: readonly ConversationId[] }
  | { type: 'syncStateChanged'; status: SyncStatus; error?: InboxError; progress?: number }
  /** The total unread as the backend itself reports it. */
  | { type: 'unreadTotalChanged'; total: number }
  /**
   * A group's unread total as the backend counts it changed. An adapter whose `loadGroups` gives `unreadCount`
   * sends this whenever that count changes, so that the store's tab stays right while pages remain.
   */
  | { type: 'groupUnreadChanged'; name: string; unreadCount: number };

export type AdapterListener = (event: AdapterEvent) => void;

/**
 * Paging is keyed on the order, never on an offset: the cursor an adapter returns names the last row it delivered
 * (its order key and id), and the next page starts right after that row wherever it now stands. Rows deleted,
 * unpinned or moved while the user pages must not make the next page skip rows (an offset would).
 */
export interface PageRequest {
  /** `null` or absent for the first page; otherwise the `cursor` of the previous page, passed back unchanged. */
  cursor?: string | null;
  /** A hint; adapters may return fewer or more. */
  count?: number;
}

export interface ConversationPage {
  conversations: readonly Conversation[];
  /** Pass back to get the next page; `null` when finished. */
  cursor: string | null;
  isFinished: boolean;
}

export interface DeleteOptions {
  /** Also delete the message history (on the server where `serverDelete`). @default true */
  clearHistory?: boolean;
}

/**
 * The contract between the store and a backend. Adapters normalize SDK quirks (seconds vs ms, JSON strings,
 * full lists vs deltas) so the store never sees an SDK type. Every method rejects with `InboxError`.
 * What a backend lacks rejects with `NOT_SUPPORTED`, never silently succeeds.
 *
 * One adapter instance serves one store: adapters may track what they delivered (paging de-duplication), so
 * create one per store (several adapters may wrap the same SDK instance). `capabilities` may change during
 * `connect()`; the store reads it again afterwards.
 */
export interface ConversationAdapter {
  /** Short name for logs and devtools, e.g. `memory`, `tencent`, `openim`. */
  readonly name: string;
  /**
   * The signed-in account (user id), when the adapter knows it. The store keeps local data per account under it
   * (the default draft storage key is `inboxkit:drafts:<name>:<account>`), so a second user on the same browser
   * never sees the first one's drafts.
   */
  readonly account?: string;
  readonly capabilities: AdapterCapabilities;
  /** Called when the first store connects. Optional. */
  connect?(): Promise<void> | void;
  /** Called when the last store disconnects. Optional. */
  disconnect?(): void;
  subscribe(listener: AdapterListener): () => void;

  loadConversations(request: PageRequest): Promise<ConversationPage>;
  loadGroups(): Promise<readonly ConversationGroup[]>;
  /** The total unread as the backend computes it, when it can say. */
  getTotalUnread?(): Promise<number> | number;

  /** Gets a conversation with a user or group, creating it when missing. */
  openConversation(target: ConversationTarget): Promise<Conversation>;
  pin(id: ConversationId, isPinned: boolean): Promise<void>;
  setDraft(id: ConversationId, text: string): Promise<void>;
  setMuteMode(id: ConversationId, mode: MuteMode): Promise<void>;
  markRead(id: ConversationId): Promise<void>;
  markAllRead(): Promise<void>;
  setMark(ids: readonly ConversationId[], mark: ConversationMark, enabled: boolean): Promise<OperationResult>;
  deleteConversations(ids: readonly ConversationId[], options?: DeleteOptions): Promise<OperationResult>;

  /** The account-wide receive option now. Needed with `capabilities.globalReceiveModes`. */
  getGlobalReceiveOption?(): Promise<MuteMode>;
  /** Sets the account-wide receive option. Needed with `capabilities.globalReceiveModes`. */
  setGlobalReceiveOption?(mode: MuteMode): Promise<void>;
  /** Clears every conversation from the list (messages are kept where the backend keeps them). Needed with `clearAll`. */
  clearAllConversations?(): Promise<void>;
  /** Sets the app's own string on conversations. Needed with `capabilities.customDataMaxLength`. */
  setCustomData?(ids: readonly ConversationId[], data: string): Promise<OperationResult>;

  createGroup(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  renameGroup(oldName: string, newName: string): Promise<void>;
  deleteGroup(name: string): Promise<void>;
  addToGroup(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  removeFromGroup(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
}
