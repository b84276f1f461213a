import { OrderedList } from './orderedList.js';
import { normalizeForSearch } from './search.js';
import type { Conversation, ConversationId } from './types.js';

/** Which conversations of a list to keep. Several fields narrow together. */
export interface ListFilter {
  /** Only conversations with unread messages (or marked unread). */
  unreadOnly?: boolean;
  /** Only conversations with an unread @-mention. */
  mentionsOnly?: boolean;
  /** Only conversations whose title contains this text (case-, width- and kana-insensitive). */
  query?: string;
}

interface FilteredList {
  group: string | undefined;
  flags: string;
  query: string;
  matches: (conversation: Conversation) => boolean;
  list: OrderedList<Conversation>;
  lastUsed: number;
}

/** Most filtered lists kept at once; the least recently read one is dropped (and rebuilt if read again). */
const MAX_LISTS = 16;

/**
 * Filtered orders (unread only, mentions only, a title query, per group), kept incrementally like the group lists:
 * built once when first read (O(n)), then each change touches only the conversation that changed, in
 * O(log n + chunk) per list. Titles are normalised for search once per title, not once per change.
 */
export function createFilteredLists(compare: (a: Conversation, b: Conversation) => number) {
  const lists = new Map<string, FilteredList>();
  const searchKeys = new Map<ConversationId, { title: string; key: string }>();
  let clock = 0;

  // By object first (an identity lookup, what typing a query hits 100,000 times), then by id, so that a new object
  // with the same title (every message makes one) reuses the key instead of normalising the title again.
  const keyOfObject = new WeakMap<Conversation, string>();
  function searchKey(conversation: Conversation): string {
    let key = keyOfObject.get(conversation);
    if (key !== undefined) return key;
    const known = searchKeys.get(conversation.id);
    key = known && known.title === conversation.title ? known.key : normalizeForSearch(conversation.title);
    if (!known || known.key !== key) searchKeys.set(conversation.id, { title: conversation.title, key });
    keyOfObject.set(conversation, key);
    return key;
  }

  function predicate(filter: ListFilter): (conversation: Conversation) => boolean {
    const query = filter.query ? normalizeForSearch(filter.query.trim()) : '';
    return (c) =>
      (!filter.unreadOnly || c.unreadCount > 0 || Boolean(c.marks?.includes('unread'))) &&
      (!filter.mentionsOnly || c.mentions.length > 0) &&
      (!query || searchKey(c).includes(query));
  }

  const inGroup = (conversation: Conversation, group: string | undefined) => group === undefined || conversation.groupNames.includes(group);

  return {
    /** Whether the filter narrows anything (else the plain list serves). */
    isActive: (filter: ListFilter | undefined): filter is ListFilter =>
      Boolean(filter && (filter.unreadOnly || filter.mentionsOnly || filter.query?.trim())),

    /** The filtered order of `source` (the group's list), built from it the first time it is asked for. */
    get(group: string | undefined, filter: ListFilter, source: OrderedList<Conversation>): OrderedList<Conversation> {
      const flags = `${filter.unreadOnly ? 1 : 0}${filter.mentionsOnly ? 1 : 0}`;
      const query = normalizeForSearch(filter.query?.trim() ?? '');
      const key = `${group === undefined ? '\u0000all' : `g:${group}`}\u0000${flags}\u0000${query}`;
      let entry = lists.get(key);
      if (!entry) {
        const matches = predicate(filter);
        // Typing narrows: a query that contains a kept list's query matches a subset of that list, so it is built
        // from the smallest such list instead of from every conversation of the group.
        let from = source;
        for (const other of lists.values()) {
          if (other.group === group && other.flags === flags && query.includes(other.query) && other.list.size < from.size) from = other.list;
        }
        const list = new OrderedList<Conversation>(compare);
        list.appendSorted(from.toArray().filter(matches));
        entry = { group, flags, query, matches, list, lastUsed: 0 };
        lists.set(key, entry);
        if (lists.size > MAX_LISTS) {
          let oldest: string | undefined;
          for (const [k, e] of lists) if (k !== key && (oldest === undefined || e.lastUsed < lists.get(oldest)!.lastUsed)) oldest = k;
          if (oldest !== undefined) lists.delete(oldest);
        }
      }
      entry.lastUsed = ++clock;
      return entry.list;
    },

    /** Applies one conversation's change (`prev` → `next`, either may be absent) to every filtered list. */
    apply(prev: Conversation | undefined, next: Conversation | undefined): void {
      if (!next && prev) searchKeys.delete(prev.id);
      for (const { group, matches, list } of lists.values()) {
        // A list holds exactly the conversations that matched when they were last applied.
        const was = prev !== undefined && inGroup(prev, group) && matches(prev);
        const is = next !== undefined && inGroup(next, group) && matches(next);
        if (was && is) list.update(prev, next);
        else if (was) list.remove(prev);
        else if (is) list.insert(next);
      }
    },

    /** Forgets every filtered list (the store's lists were rebuilt). */
    clear(): void {
      lists.clear();
    },
  };
}
