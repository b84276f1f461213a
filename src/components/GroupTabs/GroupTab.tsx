'use client';
import type { CSSProperties, HTMLAttributes } from 'react';
import { visuallyHidden } from '../internal/hidden.js';
import type { GroupTabsMessageId, Translate } from '../internal/i18n.js';
import { dataFlag, resolveStyleProps, type ValueOrFn } from '../internal/renderProps.js';
import { useTabUnread } from './useTabUnread.js';

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
   * The count may be short: not every conversation is loaded and the backend gives no count of its own. The badge
   * shows it as "52+", and the tab's name says there may be more.
   * @selector [data-unread-partial]
   */
  isUnreadPartial: boolean;
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

/** The selected tab among `container`'s descendants (each tab marks itself with `aria-selected`). */
export function activeTabIn(container: Element | null | undefined): HTMLElement | null {
  return container?.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]') ?? null;
}

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

/**
 * One tab: the group's name and its unread badge. Its own component so that a group's unread count, which changes
 * with every message, re-renders this tab alone and not the bar.
 */
export function GroupTab({ name, id, isActive, panelId, maxBadgeCount, className, style, t, onSelect, isDropTarget, ...handlers }: GroupTabProps) {
  const { count: unreadCount, isPartial } = useTabUnread(name);
  const label = name ?? t('groupTabs.all');
  const resolved = resolveStyleProps('ik-GroupTabs-tab', className, style, {
    name,
    isActive,
    unreadCount,
    isUnreadPartial: isPartial,
    isAll: name === null,
    isDropTarget,
  });
  // Past the cap the badge says "99+" either way; below it, a count that may be short says so with its own "+".
  const badge = unreadCount > maxBadgeCount ? `${maxBadgeCount}+` : isPartial ? t('groupTabs.partialBadge', { count: unreadCount }) : unreadCount;
  return (
    <button
      type="button"
      role="tab"
      id={id}
      aria-selected={isActive}
      aria-controls={panelId}
      // A roving tab stop: the list is entered on the active tab, and the arrow keys move within it.
      tabIndex={isActive ? 0 : -1}
      className={resolved.className}
      style={resolved.style}
      data-state={isActive ? 'active' : 'inactive'}
      data-unread={dataFlag(unreadCount > 0)}
      data-unread-partial={dataFlag(isPartial)}
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
            {badge}
          </bdi>
          {/* The name starts with the visible label (WCAG 2.5.3) and says the real count, which the badge caps.
              The space keeps "All (3 unread)" the same name with and without layout. */}
          {' '}
          {visuallyHidden(t(isPartial ? 'groupTabs.unreadSuffixPartial' : 'groupTabs.unreadSuffix', { count: unreadCount }))}
        </>
      )}
    </button>
  );
}
