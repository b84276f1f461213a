'use client';
import { useLayoutEffect, useState, type RefObject } from 'react';

/**
 * How much of the list's foot a floating control covers (from the control's top to the panel's bottom), in pixels,
 * kept up to date as they resize. The Inbox gives it to the list as scroll padding, so that a row reached from the
 * keyboard is scrolled into view above the control, not under it. The undo toast is not measured: it comes and
 * goes, and moving the rows for it would be worse than covering them for a few seconds.
 */
export function useOverlayInset(panelRef: RefObject<HTMLElement | null>, selector: string, isShown: boolean): number {
  const [inset, setInset] = useState(0);
  useLayoutEffect(() => {
    const panel = panelRef.current;
    const control = isShown ? panel?.querySelector<HTMLElement>(selector) : null;
    if (!panel || !control) {
      setInset(0);
      return;
    }
    const measure = () => {
      const covered = panel.getBoundingClientRect().bottom - control.getBoundingClientRect().top;
      setInset(Math.max(0, Math.ceil(covered)));
    };
    measure();
    if (typeof ResizeObserver !== 'function') return;
    const observer = new ResizeObserver(measure);
    observer.observe(control);
    observer.observe(panel);
    return () => observer.disconnect();
  }, [panelRef, selector, isShown]);
  return inset;
}
