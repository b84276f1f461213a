import type { ListView } from './order.js';

/** A run of consecutive items of an order. Shared between published orders until one of them changes it. */
export interface Chunk<T> {
  readonly items: T[];
  /** The items' ids, built once when a published order is read as an array. */
  ids?: readonly string[];
}

/**
 * A run of consecutive chunks, with how many items they hold. The second level of an order: a change copies the
 * branch array and the one branch it touches, not an array of every chunk.
 */
export interface Branch<T> {
  readonly chunks: Chunk<T>[];
  size: number;
  /** Where each chunk starts within the branch: computed when first read, dropped when the branch is written. */
  starts: number[] | undefined;
}

/** A total order of items: negative, positive, or 0 only for the item with the same id. */
export type Compare<T> = (a: T, b: T) => number;

/** Where an item is: its branch, its chunk within the branch, its position within the chunk. */
export type Place = [branch: number, chunk: number, position: number];

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

/** The first of `count` runs whose last item comes after `probe` (or, with `orEqual`, is not before it); `count` when none. */
function firstRunEndingAfter<T>(count: number, lastOf: (run: number) => T, probe: T, compare: Compare<T>, orEqual: boolean): number {
  let lo = 0;
  let hi = count;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const order = compare(lastOf(mid), probe);
    if (order < 0 || (order === 0 && !orEqual)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The last of `starts` that is at or before `index` (starts are ascending and the first is 0). */
function lastStartAtOrBefore(starts: readonly number[], index: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if (starts[mid]! <= index) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Running totals of `sizes`: where each run starts. */
function startsOf(count: number, sizeOf: (run: number) => number): number[] {
  const starts = new Array<number>(count);
  let start = 0;
  for (let i = 0; i < count; i++) {
    starts[i] = start;
    start += sizeOf(i);
  }
  return starts;
}

const lastItem = <T>(chunk: Chunk<T>): T => chunk.items[chunk.items.length - 1]!;
const lastChunk = <T>(branch: Branch<T>): Chunk<T> => branch.chunks[branch.chunks.length - 1]!;

/** Where each chunk of a branch starts within it, computed once per branch (a branch being written drops it). */
const chunkStarts = <T>(branch: Branch<T>): number[] =>
  (branch.starts ??= startsOf(branch.chunks.length, (chunk) => branch.chunks[chunk]!.items.length));

/**
 * The reading half of a chunked order: items sorted by `compare`, in chunks of at most a few hundred, grouped in
 * branches of at most a few dozen chunks. No chunk and no branch is empty. `OrderedList` (which changes) and
 * `ListSnapshot` (which never does) share these reads.
 *
 * Positions: where each branch starts is worked out when a position is first read after a change (a pass over the
 * branches, a few dozen at 100,000 items), where each chunk starts within its branch once per branch; then `at(i)`
 * and `indexOf` are two binary searches.
 */
export abstract class SortedChunks<T extends { id: string }> {
  /** Where each branch starts; undefined until read, and again after the sizes change. */
  protected branchStarts: number[] | undefined;

  protected constructor(
    protected branches: Branch<T>[],
    protected count: number,
    protected readonly compare: Compare<T>,
  ) {}

  get size(): number {
    return this.count;
  }

  private startsOfBranches(): number[] {
    return (this.branchStarts ??= startsOf(this.branches.length, (branch) => this.branches[branch]!.size));
  }

  /** The item at a global position, in O(log n) once the branches' starts are known. */
  at(index: number): T | undefined {
    if (!(index >= 0 && index < this.count)) return undefined;
    const whole = Math.floor(index);
    const starts = this.startsOfBranches();
    const b = lastStartAtOrBefore(starts, whole);
    const branch = this.branches[b]!;
    const inBranch = whole - starts[b]!;
    const withinBranch = chunkStarts(branch);
    const c = lastStartAtOrBefore(withinBranch, inBranch);
    return branch.chunks[c]!.items[inBranch - withinBranch[c]!];
  }

  /** The order read in place by id (see `ListView`); `lookup` finds the item stored for an id. */
  protected readInPlace(lookup: (id: string) => T | undefined): ListView {
    return {
      size: this.count,
      at: (index) => this.at(index)?.id,
      indexOf: (id) => {
        const item = lookup(id);
        return item ? this.indexOf(item) : -1;
      },
    };
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
    this.forEachChunk(({ items }) => {
      for (const item of items) all.push(item);
    });
    return all;
  }

  /** Calls `visit` with each chunk in order. */
  forEachChunk(visit: (chunk: Chunk<T>) => void): void {
    for (const branch of this.branches) branch.chunks.forEach(visit);
  }

  /** The global position of the item at `place`. */
  protected positionOf([b, c, pos]: Place): number {
    return this.startsOfBranches()[b]! + chunkStarts(this.branches[b]!)[c]! + pos;
  }

  /** Global position of an item (the very item stored, found through the comparator), or -1, in O(log n). */
  indexOf(item: T): number {
    const place = this.locate(item);
    return place ? this.positionOf(place) : -1;
  }

  /** How many items come at or before `probe` in the order (the position right after it), in O(log n). */
  countThrough(probe: T): number {
    const found = this.firstChunkEndingAfter(probe, false);
    if (!found) return this.count;
    const [b, c] = found;
    const { items } = this.branches[b]!.chunks[c]!;
    const pos = firstRunEndingAfter(items.length, (i) => items[i]!, probe, this.compare, false);
    return this.positionOf([b, c, pos]);
  }

  /** The chunk `item` belongs in: the first whose last item is not before it, or the very last one. */
  protected chunkFor(item: T): [branch: number, chunk: number] {
    const b = this.branches.length - 1;
    return this.firstChunkEndingAfter(item, true) ?? [b, this.branches[b]!.chunks.length - 1];
  }

  /**
   * The first chunk whose last item comes after `probe` (with `orEqual`, is not before it), found among the branches'
   * last items and then the chunks' of its branch; undefined when every item comes before.
   */
  private firstChunkEndingAfter(probe: T, orEqual: boolean): [branch: number, chunk: number] | undefined {
    const { branches, compare } = this;
    const b = firstRunEndingAfter(branches.length, (i) => lastItem(lastChunk(branches[i]!)), probe, compare, orEqual);
    if (b === branches.length) return undefined;
    const { chunks } = branches[b]!;
    return [b, firstRunEndingAfter(chunks.length, (i) => lastItem(chunks[i]!), probe, compare, orEqual)];
  }

  /** Where `item` is (the very item stored, found through the comparator), or undefined. */
  protected locate(item: T): Place | undefined {
    if (this.branches.length === 0) return undefined;
    const [b, c] = this.chunkFor(item);
    const items = this.branches[b]!.chunks[c]!.items;
    const pos = lowerBound(items, item, this.compare);
    return items[pos]?.id === item.id ? [b, c, pos] : undefined;
  }
}
