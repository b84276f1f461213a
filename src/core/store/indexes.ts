import type { UnreadRule } from '../adapter.js';
import { CopyOnWriteTable } from '../copyOnWriteTable.js';
import { createFilteredLists, filterKey, type ListFilter } from '../filteredLists.js';
import type { ListSnapshot } from '../listSnapshot.js';
import { OrderedList, unreadContribution, type ConversationComparator } from '../order.js';
import type { Conversation, ConversationId, GroupSummary } from '../types.js';
import type { ConversationTable, ListIndex } from './types.js';

/** What the indexes publish with a state: nothing in it changes afterwards. */
export interface PublishedIndexes {
  conversations: ConversationTable;
  lists: ListIndex;
  groupNames: readonly string[];
  groups: readonly GroupSummary[];
  unreadTotal: number;
  pinnedCount: number;
}

const EMPTY: readonly string[] = Object.freeze([]);

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function sameGroups(a: readonly GroupSummary[], b: readonly GroupSummary[]): boolean {
  return (
    a.length === b.length &&
    a.every((g, i) => g.name === b[i]!.name && g.conversationCount === b[i]!.conversationCount && g.unreadCount === b[i]!.unreadCount)
  );
}

/**
 * What the store shows, indexed: the conversations by id, the order of every list (all, each group, the filtered
 * ones) and the counters (unread per group and in total, pinned). Changes are recorded as they happen (`show`) and
 * applied to the orders once per commit (`publish`), which also freezes everything the new state holds.
 */
export type Indexes = ReturnType<typeof createIndexes>;

export function createIndexes(compare: ConversationComparator, rule: UnreadRule) {
  const table = new CopyOnWriteTable<Conversation>();
  const all = new OrderedList<Conversation>(compare);
  const groupLists = new Map<string, OrderedList<Conversation>>();
  const groupUnread = new Map<string, number>();
  const filtered = createFilteredLists(compare);
  // An unknown group reads as an empty list.
  const none = new OrderedList<Conversation>(compare).freeze();
  let registry: readonly string[] = EMPTY;
  let unreadTotal = 0;
  let pinnedCount = 0;
  let groupsDirty = false;
  // ids whose shown value changed since the last publish, with the value the orders still hold
  let touched = new Map<ConversationId, Conversation | undefined>();
  let published: PublishedIndexes | undefined;

  function groupList(name: string): OrderedList<Conversation> {
    let list = groupLists.get(name);
    if (!list) {
      list = new OrderedList(compare);
      groupLists.set(name, list);
    }
    return list;
  }

  function applyToLists(prev: Conversation | undefined, next: Conversation | undefined): void {
    filtered.apply(prev, next);
    if (prev && next) all.update(prev, next);
    else if (prev) all.remove(prev);
    else if (next) all.insert(next);

    const prevNames = prev?.groupNames ?? EMPTY;
    const nextNames = next?.groupNames ?? EMPTY;
    for (const name of prevNames) {
      const list = groupList(name);
      if (next && nextNames.includes(name)) list.update(prev!, next);
      else list.remove(prev!);
    }
    for (const name of nextNames) if (!prevNames.includes(name)) groupList(name).insert(next!);

    const before = unreadContribution(prev, rule);
    const after = unreadContribution(next, rule);
    unreadTotal += after - before;
    pinnedCount += Number(Boolean(next?.isPinned)) - Number(Boolean(prev?.isPinned));
    const regrouped = !sameStrings(prevNames, nextNames);
    if (before !== 0 || after !== 0 || regrouped) {
      for (const name of prevNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) - before);
      for (const name of nextNames) groupUnread.set(name, (groupUnread.get(name) ?? 0) + after);
    }
    if (regrouped || before !== after) groupsDirty = true;
  }

  /**
   * The lists of one published state. Filtered orders are looked up among those kept at publication, then built:
   * from the live lists while this state is the latest (they are kept up to date from then on), else from this
   * state's own group order (a state read late still answers as of its publication).
   */
  function publishLists(
    conversations: ConversationTable,
    allOrder: ListSnapshot<Conversation>,
    groupOrders: ReadonlyMap<string, ListSnapshot<Conversation>>,
    filteredOrders: ReadonlyMap<string, ListSnapshot<Conversation>>,
  ): ListIndex {
    const built = new Map<string, ListSnapshot<Conversation>>();
    const lookup = (id: string) => conversations.get(id);
    const orderOf = (groupName?: string, filter?: ListFilter): ListSnapshot<Conversation> => {
      const source = groupName === undefined ? allOrder : (groupOrders.get(groupName) ?? none);
      if (!filtered.isActive(filter)) return source;
      const key = filterKey(groupName, filter);
      let order = filteredOrders.get(key) ?? built.get(key);
      if (!order) {
        const isLatest = published?.lists === lists;
        order = isLatest ? filtered.get(groupName, filter, source).freeze() : filtered.buildFrom(filter, source);
        built.set(key, order);
      }
      return order;
    };
    const lists: ListIndex = {
      ids: (groupName, filter) => orderOf(groupName, filter).ids(),
      view: (groupName, filter) => orderOf(groupName, filter).view(lookup),
    };
    return lists;
  }

  // the orders of the state published last, to tell whether a new state needs new lists
  let publishedAllOrder: ListSnapshot<Conversation> | undefined;
  let publishedGroupOrders = new Map<string, ListSnapshot<Conversation>>();
  let publishedFiltered = new Map<string, ListSnapshot<Conversation>>();

  function freezeGroupOrders(): Map<string, ListSnapshot<Conversation>> {
    let changed = groupLists.size !== publishedGroupOrders.size;
    const orders = new Map<string, ListSnapshot<Conversation>>();
    for (const [name, list] of groupLists) {
      const order = list.freeze();
      if (publishedGroupOrders.get(name) !== order) changed = true;
      orders.set(name, order);
    }
    return changed ? orders : publishedGroupOrders;
  }

  function freezeFiltered(): Map<string, ListSnapshot<Conversation>> {
    const orders = filtered.freeze();
    const changed = orders.size !== publishedFiltered.size || [...orders].some(([key, order]) => publishedFiltered.get(key) !== order);
    return changed ? orders : publishedFiltered;
  }

  function buildGroups(): readonly GroupSummary[] {
    return registry.map((name) => ({
      name,
      conversationCount: groupLists.get(name)?.size ?? 0,
      unreadCount: groupUnread.get(name) ?? 0,
    }));
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
    /** Group members as listed at the last commit. */
    members: (name: string): ConversationId[] => (groupLists.get(name)?.toArray() ?? []).map((c) => c.id),
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
      const allOrder = all.freeze();
      const groupOrders = freezeGroupOrders();
      const filteredOrders = freezeFiltered();
      const listsChanged =
        !before || before.conversations !== conversations || publishedAllOrder !== allOrder || groupOrders !== publishedGroupOrders || filteredOrders !== publishedFiltered;
      let groups = before?.groups ?? [];
      if (groupsDirty) {
        groupsDirty = false;
        const next = buildGroups();
        if (!sameGroups(next, groups)) groups = next;
      }
      const groupNames = before && sameStrings(before.groupNames, registry) ? before.groupNames : registry;
      if (before && !listsChanged && groups === before.groups && groupNames === before.groupNames && unreadTotal === before.unreadTotal && pinnedCount === before.pinnedCount) {
        return undefined;
      }
      publishedAllOrder = allOrder;
      publishedGroupOrders = groupOrders;
      publishedFiltered = filteredOrders;
      const lists = listsChanged || !before ? publishLists(conversations, allOrder, groupOrders, filteredOrders) : before.lists;
      published = { conversations, lists, groupNames, groups, unreadTotal, pinnedCount };
      return published;
    },
  };
}
