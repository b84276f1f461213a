import { useState, type KeyboardEvent } from 'react';
import type { ConversationId } from '../../core/types.js';

export interface PickerNavigation {
  /** The option the keyboard is on (`aria-activedescendant`), -1 when there is none. */
  activeIndex: number;
  setActive: (id: ConversationId) => void;
  /** The listbox's keys: arrows, Home and End move; Space chooses or unchooses. Enter is left to the form. */
  onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
}

/**
 * The active option of a multi-select listbox that keeps focus itself (`aria-activedescendant`), so the search
 * field and the list are two tab stops whatever the list's length. The active option is kept by conversation id, not
 * by position: when a message moves a conversation the keyboard stays on it; when it leaves the list, on the first.
 */
export function usePickerNavigation(ids: readonly ConversationId[], toggle: (id: ConversationId) => void, isDisabled: (id: ConversationId) => boolean): PickerNavigation {
  const [activeId, setActiveId] = useState<ConversationId | null>(null);
  const found = activeId === null ? -1 : ids.indexOf(activeId);
  const activeIndex = found >= 0 ? found : ids.length > 0 ? 0 : -1;

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey || ids.length === 0) return;
    const moveTo = (index: number) => setActiveId(ids[Math.max(0, Math.min(ids.length - 1, index))]!);
    switch (event.key) {
      case 'ArrowDown':
        moveTo(activeIndex + 1);
        break;
      case 'ArrowUp':
        moveTo(activeIndex - 1);
        break;
      case 'Home':
        moveTo(0);
        break;
      case 'End':
        moveTo(ids.length - 1);
        break;
      case ' ': {
        const id = ids[activeIndex]!;
        if (!isDisabled(id)) toggle(id);
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  return { activeIndex, setActive: setActiveId, onKeyDown };
}
