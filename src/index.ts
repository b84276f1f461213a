'use client';
// What apps use: the model and its types, errors, the store and its selectors, drafts storage and the checks the
// UI needs, then the React hooks and the components. What adapter authors and low-level code need besides (default
// capabilities, the backends' unread rules, the ordered list and comparators, the value lists) stays on
// `inboxkit/core`, so that an app does not carry it.
export type * from './core/index.js';
export { InboxError, INBOX_ERROR_CODES, isInboxError, toInboxError } from './core/errors.js';
export { createInboxStore } from './core/store.js';
export {
  selectConversation,
  selectConversationIds,
  selectFailure,
  selectGroups,
  selectDraft,
  selectIsPending,
  selectSyncState,
  selectUnreadTotal,
} from './core/selectors.js';
export { createLocalDraftStorage } from './core/drafts.js';
export { assertGroupName, checkGroupName, normalizeGroupName, safeAvatarUrl, utf8ByteLength } from './core/validate.js';
export * from './react/index.js';
export * from './components/index.js';
