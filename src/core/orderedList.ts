import type { ListView } from './order.js';

const DEFAULT_CHUNK = 512;

export interface Chunk<T> {
  items: T[];
}

type Compare<T> = (a: T, b: T) => number;

/** The first position in `items` whose item is not before `item`. */
function lowerBound<T>(items: readonly T[], item: T, compare: Compare<T>): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(items[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Chunk sizes with their prefix sums in a Fenwick tree: the global position of a chunk's first item, and the chunk
 * holding position `i`, in O(log chunks); a size change in O(log chunks). Rebuilt (O(chunks)) only when chunks are
 * split or merged.
 */
class ChunkSizes {
  private tree: number[] = [0];

  rebuild(sizes: readonly number[]): void {
    const tree = [0, ...sizes];
    for (let i = 1; i < tree.length; i++) {
      const parent = i + (i & -i);
      if (parent < tree.length) tree[parent]! += tree[i]!;
    }
    this.tree = tree;
  }

  add(chunk: number, delta: number): void {
    for (let i = chunk + 1; i < this.tree.length; i += i & -i) this.tree[i]! += delta;
  }

  /** Items in the chunks before `chunk`. */
  before(chunk: number): number {
    let sum = 0;
    for (let i = chunk; i > 0; i -= i & -i) sum += this.tree[i]!;
    return sum;
  }

  /** The chunk holding global position `index`, and the position within it; undefined past the end. */
  find(index: number): [chunk: number, offset: number] | undefined {
    let chunk = 0;
    let rest = index;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = chunk + step;
      if (next < this.tree.length && this.tree[next]! <= rest) {
        chunk = next;
        rest -= this.tree[next]!;
      }
    }
    return chunk < this.tree.length - 1 ? [chunk, rest] : undefined;
  }
}

/**
 * A sorted sequence of items kept in chunks of at most `chunkSize`, so that moving one item costs
 * O(log n + chunk) instead of copying or re-sorting the whole list:
 * - a binary search over the chunks' last items finds an item's chunk, another its place inside it (no table
 *   keyed by id: building one cost a Map entry per item, more than the search it saves);
 * - chunk sizes live in a Fenwick tree, so a global position (`indexOf`, `view().at(i)`) costs O(log chunks);
 * - a chunk that grows past `chunkSize` splits in two, and one that shrinks below a quarter merges with a
 *   neighbour, so churn never leaves a trail of tiny chunks.
 * The plain id array is built lazily, at most once per change and only when asked for.
 */
export class OrderedList<T extends { id: string }> {
  /** The items in order, chunk by chunk. */
  private readonly chunks: Chunk<T>[] = [];
  private readonly sizes = new ChunkSizes();
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

  /** How many chunks hold the items (for tests of the merge rule). */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /** The ids in order. The same array while the order is unchanged. */
  ids(): readonly string[] {
    if (!this.cached) {
      const ids: string[] = new Array<string>(this.count);
      let i = 0;
      for (const { items } of this.chunks) for (const item of items) ids[i++] = item.id;
      this.cached = ids;
    }
    return this.cached;
  }

  /** Fills an empty list with items already in order, in O(n): how a list is built from another one. */
  appendSorted(items: readonly T[]): void {
    if (this.count > 0) {
      for (const item of items) this.insert(item);
      return;
    }
    const half = Math.max(1, this.chunkSize >> 1);
    for (let i = 0; i < items.length; i += half) this.chunks.push({ items: items.slice(i, i + half) });
    this.count = items.length;
    this.reindex();
    this.changed();
  }

  insert(item: T): void {
    this.put(item);
    this.changed();
  }

  remove(item: T): void {
    if (this.take(item)) this.changed();
  }

  /**
   * Replaces `prev` by `next` (same id). Returns whether the order of ids changed.
   * `prev` must be the very item stored, so that it can be found by the comparator.
   */
  update(prev: T, next: T): boolean {
    const [index, pos] = this.locate(prev);
    if (index < 0) {
      this.insert(next);
      return true;
    }
    const chunk = this.chunks[index]!;
    const items = chunk.items;
    // Still between its neighbours: replaced in place, the order of ids is unchanged.
    const fitsBefore = pos === 0 || this.compare(items[pos - 1]!, next) < 0;
    const fitsAfter = pos === items.length - 1 || this.compare(next, items[pos + 1]!) < 0;
    if (fitsBefore && fitsAfter && this.staysInChunk(index, pos, next)) {
      items[pos] = next;
      return false;
    }
    const before = this.indexOf(prev);
    this.take(prev);
    this.put(next);
    const moved = before !== this.indexOf(next);
    if (moved) this.changed();
    return moved;
  }

  /** The order read in place (see `ListView`): the same object until the order changes. `lookup` finds the item stored for an id. */
  view(lookup: (id: string) => T | undefined): ListView {
    return (this.cachedView ??= {
      size: this.count,
      at: (index) => this.at(index)?.id,
      indexOf: (id) => {
        const item = lookup(id);
        return item ? this.indexOf(item) : -1;
      },
    });
  }

  /** The item at a global position, in O(log chunks). */
  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const found = this.sizes.find(Math.floor(index));
    return found ? this.chunks[found[0]]!.items[found[1]] : undefined;
  }

  /** `count` items from position `offset`, in order. */
  slice(offset: number, count: number): T[] {
    const page: T[] = [];
    const end = Math.min(this.count, offset + count);
    for (let i = Math.max(0, offset); i < end; i++) page.push(this.at(i)!);
    return page;
  }

  /** Every item, in order. */
  toArray(): T[] {
    const all: T[] = [];
    for (const { items } of this.chunks) for (const item of items) all.push(item);
    return all;
  }

  /** Global position of an item, or -1, in O(log n). */
  indexOf(item: T): number {
    const [index, pos] = this.locate(item);
    return index < 0 ? -1 : this.sizes.before(index) + pos;
  }

  /** How many items come at or before `probe` in the order (the position right after it), in O(log n). */
  countThrough(probe: T): number {
    const { chunks, compare } = this;
    let lo = 0;
    let hi = chunks.length;
    // The first chunk whose last item comes after the probe.
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const items = chunks[mid]!.items;
      if (compare(items[items.length - 1]!, probe) <= 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo === chunks.length) return this.count;
    const items = chunks[lo]!.items;
    let a = 0;
    let b = items.length;
    while (a < b) {
      const mid = (a + b) >>> 1;
      if (compare(items[mid]!, probe) <= 0) a = mid + 1;
      else b = mid;
    }
    return this.sizes.before(lo) + a;
  }

  /** The first chunk whose last item is not before `item` (or the last chunk), by binary search. */
  private chunkFor(item: T): number {
    const { chunks, compare } = this;
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

  /** Chunk index and position of `item` (the very item stored, found through the comparator), or [-1, -1]. */
  private locate(item: T): [chunk: number, position: number] {
    if (this.chunks.length === 0) return [-1, -1];
    const index = this.chunkFor(item);
    const items = this.chunks[index]!.items;
    const pos = lowerBound(items, item, this.compare);
    return items[pos]?.id === item.id ? [index, pos] : [-1, -1];
  }

  /** Whether `next` at `pos` keeps the chunk boundaries sorted (it may not jump into a neighbouring chunk's range). */
  private staysInChunk(index: number, pos: number, next: T): boolean {
    const chunk = this.chunks[index]!;
    if (pos === 0 && index > 0) {
      const previous = this.chunks[index - 1]!.items;
      if (this.compare(previous[previous.length - 1]!, next) >= 0) return false;
    }
    if (pos === chunk.items.length - 1 && index < this.chunks.length - 1) {
      if (this.compare(next, this.chunks[index + 1]!.items[0]!) >= 0) return false;
    }
    return true;
  }

  private changed(): void {
    this.cached = this.cachedView = null;
  }

  private put(item: T): void {
    const { chunks, compare } = this;
    this.count++;
    if (chunks.length === 0) {
      chunks.push({ items: [item] });
      this.reindex();
      return;
    }
    const lo = this.chunkFor(item);
    const chunk = chunks[lo]!;
    chunk.items.splice(lowerBound(chunk.items, item, compare), 0, item);
    if (chunk.items.length > this.chunkSize) this.split(lo);
    else this.sizes.add(lo, 1);
  }

  private take(item: T): boolean {
    const [index, pos] = this.locate(item);
    if (index < 0) return false;
    const chunk = this.chunks[index]!;
    chunk.items.splice(pos, 1);
    this.count--;
    if (chunk.items.length === 0) {
      this.chunks.splice(index, 1);
      this.reindex();
    } else if (chunk.items.length < this.chunkSize >> 2 && this.chunks.length > 1) {
      this.mergeAround(index);
    } else {
      this.sizes.add(index, -1);
    }
    return true;
  }

  private split(index: number): void {
    const chunk = this.chunks[index]!;
    this.chunks.splice(index + 1, 0, { items: chunk.items.splice(Math.max(1, this.chunkSize >> 1)) });
    this.reindex();
  }

  /** Merges a small chunk into its smaller neighbour when they fit in one chunk together. */
  private mergeAround(index: number): void {
    const { chunks } = this;
    const left = index > 0 ? chunks[index - 1]! : undefined;
    const right = index < chunks.length - 1 ? chunks[index + 1]! : undefined;
    const neighbour = !right || (left && left.items.length <= right.items.length) ? index - 1 : index + 1;
    const [first, second] = neighbour < index ? [neighbour, index] : [index, neighbour];
    const a = chunks[first]!;
    const b = chunks[second]!;
    if (a.items.length + b.items.length > this.chunkSize) {
      this.sizes.add(index, -1);
      return;
    }
    for (const item of b.items) a.items.push(item);
    chunks.splice(second, 1);
    this.reindex();
  }

  /** Rebuilds the chunk sizes after chunks were added, split, merged or removed. */
  private reindex(): void {
    this.sizes.rebuild(this.chunks.map((chunk) => chunk.items.length));
  }
}
