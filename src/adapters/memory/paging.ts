/**
 * The list order and paging with keyset cursors. The order is built with one sort when the backend builds its
 * tables (O(n log n), in steps; inserting 100,000 conversations one at a time cost more than sorting them) and then
 * kept up to date per change in core's chunked list, where a message moves one conversation in O(log n + chunk). A
 * page is a slice of that order, so a page costs only its own rows.
 *
 * Before the order is built, the first page is the `count` first rows of the checked seed, found in one pass
 * (`firstPage`): O(n log count), without copying or sorting the rest.
 *
 * A cursor is the order key (pinned, order time) and id of the last row delivered, not a position: the next page
 * starts right after where that row would stand now, so rows deleted, unpinned or moved meanwhile never make a
 * page skip rows.
 */
import type { ConversationPage, OrderingKey } from '../../core/adapter.js';
import { createComparator, OrderedList, orderTime } from '../../core/order.js';
import type { Conversation, ConversationId } from '../../core/types.js';
import type { CheckedConversation } from './normalize.js';
import { finish, type Steps } from './steps.js';

/** What a cursor holds: the order key and id of the last row of a page. */
type PageKey = [pinned: 0 | 1, time: number, id: ConversationId];

/** Items of sorting work between two yields of `sortInSteps`: a few milliseconds. */
const SORT_STEP = 4096;

/**
 * A stable sort in steps (`steps.ts`): runs of `step` items sorted by the engine, then merged bottom-up, yielding
 * after about `step` items of work each time. Returns a new sorted array.
 */
export function* sortInSteps<T>(items: readonly T[], compare: (a: T, b: T) => number, step = SORT_STEP): Steps<T[]> {
  let from = items.slice();
  const n = from.length;
  for (let start = 0; start < n; start += step) {
    const run = from.slice(start, start + step).sort(compare);
    for (let i = 0; i < run.length; i++) from[start + i] = run[i]!;
    yield;
  }
  let to = new Array<T>(n);
  for (let width = step; width < n; width *= 2) {
    let work = 0;
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(lo + width, n);
      const hi = Math.min(lo + 2 * width, n);
      let i = lo;
      let j = mid;
      for (let k = lo; k < hi; k++) {
        to[k] = j >= hi || (i < mid && compare(from[i]!, from[j]!) <= 0) ? from[i++]! : from[j++]!;
        if (++work === step) {
          work = 0;
          yield;
        }
      }
    }
    [from, to] = [to, from];
  }
  return from;
}

/** The conversations in list order (pinned first, then newest first under `orderBy`, then by id), in steps. */
export function* sortedOrderInSteps(conversations: Iterable<Conversation>, orderBy: OrderingKey): Steps<OrderedList<Conversation>> {
  const compare = createComparator(orderBy);
  const order = new OrderedList<Conversation>(compare);
  order.appendSorted(yield* sortInSteps([...conversations], compare));
  return order;
}

/** The conversations in list order, sorted at once. */
export function sortedOrder(conversations: Iterable<Conversation>, orderBy: OrderingKey): OrderedList<Conversation> {
  return finish(sortedOrderInSteps(conversations, orderBy));
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

/** Swaps `heap[i]` down while a child comes later in the order: the root stays the latest of the heap. */
function siftDown<T>(heap: T[], i: number, later: (a: T, b: T) => boolean): void {
  for (;;) {
    const left = 2 * i + 1;
    if (left >= heap.length) return;
    const right = left + 1;
    const child = right < heap.length && later(heap[right]!, heap[left]!) ? right : left;
    if (!later(heap[child]!, heap[i]!)) return;
    [heap[i], heap[child]] = [heap[child]!, heap[i]!];
    i = child;
  }
}

function siftUp<T>(heap: T[], i: number, later: (a: T, b: T) => boolean): void {
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (!later(heap[i]!, heap[parent]!)) return;
    [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
    i = parent;
  }
}

/**
 * The first `count` conversations of the list order, read from checked, uncopied conversations in one pass: a heap
 * of the `count` earliest so far, whose root (the latest of them) each later conversation is compared with once.
 * `copy` makes each delivered row. The same page `readPage` gives once the order is built.
 */
export function firstPage(
  conversations: readonly CheckedConversation[],
  count: number,
  orderBy: OrderingKey,
  copy: (conversation: CheckedConversation) => Conversation,
): ConversationPage {
  // The comparator reads isPinned, the order time and the id, which a checked conversation has as a copy would.
  const compare = createComparator(orderBy) as unknown as (a: CheckedConversation, b: CheckedConversation) => number;
  const later = (a: CheckedConversation, b: CheckedConversation) => compare(a, b) > 0;
  const heap: CheckedConversation[] = [];
  for (const conversation of conversations) {
    if (heap.length < count) {
      heap.push(conversation);
      siftUp(heap, heap.length - 1, later);
      continue;
    }
    const latest = heap[0];
    if (latest === undefined) continue;
    // Most conversations come after the latest of the page, as the pinned flag or the time tells before the comparator.
    if (latest.isPinned !== conversation.isPinned ? latest.isPinned : orderTime(conversation, orderBy) < orderTime(latest, orderBy)) continue;
    if (compare(conversation, latest) < 0) {
      heap[0] = conversation;
      siftDown(heap, 0, later);
    }
  }
  const page = heap.sort(compare).map(copy);
  const isFinished = page.length >= conversations.length;
  return { conversations: page, cursor: isFinished || page.length === 0 ? null : toCursor(page.at(-1)!, orderBy), isFinished };
}
