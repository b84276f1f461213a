/** Focuses an element that is still in the document, without scrolling the page; whether it took focus. */
export function focusIfConnected(element: Element | null | undefined): boolean {
  if (!element?.isConnected) return false;
  (element as HTMLElement).focus?.({ preventScroll: true });
  return document.activeElement === element;
}

/**
 * Whether an element is laid out right-to-left: `explicit` when given, else its computed direction (which also
 * covers a CSS `direction`) or the nearest `dir` attribute (for environments that compute no styles).
 */
export function isRtl(element: Element | null | undefined, explicit?: 'ltr' | 'rtl'): boolean {
  if (explicit) return explicit === 'rtl';
  return (
    !!element &&
    (element.ownerDocument.defaultView?.getComputedStyle(element).direction === 'rtl' ||
      element.closest('[dir]')?.getAttribute('dir')?.toLowerCase() === 'rtl')
  );
}

/** A CSS ident from any id (React's `:r1:` or `«r1»`, or the app's), for element ids and anchor names. */
export function toIdent(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '');
}

/** The message of anything a command rejected with. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Scrolls horizontally by `left` pixels (jsdom has no `scrollBy`). Smoothly unless the user prefers reduced motion:
 * the stylesheet's `scroll-behavior` decides.
 */
export function scrollByLeft(element: HTMLElement, left: number): void {
  if (typeof element.scrollBy === 'function') element.scrollBy({ left });
  else element.scrollLeft += left;
}
