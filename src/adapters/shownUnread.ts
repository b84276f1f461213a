import type { UnreadRule } from '../core/adapter.js';
import { unreadContribution } from '../core/order.js';
import type { Conversation } from '../core/types.js';

/**
 * The unread a conversation adds to the kit's totals: none while it is hidden (mark `hide`), else its count under
 * the unread rule. The store counts exactly so, and an adapter that reports its own total (or per-group counts) must
 * too: once every page is loaded the store shows its own count, and before that the adapter's, and the badge must
 * not jump between two rules.
 */
export function shownUnread(conversation: Conversation | undefined, rule: UnreadRule): number {
  if (!conversation || conversation.marks?.includes('hide')) return 0;
  return unreadContribution(conversation, rule);
}
