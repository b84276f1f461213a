/** A run of consecutive items of an order. Shared between published orders until one of them changes it. */
export interface Chunk<T> {
  readonly items: T[];
  /** The items' ids, built once when a published order is read as an array. */
  ids?: readonly string[];
}

export type Compare<T> = (a: T, b: T) => number;

/** The first position in `items` whose item is not before `item`. */
export function lowerBound<T>(items: readonly T[], item: T, compare: Compare<T>): number {
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
 * The reading half of a chunked order: items sorted by `compare`, in chunks. `OrderedList` (which changes) and
 * `ListSnapshot` (which never does) share these reads; each says where its chunks start in its own way.
 */
export abstract class SortedChunks<T extends { id: string }> {
  protected constructor(
    protected chunks: Chunk<T>[],
    protected count: number,
    protected readonly compare: Compare<T>,
  ) {}

  get size(): number {
    return this.count;
  }

  /** The global position of a chunk's first item. */
  protected abstract chunkStart(chunk: number): number;

  /** The chunk holding global position `index` (within the size), and the position within it. */
  protected abstract chunkAt(index: number): [chunk: number, offset: number] | undefined;

  /** The item at a global position, in O(log chunks). */
  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const found = this.chunkAt(Math.floor(index));
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

  /** Global position of an item (the very item stored, found through the comparator), or -1, in O(log n). */
  indexOf(item: T): number {
    const [index, pos] = this.locate(item);
    return index < 0 ? -1 : this.chunkStart(index) + pos;
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
    return this.chunkStart(lo) + a;
  }

  /** The first chunk whose last item is not before `item` (or the last chunk), by binary search. */
  protected chunkFor(item: T): number {
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
  protected locate(item: T): [chunk: number, position: number] {
    if (this.chunks.length === 0) return [-1, -1];
    const index = this.chunkFor(item);
    const items = this.chunks[index]!.items;
    const pos = lowerBound(items, item, this.compare);
    return items[pos]?.id === item.id ? [index, pos] : [-1, -1];
  }
}
