'use client';
import { useMemo } from './runtime.js';
import type { InboxState, InboxStore, ListView } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';
import { useIdsSelector, useListState, type ConversationListOptions, type ConversationListResult } from './useConversationList.js';
import { shallowArrayEqual, useInboxSelector } from './useInboxSelector.js';

export interface ConversationListViewResult extends Omit<ConversationListResult, 'ids'> {
  /** The order, read in place (`size`, `at`, `indexOf`); a new object whenever it changes. */
  view: ListView;
}

/** Looks at the store once per animation frame instead of after every change (subscriptions run only in a browser). */
function watchPerFrame(store: InboxStore, onChange: () => void): () => void {
  let frame = 0;
  const unsubscribe = store.subscribe(() => {
    frame ||= requestAnimationFrame(() => {
      frame = 0;
      onChange();
    });
  });
  return () => {
    unsubscribe();
    cancelAnimationFrame(frame);
  };
}

const sameOrder = (a: readonly ConversationId[] | ListView, b: readonly ConversationId[] | ListView) =>
  // A view is never equal to another object; an array to another array of the same ids.
  a === b || (Array.isArray(a) && shallowArrayEqual(a, b as readonly ConversationId[]));

/**
 * `useConversationList` for virtualized lists of any length, as `ConversationList` uses it:
 * - the order comes as a `ListView` read in place, not as an array of every id, which at 100,000 conversations costs
 *   more to build on each change than the change itself (a filtered list is still an array underneath);
 * - a new order is taken at most once per animation frame, so a burst of messages costs one render a frame.
 *   Load state and errors are never deferred.
 */
export function useConversationListView(groupName?: string, options: ConversationListOptions = {}): ConversationListViewResult {
  const store = useInboxStore(options.store, 'useConversationListView');
  const selectIds = useIdsSelector(groupName, options);
  const isFiltered = Boolean(options.unreadOnly || options.mentionsOnly || options.query?.trim());
  const value = useInboxSelector(
    store,
    useMemo(() => (isFiltered ? selectIds : (state: InboxState) => state.lists.view(groupName)), [isFiltered, selectIds, groupName]),
    sameOrder,
    watchPerFrame,
  );
  const view = useMemo((): ListView => {
    if (!Array.isArray(value)) return value as ListView;
    // A filtered list: filtering already went through every id, so a scan for a position costs no more.
    const ids = value as readonly ConversationId[];
    return { size: ids.length, at: (index) => ids[index], indexOf: (id) => ids.indexOf(id) };
  }, [value]);
  return { view, ...useListState(store) };
}
