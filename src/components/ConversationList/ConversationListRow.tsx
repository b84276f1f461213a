'use client';
import type { ReactNode } from 'react';
import type { ConversationId } from '../../core/types.js';
import { ConversationItem, type ConversationItemComponents } from '../ConversationItem/ConversationItem.js';
import { InGridContext } from '../internal/hooks.js';
import { useInboxStore } from '../../react/context.js';
import { useRowConversation } from '../internal/useRowConversation.js';
import { memo, useCallback, useLayoutEffect, useMemo, useRef } from 'react';
import { dataFlag } from '../internal/renderProps.js';
import type { RowSizer } from './useRowSizes.js';

/** What `renderItem` gets besides the id. */
export interface ConversationListItemState {
  /** 0-based position in the list. */
  index: number;
  /** 1-based position, as announced (`aria-rowindex`). */
  rowIndex: number;
  /** Number of rows, or -1 while more pages exist (the grid's `aria-rowcount`). */
  rowCount: number;
  /** @selector .ik-ConversationList-row[data-selected] */
  isSelected: boolean;
  /** The list's focused row while the list has focus. @selector .ik-ConversationList-row[data-focused] */
  isFocused: boolean;
  /** Focused from the keyboard. @selector .ik-ConversationList-row[data-focus-visible] */
  isFocusVisible: boolean;
}

export interface ListRowProps {
  id: ConversationId;
  index: number;
  start: number;
  rowCount: number;
  domId: string;
  isSelected: boolean;
  isFocused: boolean;
  isFocusVisible: boolean;
  /** The row can be dragged onto a group tab (see `useRowDrag`). */
  isDraggable: boolean;
  sizer: RowSizer;
  renderItem: ((id: ConversationId, state: ConversationListItemState) => ReactNode) | undefined;
  components: ConversationItemComponents | undefined;
  now: number | undefined;
}

/**
 * Re-measures its row in the commit that changes what the row shows (a failure notice appears, a command starts, a
 * preview changes), so the rows below move in that same commit; a ResizeObserver sees the new size only at the next
 * frame's layout. It subscribes to what the default row subscribes to: React renders both in one batch, and layout
 * effects run after all of the commit's DOM changes.
 */
function MeasureOnChange({ id, measure }: { id: ConversationId; measure: () => void }) {
  // Held while gone, as the default row holds it: the list takes the row away by the next frame.
  const { conversation, isPending, failure } = useRowConversation(useInboxStore(undefined, 'ConversationList'), id, true);
  // Not when mounted: the ResizeObserver reports a new row without forcing a layout for each row that scrolls in.
  const mounted = useRef(false);
  useLayoutEffect(() => {
    if (mounted.current) measure();
    mounted.current = true;
  }, [conversation, isPending, failure, measure]);
  return null;
}

/**
 * One positioned row of the grid. The list owns this shell (role, position, ARIA, measurement); the content is
 * the default `ConversationItem` or whatever `renderItem` returns. Memoized on primitives, so a reorder only
 * moves shells and leaves the rows' content alone.
 */
export const ListRow = memo(function ListRow({
  id,
  index,
  start,
  rowCount,
  domId,
  isSelected,
  isFocused,
  isFocusVisible,
  isDraggable,
  sizer,
  renderItem,
  components,
  now,
}: ListRowProps) {
  const element = useRef<HTMLDivElement | null>(null);
  // Sizes are kept by id (useRowSizes), so a row that moves keeps its size and needs no measuring.
  const ref = useCallback(
    (node: HTMLDivElement | null) => {
      if (element.current) sizer.detach(element.current);
      element.current = node;
      if (node) sizer.attach(node);
    },
    [sizer],
  );
  const measure = useCallback(() => {
    if (element.current) sizer.measure(element.current);
  }, [sizer]);

  // A row scrolled out of range unmounts. If focus was inside it (on a control in the row), hand it back to the
  // grid before the node leaves the document, so the keyboard keeps working and the focused id is kept.
  useLayoutEffect(
    () => () => {
      const node = element.current;
      const grid = node?.closest<HTMLElement>('[role="grid"]');
      if (node && grid && node.contains(node.ownerDocument.activeElement)) grid.focus({ preventScroll: true });
    },
    [],
  );

  const state = useMemo<ConversationListItemState>(
    () => ({ index, rowIndex: index + 1, rowCount, isSelected, isFocused, isFocusVisible }),
    [index, rowCount, isSelected, isFocused, isFocusVisible],
  );

  return (
    <div
      ref={ref}
      id={domId}
      role="row"
      className="ik-ConversationList-row"
      data-index={index}
      data-conversation-id={id}
      // The grid's own position properties: aria-posinset/aria-setsize are valid on rows only in a treegrid.
      aria-rowindex={index + 1}
      aria-selected={isSelected}
      data-selected={dataFlag(isSelected)}
      data-focused={dataFlag(isFocused)}
      data-focus-visible={dataFlag(isFocusVisible)}
      draggable={isDraggable || undefined}
      style={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', transform: `translateY(${start}px)` }}
    >
      <MeasureOnChange id={id} measure={measure} />
      <div role="gridcell" className="ik-ConversationList-cell">
        <InGridContext.Provider value={true}>
          {renderItem ? (
            renderItem(id, state)
          ) : (
            <ConversationItem id={id} isSelected={isSelected} isFocused={isFocused} isFocusVisible={isFocusVisible} now={now} components={components} />
          )}
        </InGridContext.Provider>
      </div>
    </div>
  );
});
