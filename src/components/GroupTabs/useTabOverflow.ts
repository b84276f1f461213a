import { useCallback, useEffect, useState, type RefObject } from 'react';
import { isRtl, scrollByLeft } from '../internal/dom.js';

export interface TabOverflow {
  /** The tabs are wider than the bar, so it scrolls. */
  isOverflowing: boolean;
  /** The bar can scroll toward its start (the left in left-to-right). */
  canScrollStart: boolean;
  /** The bar can scroll toward its end. */
  canScrollEnd: boolean;
  /** Measures again; the viewport's scroll handler. */
  onScroll: () => void;
  /** Scrolls by most of a bar's width toward its logical start (-1) or end (1). */
  scrollToward: (toward: -1 | 1) => void;
}

/**
 * Whether the tabs overflow the bar and which ways it can scroll, for the scroll buttons and `data-overflowing`. A
 * group's tab grows with its badge and the bar with its container, neither of which re-renders `GroupTabs`, so
 * sizes are watched with a `ResizeObserver` on the viewport and the tab list. `onResize` runs from the same
 * observation, for other layout that depends on the tabs' sizes.
 */
export function useTabOverflow(
  viewportRef: RefObject<HTMLElement | null>,
  listRef: RefObject<HTMLElement | null>,
  dir: 'ltr' | 'rtl' | undefined,
  onResize: () => void,
): TabOverflow {
  const [isOverflowing, setOverflowing] = useState(false);
  const [canScrollStart, setCanScrollStart] = useState(false);
  const [canScrollEnd, setCanScrollEnd] = useState(false);

  const measure = useCallback(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const max = viewport.scrollWidth - viewport.clientWidth;
    // scrollLeft runs from 0 toward negative values in right-to-left layouts.
    const offset = Math.abs(viewport.scrollLeft);
    // A pixel of slack: fractional widths round differently in scrollWidth and clientWidth.
    setOverflowing(max > 1);
    setCanScrollStart(max > 1 && offset > 1);
    setCanScrollEnd(max > 1 && offset < max - 1);
  }, [viewportRef]);

  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || typeof ResizeObserver === 'undefined') return;
    // Delivers a first observation right away, then one per size change of the bar or of its tabs.
    const observer = new ResizeObserver(() => {
      measure();
      onResize();
    });
    observer.observe(viewport);
    observer.observe(listRef.current!);
    return () => observer.disconnect();
  }, [viewportRef, listRef, measure, onResize]);

  const scrollToward = (toward: -1 | 1) => {
    const viewport = viewportRef.current!;
    scrollByLeft(viewport, toward * (isRtl(viewport, dir) ? -1 : 1) * Math.max(viewport.clientWidth * 0.8, 40));
  };

  return { isOverflowing, canScrollStart, canScrollEnd, onScroll: measure, scrollToward };
}
