'use client';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type CSSProperties,
  type DragEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type RefObject,
} from 'react';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { useUnreadTotal } from '../../react/useUnreadTotal.js';
import { ControlsMenu, ControlsMenuItem } from '../internal/controls-Menu.js';
import { directionOf, errorMessage, focusIfConnected, toIdent } from '../internal/controls-platform.js';
import { useControllableState } from '../internal/controls-useControllableState.js';
import { useMessages, type Translate } from '../internal/i18n.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps, type ValueOrFn } from '../internal/renderProps.js';
import { DeleteGroupDialog, GroupNameDialog } from './GroupDialogs.js';
import { groupTabsMessages, type GroupTabsMessageId } from './messages.js';

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
  return value == null ? `${baseId}-tab-all` : `${baseId}-tab-g-${encodeURIComponent(value)}`;
}

type DialogState = { kind: 'create' } | { kind: 'rename'; name: string } | { kind: 'delete'; name: string } | null;
type MenuState = { name: string; initialFocus: 'first' | 'last'; fromOptionsButton: boolean } | null;

/**
 * Tabs for "All" and each conversation group, with an unread badge per tab, a roving-focus tablist that scrolls
 * when it overflows, and create, rename and delete flows with inline validation. Renders nothing when the backend
 * has no groups (`capabilities.groups === 'none'`).
 *
 * Keys on a tab: arrows (mirrored in right-to-left), Home and End move and activate; the context-menu key or
 * Shift+F10 opens the group's menu; F2 renames and Delete deletes the focused group. A conversation dragged with
 * `CONVERSATION_DRAG_TYPE` and dropped on a group tab is added to the group.
 */
export const GroupTabs = forwardRef<HTMLDivElement, GroupTabsProps>(function GroupTabs(props, forwardedRef) {
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
  const isControlled = Object.prototype.hasOwnProperty.call(props, 'value');
  const t = useMessages(groupTabsMessages);
  const { groups, capabilities, canCreateGroup, createGroup, renameGroup, deleteGroup, addToGroup } = useConversationGroups();
  const [rawValue, setValue, latestValue] = useControllableState<string | null>(
    isControlled,
    valueProp ?? null,
    defaultValue,
    onValueChange,
  );
  // A group that no longer exists (deleted elsewhere, or not loaded yet) shows as All.
  const active = rawValue !== null && groups.some((group) => group.name === rawValue) ? rawValue : null;

  const generatedId = useId();
  const baseId = id ?? `ik-gt${toIdent(generatedId)}`;
  const rootRef = useRef<HTMLDivElement | null>(null);
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
      if (trigger?.isConnected) return trigger;
      return rootRef.current?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? null;
    },
  }));

  const setRootRef = useCallback(
    (node: HTMLDivElement | null) => {
      rootRef.current = node;
      if (typeof forwardedRef === 'function') forwardedRef(node);
      else if (forwardedRef) forwardedRef.current = node;
    },
    [forwardedRef],
  );

  const overflow = useOverflow(viewportRef, listRef, dir);
  const atLimit = capabilities.groups !== 'none' && !canCreateGroup;

  // Keep the active tab visible inside the scrolling bar, without scrolling the page.
  useEffect(() => {
    const viewport = viewportRef.current;
    const tab = viewport?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
    if (viewport && tab) revealHorizontally(viewport, tab);
  }, [active, groups.length]);

  if (capabilities.groups === 'none') return null;

  const tabValues: (string | null)[] = [null, ...groups.map((group) => group.name)];
  const labelOf = (name: string | null) => (name === null ? t('groupTabs.all') : name);

  const openMenu = (name: string, trigger: HTMLElement, initialFocus: 'first' | 'last' = 'first') => {
    triggerRef.current = trigger;
    setMenu({ name, initialFocus, fromOptionsButton: trigger.classList.contains('ik-GroupTabs-options') });
  };
  const openDialog = (next: Exclude<DialogState, null>, trigger: HTMLElement | null) => {
    if (trigger) triggerRef.current = trigger;
    setMenu(null);
    setDialog(next);
  };

  const onListKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const list = listRef.current;
    // Alt+arrows navigate the browser's history; Ctrl/Meta combinations belong to the app.
    if (!list || event.nativeEvent.isComposing || event.altKey || event.ctrlKey || event.metaKey) return;
    const tabs = Array.from(list.querySelectorAll<HTMLElement>('[role="tab"]'));
    const index = tabs.indexOf(event.target as HTMLElement);
    if (index < 0) return;
    const name = tabValues[index] ?? null;
    const rtl = directionOf(list, dir) === 'rtl';
    let next: number | undefined;
    switch (event.key) {
      case 'ArrowRight':
        next = index + (rtl ? -1 : 1);
        break;
      case 'ArrowLeft':
        next = index + (rtl ? 1 : -1);
        break;
      case 'Home':
        next = 0;
        break;
      case 'End':
        next = tabs.length - 1;
        break;
      case 'ContextMenu':
      case 'F10':
        if (event.key === 'F10' && !event.shiftKey) return;
        if (name === null || !isEditable) return;
        event.preventDefault();
        openMenu(name, tabs[index]!);
        return;
      case 'F2':
        if (name === null || !isEditable) return;
        event.preventDefault();
        openDialog({ kind: 'rename', name }, tabs[index]!);
        return;
      case 'Delete':
        if (name === null || !isEditable) return;
        event.preventDefault();
        openDialog({ kind: 'delete', name }, tabs[index]!);
        return;
      default:
        return;
    }
    event.preventDefault();
    const target = (next + tabs.length) % tabs.length;
    focusIfConnected(tabs[target]);
    setValue(tabValues[target] ?? null);
  };

  const isConversationDrag = (event: DragEvent<HTMLElement>) => Array.from(event.dataTransfer?.types ?? []).includes(CONVERSATION_DRAG_TYPE);
  const dropHandlers = (name: string | null): Pick<GroupTabProps, 'onDragOver' | 'onDragLeave' | 'onDrop'> => {
    if (name === null || !isEditable) return {};
    return {
      onDragOver: (event) => {
        if (!isConversationDrag(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDropTarget(name);
      },
      onDragLeave: () => setDropTarget((current) => (current === name ? null : current)),
      onDrop: (event) => {
        setDropTarget(null);
        const id = event.dataTransfer.getData(CONVERSATION_DRAG_TYPE);
        if (!id) return;
        event.preventDefault();
        setDropFailure(null);
        addToGroup(name, [id]).then(
          (result) => {
            if (result.failed[0]) setDropFailure(result.failed[0].message);
          },
          (error: unknown) => setDropFailure(errorMessage(error)),
        );
      },
    };
  };

  const onTabContextMenu = (name: string | null) => (event: MouseEvent<HTMLButtonElement>) => {
    if (name === null || !isEditable) return;
    event.preventDefault();
    openMenu(name, event.currentTarget);
  };

  const onOptionsKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    if (active === null) return;
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      openMenu(active, event.currentTarget, event.key === 'ArrowUp' ? 'last' : 'first');
    }
  };

  const renderState: GroupTabsRenderProps = { value: active, isOverflowing: overflow.isOverflowing, isAtLimit: atLimit };
  const rootProps = resolveStyleProps('ik-GroupTabs', { className, style }, renderState);
  const limitId = `${baseId}-limit`;
  const menuId = `${baseId}-menu`;
  const anchorName = `--${toIdent(baseId)}-anchor`;
  const showScrollButtons = shouldShowScrollButtons && overflow.isOverflowing;

  return (
    <div
      {...rest}
      ref={setRootRef}
      id={id}
      dir={dir}
      className={rootProps.className}
      style={rootProps.style}
      data-overflowing={dataFlag(overflow.isOverflowing)}
      data-at-limit={dataFlag(atLimit)}
    >
      {showScrollButtons && (
        <ScrollButton direction="start" disabled={!overflow.canScrollStart} onClick={() => overflow.scrollBy(-1)} label={t('groupTabs.scrollStart')} />
      )}
      <div ref={viewportRef} className="ik-GroupTabs-viewport" onScroll={overflow.measure}>
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
              label={labelOf(name)}
              id={groupTabId(baseId, name)}
              isActive={name === active}
              panelId={panelId}
              maxBadgeCount={maxBadgeCount}
              className={tabClassName}
              style={tabStyle}
              t={t}
              onSelect={() => setValue(name)}
              onContextMenu={onTabContextMenu(name)}
              anchorName={menu && !menu.fromOptionsButton && menu.name === name ? anchorName : undefined}
              isDropTarget={name !== null && dropTarget === name}
              {...dropHandlers(name)}
            />
          ))}
        </div>
      </div>
      {showScrollButtons && (
        <ScrollButton direction="end" disabled={!overflow.canScrollEnd} onClick={() => overflow.scrollBy(1)} label={t('groupTabs.scrollEnd')} />
      )}
      {isEditable && active !== null && (
        <button
          type="button"
          className="ik-GroupTabs-options"
          aria-label={t('groupTabs.options', { name: active })}
          aria-haspopup="menu"
          aria-expanded={menu?.fromOptionsButton === true}
          aria-controls={menu?.fromOptionsButton ? menuId : undefined}
          style={menu?.fromOptionsButton ? { anchorName } : undefined}
          onClick={(event) => (menu ? setMenu(null) : openMenu(active, event.currentTarget))}
          onKeyDown={onOptionsKeyDown}
        >
          <span aria-hidden="true">⋯</span>
        </button>
      )}
      {isEditable && (
        <button
          type="button"
          className="ik-GroupTabs-create"
          aria-disabled={atLimit ? 'true' : undefined}
          aria-describedby={atLimit ? limitId : undefined}
          data-disabled={dataFlag(atLimit)}
          onClick={(event) => {
            if (!atLimit) openDialog({ kind: 'create' }, event.currentTarget);
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
      {dropFailure && (
        <p role="alert" className="ik-GroupTabs-error ik-Error">
          <span className="ik-Error-message">{dropFailure}</span>{' '}
          <button type="button" className="ik-Error-dismiss" aria-label={t('groupTabs.dismiss')} onClick={() => setDropFailure(null)}>
            <span aria-hidden="true">×</span>
          </button>
        </p>
      )}
      {menu && (
        <ControlsMenu
          id={menuId}
          className="ik-GroupTabs-menu ik-Menu"
          aria-label={t('groupTabs.optionsMenu', { name: menu.name })}
          initialFocus={menu.initialFocus}
          onClose={() => setMenu(null)}
          anchorRef={triggerRef}
          returnFocusRef={returnFocusRef}
          anchorName={anchorName}
          dir={dir}
        >
          <ControlsMenuItem className="ik-Menu-item" onSelect={() => openDialog({ kind: 'rename', name: menu.name }, null)}>
            {t('groupTabs.rename')}
          </ControlsMenuItem>
          <ControlsMenuItem
            className="ik-Menu-item"
            data-danger=""
            onSelect={() => openDialog({ kind: 'delete', name: menu.name }, null)}
          >
            {t('groupTabs.delete')}
          </ControlsMenuItem>
        </ControlsMenu>
      )}
      {dialog && dialog.kind !== 'delete' && (
        <GroupNameDialog
          key={dialog.kind === 'rename' ? `rename:${dialog.name}` : 'create'}
          baseId={baseId}
          mode={dialog.kind}
          initialName={dialog.kind === 'rename' ? dialog.name : ''}
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
      )}
      {dialog && dialog.kind === 'delete' && (
        <DeleteGroupDialog
          baseId={baseId}
          name={dialog.name}
          returnFocusRef={returnFocusRef}
          t={t}
          onDismiss={() => setDialog(null)}
          onConfirm={async () => {
            await deleteGroup(dialog.name);
            if (latestValue() === dialog.name) setValue(null);
            // The tab that opened the dialog now shows another group: return focus to the active tab instead.
            if (triggerRef.current?.getAttribute('role') === 'tab') triggerRef.current = null;
          }}
        />
      )}
    </div>
  );
});

interface GroupTabProps {
  name: string | null;
  label: string;
  id: string;
  isActive: boolean;
  panelId: string | undefined;
  maxBadgeCount: number;
  className: ValueOrFn<string | undefined, GroupTabsTabRenderProps> | undefined;
  style: ValueOrFn<CSSProperties | undefined, GroupTabsTabRenderProps> | undefined;
  t: Translate<GroupTabsMessageId>;
  onSelect: () => void;
  onContextMenu: (event: MouseEvent<HTMLButtonElement>) => void;
  /** Set while this tab's menu is open, so the menu can be placed next to it. */
  anchorName: string | undefined;
  isDropTarget: boolean;
  onDragOver?: (event: DragEvent<HTMLButtonElement>) => void;
  onDragLeave?: (event: DragEvent<HTMLButtonElement>) => void;
  onDrop?: (event: DragEvent<HTMLButtonElement>) => void;
}

function GroupTab({
  name,
  label,
  id,
  isActive,
  panelId,
  maxBadgeCount,
  className,
  style,
  t,
  onSelect,
  onContextMenu,
  anchorName,
  isDropTarget,
  onDragOver,
  onDragLeave,
  onDrop,
}: GroupTabProps) {
  const unreadCount = useUnreadTotal(name ?? undefined);
  const state: GroupTabsTabRenderProps = { name, isActive, unreadCount, isAll: name === null, isDropTarget };
  const resolved = resolveStyleProps('ik-GroupTabs-tab', { className, style }, state);
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={isActive}
      aria-controls={panelId}
      // The visible badge is capped ("99+"); the name says the real count.
      aria-label={unreadCount > 0 ? t('groupTabs.tabWithUnread', { name: label, count: unreadCount }) : undefined}
      tabIndex={isActive ? 0 : -1}
      className={resolved.className}
      style={anchorName ? { ...resolved.style, anchorName } : resolved.style}
      data-state={isActive ? 'active' : 'inactive'}
      data-unread={dataFlag(unreadCount > 0)}
      data-all={dataFlag(name === null)}
      data-drop-target={dataFlag(isDropTarget)}
      onClick={onSelect}
      onContextMenu={onContextMenu}
      onDragOver={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
    >
      <span className="ik-GroupTabs-tabLabel">{label}</span>
      {unreadCount > 0 && (
        <span className="ik-GroupTabs-badge" aria-hidden="true">
          {unreadCount > maxBadgeCount ? `${maxBadgeCount}+` : unreadCount}
        </span>
      )}
    </button>
  );
}

function ScrollButton({ direction, disabled, onClick, label }: { direction: 'start' | 'end'; disabled: boolean; onClick: () => void; label: string }) {
  // A pointer convenience: keyboard and screen reader users move with the arrow keys, which reveal the tab.
  return (
    <button
      type="button"
      tabIndex={-1}
      aria-hidden="true"
      title={label}
      className="ik-GroupTabs-scrollButton"
      data-direction={direction}
      disabled={disabled}
      onClick={onClick}
    >
      {direction === 'start' ? '‹' : '›'}
    </button>
  );
}

/** Scrolls `viewport` horizontally by the least amount that shows `element` whole. Works in both directions. */
function revealHorizontally(viewport: HTMLElement, element: HTMLElement): void {
  const outer = viewport.getBoundingClientRect();
  const inner = element.getBoundingClientRect();
  let delta = 0;
  if (inner.left < outer.left) delta = inner.left - outer.left;
  else if (inner.right > outer.right) delta = Math.min(inner.right - outer.right, inner.left - outer.left);
  if (delta === 0) return;
  if (typeof viewport.scrollBy === 'function') viewport.scrollBy({ left: delta, behavior: scrollBehavior() });
  else viewport.scrollLeft += delta;
}

function scrollBehavior(): ScrollBehavior {
  const reduce = typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;
  return reduce ? 'auto' : 'smooth';
}

interface Overflow {
  isOverflowing: boolean;
  canScrollStart: boolean;
  canScrollEnd: boolean;
  measure: () => void;
  /** Scrolls most of a viewport width toward the start (-1) or the end (1). */
  scrollBy: (toward: -1 | 1) => void;
}

function useOverflow(
  viewportRef: RefObject<HTMLDivElement | null>,
  listRef: RefObject<HTMLDivElement | null>,
  dir: 'ltr' | 'rtl' | undefined,
): Overflow {
  const [state, setState] = useState({ isOverflowing: false, canScrollStart: false, canScrollEnd: false });
  const measure = useCallback(() => {
    const viewport = viewportRef.current;
    if (!viewport) return;
    const max = viewport.scrollWidth - viewport.clientWidth;
    // scrollLeft runs from 0 toward negative values in right-to-left layouts.
    const offset = Math.abs(viewport.scrollLeft);
    const next = { isOverflowing: max > 1, canScrollStart: max > 1 && offset > 1, canScrollEnd: max > 1 && offset < max - 1 };
    setState((prev) =>
      prev.isOverflowing === next.isOverflowing && prev.canScrollStart === next.canScrollStart && prev.canScrollEnd === next.canScrollEnd
        ? prev
        : next,
    );
  }, [viewportRef]);

  useEffect(() => {
    const viewport = viewportRef.current;
    const list = listRef.current;
    if (!viewport || typeof ResizeObserver === 'undefined') return;
    // Delivers a first observation right away, then one per size change of the bar or of its tabs.
    const observer = new ResizeObserver(() => measure());
    observer.observe(viewport);
    if (list) observer.observe(list);
    return () => observer.disconnect();
  }, [viewportRef, listRef, measure]);

  const scrollBy = useCallback(
    (toward: -1 | 1) => {
      const viewport = viewportRef.current;
      if (!viewport) return;
      const rtl = directionOf(viewport, dir) === 'rtl';
      const left = toward * (rtl ? -1 : 1) * Math.max(viewport.clientWidth * 0.8, 40);
      if (typeof viewport.scrollBy === 'function') viewport.scrollBy({ left, behavior: scrollBehavior() });
      else viewport.scrollLeft += left;
    },
    [viewportRef, dir],
  );

  return { ...state, measure, scrollBy };
}

