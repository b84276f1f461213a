'use client';
import { useCallback, useEffect, useLayoutEffect, useState } from 'react';
import type { InboxStore, ListView } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';

export interface HeldOrderOptions {
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /**
   * Names the list the view shows (e.g. its group and filter). When it changes the hold catches up at once, and
   * starts again from the new list if still held: a held order of another list means nothing. Compared with
   * `Object.is`, so pass a string or a memoized value. @default undefined (one list)
   */
  listKey?: unknown;
}

/** What `useHeldOrder` returns. */
export interface HeldOrder {
  /** The order to render: the live one, or while held the order at hold time minus rows that left the list. */
  view: ListView;
  /** Conversations that arrived above the held rows or would move if released: for a "3 new — show" pill. */
  newCount: number;
  /** Whether the order is held now (`isHeld`), even while it still equals the live one. */
  isHolding: boolean;
  /** Catches up with the live order at once (one render); while still held, holds again from there. */
  release(): void;
}

/** A hold: the order when it began, and for which list and release it was taken. */
interface Hold {
  view: ListView;
  epoch: number;
  listKey: unknown;
}

const NO_POSITIONS: readonly number[] = Object.freeze([]);

// Layout effects keep the hold in step before paint; on the server, where they do not run, plain effects.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** How many of the ascending `sorted` are below `value` (binary search). */
function countBelow(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * `base` from position `start` on, without the positions in `skip` (ascending, all ≥ start) whose ids are `skipIds`.
 * O(log n + log skip) per read, nothing copied: a wrapper over an immutable snapshot.
 */
function viewWithout(base: ListView, start: number, skip: readonly number[], skipIds: ReadonlySet<ConversationId>): ListView {
  const size = Math.max(0, base.size - start - skip.length);
  return {
    size,
    at(index) {
      if (!(index >= 0 && index < size)) return undefined;
      // skip[m] - start - m rows are kept before skip[m]: skip every one with at most `index` kept rows before it.
      let lo = 0;
      let hi = skip.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if ((skip[mid] as number) - start - mid <= index) lo = mid + 1;
        else hi = mid;
      }
      return base.at(start + index + lo);
    },
    indexOf(id) {
      if (skipIds.has(id)) return -1;
      const at = base.indexOf(id);
      return at < start ? -1 : at - start - countBelow(skip, at);
    },
  };
}

/** Two views one after the other (the held rows, then rows loaded below them). */
function concatViews(head: ListView, tail: ListView): ListView {
  if (!tail.size) return head;
  return {
    size: head.size + tail.size,
    at: (index) => (index < head.size ? head.at(index) : tail.at(index - head.size)),
    indexOf(id) {
      const inHead = head.indexOf(id);
      if (inHead >= 0) return inHead;
      const inTail = tail.indexOf(id);
      return inTail < 0 ? -1 : head.size + inTail;
    },
  };
}

/**
 * For each of `ids` (all at `positions` in `view`), the nearest row above it that is not among them: rows that did
 * not change keep their order, so a changed row whose nearest unchanged row above is the same in two orders has
 * not moved among them. One sort and one pass: O(k log k + k log n).
 */
function nearestSteadyAbove(view: ListView, entries: Array<[number, ConversationId]>): Map<ConversationId, ConversationId | undefined> {
  entries.sort((a, b) => a[0] - b[0]);
  const above = new Map<ConversationId, ConversationId | undefined>();
  let previous: [number, ConversationId | undefined] | undefined;
  for (const [position, id] of entries) {
    const steady = previous && previous[0] === position - 1 ? previous[1] : position > 0 ? view.at(position - 1) : undefined;
    above.set(id, steady);
    previous = [position, steady];
  }
  return above;
}

/**
 * The held order against the live one: which held rows left the list, which new rows were loaded below every
 * held row (shown, so that paging still works while held), and how many conversations arrived above or moved.
 * Only `changed` ids (changed since the hold began) are looked at: O(changed × log n), never a pass over the list.
 */
function compare(held: ListView, live: ListView, changed: ReadonlySet<ConversationId>): { view: ListView; newCount: number } {
  const gone: number[] = [];
  const goneIds = new Set<ConversationId>();
  const inHeld: Array<[number, ConversationId]> = [];
  const inLive: Array<[number, ConversationId]> = [];
  const arrived: Array<[number, ConversationId]> = [];
  for (const id of changed) {
    const h = held.indexOf(id);
    const l = live.indexOf(id);
    if (h >= 0) inHeld.push([h, id]);
    if (l >= 0) inLive.push([l, id]);
    if (h >= 0 && l < 0) {
      gone.push(h);
      goneIds.add(id);
    } else if (h < 0 && l >= 0) arrived.push([l, id]);
  }
  gone.sort((a, b) => a - b);
  // The last held row that did not change is where the held rows end in the live order; below it come new pages.
  let lastSteady = held.size - 1;
  const changedHeldPositions = new Set(inHeld.map(([h]) => h));
  while (lastSteady >= 0 && changedHeldPositions.has(lastSteady)) lastSteady--;
  const lastSteadyId = lastSteady >= 0 ? held.at(lastSteady) : undefined;
  const end = lastSteadyId === undefined ? -1 : live.indexOf(lastSteadyId);

  // A changed row counts when it would move on release: its nearest unchanged row above differs between the two
  // orders (unchanged rows keep their order). At the very top, above every unchanged row, it counts when it would go
  // higher once the rows that left (held) and arrived (live) above it are taken out: rows that only shift down under
  // others, or change in place, do not count. That is the "3 new" a user expects.
  const aboveInHeld = nearestSteadyAbove(held, [...inHeld]);
  const aboveInLive = nearestSteadyAbove(live, [...inLive]);
  const arrivedAt = arrived.map(([l]) => l).sort((a, b) => a - b);
  const liveIndex = new Map(inLive.map(([l, id]) => [id, l]));
  let newCount = 0;
  for (const l of arrivedAt) if (l <= end) newCount++;
  for (const [h, id] of inHeld) {
    const l = liveIndex.get(id);
    if (l === undefined) continue;
    const steadyHeld = aboveInHeld.get(id);
    const steadyLive = aboveInLive.get(id);
    const moved =
      steadyHeld === undefined && steadyLive === undefined ? l - countBelow(arrivedAt, l) < h - countBelow(gone, h) : steadyHeld !== steadyLive;
    if (moved) newCount++;
  }

  // Held rows that moved below `end` already show at their held place, so the tail leaves them out.
  const tailSkip: number[] = [];
  const tailSkipIds = new Set<ConversationId>();
  for (const [l, id] of inLive) {
    if (l > end && held.indexOf(id) >= 0) {
      tailSkip.push(l);
      tailSkipIds.add(id);
    }
  }
  tailSkip.sort((a, b) => a - b);
  const head = gone.length ? viewWithout(held, 0, gone, goneIds) : held;
  return { view: concatViews(head, viewWithout(live, end + 1, tailSkip.length ? tailSkip : NO_POSITIONS, tailSkipIds)), newCount };
}

/**
 * What one `useHeldOrder` keeps between renders: the hold in force, the ids changed while holding, and the ids
 * changed since the view last changed. A render only reads it (the hold it derives is committed after the commit),
 * so discarded and repeated renders leave it as it was.
 */
class HoldTracker {
  private committed: Hold | null = null;
  /** Ids changed while the committed hold is in force. */
  private changed: Set<ConversationId> | null = null;
  /**
   * Ids changed since the view changed last, and the time before: the view a render receives was read from the
   * store no earlier than the previous commit, so these two generations hold every change it may not show yet.
   */
  private older = new Set<ConversationId>();
  private newer = new Set<ConversationId>();
  private shownView: ListView | undefined;
  private cache: { hold: Hold; view: ListView; result: { view: ListView; newCount: number } } | undefined;

  /** The hold a render asks for: the one in force while it still applies, else a new one from `view`. */
  holdFor(view: ListView, isHeld: boolean, epoch: number, listKey: unknown): Hold | null {
    // An empty order (the first page not in yet) is nothing to hold: holding starts with the first rows.
    if (!isHeld || view.size === 0) return null;
    const hold = this.committed;
    return hold && hold.epoch === epoch && Object.is(hold.listKey, listKey) ? hold : { view, epoch, listKey };
  }

  /** After each commit: puts the rendered hold in force and notes a new view. */
  commit(hold: Hold | null, view: ListView): void {
    if (hold !== this.committed) {
      this.committed = hold;
      this.cache = undefined;
      // Changes the view may not show yet count as changes of the new hold: over-counting costs a lookup, missing
      // one would leave a row that moved out of the count.
      this.changed = hold ? new Set([...this.older, ...this.newer]) : null;
    }
    if (view !== this.shownView) {
      this.shownView = view;
      this.older = this.newer;
      this.newer = new Set();
    }
  }

  /** A store commit's `changedIds`: O(changed). */
  record(ids: readonly ConversationId[]): void {
    for (const id of ids) {
      this.newer.add(id);
      this.changed?.add(id);
    }
  }

  /** The held order against `view`; computed once per hold and live view (an order change gives a new view). */
  compared(hold: Hold, view: ListView): { view: ListView; newCount: number } | undefined {
    if (hold.view === view || hold !== this.committed || !this.changed) return undefined;
    const cache = this.cache;
    if (cache && cache.hold === hold && cache.view === view) return cache.result;
    const result = compare(hold.view, view, this.changed);
    this.cache = { hold, view, result };
    return result;
  }
}

/**
 * "Rows that hold still": while `isHeld` (the pointer is over the list, a selection exists...), returns the order
 * the list had when holding began, so rows update in place (they render current data by id) but do not move under
 * the pointer. The store keeps its order; only this view holds.
 *
 * - Rows that leave the list while held leave the held view (a wrapper over the held snapshot: O(log n) per read).
 * - Rows loaded below the held ones (a next page) are shown, so scrolling and paging keep working while held.
 * - `newCount` counts the conversations that arrived above or would move on release (a "3 new — show" pill).
 * - `release()` catches up with the live order in one render; so does `isHeld` turning false or `listKey` changing.
 *
 * Cost: the store's `changedIds` are gathered as they are published (O(changed) per commit); when the live view
 * changes while held, the ids changed since holding began are compared with it (O(t × log n), t distinct
 * conversations changed meanwhile), never a pass over the list. Comparing against the view you render (which may
 * lag the store by a frame, as `useConversationListView` does) keeps the held view consistent with it.
 *
 * `view` must come from the store during render (as `useConversationListView` and `useInboxSelector` give it).
 */
export function useHeldOrder(view: ListView, isHeld: boolean, options: HeldOrderOptions = {}): HeldOrder {
  const store = useInboxStore(options.store, 'useHeldOrder');
  const [epoch, setEpoch] = useState(0);
  const [tracker] = useState(() => new HoldTracker());
  const hold = tracker.holdFor(view, isHeld, epoch, options.listKey);

  useIsomorphicLayoutEffect(() => tracker.commit(hold, view));
  useIsomorphicLayoutEffect(() => store.subscribe((state) => tracker.record(state.changedIds)), [store, tracker]);

  const release = useCallback(() => setEpoch((e) => e + 1), []);
  const compared = hold ? tracker.compared(hold, view) : undefined;
  return {
    view: hold ? (compared?.view ?? hold.view) : view,
    newCount: compared?.newCount ?? 0,
    isHolding: hold !== null,
    release,
  };
}
