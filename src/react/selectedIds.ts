import type { ListView } from '../core/store.js';
import type { ConversationId } from '../core/types.js';

/** What a large selection is drawn from: a whole list as one published state has it, or a set of ids. */
interface SelectionBase {
  readonly size: number;
  /** The list's view and its id array, when the base is a whole list. */
  readonly view?: ListView;
  readonly list?: readonly ConversationId[];
  has(id: ConversationId): boolean;
  ids(): Iterable<ConversationId>;
}

/** The ids taken out of a base, each with the version that took it out; shared by the versions built on each other. */
interface Removals {
  readonly at: Map<ConversationId, number>;
  /** The newest version: only it may take more ids out (an older one copies first, see `without`). */
  latest: number;
}

/**
 * A selection of many conversations, handed out as a `ReadonlySet` that never changes, built so that the two things
 * a large selection must do cheaply are cheap:
 * - selecting a whole list (100,000 rows) is O(1): the selection reads the list as that published state has it
 *   (`has` is the list's `indexOf`, O(log n)); nothing is copied, and iterating builds the ids once;
 * - taking ids out (rows deleted, hidden or moved away while selected) is O(removed): they are recorded with the
 *   version that took them out, in a table the newer versions share, so each version keeps reading as it did.
 *
 * Adding ids is not its job: `useConversationSelection` copies into a plain `Set` for that (one user's toggle).
 */
export class SelectedIds implements ReadonlySet<ConversationId> {
  readonly [Symbol.toStringTag] = 'Set';

  private constructor(
    private readonly base: SelectionBase,
    private readonly removals: Removals,
    private readonly version: number,
    readonly size: number,
  ) {
    Object.freeze(this);
  }

  /** Every id of a list as one published state shows it: `view` and `ids` must come from that same state. */
  static ofList(view: ListView, ids: readonly ConversationId[]): SelectedIds {
    const base: SelectionBase = { size: view.size, view, list: ids, has: (id) => view.indexOf(id) >= 0, ids: () => ids };
    return new SelectedIds(base, { at: new Map(), latest: 0 }, 0, base.size);
  }

  /** The ids of a set that nobody changes any more (a published selection). */
  static ofSet(ids: ReadonlySet<ConversationId>): SelectedIds {
    const base: SelectionBase = { size: ids.size, has: (id) => ids.has(id), ids: () => ids };
    return new SelectedIds(base, { at: new Map(), latest: 0 }, 0, base.size);
  }

  /** Whether this is every id of `view` (the same list, nothing taken out since). */
  isWholeList(view: ListView): boolean {
    return this.base.view === view && this.size === this.base.size;
  }

  has(id: ConversationId): boolean {
    if (!this.base.has(id)) return false;
    const removedBy = this.removals.at.get(id);
    return removedBy === undefined || removedBy > this.version;
  }

  /** This selection without `ids`: O(ids). Itself when none of them is selected. */
  without(ids: Iterable<ConversationId>): SelectedIds {
    return this.take(ids, true);
  }

  /**
   * `without` for ids the caller has just found selected in this very version (`has`): it skips the O(log n)
   * membership test `without` makes for each id. An id not selected here would wrongly lower the size.
   */
  withoutSelected(ids: Iterable<ConversationId>): SelectedIds {
    return this.take(ids, false);
  }

  private take(ids: Iterable<ConversationId>, check: boolean): SelectedIds {
    // A version that was built on already cannot record its own removals in the shared table: start a new one.
    if (this.version !== this.removals.latest) return SelectedIds.ofSet(new Set(this)).without(ids);
    const version = this.version + 1;
    let size = this.size;
    const { at } = this.removals;
    for (const id of ids) {
      // Every removal recorded so far is this version's or older (it is the latest): the cheap test first.
      if (at.has(id) || (check && !this.base.has(id))) continue;
      at.set(id, version);
      size--;
    }
    if (size === this.size) return this;
    this.removals.latest = version;
    return new SelectedIds(this.base, this.removals, version, size);
  }

  values(): SetIterator<ConversationId> {
    // Nothing taken out: the base's own iterator, which spreads 100,000 ids many times faster than a generator.
    // (An array's iterator, not typed as a set's: they differ only in the type their own [Symbol.iterator] returns.)
    if (this.size === this.base.size) return this.base.ids()[Symbol.iterator]() as SetIterator<ConversationId>;
    return this.remaining();
  }

  private *remaining(): SetIterator<ConversationId> {
    const { at } = this.removals;
    for (const id of this.base.ids()) {
      const removedBy = at.get(id);
      if (removedBy === undefined || removedBy > this.version) yield id;
    }
  }

  /**
   * The ids as an array that never changes, for a command over the selection: the list's own id array when nothing
   * was taken out of a whole-list selection (read in place, see `lazyIdArray`, so a batch over 100,000 rows does not
   * copy them in the click's task), otherwise a new array.
   */
  toArray(): readonly ConversationId[] {
    return this.size === this.base.size && this.base.list ? this.base.list : [...this];
  }

  keys(): SetIterator<ConversationId> {
    return this.values();
  }

  *entries(): SetIterator<[ConversationId, ConversationId]> {
    for (const id of this.values()) yield [id, id];
  }

  [Symbol.iterator](): SetIterator<ConversationId> {
    return this.values();
  }

  forEach(callback: (value: ConversationId, key: ConversationId, set: ReadonlySet<ConversationId>) => void, thisArg?: unknown): void {
    for (const id of this) callback.call(thisArg, id, id, this);
  }
}
