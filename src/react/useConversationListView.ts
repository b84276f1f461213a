'use client';
import type { InboxStore, ListView } from '../core/store.js';
import { useInboxStore } from './context.js';
import { useListState, useViewSelector, type ConversationListOptions, type ConversationListResult } from './useConversationList.js';
import { useInboxSelector } from './useInboxSelector.js';

export interface ConversationListViewResult extends Omit<ConversationListResult, 'ids'> {
  /** The order, read in place (`size`, `at`, `indexOf`); a new object whenever it changes. */
  view: ListView;
}

/**
 * Passes store changes on to React no later than the next frame, and at most once between two frames' starts.
 * The first change after a quiet frame goes through at once: React renders it in a microtask, so it is painted in the
 * coming frame, as with a plain subscription (a change made inside a frame's callbacks, in that very frame). Changes
 * after it are held until the next animation frame and go through together in its callback, which runs before that
 * frame's paint. The window stays shut while changes keep coming, so a burst costs one list render per frame; only
 * its first frame paints two (the opening change's and the frame's). Subscriptions run only in a browser.
 */
function watchOncePerFrame(store: InboxStore, onChange: () => void): () => void {
  let frame = 0; // the awaited frame's callback, while the window is shut
  let held = false; // changes arrived while it was
  const onFrame = () => {
    frame = held ? requestAnimationFrame(onFrame) : 0;
    if (held) {
      held = false;
      onChange();
    }
  };
  const unsubscribe = store.subscribe(() => {
    if (frame) {
      held = true;
      return;
    }
    frame = requestAnimationFrame(onFrame);
    onChange();
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
 * - a change is taken at once when it is the first since the last frame (painted in the next frame, like a plain
 *   subscription), later ones in the frame's callback, so a burst of messages costs one render a frame.
 *   Load state and errors are never deferred.
 */
export function useConversationListView(groupName?: string, options: ConversationListOptions = {}): ConversationListViewResult {
  const store = useInboxStore(options.store, 'useConversationListView');
  const view = useInboxSelector(store, useViewSelector(groupName, options), Object.is, watchOncePerFrame);
  return { view, ...useListState(store) };
}
