import type { ListSnapshot } from './listSnapshot.js';
import { OrderedList } from './orderedList.js';
import { normalizeForSearch } from './search.js';
import type { Chunk } from './sortedChunks.js';
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

const flagsOf = (filter: ListFilter) => `${filter.unreadOnly ? 1 : 0}${filter.mentionsOnly ? 1 : 0}`;
const queryOf = (filter: ListFilter) => normalizeForSearch(filter.query?.trim() ?? '');

/** Names a filtered list: the group (or all) and what the filter keeps, with the query normalised. */
export function filterKey(group: string | undefined, filter: ListFilter): string {
  return `${group === undefined ? '\u0000all' : `g:${group}`}\u0000${flagsOf(filter)}\u0000${queryOf(filter)}`;
}

/** Most filtered lists kept at once; the least recently read one is dropped (and rebuilt if read again). */
const MAX_LISTS = 16;

const isUnread = (c: Conversation) => c.unreadCount > 0 || Boolean(c.marks?.includes('unread'));

/**
 * Filtered orders (unread only, mentions only, a title query, per group), kept incrementally like the group lists:
 * built once when first read (O(n)), then each change touches only the conversation that changed, in
 * O(log n + chunk) per list.
 *
 * Titles are normalised for search once per title, not once per change or per keystroke: keys are kept by
 * conversation object and by id, and a published chunk of an order keeps its items' keys in an array, so a
 * keystroke at 100,000 conversations is a pass of `includes` over plain arrays of strings.
 */
export function createFilteredLists(compare: (a: Conversation, b: Conversation) => number) {
  const lists = new Map<string, FilteredList>();
  const searchKeys = new Map<ConversationId, { title: string; key: string }>();
  let clock = 0;

  // By object first, then by id, so that a new object with the same title (every message makes one) reuses the
  // key instead of normalising the title again.
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

  // Published chunks never change, so their keys are computed once per chunk object.
  const keysOfChunk = new WeakMap<Chunk<Conversation>, string[]>();
  const chunkKeys = (chunk: Chunk<Conversation>) => {
    let keys = keysOfChunk.get(chunk);
    if (!keys) keysOfChunk.set(chunk, (keys = chunk.items.map(searchKey)));
    return keys;
  };

  const flagsMatch = (filter: ListFilter, c: Conversation) => (!filter.unreadOnly || isUnread(c)) && (!filter.mentionsOnly || c.mentions.length > 0);

  function predicate(filter: ListFilter): (conversation: Conversation) => boolean {
    const query = queryOf(filter);
    return (c) => flagsMatch(filter, c) && (!query || searchKey(c).includes(query));
  }

  /** The items of a published order that pass the filter, in order. */
  function select(filter: ListFilter, source: ListSnapshot<Conversation>): Conversation[] {
    const query = queryOf(filter);
    const kept: Conversation[] = [];
    source.forEachChunk((chunk) => {
      const keys = query ? chunkKeys(chunk) : undefined;
      chunk.items.forEach((c, i) => {
        if ((!keys || keys[i]!.includes(query)) && flagsMatch(filter, c)) kept.push(c);
      });
    });
    return kept;
  }

  /** Two sorted runs as one (a list's rows and its folded conversations both match a filter). */
  function merge(a: Conversation[], b: Conversation[]): Conversation[] {
    if (b.length === 0) return a;
    if (a.length === 0) return b;
    const out: Conversation[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) out.push(compare(a[i]!, b[j]!) < 0 ? a[i++]! : b[j++]!);
    while (i < a.length) out.push(a[i++]!);
    while (j < b.length) out.push(b[j++]!);
    return out;
  }

  const inGroup = (conversation: Conversation, group: string | undefined) => group === undefined || conversation.groupNames.includes(group);

  function build(filter: ListFilter, sources: readonly ListSnapshot<Conversation>[]): OrderedList<Conversation> {
    const list = new OrderedList<Conversation>(compare);
    list.appendSorted(sources.map((source) => select(filter, source)).reduce(merge, []));
    return list;
  }

  return {
    /** Whether the filter narrows anything (else the plain list serves). */
    isActive: (filter: ListFilter | undefined): filter is ListFilter =>
      Boolean(filter && (filter.unreadOnly || filter.mentionsOnly || filter.query?.trim())),

    /**
     * The filtered order of `sources` (the group's orders as the latest state published them: its rows and its
     * folded conversations), kept from then on; built the first time it is asked for.
     */
    get(group: string | undefined, filter: ListFilter, sources: readonly ListSnapshot<Conversation>[]): OrderedList<Conversation> {
      const flags = flagsOf(filter);
      const query = queryOf(filter);
      const key = filterKey(group, filter);
      let entry = lists.get(key);
      if (!entry) {
        // Typing narrows: a query that contains a kept list's query matches a subset of that list, so it is built
        // from the smallest such list instead of from every conversation of the group.
        let from = sources;
        let size = sources.reduce((sum, source) => sum + source.size, 0);
        for (const other of lists.values()) {
          if (other.group === group && other.flags === flags && query.includes(other.query) && other.list.size < size) {
            from = [other.list.freeze()];
            size = other.list.size;
          }
        }
        entry = { group, flags, query, matches: predicate(filter), list: build(filter, from), lastUsed: 0 };
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

    /**
     * The filtered order of a published list, built once from it and never kept up to date: how a state read after
     * later changes answers a filter it was never asked for while it was the latest.
     */
    buildFrom: (filter: ListFilter, sources: readonly ListSnapshot<Conversation>[]): ListSnapshot<Conversation> => build(filter, sources).freeze(),

    /** Applies one conversation's change (`prev` → `next`, either absent when not shown) to every filtered list. */
    apply(prev: Conversation | undefined, next: Conversation | undefined): void {
      if (!next && prev) searchKeys.delete(prev.id);
      // Most changes find no filtered list kept: no iterator made for each of a batch's 100,000 changes.
      if (lists.size === 0) return;
      for (const { group, matches, list } of lists.values()) {
        // A list holds exactly the conversations that matched when they were last applied.
        const was = prev !== undefined && inGroup(prev, group) && matches(prev);
        const is = next !== undefined && inGroup(next, group) && matches(next);
        if (was && is) list.update(prev, next);
        else if (was) list.remove(prev);
        else if (is) list.insert(next);
      }
    },

    /** Every kept list as it is now, never to change, by `filterKey`. */
    freeze(): Map<string, ListSnapshot<Conversation>> {
      const frozen = new Map<string, ListSnapshot<Conversation>>();
      for (const [key, { list }] of lists) frozen.set(key, list.freeze());
      return frozen;
    },
  };
}
