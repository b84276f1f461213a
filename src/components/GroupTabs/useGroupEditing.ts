import { useState, type KeyboardEvent, type MouseEvent, type RefObject } from 'react';
import type { ConversationId, OperationResult } from '../../core/types.js';
import type { ConversationGroupsResult } from '../../react/useConversationGroups.js';
import { saveMembership } from './saveMembership.js';
import type { ActiveGroup } from './useActiveGroup.js';

/** A group's open menu. `point`: where a right click asked for it (it opens there, as a row's does); else next to the trigger. */
export type GroupMenu = { name: string; initialFocus: 'first' | 'last'; fromOptionsButton: boolean; point?: { clientX: number; clientY: number } };

/** The open create, rename, delete or members ("add or remove conversations") dialog; `create` has no name. */
export type GroupDialog = { kind: 'create' | 'rename' | 'delete' | 'members'; name: string };

/**
 * Conversations a save did not put in or take out of a group, each with its backend's code: `add` after a create
 * (only additions), `change` after a members save (either way).
 */
export type GroupFailures = { name: string; kind: 'add' | 'change'; failed: OperationResult['failed'] };

export interface GroupEditingOptions
  extends Pick<ConversationGroupsResult, 'createGroup' | 'renameGroup' | 'deleteGroup' | 'addToGroup' | 'removeFromGroup'>,
    Pick<ActiveGroup, 'setValue' | 'latestValue'> {
  /** Whether groups can be edited at all; without it no tab has a menu. */
  isEditable: boolean;
  /** Set to the element that opens a menu or dialog, so focus can return to it (see `useReturnFocus`). */
  triggerRef: RefObject<HTMLElement | null>;
  /** The group's members as the user sees them, which a members save starts from. */
  membersOf: (name: string) => readonly ConversationId[];
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
  /**
   * Saves the name dialog: creates the group with `ids` and selects it, or renames it. Rejects with the failure, which
   * the dialog shows.
   */
  submitName: (name: string, ids?: readonly ConversationId[]) => Promise<void>;
  /** Confirms the delete dialog. Rejects with the failure, which the dialog shows. */
  confirmDelete: () => Promise<void>;
  /** Saves the members dialog's choice as the group's members. Rejects when a whole call fails, which the dialog shows. */
  saveMembers: (chosen: ReadonlySet<ConversationId>) => Promise<void>;
  /**
   * The conversations the last create or members save could not put in or take out (the group itself was saved):
   * kept for the tabs to report, since the dialog has closed, until dismissed or the next save.
   */
  failures: GroupFailures | null;
  dismissFailures: () => void;
}

/**
 * Which group menu or dialog is open, and what saving one does to the selection: a created group is selected at
 * once; renaming the active group keeps it active under its new name, and back under the old one if the rename fails
 * (the store shows it optimistically and rolls it back); deleting the active group selects All. A create or members
 * save that the backend took only in part closes its dialog (the group is saved) and keeps the refused conversations
 * for the tabs to report.
 */
export function useGroupEditing({
  createGroup,
  renameGroup,
  deleteGroup,
  addToGroup,
  removeFromGroup,
  membersOf,
  setValue,
  latestValue,
  isEditable,
  triggerRef,
}: GroupEditingOptions): GroupEditing {
  const [menu, setMenu] = useState<GroupMenu | null>(null);
  const [dialog, setDialog] = useState<GroupDialog | null>(null);
  const [failures, setFailures] = useState<GroupFailures | null>(null);
  const report = (name: string, kind: GroupFailures['kind'], failed: OperationResult['failed']) =>
    setFailures(failed.length > 0 ? { name, kind, failed } : null);

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

  const submitName = async (name: string, ids: readonly ConversationId[] = []) => {
    if (!dialog) return;
    if (dialog.kind === 'create') {
      const result = await createGroup(name, ids);
      // The new group is shown at once: selected, and scrolled into view.
      setValue(name);
      report(name, 'add', result.failed);
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

  const saveMembers = async (chosen: ReadonlySet<ConversationId>) => {
    if (!dialog) return;
    const { name } = dialog;
    report(name, 'change', await saveMembership({ addToGroup, removeFromGroup }, name, membersOf(name), chosen));
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
    saveMembers,
    failures,
    dismissFailures: () => setFailures(null),
  };
}
