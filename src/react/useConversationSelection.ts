'use client';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { InboxState, InboxStore, ListFilter, ListView } from '../core/store.js';
import type { ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';
import { SelectedIds } from './selectedIds.js';

export interface ConversationSelectionOptions {
  /** The list the selection is over: a group, or all conversations when undefined. */
  groupName?: string;
  /** The list's filter (unread only, mentions only, a title query), as the list itself is shown. */
  filter?: ListFilter;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /**
   * Controlled selection: the hook shows this set and reports every change through `onSelectionChange` instead of
   * keeping its own. Compared by reference: pass a new set for each change.
   */
  selectedIds?: ReadonlySet<ConversationId>;
  /**
   * Uncontrolled: the selection to start with. Taken as given (the list may still be loading): an id not in the list
   * leaves the selection when it next changes.
   */
  defaultSelectedIds?: Iterable<ConversationId>;
  /** Called with each new selection, in both modes, including when ids leave it because they left the list. */
  onSelectionChange?: (ids: ReadonlySet<ConversationId>) => void;
}

/** A multi-selection over one list, as `useConversationSelection` returns it. */
export interface ConversationSelection {
  /**
   * The selected ids: the same object while the selection is unchanged, never changed once returned. A plain `Set`,
   * or for large selections a read-only set that shares its ids with the list or the previous selection.
   */
  selectedIds: ReadonlySet<ConversationId>;
  count: number;
  /** Where a range starts: the id last toggled (or clicked); null when none, or when it left the list. */
  anchor: ConversationId | null;
  isSelected(id: ConversationId): boolean;
  /**
   * Adds or removes one id (Ctrl/Cmd+click, a tap in selection mode) and makes it the anchor. Adding is O(selected)
   * (a copy); removing from a selection of over 1,000 is O(1).
   */
  toggle(id: ConversationId): void;
  /**
   * Selects anchor..id in the list's on-screen order, replacing the range the previous `extendTo` from the same
   * anchor added (Shift+click, Shift+arrow), as file managers do; what was selected before the anchor was set stays.
   * Without an anchor in the list, selects `id` and makes it the anchor. O(selected + range × log n).
   */
  extendTo(id: ConversationId): void;
  /**
   * Selects every id of the current list (group and filter). Over 1,000 rows, O(1): the selection is the list as it
   * is now, read in place (`has` is O(log n); iterating it builds the ids once); a plain `Set` below that.
   */
  selectAll(): void;
  /** Replaces the selection with the given ids that are in the list. O(k log n). */
  set(ids: Iterable<ConversationId>): void;
  /** Empties the selection and forgets the anchor. */
  clear(): void;
}

/** What the hook keeps: the ids, the anchor, and the ids the last `extendTo` added (which the next one replaces). */
interface SelectionState {
  ids: ReadonlySet<ConversationId>;
  anchor: ConversationId | null;
  range: ReadonlySet<ConversationId>;
}

const EMPTY: ReadonlySet<ConversationId> = Object.freeze(new Set<ConversationId>());
const CLEARED: SelectionState = Object.freeze({ ids: EMPTY, anchor: null, range: EMPTY });
/** Above this many selected ids, ids that leave the list are taken out once per frame (see the store listener). */
const LARGE_SELECTION = 1000;

// Layout effects keep the selection in step before paint; on the server, where they do not run, plain effects.
const useIsomorphicLayoutEffect = typeof window === 'undefined' ? useEffect : useLayoutEffect;

/** A published set: frozen so that nobody adds properties to it; the hook never calls `add` on it again. */
const publish = (ids: Set<ConversationId>): ReadonlySet<ConversationId> => (ids.size ? Object.freeze(ids) : EMPTY);

/**
 * The selection without `removed`: a copy of a small one; for a large one O(removed), without copying the rest
 * (see `SelectedIds`), so that a batch deleting 100,000 selected rows does not copy the selection once per frame.
 */
function withoutIds(ids: ReadonlySet<ConversationId>, removed: readonly ConversationId[]): ReadonlySet<ConversationId> {
  if (!(ids instanceof SelectedIds) && ids.size <= LARGE_SELECTION) {
    const next = new Set(ids);
    for (const id of removed) next.delete(id);
    return publish(next);
  }
  // Every caller has just found each removed id selected in `ids`: no second membership test per id.
  const next = (ids instanceof SelectedIds ? ids : SelectedIds.ofSet(ids)).withoutSelected(removed);
  return next.size ? next : EMPTY;
}

/** The filter, or undefined when it keeps everything: `{}` and no filter are the same list. */
function effectiveFilter(filter: ListFilter | undefined): ListFilter | undefined {
  return filter && (filter.unreadOnly || filter.mentionsOnly || filter.query?.trim()) ? filter : undefined;
}

/**
 * Names a list by its group and what its filter keeps, so that a new but equal filter object is the same list (the
 * selection clears, a held order starts over and the scroll position resets when this changes).
 */
export function listKeyOf(groupName: string | undefined, filter: ListFilter | undefined): string {
  const f = effectiveFilter(filter);
  return JSON.stringify([groupName ?? null, Boolean(f?.unreadOnly), Boolean(f?.mentionsOnly), f?.query?.trim() ?? '']);
}

function sameIds(a: ReadonlySet<ConversationId>, b: ReadonlySet<ConversationId>): boolean {
  if (a === b) return true;
  if (a.size !== b.size) return false;
  for (const id of a) if (!b.has(id)) return false;
  return true;
}

/**
 * Multi-selection over one list (a group, or all conversations, with its filter), for `ConversationList` and for
 * lists built from the hooks: toggle, ranges in on-screen order, select all, controlled or uncontrolled.
 *
 * - The selection survives reorders and new messages: it holds ids, and ranges are read from the list's current
 *   `ListView` when they are made.
 * - An id that leaves the list (deleted, hidden, folded, removed from the group, filtered out) leaves the selection.
 *   This is found from each published state's `changedIds`: O(changed × log n) per store commit, only for changed
 *   ids that are selected, never a pass over the selection or the list; a change then costs one copy of the set.
 * - Switching the list (`groupName`, `filter` or the store) clears the selection, as file managers and Gmail do on a
 *   folder switch: ids selected in one list are rarely meant for the next, and a batch action must not reach
 *   conversations the user can no longer see.
 * - Controlled (`selectedIds`): the hook never keeps its own copy; every change, pruning included, goes to
 *   `onSelectionChange`. Changes made before the hook renders again build on the set last reported, so two in a
 *   row (two store commits, say) are not lost; after a render, on the set you pass, so a parent that refuses a
 *   change by passing its old set is obeyed. Ids you pass are taken as given, like `defaultSelectedIds`.
 *
 * Each change publishes a new set that is never changed; a large one (select all, ids leaving a selection of over
 * 1,000) is built without copying every id (see `SelectedIds`).
 */
export function useConversationSelection(options: ConversationSelectionOptions = {}): ConversationSelection {
  const store = useInboxStore(options.store, 'useConversationSelection');
  const { groupName, selectedIds: controlledIds } = options;
  const controlled = controlledIds !== undefined;
  const filterKey = listKeyOf(groupName, options.filter);

  const [own, setOwn] = useState<SelectionState>(() => {
    const ids = options.defaultSelectedIds ? publish(new Set(options.defaultSelectedIds)) : EMPTY;
    return ids === EMPTY ? CLEARED : { ids, anchor: null, range: EMPTY };
  });
  const selectedIds = controlled ? controlledIds : own.ids;

  // The selection as it is now, which every command and the store listener build on (see the JSDoc).
  const latest = useRef<SelectionState>({ ...own, ids: selectedIds });
  // Read by the commands and the listener without resubscribing on each render.
  const live = useRef({ controlled, filter: effectiveFilter(options.filter), onSelectionChange: options.onSelectionChange });
  useIsomorphicLayoutEffect(() => {
    live.current = { controlled, filter: effectiveFilter(options.filter), onSelectionChange: options.onSelectionChange };
    if (controlled) latest.current = { ...latest.current, ids: controlledIds };
  });

  const commit = useCallback((next: SelectionState) => {
    const previous = latest.current;
    latest.current = next;
    setOwn(live.current.controlled ? { ids: EMPTY, anchor: next.anchor, range: next.range } : next);
    if (next.ids !== previous.ids) live.current.onSelectionChange?.(next.ids);
  }, []);

  const viewNow = useCallback((state: InboxState = store.getState()): ListView => state.lists.view(groupName, live.current.filter), [store, groupName]);

  // A new list starts with an empty selection; the first list keeps the initial one.
  const listKey = useMemo(() => ({ store, filterKey }), [store, filterKey]);
  const shownList = useRef(listKey);
  useIsomorphicLayoutEffect(() => {
    if (shownList.current === listKey) return;
    shownList.current = listKey;
    const { ids, anchor } = latest.current;
    if (ids.size || anchor !== null) commit(CLEARED);
  }, [listKey, commit]);

  // Prunes ids that leave the list. The state seen while rendering tells whether commits slipped by before the
  // subscription; if some did, selected ids are checked once against that state's list and the current one.
  const renderedState = store.getState();
  useIsomorphicLayoutEffect(() => {
    const prune = (candidates: Iterable<ConversationId>, state: InboxState, wasListed?: ListView) => {
      const current = latest.current;
      let view: ListView | undefined;
      const removed: ConversationId[] = [];
      let anchor = current.anchor;
      for (const id of candidates) {
        const selected = current.ids.has(id);
        if (!selected && id !== anchor) continue;
        if (wasListed && wasListed.indexOf(id) < 0) continue;
        view ??= viewNow(state);
        if (view.indexOf(id) >= 0) continue;
        if (selected) removed.push(id);
        if (id === anchor) anchor = null;
      }
      if (removed.length || anchor !== current.anchor) {
        commit({ ids: removed.length ? withoutIds(current.ids, removed) : current.ids, anchor, range: current.range });
      }
    };
    const now = store.getState();
    if (now !== renderedState) {
      const { ids, anchor } = latest.current;
      prune(anchor === null ? ids : [...ids, anchor], now, viewNow(renderedState));
    }
    // A large selection is pruned once per frame: a batch that deletes 100,000 selected rows chunk by chunk then
    // copies the set once a frame, not once per chunk. A small one is pruned at once.
    let deferred: Set<ConversationId> | undefined;
    let deferredState: InboxState | undefined;
    let frame: number | undefined;
    const flush = () => {
      frame = undefined;
      const candidates = deferred;
      deferred = undefined;
      if (candidates && deferredState) prune(candidates, deferredState);
    };
    const unsubscribe = store.subscribe((state) => {
      const { ids, anchor } = latest.current;
      if (!state.changedIds.length || (!ids.size && anchor === null)) return;
      if (ids.size <= LARGE_SELECTION || typeof requestAnimationFrame !== 'function') return prune(state.changedIds, state);
      deferred ??= new Set();
      deferredState = state;
      // Which of them are selected is asked once, in `prune`: for a large selection `has` is a lookup in a list.
      for (const id of state.changedIds) deferred.add(id);
      frame ??= requestAnimationFrame(flush);
    });
    return () => {
      unsubscribe();
      if (frame !== undefined) cancelAnimationFrame(frame);
    };
    // `renderedState` is read once, when subscribing: later renders must not resubscribe.
  }, [store, viewNow, commit]);

  const toggle = useCallback(
    (id: ConversationId) => {
      const current = latest.current;
      if (current.ids.has(id)) return commit({ ids: withoutIds(current.ids, [id]), anchor: id, range: EMPTY });
      if (viewNow().indexOf(id) < 0) return; // not in the list: nothing to select, and it would never be pruned
      commit({ ids: publish(new Set(current.ids).add(id)), anchor: id, range: EMPTY });
    },
    [viewNow, commit],
  );

  const extendTo = useCallback(
    (id: ConversationId) => {
      const view = viewNow();
      const to = view.indexOf(id);
      if (to < 0) return;
      const current = latest.current;
      const from = current.anchor === null ? -1 : view.indexOf(current.anchor);
      const ids = new Set(current.ids);
      for (const added of current.range) ids.delete(added);
      const range = new Set<ConversationId>();
      const [first, last] = from < 0 ? [to, to] : from < to ? [from, to] : [to, from];
      for (let i = first; i <= last; i++) {
        const inRange = view.at(i);
        if (inRange !== undefined && !ids.has(inRange)) {
          ids.add(inRange);
          range.add(inRange);
        }
      }
      commit({ ids: sameIds(ids, current.ids) ? current.ids : publish(ids), anchor: from < 0 ? id : current.anchor, range: publish(range) });
    },
    [viewNow, commit],
  );

  const selectAll = useCallback(() => {
    const current = latest.current;
    const state = store.getState();
    const view = viewNow(state);
    if (view.size > LARGE_SELECTION) {
      if (current.ids instanceof SelectedIds && current.ids.isWholeList(view) && current.range.size === 0) return;
      // The list itself, read in place: O(1), where a Set of 100,000 ids would hold the page up for a long task.
      const { filter } = live.current;
      return commit({ ids: SelectedIds.ofList(view, state.lists.ids(groupName, filter)), anchor: current.anchor, range: EMPTY });
    }
    const ids = new Set(state.lists.ids(groupName, live.current.filter));
    commit({ ids: sameIds(ids, current.ids) ? current.ids : publish(ids), anchor: current.anchor, range: EMPTY });
  }, [store, groupName, viewNow, commit]);

  const set = useCallback(
    (wanted: Iterable<ConversationId>) => {
      const view = viewNow();
      const current = latest.current;
      const ids = new Set<ConversationId>();
      for (const id of wanted) if (view.indexOf(id) >= 0) ids.add(id);
      commit({ ids: sameIds(ids, current.ids) ? current.ids : publish(ids), anchor: current.anchor, range: EMPTY });
    },
    [viewNow, commit],
  );

  const clear = useCallback(() => {
    const current = latest.current;
    if (current.ids.size || current.anchor !== null) commit(CLEARED);
  }, [commit]);

  const isSelected = useCallback((id: ConversationId) => selectedIds.has(id), [selectedIds]);

  return useMemo(
    () => ({ selectedIds, count: selectedIds.size, anchor: own.anchor, isSelected, toggle, extendTo, selectAll, set, clear }),
    [selectedIds, own.anchor, isSelected, toggle, extendTo, selectAll, set, clear],
  );
}
