import { useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { ConversationGroupsResult } from '../../react/useConversationGroups.js';
import type { ActiveGroup } from './useActiveGroup.js';

/** A group's open menu. `point`: where a right click asked for it (it opens there, as a row's does); else next to the trigger. */
export type GroupMenu = { name: string; initialFocus: 'first' | 'last'; fromOptionsButton: boolean; point?: { clientX: number; clientY: number } };

/** The open create, rename or delete dialog; `create` has no name. */
export type GroupDialog = { kind: 'create' | 'rename' | 'delete'; name: string };

export interface GroupEditingOptions extends Pick<ConversationGroupsResult, 'createGroup' | 'renameGroup' | 'deleteGroup'>,
    Pick<ActiveGroup, 'setValue' | 'latestValue'> {
  /** Whether groups can be edited at all; without it no tab has a menu. */
  isEditable: boolean;
  /** Set to the element that opens a menu or dialog, so focus can return to it (see `useReturnFocus`). */
  triggerRef: RefObject<HTMLElement | null>;
}

export interface GroupEditing {
  menu: GroupMenu | null;
  dialog: GroupDialog | null;
  openMenu: (name: string, trigger: HTMLElement, initialFocus?: 'first' | 'last', point?: { clientX: number; clientY: number }) => void;
  closeMenu: () => void;
  /** Opens a dialog (closing the menu); `trigger` when it was opened from outside the menu. */
  openDialog: (kind: GroupDialog['kind'], name: string, trigger?: HTMLElement) => void;
  closeDialog: () => void;
  /** A tab's right click, which opens its group's menu at the pointer; none (the browser's menu) for All. */
  tabContextMenu: (name: string | null) => ((event: MouseEvent<HTMLElement>) => void) | undefined;
  /** The "⋯" menu button of the active group: a click toggles the menu, ArrowDown or ArrowUp opens it on its first or last item. */
  optionsButtonHandlers: (name: string) => { onClick: (event: MouseEvent<HTMLElement>) => void; onKeyDown: (event: KeyboardEvent<HTMLElement>) => void };
  /** Saves the name dialog: creates the group and selects it, or renames it. Rejects with the failure, which the dialog shows. */
  submitName: (name: string) => Promise<void>;
  /** Confirms the delete dialog. Rejects with the failure, which the dialog shows. */
  confirmDelete: () => Promise<void>;
}

/**
 * Which group menu or dialog is open, and what saving one does to the selection: a created group is selected at
 * once; renaming the active group keeps it active under its new name, and back under the old one if the rename fails
 * (the store shows it optimistically and rolls it back); deleting the active group selects All.
 */
export function useGroupEditing({
  createGroup,
  renameGroup,
  deleteGroup,
  setValue,
  latestValue,
  isEditable,
  triggerRef,
}: GroupEditingOptions): GroupEditing {
  const [menu, setMenu] = useState<GroupMenu | null>(null);
  const [dialog, setDialog] = useState<GroupDialog | null>(null);

  const openMenu: GroupEditing['openMenu'] = (name, trigger, initialFocus = 'first', point) => {
    triggerRef.current = trigger;
    setMenu({ name, initialFocus, fromOptionsButton: trigger.classList.contains('ik-GroupTabs-options'), point });
  };
  const openDialog: GroupEditing['openDialog'] = (kind, name, trigger) => {
    if (trigger) triggerRef.current = trigger;
    setMenu(null);
    setDialog({ kind, name });
  };

  const tabContextMenu: GroupEditing['tabContextMenu'] = (name) => {
    if (name === null || !isEditable) return undefined;
    return (event) => {
      event.preventDefault();
      openMenu(name, event.currentTarget, 'first', { clientX: event.clientX, clientY: event.clientY });
    };
  };
  const optionsButtonHandlers: GroupEditing['optionsButtonHandlers'] = (name) => ({
    onClick: (event) => {
      if (menu) setMenu(null);
      else openMenu(name, event.currentTarget);
    },
    onKeyDown: (event) => {
      if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
      event.preventDefault();
      openMenu(name, event.currentTarget, event.key === 'ArrowUp' ? 'last' : 'first');
    },
  });

  const submitName = async (name: string) => {
    if (!dialog) return;
    if (dialog.kind === 'create') {
      await createGroup(name);
      // The new group is shown at once: selected, and scrolled into view.
      setValue(name);
      return;
    }
    const oldName = dialog.name;
    const promise = renameGroup(oldName, name);
    // The rename shows at once (optimistic), so the active tab follows it and comes back on failure.
    const wasActive = latestValue() === oldName;
    if (wasActive) setValue(name);
    try {
      await promise;
    } catch (error) {
      if (wasActive && latestValue() === name) setValue(oldName);
      throw error;
    }
  };

  const confirmDelete = async () => {
    if (!dialog) return;
    await deleteGroup(dialog.name);
    if (latestValue() === dialog.name) setValue(null);
    // The tab that opened the dialog now shows another group: return focus to the active tab instead.
    if (triggerRef.current?.getAttribute('role') === 'tab') triggerRef.current = null;
  };

  return {
    menu,
    dialog,
    openMenu,
    closeMenu: () => setMenu(null),
    openDialog,
    closeDialog: () => setDialog(null),
    tabContextMenu,
    optionsButtonHandlers,
    submitName,
    confirmDelete,
  };
}
