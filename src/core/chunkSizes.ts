/**
 * Chunk sizes with their prefix sums in a Fenwick tree: the global position of a chunk's first item, and the chunk
 * holding position `i`, in O(log chunks); a size change in O(log chunks). Rebuilt (O(chunks)) only after chunks were
 * split or merged, when a position is next read (see `OrderedList`).
 */
export class ChunkSizes {
  private constructor(private tree: number[]) {}

  static of(sizes: readonly number[]): ChunkSizes {
    const tree = [0, ...sizes];
    for (let i = 1; i < tree.length; i++) {
      const parent = i + (i & -i);
      if (parent < tree.length) tree[parent]! += tree[i]!;
    }
    return new ChunkSizes(tree);
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
