'use client';
import type { FocusEvent, KeyboardEvent } from 'react';
import { isRtl } from '../internal/dom.js';

const ITEM = 'button:not([hidden])';

/**
 * The keys of an ARIA toolbar: one tab stop (the last focused button), arrows move between the buttons (mirrored in
 * right-to-left layouts), Home and End jump to the ends. Tab indexes are kept on the buttons themselves, so buttons
 * added or removed later (a Retry) simply join in.
 */
export function useRovingToolbar() {
  const items = (toolbar: HTMLElement) => Array.from(toolbar.querySelectorAll<HTMLElement>(ITEM)).filter((item) => item.closest('[role="toolbar"]') === toolbar);

  const focusItem = (toolbar: HTMLElement, target: HTMLElement) => {
    for (const item of items(toolbar)) item.tabIndex = item === target ? 0 : -1;
    target.focus();
  };

  return {
    /** On the toolbar: the buttons after the first render take tabindex -1, except the first. */
    ref: (toolbar: HTMLElement | null) => {
      if (!toolbar) return;
      const all = items(toolbar);
      if (!all.some((item) => item.tabIndex === 0) || all.filter((item) => item.tabIndex === 0).length > 1) {
        all.forEach((item, i) => (item.tabIndex = i === 0 ? 0 : -1));
      }
    },
    onFocus: (event: FocusEvent<HTMLElement>) => {
      const target = event.target;
      if (!target.matches(ITEM)) return;
      for (const item of items(event.currentTarget)) item.tabIndex = item === target ? 0 : -1;
      // Where the buttons scroll sideways (a narrow bar), the focused one is brought wholly into view: focusing alone
      // leaves a half-visible button where it is.
      target.scrollIntoView?.({ block: 'nearest', inline: 'nearest' });
    },
    onKeyDown: (event: KeyboardEvent<HTMLElement>) => {
      const toolbar = event.currentTarget;
      const all = items(toolbar);
      const at = all.indexOf(event.target as HTMLElement);
      if (at < 0 || event.altKey || event.ctrlKey || event.metaKey) return;
      const forward = isRtl(toolbar) ? 'ArrowLeft' : 'ArrowRight';
      const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';
      let next: number;
      if (event.key === forward) next = (at + 1) % all.length;
      else if (event.key === backward) next = (at - 1 + all.length) % all.length;
      else if (event.key === 'Home') next = 0;
      else if (event.key === 'End') next = all.length - 1;
      else return;
      event.preventDefault();
      focusItem(toolbar, all[next]!);
    },
  };
}
