'use client';
import { useCallback, useLayoutEffect, useMemo, useReducer, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { ListView } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';

/** How a row's size is read: from a ResizeObserver entry when there is one, else from the element. */
export type MeasureRow = (element: HTMLElement, entry: ResizeObserverEntry | undefined) => number;

/** What a row calls with its element (`data-conversation-id` names the row). Stable for the list's lifetime. */
export interface RowSizer {
  /** The row's element was mounted: observed from then on (the observer reports its first size before it is painted). */
  attach(element: HTMLElement): void;
  /** The row's element is leaving. */
  detach(element: HTMLElement): void;
  /** The row's content changed in this commit: measured now, so the rows below move in the same commit. */
  measure(element: HTMLElement): void;
}

export interface RowSizes {
  /** For `useVirtualizer`: the size of the row at an index. */
  estimateSize: (index: number) => number;
  /** For `useVirtualizer`: keys are indexes; a new function whenever a size moved, so the virtualizer re-reads sizes. */
  getItemKey: (index: number) => number;
  rows: RowSizer;
}

/**
 * Sizes beyond this many rows fall back to the estimate: every order change places each kept size, so a list whose
 * rows all differ from `rowHeight` (custom rows and a forgotten `rowHeight`) must not make that cost grow with scrolling.
 */
const MAX_KEPT = 1_000;

const defaultMeasure: MeasureRow = (element, entry) => {
  const box = entry?.borderBoxSize?.[0];
  return box ? Math.round(box.blockSize) : element.offsetHeight;
};

/**
 * Row sizes kept by conversation id and handed to the virtualizer by position.
 *
 * The virtualizer is keyed by index: keyed by id, it would ask for every row's key again on each reorder, an O(n) walk
 * at 100,000 rows for every message. Its own size cache and ResizeObserver are keyed by index as well, so a row that
 * moved would take the size of the row that was there before (and its element could stop being observed). So rows are
 * measured here instead, by element: by a ResizeObserver (a mounted row's first size too) and, when their content
 * changes, in that commit.
 * Only sizes that differ from `rowHeight` are kept (a failure notice, custom rows); each new order places them at
 * their new indexes, one look-up per kept size, and the virtualizer reads them as its estimates. It recomputes its
 * positions only when a placement changed, so a message in a list of same-height rows costs nothing here.
 */
export function useRowSizes(view: Pick<ListView, 'indexOf'>, rowHeight: number, measureRow: MeasureRow = defaultMeasure): RowSizes {
  // Sizes that differ from rowHeight, by id, least recently changed first. Mutated in place; `version` counts changes.
  const [kept] = useState(() => new Map<ConversationId, number>());
  const [version, sizesChanged] = useReducer((n: number) => n + 1, 0);

  /** Reads a row's size and keeps it; true when it differs from what was known. */
  const record = (element: HTMLElement, entry?: ResizeObserverEntry): boolean => {
    const id = element.dataset.conversationId;
    if (id === undefined || !element.isConnected) return false;
    const size = measureRow(element, entry);
    if (size === (kept.get(id) ?? rowHeight)) return false;
    kept.delete(id);
    if (size !== rowHeight) kept.set(id, size);
    if (kept.size > MAX_KEPT) kept.delete(kept.keys().next().value!);
    return true;
  };
  const recordRef = useRef(record);
  useLayoutEffect(() => {
    recordRef.current = record;
  });

  const [rows] = useState((): RowSizer => {
    let observer: ResizeObserver | undefined;
    // It reports during the frame, after layout and before paint: rendering the new positions at once (flushSync)
    // puts them in this frame's paint instead of the next one.
    const onResize = (entries: ResizeObserverEntry[]) => {
      let changed = false;
      for (const entry of entries) changed = recordRef.current(entry.target as HTMLElement, entry) || changed;
      if (changed) flushSync(sizesChanged);
    };
    return {
      attach(element) {
        // The observer reports a new element's size in the coming frame, after its layout and before its paint: no
        // layout forced here, for each row that scrolls in. Without one (jsdom), rows are measured here.
        if (typeof ResizeObserver === 'undefined') {
          if (recordRef.current(element)) sizesChanged();
        } else (observer ??= new ResizeObserver(onResize)).observe(element, { box: 'border-box' });
      },
      detach(element) {
        observer?.unobserve(element);
      },
      measure(element) {
        if (recordRef.current(element)) sizesChanged();
      },
    };
  });

  // Where the kept sizes sit in this order, and the same as a string to compare placements by.
  const [placed, signature] = useMemo(() => {
    void version; // `kept` changed in place
    const sizes = new Map<number, number>();
    for (const [id, size] of kept) {
      const index = view.indexOf(id);
      if (index >= 0) sizes.set(index, size);
    }
    return [sizes, [rowHeight, ...[...sizes].sort((a, b) => a[0] - b[0]).flat()].join()] as const;
  }, [view, kept, rowHeight, version]);
  // The virtualizer recomputes its positions when its getItemKey option changes, and only then: a new function
  // whenever a placement changed, the same one otherwise.
  const getItemKey = useMemo(() => {
    void signature;
    return (index: number) => index;
  }, [signature]);
  const estimateSize = useCallback((index: number) => placed.get(index) ?? rowHeight, [placed, rowHeight]);
  return { estimateSize, getItemKey, rows };
}
