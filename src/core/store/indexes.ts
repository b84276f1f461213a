import type { UnreadRule } from '../adapter.js';
import { CopyOnWriteTable } from '../copyOnWriteTable.js';
import { createFilteredLists } from '../filteredLists.js';
import type { ListSnapshot } from '../listSnapshot.js';
import { OrderedList, unreadContribution, type ConversationComparator } from '../order.js';
import type { Conversation, ConversationId, GroupSummary } from '../types.js';
import { createListOrders, type PublishedOrders } from './listOrders.js';
import { createPublishedLists } from './publishedLists.js';
import type { InboxState } from './types.js';

/** What the indexes publish with a state: nothing in it changes afterwards. */
export type PublishedIndexes = Pick<InboxState, 'conversations' | 'lists' | 'groupNames' | 'groups' | 'unreadTotal' | 'pinnedCount' | 'changedIds'>;

const EMPTY: readonly string[] = Object.freeze([]);

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameGroups(a: readonly GroupSummary[], b: readonly GroupSummary[]): boolean {
  return (
    a.length === b.length &&
    a.every(
      (g, i) =>
        g.name === b[i]!.name && g.conversationCount === b[i]!.conversationCount && g.unreadCount === b[i]!.unreadCount && g.isPartial === b[i]!.isPartial,
    )
  );
}

/** Hidden conversations (marked `hide`) leave every list and every count; they stay readable by id. */
const shownInLists = (conversation: Conversation | undefined) => (conversation && !conversation.marks?.includes('hide') ? conversation : undefined);

export type Indexes = ReturnType<typeof createIndexes>;

/**
 * What the store shows, indexed: the conversations by id, the order of every list (all, each group, the filtered
 * ones, the folded ones) and the counters (unread per group and in total, pinned). Changes are recorded as they
 * happen (`show`) and applied to the orders once per commit (`publish`), which also freezes everything the new
 * state holds.
 */
export function createIndexes(compare: ConversationComparator, rule: UnreadRule) {
  const table = new CopyOnWriteTable<Conversation>();
  const orders = createListOrders(compare);
  const groupUnread = new Map<string, number>();
  const filtered = createFilteredLists(compare);
  // An unknown group reads as an empty list.
  const none = new OrderedList<Conversation>(compare).freeze();
  let registry: readonly string[] = EMPTY;
  let unreadTotal = 0;
  let pinnedCount = 0;
  let groupsDirty = false;
  // Whether the store holds every conversation, and the backend's own group counts for while it does not.
  let complete = true;
  let backendGroupUnread: ReadonlyMap<string, number> = new Map();
  // ids whose shown value changed since the last publish, with the value the orders still hold
  let touched = new Map<ConversationId, Conversation | undefined>();
  let published: PublishedIndexes | undefined;
  let publishedOrders: PublishedOrders | undefined;
  let publishedFiltered = new Map<string, ListSnapshot<Conversation>>();

  function applyToLists(rawPrev: Conversation | undefined, rawNext: Conversation | undefined): void {
    const prev = shownInLists(rawPrev);
    const next = shownInLists(rawNext);
    if (!prev && !next) return;
    filtered.apply(prev, next);
    orders.apply(prev, next);

    const prevNames = prev?.groupNames ?? EMPTY;
    const nextNames = next?.groupNames ?? EMPTY;
    const before = unreadContribution(prev, rule);
    const after = unreadContribution(next, rule);
    unreadTotal += after - before;
    pinnedCount += Number(Boolean(next?.isPinned)) - Number(Boolean(prev?.isPinned));
    const regrouped = !sameStrings(prevNames, nextNames) || !prev || !next;
    if (before !== 0 || after !== 0 || regrouped) {
      for (const name of prevNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) - before);
      for (const name of nextNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) + after);
    }
    if (regrouped || before !== after) groupsDirty = true;
  }

  function freezeFiltered(): Map<string, ListSnapshot<Conversation>> {
    const frozen = filtered.freeze();
    const changed = frozen.size !== publishedFiltered.size || [...frozen].some(([key, order]) => publishedFiltered.get(key) !== order);
    return changed ? frozen : publishedFiltered;
  }

  function buildGroups(): readonly GroupSummary[] {
    return registry.map((name) => {
      const summary: GroupSummary = { name, conversationCount: orders.size(name), unreadCount: groupUnread.get(name) ?? 0 };
      if (complete) return summary;
      // Not every conversation is loaded: the backend's count when it gives one, else ours, marked as partial.
      const backend = backendGroupUnread.get(name);
      return backend === undefined ? { ...summary, isPartial: true } : { ...summary, unreadCount: backend };
    });
  }

  return {
    /** The conversation shown now (not yet published when changed since the last commit). */
    get: (id: ConversationId) => table.get(id),
    has: (id: ConversationId) => table.has(id),
    values: () => table.values(),
    get size() {
      return table.size;
    },
    get pinnedCount() {
      return pinnedCount;
    },
    get groupNames() {
      return registry;
    },
    /** Group members (hidden ones left out) as listed at the last commit. */
    members: (name: string): ConversationId[] => orders.members(name),
    /** Ids changed since the last commit (their lists are not updated yet). */
    changedIds: () => touched.keys(),

    /** Records what is shown for `id` now (`undefined`: nothing). */
    show(id: ConversationId, next: Conversation | undefined): void {
      const prev = table.get(id);
      if (next === prev) return;
      if (!touched.has(id)) touched.set(id, prev);
      if (next) table.set(id, next);
      else table.delete(id);
    },

    /** Sets the group names in order. */
    setGroupNames(names: readonly string[]): void {
      if (sameStrings(names, registry)) return;
      registry = names;
      groupsDirty = true;
    },

    /** Whether every conversation is loaded; until then groups use the backend's counts or say they are partial. */
    setComplete(isComplete: boolean, backendCounts: ReadonlyMap<string, number> = backendGroupUnread): void {
      if (isComplete === complete && backendCounts === backendGroupUnread) return;
      complete = isComplete;
      backendGroupUnread = backendCounts;
      groupsDirty = true;
    },

    /** The backend's count of one group changed (its `groupUnreadChanged` event). */
    setBackendGroupUnread(name: string, unreadCount: number): void {
      if (backendGroupUnread.get(name) === unreadCount) return;
      backendGroupUnread = new Map(backendGroupUnread).set(name, unreadCount);
      groupsDirty = true;
    },

    /**
     * Applies the changes since the last publish to the orders and counters, and returns what a new state holds,
     * each part the same object as before when it did not change. Undefined when nothing changed at all.
     */
    publish(): PublishedIndexes | undefined {
      const changes = touched;
      touched = new Map();
      for (const [id, prev] of changes) applyToLists(prev, table.get(id));
      const before = published;
      const conversations = table.freeze();
      const ordersNow = orders.freeze();
      const filteredOrders = freezeFiltered();
      const listsChanged = !before || before.conversations !== conversations || ordersNow !== publishedOrders || filteredOrders !== publishedFiltered;
      let groups = before?.groups ?? [];
      if (groupsDirty) {
        groupsDirty = false;
        const next = buildGroups();
        if (!sameGroups(next, groups)) groups = next;
      }
      const groupNames = before && sameStrings(before.groupNames, registry) ? before.groupNames : registry;
      const same = before && !listsChanged && groups === before.groups && groupNames === before.groupNames;
      if (same && unreadTotal === before.unreadTotal && pinnedCount === before.pinnedCount) return undefined;
      publishedOrders = ordersNow;
      publishedFiltered = filteredOrders;
      let lists = before?.lists;
      if (listsChanged || !lists) {
        const state = { conversations, orders: ordersNow, filteredOrders, filtered, rule, none, isLatest: () => published?.lists === lists };
        lists = createPublishedLists(state);
      }
      const changedIds = changes.size ? Object.freeze([...changes.keys()]) : EMPTY;
      published = { conversations, lists, groupNames, groups, unreadTotal, pinnedCount, changedIds };
      return published;
    },
  };
}
