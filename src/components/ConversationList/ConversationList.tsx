'use client';
import {
  forwardRef,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type HTMLAttributes,
  type KeyboardEvent,
  type MouseEvent,
  type ReactNode,
} from 'react';
import { useVirtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';
import type { InboxError } from '../../core/errors.js';
import type { InboxStore } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { InboxStoreContext, useInboxStore } from '../../react/context.js';
import { useConversationList, type ConversationListOptions } from '../../react/useConversationList.js';
import type { ConversationItemComponents } from '../ConversationItem/ConversationItem.js';
import { useMessages } from '../internal/i18n.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { ListRow, type ConversationListItemState } from './ConversationListRow.js';
import { conversationListMessages } from './messages.js';
import { useScrollAnchor } from './useScrollAnchor.js';

/** Which conversations the list shows, passed to `useConversationList`. */
export type ConversationListFilter = Omit<ConversationListOptions, 'store'>;

/** The list's state, given to `className` and `style` functions and written as data attributes on the root. */
export interface ConversationListRenderProps {
  /** @selector .ik-ConversationList[data-status="loading" | "syncing" | "ready" | "error"] */
  status: 'loading' | 'syncing' | 'ready' | 'error';
  /** Loaded, and no conversation to show. @selector .ik-ConversationList[data-empty] */
  isEmpty: boolean;
  /** A filter (unread, mentions, query) is active. @selector .ik-ConversationList[data-filtered] */
  isFiltered: boolean;
  /** Focus is in the list. @selector .ik-ConversationList[data-focused] */
  isFocused: boolean;
  /** Focus is in the list and came from the keyboard. @selector .ik-ConversationList[data-focus-visible] */
  isFocusVisible: boolean;
  /** @selector .ik-ConversationList[data-loading-more] */
  isLoadingMore: boolean;
  hasMore: boolean;
  error: InboxError | undefined;
}

/** How `onItemActions` was asked for, and where to anchor a menu. */
export interface ConversationListItemActionsDetails {
  /** `keyboard`: Shift+F10 or the ContextMenu key; `pointer`: a right click (or long press). */
  trigger: 'keyboard' | 'pointer';
  /** The row element, to position a menu against. */
  anchor: HTMLElement | null;
  /** Pointer coordinates for `pointer`. */
  clientX?: number;
  clientY?: number;
}

/** Options passed through to `useVirtualizer` (tests in jsdom pass `observeElementRect` and `measureElement`). */
export type ConversationListVirtualizerOptions = Partial<
  Omit<VirtualizerOptions<HTMLDivElement, HTMLDivElement>, 'count' | 'getScrollElement' | 'getItemKey' | 'estimateSize'>
>;

export interface ConversationListProps
  extends Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'children' | 'onSelect' | 'aria-label' | 'aria-labelledby'>,
    StyleRenderProps<ConversationListRenderProps> {
  /** The conversation group ("folder") to show. @default undefined (all conversations) */
  groupName?: string;
  /** Unread-only, mentions-only or a title query. @default {} */
  filter?: ConversationListFilter;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /** The selected conversation (controlled). `null` for none. */
  selectedId?: ConversationId | null;
  /** The initially selected conversation (uncontrolled). @default null */
  defaultSelectedId?: ConversationId | null;
  /** Called when the user selects a different row (click, Space, Enter). */
  onSelect?: (id: ConversationId) => void;
  /** Called when the user opens a row (Enter or double click); the row is selected too. */
  onOpen?: (id: ConversationId) => void;
  /** Whether opening a row marks the conversation read. @default true */
  markReadOnOpen?: boolean;
  /**
   * Called for a row's actions: Shift+F10 or the ContextMenu key on the focused row, or a right click. Open
   * `ConversationActions` from it. Without it, right clicks keep the browser menu.
   */
  onItemActions?: (id: ConversationId, details: ConversationListItemActionsDetails) => void;
  /**
   * Replaces each row's content. The list keeps the row shell (position, ARIA, focus, selection); return the
   * inside. Keep the function stable (`useCallback`), or rows re-render with the list's parent. Controls inside
   * should take `tabIndex={-1}` (see `useInConversationListRow`): arrows move into them, Escape leaves.
   */
  renderItem?: (id: ConversationId, state: ConversationListItemState) => ReactNode;
  /** Parts for the default rows (`ConversationItem`'s `components`). Keep the object stable. */
  itemComponents?: ConversationItemComponents;
  /** Estimated row height in px before rows are measured; match `--ik-row-height`. @default 64 */
  rowHeight?: number;
  /** Rows rendered beyond each edge of the viewport; also how near the end the next page is loaded. @default 8 */
  overscan?: number;
  /** Passed to `useVirtualizer` after the list's own options. */
  virtualizerOptions?: ConversationListVirtualizerOptions;
  /** Accessible name of the grid. @default the localized "Conversations" */
  'aria-label'?: string;
  /** Id of an element naming the grid; wins over `aria-label`. */
  'aria-labelledby'?: string;
  /** Reference time in ms for row times (tests, stories). @default the current time, refreshed every minute */
  now?: number;
  /** Replaces the Retry button's default (reconnect after a failed load, or load the next page again). */
  onRetry?: () => void;
  /** Replaces the empty state. */
  renderEmpty?: (state: { isFiltered: boolean; groupName: string | undefined }) => ReactNode;
  /** Placeholder rows while the first page loads. @default 8 */
  skeletonRows?: number;
}

const EMPTY_FILTER: ConversationListFilter = {};
const INTERACTIVE = 'button, a[href], input, select, textarea, summary, [role="button"], [role="link"], [role="menuitem"], [contenteditable="true"]';
const TEXT_ENTRY = 'input:not([type="button"]):not([type="checkbox"]):not([type="radio"]):not([type="submit"]), textarea, select, [contenteditable="true"]';
const ROW_FOCUSABLE = 'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]';
const noop = () => {};

/** A DOM id for a conversation id: everything but [A-Za-z0-9-] is escaped, so distinct ids never collide. */
function rowDomId(base: string, id: ConversationId): string {
  return `${base}-row-${id.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
}

/**
 * The conversation list: a virtualized ARIA grid of `ConversationItem` rows, keyed by conversation id.
 *
 * - **Virtualized** with @tanstack/react-virtual: only visible rows plus `overscan` are in the DOM; rows are
 *   measured, so variable heights (a failure notice) work.
 * - **Stable view**: when conversations reorder above what the user sees, the scroll position is adjusted so
 *   the same rows stay in place (unless the user is at the very top, where new conversations appear).
 * - **Selection** controlled (`selectedId`) or not (`defaultSelectedId`), by id.
 * - **Keyboard**: ArrowUp/ArrowDown, Home/End, PageUp/PageDown, Enter opens, Space selects, Shift+F10 or the
 *   ContextMenu key call `onItemActions`, ArrowRight/ArrowLeft move into and out of a row's controls.
 *   Focus is tracked by id with `aria-activedescendant`, so it survives rows unmounting and reordering.
 * - **States**: skeleton rows while loading, a `role="status"` line while syncing or loading more, empty
 *   (distinct when filtered), and errors with Retry. The next page loads as the end nears.
 *
 * Give the list a height (its container's, with the default stylesheet).
 */
export const ConversationList = forwardRef<HTMLDivElement, ConversationListProps>(function ConversationList(
  {
    groupName,
    filter = EMPTY_FILTER,
    store: storeProp,
    selectedId,
    defaultSelectedId = null,
    onSelect,
    onOpen,
    markReadOnOpen = true,
    onItemActions,
    renderItem,
    itemComponents,
    rowHeight = 64,
    overscan = 8,
    virtualizerOptions,
    'aria-label': ariaLabel,
    'aria-labelledby': ariaLabelledBy,
    now,
    onRetry,
    renderEmpty,
    skeletonRows = 8,
    className,
    style,
    onKeyDown: onKeyDownProp,
    ...rest
  },
  ref,
) {
  const store = useInboxStore(storeProp, 'ConversationList');
  const t = useMessages(conversationListMessages);
  const { unreadOnly, mentionsOnly, query } = filter;
  const { ids, status, error, hasMore, isLoadingMore, loadMore } = useConversationList(groupName, {
    unreadOnly,
    mentionsOnly,
    query,
    store,
  });
  const isFiltered = Boolean(unreadOnly || mentionsOnly || query?.trim());

  // ---- selection (controlled or not) and focus, both by id ----------------------------------------
  const [ownSelection, setOwnSelection] = useState<ConversationId | null>(defaultSelectedId);
  const selected = selectedId !== undefined ? selectedId : ownSelection;
  // `index` is where the focused row was when focus last moved: if that conversation leaves the list, the
  // row that takes its place gets focus.
  const [focus, setFocus] = useState<{ id: ConversationId; index: number } | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const [isFocusVisible, setFocusVisible] = useState(false);
  const pointerFocus = useRef(false);

  const indexOf = useMemo(() => {
    let map: Map<ConversationId, number> | undefined;
    return (id: ConversationId): number | undefined => {
      if (!map) {
        map = new Map();
        for (let i = 0; i < ids.length; i++) map.set(ids[i]!, i);
      }
      return map.get(id);
    };
  }, [ids]);

  let focusedId: ConversationId | null = null;
  if (focus && indexOf(focus.id) !== undefined) focusedId = focus.id;
  else if (focus && ids.length > 0) focusedId = ids[Math.min(focus.index, ids.length - 1)]!;
  else if (selected && indexOf(selected) !== undefined) focusedId = selected;
  else focusedId = ids[0] ?? null;
  const focusedIndex = focusedId === null ? -1 : (indexOf(focusedId) ?? -1);

  // ---- virtualizer ---------------------------------------------------------------------------------
  const scrollRef = useRef<HTMLDivElement | null>(null);
  const getItemKey = useCallback((index: number) => ids[index] ?? index, [ids]);
  const estimateSize = useCallback(() => rowHeight, [rowHeight]);
  const getScrollElement = useCallback(() => scrollRef.current, []);
  // The virtualizer's methods are not memoizable, so React Compiler skips this component; rows are memoized by hand.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count: ids.length,
    getScrollElement,
    estimateSize,
    getItemKey,
    overscan,
    ...virtualizerOptions,
  });
  const items = virtualizer.getVirtualItems();
  const view = JSON.stringify([groupName ?? null, Boolean(unreadOnly), Boolean(mentionsOnly), query?.trim() ?? '']);
  useScrollAnchor(virtualizer, scrollRef, ids, indexOf, view);

  // ---- paging: load the next page when the last rendered row is within `overscan` of the end ---------
  const lastRendered = items.length > 0 ? items[items.length - 1]!.index : -1;
  const shouldLoadMore = hasMore && !isLoadingMore && !error && lastRendered >= 0 && lastRendered >= ids.length - 1 - overscan;
  useAutoLoad(shouldLoadMore, loadMore);

  // ---- commands ------------------------------------------------------------------------------------
  const select = (id: ConversationId) => {
    if (selectedId === undefined) setOwnSelection(id);
    if (id !== selected) onSelect?.(id);
  };
  const open = (id: ConversationId) => {
    select(id);
    onOpen?.(id);
    // A failure is shown on the row and reported to onError by the store.
    if (markReadOnOpen) store.getState().actions.markRead(id).catch(noop);
  };
  const baseId = useId();
  const domIdOf = (id: ConversationId) => rowDomId(baseId, id);

  const moveFocus = (index: number) => {
    if (ids.length === 0) return;
    const target = Math.max(0, Math.min(ids.length - 1, index));
    setFocus({ id: ids[target]!, index: target });
    setFocusVisible(true);
    virtualizer.scrollToIndex(target, { align: 'auto' });
  };

  /** The row a page away: the one at the opposite edge of a viewport-high window from the focused row. */
  const pageFrom = (from: number, direction: 1 | -1): number => {
    const height = virtualizer.scrollRect?.height || scrollRef.current?.clientHeight || 0;
    virtualizer.getTotalSize();
    const item = virtualizer.measurementsCache[from];
    if (!item || height <= 0) return from + direction;
    const offset = direction > 0 ? item.start + height : item.end - height;
    if (offset <= 0) return 0;
    const target = virtualizer.getVirtualItemForOffset(offset)?.index ?? from;
    return target === from ? from + direction : target;
  };

  const rowElement = (id: ConversationId) => scrollRef.current?.ownerDocument.getElementById(domIdOf(id)) ?? null;

  const requestActions = (id: ConversationId, details: ConversationListItemActionsDetails) => {
    setFocus({ id, index: indexOf(id) ?? 0 });
    onItemActions?.(id, details);
  };

  // ---- keyboard ------------------------------------------------------------------------------------
  const isRtl = () => {
    const element = scrollRef.current;
    if (!element) return false;
    // `dir` is inherited; the computed direction also covers a CSS `direction`, where the engine computes it.
    return (
      element.ownerDocument.defaultView?.getComputedStyle(element).direction === 'rtl' ||
      element.closest('[dir]')?.getAttribute('dir')?.toLowerCase() === 'rtl'
    );
  };

  const onRowControlKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const grid = event.currentTarget;
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('[role="row"]');
    if (!row) return;
    // Text fields keep their arrow keys (caret, selection); Escape still leaves them.
    if (target.matches(TEXT_ENTRY) && event.key !== 'Escape') return;
    const controls = Array.from(row.querySelectorAll<HTMLElement>(ROW_FOCUSABLE));
    const position = controls.indexOf(target);
    const forward = isRtl() ? 'ArrowLeft' : 'ArrowRight';
    const backward = isRtl() ? 'ArrowRight' : 'ArrowLeft';
    if (event.key === forward && position >= 0 && position < controls.length - 1) controls[position + 1]!.focus();
    else if (event.key === backward && position > 0) controls[position - 1]!.focus();
    else if (event.key === backward || event.key === 'Escape') grid.focus();
    else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      grid.focus();
      moveFocus(Number(row.dataset.index) + (event.key === 'ArrowDown' ? 1 : -1));
    } else return;
    event.preventDefault();
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDownProp?.(event);
    if (event.defaultPrevented || event.altKey) return;
    pointerFocus.current = false;
    if (event.target !== event.currentTarget) {
      onRowControlKeyDown(event);
      return;
    }
    if (ids.length === 0 || focusedId === null) return;
    const from = focusedIndex;
    switch (event.key) {
      case 'ArrowDown':
        moveFocus(from + 1);
        break;
      case 'ArrowUp':
        moveFocus(from - 1);
        break;
      case 'Home':
        moveFocus(0);
        break;
      case 'End':
        moveFocus(ids.length - 1);
        break;
      case 'PageDown':
        moveFocus(pageFrom(from, 1));
        break;
      case 'PageUp':
        moveFocus(pageFrom(from, -1));
        break;
      case 'Enter':
        setFocusVisible(true);
        open(focusedId);
        break;
      case ' ':
      case 'Spacebar':
        setFocusVisible(true);
        select(focusedId);
        break;
      case 'ContextMenu':
      case 'F10': {
        if (event.key === 'F10' && !event.shiftKey) return;
        if (!onItemActions) return;
        virtualizer.scrollToIndex(from, { align: 'auto' });
        requestActions(focusedId, { trigger: 'keyboard', anchor: rowElement(focusedId) });
        break;
      }
      case 'ArrowRight':
      case 'ArrowLeft': {
        if (event.key !== (isRtl() ? 'ArrowLeft' : 'ArrowRight')) return;
        const first = rowElement(focusedId)?.querySelector<HTMLElement>(ROW_FOCUSABLE);
        if (!first) return;
        first.focus();
        break;
      }
      default:
        return;
    }
    event.preventDefault();
  };

  // ---- pointer -------------------------------------------------------------------------------------
  const rowFromEvent = (event: MouseEvent<HTMLDivElement>): { id: ConversationId; row: HTMLElement } | null => {
    const target = event.target as Element;
    const row = target.closest<HTMLElement>('[data-conversation-id]');
    if (!row || !event.currentTarget.contains(row)) return null;
    const control = target.closest(INTERACTIVE);
    if (control && row.contains(control)) return null;
    return { id: row.dataset.conversationId!, row };
  };

  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = rowFromEvent(event);
    if (!hit) return;
    setFocus({ id: hit.id, index: indexOf(hit.id) ?? 0 });
    setFocusVisible(false);
    select(hit.id);
  };
  const onDoubleClick = (event: MouseEvent<HTMLDivElement>) => {
    const hit = rowFromEvent(event);
    if (hit) open(hit.id);
  };
  const onContextMenu = (event: MouseEvent<HTMLDivElement>) => {
    if (!onItemActions) return;
    const hit = rowFromEvent(event);
    if (!hit) return;
    event.preventDefault();
    setFocusVisible(false);
    requestActions(hit.id, { trigger: 'pointer', anchor: hit.row, clientX: event.clientX, clientY: event.clientY });
  };

  // ---- focus ---------------------------------------------------------------------------------------
  const onFocus = (event: FocusEvent<HTMLDivElement>) => {
    setHasFocus(true);
    const byPointer = pointerFocus.current;
    pointerFocus.current = false;
    if (event.target !== event.currentTarget) {
      // A control inside a row took focus (arrow key or click): that row is now the focused one.
      const row = (event.target as Element).closest<HTMLElement>('[data-conversation-id]');
      const id = row?.dataset.conversationId;
      if (id !== undefined && id !== focusedId) setFocus({ id, index: indexOf(id) ?? 0 });
      return;
    }
    if (byPointer) return;
    // Focus arrived from the keyboard (Tab): show the ring and bring the focused row into view.
    setFocusVisible(true);
    if (focusedIndex >= 0 && !items.some((item) => item.index === focusedIndex)) {
      virtualizer.scrollToIndex(focusedIndex, { align: 'auto' });
    }
  };
  const onBlur = (event: FocusEvent<HTMLDivElement>) => {
    if (!event.currentTarget.contains(event.relatedTarget)) {
      pointerFocus.current = false;
      setHasFocus(false);
      setFocusVisible(false);
    }
  };

  // ---- rendering -----------------------------------------------------------------------------------
  const renderProps: ConversationListRenderProps = {
    status,
    isEmpty: status !== 'loading' && status !== 'error' && ids.length === 0,
    isFiltered,
    isFocused: hasFocus,
    isFocusVisible: hasFocus && isFocusVisible,
    isLoadingMore,
    hasMore,
    error,
  };
  const resolved = resolveStyleProps('ik-ConversationList', { className, style }, renderProps);
  const retry = () => {
    if (onRetry) onRetry();
    else if (status === 'error') void store.reload();
    else loadMore().catch(noop);
  };

  const statusText =
    status === 'loading' && ids.length === 0
      ? t('list.loading')
      : isLoadingMore
        ? t('list.loadingMore')
        : status === 'syncing'
          ? t('list.syncing')
          : '';

  let body: ReactNode;
  if (ids.length === 0 && status === 'loading') {
    body = (
      <div className="ik-ConversationList-skeleton" aria-hidden="true">
        {Array.from({ length: skeletonRows }, (_, i) => (
          <div key={i} className="ik-ConversationList-skeletonRow">
            <span className="ik-ConversationList-skeletonAvatar" />
            <span className="ik-ConversationList-skeletonLines">
              <span className="ik-ConversationList-skeletonLine" />
              <span className="ik-ConversationList-skeletonLine" />
            </span>
          </div>
        ))}
      </div>
    );
  } else if (ids.length === 0 && status === 'error') {
    body = (
      <div className="ik-ConversationList-error" role="alert">
        <p className="ik-ConversationList-errorTitle">{t('list.error')}</p>
        {error?.message && <p className="ik-ConversationList-errorMessage">{error.message}</p>}
        <button type="button" className="ik-ConversationList-retry" onClick={retry}>
          {t('list.retry')}
        </button>
      </div>
    );
  } else if (ids.length === 0) {
    body = (
      <div className="ik-ConversationList-empty">
        {renderEmpty
          ? renderEmpty({ isFiltered, groupName })
          : t(isFiltered ? 'list.emptyFiltered' : groupName !== undefined ? 'list.emptyGroup' : 'list.empty')}
      </div>
    );
  } else {
    const rowCount = hasMore ? -1 : ids.length;
    const activeDescendant =
      focusedId !== null && items.some((item) => item.index === focusedIndex) ? domIdOf(focusedId) : undefined;
    body = (
      <>
        {error && (
          <div className="ik-ConversationList-banner" role="alert">
            <span className="ik-ConversationList-bannerText">
              {t(status === 'error' ? 'list.error' : 'list.loadMoreError')}
              {error.message ? `: ${error.message}` : ''}
            </span>
            <button type="button" className="ik-ConversationList-retry" onClick={retry}>
              {t('list.retry')}
            </button>
          </div>
        )}
        <div
          ref={scrollRef}
          role="grid"
          tabIndex={0}
          className="ik-ConversationList-viewport"
          aria-label={ariaLabelledBy ? undefined : (ariaLabel ?? t('list.label'))}
          aria-labelledby={ariaLabelledBy}
          aria-rowcount={rowCount}
          aria-activedescendant={activeDescendant}
          data-focus-visible={dataFlag(renderProps.isFocusVisible)}
          // Inline because virtualization depends on them, with or without the stylesheet: the viewport must be the
          // scroller and fill the root; the browser's own scroll anchoring would fight ours.
          style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto', position: 'relative', overflowAnchor: 'none' }}
          onKeyDown={onKeyDown}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onContextMenu={onContextMenu}
          onPointerDown={() => {
            pointerFocus.current = true;
          }}
          onFocus={onFocus}
          onBlur={onBlur}
        >
          <div className="ik-ConversationList-rows" style={{ position: 'relative', width: '100%', height: virtualizer.getTotalSize() }}>
            {items.map((item) => {
              const id = ids[item.index]!;
              const isFocused = hasFocus && item.index === focusedIndex;
              return (
                <ListRow
                  key={id}
                  id={id}
                  index={item.index}
                  start={item.start}
                  rowCount={rowCount}
                  domId={domIdOf(id)}
                  isSelected={id === selected}
                  isFocused={isFocused}
                  isFocusVisible={isFocused && isFocusVisible}
                  measure={virtualizer.measureElement}
                  renderItem={renderItem}
                  components={itemComponents}
                  now={now}
                />
              );
            })}
          </div>
        </div>
      </>
    );
  }

  const content = (
    <div
      {...rest}
      ref={ref}
      className={resolved.className}
      style={{ display: 'flex', flexDirection: 'column', minHeight: 0, ...resolved.style }}
      aria-busy={status === 'loading' || undefined}
      data-status={status}
      data-empty={dataFlag(renderProps.isEmpty)}
      data-filtered={dataFlag(isFiltered)}
      data-focused={dataFlag(hasFocus)}
      data-focus-visible={dataFlag(renderProps.isFocusVisible)}
      data-loading-more={dataFlag(isLoadingMore)}
    >
      <div className="ik-ConversationList-status" role="status" data-status={isLoadingMore ? 'loadingMore' : status}>
        {statusText}
      </div>
      {body}
    </div>
  );
  // Rows (and custom `renderItem` content) read the same store as the list.
  return storeProp ? <InboxStoreContext.Provider value={storeProp}>{content}</InboxStoreContext.Provider> : content;
});

/**
 * Calls `loadMore` whenever `when` becomes true. The store's `isLoadingMore` turns it false while a page loads,
 * so this asks again only if the end is still near once the page arrived; a failure becomes the `error` state.
 */
function useAutoLoad(when: boolean, loadMore: () => Promise<void>): void {
  useEffect(() => {
    if (when) loadMore().catch(noop);
  }, [when, loadMore]);
}
