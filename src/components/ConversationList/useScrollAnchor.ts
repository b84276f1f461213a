'use client';
import type { RefObject } from 'react';
import type { Virtualizer } from '@tanstack/react-virtual';
import type { ConversationId } from '../../core/types.js';
import { useLayoutEffect, useRef } from '../../react/runtime.js';

interface RenderedRow {
  key: ConversationId;
  index: number;
  start: number;
  end: number;
}

/**
 * Keeps what the user is looking at in place when the order changes above it (a message moves a conversation
 * from far down to the top, a new conversation arrives, a page loads). Rows are anchored by id, not index.
 *
 * After each commit it remembers the rendered rows and their offsets. When the ids change, it picks an anchor
 * among the rows that were visible: the first one whose next visible neighbour is still its neighbour (so a row
 * that itself jumped away never becomes the anchor), and scrolls by the distance that row moved. At the very top
 * nothing is adjusted, so new conversations appear there. When `view` changes (another group or filter), the
 * list is a different one: it starts at the top instead.
 */
export function useScrollAnchor(
  virtualizer: Virtualizer<HTMLDivElement, HTMLDivElement>,
  scrollElement: RefObject<HTMLDivElement | null>,
  ids: readonly ConversationId[],
  indexOf: (id: ConversationId, hint?: number) => number | undefined,
  view: string,
): void {
  const previousRef = useRef<{ ids: readonly ConversationId[]; rows: RenderedRow[]; view: string } | null>(null);

  useLayoutEffect(() => {
    const before = previousRef.current;
    const element = scrollElement.current;
    if (before && element && before.view !== view) {
      if (element.scrollTop > 0) virtualizer.scrollToOffset(0);
    } else if (before && element && before.ids !== ids && ids.length > 0) {
      const top = element.scrollTop;
      const height = virtualizer.scrollRect?.height || element.clientHeight;
      if (top > 0 && height > 0) {
        const visible = before.rows.filter((row) => row.end > top && row.start < top + height);
        let anchor: { row: RenderedRow; index: number } | undefined;
        let fallback: { row: RenderedRow; index: number } | undefined;
        for (let i = 0; i < visible.length; i++) {
          const row = visible[i]!;
          const index = indexOf(row.key, row.index);
          if (index === undefined) continue;
          fallback ??= { row, index };
          const next = visible[i + 1];
          if (next && indexOf(next.key, next.index) === index + 1) {
            anchor = { row, index };
            break;
          }
        }
        anchor ??= fallback;
        if (anchor) {
          virtualizer.getTotalSize(); // brings the measurements up to date with the new order
          const moved = virtualizer.measurementsCache[anchor.index];
          const delta = moved ? moved.start - anchor.row.start : 0;
          if (Math.abs(delta) >= 1) virtualizer.scrollToOffset(top + delta);
        }
      }
    }
    const rows = virtualizer.getVirtualItems().map(({ index, start, end }) => ({ key: ids[index]!, index, start, end }));
    previousRef.current = { ids, rows: rows.sort((a, b) => a.start - b.start), view };
  });
}
