import type { KeyboardEvent } from 'react';
import { focusIfConnected, isRtl } from '../internal/dom.js';

export interface TabKeyboardOptions {
  /** The value of each tab, in order: `null` for All, then the groups. */
  tabValues: readonly (string | null)[];
  /** Text direction for the arrow keys; read from the layout when absent. */
  dir: 'ltr' | 'rtl' | undefined;
  /** Whether a group's menu, rename and delete keys apply. */
  isEditable: boolean;
  /** Selects the tab focus moved to. */
  onSelect: (value: string | null) => void;
  /** The context-menu key or Shift+F10 on a group's tab. */
  onOpenMenu: (name: string, tab: HTMLElement) => void;
  /** F2 (rename) or Delete on a group's tab. */
  onOpenDialog: (kind: 'rename' | 'delete', name: string, tab: HTMLElement) => void;
}

/**
 * The tab list's keyboard handling (WAI-ARIA tabs with automatic activation). The list is one tab stop: only the
 * active tab has `tabIndex` 0, so the arrow keys (mirrored in right-to-left), Home and End move focus and activate
 * together, wrapping at the ends. On a group's tab, the context-menu key or Shift+F10 opens its menu, F2 renames and
 * Delete deletes. Returns the list's `onKeyDown`; it finds the tabs in the DOM, in the order of `tabValues`.
 */
export function useTabKeyboard({ tabValues, dir, isEditable, onSelect, onOpenMenu, onOpenDialog }: TabKeyboardOptions) {
  return (event: KeyboardEvent<HTMLElement>) => {
    // Alt+arrows navigate the browser's history; Ctrl/Meta combinations belong to the app.
    if (event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = Array.from(event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]'));
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const tab = tabs[index]!;
    const name = tabValues[index];
    const step = isRtl(tab, dir) ? -1 : 1;
    const { key } = event;
    let next: number;
    if (key === 'ArrowRight') next = index + step;
    else if (key === 'ArrowLeft') next = index - step;
    else if (key === 'Home') next = 0;
    else if (key === 'End') next = tabs.length - 1;
    else {
      if (name == null || !isEditable) return;
      if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) onOpenMenu(name, tab);
      else if (key === 'F2') onOpenDialog('rename', name, tab);
      else if (key === 'Delete') onOpenDialog('delete', name, tab);
      else return;
      event.preventDefault();
      return;
    }
    event.preventDefault();
    next = (next + tabs.length) % tabs.length;
    focusIfConnected(tabs[next]);
    onSelect(tabValues[next] ?? null);
  };
}
