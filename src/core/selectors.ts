import type { InboxError } from './errors.js';
import type { ConversationFailure, InboxState, InboxStatus } from './store.js';
import type { Conversation, ConversationId, Draft, GroupSummary } from './types.js';

/** Ordered ids of a group, or of all conversations. The same array while the order is unchanged. */
export function selectConversationIds(state: InboxState, groupName?: string): readonly ConversationId[] {
  return state.lists.ids(groupName);
}

/** A conversation by id; the same object while it is unchanged. */
export function selectConversation(state: InboxState, id: ConversationId): Conversation | undefined {
  return state.conversations.get(id);
}

/**
 * Total unread under the adapter's rule, over all conversations or one group. While the store has not loaded every
 * conversation, the backend's own total (where it reports one): a badge never shows a number the backend
 * contradicts. Once everything is loaded, the store's count, which follows optimistic commands at once.
 */
export function selectUnreadTotal(state: InboxState, groupName?: string): number {
  if (groupName === undefined) return state.hasMore && state.backendUnreadTotal !== undefined ? state.backendUnreadTotal : state.unreadTotal;
  return state.groups.find((group) => group.name === groupName)?.unreadCount ?? 0;
}

/**
 * Whether the unread count of all conversations or of a group may be short: not every conversation is loaded and
 * the backend gives no count of its own. Show it as "52+".
 */
export function selectUnreadIsPartial(state: InboxState, groupName?: string): boolean {
  if (groupName === undefined) return state.hasMore && state.backendUnreadTotal === undefined;
  return Boolean(state.groups.find((group) => group.name === groupName)?.isPartial);
}

/** Groups in order, with conversation and unread counts. Stable while nothing in them changed. */
export function selectGroups(state: InboxState): readonly GroupSummary[] {
  return state.groups;
}

export interface SyncState {
  status: InboxStatus;
  error?: InboxError;
  hasMore: boolean;
}

const syncCache = new WeakMap<InboxState['actions'], SyncState>();

/** Status, error and paging. Returns the same object while those three are unchanged. */
export function selectSyncState(state: InboxState): SyncState {
  const previous = syncCache.get(state.actions);
  if (previous && previous.status === state.status && previous.error === state.error && previous.hasMore === state.hasMore) {
    return previous;
  }
  const next: SyncState = { status: state.status, hasMore: state.hasMore };
  if (state.error) next.error = state.error;
  syncCache.set(state.actions, next);
  return next;
}

/** Whether a command on the conversation is in flight. */
export function selectIsPending(state: InboxState, id: ConversationId): boolean {
  return (state.pending.get(id) ?? 0) > 0;
}

/**
 * A conversation's draft: the one shown on its row, else one typed for it while it was not loaded or after the
 * server removed it (kept so that nothing the user typed is lost).
 */
export function selectDraft(state: InboxState, id: ConversationId): Draft | undefined {
  const conversation = state.conversations.get(id);
  return conversation ? conversation.draft : state.drafts.get(id);
}

/** The last failed command on the conversation, if not yet dismissed. */
export function selectFailure(state: InboxState, id: ConversationId): ConversationFailure | undefined {
  return state.failures.get(id);
}
