'use client';
import { visuallyHidden } from '../internal/hidden.js';
import type { CSSProperties, DragEvent, HTMLAttributes, KeyboardEvent, RefObject } from 'react';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { useUnreadTotal } from '../../react/useUnreadTotal.js';
import { ErrorNotice } from '../controls/shared.js';
import { ConfirmDialog } from '../internal/Dialog.js';
import { errorMessage, focusIfConnected, isRtl, scrollByLeft } from '../internal/dom.js';
import { useControllableState, useIdent } from '../internal/hooks.js';
import { useMessages, type GroupTabsMessageId, type Translate } from '../internal/i18n.js';
import { Menu, MenuItem } from '../internal/Menu.js';
import { forwardRef, useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps, type ValueOrFn } from '../internal/renderProps.js';
import { GroupNameDialog } from './GroupNameDialog.js';

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

/** State of one tab, for `tabClassName` and `tabStyle` functions. */
export interface GroupTabsTabRenderProps {
  /** The group of the tab, `null` for All. */
  name: string | null;
  /**
   * The tab is selected.
   * @selector [data-state="active"] (else [data-state="inactive"])
   */
  isActive: boolean;
  /**
   * Unread messages in the group under the backend's unread rule (muted conversations excluded).
   * @selector [data-unread] (present when above zero)
   */
  unreadCount: number;
  /**
   * The All tab.
   * @selector [data-all]
   */
  isAll: boolean;
  /**
   * A conversation is being dragged over the tab (dropping adds it to the group).
   * @selector [data-drop-target]
   */
  isDropTarget: boolean;
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
 * The drag data type of a conversation id. Put it on a drag (`dataTransfer.setData(CONVERSATION_DRAG_TYPE, id)`,
 * e.g. from a draggable row) and dropping it on a group tab adds the conversation to that group.
 */
export const CONVERSATION_DRAG_TYPE = 'application/x-inboxkit-conversation-id';

/** The id of the tab for a group (`null` = All) in a `GroupTabs` whose `id` is `baseId`, e.g. for `aria-labelledby`. */
export function groupTabId(baseId: string, value: string | null | undefined): string {
  return value == null ? `${baseId}-tab-all` : `${baseId}-tab-g-${idSafe(value)}`;
}

/**
 * Spells any string with id-safe characters, one UTF-16 unit at a time, so that a backend's odd group name (a lone
 * surrogate, spaces, quotes) still gives a unique, valid id. `encodeURIComponent` throws on a lone surrogate.
 */
function idSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}_`);
}

/** `create` has no name. */
type DialogState = { kind: 'create' | 'rename' | 'delete'; name: string } | null;
/** `point`: where a right click asked for the menu (it opens there, as a row's does); else next to the trigger. */
type MenuState = { name: string; initialFocus: 'first' | 'last'; fromOptionsButton: boolean; point?: { clientX: number; clientY: number } } | null;

const ACTIVE_TAB = '[role="tab"][aria-selected="true"]';

/**
 * Tabs for "All" and each conversation group, with an unread badge per tab, a roving-focus tablist that scrolls
 * when it overflows, and create, rename and delete flows with inline validation. Renders nothing when the backend
 * has no groups (`capabilities.groups === 'none'`).
 *
 * Keys on a tab: arrows (mirrored in right-to-left), Home and End move and activate; the context-menu key or
 * Shift+F10 opens the group's menu; F2 renames and Delete deletes the focused group. A conversation dragged with
 * `CONVERSATION_DRAG_TYPE` and dropped on a group tab is added to the group.
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
  const [rawValue, setValue, latestValue] = useControllableState<string | null>(
    'value' in props,
    valueProp ?? null,
    defaultValue,
    onValueChange,
  );
  // A group that no longer exists (deleted elsewhere, or not loaded yet) shows as All.
  const active = rawValue !== null && groups.some((group) => group.name === rawValue) ? rawValue : null;
  // When the active group vanishes (renamed or deleted elsewhere, or a rename rolled back), follow it: to the one
  // name that appeared in its place (a rename), else to All, and say so through onValueChange.
  const previousGroupsRef = useRef(groups);
  useEffect(() => {
    const before = previousGroupsRef.current;
    previousGroupsRef.current = groups;
    const has = (list: typeof groups, name: string | null) => list.some((group) => group.name === name);
    if (rawValue === null || !has(before, rawValue) || has(groups, rawValue)) return;
    const appeared = groups.filter((group) => !has(before, group.name));
    setValue(appeared.length === 1 && groups.length === before.length ? appeared[0]!.name : null);
  }, [groups, rawValue, setValue]);

  const generatedId = useIdent('ik-gt');
  const baseId = id ?? generatedId;
  const viewportRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const [menu, setMenu] = useState<MenuState>(null);
  const [dialog, setDialog] = useState<DialogState>(null);
  const [dropTarget, setDropTarget] = useState<string | null>(null);
  const [dropFailure, setDropFailure] = useState<string | null>(null);
  const triggerRef = useRef<HTMLElement | null>(null);
  // Focus returns to the element that opened a menu or dialog, or to the active tab when that element is gone.
  const [returnFocusRef] = useState<RefObject<HTMLElement | null>>(() => ({
    get current() {
      const trigger = triggerRef.current;
      return trigger?.isConnected ? trigger : (listRef.current?.querySelector<HTMLElement>(ACTIVE_TAB) ?? null);
    },
  }));

  // The active group's "⋯" sits right after its tab, inside the scrolling content (so it scrolls with the tab): the
  // tab keeps room for it (CSS) and the button is placed at the tab's end edge, in either direction.
  const optionsRef = useRef<HTMLButtonElement>(null);
  const placeOptions = useCallback(() => {
    const button = optionsRef.current;
    const tab = viewportRef.current?.querySelector<HTMLElement>(ACTIVE_TAB);
    if (!button || !tab) return;
    const rtl = isRtl(tab, dir);
    button.style.left = `${rtl ? tab.offsetLeft - button.offsetWidth : tab.offsetLeft + tab.offsetWidth}px`;
  }, [dir]);
  useLayoutEffect(placeOptions);

  // ---- overflow: scroll buttons while the tabs are wider than the bar --------------------------------
  const [isOverflowing, setOverflowing] = useState(false);
  const [canScrollStart, setCanScrollStart] = useState(false);
  const [canScrollEnd, setCanScrollEnd] = useState(false);
  const measure = useCallback(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const max = viewport.scrollWidth - viewport.clientWidth;
    // scrollLeft runs from 0 toward negative values in right-to-left layouts.
    const offset = Math.abs(viewport.scrollLeft);
    setOverflowing(max > 1);
    setCanScrollStart(max > 1 && offset > 1);
    setCanScrollEnd(max > 1 && offset < max - 1);
  }, []);
  useEffect(() => {
    const viewport = viewportRef.current;
    if (!viewport || typeof ResizeObserver === 'undefined') return;
    // Delivers a first observation right away, then one per size change of the bar or of its tabs.
    const observer = new ResizeObserver(() => {
      measure();
      placeOptions();
    });
    observer.observe(viewport);
    observer.observe(listRef.current!);
    return () => observer.disconnect();
  }, [measure, placeOptions]);


  // Keep the active tab visible inside the scrolling bar, without scrolling the page. A tab that is cut off is brought
  // to the bar's start edge (inside its scroll padding, behind the fade): that is one of the bar's snap positions, so
  // the browser's scroll snapping keeps it there instead of pulling it back half-hidden (it did at 320 px).
  useEffect(() => {
    const viewport = viewportRef.current;
    const tab = viewport?.querySelector(ACTIVE_TAB);
    if (!viewport || !tab) return;
    const outer = viewport.getBoundingClientRect();
    const inner = tab.getBoundingClientRect();
    const pad = parseFloat(getComputedStyle(viewport).scrollPaddingInlineStart) || 0;
    if (inner.left >= outer.left && inner.right <= outer.right) return;
    const rtl = isRtl(viewport, dir);
    const delta = rtl ? inner.right - (outer.right - pad) : inner.left - (outer.left + pad);
    if (delta) scrollByLeft(viewport, delta);
  }, [active, groups.length, dir]);

  if (capabilities.groups === 'none') return null;

  const atLimit = !canCreateGroup;
  const tabValues = [null, ...groups.map((group) => group.name)];
  const menuId = `${baseId}-menu`;
  const limitId = `${baseId}-limit`;
  const fromOptionsButton = menu?.fromOptionsButton === true;

  const openMenu = (name: string, trigger: HTMLElement, initialFocus: 'first' | 'last' = 'first', point?: { clientX: number; clientY: number }) => {
    triggerRef.current = trigger;
    setMenu({ name, initialFocus, fromOptionsButton: trigger.classList.contains('ik-GroupTabs-options'), point });
  };
  const openDialog = (kind: 'create' | 'rename' | 'delete', name: string, trigger?: HTMLElement) => {
    if (trigger) triggerRef.current = trigger;
    setMenu(null);
    setDialog({ kind, name });
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
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
      if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) openMenu(name, tab);
      else if (key === 'F2') openDialog('rename', name, tab);
      else if (key === 'Delete') openDialog('delete', name, tab);
      else return;
      event.preventDefault();
      return;
    }
    event.preventDefault();
    next = (next + tabs.length) % tabs.length;
    focusIfConnected(tabs[next]);
    setValue(tabValues[next]!);
  };

  const scroll = (toward: -1 | 1) => {
    const viewport = viewportRef.current!;
    scrollByLeft(viewport, toward * (isRtl(viewport, dir) ? -1 : 1) * Math.max(viewport.clientWidth * 0.8, 40));
  };
  // A pointer convenience: keyboard and screen reader users move with the arrow keys, which reveal the tab.
  const scrollButton = (toward: -1 | 1) =>
    shouldShowScrollButtons &&
    isOverflowing && (
      <button
        type="button"
        tabIndex={-1}
        aria-hidden="true"
        title={t(toward < 0 ? 'groupTabs.scrollStart' : 'groupTabs.scrollEnd')}
        className="ik-GroupTabs-scrollButton"
        data-direction={toward < 0 ? 'start' : 'end'}
        disabled={!(toward < 0 ? canScrollStart : canScrollEnd)}
        onClick={() => scroll(toward)}
      >
        {toward < 0 ? '‹' : '›'}
      </button>
    );

  const isConversationDrag = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes(CONVERSATION_DRAG_TYPE);

  return (
    <div
      {...rest}
      ref={ref}
      id={id}
      dir={dir}
      {...resolveStyleProps('ik-GroupTabs', className, style, { value: active, isOverflowing, isAtLimit: atLimit })}
      data-overflowing={dataFlag(isOverflowing)}
      data-at-limit={dataFlag(atLimit)}
      data-has-options={dataFlag(isEditable && active !== null)}
    >
      <div className="ik-GroupTabs-scroller" data-can-scroll-start={dataFlag(canScrollStart)} data-can-scroll-end={dataFlag(canScrollEnd)}>
        {scrollButton(-1)}
        <div ref={viewportRef} className="ik-GroupTabs-viewport" onScroll={measure}>
          <div
            ref={listRef}
            role="tablist"
            aria-label={ariaLabel ?? t('groupTabs.label')}
            aria-orientation="horizontal"
            className="ik-GroupTabs-list"
            onKeyDown={onListKeyDown}
          >
            {tabValues.map((name, index) => {
              const editable = name !== null && isEditable;
              return (
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
                  isDropTarget={editable && dropTarget === name}
                  onContextMenu={(event) => {
                    if (!editable) return;
                    event.preventDefault();
                    openMenu(name, event.currentTarget, 'first', { clientX: event.clientX, clientY: event.clientY });
                  }}
                  onDragOver={(event) => {
                    if (!editable || !isConversationDrag(event)) return;
                    event.preventDefault();
                    event.dataTransfer.dropEffect = 'copy';
                    setDropTarget(name);
                  }}
                  onDragLeave={() => setDropTarget((current) => (current === name ? null : current))}
                  onDrop={(event) => {
                    if (!editable) return;
                    setDropTarget(null);
                    const conversationId = event.dataTransfer.getData(CONVERSATION_DRAG_TYPE);
                    if (!conversationId) return;
                    event.preventDefault();
                    setDropFailure(null);
                    addToGroup(name, [conversationId]).then(
                      (result) => result.failed[0] && setDropFailure(result.failed[0].message),
                      (error: unknown) => setDropFailure(errorMessage(error)),
                    );
                  }}
                />
              );
            })}
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
              onClick={(event) => (menu ? setMenu(null) : openMenu(active, event.currentTarget))}
              onKeyDown={(event) => {
                if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
                event.preventDefault();
                openMenu(active, event.currentTarget, event.key === 'ArrowUp' ? 'last' : 'first');
              }}
            >
              <span aria-hidden="true">⋯</span>
            </button>
          )}
        </div>
        {scrollButton(1)}
      </div>
      {isEditable && (
        <button
          type="button"
          className="ik-GroupTabs-create"
          aria-disabled={atLimit ? 'true' : undefined}
          aria-describedby={atLimit ? limitId : undefined}
          data-disabled={dataFlag(atLimit)}
          onClick={(event) => atLimit || openDialog('create', '', event.currentTarget)}
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
      {dropFailure && (
        <ErrorNotice className="ik-GroupTabs-error" message={dropFailure} dismissLabel={t('groupTabs.dismiss')} onDismiss={() => setDropFailure(null)} />
      )}
      {menu && (
        <Menu
          id={menuId}
          className="ik-GroupTabs-menu"
          aria-label={t('groupTabs.optionsMenu', { name: menu.name })}
          initialFocus={menu.initialFocus}
          onClose={() => setMenu(null)}
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
      {dialog?.kind === 'delete' ? (
        <ConfirmDialog
          scope="ik-GroupTabs"
          id={`${baseId}-delete`}
          title={t('groupTabs.deleteTitle', { name: dialog.name })}
          body={t('groupTabs.deleteBody')}
          cancelLabel={t('groupTabs.cancel')}
          confirmLabel={t('groupTabs.deleteConfirm')}
          busyLabel={t('groupTabs.working')}
          returnFocusRef={returnFocusRef}
          onDismiss={() => setDialog(null)}
          onConfirm={async () => {
            await deleteGroup(dialog.name);
            if (latestValue() === dialog.name) setValue(null);
            // The tab that opened the dialog now shows another group: return focus to the active tab instead.
            if (triggerRef.current?.getAttribute('role') === 'tab') triggerRef.current = null;
          }}
        />
      ) : (
        dialog && (
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
            onDismiss={() => setDialog(null)}
            onSubmit={async (name) => {
              if (dialog.kind === 'create') {
                await createGroup(name);
                // The new group is shown at once: selected, and scrolled into view by the effect above.
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
            }}
          />
        )
      )}
    </div>
  );
});

interface GroupTabProps extends Pick<HTMLAttributes<HTMLButtonElement>, 'onContextMenu' | 'onDragOver' | 'onDragLeave' | 'onDrop'> {
  name: string | null;
  id: string;
  isActive: boolean;
  panelId: string | undefined;
  maxBadgeCount: number;
  className: ValueOrFn<string | undefined, GroupTabsTabRenderProps> | undefined;
  style: ValueOrFn<CSSProperties | undefined, GroupTabsTabRenderProps> | undefined;
  t: Translate<GroupTabsMessageId>;
  onSelect: () => void;
  isDropTarget: boolean;
}

function GroupTab({ name, id, isActive, panelId, maxBadgeCount, className, style, t, onSelect, isDropTarget, ...handlers }: GroupTabProps) {
  const unreadCount = useUnreadTotal(name ?? undefined);
  const label = name ?? t('groupTabs.all');
  const resolved = resolveStyleProps('ik-GroupTabs-tab', className, style, { name, isActive, unreadCount, isAll: name === null, isDropTarget });
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={isActive}
      aria-controls={panelId}
      tabIndex={isActive ? 0 : -1}
      className={resolved.className}
      style={resolved.style}
      data-state={isActive ? 'active' : 'inactive'}
      data-unread={dataFlag(unreadCount > 0)}
      data-all={dataFlag(name === null)}
      data-drop-target={dataFlag(isDropTarget)}
      onClick={onSelect}
      {...handlers}
    >
      {/* A group's name is user text: isolated, so "R&D 2" keeps its order in a right-to-left bar. */}
      <bdi className="ik-GroupTabs-tabLabel">{label}</bdi>
      {unreadCount > 0 && (
        <>
          {/* Left to right, so "99+" does not read "+99" in a right-to-left bar. */}
          <bdi className="ik-GroupTabs-badge" dir="ltr" aria-hidden="true">
            {unreadCount > maxBadgeCount ? `${maxBadgeCount}+` : unreadCount}
          </bdi>
          {/* The name starts with the visible label (WCAG 2.5.3) and says the real count, which the badge caps.
              The space keeps "All (3 unread)" the same name with and without layout. */}
          {' '}
          {visuallyHidden(t('groupTabs.unreadSuffix', { count: unreadCount }))}
        </>
      )}
    </button>
  );
}
