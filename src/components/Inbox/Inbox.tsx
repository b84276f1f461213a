'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { ConversationId } from '../../core/types.js';
import { useConversationGroups } from '../../react/useConversationGroups.js';
import { BatchActionBar, type BatchActionBarProps } from '../BatchActionBar/index.js';
import { ConversationList, type ConversationListHandle, type ConversationListItemActionsDetails, type ConversationListProps } from '../ConversationList/index.js';
import { UndoToast } from '../UndoToast/index.js';
import { ConversationActions, UnreadJump, type ConversationActionsProps } from '../controls/index.js';
import { GroupTabs, groupTabId, type GroupTabsControls, type GroupTabsProps } from '../GroupTabs/index.js';
import { useControllableState, useIdent } from '../internal/hooks.js';
import { useMessages } from '../internal/i18n.js';
import { inboxMessages } from '../internal/messages/inbox.js';
import { forwardRef, useMemo, useRef, useState } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { useOverlayInset } from './useOverlayInset.js';
import { useSizeCheck } from './useSizeCheck.js';

/** State of the `Inbox`, for `className` and `style` functions. */
export interface InboxRenderProps {
  /**
   * The group the list shows, `null` for all conversations.
   * @selector [data-group] (present when a group is shown)
   */
  groupName: string | null;
  /**
   * The actions menu of a conversation is open.
   * @selector [data-actions-open]
   */
  isActionsOpen: boolean;
  /**
   * Group tabs are shown (the backend has groups and `hideGroupTabs` is not set).
   * @selector [data-has-tabs]
   */
  hasGroupTabs: boolean;
}

type ListPassThrough = Omit<
  ConversationListProps,
  'groupName' | 'selectedId' | 'defaultSelectedId' | 'onSelect' | 'onOpen' | 'onItemActions' | 'renderItem' | 'virtualizerOptions'
>;

export interface InboxProps
  extends StyleRenderProps<InboxRenderProps>,
    Omit<HTMLAttributes<HTMLElement>, 'className' | 'style' | 'children' | 'onSelect' | 'defaultValue'> {
  /** The group shown (controlled); `null` or `undefined` is All. Passing the prop, even as `undefined`, controls it. */
  groupName?: string | null;
  /** The group shown at first when uncontrolled. @default null (All) */
  defaultGroupName?: string | null;
  /** Called when the user switches group, and when the shown group is renamed or deleted. */
  onGroupNameChange?: (groupName: string | null) => void;
  /** The selected conversation (controlled); `null` for none. */
  selectedId?: ConversationId | null;
  /** The conversation selected at first when uncontrolled. @default null */
  defaultSelectedId?: ConversationId | null;
  /** Called when the user selects a conversation. */
  onSelect?: (id: ConversationId) => void;
  /** Called when the user opens a conversation (Enter or double click). */
  onOpen?: (id: ConversationId) => void;
  /** Replaces each row's content (see `ConversationList`). */
  renderItem?: ConversationListProps['renderItem'];
  /** Passed to the list's virtualizer (see `ConversationList`). */
  virtualizerOptions?: ConversationListProps['virtualizerOptions'];
  /** Content above the tabs (a title, a search field...). */
  header?: ReactNode;
  /** Content below the list. */
  footer?: ReactNode;
  /** Accessible name of the inbox region. @default localized "Inbox" */
  'aria-label'?: string;
  /** Show no group tabs even when the backend has groups. @default false */
  hideGroupTabs?: boolean;
  /** Other props of the list (filter, rowHeight, itemComponents, renderEmpty...). */
  listProps?: ListPassThrough;
  /**
   * Other props of the tabs (isEditable, maxBadgeCount, tabClassName...). Without `selectedIds`, "New group" starts
   * with the selected conversation chosen.
   */
  groupTabsProps?: Omit<GroupTabsProps, 'value' | 'defaultValue' | 'onValueChange' | 'panelId' | 'id' | 'controlsRef'>;
  /** Other props of the actions menu (mutedMode, onDeleted, onError...). */
  actionsProps?: Omit<ConversationActionsProps, 'id' | 'open' | 'defaultOpen' | 'onOpenChange' | 'hideTrigger'>;
  /**
   * `multiple` (the default) lets the user select many conversations (Ctrl/⌘+click, Shift+click, Ctrl/⌘+A, a long
   * press on touch) and act on them at once from a `BatchActionBar` shown above the list. @default 'multiple'
   */
  selectionMode?: 'single' | 'multiple';
  /** The conversations selected for a batch (controlled). */
  selectedIds?: ReadonlySet<ConversationId>;
  /** The conversations selected for a batch at first (uncontrolled). */
  defaultSelectedIds?: ReadonlySet<ConversationId>;
  /** Called with each new batch selection. */
  onSelectionChange?: (ids: ReadonlySet<ConversationId>) => void;
  /** Rows that hold still while the pointer is over the list or a selection exists (see `ConversationList`). @default 'auto' */
  holdOrder?: boolean | 'auto';
  /** Show the next unread / next mention control over the list. @default true */
  showUnreadJump?: boolean;
  /** Other props of the batch action bar. */
  batchActionBarProps?: Omit<BatchActionBarProps, 'ids' | 'groupName' | 'onClearSelection'>;
}

const NO_IDS: ReadonlySet<ConversationId> = Object.freeze(new Set<ConversationId>());

/**
 * The common inbox: group tabs over the conversation list, with a row's actions menu opened from the list
 * (Shift+F10, the context-menu key, or a right click on a row). The tabs control the list as a tab panel. Each
 * part can be tuned through `groupTabsProps`, `listProps` and `actionsProps`; compose the parts yourself for more.
 */
export const Inbox = forwardRef<HTMLElement, InboxProps>(function Inbox(props, ref) {
  const {
    groupName: groupNameProp,
    defaultGroupName = null,
    onGroupNameChange,
    selectedId,
    defaultSelectedId,
    onSelect,
    onOpen,
    renderItem,
    virtualizerOptions,
    header,
    footer,
    'aria-label': ariaLabel,
    hideGroupTabs = false,
    listProps,
    groupTabsProps,
    actionsProps,
    selectionMode = 'multiple',
    selectedIds,
    defaultSelectedIds = NO_IDS,
    onSelectionChange,
    holdOrder = 'auto',
    showUnreadJump = true,
    batchActionBarProps,
    className,
    style,
    ...rest
  } = props;
  const t = useMessages(inboxMessages);
  const { groups, capabilities } = useConversationGroups();
  const [group, setGroup] = useControllableState<string | null>(
    'groupName' in props,
    groupNameProp ?? null,
    defaultGroupName,
    onGroupNameChange,
  );
  // The selection is kept here too (controlled or not), so that a new group starts with the selected conversation.
  const [selected, setSelected] = useControllableState<ConversationId | null>(
    selectedId !== undefined,
    selectedId ?? null,
    defaultSelectedId ?? null,
    onSelect && ((id) => id !== null && onSelect(id)),
  );
  // The conversations selected for a batch, shared by the list and the bar.
  const [many, setMany] = useControllableState<ReadonlySet<ConversationId>>(selectedIds !== undefined, selectedIds ?? NO_IDS, defaultSelectedIds, onSelectionChange);
  const listHandle = useRef<ConversationListHandle>(null);
  const tabsControls = useRef<GroupTabsControls>(null);
  const [actions, setActions] = useState<{ id: ConversationId; isOpen: boolean; anchor: ConversationListItemActionsDetails } | null>(null);
  const baseId = useIdent('ik-inbox');
  const tabsId = `${baseId}-tabs`;
  const panelId = `${baseId}-panel`;
  useSizeCheck(panelId);
  const panelRef = useRef<HTMLDivElement>(null);
  // The jump control floats over the list's foot. The stylesheet leaves room after the last row; scroll padding keeps
  // a row reached from the keyboard out from under the control.
  const overlayInset = useOverlayInset(panelRef, '.ik-UnreadJump', showUnreadJump);
  const listVirtualizerOptions =
    overlayInset > 0 ? { ...virtualizerOptions, scrollPaddingEnd: (virtualizerOptions?.scrollPaddingEnd ?? 0) + overlayInset } : virtualizerOptions;

  // The row menu acts on the whole selection when its row is in it: listed once per selection, not on every render.
  const menuId = actions?.id;
  const menuIds = useMemo(() => (menuId !== undefined && many.has(menuId) ? [...many] : undefined), [many, menuId]);
  const hasGroupTabs = !hideGroupTabs && capabilities.groups !== 'none';
  // The same rule as the tabs: a group that does not exist (yet) shows All.
  const shownGroup = group !== null && groups.some((g) => g.name === group) ? group : null;
  const isActionsOpen = actions?.isOpen === true;
  // An empty group's "Add conversations" opens the group's members dialog in the tabs; focus returns to what was
  // pressed, else to the group's tab.
  const canEditGroups = hasGroupTabs && groupTabsProps?.isEditable !== false;
  const addConversations = (name: string) => {
    const pressed = document.activeElement;
    const trigger = pressed instanceof HTMLElement && pressed !== document.body ? pressed : document.getElementById(groupTabId(tabsId, name));
    tabsControls.current?.editMembers(name, trigger);
  };

  return (
    <section
      {...rest}
      ref={ref}
      aria-label={ariaLabel ?? t('inbox.label')}
      {...resolveStyleProps('ik-Inbox', className, style, { groupName: shownGroup, isActionsOpen, hasGroupTabs })}
      data-group={shownGroup ?? undefined}
      data-actions-open={dataFlag(isActionsOpen)}
      data-has-tabs={dataFlag(hasGroupTabs)}
    >
      {header != null && <div className="ik-Inbox-header">{header}</div>}
      {hasGroupTabs && (
        <GroupTabs
          selectedIds={many.size > 0 ? many : selected === null ? undefined : [selected]}
          {...groupTabsProps}
          controlsRef={tabsControls}
          id={tabsId}
          panelId={panelId}
          value={group}
          onValueChange={setGroup}
        />
      )}
      <div
        ref={panelRef}
        id={panelId}
        className="ik-Inbox-panel"
        role={hasGroupTabs ? 'tabpanel' : undefined}
        aria-labelledby={hasGroupTabs ? groupTabId(tabsId, shownGroup) : undefined}
      >
        {selectionMode === 'multiple' && many.size > 0 && (
          <BatchActionBar {...batchActionBarProps} ids={many} groupName={shownGroup ?? undefined} onClearSelection={() => setMany(NO_IDS)} />
        )}
        <ConversationList
          holdOrder={holdOrder}
          aria-label={shownGroup === null ? t('inbox.listAll') : t('inbox.listGroup', { name: shownGroup })}
          onAddConversations={canEditGroups ? addConversations : undefined}
          canDragToGroups={canEditGroups}
          {...listProps}
          selectedId={selected}
          groupName={shownGroup ?? undefined}
          onSelect={setSelected}
          onOpen={onOpen}
          onItemActions={(id, anchor) => setActions({ id, isOpen: true, anchor })}
          renderItem={renderItem}
          virtualizerOptions={listVirtualizerOptions}
          selectionMode={selectionMode}
          selectedIds={many}
          onSelectionChange={setMany}
          handleRef={listHandle}
        />
        <div className="ik-Inbox-overlay">
          {showUnreadJump && (
            <UnreadJump groupName={shownGroup ?? undefined} filter={listProps?.filter} fromId={selected} onJump={(id) => listHandle.current?.jumpTo(id)} />
          )}
          <UndoToast />
        </div>
      </div>
      {actions && (
        <ConversationActions
          {...actionsProps}
          // A fresh menu per conversation, so one conversation's failure is not shown for the next.
          key={actions.id}
          id={actions.id}
          selectedIds={menuIds}
          hideTrigger
          anchor={actions.anchor}
          open={actions.isOpen}
          onOpenChange={(isOpen) => setActions((current) => (current ? { ...current, isOpen } : current))}
        />
      )}
      {footer != null && <div className="ik-Inbox-footer">{footer}</div>}
    </section>
  );
});
