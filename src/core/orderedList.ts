import { ChunkSizes } from './chunkSizes.js';
import { ListSnapshot, type OrderReaders } from './listSnapshot.js';
import type { ListView } from './order.js';
import { lowerBound, SortedChunks, type Chunk, type Compare } from './sortedChunks.js';

export type { Chunk } from './sortedChunks.js';

/**
 * Largest chunk. Small, because published orders are immutable: a change copies the chunks it touches, and a chunk
 * copied for a conversation far down the list lives on in the state, so its size is what each message leaves behind
 * for the collector (512 cost about twice the CPU per message at 100,000 conversations; the longer chunk array
 * copied per change is short-lived and cheap).
 */
const DEFAULT_CHUNK = 128;

/**
 * A sorted sequence of items kept in chunks of at most `chunkSize`, so that moving one item costs
 * O(log n + chunk) instead of copying or re-sorting the whole list:
 * - a binary search over the chunks' last items finds an item's chunk, another its place inside it (no table
 *   keyed by id: building one cost a Map entry per item, more than the search it saves);
 * - chunk sizes live in a Fenwick tree, so a global position (`indexOf`, `at(i)`) costs O(log chunks);
 * - a chunk that grows past `chunkSize` splits in two, and one that shrinks below a quarter merges with a
 *   neighbour, so churn never leaves a trail of tiny chunks.
 *
 * `freeze()` publishes the order as an immutable `ListSnapshot`. After that, the list copies on write: the first
 * change copies the chunk array (O(chunks) pointers) and each chunk it touches (O(chunk)); the chunks it does not
 * touch stay shared with the snapshot.
 */
export class OrderedList<T extends { id: string }> extends SortedChunks<T> {
  /** Chunks made or copied since the last freeze: only these may be written in place. */
  private readonly owned = new Set<Chunk<T>>();
  /** Whether the chunk array was made or copied since the last freeze. */
  private ownsIndex = true;
  private orderVersion = 0;
  /** The snapshot of the order as it is now; null once the list changed after it. */
  private snapshot: ListSnapshot<T> | null = null;
  /** The last snapshot made, to hand its readers on while the order of ids stays the same. */
  private frozenBefore: ListSnapshot<T> | null = null;
  private cachedIds: readonly string[] | null = null;
  private cachedView: ListView | null = null;

  /** @param chunkSize largest chunk before it splits in two; small values are for tests. */
  constructor(
    compare: Compare<T>,
    private readonly chunkSize = DEFAULT_CHUNK,
  ) {
    super([], 0, compare);
  }

  /**
   * Chunk sizes with their prefix sums (the list's own: snapshots compute their starts when read), or null after
   * chunks were added, split, merged or removed: rebuilt when a position is next read, so that a batch that empties
   * or merges many chunks in one commit rebuilds them once, not once per chunk.
   */
  private sizes: ChunkSizes | null = null;

  private chunkSizes(): ChunkSizes {
    return (this.sizes ??= ChunkSizes.of(this.chunks.map((chunk) => chunk.items.length)));
  }

  protected chunkStart(chunk: number): number {
    return this.chunkSizes().before(chunk);
  }

  protected chunkAt(index: number): [chunk: number, offset: number] | undefined {
    return this.chunkSizes().find(index);
  }

  /** How many chunks hold the items (for tests of the merge rule). */
  get chunkCount(): number {
    return this.chunks.length;
  }

  /**
   * The order as it is now, never to change: the same snapshot until the list changes. Snapshots with the same
   * order of ids share their view and id array.
   */
  freeze(): ListSnapshot<T> {
    if (this.snapshot) return this.snapshot;
    const previous = this.frozenBefore;
    const readers: OrderReaders = previous && previous.orderVersion === this.orderVersion ? previous.sharedReaders : {};
    this.snapshot = new ListSnapshot(this.chunks, this.count, this.compare, this.orderVersion, readers);
    this.frozenBefore = this.snapshot;
    this.owned.clear();
    this.ownsIndex = false;
    return this.snapshot;
  }

  /** The ids in order, as a plain array built when asked for. The same array while the order is unchanged. */
  ids(): readonly string[] {
    return (this.cachedIds ??= this.toArray().map((item) => item.id));
  }

  /**
   * The order read in place (see `ListView`), live: it reads the list as it is now. The same object until the
   * order changes. Published states use `freeze().view(…)` instead, which never changes.
   */
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

  /** Fills an empty list with items already in order, in O(n): how a list is built from another one. */
  appendSorted(items: readonly T[]): void {
    if (this.count > 0) {
      for (const item of items) this.insert(item);
      return;
    }
    this.writeIndex();
    const half = Math.max(1, this.chunkSize >> 1);
    for (let i = 0; i < items.length; i += half) this.addChunk(this.chunks.length, items.slice(i, i + half));
    this.count = items.length;
    this.reindex();
    this.orderChanged();
  }

  insert(item: T): void {
    this.put(item);
    this.orderChanged();
  }

  remove(item: T): void {
    if (this.take(item)) this.orderChanged();
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
    const items = this.chunks[index]!.items;
    // Still between its neighbours: replaced in place, the order of ids is unchanged.
    const fitsBefore = pos === 0 || this.compare(items[pos - 1]!, next) < 0;
    const fitsAfter = pos === items.length - 1 || this.compare(next, items[pos + 1]!) < 0;
    if (fitsBefore && fitsAfter && this.staysInChunk(index, pos, next)) {
      this.writeIndex();
      this.writeChunk(index).items[pos] = next;
      this.snapshot = null;
      return false;
    }
    const before = this.indexOf(prev);
    this.take(prev);
    this.put(next);
    const moved = before !== this.indexOf(next);
    if (moved) this.orderChanged();
    else this.snapshot = null;
    return moved;
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

  private orderChanged(): void {
    this.orderVersion++;
    this.snapshot = null;
    this.cachedIds = this.cachedView = null;
  }

  /** Copies the chunk array once after a freeze, so that the snapshot keeps its own. */
  private writeIndex(): void {
    if (this.ownsIndex) return;
    this.chunks = this.chunks.slice();
    this.ownsIndex = true;
  }

  /** The chunk at `index`, copied first when a snapshot still shares it. Call `writeIndex` before. */
  private writeChunk(index: number): Chunk<T> {
    const chunk = this.chunks[index]!;
    if (this.owned.has(chunk)) return chunk;
    return this.addChunk(index, chunk.items.slice(), true);
  }

  /** Puts a chunk the list owns at `index` (replacing the one there when `replace`). */
  private addChunk(index: number, items: T[], replace = false): Chunk<T> {
    const chunk: Chunk<T> = { items };
    this.chunks.splice(index, replace ? 1 : 0, chunk);
    this.owned.add(chunk);
    return chunk;
  }

  private put(item: T): void {
    this.writeIndex();
    this.count++;
    if (this.chunks.length === 0) {
      this.addChunk(0, [item]);
      this.reindex();
      return;
    }
    const index = this.chunkFor(item);
    const { items } = this.writeChunk(index);
    items.splice(lowerBound(items, item, this.compare), 0, item);
    if (items.length > this.chunkSize) this.split(index);
    else this.sizes?.add(index, 1);
  }

  private take(item: T): boolean {
    const [index, pos] = this.locate(item);
    if (index < 0) return false;
    this.writeIndex();
    const { items } = this.writeChunk(index);
    items.splice(pos, 1);
    this.count--;
    if (items.length === 0) {
      this.chunks.splice(index, 1);
      this.reindex();
    } else if (items.length < this.chunkSize >> 2 && this.chunks.length > 1) {
      this.mergeAround(index);
    } else {
      this.sizes?.add(index, -1);
    }
    return true;
  }

  private split(index: number): void {
    const { items } = this.chunks[index]!;
    this.addChunk(index + 1, items.splice(Math.max(1, this.chunkSize >> 1)));
    this.reindex();
  }

  /** Merges a small chunk into its smaller neighbour when they fit in one chunk together. */
  private mergeAround(index: number): void {
    const { chunks } = this;
    const left = index > 0 ? chunks[index - 1]! : undefined;
    const right = index < chunks.length - 1 ? chunks[index + 1]! : undefined;
    const neighbour = !right || (left && left.items.length <= right.items.length) ? index - 1 : index + 1;
    const [first, second] = neighbour < index ? [neighbour, index] : [index, neighbour];
    if (chunks[first]!.items.length + chunks[second]!.items.length > this.chunkSize) {
      this.sizes?.add(index, -1);
      return;
    }
    const into = this.writeChunk(first);
    for (const item of chunks[second]!.items) into.items.push(item);
    chunks.splice(second, 1);
    this.reindex();
  }

  /** After chunks were added, split, merged or removed: their sizes are rebuilt when next read. */
  private reindex(): void {
    this.sizes = null;
  }
}
