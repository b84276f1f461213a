'use client';
import { useCallback, useMemo, useState } from 'react';
import type { FoldedRow, InboxState, InboxStore, ListView } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useInboxSelector } from '../../react/useInboxSelector.js';

/**
 * The key of the list's "Folded chats" row. A symbol, not a string: conversation ids are arbitrary strings, so no
 * string could be reserved for it.
 */
export const FOLDED_ROW_KEY: unique symbol = Symbol('inboxkit.foldedRow');

/** What a row of the list shows: a conversation, or the folded row. */
export type RowKey = ConversationId | typeof FOLDED_ROW_KEY;

export const isFoldedKey = (key: RowKey | null | undefined): key is typeof FOLDED_ROW_KEY => key === FOLDED_ROW_KEY;

/** The attribute that marks the folded row's element (conversation rows carry `data-conversation-id`). */
export const FOLDED_ROW_ATTRIBUTE = 'data-folded-row';

/** The key of a row element of the list. */
export const rowKeyOf = (row: HTMLElement): RowKey => (row.hasAttribute(FOLDED_ROW_ATTRIBUTE) ? FOLDED_ROW_KEY : row.dataset.conversationId!);

/** The rows of the grid in order, read in place like a `ListView`; a new object whenever they change. */
export interface RowsView {
  readonly size: number;
  at(index: number): RowKey | undefined;
  indexOf(key: RowKey): number;
}

/** A list of conversations alone. */
function conversationRows(view: ListView): RowsView {
  return { size: view.size, at: (index) => view.at(index), indexOf: (key) => (isFoldedKey(key) ? -1 : view.indexOf(key)) };
}

/** The list's rows with the folded row at `position`: O(1) per read, like the view itself. */
function withFoldedRow(view: ListView, position: number): RowsView {
  const at = Math.min(position, view.size);
  return {
    size: view.size + 1,
    at: (index) => (index === at ? FOLDED_ROW_KEY : view.at(index < at ? index : index - 1)),
    indexOf: (key) => {
      if (isFoldedKey(key)) return at;
      const index = view.indexOf(key);
      return index < at ? index : index + 1;
    },
  };
}

/** The same folded row for what it shows; `position` is read with the list's view, which changes with it. */
const sameContent = (a: FoldedRow | undefined, b: FoldedRow | undefined) =>
  a === b || (!!a && !!b && a.ids === b.ids && a.unreadCount === b.unreadCount && a.newest === b.newest);

export interface FoldedRows {
  /** What the grid shows: the list with the folded row in it, or the folded conversations while they are open. */
  rows: RowsView;
  /** What the folded row shows, while the list shows it; else undefined. */
  row: FoldedRow | undefined;
  /** The folded conversations are shown instead of the list. */
  isOpen: boolean;
  open: () => void;
  close: () => void;
}

/**
 * The list's folded conversations (marked `fold`): one "Folded chats" row among the rows, at the store's `position`,
 * which opens a list of them. A filtered list shows folded conversations as ordinary rows, so it has no folded row.
 *
 * The row's content (its conversations, unread sum, newest one) is a subscription of its own, so a message in a folded
 * conversation updates it; its position is read in the same render as the list's `view`, so the two always agree
 * (the position moves only when the view or the folded conversations change).
 */
export function useFoldedRow(store: InboxStore, groupName: string | undefined, isFiltered: boolean, view: ListView): FoldedRows {
  const selector = useCallback((state: InboxState) => (isFiltered ? undefined : state.lists.folded(groupName)), [isFiltered, groupName]);
  const folded = useInboxSelector(store, selector, sameContent);
  const position = useMemo(() => {
    void view; // the position moves with the view
    return folded && (store.getState().lists.folded(groupName)?.position ?? folded.position);
  }, [store, groupName, folded, view]);

  // Open for one list: another group (or no folded conversation left) shows the list again.
  const [openIn, setOpenIn] = useState<{ groupName: string | undefined } | null>(null);
  const isOpen = !!folded && openIn !== null && openIn.groupName === groupName;
  const open = useCallback(() => setOpenIn({ groupName }), [groupName]);
  const close = useCallback(() => setOpenIn(null), []);

  const rows = useMemo(() => {
    if (!folded) return conversationRows(view);
    return isOpen ? conversationRows(folded.view) : withFoldedRow(view, position ?? folded.position);
  }, [isOpen, folded, view, position]);
  return { rows, row: isOpen ? undefined : folded, isOpen, open, close };
}
