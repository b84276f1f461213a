import type { UnreadRule } from './adapter.js';
import type { ListFilter } from './filteredLists.js';
import { countsTowardUnread } from './order.js';
import type { InboxState } from './store/types.js';
import type { Conversation, ConversationId } from './types.js';

/** What a jump looks for: an unread conversation, or one with an unread @-mention. */
export type UnreadJumpKind = 'unread' | 'mention';

/** Where and what `findNextUnread` looks for. */
export interface FindUnreadOptions {
  /** The group whose list is searched; all conversations when undefined. */
  groupName?: string;
  /** The filter of the list on screen (a search, unread only...): the search follows the rows that are shown. */
  filter?: ListFilter;
  /**
   * The row to start after (or before, with `direction: -1`). `null`, or an id that is not in the list, starts at
   * the first row (or at the last one going backwards).
   */
  fromId?: ConversationId | null;
  /** `1`: down the list, `-1`: up. */
  direction: 1 | -1;
  kind: UnreadJumpKind;
  /**
   * Skips conversations whose unread does not count under this rule (muted, system), unless marked unread: a
   * "skip muted" mode. Without it, a conversation is unread exactly when its row shows it (see `isUnreadTarget`).
   * Mentions ignore the rule: a mention is addressed to the user even in a muted conversation.
   */
  rule?: UnreadRule;
}

/**
 * Whether a conversation is something a jump of `kind` stops at.
 *
 * `unread`: unread messages or marked unread — the same meaning as the row's `data-unread`, its badge (a dot when
 * muted) and the `unreadOnly` filter, so a muted conversation with unread messages counts: the user sees it as
 * unread. With a `rule`, conversations that do not count under it are skipped unless marked unread.
 * `mention`: an unread @-mention (the `mentionsOnly` filter).
 */
export function isUnreadTarget(conversation: Conversation | undefined, kind: UnreadJumpKind, rule?: UnreadRule): boolean {
  if (!conversation) return false;
  if (kind === 'mention') return conversation.mentions.length > 0;
  if (conversation.marks?.includes('unread')) return true;
  return conversation.unreadCount > 0 && (!rule || countsTowardUnread(conversation, rule));
}

/**
 * The next conversation to jump to in a list, in the order on screen: the first target after `fromId` (before it
 * going backwards), or undefined when there is none among the loaded rows. It does not wrap around and does not
 * load pages (`useUnreadNavigation` does).
 *
 * Cost: O(distance × log n) — one `view.at` per row passed over, each O(log n) — never a pass over the whole list
 * unless the target is that far away. Folded conversations are not rows of the plain list, so they are not
 * jumped to; a filtered list shows them as rows and includes them.
 */
export function findNextUnread(
  state: Pick<InboxState, 'lists' | 'conversations'>,
  { groupName, filter, fromId = null, direction, kind, rule }: FindUnreadOptions,
): ConversationId | undefined {
  const view = state.lists.view(groupName, filter);
  const from = fromId === null ? -1 : view.indexOf(fromId);
  let index = from === -1 ? (direction === 1 ? 0 : view.size - 1) : from + direction;
  for (; index >= 0 && index < view.size; index += direction) {
    const id = view.at(index);
    if (id !== undefined && isUnreadTarget(state.conversations.get(id), kind, rule)) return id;
  }
  return undefined;
}

/** How many rows `hasUnreadTarget` looks at for one that is not folded, at most: a bound on its per-change cost. */
const FOLDED_PROBE = 32;

const isFilterActive = (filter: ListFilter | undefined) => Boolean(filter && (filter.unreadOnly || filter.mentionsOnly || filter.query?.trim()));

/**
 * Whether the list shows any target of `kind` (under the default meaning of `isUnreadTarget`), in O(log n): it reads
 * the store's maintained filtered list (`unreadOnly` / `mentionsOnly`, kept incrementally), never every row.
 *
 * The plain list leaves folded conversations out while the filtered ones keep them, so without a filter the first
 * rows of the filtered list are checked for one that is not folded (at most 32; past that it answers true, so with
 * more than 32 unread folded conversations and no other unread, it may say true when a jump finds nothing).
 */
export function hasUnreadTarget(
  state: Pick<InboxState, 'lists' | 'conversations'>,
  kind: UnreadJumpKind,
  groupName?: string,
  filter?: ListFilter,
): boolean {
  const narrowed = state.lists.view(groupName, { ...filter, ...(kind === 'unread' ? { unreadOnly: true } : { mentionsOnly: true }) });
  if (narrowed.size === 0) return false;
  if (isFilterActive(filter)) return true;
  const probe = Math.min(narrowed.size, FOLDED_PROBE);
  for (let i = 0; i < probe; i++) {
    const id = narrowed.at(i);
    if (id !== undefined && !state.conversations.get(id)?.marks?.includes('fold')) return true;
  }
  return narrowed.size > probe;
}
