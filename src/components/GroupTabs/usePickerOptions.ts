'use client';
import { useStore } from 'zustand';
import { useCallback, useDeferredValue, useMemo } from 'react';
import type { InboxState, ListView } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';

/**
 * Most options a picker renders. The list it picks from may hold 100,000 conversations; a person reads a few dozen
 * and types to find the others, so the picker lists the first ones and says "type to narrow" instead of virtualizing.
 */
export const PICKER_OPTIONS_MAX = 50;

export interface PickerOptions {
  /** The ids to show, in order, at most `PICKER_OPTIONS_MAX`. */
  ids: readonly ConversationId[];
  /** How many conversations match the query (all listed ones when it is empty). */
  total: number;
  /** The query `ids` answer (deferred, so typing stays responsive while a long list is searched). */
  query: string;
  /** The store has not loaded every conversation: the picker can list only the loaded ones. */
  hasMore: boolean;
  isLoadingMore: boolean;
  loadMore: () => void;
}

/** `first` where still listed, then the lists in order, without repeats, up to `max`. */
function pick(views: readonly ListView[], first: readonly ConversationId[], max: number): ConversationId[] {
  const ids: ConversationId[] = [];
  const seen = new Set<ConversationId>();
  const add = (id: ConversationId) => {
    if (seen.has(id)) return;
    seen.add(id);
    ids.push(id);
  };
  for (const id of first) {
    if (ids.length >= max) return ids;
    if (views.some((view) => view.indexOf(id) >= 0)) add(id);
  }
  for (const view of views) {
    for (let i = 0; i < view.size && ids.length < max; i++) add(view.at(i)!);
  }
  return ids;
}

const EMPTY: readonly ConversationId[] = [];

/**
 * The conversations a picker offers for a query, from the store's own orders: the filtered order for a query (which
 * the store keeps incrementally, so a keystroke at 100,000 costs a pass over titles it normalised once), else the list
 * and its folded conversations, which the plain order leaves out. Hidden conversations are in neither.
 *
 * `first` (the group's members, the app's selection) come first while no query is typed, so that what is chosen
 * can be seen and unchosen even when it is far down a long list.
 */
export function usePickerOptions(query: string, first: readonly ConversationId[] = EMPTY): PickerOptions {
  const store = useInboxStore(undefined, 'GroupTabs');
  const deferred = useDeferredValue(query.trim());
  const main = useStore(store, useCallback((state: InboxState) => state.lists.view(undefined, deferred ? { query: deferred } : undefined), [deferred]));
  const folded = useStore(store, useCallback((state: InboxState) => (deferred ? undefined : state.lists.folded(undefined)?.view), [deferred]));
  const hasMore = useStore(store, (state) => state.hasMore);
  const isLoadingMore = useStore(store, (state) => state.isLoadingMore);
  const ids = useMemo(() => {
    const views = folded ? [main, folded] : [main];
    return pick(views, deferred ? EMPTY : first, PICKER_OPTIONS_MAX);
  }, [main, folded, first, deferred]);
  return {
    ids,
    total: main.size + (folded?.size ?? 0),
    query: deferred,
    hasMore,
    isLoadingMore,
    // A failed page is reported by the store (onError, the list's own notice); the picker just offers to try again.
    loadMore: () => void store.getState().actions.loadMore().catch(() => undefined),
  };
}
