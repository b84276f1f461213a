import { ListSnapshot, type OrderReaders } from './listSnapshot.js';
import type { ListView } from './order.js';
import { lowerBound, SortedChunks, type Branch, type Chunk, type Compare, type Place } from './sortedChunks.js';

export type { Chunk } from './sortedChunks.js';

/**
 * Largest chunk. Small, because published orders are immutable: a change copies the chunks it touches, and a chunk
 * copied for a conversation far down the list lives on in the state, so its size is what each message leaves behind
 * for the collector (512 cost about twice the CPU per message at 100,000 conversations).
 */
const DEFAULT_CHUNK = 128;

/**
 * Most chunks in a branch. A change copies the branch array (about 50 pointers at 100,000 items, chunks and
 * branches built half full) and the branch it touches (at most this many), instead of an array of every chunk
 * (1,600 at 100,000), which the store copied for each of its lists after every publish: at 100,000 conversations
 * with three filtered lists, that copy was about a third of what a message cost.
 */
const DEFAULT_BRANCH = 64;

/**
 * A sorted sequence of items kept in chunks of at most `chunkSize`, grouped in branches of at most `branchSize`
 * chunks, so that moving one item costs O(log n + chunk + branch) instead of copying or re-sorting the whole list:
 * - binary searches over the branches' and then the chunks' last items find an item's chunk, another its place
 *   inside it (no table keyed by id: building one cost a Map entry per item, more than the search it saves);
 * - each branch knows how many items it holds, so a global position (`indexOf`, `at(i)`) is found from the
 *   branches' starts (worked out again after a change, when first read) and the chunks' starts within a branch;
 * - a chunk that grows past `chunkSize` splits in two, and one that shrinks below a quarter merges with a
 *   neighbour; branches split and merge the same way by their number of chunks, so churn never leaves a trail of
 *   tiny chunks or branches.
 *
 * `freeze()` publishes the order as an immutable `ListSnapshot`. After that, the list copies on write: the first
 * change copies the branch array, and each branch and chunk it touches; the rest stay shared with the snapshot.
 */
export class OrderedList<T extends { id: string }> extends SortedChunks<T> {
  /** Chunks and branches made or copied since the last freeze: only these may be written in place. */
  private readonly ownedChunks = new Set<Chunk<T>>();
  private readonly ownedBranches = new Set<Branch<T>>();
  /** Whether the branch array was made or copied since the last freeze. */
  private ownsBranchArray = true;
  private orderVersion = 0;
  /** The snapshot of the order as it is now; null once the list changed after it. */
  private snapshot: ListSnapshot<T> | null = null;
  /** The last snapshot made, to hand its readers on while the order of ids stays the same. */
  private frozenBefore: ListSnapshot<T> | null = null;
  private cachedIds: readonly string[] | null = null;
  private cachedView: ListView | null = null;

  /**
   * @param compare a total order: 0 only for the same id (`createComparator`, or `withIdTieBreak` around your own), so
   *   that an item is found again by comparing, and an item out of place beside a neighbour has moved past it.
   * @param chunkSize largest chunk before it splits in two; @param branchSize most chunks in a branch. Small values are for tests.
   */
  constructor(
    compare: Compare<T>,
    private readonly chunkSize = DEFAULT_CHUNK,
    private readonly branchSize = DEFAULT_BRANCH,
  ) {
    super([], 0, compare);
  }

  /** How many chunks hold the items (for tests of the merge rule). */
  get chunkCount(): number {
    return this.branches.reduce((sum, branch) => sum + branch.chunks.length, 0);
  }

  /** How many branches hold the chunks (for tests of the merge rule). */
  get branchCount(): number {
    return this.branches.length;
  }

  /**
   * The order as it is now, never to change: the same snapshot until the list changes. Snapshots with the same
   * order of ids share their view and id array.
   */
  freeze(): ListSnapshot<T> {
    if (this.snapshot) return this.snapshot;
    const previous = this.frozenBefore;
    const readers: OrderReaders = previous && previous.orderVersion === this.orderVersion ? previous.sharedReaders : {};
    this.snapshot = new ListSnapshot(this.branches, this.count, this.compare, this.orderVersion, readers);
    this.frozenBefore = this.snapshot;
    this.ownedChunks.clear();
    this.ownedBranches.clear();
    this.ownsBranchArray = false;
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
    return (this.cachedView ??= this.readInPlace(lookup));
  }

  /** Fills an empty list with items already in order, in O(n): how a list is built from another one. */
  appendSorted(items: readonly T[]): void {
    if (this.count > 0) {
      for (const item of items) this.insert(item);
      return;
    }
    // Half full, so that the first changes neither split nor merge.
    const perChunk = Math.max(1, this.chunkSize >> 1);
    const perBranch = Math.max(1, this.branchSize >> 1);
    const chunks: Chunk<T>[] = [];
    for (let i = 0; i < items.length; i += perChunk) chunks.push(this.ownChunk(items.slice(i, i + perChunk)));
    this.writeBranchArray();
    for (let i = 0; i < chunks.length; i += perBranch) this.branches.push(this.ownBranch(chunks.slice(i, i + perBranch)));
    this.count = items.length;
    this.sizesChanged();
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
    const place = this.locate(prev);
    if (!place) {
      this.insert(next);
      return true;
    }
    const [b, c, pos] = place;
    const { items } = this.branches[b]!.chunks[c]!;
    // Still between its neighbours: replaced in place, the order of ids is unchanged.
    const fitsBefore = pos > 0 ? this.compare(items[pos - 1]!, next) < 0 : this.fitsBeside(b, c, -1, next);
    const fitsAfter = pos < items.length - 1 ? this.compare(next, items[pos + 1]!) < 0 : this.fitsBeside(b, c, 1, next);
    if (fitsBefore && fitsAfter) {
      this.writeChunk(b, c).items[pos] = next;
      this.snapshot = null;
      return false;
    }
    // Out of place beside a neighbour under a total order: it goes to the other side of that neighbour, so the order
    // of ids changed, and nothing needs to look for where it landed.
    this.removeAt(place);
    this.put(next);
    this.orderChanged();
    return true;
  }

  /** Whether `item` still sorts after the chunk before (`side` -1) or before the chunk after (`side` 1) the one at (`b`, `c`). */
  private fitsBeside(b: number, c: number, side: -1 | 1, item: T): boolean {
    const at = this.neighbourOf(b, c, side);
    if (!at) return true;
    const { items } = this.chunkOf(at);
    return side < 0 ? this.compare(items[items.length - 1]!, item) < 0 : this.compare(item, items[0]!) < 0;
  }

  private chunkOf([b, c]: readonly [number, number]): Chunk<T> {
    return this.branches[b]!.chunks[c]!;
  }

  private orderChanged(): void {
    this.orderVersion++;
    this.snapshot = null;
    this.cachedIds = this.cachedView = null;
  }

  /** A chunk's or a branch's size changed, or one was added or removed: the branches' starts are worked out again. */
  private sizesChanged(): void {
    this.branchStarts = undefined;
  }

  private ownChunk(items: T[]): Chunk<T> {
    const chunk: Chunk<T> = { items };
    this.ownedChunks.add(chunk);
    return chunk;
  }

  private ownBranch(chunks: Chunk<T>[]): Branch<T> {
    const branch: Branch<T> = { chunks, size: 0, starts: undefined };
    for (const chunk of chunks) branch.size += chunk.items.length;
    this.ownedBranches.add(branch);
    return branch;
  }

  /** Copies the branch array once after a freeze, so that the snapshot keeps its own. */
  private writeBranchArray(): void {
    if (this.ownsBranchArray) return;
    this.branches = this.branches.slice();
    this.ownsBranchArray = true;
  }

  /** The branch at `b`, copied first when a snapshot still shares it; its chunks' starts are dropped. */
  private writeBranch(b: number): Branch<T> {
    this.writeBranchArray();
    const branch = this.branches[b]!;
    if (this.ownedBranches.has(branch)) {
      branch.starts = undefined;
      return branch;
    }
    const copy: Branch<T> = { chunks: branch.chunks.slice(), size: branch.size, starts: undefined };
    this.ownedBranches.add(copy);
    this.branches[b] = copy;
    return copy;
  }

  /** The chunk at (`b`, `c`), copied first when a snapshot still shares it (its branch too). */
  private writeChunk(b: number, c: number): Chunk<T> {
    const { chunks } = this.writeBranch(b);
    const chunk = chunks[c]!;
    if (this.ownedChunks.has(chunk)) return chunk;
    return (chunks[c] = this.ownChunk(chunk.items.slice()));
  }

  private put(item: T): void {
    this.count++;
    this.sizesChanged();
    if (this.branches.length === 0) {
      this.writeBranchArray();
      this.branches.push(this.ownBranch([this.ownChunk([item])]));
      return;
    }
    const [b, c] = this.chunkFor(item);
    const { items } = this.writeChunk(b, c);
    items.splice(lowerBound(items, item, this.compare), 0, item);
    this.branches[b]!.size++;
    if (items.length > this.chunkSize) this.splitChunk(b, c);
  }

  private take(item: T): boolean {
    const place = this.locate(item);
    if (place) this.removeAt(place);
    return place !== undefined;
  }

  /** Removes the item at `place` (found by `locate`, nothing changed since), merging what became too small. */
  private removeAt([b, c, pos]: Place): void {
    const { items } = this.writeChunk(b, c);
    const branch = this.branches[b]!;
    items.splice(pos, 1);
    branch.size--;
    this.count--;
    this.sizesChanged();
    if (items.length === 0) {
      branch.chunks.splice(c, 1);
      if (branch.chunks.length === 0) this.branches.splice(b, 1);
      else this.mergeBranchAround(b);
    } else if (items.length < this.chunkSize >> 2) {
      this.mergeChunkAround(b, c);
    }
  }

  private splitChunk(b: number, c: number): void {
    const branch = this.branches[b]!;
    const { items } = branch.chunks[c]!;
    branch.chunks.splice(c + 1, 0, this.ownChunk(items.splice(Math.max(1, this.chunkSize >> 1))));
    if (branch.chunks.length > this.branchSize) {
      const moved = this.ownBranch(branch.chunks.splice(Math.max(1, this.branchSize >> 1)));
      branch.size -= moved.size;
      this.branches.splice(b + 1, 0, moved);
    }
  }

  /**
   * Merges a small chunk into its smaller neighbour (in its branch or the next one over) when they fit in one chunk
   * together; the branches that lost a chunk may merge in turn.
   */
  private mergeChunkAround(b: number, c: number): void {
    const left = this.neighbourOf(b, c, -1);
    const right = this.neighbourOf(b, c, 1);
    const itemsAt = (at: [number, number] | undefined) => (at ? this.chunkOf(at).items.length : Infinity);
    const neighbour = itemsAt(left) <= itemsAt(right) ? left : right;
    if (!neighbour) return;
    const [first, second] = neighbour === left ? [neighbour, [b, c] as const] : [[b, c] as const, neighbour];
    const moved = this.chunkOf(second).items;
    if (this.chunkOf(first).items.length + moved.length > this.chunkSize) return;
    const into = this.writeChunk(first[0], first[1]);
    for (const item of moved) into.items.push(item);
    const from = this.writeBranch(second[0]);
    from.chunks.splice(second[1], 1);
    if (first[0] !== second[0]) {
      this.branches[first[0]]!.size += moved.length;
      from.size -= moved.length;
    }
    // The later branch first: whatever it merges with, the earlier one keeps its index.
    if (from.chunks.length === 0) this.branches.splice(second[0], 1);
    else this.mergeBranchAround(second[0]);
    if (first[0] !== second[0]) this.mergeBranchAround(first[0]);
  }

  /** The chunk next to (`b`, `c`) on one side (`-1` before, `1` after), across a branch boundary, or undefined. */
  private neighbourOf(b: number, c: number, side: -1 | 1): [branch: number, chunk: number] | undefined {
    const within = c + side;
    if (within >= 0 && within < this.branches[b]!.chunks.length) return [b, within];
    const other = this.branches[b + side];
    if (!other) return undefined;
    return [b + side, side < 0 ? other.chunks.length - 1 : 0];
  }

  /**
   * Merges a branch that holds fewer than a quarter of `branchSize` chunks into its smaller neighbour when they fit
   * in one branch together.
   */
  private mergeBranchAround(b: number): void {
    const count = (at: number) => this.branches[at]?.chunks.length ?? Infinity;
    if (count(b) >= Math.max(2, this.branchSize >> 2) || this.branches.length === 1) return;
    const neighbour = count(b - 1) <= count(b + 1) ? b - 1 : b + 1;
    const [first, second] = neighbour < b ? [neighbour, b] : [b, neighbour];
    if (count(first) + count(second) > this.branchSize) return;
    const into = this.writeBranch(first);
    const { chunks, size } = this.branches[second]!;
    for (const chunk of chunks) into.chunks.push(chunk);
    into.size += size;
    this.branches.splice(second, 1);
  }
}
