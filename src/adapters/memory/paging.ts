/**
 * The list order and paging with keyset cursors. The order is built with one sort when the backend is seeded
 * (O(n log n); inserting 100,000 conversations one at a time cost more than sorting them, and left the first page
 * to pay for it) and then kept up to date per change in core's chunked list, where a message moves one
 * conversation in O(log n + chunk). A page is a slice of that order, so the first page costs only its own rows.
 *
 * A cursor is the order key (pinned, order time) and id of the last row delivered, not a position: the next page
 * starts right after where that row would stand now, so rows deleted, unpinned or moved meanwhile never make a
 * page skip rows.
 */
import type { ConversationPage, OrderingKey } from '../../core/adapter.js';
import { createComparator, OrderedList, orderTime } from '../../core/order.js';
import type { Conversation, ConversationId } from '../../core/types.js';

/** What a cursor holds: the order key and id of the last row of a page. */
type PageKey = [pinned: 0 | 1, time: number, id: ConversationId];

/** The conversations in list order (pinned first, then newest first under `orderBy`, then by id), sorted once. */
export function sortedOrder(conversations: Iterable<Conversation>, orderBy: OrderingKey): OrderedList<Conversation> {
  const compare = createComparator(orderBy);
  const order = new OrderedList<Conversation>(compare);
  order.appendSorted([...conversations].sort(compare));
  return order;
}

/** The cursor that continues after `conversation`. */
export function toCursor(conversation: Conversation, orderBy: OrderingKey): string {
  const key: PageKey = [conversation.isPinned ? 1 : 0, orderTime(conversation, orderBy), conversation.id];
  return JSON.stringify(key);
}

/** Reads a cursor made by `toCursor`; `undefined` for anything else. */
export function parseCursor(cursor: string): PageKey | undefined {
  try {
    const key: unknown = JSON.parse(cursor);
    if (!Array.isArray(key) || key.length !== 3) return undefined;
    const [pinned, time, id] = key as unknown[];
    if ((pinned !== 0 && pinned !== 1) || typeof time !== 'number' || !Number.isFinite(time) || typeof id !== 'string') return undefined;
    return [pinned, time, id];
  } catch {
    return undefined;
  }
}

/** Whether `cursor` may be passed to `readPage`: absent (the first page) or a cursor `toCursor` made. */
export function isValidCursor(cursor: unknown): cursor is string | null | undefined {
  return cursor === undefined || cursor === null || (typeof cursor === 'string' && parseCursor(cursor) !== undefined);
}

/**
 * Up to `count` conversations of `order`, from right after the row `cursor` names (from the start without one).
 * The page's cursor is null once the list is finished.
 */
export function readPage(order: OrderedList<Conversation>, cursor: string | null | undefined, count: number, orderBy: OrderingKey): ConversationPage {
  const key = cursor ? parseCursor(cursor) : undefined;
  // A probe row standing where the cursor's row stood: same pinned flag, order time and id (no draft, so its order
  // time is its lastActivityAt under either ordering key).
  const probe = key && ({ id: key[2], isPinned: key[0] === 1, lastActivityAt: key[1] } as Conversation);
  const offset = probe ? order.countThrough(probe) : 0;
  const page = order.slice(offset, count);
  const isFinished = offset + page.length >= order.size;
  return { conversations: page, cursor: isFinished || page.length === 0 ? null : toCursor(page.at(-1)!, orderBy), isFinished };
}
