import { useRef, useState, type RefObject } from 'react';
import { activeTabIn } from './GroupTab.js';

export interface ReturnFocus {
  /** The element that opened the menu or dialog; set it when one opens, clear it when that element changes meaning. */
  triggerRef: RefObject<HTMLElement | null>;
  /** Where focus goes when the menu or dialog closes: the trigger while it is in the document, else the active tab. */
  returnFocusRef: RefObject<HTMLElement | null>;
}

/**
 * Where focus returns when a group's menu or dialog closes. Usually the element that opened it, but a delete removes
 * that tab and a remote change can re-render it away, and focus must not fall to the page: then the active tab takes
 * it. A ref whose `current` is computed when read, so the menu and the dialogs decide at the moment they close.
 */
export function useReturnFocus(listRef: RefObject<HTMLElement | null>): ReturnFocus {
  const triggerRef = useRef<HTMLElement | null>(null);
  const [returnFocusRef] = useState<RefObject<HTMLElement | null>>(() => ({
    get current() {
      const trigger = triggerRef.current;
      return trigger?.isConnected ? trigger : activeTabIn(listRef.current);
    },
  }));
  return { triggerRef, returnFocusRef };
}
