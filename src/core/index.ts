export type {
  Conversation,
  ConversationGroup,
  ConversationId,
  ConversationKind,
  ConversationMark,
  ConversationTarget,
  Draft,
  GroupSummary,
  LastMessage,
  Mention,
  MentionKind,
  MuteMode,
  CommandResult,
  OperationResult,
  PreviewKind,
} from './types.js';
export { PREVIEW_KINDS } from './types.js';
export { InboxError, INBOX_ERROR_CODES, isInboxError, toInboxError } from './errors.js';
export { reportListenerError } from './emitter.js';
export type { InboxErrorCode, InboxErrorOptions } from './errors.js';
export { DEFAULT_CAPABILITIES, OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE } from './adapter.js';
export type {
  AdapterCapabilities,
  AdapterEvent,
  AdapterListener,
  ConversationAdapter,
  ConversationPage,
  DeleteOptions,
  OrderingKey,
  PageRequest,
  SyncStatus,
  UnreadRule,
} from './adapter.js';
export { createInboxStore, INBOX_OPERATIONS, UNDOABLE_OPERATIONS } from './store.js';
export type {
  ConversationFailure,
  ConversationTable,
  FoldedRow,
  InboxActions,
  InboxErrorContext,
  InboxOperation,
  InboxState,
  InboxStatus,
  InboxStore,
  InboxStoreOptions,
  ListIndex,
  ListView,
  BatchLimits,
  UndoEntry,
  UndoOptions,
  UndoableOperation,
} from './store.js';
export {
  selectConversation,
  selectConversationIds,
  selectFailure,
  selectGroups,
  selectDraft,
  selectIsPending,
  selectSyncState,
  selectUnreadTotal,
  selectUnreadIsPartial,
} from './selectors.js';
export type { SyncState } from './selectors.js';
export { createComparator, countsTowardUnread, orderTime, OrderedList, unreadContribution, withIdTieBreak } from './order.js';
export type { ConversationComparator } from './order.js';
export { conversationsEqual } from './equal.js';
export { createLocalDraftStorage, createMemoryDraftStorage, draftStorageKey } from './drafts.js';
export type { DraftStorage, LocalDraftStorageOptions } from './drafts.js';
export {
  assertGroupName,
  checkGroupName,
  normalizeGroupName,
  CONVERSATION_KINDS,
  CONVERSATION_MARKS,
  MUTE_MODES,
  safeAvatarUrl,
  utf8ByteLength,
} from './validate.js';
export type { GroupNameProblem } from './validate.js';
export { findNextUnread, hasUnreadTarget, isUnreadTarget } from './findUnread.js';
export type { FindUnreadOptions, UnreadJumpKind } from './findUnread.js';
