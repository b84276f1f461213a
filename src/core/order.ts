import type { OrderingKey, UnreadRule } from './adapter.js';
import type { Conversation } from './types.js';

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

interface Chunk<T> {
  items: T[];
  /** The chunk's ids, cached until the chunk changes. */
  ids: string[] | null;
}

/**
 * A sorted sequence of items kept in fixed-size chunks, so that moving one item costs O(log n + chunk)
 * instead of copying or re-sorting the whole list. The plain id array is built lazily, at most once per change,
 * by concatenating per-chunk id arrays of which only the changed chunks are rebuilt.
 */
export class OrderedList<T extends { id: string }> {
  private chunks: Chunk<T>[] = [];
  private count = 0;
  private cached: readonly string[] | null = null;
  /** Bumps whenever the order of ids changes. */
  version = 0;

  /** @param chunkSize largest chunk before it splits in two; small values are for tests. */
  constructor(
    private readonly compare: (a: T, b: T) => number,
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The ids in order. The same array while the order is unchanged. */
  ids(): readonly string[] {
    if (this.cached) return this.cached;
    const parts: string[][] = [];
    for (const chunk of this.chunks) parts.push((chunk.ids ??= chunk.items.map((item) => item.id)));
    const out = ([] as string[]).concat(...parts);
    this.cached = out;
    return out;
  }

  /** Replaces the content with `items`, sorting them. */
  reset(items: readonly T[]): void {
    const sorted = items.slice().sort(this.compare);
    this.chunks = [];
    const half = Math.max(1, this.chunkSize >> 1);
    for (let i = 0; i < sorted.length; i += half) this.chunks.push({ items: sorted.slice(i, i + half), ids: null });
    this.count = sorted.length;
    this.touch();
  }

  insert(item: T): void {
    this.insertQuiet(item);
    this.touch();
  }

  remove(item: T): void {
    if (this.removeQuiet(item)) this.touch();
  }

  /**
   * Replaces `prev` by `next` (same id). Returns whether the order of ids changed.
   * `prev` must be the very item stored, so that it can be found by the comparator.
   */
  update(prev: T, next: T): boolean {
    if (this.compare(prev, next) === 0) {
      const [ci, pos] = this.locate(prev);
      if (ci >= 0) {
        this.chunks[ci]!.items[pos] = next;
        return false;
      }
    }
    const before = this.indexOf(prev);
    this.removeQuiet(prev);
    this.insertQuiet(next);
    if (before >= 0 && before === this.indexOf(next)) return false;
    this.touch();
    return true;
  }

  /** Global position of an item, or -1. */
  indexOf(item: T): number {
    const [ci, pos] = this.locate(item);
    if (ci < 0) return -1;
    let offset = 0;
    for (let i = 0; i < ci; i++) offset += this.chunks[i]!.items.length;
    return offset + pos;
  }

  /** Items in order (for tests and rebuilds). */
  toArray(): T[] {
    return this.chunks.flatMap((chunk) => chunk.items);
  }

  private touch(): void {
    this.version++;
    this.cached = null;
  }

  private findChunk(item: T): number {
    let lo = 0;
    let hi = this.chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const items = this.chunks[mid]!.items;
      if (this.compare(items[items.length - 1]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private lowerBound(items: T[], item: T): number {
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.compare(items[mid]!, item) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private locate(item: T): [number, number] {
    if (this.count === 0) return [-1, -1];
    const ci = this.findChunk(item);
    const items = this.chunks[ci]!.items;
    const pos = this.lowerBound(items, item);
    if (pos < items.length && items[pos]!.id === item.id) return [ci, pos];
    return [-1, -1];
  }

  private insertQuiet(item: T): void {
    if (this.chunks.length === 0) {
      this.chunks.push({ items: [item], ids: null });
      this.count = 1;
      return;
    }
    const ci = this.findChunk(item);
    const chunk = this.chunks[ci]!;
    chunk.items.splice(this.lowerBound(chunk.items, item), 0, item);
    chunk.ids = null;
    this.count++;
    if (chunk.items.length > this.chunkSize) {
      this.chunks.splice(ci + 1, 0, { items: chunk.items.splice(Math.max(1, this.chunkSize >> 1)), ids: null });
    }
  }

  private removeQuiet(item: T): boolean {
    const [ci, pos] = this.locate(item);
    if (ci < 0) return false;
    const chunk = this.chunks[ci]!;
    chunk.items.splice(pos, 1);
    chunk.ids = null;
    if (chunk.items.length === 0) this.chunks.splice(ci, 1);
    this.count--;
    return true;
  }
}
