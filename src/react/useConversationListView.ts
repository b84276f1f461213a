'use client';
import type { InboxStore, ListView } from '../core/store.js';
import { useInboxStore } from './context.js';
import { useListState, useViewSelector, type ConversationListOptions, type ConversationListResult } from './useConversationList.js';
import { useInboxSelector } from './useInboxSelector.js';

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

/**
 * `useConversationList` for virtualized lists of any length, as `ConversationList` uses it:
 * - the order comes as a `ListView` read in place, not as an array of every id, which at 100,000 conversations costs
 *   more to build on each change than the change itself (filtered lists too: the store keeps them incrementally);
 * - a new order is taken at most once per animation frame, so a burst of messages costs one render a frame.
 *   Load state and errors are never deferred.
 */
export function useConversationListView(groupName?: string, options: ConversationListOptions = {}): ConversationListViewResult {
  const store = useInboxStore(options.store, 'useConversationListView');
  const view = useInboxSelector(store, useViewSelector(groupName, options), Object.is, watchPerFrame);
  return { view, ...useListState(store) };
}
