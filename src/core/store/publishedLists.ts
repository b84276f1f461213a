import type { UnreadRule } from '../adapter.js';
import { filterKey, type createFilteredLists, type ListFilter } from '../filteredLists.js';
import type { ListSnapshot } from '../listSnapshot.js';
import { unreadContribution } from '../order.js';
import type { Conversation } from '../types.js';
import type { ListKey, PublishedOrders } from './listOrders.js';
import type { ConversationTable, FoldedRow, ListIndex } from './types.js';

export interface ListsOfState {
  conversations: ConversationTable;
  orders: PublishedOrders;
  /** Filtered orders kept by the store when the state was published, by `filterKey`. */
  filteredOrders: ReadonlyMap<string, ListSnapshot<Conversation>>;
  filtered: ReturnType<typeof createFilteredLists>;
  /** Whether this state is still the latest (its filtered orders may then be kept up to date from now on). */
  isLatest: () => boolean;
  rule: UnreadRule;
  /** The empty order, for an unknown group. */
  none: ListSnapshot<Conversation>;
}

/**
 * The `lists` of one published state. Filtered orders are looked up among those kept at publication, then built:
 * from the latest orders while this state is the latest (the store keeps them up to date from then on), else from
 * this state's own orders (a state read late still answers as of its publication). Everything is cached per state.
 */
export function createPublishedLists({ conversations, orders, filteredOrders, filtered, isLatest, rule, none }: ListsOfState): ListIndex {
  const built = new Map<string, ListSnapshot<Conversation>>();
  const foldedRows = new Map<ListKey, FoldedRow | undefined>();
  const lookup = (id: string) => conversations.get(id);
  const mainOf = (key: ListKey) => orders.main.get(key) ?? none;
  const foldedOf = (key: ListKey) => orders.folded.get(key) ?? none;

  function orderOf(groupName?: string, filter?: ListFilter): ListSnapshot<Conversation> {
    if (!filtered.isActive(filter)) return mainOf(groupName);
    const key = filterKey(groupName, filter);
    let order = filteredOrders.get(key) ?? built.get(key);
    if (!order) {
      const sources = [mainOf(groupName), foldedOf(groupName)];
      order = isLatest() ? filtered.get(groupName, filter, sources).freeze() : filtered.buildFrom(filter, sources);
      built.set(key, order);
    }
    return order;
  }

  function foldedRow(groupName?: string): FoldedRow | undefined {
    if (foldedRows.has(groupName)) return foldedRows.get(groupName);
    const folded = foldedOf(groupName);
    let row: FoldedRow | undefined;
    const newest = folded.at(0);
    if (newest) {
      let unreadCount = 0;
      for (const conversation of folded.toArray()) unreadCount += unreadContribution(conversation, rule);
      row = { ids: folded.ids(), view: folded.view(lookup), position: mainOf(groupName).countThrough(newest), unreadCount, newest };
    }
    foldedRows.set(groupName, row);
    return row;
  }

  return {
    ids: (groupName, filter) => orderOf(groupName, filter).ids(),
    view: (groupName, filter) => orderOf(groupName, filter).view(lookup),
    folded: foldedRow,
  };
}
