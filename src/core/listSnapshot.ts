import { lazyIdArray } from './lazyIdArray.js';
import type { ListView } from './order.js';
import { SortedChunks, type Chunk, type Compare } from './sortedChunks.js';

/** What a snapshot shares with the next one when the order of ids did not change: its view and its id array. */
export interface OrderReaders {
  view?: ListView;
  ids?: readonly string[];
}

/**
 * An order as it was published: its chunks are never changed again (the list copies a chunk before writing to it),
 * so a state read later shows exactly what it showed then. Snapshots whose order of ids is the same share one view
 * and one id array, so that readers compare them by reference.
 */
export class ListSnapshot<T extends { id: string }> extends SortedChunks<T> {
  constructor(
    chunks: Chunk<T>[],
    count: number,
    compare: Compare<T>,
    /** Bumps whenever the order of ids changes. */
    readonly orderVersion: number,
    private readonly readers: OrderReaders,
  ) {
    super(chunks, count, compare);
  }

  /**
   * Where each chunk starts, computed the first time a position is read (O(chunks)), not on every change: most
   * published orders are never read by position, and a copied size tree per change cost more than this.
   */
  private starts: number[] | undefined;

  private startsOfChunks(): number[] {
    if (!this.starts) {
      let start = 0;
      this.starts = this.chunks.map((chunk) => {
        const at = start;
        start += chunk.items.length;
        return at;
      });
    }
    return this.starts;
  }

  protected chunkStart(chunk: number): number {
    return this.startsOfChunks()[chunk] ?? this.count;
  }

  protected chunkAt(index: number): [chunk: number, offset: number] | undefined {
    const starts = this.startsOfChunks();
    // the last chunk that starts at or before `index`
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (starts[mid]! <= index) lo = mid;
      else hi = mid - 1;
    }
    return index < this.count ? [lo, index - starts[lo]!] : undefined;
  }

  /** Whether `other` lists the same ids in the same order (it shares this snapshot's readers). */
  sameOrderAs(other: ListSnapshot<T>): boolean {
    return this.readers === other.readers;
  }

  /** The readers to hand to the next snapshot when the order of ids stays the same. */
  get sharedReaders(): OrderReaders {
    return this.readers;
  }

  /**
   * The order read in place: the same object for every snapshot with this order of ids. `lookup` finds the item
   * this snapshot stores for an id (the conversation table published with it).
   */
  view(lookup: (id: string) => T | undefined): ListView {
    return (this.readers.view ??= {
      size: this.count,
      at: (index) => this.at(index)?.id,
      indexOf: (id) => {
        const item = lookup(id);
        return item ? this.indexOf(item) : -1;
      },
    });
  }

  /** The ids in order, as an array built only when used as a whole (see `lazyIdArray`). */
  ids(): readonly string[] {
    return (this.readers.ids ??= lazyIdArray(this.count, (index) => this.at(index)?.id, () => this.materialize()));
  }

  /** Calls `visit` with each chunk in order (published chunks never change: what they cache stays true). */
  forEachChunk(visit: (chunk: Chunk<T>) => void): void {
    this.chunks.forEach(visit);
  }

  /** Every id, from each chunk's own id array (built once per chunk, shared with the snapshots that keep the chunk). */
  private materialize(): readonly string[] {
    const ids = new Array<string>(this.count);
    let i = 0;
    for (const chunk of this.chunks) {
      chunk.ids ??= chunk.items.map((item) => item.id);
      for (const id of chunk.ids) ids[i++] = id;
    }
    return ids;
  }
}
