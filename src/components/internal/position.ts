/**
 * Where a floating menu goes: next to an element or at a point, flipped and shifted to stay in the viewport.
 *
 * Why our own ~60 lines rather than CSS anchor positioning or Floating UI (measured for issue 14):
 * - CSS anchor positioning (`position-area`, `position-try-fallbacks`) is in Chromium 125+, Safari 26+ and
 *   Firefox 147+ only, so older iOS Safari (where long press matters most) still needs a script fallback; it cannot
 *   anchor to a bare point (a right click or long press) without planting a fake element there; and it flips but
 *   never shifts, so a menu taller than the room on both sides is cut. With the fallback that is two code paths, and
 *   the one the tests' Chromium takes is never the fallback.
 * - `@floating-ui/dom` 1.8.0 (`computePosition` + `flip` + `shift`) is 13.3 kB minified, 5.4 kB gzip: a sixth of
 *   the whole root entry (31.8 kB) and more than the `Inbox` import's budget has left, for general machinery
 *   (clipping ancestors, offset parents, transforms) that a `position: fixed` top-layer menu does not need.
 * - This file: one path for every browser, tested in real Chromium, about 0.4 kB gzip.
 */

/** A point in viewport coordinates (a pointer's `clientX`/`clientY`). */
export interface Point {
  x: number;
  y: number;
}

export interface Placement {
  left: number;
  top: number;
  /** Whether the menu opens above its anchor (flipped), for styling. */
  side: 'below' | 'above';
}

/** Space kept between the menu and the viewport's edges. */
export const VIEWPORT_MARGIN = 8;

/**
 * Places a box of `size` against `anchor` inside a viewport of `viewport` (width, height):
 * - a **point** (pointer): the box's block-start corner at the point, on the inline-end side of it (right in LTR,
 *   left in RTL); flipped to the other side when it does not fit, then shifted to stay inside;
 * - a **rect** (a row, a button): below it (above when there is no room below and more above), its `align` edge on
 *   the rect's same edge (`start`: the row's start edge; `end`: a trigger's end edge), then shifted to stay inside.
 */
export function place(
  anchor: Point | DOMRectReadOnly,
  size: { width: number; height: number },
  viewport: { width: number; height: number },
  rtl: boolean,
  align: 'start' | 'end' = 'start',
): Placement {
  const m = VIEWPORT_MARGIN;
  const isPoint = !('width' in anchor);
  const rect = isPoint ? { left: anchor.x, right: anchor.x, top: anchor.y, bottom: anchor.y } : anchor;
  const { width, height } = size;

  // Block axis: below, else above when it fits there or has more room; then shifted inside.
  const below = viewport.height - m - rect.bottom;
  const above = rect.top - m;
  const side = height > below && (height <= above || above > below) ? 'above' : 'below';
  const top = clamp(side === 'below' ? rect.bottom : rect.top - height, m, viewport.height - m - height);

  // Inline axis, in physical px: `startward` is where the box lies when its start edge is on the anchor's start.
  const atStart = rtl ? rect.right - width : rect.left;
  const atEnd = rtl ? rect.left : rect.right - width;
  const fits = (left: number) => left >= m && left + width <= viewport.width - m;
  const preferred = isPoint ? (rtl ? rect.left - width : rect.left) : align === 'start' ? atStart : atEnd;
  const flipped = isPoint ? (rtl ? rect.left : rect.left - width) : align === 'start' ? atEnd : atStart;
  const left = clamp(fits(preferred) || !fits(flipped) ? preferred : flipped, m, viewport.width - m - width);

  return { left: Math.round(left), top: Math.round(top), side };
}

/** `value` within [min, max]; `min` wins when the box is larger than the room (its start stays visible). */
function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
