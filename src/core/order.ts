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
export function orderTime(conversation: Conversation, orderBy: OrderingKey): number {
  if (orderBy === 'lastActivityOrDraft' && conversation.draft) {
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

const DEFAULT_CHUNK = 512;

export interface Chunk<T> {
  items: T[];
}

type Compare<T> = (a: T, b: T) => number;

function lowerBound<T>(items: T[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The first chunk whose last item is not before `item` (or the last chunk). */
function findChunk<T>(chunks: Chunk<T>[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const items = chunks[mid]!.items;
    if (compare(items[items.length - 1]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Chunk index and position of `item` (found through the comparator), or [-1, -1]. */
function locate<T extends { id: string }>(chunks: Chunk<T>[], item: T, compare: Compare<T>): [number, number] {
  if (chunks.length === 0) return [-1, -1];
  const ci = findChunk(chunks, item, compare);
  const items = chunks[ci]!.items;
  const pos = lowerBound(items, item, compare);
  return pos < items.length && items[pos]!.id === item.id ? [ci, pos] : [-1, -1];
}

/**
 * A sorted sequence of items kept in fixed-size chunks, so that moving one item costs O(log n + chunk)
 * instead of copying or re-sorting the whole list. The plain id array is built lazily, at most once per change and
 * only when asked for; `view` reads positions in place without it.
 */
export class OrderedList<T extends { id: string }> {
  /** The items in order, in chunks of at most `chunkSize` (readable by subclasses that page through them). */
  protected chunks: Chunk<T>[] = [];
  private count = 0;
  private cached: readonly string[] | null = null;
  private cachedView: ListView | null = null;

  /** @param chunkSize largest chunk before it splits in two; small values are for tests. */
  constructor(
    private readonly compare: Compare<T>,
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The ids in order. The same array while the order is unchanged. */
  ids(): readonly string[] {
    return (this.cached ??= ([] as string[]).concat(...this.chunks.map((chunk) => chunk.items.map((item) => item.id))));
  }

  insert(item: T): void {
    this.changed(this.put(item));
  }

  remove(item: T): void {
    this.changed(this.take(item));
  }

  /**
   * Replaces `prev` by `next` (same id). Returns whether the order of ids changed.
   * `prev` must be the very item stored, so that it can be found by the comparator.
   */
  update(prev: T, next: T): boolean {
    if (this.compare(prev, next) === 0) {
      const [ci, pos] = locate(this.chunks, prev, this.compare);
      if (ci >= 0) {
        this.chunks[ci]!.items[pos] = next;
        return false;
      }
    }
    const before = this.indexOf(prev);
    this.take(prev);
    this.put(next);
    return this.changed(before < 0 || before !== this.indexOf(next));
  }

  /**
   * The order read in place (see `ListView`): the same object until the order changes. `lookup` finds the item stored
   * for an id.
   */
  view(lookup: (id: string) => T | undefined): ListView {
    return (this.cachedView ??= {
      size: this.count,
      at: (index) => {
        for (const { items } of this.chunks) {
          if (index < items.length) return items[index]?.id;
          index -= items.length;
        }
        return undefined;
      },
      indexOf: (id) => {
        const item = lookup(id);
        return item ? this.indexOf(item) : -1;
      },
    });
  }

  /** Global position of an item, or -1. */
  indexOf(item: T): number {
    const [ci, pos] = locate(this.chunks, item, this.compare);
    if (ci < 0) return -1;
    let offset = pos;
    for (let i = 0; i < ci; i++) offset += this.chunks[i]!.items.length;
    return offset;
  }

  private changed(isChanged: boolean): boolean {
    if (isChanged) {
      this.cached = this.cachedView = null;
    }
    return isChanged;
  }

  private put(item: T): true {
    const { chunks, compare } = this;
    this.count++;
    if (chunks.length === 0) {
      chunks.push({ items: [item] });
      return true;
    }
    const ci = findChunk(chunks, item, compare);
    const chunk = chunks[ci]!;
    chunk.items.splice(lowerBound(chunk.items, item, compare), 0, item);
    if (chunk.items.length > this.chunkSize) chunks.splice(ci + 1, 0, { items: chunk.items.splice(Math.max(1, this.chunkSize >> 1)) });
    return true;
  }

  private take(item: T): boolean {
    const [ci, pos] = locate(this.chunks, item, this.compare);
    if (ci < 0) return false;
    const chunk = this.chunks[ci]!;
    chunk.items.splice(pos, 1);
    if (chunk.items.length === 0) this.chunks.splice(ci, 1);
    this.count--;
    return true;
  }
}
