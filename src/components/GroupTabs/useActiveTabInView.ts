import { useEffect, type RefObject } from 'react';
import { isRtl, scrollByLeft } from '../internal/dom.js';
import { activeTabIn } from './GroupTab.js';

/**
 * Keeps the active tab visible inside the scrolling bar when the selection, the number of tabs or the direction
 * changes, scrolling the bar only (never the page, as `scrollIntoView` would). A tab that is cut off is brought to
 * the bar's start edge (inside its scroll padding, behind the fade): that is one of the bar's snap positions, so the
 * browser's scroll snapping keeps it there instead of pulling it back half-hidden (it did at 320 px).
 */
export function useActiveTabInView(
  viewportRef: RefObject<HTMLElement | null>,
  active: string | null,
  tabCount: number,
  dir: 'ltr' | 'rtl' | undefined,
): void {
  useEffect(() => {
    const viewport = viewportRef.current;
    const tab = activeTabIn(viewport);
    if (!viewport || !tab) return;
    const outer = viewport.getBoundingClientRect();
    const inner = tab.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(viewport).scrollPaddingInlineStart) || 0;
    if (inner.left >= outer.left && inner.right <= outer.right) return;
    const rtl = isRtl(viewport, dir);
    const delta = rtl ? inner.right - (outer.right - pad) : inner.left - (outer.left + pad);
    if (delta) scrollByLeft(viewport, delta);
  }, [viewportRef, active, tabCount, dir]);
}
