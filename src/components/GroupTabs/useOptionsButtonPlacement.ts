import { useCallback, useLayoutEffect, type RefObject } from 'react';
import { isRtl } from '../internal/dom.js';
import { activeTabIn } from './GroupTab.js';

/**
 * Places the active group's "⋯" button at its tab's end edge, in either direction. The button sits inside the
 * scrolling content so that it scrolls with the tab (the tab keeps room for it in CSS), and CSS alone cannot put it
 * after one tab among many. Placed after every render, before paint; the returned function places it again, for
 * size changes that do not re-render (a badge growing).
 */
export function useOptionsButtonPlacement(
  buttonRef: RefObject<HTMLElement | null>,
  viewportRef: RefObject<HTMLElement | null>,
  dir: 'ltr' | 'rtl' | undefined,
): () => void {
  const place = useCallback(() => {
    const button = buttonRef.current;
    const tab = activeTabIn(viewportRef.current);
    if (!button || !tab) return;
    const rtl = isRtl(tab, dir);
    button.style.left = `${rtl ? tab.offsetLeft - button.offsetWidth : tab.offsetLeft + tab.offsetWidth}px`;
  }, [buttonRef, viewportRef, dir]);
  useLayoutEffect(place);
  return place;
}
