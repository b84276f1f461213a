'use client';
import { useStore } from 'zustand';
import { useCallback, useMemo, useState } from 'react';
import { findNextUnread, hasUnreadTarget, type UnreadJumpKind } from '../core/findUnread.js';
import type { InboxState, InboxStore, ListFilter } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';

/** Pages one `next` call loads at most before giving up (at the default page size of 100: 2,000 rows). */
export const DEFAULT_JUMP_MAX_PAGES = 20;

export interface UnreadNavigationOptions {
  /** The group whose list is navigated; all conversations when undefined. */
  groupName?: string;
  /** The filter of the list on screen, so that jumps follow the rows shown. */
  filter?: ListFilter;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /**
   * Pages one forward `next` loads at most while looking for a target past the loaded rows, so that a jump in a huge
   * inbox with nothing unread below does not page through the whole backend. @default 20
   */
  maxPages?: number;
}

export interface UnreadNavigation {
  /**
   * The next conversation to jump to after `fromId` (before it with `direction: -1`), in the order on screen;
   * `null` when there is none. Going down past the loaded rows, it loads pages (`loadMore`) and keeps looking, up
   * to `maxPages` pages per call; going up it never loads. It does not wrap around. Rejects with the store's
   * `InboxError` when loading a page fails (the store has reported it to `onError` already).
   */
  next(fromId: ConversationId | null, direction: 1 | -1, kind: UnreadJumpKind): Promise<ConversationId | null>;
  /** The loaded rows include an unread conversation (unread messages, muted or not, or marked unread). */
  hasUnread: boolean;
  /** The loaded rows include a conversation with an unread @-mention. */
  hasMention: boolean;
  /** A `next` call is waiting for a page to load. */
  isSearching: boolean;
}

/** The filter as a value that changes only when a field does (callers often pass a new object every render). */
function useStableFilter(filter: ListFilter | undefined): ListFilter | undefined {
  const unreadOnly = Boolean(filter?.unreadOnly);
  const mentionsOnly = Boolean(filter?.mentionsOnly);
  const query = filter?.query ?? '';
  return useMemo(
    () => (unreadOnly || mentionsOnly || query.trim() ? { unreadOnly, mentionsOnly, query } : undefined),
    [unreadOnly, mentionsOnly, query],
  );
}

/** `next` and `isSearching` of `useUnreadNavigation`, without `hasUnread` and `hasMention`. */
export type NextUnread = Pick<UnreadNavigation, 'next' | 'isSearching'>;

/**
 * `useUnreadNavigation`'s `next` alone, for keyboard shortcuts: it reads the store only when called, so a list that
 * offers the shortcuts does not subscribe to anything, and the store keeps no unread-only or mentions-only order for
 * it (`hasUnread` and `hasMention` need those, updated on every change).
 */
export function useNextUnread(options: UnreadNavigationOptions = {}): NextUnread {
  const store = useInboxStore(options.store, 'useUnreadNavigation');
  const { groupName, maxPages = DEFAULT_JUMP_MAX_PAGES } = options;
  const filter = useStableFilter(options.filter);
  const [searches, setSearches] = useState(0);

  const next = useCallback(
    async (fromId: ConversationId | null, direction: 1 | -1, kind: UnreadJumpKind): Promise<ConversationId | null> => {
      const find = (state: InboxState, from: ConversationId | null) => findNextUnread(state, { groupName, filter, fromId: from, direction, kind });
      let state = store.getState();
      const found = find(state, fromId);
      if (found !== undefined) return found;
      // Pages append below the loaded rows, so only a downward search can find more by loading.
      if (direction === -1 || !state.hasMore) return null;

      setSearches((n) => n + 1);
      try {
        let view = state.lists.view(groupName, filter);
        // Where the scan ended: the next page is searched from there, not from `fromId` again.
        let anchor = view.size > 0 ? view.at(view.size - 1) : undefined;
        for (let page = 0; page < maxPages && state.hasMore; page++) {
          const heldBefore = state.conversations.size;
          await state.actions.loadMore();
          state = store.getState();
          view = state.lists.view(groupName, filter);
          // The anchor may have left the list meanwhile (deleted): fall back to where the user is.
          const from = anchor !== undefined && view.indexOf(anchor) !== -1 ? anchor : fromId;
          const hit = find(state, from);
          if (hit !== undefined) return hit;
          if (view.size > 0) anchor = view.at(view.size - 1);
          // Nothing arrived (not connected, or the backend sent an empty page): more calls would not either.
          if (state.conversations.size === heldBefore) break;
        }
        return null;
      } finally {
        setSearches((n) => n - 1);
      }
    },
    [store, groupName, filter, maxPages],
  );

  return { next, isSearching: searches > 0 };
}

/**
 * Next / previous unread and next mention over a list, in the order on screen, across pages: what a "jump" control
 * or keyboard shortcuts need.
 *
 * "Unread" is what the row shows as unread (`isUnreadTarget`): unread messages — also in a muted conversation,
 * whose row shows a dot — or marked unread. `hasUnread` and `hasMention` read the store's maintained filtered lists,
 * so each store change costs O(log n) here, never a pass over the rows; `next` costs O(distance) plus the pages it
 * loads. Shortcuts alone need only `next`: see `useNextUnread`.
 */
export function useUnreadNavigation(options: UnreadNavigationOptions = {}): UnreadNavigation {
  const store = useInboxStore(options.store, 'useUnreadNavigation');
  const { groupName } = options;
  const filter = useStableFilter(options.filter);
  const { next, isSearching } = useNextUnread(options);
  const hasUnread = useStore(store, useCallback((state: InboxState) => hasUnreadTarget(state, 'unread', groupName, filter), [groupName, filter]));
  const hasMention = useStore(store, useCallback((state: InboxState) => hasUnreadTarget(state, 'mention', groupName, filter), [groupName, filter]));
  return { next, hasUnread, hasMention, isSearching };
}
