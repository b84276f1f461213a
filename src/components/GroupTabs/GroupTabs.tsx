'use client';
import type { CSSProperties, HTMLAttributes } from 'react';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { ErrorNotice } from '../controls/shared.js';
import { ConfirmDialog } from '../internal/Dialog.js';
import { useIdent } from '../internal/hooks.js';
import { useMessages } from '../internal/i18n.js';
import { Menu, MenuItem } from '../internal/Menu.js';
import { forwardRef, useRef } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps, type ValueOrFn } from '../internal/renderProps.js';
import { GroupNameDialog } from './GroupNameDialog.js';
import { GroupTab, type GroupTabsTabRenderProps } from './GroupTab.js';
import { groupTabId } from './groupTabId.js';
import { useActiveGroup } from './useActiveGroup.js';
import { useActiveTabInView } from './useActiveTabInView.js';
import { useGroupEditing } from './useGroupEditing.js';
import { useOptionsButtonPlacement } from './useOptionsButtonPlacement.js';
import { useReturnFocus } from './useReturnFocus.js';
import { useTabDrop } from './useTabDrop.js';
import { useTabKeyboard } from './useTabKeyboard.js';
import { useTabOverflow } from './useTabOverflow.js';

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
  /** Offer create, rename and delete. @default true */
  isEditable?: boolean;
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
 * when it overflows, and create, rename and delete flows with inline validation. Renders nothing when the backend
 * has no groups (`capabilities.groups === 'none'`).
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
  const t = useMessages();
  const { groups, capabilities, canCreateGroup, createGroup, renameGroup, deleteGroup, addToGroup } = useConversationGroups();
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
  const editing = useGroupEditing({ createGroup, renameGroup, deleteGroup, setValue, latestValue, isEditable, triggerRef });
  const { menu, dialog, openMenu, openDialog } = editing;
  const drop = useTabDrop(addToGroup, isEditable);
  const placeOptions = useOptionsButtonPlacement(optionsRef, viewportRef, dir);
  const overflow = useTabOverflow(viewportRef, listRef, dir, placeOptions);
  useActiveTabInView(viewportRef, active, groups.length, dir);

  const tabValues = [null, ...groups.map((group) => group.name)];
  const onListKeyDown = useTabKeyboard({ tabValues, dir, isEditable, onSelect: setValue, onOpenMenu: openMenu, onOpenDialog: openDialog });

  if (capabilities.groups === 'none') return null;

  const atLimit = !canCreateGroup;
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
      {...resolveStyleProps('ik-GroupTabs', className, style, { value: active, isOverflowing: overflow.isOverflowing, isAtLimit: atLimit })}
      data-overflowing={dataFlag(overflow.isOverflowing)}
      data-at-limit={dataFlag(atLimit)}
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
          aria-disabled={atLimit ? 'true' : undefined}
          aria-describedby={atLimit ? limitId : undefined}
          data-disabled={dataFlag(atLimit)}
          onClick={(event) => {
            if (!atLimit) openDialog('create', '', event.currentTarget);
          }}
        >
          <span aria-hidden="true" className="ik-GroupTabs-createIcon">
            +
          </span>{' '}
          <span className="ik-GroupTabs-createLabel">{t('groupTabs.create')}</span>
        </button>
      )}
      {isEditable && atLimit && (
        <p id={limitId} className="ik-GroupTabs-limit">
          {t('groupTabs.limitReached', { max: capabilities.maxGroups })}
        </p>
      )}
      {drop.dropFailure && (
        <ErrorNotice className="ik-GroupTabs-error" message={drop.dropFailure} dismissLabel={t('groupTabs.dismiss')} onDismiss={drop.dismissDropFailure} />
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
      {(dialog?.kind === 'create' || dialog?.kind === 'rename') && (
        <GroupNameDialog
          key={dialog.kind + dialog.name}
          baseId={baseId}
          initialName={dialog.kind === 'rename' ? dialog.name : null}
          groups={groups}
          maxBytes={capabilities.groupNameMaxBytes}
          maxGroups={capabilities.maxGroups}
          canCreate={canCreateGroup}
          returnFocusRef={returnFocusRef}
          t={t}
          onDismiss={editing.closeDialog}
          onSubmit={editing.submitName}
        />
      )}
    </div>
  );
});

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
