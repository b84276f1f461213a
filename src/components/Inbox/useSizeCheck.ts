'use client';
import { isDevelopment } from '../internal/dev.js';
import { useLayoutEffect } from 'react';

let warned = false;

/** Test hook: lets the next unsized `Inbox` warn again. */
export function resetSizeWarning(): void {
  warned = false;
}

export const SIZE_WARNING =
  '[inboxkit] <Inbox> fills its parent, but its parent has no height, so it shows about 7 rows (min height ' +
  '`--ik-inbox-fallback-height`). Give the parent a height, e.g. `#root { height: 100vh }` or a flex or grid cell ' +
  'with `min-height: 0`, or give <Inbox> one: `style={{ height: 480 }}`.';

/**
 * In development, warns once when the `Inbox` whose panel has `panelId` would collapse to its tabs without the
 * stylesheet's fallback height: its parent gives it no height to fill. Measured once on mount, by taking the
 * fallback away for one synchronous layout and putting it back before paint.
 */
export function useSizeCheck(panelId: string): void {
  useLayoutEffect(() => {
    if (!isDevelopment || warned) return;
    const panel = document.getElementById(panelId);
    const root = panel?.parentElement;
    if (!panel || !root) return;
    const height = root.getBoundingClientRect().height;
    // Not laid out (display: none, or a DOM without layout): nothing to say.
    if (!(height > 0)) return;
    const basis = panel.style.flexBasis;
    panel.style.flexBasis = '0px';
    const collapsed = root.getBoundingClientRect().height;
    panel.style.flexBasis = basis;
    if (collapsed < height - 1) {
      warned = true;
      console.warn(SIZE_WARNING);
    }
  }, [panelId]);
}
