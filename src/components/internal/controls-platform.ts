import { InboxError } from '../../core/errors.js';

/** Whether `<dialog>.showModal()` exists (jsdom and old browsers lack it; the dialog then renders inline). */
export function supportsModalDialog(): boolean {
  return typeof HTMLDialogElement !== 'undefined' && typeof HTMLDialogElement.prototype.showModal === 'function';
}

/** Whether the `popover` attribute is supported (menus then render in the top layer, above overflow clipping). */
export function supportsPopover(): boolean {
  return typeof HTMLElement !== 'undefined' && typeof HTMLElement.prototype.showPopover === 'function';
}

/** `scrollIntoView` where it exists (jsdom lacks it). */
export function scrollIntoViewIfPossible(element: Element | null | undefined): void {
  if (element && typeof element.scrollIntoView === 'function') {
    element.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }
}

/** Focuses an element that is still in the document, without scrolling the page when the browser allows it. */
export function focusIfConnected(element: Element | null | undefined): boolean {
  if (!element || !element.isConnected || typeof (element as HTMLElement).focus !== 'function') return false;
  (element as HTMLElement).focus({ preventScroll: true });
  return document.activeElement === element;
}

/** The text direction an element is laid out in: its own or nearest `dir`, else the computed style. */
export function directionOf(element: Element | null | undefined, explicit?: 'ltr' | 'rtl'): 'ltr' | 'rtl' {
  if (explicit) return explicit;
  const attribute = element?.closest('[dir]')?.getAttribute('dir')?.toLowerCase();
  if (attribute === 'rtl' || attribute === 'ltr') return attribute;
  if (element && typeof getComputedStyle === 'function') {
    return getComputedStyle(element).direction === 'rtl' ? 'rtl' : 'ltr';
  }
  return 'ltr';
}

/** A CSS ident from a React id (`:r1:` in React 18, `«r1»` in 19), for anchor names. */
export function toIdent(id: string): string {
  return id.replace(/[^a-zA-Z0-9_-]/g, '');
}

/** The message of anything a command rejected with. */
export function errorMessage(error: unknown): string {
  if (error instanceof InboxError || error instanceof Error) return error.message;
  return String(error);
}
