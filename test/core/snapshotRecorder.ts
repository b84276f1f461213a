import { expect } from 'vitest';
import type { InboxState, InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';

/** Everything a reader can see in a state, read in full. */
function read(state: InboxState, groups: readonly string[]) {
  const view = state.lists.view();
  const all = [...state.lists.ids()];
  return {
    version: state.version,
    status: state.status,
    conversations: [...state.conversations.values()].sort((a, b) => (a.id < b.id ? -1 : 1)),
    size: state.conversations.size,
    has: all.map((id) => state.conversations.has(id)),
    all,
    indexed: Array.from({ length: state.lists.ids().length }, (_, i) => state.lists.ids()[i]),
    view: { size: view.size, at: Array.from({ length: view.size }, (_, i) => view.at(i)), indexOf: all.map((id) => view.indexOf(id)) },
    groups: Object.fromEntries(groups.map((name) => [name, [...state.lists.ids(name)]])),
    folded: [undefined, ...groups].map((name) => {
      const row = state.lists.folded(name);
      return row && { ids: [...row.ids], position: row.position, unreadCount: row.unreadCount, newest: row.newest, size: row.view.size };
    }),
    summaries: state.groups,
    groupNames: state.groupNames,
    unreadTotal: state.unreadTotal,
    pinnedCount: state.pinnedCount,
    pending: [...state.pending],
    failures: [...state.failures],
    drafts: [...state.drafts],
  };
}

const isUnread = (c: Conversation) => c.unreadCount > 0 || Boolean(c.marks?.includes('unread'));

/**
 * Records every state the store publishes with what it showed then, and checks later that each still reads
 * exactly the same, and that `subscribe`'s `prev` is the real previous state. Filtered orders that were never
 * asked for while a state was the latest are checked against the filter applied to what that state showed.
 */
export function recordPublished(store: InboxStore, groups: readonly string[], compare: (a: Conversation, b: Conversation) => number) {
  const seen: { state: InboxState; reading: ReturnType<typeof read> }[] = [{ state: store.getState(), reading: read(store.getState(), groups) }];
  const unsubscribe = store.subscribe((state, prev) => {
    const last = seen[seen.length - 1]!;
    expect(prev, 'subscribe hands the previous state').toBe(last.state);
    expect(read(prev, groups), 'the previous state still reads as it did').toEqual(last.reading);
    seen.push({ state, reading: read(state, groups) });
  });
  return {
    get count() {
      return seen.length;
    },
    verify() {
      unsubscribe();
      for (const { state, reading } of seen) {
        expect(read(state, groups)).toEqual(reading);
        const byId = new Map(reading.conversations.map((c) => [c.id, c]));
        // a filtered list holds the list's rows and its folded conversations, in order
        const withFolded = (ids: string[], folded: string[] | undefined) =>
          [...ids, ...(folded ?? [])].map((id) => byId.get(id)!).sort(compare).map((c) => c.id);
        const all = withFolded(reading.all, reading.folded[0]?.ids);
        expect([...state.lists.ids(undefined, { unreadOnly: true })]).toEqual(all.filter((id) => isUnread(byId.get(id)!)));
        expect([...state.lists.ids(undefined, { mentionsOnly: true })]).toEqual(all.filter((id) => byId.get(id)!.mentions.length > 0));
        groups.forEach((name, i) => {
          const members = withFolded(reading.groups[name]!, reading.folded[i + 1]?.ids);
          expect([...state.lists.ids(name, { unreadOnly: true })]).toEqual(members.filter((id) => isUnread(byId.get(id)!)));
        });
      }
    },
  };
}
