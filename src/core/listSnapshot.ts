import { lazyIdArray } from './lazyIdArray.js';
import type { ListView } from './order.js';
import { SortedChunks, type Branch, type Compare } from './sortedChunks.js';

/** What a snapshot shares with the next one when the order of ids did not change: its view and its id array. */
export interface OrderReaders {
  view?: ListView;
  ids?: readonly string[];
}

/**
 * An order as it was published: its branches and chunks are never changed again (the list copies a branch or a
 * chunk before writing to it), so a state read later shows exactly what it showed then. Snapshots whose order of
 * ids is the same share one view and one id array, so that readers compare them by reference.
 */
export class ListSnapshot<T extends { id: string }> extends SortedChunks<T> {
  constructor(
    branches: Branch<T>[],
    count: number,
    compare: Compare<T>,
    /** Bumps whenever the order of ids changes. */
    readonly orderVersion: number,
    private readonly readers: OrderReaders,
  ) {
    super(branches, count, compare);
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
    return (this.readers.view ??= this.readInPlace(lookup));
  }

  /** The ids in order, as an array built only when used as a whole (see `lazyIdArray`). */
  ids(): readonly string[] {
    return (this.readers.ids ??= lazyIdArray(this.count, (index) => this.at(index)?.id, () => this.materialize()));
  }

  /** Every id, from each chunk's own id array (built once per chunk, shared with the snapshots that keep the chunk). */
  private materialize(): readonly string[] {
    const ids = new Array<string>(this.count);
    let i = 0;
    // Published chunks never change, so what they cache stays true.
    this.forEachChunk((chunk) => {
      chunk.ids ??= chunk.items.map((item) => item.id);
      for (const id of chunk.ids) ids[i++] = id;
    });
    return ids;
  }
}
