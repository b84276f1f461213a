import type { OrderingKey, UnreadRule } from './adapter.js';
import type { Conversation } from './types.js';

/**
 * An ordered list read in place, without an array of every id: what a virtualized list needs at 100,000
 * conversations, where building that array on every change would cost more than the change. A new object whenever
 * the order changes (compare by reference); it reads the store as it is now, so read it from the latest state.
 */
export interface ListView {
  readonly size: number;
  /** The id at a position (0-based), or undefined past the end. */
  at(index: number): string | undefined;
  /** The position of a conversation, or -1. */
  indexOf(id: string): number;
}

/** A total order over conversations: negative when `a` comes first. */
export type ConversationComparator = (a: Conversation, b: Conversation) => number;

/** The time a conversation is ordered by under an ordering key. */
export function orderTime(conversation: Pick<Conversation, 'lastActivityAt' | 'draft'>, orderBy: OrderingKey): number {
  // An empty draft is no draft (the contract clears drafts with ''); the kit never holds one, a user's raw data may.
  if (orderBy === 'lastActivityOrDraft' && conversation.draft && conversation.draft.text !== '') {
    return Math.max(conversation.lastActivityAt, conversation.draft.updatedAt);
  }
  return conversation.lastActivityAt;
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Pinned first, then the ordering key's time descending, then id ascending so that the order is deterministic. */
export function createComparator(orderBy: OrderingKey = 'lastActivity'): ConversationComparator {
  return (a, b) => {
    if (a.isPinned !== b.isPinned) return a.isPinned ? -1 : 1;
    const ta = orderTime(a, orderBy);
    const tb = orderTime(b, orderBy);
    if (ta !== tb) return tb - ta;
    return compareIds(a.id, b.id);
  };
}

/** Makes any comparator total by breaking its ties by id. */
export function withIdTieBreak(comparator: ConversationComparator): ConversationComparator {
  return (a, b) => comparator(a, b) || compareIds(a.id, b.id);
}

/** Whether a conversation's unread messages count toward totals under a rule. */
export function countsTowardUnread(conversation: Conversation, rule: UnreadRule): boolean {
  return !rule.excludedMuteModes.includes(conversation.muteMode) && !rule.excludedKinds.includes(conversation.kind);
}

/** The unread a conversation adds to totals under a rule. */
export function unreadContribution(conversation: Conversation | undefined, rule: UnreadRule): number {
  return conversation && countsTowardUnread(conversation, rule) ? conversation.unreadCount : 0;
}

export { OrderedList } from './orderedList.js';
export type { Chunk } from './orderedList.js';
