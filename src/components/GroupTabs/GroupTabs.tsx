'use client';
import type { CSSProperties, HTMLAttributes, Ref } from 'react';
import type { ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { ErrorNotice } from '../controls/shared.js';
import { ConfirmDialog } from '../internal/Dialog.js';
import { useIdent } from '../internal/hooks.js';
import { useMessages } from '../internal/i18n.js';
import { itemMessages } from '../internal/messages/item.js';
import { groupTabsMessages } from '../internal/messages/groupTabs.js';
import { Menu, MenuItem } from '../internal/Menu.js';
import { forwardRef, useImperativeHandle, useRef } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps, type ValueOrFn } from '../internal/renderProps.js';
import { CreateGroupDialog } from './CreateGroupDialog.js';
import { GroupMembersDialog } from './GroupMembersDialog.js';
import { groupMembers } from './groupMembers.js';
import { GroupNameDialog } from './GroupNameDialog.js';
import { GroupTab, type GroupTabsTabRenderProps } from './GroupTab.js';
import { groupTabId } from './groupTabId.js';
import { useActiveGroup } from './useActiveGroup.js';
import { useActiveTabInView } from './useActiveTabInView.js';
import { useCreateAvailability } from './useCreateAvailability.js';
import { useFailureText } from './useFailureText.js';
import { useGroupEditing } from './useGroupEditing.js';
import { useOptionsButtonPlacement } from './useOptionsButtonPlacement.js';
import { useReturnFocus } from './useReturnFocus.js';
import { useTabDrop } from './useTabDrop.js';
import { useTabKeyboard } from './useTabKeyboard.js';
import { useTabOverflow } from './useTabOverflow.js';

/** What an app (or `Inbox`) can open in the tabs from elsewhere, through `controlsRef`. */
export interface GroupTabsControls {
  /**
   * Opens the "Add or remove conversations" dialog of a group, as its menu does; focus returns to `trigger` (else the
   * active tab) when it closes. Does nothing when the tabs are not editable.
   */
  editMembers(name: string, trigger?: HTMLElement | null): void;
}

/** State of the whole tab bar, for `className` and `style` functions. */
export interface GroupTabsRenderProps {
  /** The active group, `null` for All. */
  value: string | null;
  /**
   * The tabs are wider than the bar, so it scrolls (and shows its scroll buttons).
   * @selector [data-overflowing]
   */
  isOverflowing: boolean;
  /**
   * The backend's group limit is reached: creating is disabled, with an explanation.
   * @selector [data-at-limit]
   */
  isAtLimit: boolean;
  /**
   * "New group" is disabled, with the reason beside it: the group limit, or a backend that creates a group only
   * with a conversation in it while there is none.
   * @selector [data-create-disabled]
   */
  isCreateDisabled: boolean;
}

export interface GroupTabsProps
  extends StyleRenderProps<GroupTabsRenderProps>,
    Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'defaultValue' | 'onChange' | 'dir' | 'children'> {
  /**
   * The active group (controlled); `null` or `undefined` is All. Passing the prop at all, even as `undefined`,
   * makes the component controlled.
   */
  value?: string | null;
  /** The group active at first when uncontrolled. @default null (All) */
  defaultValue?: string | null;
  /** Called when the user picks a tab, and when the active group is renamed or deleted. `null` is All. */
  onValueChange?: (value: string | null) => void;
  /** Id of the panel the tabs control (the conversation list), set as `aria-controls` on every tab. */
  panelId?: string;
  /** Text direction for the arrow keys; read from the nearest `dir` attribute when absent. */
  dir?: 'ltr' | 'rtl';
  /** Accessible name of the tab list. @default localized "Conversation groups" */
  'aria-label'?: string;
  /** Offer create, rename, delete, and adding and removing conversations. @default true */
  isEditable?: boolean;
  /**
   * The conversations the app has selected (a multi-selection in its list, say): "New group" starts with them
   * chosen. Ids the store does not hold are ignored. Read only when "New group" opens.
   */
  selectedIds?: readonly ConversationId[] | ReadonlySet<ConversationId>;
  /** Receives the tabs' controls, to open a group's dialogs from elsewhere (an empty group's "Add conversations"). */
  controlsRef?: Ref<GroupTabsControls>;
  /** Show previous/next buttons while the tabs overflow. @default true */
  shouldShowScrollButtons?: boolean;
  /** Counts above this show as "99+". @default 99 */
  maxBadgeCount?: number;
  /** Class names of each tab (the default `ik-GroupTabs-tab` is kept), or a function of its state. */
  tabClassName?: ValueOrFn<string | undefined, GroupTabsTabRenderProps>;
  /** Inline style of each tab, or a function of its state. */
  tabStyle?: ValueOrFn<CSSProperties | undefined, GroupTabsTabRenderProps>;
}

/**
 * Tabs for "All" and each conversation group, with an unread badge per tab, a roving-focus tablist that scrolls
 * when it overflows, and create, rename, delete and "add or remove conversations" flows with inline validation.
 * Renders nothing when the backend has no groups (`capabilities.groups === 'none'`).
 *
 * The flows follow the backend's capabilities: "New group" asks which conversations go in (a searchable picker over
 * the list, starting from `selectedIds`), and where the backend creates a group only with a conversation in it
 * (`emptyGroups: false`, Tencent) Create waits for one, saying why. The group limit (`maxGroups`) and the
 * grouped-conversation limit (`maxGroupedConversations`) are shown before the user tries, as disabled controls with
 * their reason; what the backend still refuses, per conversation, is reported in the user's language. A badge whose
 * count may be short while pages remain shows "52+", and its tab's name says there may be more.
 *
 * Keys on a tab: arrows (mirrored in right-to-left), Home and End move and activate; the context-menu key or
 * Shift+F10 opens the group's menu; F2 renames and Delete deletes the focused group. A conversation dragged with
 * `CONVERSATION_DRAG_TYPE` and dropped on a group tab is added to the group.
 *
 * The behaviour lives in hooks beside this file (the active group, overflow, keyboard, drag and drop, menus and
 * dialogs); this component renders their state.
 */
export const GroupTabs = forwardRef<HTMLDivElement, GroupTabsProps>(function GroupTabs(props, ref) {
  const {
    value: valueProp,
    defaultValue = null,
    onValueChange,
    panelId,
    dir,
    isEditable = true,
    selectedIds,
    controlsRef,
    shouldShowScrollButtons = true,
    maxBadgeCount = 99,
    tabClassName,
    tabStyle,
    className,
    style,
    id,
    'aria-label': ariaLabel,
    ...rest
  } = props;
  const t = useMessages(groupTabsMessages, itemMessages);
  const store = useInboxStore(undefined, 'GroupTabs');
  const { groups, capabilities, canCreateGroup, createGroup, renameGroup, deleteGroup, addToGroup, removeFromGroup } = useConversationGroups();
  const create = useCreateAvailability(canCreateGroup, capabilities, t);
  const failureText = useFailureText(t, capabilities);
  const { active, setValue, latestValue } = useActiveGroup({
    isControlled: 'value' in props,
    value: valueProp ?? null,
    defaultValue,
    onValueChange,
    groups,
  });

  const generatedId = useIdent('ik-gt');
  const baseId = id ?? generatedId;
  const viewportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const optionsRef = useRef<HTMLButtonElement>(null);
  const { triggerRef, returnFocusRef } = useReturnFocus(listRef);
  const editing = useGroupEditing({
    createGroup,
    renameGroup,
    deleteGroup,
    addToGroup,
    removeFromGroup,
    membersOf: (name) => groupMembers(store.getState(), name),
    setValue,
    latestValue,
    isEditable,
    triggerRef,
  });
  const { menu, dialog, openMenu, openDialog } = editing;
  useImperativeHandle(
    controlsRef,
    () => ({
      editMembers: (name, trigger) => {
        if (isEditable) openDialog('members', name, trigger ?? undefined);
      },
    }),
    [isEditable, openDialog],
  );
  const drop = useTabDrop(addToGroup, isEditable, failureText.drop);
  const placeOptions = useOptionsButtonPlacement(optionsRef, viewportRef, dir);
  const overflow = useTabOverflow(viewportRef, listRef, dir, placeOptions);
  useActiveTabInView(viewportRef, active, groups.length, dir);

  const tabValues = [null, ...groups.map((group) => group.name)];
  const onListKeyDown = useTabKeyboard({ tabValues, dir, isEditable, onSelect: setValue, onOpenMenu: openMenu, onOpenDialog: openDialog });

  if (capabilities.groups === 'none') return null;

  const atLimit = create.isAtLimit;
  const menuId = `${baseId}-menu`;
  const limitId = `${baseId}-limit`;
  const fromOptionsButton = menu?.fromOptionsButton === true;
  const showScrollButtons = shouldShowScrollButtons && overflow.isOverflowing;

  return (
    <div
      {...rest}
      ref={ref}
      id={id}
      dir={dir}
      {...resolveStyleProps('ik-GroupTabs', className, style, {
        value: active,
        isOverflowing: overflow.isOverflowing,
        isAtLimit: atLimit,
        isCreateDisabled: !create.canCreate,
      })}
      data-overflowing={dataFlag(overflow.isOverflowing)}
      data-at-limit={dataFlag(atLimit)}
      data-create-disabled={dataFlag(!create.canCreate)}
      data-has-options={dataFlag(isEditable && active !== null)}
    >
      <div className="ik-GroupTabs-scroller" data-can-scroll-start={dataFlag(overflow.canScrollStart)} data-can-scroll-end={dataFlag(overflow.canScrollEnd)}>
        {showScrollButtons && (
          <ScrollButton toward={-1} title={t('groupTabs.scrollStart')} isDisabled={!overflow.canScrollStart} onClick={() => overflow.scrollToward(-1)} />
        )}
        <div ref={viewportRef} className="ik-GroupTabs-viewport" onScroll={overflow.onScroll}>
          <div
            ref={listRef}
            role="tablist"
            aria-label={ariaLabel ?? t('groupTabs.label')}
            aria-orientation="horizontal"
            className="ik-GroupTabs-list"
            onKeyDown={onListKeyDown}
          >
            {tabValues.map((name, index) => (
              <GroupTab
                // Keyed by position so a renamed tab keeps its element (and focus).
                key={index}
                name={name}
                id={groupTabId(baseId, name)}
                isActive={name === active}
                panelId={panelId}
                maxBadgeCount={maxBadgeCount}
                className={tabClassName}
                style={tabStyle}
                t={t}
                onSelect={() => setValue(name)}
                isDropTarget={name !== null && drop.dropTarget === name}
                onContextMenu={editing.tabContextMenu(name)}
                {...drop.dropHandlers(name)}
              />
            ))}
          </div>
          {isEditable && active !== null && (
            <button
              ref={optionsRef}
              type="button"
              className="ik-GroupTabs-options"
              aria-label={t('groupTabs.options', { name: active })}
              aria-haspopup="menu"
              aria-expanded={fromOptionsButton}
              aria-controls={fromOptionsButton ? menuId : undefined}
              {...editing.optionsButtonHandlers(active)}
            >
              <span aria-hidden="true">⋯</span>
            </button>
          )}
        </div>
        {showScrollButtons && (
          <ScrollButton toward={1} title={t('groupTabs.scrollEnd')} isDisabled={!overflow.canScrollEnd} onClick={() => overflow.scrollToward(1)} />
        )}
      </div>
      {isEditable && (
        <button
          type="button"
          className="ik-GroupTabs-create"
          aria-disabled={create.canCreate ? undefined : 'true'}
          aria-describedby={create.canCreate ? undefined : limitId}
          data-disabled={dataFlag(!create.canCreate)}
          onClick={(event) => {
            if (create.canCreate) openDialog('create', '', event.currentTarget);
          }}
        >
          <span aria-hidden="true" className="ik-GroupTabs-createIcon">
            +
          </span>{' '}
          <span className="ik-GroupTabs-createLabel">{t('groupTabs.create')}</span>
        </button>
      )}
      {isEditable && create.reason && (
        <p id={limitId} className="ik-GroupTabs-limit">
          {create.reason}
        </p>
      )}
      {drop.dropFailure && (
        <ErrorNotice className="ik-GroupTabs-error" message={drop.dropFailure} dismissLabel={t('groupTabs.dismiss')} onDismiss={drop.dismissDropFailure} />
      )}
      {editing.failures && (
        <ErrorNotice
          className="ik-GroupTabs-error"
          message={failureText.partialSave(editing.failures)}
          dismissLabel={t('groupTabs.dismiss')}
          onDismiss={editing.dismissFailures}
        />
      )}
      {menu && (
        <Menu
          id={menuId}
          className="ik-GroupTabs-menu"
          aria-label={t('groupTabs.optionsMenu', { name: menu.name })}
          initialFocus={menu.initialFocus}
          onClose={editing.closeMenu}
          anchorRef={triggerRef}
          returnFocusRef={returnFocusRef}
          anchor={menu.point ?? null}
          dir={dir}
        >
          <MenuItem onSelect={() => openDialog('rename', menu.name)}>{t('groupTabs.rename')}</MenuItem>
          <MenuItem onSelect={() => openDialog('members', menu.name)}>{t('groupTabs.editMembers')}</MenuItem>
          <MenuItem data-danger="" onSelect={() => openDialog('delete', menu.name)}>
            {t('groupTabs.delete')}
          </MenuItem>
        </Menu>
      )}
      {dialog?.kind === 'delete' && (
        <ConfirmDialog
          scope="ik-GroupTabs"
          id={`${baseId}-delete`}
          title={t('groupTabs.deleteTitle', { name: dialog.name })}
          body={t('groupTabs.deleteBody')}
          cancelLabel={t('groupTabs.cancel')}
          confirmLabel={t('groupTabs.deleteConfirm')}
          busyLabel={t('groupTabs.working')}
          returnFocusRef={returnFocusRef}
          onDismiss={editing.closeDialog}
          onConfirm={editing.confirmDelete}
        />
      )}
      {dialog?.kind === 'create' && (
        <CreateGroupDialog
          baseId={baseId}
          groups={groups}
          capabilities={capabilities}
          canCreate={canCreateGroup}
          initialIds={selectedIds ? [...selectedIds] : NO_IDS}
          returnFocusRef={returnFocusRef}
          t={t}
          onDismiss={editing.closeDialog}
          onCreate={editing.submitName}
        />
      )}
      {dialog?.kind === 'rename' && (
        <GroupNameDialog
          key={dialog.name}
          baseId={baseId}
          initialName={dialog.name}
          groups={groups}
          maxBytes={capabilities.groupNameMaxBytes}
          maxGroups={capabilities.maxGroups}
          maxGroupedConversations={capabilities.maxGroupedConversations}
          canCreate={canCreateGroup}
          returnFocusRef={returnFocusRef}
          t={t}
          onDismiss={editing.closeDialog}
          onSubmit={editing.submitName}
        />
      )}
      {dialog?.kind === 'members' && (
        <GroupMembersDialog
          key={dialog.name}
          baseId={baseId}
          name={dialog.name}
          capabilities={capabilities}
          returnFocusRef={returnFocusRef}
          t={t}
          onDismiss={editing.closeDialog}
          onSave={editing.saveMembers}
        />
      )}
    </div>
  );
});

const NO_IDS: readonly ConversationId[] = [];

interface ScrollButtonProps {
  toward: -1 | 1;
  title: string;
  isDisabled: boolean;
  onClick: () => void;
}

/**
 * A previous or next button at an end of an overflowing bar. A pointer convenience, hidden from assistive technology
 * and out of the tab order: keyboard and screen reader users move with the arrow keys, which reveal the tab.
 */
function ScrollButton({ toward, title, isDisabled, onClick }: ScrollButtonProps) {
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-hidden="true"
      title={title}
      className="ik-GroupTabs-scrollButton"
      data-direction={toward < 0 ? 'start' : 'end'}
      disabled={isDisabled}
      onClick={onClick}
    >
      {toward < 0 ? '‹' : '›'}
    </button>
  );
}
