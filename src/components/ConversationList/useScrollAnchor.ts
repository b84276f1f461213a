'use client';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useState } from 'react';

/** The rows' order, read in place (a `ListView`, or the list's rows with its folded row). */
interface Order<K> {
  readonly size: number;
  at(index: number): K | undefined;
  indexOf(key: K): number;
}

interface RenderedRow<K> {
  key: K;
  start: number;
  end: number;
}

/** What the last commit showed: the order, the sizes, the rows with their offsets, the set of rows. */
interface Committed<K> {
  order: Order<K>;
  layout: unknown;
  rows: RenderedRow<K>[];
  view: string;
}

/**
 * A scroll offset decided while rendering, written to the element once that render is committed: by the distance
 * from `from` to `to` (a kept view), or to `to` itself (another list starts at the top).
 */
interface Correction {
  from: number;
  to: number;
  isRelative: boolean;
}

/** Where the anchor row moved to: the new offset that keeps it in place, or null to stay. No layout is read. */
function anchoredOffset<K>(before: Committed<K>, order: Order<K>, virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>, top: number): number | null {
  const height = virtualizer.scrollRect?.height ?? 0;
  if (top <= 0 || height <= 0 || order.size === 0) return null;
  const visible = before.rows.filter((row) => row.end > top && row.start < top + height);
  let anchor: { row: RenderedRow<K>; index: number } | undefined;
  let fallback: { row: RenderedRow<K>; index: number } | undefined;
  for (let i = 0; i < visible.length; i++) {
    const row = visible[i]!;
    const index = order.indexOf(row.key);
    if (index < 0) continue;
    fallback ??= { row, index };
    const next = visible[i + 1];
    if (next && order.indexOf(next.key) === index + 1) {
      anchor = { row, index };
      break;
    }
  }
  anchor ??= fallback;
  if (!anchor) return null;
  virtualizer.getTotalSize(); // brings the measurements up to date with the new order
  // Sizes are whole pixels, so any difference is a move.
  const delta = (virtualizer.measurementsCache[anchor.index]?.start ?? anchor.row.start) - anchor.row.start;
  return delta ? top + delta : null;
}

/**
 * What one list remembers between renders: the last commit's rows, and the offset its render decided on. A render
 * reads and writes it only through `beforeRender`, which gives the same answer when the same render runs twice
 * (Strict Mode) or after a render that was never committed.
 */
class ScrollAnchorTracker<K> {
  private committed: Committed<K> | null = null;
  /** Set by a render, cleared by its commit. */
  private correction: Correction | null = null;

  /** Decides the offset for this render and gives it to the virtualizer, whose range is computed from it. */
  beforeRender(virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>, order: Order<K>, layout: unknown, view: string): void {
    const before = this.committed;
    const live = virtualizer.scrollOffset ?? 0;
    const pending = this.correction;
    const top = pending && pending.to === live ? pending.from : live;
    const isNewList = before !== null && before.view !== view;
    let to: number | null = null;
    if (isNewList) to = top > 0 ? 0 : null;
    else if (before && (before.order !== order || before.layout !== layout)) to = anchoredOffset(before, order, virtualizer, top);
    if (to !== null) {
      this.correction = { from: top, to, isRelative: !isNewList };
      virtualizer.scrollOffset = to;
    } else if (pending) {
      this.correction = null;
      virtualizer.scrollOffset = top;
    }
  }

  /** After the commit: scrolls the element as its render decided, and remembers the rows it shows. */
  afterCommit(virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>, order: Order<K>, layout: unknown, view: string): void {
    const correction = this.correction;
    this.correction = null;
    if (correction?.isRelative) {
      // By the distance the anchor moved, from where the element is: a scroll the virtualizer has not heard of yet
      // (its event comes with the next frame) is kept. Reading it lays the new rows out, which the write needs anyway.
      const element = virtualizer.scrollElement;
      const at = element ? element.scrollTop : correction.from;
      virtualizer.scrollToOffset(at + correction.to - correction.from);
    } else if (correction) virtualizer.scrollToOffset(correction.to);
    // In index order, which in one lane is also top to bottom.
    const rows = virtualizer.getVirtualItems().map(({ start, end, index }) => ({ key: order.at(index)!, start, end }));
    this.committed = { order, layout, rows, view };
  }
}

/**
 * Keeps what the user is looking at in place when the order changes above it (a message moves a conversation
 * from far down to the top, a new conversation arrives, a page loads) or a row above changes size (`layout`, a new
 * value whenever row sizes moved). Rows are anchored by id, not index. Call it before reading the virtualizer's items.
 *
 * After each commit it remembers the rendered rows and their offsets. When the ids change, it picks an anchor
 * among the rows that were visible: the first one whose next visible neighbour is still its neighbour (so a row
 * that itself jumped away never becomes the anchor), and scrolls by the distance that row moved. At the very top
 * nothing is adjusted, so new conversations appear there. When `view` changes (another group or filter), the
 * list is a different one: it starts at the top instead.
 *
 * The new offset is decided while rendering and given to the virtualizer at once, so the rows this render makes are
 * the ones the user will see there; the element is scrolled after the commit. Scrolled only after the commit, the
 * render made the rows of the old offset, and the scroll event made the right ones in a second render and a second
 * layout. `npm run bench`, scrolling 100,000 conversations: frame cost p95 16.6 -> 10.7 ms with 100 messages a second,
 * 74 -> 10.8 ms with 500.
 */
export function useScrollAnchor<K>(
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>,
  order: Order<K>,
  layout: unknown,
  view: string,
): void {
  const [tracker] = useState(() => new ScrollAnchorTracker<K>());
  tracker.beforeRender(virtualizer, order, layout, view);
  useLayoutEffect(() => tracker.afterCommit(virtualizer, order, layout, view));
}
