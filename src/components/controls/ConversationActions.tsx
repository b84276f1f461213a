'use client';
import {
  forwardRef,
  useId,
  useRef,
  useState,
  type HTMLAttributes,
  type KeyboardEvent,
  type ReactNode,
  type RefObject,
} from 'react';
import type { InboxError } from '../../core/errors.js';
import type { InboxState } from '../../core/store.js';
import type { ConversationId, MuteMode } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { useConversation, useConversationStatus } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { useInboxSelector } from '../../react/useInboxSelector.js';
import { ControlsMenu, ControlsMenuItem } from '../internal/controls-Menu.js';
import { toIdent } from '../internal/controls-platform.js';
import { useControllableState } from '../internal/controls-useControllableState.js';
import { useMessages } from '../internal/i18n.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { DeleteConversationDialog } from './DeleteConversationDialog.js';
import { ErrorNotice, useErrorText } from './ErrorNotice.js';
import { controlsMessages } from './messages.js';
import { useCommand } from './useCommand.js';

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
  /** Text direction of the menu. Inherited when absent. */
  dir?: 'ltr' | 'rtl';
  /** Called after the conversation was deleted. */
  onDeleted?: (id: ConversationId) => void;
  /** Called when a command fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

function selectPinLimitReached(state: InboxState): boolean {
  return state.pinnedCount >= state.capabilities.maxPinned;
}
const selectNever = (): boolean => false;

/**
 * A menu button and menu for one conversation: pin, mute, mark as read, group membership (checkbox items) and
 * delete with a confirmation that offers to clear the history. Items a backend cannot do are disabled. Every
 * command is optimistic; a failure is shown inline (`role="alert"`) with the backend's reason.
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
    dir,
    onDeleted,
    onError,
    className,
    style,
    ...rest
  },
  ref,
) {
  const t = useMessages(controlsMessages);
  const errorText = useErrorText();
  const store = useInboxStore(undefined, 'ConversationActions');
  const conversation = useConversation(id);
  const actions = useConversationActions();
  const { groups, capabilities, addToGroup, removeFromGroup } = useConversationGroups();
  const { isPending } = useConversationStatus(id);
  const command = useCommand(onError);
  const [openState, setOpen] = useControllableState(openProp !== undefined, openProp ?? false, defaultOpen, onOpenChange);
  const isOpen = openState && conversation !== undefined;
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const [deleting, setDeleting] = useState<{ title: string } | null>(null);
  const pinLimitReached = useInboxSelector(store, isOpen && conversation?.isPinned === false ? selectPinLimitReached : selectNever);

  const triggerRef = useRef<HTMLButtonElement>(null);
  const openerRef = useRef<Element | null>(null);
  // Focus goes back to what opened the menu (the trigger, or the list row), else to the trigger.
  const [returnFocusRef] = useState<RefObject<HTMLElement | null>>(() => ({
    get current() {
      const opener = openerRef.current;
      if (opener instanceof HTMLElement && opener.isConnected && opener !== document.body) return opener;
      return triggerRef.current;
    },
  }));
  const baseId = `ik-actions${toIdent(useId())}`;
  const menuId = `${baseId}-menu`;
  const anchorName = `--${baseId}-anchor`;

  if (!conversation && !deleting && !command.error) return null;

  const state: ConversationActionsRenderProps = { isOpen, isPending, hasError: command.error !== null };
  const resolved = resolveStyleProps('ik-ConversationActions', { className, style }, state);
  const title = conversation?.title ?? deleting?.title ?? '';

  const openMenu = (focus: 'first' | 'last') => {
    setInitialFocus(focus);
    setOpen(true);
  };
  const onTriggerKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  let menu: ReactNode = null;
  if (isOpen && conversation) {
    const isPinned = conversation.isPinned;
    const isMuted = conversation.muteMode !== 'none';
    const hasUnread = conversation.unreadCount > 0 || conversation.mentions.length > 0;
    let groupItems: ReactNode;
    if (capabilities.groups === 'none' || groups.length === 0) {
      groupItems = (
        <ControlsMenuItem className="ik-Menu-item" isDisabled onSelect={() => undefined}>
          {capabilities.groups === 'none' ? t('actions.groupsUnsupported') : t('actions.noGroups')}
        </ControlsMenuItem>
      );
    } else {
      groupItems = (
        <div role="group" aria-label={t('actions.moveToGroup')} className="ik-Menu-group">
          <div role="none" aria-hidden="true" className="ik-Menu-groupLabel">
            {t('actions.moveToGroup')}
          </div>
          {groups.map((group) => {
            const isMember = conversation.groupNames.includes(group.name);
            return (
              <ControlsMenuItem
                key={group.name}
                className="ik-Menu-item"
                isChecked={isMember}
                onSelect={() =>
                  void command.run(() => (isMember ? removeFromGroup(group.name, [id]) : addToGroup(group.name, [id])))
                }
              >
                <span className="ik-Menu-check" aria-hidden="true">
                  {isMember ? '✓' : ''}
                </span>
                <span className="ik-Menu-itemLabel">{group.name}</span>
              </ControlsMenuItem>
            );
          })}
        </div>
      );
    }

    menu = (
      <ControlsMenu
        id={menuId}
        className="ik-ConversationActions-menu ik-Menu"
        aria-label={t('actions.menu', { title })}
        initialFocus={initialFocus}
        onClose={() => setOpen(false)}
        anchorRef={triggerRef}
        returnFocusRef={returnFocusRef}
        onOpen={(previouslyFocused) => {
          openerRef.current = previouslyFocused;
        }}
        anchorName={hideTrigger ? undefined : anchorName}
        dir={dir}
      >
        <ControlsMenuItem
          className="ik-Menu-item"
          isDisabled={!isPinned && pinLimitReached}
          data-action={isPinned ? 'unpin' : 'pin'}
          onSelect={() => void command.run(() => actions.pin(id, !isPinned))}
        >
          {isPinned ? t('actions.unpin') : pinLimitReached ? t('actions.pinLimit', { max: capabilities.maxPinned }) : t('actions.pin')}
        </ControlsMenuItem>
        <ControlsMenuItem
          className="ik-Menu-item"
          data-action={isMuted ? 'unmute' : 'mute'}
          onSelect={() => void command.run(() => actions.setMuteMode(id, isMuted ? 'none' : mutedMode))}
        >
          {isMuted ? t('actions.unmute') : t('actions.mute')}
        </ControlsMenuItem>
        <ControlsMenuItem
          className="ik-Menu-item"
          data-action="markRead"
          isDisabled={!hasUnread}
          onSelect={() => void command.run(() => actions.markRead(id))}
        >
          {t('actions.markRead')}
        </ControlsMenuItem>
        <div role="separator" className="ik-Menu-separator" />
        {groupItems}
        <div role="separator" className="ik-Menu-separator" />
        <ControlsMenuItem
          className="ik-Menu-item"
          data-action="delete"
          data-danger=""
          onSelect={() => {
            command.dismiss();
            setDeleting({ title: conversation.title });
          }}
        >
          {t('actions.delete')}
        </ControlsMenuItem>
      </ControlsMenu>
    );
  }

  return (
    <div
      {...rest}
      ref={ref}
      className={resolved.className}
      style={resolved.style}
      data-open={dataFlag(isOpen)}
      data-pending={dataFlag(isPending)}
      data-error={dataFlag(command.error !== null)}
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
          style={isOpen ? { anchorName } : undefined}
          onClick={() => (isOpen ? setOpen(false) : openMenu('first'))}
          onKeyDown={onTriggerKeyDown}
        >
          {triggerContent ?? <span aria-hidden="true">⋯</span>}
        </button>
      )}
      {menu}
      {command.error && (
        <ErrorNotice
          className="ik-ConversationActions-error"
          message={errorText(command.error, capabilities.maxPinned)}
          onDismiss={command.dismiss}
        />
      )}
      {deleting && (
        <DeleteConversationDialog
          baseId={baseId}
          title={deleting.title}
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
