'use client';
import type { HTMLAttributes, KeyboardEvent, MouseEvent, ReactNode } from 'react';
import { useVirtualizer, type Virtualizer, type VirtualizerOptions } from '@tanstack/react-virtual';
import { InboxError, quote } from '../../core/errors.js';
import type { InboxStore } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { InboxStoreContext, useInboxStore } from '../../react/context.js';
import type { ConversationListOptions } from '../../react/useConversationList.js';
import { listKeyOf } from '../../react/useConversationSelection.js';
import { useConversationListView } from '../../react/useConversationListView.js';
import { useCapabilities } from '../../react/useSyncState.js';
import { useHeldOrder } from '../../react/useHeldOrder.js';
import type { ConversationItemComponents } from '../ConversationItem/ConversationItem.js';
import { isRtl } from '../internal/dom.js';
import { visuallyHidden } from '../internal/hidden.js';
import { useMessages, usePlural } from '../internal/i18n.js';
import { batchMessages } from '../internal/messages/batch.js';
import { listMessages } from '../internal/messages/list.js';
import { useLongPress } from '../internal/useLongPress.js';
import { forwardRef, useCallback, useEffect, useId, useImperativeHandle, useLayoutEffect, useRef, useState, type Ref } from 'react';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { ListRow, type ConversationListItemState } from './ConversationListRow.js';
import { useScrollAnchor } from './useScrollAnchor.js';
import { useRowSizes, type MeasureRow } from './useRowSizes.js';
import { useOverscanAfterFirstPaint } from './useOverscanAfterFirstPaint.js';
import { EmptyState } from './EmptyState.js';
import { FoldedHeader, FoldedListRow } from './FoldedRow.js';
import { useRowDrag } from './useRowDrag.js';
import { useListSelection } from './useListSelection.js';
import { useJumpShortcuts, type ListShortcut } from './useJumpShortcuts.js';
import { NewRowsPill } from './NewRowsPill.js';
import { FOLDED_ROW_ATTRIBUTE, FOLDED_ROW_KEY, isFoldedKey, rowKeyOf, useFoldedRow, type RowKey } from './useFoldedRow.js';

/** Which conversations the list shows, passed to `useConversationListView`. */
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
  /**
   * Rows rendered beyond each edge of the viewport; also how near the end the next page is loaded. The first frame of
   * new rows (the first page, another group, filter or query) holds none of them, so that it is painted sooner; they
   * follow right after that frame. @default 8
   */
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
  /**
   * Clears the filter: with it, the filtered-empty state offers "Show all". The list does not own `filter`, so it
   * asks its owner.
   */
  onClearFilter?: () => void;
  /** With it, an empty group offers "Add conversations", which calls it with the group's name. */
  onAddConversations?: (groupName: string) => void;
  /** Placeholder rows while the first page loads. @default 8 */
  skeletonRows?: number;
  /**
   * Rows can be dragged (mouse, or a finger that rests on a row and then moves) onto a group tab of `GroupTabs`, which
   * adds the conversation to the group; the row menu's "Move to group" is the keyboard's way. Only where the backend has
   * groups. Pass `false` when the tabs are not editable. @default true
   */
  canDragToGroups?: boolean;
  /**
   * `multiple` lets the user select many rows for a batch: Ctrl/⌘+click toggles, Shift+click and Shift+arrows extend
   * a range, Ctrl/⌘+A selects the whole list (group and filter), Escape clears, Space toggles the focused row while
   * a selection exists; on touch, a long press starts selecting and taps toggle. The one-row `selectedId` (the open
   * conversation) stays as it is. @default 'single'
   */
  selectionMode?: 'single' | 'multiple';
  /** The rows selected for a batch (controlled; `selectionMode="multiple"`). Pass a new set for each change. */
  selectedIds?: ReadonlySet<ConversationId>;
  /** The rows selected at first (uncontrolled). */
  defaultSelectedIds?: Iterable<ConversationId>;
  /** Called with each new multi-selection, including when selected conversations leave the list. */
  onSelectionChange?: (ids: ReadonlySet<ConversationId>) => void;
  /**
   * Rows that hold still: new messages update rows in place instead of moving them, and a "3 new — show" pill
   * catches up. `auto`: while the pointer is over the list or a selection exists. Only the view holds; the store
   * keeps its order. @default false
   */
  holdOrder?: boolean | 'auto';
  /**
   * The jump keys (next / previous unread, next mention), as `useInboxShortcuts` takes them; `false` turns them off.
   * Listened for on the document, not in text fields. @default DEFAULT_INBOX_SHORTCUTS
   */
  shortcuts?: Partial<Record<ListShortcut, string | readonly string[]>> | false;
  /** Imperative access: jump to a conversation (focus, scroll, select), as `UnreadJump`'s `onJump` needs. */
  handleRef?: Ref<ConversationListHandle>;
}

/** What `handleRef` gives. */
export interface ConversationListHandle {
  /** Focuses, scrolls to and selects a conversation of the list (when it is a row of it once rendered). */
  jumpTo(id: ConversationId): void;
}

const EMPTY_FILTER: ConversationListFilter = {};
const INTERACTIVE = 'button,a[href],input,select,textarea,summary,[role=button],[role=link],[role=menuitem],[contenteditable=true]';
const TEXT_ENTRY = 'input:not([type=button],[type=checkbox],[type=radio],[type=submit]),textarea,select,[contenteditable=true]';
const ROW_FOCUSABLE = ':is(button,a[href],input,select,textarea,[tabindex]):not(:disabled)';
const ROW = `[data-conversation-id],[${FOLDED_ROW_ATTRIBUTE}]`;
const noop = () => {};

/** Throws `INVALID_ARGUMENT` naming the prop for a `selectionMode` or `holdOrder` the list does not know, before it changes anything. */
function assertListModes(selectionMode: unknown, holdOrder: unknown): void {
  if (selectionMode !== 'single' && selectionMode !== 'multiple') {
    throw new InboxError('INVALID_ARGUMENT', `Invalid selectionMode ${quote(selectionMode)} for <ConversationList>: expected "single" or "multiple".`);
  }
  if (holdOrder !== true && holdOrder !== false && holdOrder !== 'auto') {
    throw new InboxError('INVALID_ARGUMENT', `Invalid holdOrder ${quote(holdOrder)} for <ConversationList>: expected true, false or "auto".`);
  }
}

/**
 * The conversation list: a virtualized ARIA grid of `ConversationItem` rows, keyed by conversation id.
 *
 * - **Virtualized** with @tanstack/react-virtual: only visible rows plus `overscan` are in the DOM; rows are
 *   measured, so variable heights (a failure notice) work. New rows (the first page, another group or query) are
 *   painted before the overscan rows are made.
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
    onClearFilter,
    onAddConversations,
    skeletonRows = 8,
    canDragToGroups = true,
    selectionMode = 'single',
    selectedIds,
    defaultSelectedIds,
    onSelectionChange,
    holdOrder = false,
    shortcuts,
    handleRef,
    className,
    style,
    onKeyDown: onKeyDownProp,
    ...rest
  },
  ref,
) {
  assertListModes(selectionMode, holdOrder);
  const store = useInboxStore(storeProp, 'ConversationList');
  const t = useMessages(listMessages);
  const plural = usePlural(batchMessages);
  const { unreadOnly, mentionsOnly } = filter;
  const query = filter.query?.trim();
  // The order read in place (no array of every id per change): a message at once, a burst once per frame.
  const { view: listView, status, error, hasMore, isLoadingMore, loadMore } = useConversationListView(groupName, { ...filter, store });
  const isFiltered = !!(unreadOnly || mentionsOnly || query);
  const listKey = listKeyOf(groupName, filter);

  // ---- many rows selected for a batch, and rows that hold still while the user works on them ---------
  const multi = useListSelection({ isMultiple: selectionMode === 'multiple', groupName, filter, store, selectedIds, defaultSelectedIds, onSelectionChange });
  const [isPointerInside, setPointerInside] = useState(false);
  const isHeld = holdOrder === true || (holdOrder === 'auto' && (isPointerInside || multi.count > 0));
  const held = useHeldOrder(listView, isHeld, { store, listKey });
  // The rows: the list with its "Folded chats" row, or the folded conversations while that row is open.
  const folded = useFoldedRow(store, groupName, isFiltered, held.view);
  const view = folded.rows;
  const count = view.size;

  // ---- selection (controlled or not) and focus, both by id ----------------------------------------
  const [ownSelection, setOwnSelection] = useState(defaultSelectedId);
  const selected = selectedId !== undefined ? selectedId : ownSelection;
  // `index` is where the focused row was when focus last moved: if that conversation leaves the list, the
  // row that takes its place gets focus.
  const [focus, setFocus] = useState<{ id: RowKey; index: number } | null>(null);
  const [hasFocus, setHasFocus] = useState(false);
  const [isFocusVisible, setFocusVisible] = useState(false);
  const pointerFocus = useRef(false);
  // Taps toggle rows while selecting on touch; clicks of a mouse select one row.
  const lastPointer = useRef<string>('mouse');
  /** The row the last first click of a click sequence was on (a double click must hit the same row twice). */
  const firstClick = useRef<RowKey | null>(null);

  const indexOf = (id: RowKey): number | undefined => {
    const at = view.indexOf(id);
    return at < 0 ? undefined : at;
  };
  const focusIndex = focus ? indexOf(focus.id) : undefined;
  const selectedIndex = selected === null ? undefined : indexOf(selected);
  const focusedIndex =
    focusIndex ?? (focus && count ? Math.min(focus.index, count - 1) : (selectedIndex ?? (count ? 0 : -1)));
  const focusedId = focusedIndex < 0 ? null : view.at(focusedIndex)!;
  const focusId = (id: RowKey) => setFocus({ id, index: indexOf(id) ?? 0 });

  // ---- virtualizer ---------------------------------------------------------------------------------
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // The virtualizer's methods are not memoizable, so React Compiler skips this component; rows are memoized by hand.
  // Its items are keyed by index (its default), not by id: a reorder then costs it nothing instead of a walk over every
  // row. Row sizes are kept by id (useRowSizes) and placed by index for it.
  const virtualizerRef = useRef<Virtualizer<HTMLDivElement, HTMLDivElement> | null>(null);
  const customMeasure = virtualizerOptions?.measureElement;
  const measureRow: MeasureRow | undefined = customMeasure && ((element, entry) => customMeasure(element as HTMLDivElement, entry, virtualizerRef.current!));
  const sizes = useRowSizes(view, rowHeight, measureRow);
  // Names the set of rows shown: another group, filter or query, or the folded conversations opened, is a new set.
  const rowsKey = `${listKey}${folded.isOpen}`;
  const virtualizer = useVirtualizer<HTMLDivElement, HTMLDivElement>({
    count,
    getScrollElement: useCallback(() => scrollRef.current, []),
    estimateSize: sizes.estimateSize,
    getItemKey: sizes.getItemKey,
    overscan: useOverscanAfterFirstPaint(overscan, count > 0, rowsKey),
    ...virtualizerOptions,
  });
  virtualizerRef.current = virtualizer;
  // Before the items are read: a new order may move the offset they are computed from.
  useScrollAnchor(virtualizer, view, sizes.getItemKey, rowsKey);
  const items = virtualizer.getVirtualItems();
  const scrollToIndex = (index: number) => virtualizer.scrollToIndex(index, { align: 'auto' });
  // Back from the folded conversations, the folded row is focused: bring it into view (the anchor above went to the top).
  const isFoldedFocused = isFoldedKey(focus?.id);
  useLayoutEffect(() => {
    if (!folded.isOpen && isFoldedFocused) virtualizer.scrollToIndex(view.indexOf(FOLDED_ROW_KEY), { align: 'auto' });
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the folded conversations close
  }, [folded.isOpen]);

  // ---- paging: load the next page when the last rendered row is within `overscan` of the end ---------
  const lastRendered = items.at(-1)?.index ?? -1;
  const shouldLoadMore = hasMore && !isLoadingMore && !error && lastRendered >= 0 && lastRendered >= count - 1 - overscan;
  // The store's `isLoadingMore` turns this false while a page loads, so it asks again only if the end is still near
  // once the page arrived; a failure becomes the `error` state.
  useEffect(() => {
    if (shouldLoadMore) loadMore().catch(noop);
  }, [shouldLoadMore, loadMore]);

  // ---- commands ------------------------------------------------------------------------------------
  const select = (id: ConversationId) => {
    if (selectedId === undefined) setOwnSelection(id);
    if (id !== selected) onSelect?.(id);
  };
  const openFolded = () => {
    folded.open();
    setFocus(null); // the first folded conversation, or the selected one
  };
  const closeFolded = () => {
    folded.close();
    setFocus({ id: FOLDED_ROW_KEY, index: 0 });
    scrollRef.current?.focus({ preventScroll: true });
  };
  const open = (id: RowKey) => {
    if (isFoldedKey(id)) return openFolded();
    select(id);
    onOpen?.(id);
    // A failure is shown on the row and reported to onError by the store.
    if (markReadOnOpen) store.getState().actions.markRead(id).catch(noop);
  };
  // A DOM id for a conversation id: everything but [A-Za-z0-9-] is escaped, so distinct ids never collide.
  const baseId = useId();
  const domIdOf = (id: RowKey) => isFoldedKey(id) ? `${baseId}-folded` : `${baseId}-row-${id.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.codePointAt(0)!.toString(16)}_`)}`;
  const rowElement = (id: RowKey) => scrollRef.current!.ownerDocument.getElementById(domIdOf(id));

  const moveFocus = (index: number): RowKey | null => {
    if (!count) return null;
    const target = Math.max(0, Math.min(count - 1, index));
    const id = view.at(target)!;
    setFocus({ id, index: target });
    setFocusVisible(true);
    scrollToIndex(target);
    return id;
  };

  // ---- jumping to a conversation (next unread, a handle call): once it is a row, focus and select it ----
  const [jumpTarget, setJumpTarget] = useState<ConversationId | null>(null);
  useImperativeHandle(handleRef, () => ({ jumpTo: (id) => setJumpTarget(id) }), []);
  const jumpIndex = jumpTarget === null ? -1 : view.indexOf(jumpTarget);
  useEffect(() => {
    if (jumpTarget === null || jumpIndex < 0) return;
    setJumpTarget(null);
    setFocus({ id: jumpTarget, index: jumpIndex });
    setFocusVisible(true);
    scrollToIndex(jumpIndex);
    select(jumpTarget);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once per jump, when its row exists
  }, [jumpTarget, jumpIndex]);
  const focusedConversation = focusedId !== null && !isFoldedKey(focusedId) ? focusedId : selected;
  useJumpShortcuts({ groupName, filter, store, fromId: focusedConversation, keys: shortcuts ?? {}, onJump: setJumpTarget });

  /** The row a page away: the one at the opposite edge of a viewport-high window from the focused row. */
  const pageFrom = (from: number, direction: 1 | -1): number => {
    const height = virtualizer.scrollRect?.height || scrollRef.current!.clientHeight;
    virtualizer.getTotalSize(); // brings the measurements up to date
    const item = virtualizer.measurementsCache[from];
    if (!item || height <= 0) return from + direction;
    const offset = direction > 0 ? item.start + height : item.end - height;
    if (offset <= 0) return 0;
    const target = virtualizer.getVirtualItemForOffset(offset)?.index ?? from;
    return target === from ? from + direction : target;
  };

  const requestActions = (id: ConversationId, details: ConversationListItemActionsDetails) => {
    focusId(id);
    onItemActions?.(id, details);
  };

  // ---- keyboard ------------------------------------------------------------------------------------
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDownProp?.(event);
    if (event.defaultPrevented || event.altKey) return;
    pointerFocus.current = false;
    const grid = event.currentTarget;
    const target = event.target as HTMLElement;
    const { key } = event;
    const forward = isRtl(grid) ? 'ArrowLeft' : 'ArrowRight';
    const backward = forward === 'ArrowLeft' ? 'ArrowRight' : 'ArrowLeft';

    if (target !== grid) {
      // A control inside a row: the arrows move between the row's controls and back to the grid.
      const row = target.closest<HTMLElement>('[role="row"]');
      // Text fields keep their arrow keys (caret, selection); Escape still leaves them.
      if (!row || (target.matches(TEXT_ENTRY) && key !== 'Escape')) return;
      const controls = Array.from(row.querySelectorAll<HTMLElement>(ROW_FOCUSABLE));
      const position = controls.indexOf(target);
      if (key === forward && position >= 0 && position < controls.length - 1) controls[position + 1]!.focus();
      else if (key === backward && position > 0) controls[position - 1]!.focus();
      else if (key === backward || key === 'Escape') grid.focus();
      else if (key === 'ArrowDown' || key === 'ArrowUp') {
        grid.focus();
        moveFocus(Number(row.dataset.index) + (key === 'ArrowDown' ? 1 : -1));
      } else return;
    } else if (focusedId === null) return;
    else if (
      multi.onKeyDown(event, { id: isFoldedKey(focusedId) ? null : focusedId, index: focusedIndex }, (index) => {
        const id = moveFocus(index);
        return id === null || isFoldedKey(id) ? null : id;
      })
    ) {
      // handled: a range, select all, clear, or a toggle
    } else if (key === 'ArrowDown') moveFocus(focusedIndex + 1);
    else if (key === 'ArrowUp') moveFocus(focusedIndex - 1);
    else if (key === 'Home') moveFocus(0);
    else if (key === 'End') moveFocus(count - 1);
    else if (key === 'PageDown') moveFocus(pageFrom(focusedIndex, 1));
    else if (key === 'PageUp') moveFocus(pageFrom(focusedIndex, -1));
    else if (key === 'Enter' || key === ' ' || key === 'Spacebar') {
      setFocusVisible(true);
      if (key === 'Enter' || isFoldedKey(focusedId)) open(focusedId);
      else select(focusedId);
    } else if (key === 'Escape' && folded.isOpen) closeFolded();
    else if (key === 'ContextMenu' || (key === 'F10' && event.shiftKey)) {
      if (!onItemActions || isFoldedKey(focusedId)) return;
      scrollToIndex(focusedIndex);
      requestActions(focusedId, { trigger: 'keyboard', anchor: rowElement(focusedId) });
    } else if (key === forward) {
      const first = rowElement(focusedId)?.querySelector<HTMLElement>(ROW_FOCUSABLE);
      if (!first) return;
      first.focus();
    } else return;
    event.preventDefault();
  };

  // ---- pointer -------------------------------------------------------------------------------------
  const hasGroups = useCapabilities(store).groups !== 'none';
  const rowDrag = useRowDrag(canDragToGroups && hasGroups);

  /** The row under the pointer, unless the event happened on a control inside it. */
  const rowFromEvent = (event: MouseEvent<HTMLDivElement>) => {
    const target = event.target as Element;
    const row = target.closest<HTMLElement>(ROW);
    const control = target.closest(INTERACTIVE);
    return row && event.currentTarget.contains(row) && !(control && row.contains(control)) ? row : null;
  };

  /** A long press on touch asks for a row's actions at the finger, as a right click does at the pointer. */
  const longPress = useLongPress(({ target, clientX, clientY }) => {
    const row = target.closest<HTMLElement>(ROW);
    const control = target.closest(INTERACTIVE);
    if (!row || isFoldedKey(rowKeyOf(row)) || !scrollRef.current?.contains(row) || (control && row.contains(control))) return;
    // In selection mode, a long press starts selecting (the batch bar has the actions); else it asks for the row's.
    if (multi.onLongPress(row.dataset.conversationId!)) return rowDrag.cancel();
    if (!onItemActions) return;
    rowDrag.cancel(); // the finger rested without moving: the row's actions, not a drag
    setFocusVisible(false);
    requestActions(row.dataset.conversationId!, { trigger: 'pointer', anchor: row, clientX, clientY });
  });

  // ---- rendering -----------------------------------------------------------------------------------
  const renderProps: ConversationListRenderProps = {
    status,
    isEmpty: status !== 'loading' && status !== 'error' && !count,
    isFiltered,
    isFocused: hasFocus,
    isFocusVisible: hasFocus && isFocusVisible,
    isLoadingMore,
    hasMore,
    error,
  };
  const resolved = resolveStyleProps('ik-ConversationList', className, style, renderProps);
  const retry = (
    <button
      type="button"
      className="ik-ConversationList-retry"
      onClick={() => void (onRetry ? onRetry() : status === 'error' ? store.reload() : loadMore().catch(noop))}
    >
      {t('list.retry')}
    </button>
  );

  let body: ReactNode;
  if (count) {
    const rowCount = hasMore ? -1 : count;
    body = (
      <>
        {error && (
          <div className="ik-ConversationList-banner" role="alert">
            <span className="ik-ConversationList-bannerText">
              {t(status === 'error' ? 'list.error' : 'list.loadMoreError')}
              {error.message ? `: ${error.message}` : ''}
            </span>
            {retry}
          </div>
        )}
        {folded.isOpen && <FoldedHeader onBack={closeFolded} />}
        {held.isHolding && <NewRowsPill count={held.newCount} onShow={held.release} />}
        <div
          ref={scrollRef}
          role="grid"
          tabIndex={0}
          className="ik-ConversationList-viewport"
          aria-label={folded.isOpen ? t('folded.title') : ariaLabelledBy ? undefined : (ariaLabel ?? t('list.label'))}
          aria-labelledby={folded.isOpen ? undefined : ariaLabelledBy}
          aria-rowcount={rowCount}
          aria-multiselectable={multi.isMultiple || undefined}
          aria-activedescendant={focusedId !== null && items.some((item) => item.index === focusedIndex) ? domIdOf(focusedId) : undefined}
          data-focus-visible={dataFlag(renderProps.isFocusVisible)}
          // Inline because virtualization depends on them, with or without the stylesheet: the viewport must be the
          // scroller and fill the root; the browser's own scroll anchoring would fight ours.
          style={{ flex: '1 1 auto', minHeight: 0, overflowY: 'auto', position: 'relative', overflowAnchor: 'none' }}
          onKeyDown={onKeyDown}
          onClick={(event) => {
            const row = rowFromEvent(event);
            if (event.detail <= 1) firstClick.current = row && rowKeyOf(row);
            if (!row) return;
            const key = rowKeyOf(row);
            setFocusVisible(false);
            if (isFoldedKey(key)) return open(key);
            focusId(key);
            if (multi.onClick(key, event, lastPointer.current === 'touch', selected)) return;
            select(key);
          }}
          onDoubleClick={(event) => {
            const row = rowFromEvent(event);
            // Both clicks on this row: a double click that opened the folded row does not open what then took its place.
            if (row && firstClick.current === rowKeyOf(row)) open(rowKeyOf(row));
          }}
          onContextMenu={(event) => {
            const row = onItemActions && rowFromEvent(event);
            if (!row || isFoldedKey(rowKeyOf(row))) return;
            event.preventDefault();
            setFocusVisible(false);
            requestActions(row.dataset.conversationId!, { trigger: 'pointer', anchor: row, clientX: event.clientX, clientY: event.clientY });
          }}
          onDragStart={rowDrag.onDragStart}
          onDragEnd={rowDrag.onDragEnd}
          onPointerEnter={(event) => event.pointerType === 'mouse' && setPointerInside(true)}
          onPointerLeave={() => setPointerInside(false)}
          onPointerDown={(event) => {
            pointerFocus.current = true;
            lastPointer.current = event.pointerType;
            longPress.onPointerDown(event);
            rowDrag.onPointerDown(event);
          }}
          onPointerMove={(event) => {
            longPress.onPointerMove(event);
            rowDrag.onPointerMove(event);
          }}
          onPointerUp={(event) => {
            longPress.onPointerUp(event);
            rowDrag.onPointerUp(event);
          }}
          onPointerCancel={(event) => {
            longPress.onPointerCancel(event);
            rowDrag.onPointerCancel(event);
          }}
          onFocus={(event) => {
            setHasFocus(true);
            const byPointer = pointerFocus.current;
            pointerFocus.current = false;
            if (event.target !== event.currentTarget) {
              // A control inside a row took focus (arrow key or click): that row is now the focused one.
              const id = (event.target as Element).closest<HTMLElement>(ROW)?.dataset.conversationId;
              if (id !== undefined && id !== focusedId) focusId(id);
            } else if (!byPointer) {
              // Focus arrived from the keyboard (Tab): show the ring and bring the focused row into view.
              setFocusVisible(true);
              if (focusedIndex >= 0 && !items.some((item) => item.index === focusedIndex)) scrollToIndex(focusedIndex);
            }
          }}
          onBlur={(event) => {
            if (event.currentTarget.contains(event.relatedTarget)) return;
            pointerFocus.current = false;
            setHasFocus(false);
            setFocusVisible(false);
          }}
        >
          <div className="ik-ConversationList-rows" style={{ position: 'relative', width: '100%', height: virtualizer.getTotalSize() }}>
            {items.map(({ index, start }) => {
              const id = view.at(index)!;
              const isFocused = hasFocus && index === focusedIndex;
              if (isFoldedKey(id))
                return (
                  <FoldedListRow
                    // Keys in two spaces ("f", "c" + id), as a conversation may have any id, "folded" too.
                    key="f"
                    row={folded.row!}
                    index={index}
                    start={start}
                    height={rowHeight}
                    domId={domIdOf(id)}
                    isFocused={isFocused}
                    isFocusVisible={isFocused && isFocusVisible}
                    now={now}
                  />
                );
              return (
                <ListRow
                  key={`c${id}`}
                  id={id}
                  index={index}
                  start={start}
                  rowCount={rowCount}
                  domId={domIdOf(id)}
                  isSelected={multi.isSelected(id) ?? id === selected}
                  isFocused={isFocused}
                  isFocusVisible={isFocused && isFocusVisible}
                  isDraggable={rowDrag.isEnabled}
                  sizer={sizes.rows}
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
  } else if (status === 'loading') {
    const line = <span className="ik-ConversationList-skeletonLine" />;
    body = (
      <div className="ik-ConversationList-skeleton" aria-hidden="true">
        {Array.from({ length: skeletonRows }, (_, i) => (
          <div key={i} className="ik-ConversationList-skeletonRow">
            <span className="ik-ConversationList-skeletonAvatar" />
            <span className="ik-ConversationList-skeletonLines">
              {line}
              {line}
            </span>
          </div>
        ))}
      </div>
    );
  } else if (status === 'error') {
    body = (
      <div className="ik-ConversationList-error" role="alert">
        <p className="ik-ConversationList-errorTitle">{t('list.error')}</p>
        {error?.message && <p className="ik-ConversationList-errorMessage">{error.message}</p>}
        {retry}
      </div>
    );
  } else {
    body = (
      <div className="ik-ConversationList-empty" data-reason={isFiltered ? 'filtered' : groupName !== undefined ? 'group' : 'none'}>
        {renderEmpty ? (
          renderEmpty({ isFiltered, groupName })
        ) : (
          <EmptyState
            icon={isFiltered ? 'filter' : 'inbox'}
            text={t(isFiltered ? 'list.emptyFiltered' : groupName !== undefined ? 'list.emptyGroup' : 'list.empty')}
            action={
              isFiltered
                ? onClearFilter && [t('list.showAll'), onClearFilter]
                : groupName !== undefined
                  ? onAddConversations && [t('list.addConversations'), () => onAddConversations(groupName)]
                  : undefined
            }
          />
        )}
      </div>
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
      data-selecting={dataFlag(multi.count > 0)}
      data-holding={dataFlag(held.isHolding)}
    >
      {multi.isMultiple && (
        <div className="ik-ConversationList-selectionStatus" role="status">
          {multi.count > 0 && visuallyHidden(plural('batch.selected', multi.count))}
        </div>
      )}
      <div className="ik-ConversationList-status" role="status" data-status={isLoadingMore ? 'loadingMore' : status}>
        {status === 'loading' && !count ? t('list.loading') : isLoadingMore ? t('list.loadingMore') : status === 'syncing' ? t('list.syncing') : ''}
      </div>
      {body}
    </div>
  );
  // Rows (and custom `renderItem` content) read the same store as the list.
  return storeProp ? <InboxStoreContext.Provider value={storeProp}>{content}</InboxStoreContext.Provider> : content;
});
