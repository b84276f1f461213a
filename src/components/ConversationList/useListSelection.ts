'use client';
import type { KeyboardEvent, MouseEvent } from 'react';
import type { InboxStore, ListFilter } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useConversationSelection } from '../../react/useConversationSelection.js';

export interface ListSelectionOptions {
  /** `multiple` turns the gestures on; `single` leaves the list as a one-row selection. */
  isMultiple: boolean;
  groupName: string | undefined;
  filter: ListFilter;
  store: InboxStore;
  selectedIds?: ReadonlySet<ConversationId>;
  defaultSelectedIds?: Iterable<ConversationId>;
  onSelectionChange?: (ids: ReadonlySet<ConversationId>) => void;
}

/** A key or click with the platform's "add to selection" modifier: ⌘ on Apple platforms, Ctrl elsewhere. */
export function hasToggleModifier(event: { ctrlKey: boolean; metaKey: boolean }): boolean {
  const apple = typeof navigator !== 'undefined' && /mac|iphone|ipad/i.test(navigator.platform);
  return apple ? event.metaKey : event.ctrlKey;
}

/**
 * The list's gestures for selecting many rows, over `useConversationSelection`: Ctrl/⌘+click toggles, Shift+click
 * and Shift+arrows extend a range from the anchor, Ctrl/⌘+A selects the whole list (group and filter), Escape clears,
 * Space toggles the focused row while a selection exists; on touch, a long press starts selecting and taps toggle.
 * Each handler returns whether it handled the event, so the list falls back to its single-row behaviour otherwise.
 */
export function useListSelection({ isMultiple, groupName, filter, store, selectedIds, defaultSelectedIds, onSelectionChange }: ListSelectionOptions) {
  const selection = useConversationSelection({ groupName, filter, store, selectedIds, defaultSelectedIds, onSelectionChange });
  const { count } = selection;

  /** Extends the range to `id`, starting it at `from` (the focused or current row) when there is no anchor yet. */
  const extend = (from: ConversationId | null, id: ConversationId) => {
    if (selection.anchor === null && from !== null && from !== id) selection.extendTo(from);
    selection.extendTo(id);
  };

  return {
    isMultiple,
    selection,
    count,
    /** Whether the row shows as selected in the multi-selection (undefined: the list's single selection decides). */
    isSelected: (id: ConversationId): boolean | undefined => (isMultiple && count > 0 ? selection.isSelected(id) : undefined),

    /** A click on a row: modifiers, or a tap while selecting on touch. `current` is the list's single selection. */
    onClick(id: ConversationId, event: MouseEvent, isTouch: boolean, current: ConversationId | null): boolean {
      if (!isMultiple) return false;
      if (event.shiftKey) {
        extend(current, id);
        return true;
      }
      if (hasToggleModifier(event) || (isTouch && count > 0)) {
        // The conversation open now joins the selection the first time, as in mail and file apps.
        if (count === 0 && current !== null && current !== id) selection.set([current]);
        selection.toggle(id);
        return true;
      }
      // A plain click selects one row: the multi-selection ends.
      if (count > 0) selection.clear();
      return false;
    },

    /** A long press on touch: selecting starts with the pressed row. */
    onLongPress(id: ConversationId): boolean {
      if (!isMultiple) return false;
      selection.toggle(id);
      return true;
    },

    /**
     * Keys on the grid. `move` moves focus to an index and returns the id there. Returns whether it handled the key.
     */
    onKeyDown(event: KeyboardEvent, focused: { id: ConversationId | null; index: number }, move: (index: number) => ConversationId | null): boolean {
      if (!isMultiple || event.altKey) return false;
      const { key } = event;
      if (event.shiftKey && (key === 'ArrowDown' || key === 'ArrowUp')) {
        const target = move(focused.index + (key === 'ArrowDown' ? 1 : -1));
        if (target !== null) extend(focused.id, target);
        return true;
      }
      if ((key === 'a' || key === 'A') && hasToggleModifier(event) && !event.shiftKey) {
        selection.selectAll();
        return true;
      }
      if (key === 'Escape' && count > 0) {
        selection.clear();
        return true;
      }
      if ((key === ' ' || key === 'Spacebar') && count > 0 && focused.id !== null) {
        selection.toggle(focused.id);
        return true;
      }
      return false;
    },
  };
}
