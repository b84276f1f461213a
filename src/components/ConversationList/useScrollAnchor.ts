'use client';
import type { Virtualizer } from '@tanstack/react-virtual';
import { useLayoutEffect, useRef } from 'react';

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

/**
 * Keeps what the user is looking at in place when the order changes above it (a message moves a conversation
 * from far down to the top, a new conversation arrives, a page loads) or a row above changes size (`layout`, a new
 * value whenever row sizes moved). Rows are anchored by id, not index.
 *
 * After each commit it remembers the rendered rows and their offsets. When the ids change, it picks an anchor
 * among the rows that were visible: the first one whose next visible neighbour is still its neighbour (so a row
 * that itself jumped away never becomes the anchor), and scrolls by the distance that row moved. At the very top
 * nothing is adjusted, so new conversations appear there. When `view` changes (another group or filter), the
 * list is a different one: it starts at the top instead.
 */
export function useScrollAnchor<K>(
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>,
  order: Order<K>,
  layout: unknown,
  view: string,
): void {
  const previousRef = useRef<{ order: Order<K>; layout: unknown; rows: RenderedRow<K>[]; view: string } | null>(null);

  useLayoutEffect(() => {
    const before = previousRef.current;
    // The virtualizer's own record of the offset and size: reading the element's here, mid-commit, forces a layout.
    const top = virtualizer.scrollOffset ?? 0;
    if (before && before.view !== view) {
      if (top > 0) virtualizer.scrollToOffset(0);
    } else if (before && (before.order !== order || before.layout !== layout) && order.size > 0) {
      const height = virtualizer.scrollRect?.height ?? 0;
      if (top > 0 && height > 0) {
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
        if (anchor) {
          virtualizer.getTotalSize(); // brings the measurements up to date with the new order
          // Sizes are whole pixels, so any difference is a move.
          const delta = (virtualizer.measurementsCache[anchor.index]?.start ?? anchor.row.start) - anchor.row.start;
          if (delta) virtualizer.scrollToOffset(top + delta);
        }
      }
    }
    // In index order, which in one lane is also top to bottom.
    const rows = virtualizer.getVirtualItems().map(({ start, end, index }) => ({ key: order.at(index)!, start, end }));
    previousRef.current = { order, layout, rows, view };
  });
}
