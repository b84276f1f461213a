'use client';
import { clampText } from '../internal/clampText.js';
import type { HTMLAttributes, ReactNode, RefObject } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { InboxState } from '../../core/store.js';
import { failureError } from '../../core/failureError.js';
import type { ConversationId, ConversationMark, MuteMode } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { useConversation, useConversationStatus } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { useInboxSelector } from '../../react/useInboxSelector.js';
import { useControllableState, useIdent } from '../internal/hooks.js';
import { useMessages, type ControlsMessageId } from '../internal/i18n.js';
import { itemMessages } from '../internal/messages/item.js';
import { actionsMessages } from '../internal/messages/actions.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { Menu, MenuItem, type MenuAnchor, menuTriggerKeyDown } from '../internal/Menu.js';
import { forwardRef, useRef, useState } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { displayTitle } from '../ConversationItem/displayTitle.js';
import { errorText } from './errorText.js';
import { DeleteDialog } from './DeleteDialog.js';
import { NewGroupDialog } from './NewGroupDialog.js';
import { ReasonMenuItem } from './ReasonMenuItem.js';
import { ErrorNotice, useCommand } from './shared.js';

/** State of `ConversationActions`, for `className` and `style` functions. */
export interface ConversationActionsRenderProps {
  /**
   * The menu is open.
   * @selector [data-open]
   */
  isOpen: boolean;
  /**
   * A command on the conversation is in flight (from this menu or elsewhere).
   * @selector [data-pending]
   */
  isPending: boolean;
  /**
   * The last command from this menu failed (rolled back) and the reason is shown.
   * @selector [data-error]
   */
  hasError: boolean;
}

export interface ConversationActionsProps
  extends StyleRenderProps<ConversationActionsRenderProps>,
    Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'id' | 'children' | 'onError' | 'dir'> {
  /** The conversation the actions apply to. */
  id: ConversationId;
  /** Whether the menu is open (controlled), e.g. opened by the list from a row's actions key. */
  open?: boolean;
  /** Whether the menu starts open when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the menu asks to open or close (trigger, Escape, Tab, a choice, a press outside). */
  onOpenChange?: (open: boolean) => void;
  /**
   * Render no trigger button: the menu is opened only through `open`. Focus then returns to whatever had focus
   * when it opened (the list row).
   * @default false
   */
  hideTrigger?: boolean;
  /** Content of the trigger button; its accessible name stays "Actions for {title}". @default "⋯" */
  triggerContent?: ReactNode;
  /** The mode "Mute notifications" sets. @default 'silent' */
  mutedMode?: Exclude<MuteMode, 'none'>;
  /**
   * The conversations selected with this one, for "New group from selection…": given two or more that include
   * `id`, a new group starts with all of them; otherwise with this conversation alone ("New group with this
   * conversation…").
   * @default [id]
   */
  selectedIds?: readonly ConversationId[];
  /**
   * Where the menu opens: the `details` that `ConversationList`'s `onItemActions` gives (at the pointer for a right
   * click or long press, at the row for the keyboard), an element, or `{ clientX, clientY }`. The menu is flipped and
   * shifted to stay in the viewport. @default the trigger button
   */
  anchor?: ConversationActionsAnchor | null;
  /** Text direction of the menu. Inherited when absent. */
  dir?: 'ltr' | 'rtl';
  /** Called after the conversation was deleted. */
  onDeleted?: (id: ConversationId) => void;
  /** Called when a command fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

/** Where `ConversationActions` opens its menu: an element, or a point with an element to fall back on. */
export type ConversationActionsAnchor = MenuAnchor;

const selectPinLimitReached = (state: InboxState) => state.pinnedCount >= state.capabilities.maxPinned;
const selectNever = () => false;

/** The marks the menu sets, in its order, with the messages of the item when the mark is off and on. */
const MARK_ITEMS: readonly { mark: Exclude<ConversationMark, 'unread'>; off: ControlsMessageId; on: ControlsMessageId }[] = [
  { mark: 'star', off: 'actions.star', on: 'actions.unstar' },
  { mark: 'fold', off: 'actions.fold', on: 'actions.unfold' },
  { mark: 'hide', off: 'actions.hide', on: 'actions.unhide' },
];

/**
 * A menu button and menu for one conversation: pin, mute, mark as read or unread, star, fold, hide, group
 * membership (checkbox items), a new group that starts with the conversation (or the selection), and delete with a
 * confirmation that offers to clear the history. What the backend cannot do stays in the menu, disabled, and says
 * why (`capabilities.marks`, `muteModes`, `groups`, the limits). Every command is optimistic; a failure is shown
 * inline (`role="alert"`) in the user's language where its code says what went wrong.
 *
 * The menu is a roving-focus `role="menu"`: arrows, Home/End and type-ahead move; Enter or Space choose; Escape
 * and Tab close and return focus. The ref is the wrapper's.
 */
export const ConversationActions = forwardRef<HTMLDivElement, ConversationActionsProps>(function ConversationActions(
  {
    id,
    open: openProp,
    defaultOpen = false,
    onOpenChange,
    hideTrigger = false,
    triggerContent,
    mutedMode = 'silent',
    selectedIds,
    anchor,
    dir,
    onDeleted,
    onError,
    className,
    style,
    ...rest
  },
  ref,
) {
  const t = useMessages(actionsMessages, controlsMessages, itemMessages);
  const store = useInboxStore(undefined, 'ConversationActions');
  const conversation = useConversation(id);
  const actions = useConversationActions();
  const { groups, capabilities, canCreateGroup, createGroup, addToGroup, removeFromGroup } = useConversationGroups();
  const { isPending } = useConversationStatus(id);
  const command = useCommand(onError);
  const [openState, setOpen] = useControllableState(openProp !== undefined, openProp ?? false, defaultOpen, onOpenChange);
  const isOpen = openState && !!conversation;
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const [deleting, setDeleting] = useState<string | null>(null);
  // The ids a new group starts with, while its name dialog is open.
  const [grouping, setGrouping] = useState<readonly ConversationId[] | null>(null);
  const pinLimitReached = useInboxSelector(store, isOpen && !conversation.isPinned ? selectPinLimitReached : selectNever);

  const triggerRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<Element | null>(null);
  // Focus goes back to what opened the menu (the trigger, or the list row), else to the trigger.
  const [returnFocusRef] = useState<RefObject<HTMLElement | null>>(() => ({
    get current() {
      const opener = openerRef.current;
      return opener instanceof HTMLElement && opener.isConnected && opener !== document.body ? opener : triggerRef.current;
    },
  }));
  const baseId = useIdent('ik-actions');
  const menuId = `${baseId}-menu`;

  if (!conversation && deleting === null && grouping === null && !command.error) return null;
  const title = conversation ? clampText(displayTitle(conversation, t)) : '';
  // A new group starts with the selection when this row is part of one, else with this row alone.
  const groupIds = selectedIds && selectedIds.length > 1 && selectedIds.includes(id) ? selectedIds : [id];

  const hasError = !!command.error;
  const openMenu = (focus: 'first' | 'last') => {
    setInitialFocus(focus);
    setOpen(true);
  };

  let menu: ReactNode;
  if (isOpen) {
    const { isPinned, groupNames } = conversation;
    const isMuted = conversation.muteMode !== 'none';
    // The mode the item sets, among those the backend can set on this kind of conversation (Tencent's system
    // conversation allows none: the item is then disabled and says so, instead of failing after the click).
    const allowedModes = capabilities.muteModes?.[conversation.kind];
    const wanted: MuteMode = isMuted ? 'none' : mutedMode;
    const muteTarget = !allowedModes || allowedModes.includes(wanted) ? wanted : isMuted ? undefined : allowedModes.find((mode) => mode !== 'none');
    const run = (action: () => Promise<unknown>) => () => void command.run(action);
    const unsupported = t('actions.unsupported');
    const marks = conversation.marks ?? [];
    const canMark = (mark: ConversationMark) => capabilities.marks.includes(mark);
    const isUnread = conversation.unreadCount > 0 || conversation.mentions.length > 0 || marks.includes('unread');
    const groupReason =
      capabilities.groups === 'none' ? unsupported : canCreateGroup ? undefined : t('actions.groupLimit', { max: capabilities.maxGroups });
    menu = (
      <Menu
        id={menuId}
        className="ik-ConversationActions-menu"
        aria-label={t('actions.menu', { title })}
        initialFocus={initialFocus}
        onClose={() => setOpen(false)}
        anchorRef={triggerRef}
        returnFocusRef={returnFocusRef}
        onOpen={(previouslyFocused) => {
          openerRef.current = previouslyFocused;
        }}
        anchor={anchor}
        dir={dir}
      >
        <MenuItem
          isDisabled={!isPinned && pinLimitReached}
          data-action={isPinned ? 'unpin' : 'pin'}
          onSelect={run(() => actions.pin(id, !isPinned))}
        >
          {isPinned ? t('actions.unpin') : pinLimitReached ? t('actions.pinLimit', { max: capabilities.maxPinned }) : t('actions.pin')}
        </MenuItem>
        <MenuItem
          data-action={isMuted ? 'unmute' : 'mute'}
          isDisabled={muteTarget === undefined}
          onSelect={run(() => actions.setMuteMode(id, muteTarget!))}
        >
          {t(muteTarget === undefined ? 'actions.muteUnsupported' : isMuted ? 'actions.unmute' : 'actions.mute')}
        </MenuItem>
        {/* Read clears the unread mark too; marking unread needs the mark (a dot on the row). */}
        {isUnread ? (
          <MenuItem data-action="markRead" onSelect={run(() => actions.markRead(id))}>
            {t('actions.markRead')}
          </MenuItem>
        ) : (
          <ReasonMenuItem
            id={`${baseId}-markUnread`}
            data-action="markUnread"
            reason={canMark('unread') ? undefined : unsupported}
            onSelect={run(() => actions.setMark([id], 'unread', true))}
          >
            {t('actions.markUnread')}
          </ReasonMenuItem>
        )}
        {MARK_ITEMS.map(({ mark, off, on }) => {
          const isOn = marks.includes(mark);
          return (
            <ReasonMenuItem
              key={mark}
              id={`${baseId}-${mark}`}
              data-action={`${isOn ? 'un' : ''}${mark}`}
              reason={canMark(mark) ? undefined : unsupported}
              onSelect={run(() => actions.setMark([id], mark, !isOn))}
            >
              {t(isOn ? on : off)}
            </ReasonMenuItem>
          );
        })}
        <div role="separator" className="ik-Menu-separator" />
        {capabilities.groups === 'none' || !groups.length ? (
          <MenuItem isDisabled>
            {t(capabilities.groups === 'none' ? 'actions.groupsUnsupported' : 'actions.noGroups')}
          </MenuItem>
        ) : (
          <div role="group" aria-label={t('actions.moveToGroup')} className="ik-Menu-group">
            <div role="none" aria-hidden="true" className="ik-Menu-groupLabel">
              {t('actions.moveToGroup')}
            </div>
            {groups.map(({ name }) => {
              const isMember = groupNames.includes(name);
              return (
                <MenuItem key={name} isChecked={isMember} onSelect={run(() => (isMember ? removeFromGroup : addToGroup)(name, [id]))}>
                  <span className="ik-Menu-check" aria-hidden="true">
                    {isMember ? '✓' : ''}
                  </span>
                  <span className="ik-Menu-itemLabel">{name}</span>
                </MenuItem>
              );
            })}
          </div>
        )}
        <ReasonMenuItem
          id={`${baseId}-newGroup`}
          data-action="newGroup"
          reason={groupReason}
          onSelect={() => {
            command.dismiss();
            setGrouping(groupIds);
          }}
        >
          {t(groupIds.length > 1 ? 'actions.newGroupFromSelection' : 'actions.newGroup')}
        </ReasonMenuItem>
        <div role="separator" className="ik-Menu-separator" />
        <MenuItem
          data-action="delete"
          data-danger=""
          onSelect={() => {
            command.dismiss();
            setDeleting(title);
          }}
        >
          {t('actions.delete')}
        </MenuItem>
      </Menu>
    );
  }

  return (
    <div
      {...rest}
      ref={ref}
      {...resolveStyleProps('ik-ConversationActions', className, style, { isOpen, isPending, hasError })}
      data-open={dataFlag(isOpen)}
      data-pending={dataFlag(isPending)}
      data-error={dataFlag(hasError)}
    >
      {conversation && !hideTrigger && (
        <button
          ref={triggerRef}
          type="button"
          className="ik-ConversationActions-trigger"
          aria-label={t('actions.trigger', { title })}
          aria-haspopup="menu"
          aria-expanded={isOpen}
          aria-controls={isOpen ? menuId : undefined}
          onClick={() => (isOpen ? setOpen(false) : openMenu('first'))}
          onKeyDown={menuTriggerKeyDown(openMenu)}
        >
          {triggerContent ?? <span aria-hidden="true">⋯</span>}
        </button>
      )}
      {menu}
      {command.error && (
        <ErrorNotice
          className="ik-ConversationActions-error"
          message={errorText(command.error, t, capabilities)}
          dismissLabel={t('controls.dismiss')}
          onDismiss={command.dismiss}
        />
      )}
      {grouping !== null && (
        <NewGroupDialog
          id={`${baseId}-newGroup-dialog`}
          startsWith={grouping.length > 1 ? { count: grouping.length } : { title }}
          groups={groups}
          capabilities={capabilities}
          returnFocusRef={returnFocusRef}
          onDismiss={() => setGrouping(null)}
          onSubmit={async (name) => {
            let result;
            try {
              result = await createGroup(name, grouping);
            } catch (error) {
              onError?.(error as InboxError);
              throw error;
            }
            // The group exists: the dialog closes, and the conversations it could not take are named beside the menu.
            const failed = result.failed[0];
            if (failed) command.report(failureError(failed, 'createGroup'));
          }}
        />
      )}
      {deleting !== null && (
        <DeleteDialog
          id={`${baseId}-delete`}
          title={t('actions.deleteTitle', { title: deleting })}
          isServerDelete={capabilities.serverDelete}
          returnFocusRef={returnFocusRef}
          onDismiss={() => setDeleting(null)}
          onConfirm={async (clearHistory) => {
            try {
              await actions.deleteConversation(id, { clearHistory });
            } catch (error) {
              onError?.(error as InboxError);
              throw error;
            }
            onDeleted?.(id);
          }}
        />
      )}
    </div>
  );
});
