import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createComparator } from '../../src/core/order.js';
import { normalizeForSearch } from '../../src/core/search.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { conv, createScriptedAdapter } from './scriptedAdapter.js';

// Filtered lists (unread only, mentions only, a title query, per group) are kept by the store incrementally; they
// must always equal the naive filter of the group's order, and cost only the changed conversation per change.

const TITLES = ['Alice', 'アリス', 'ＡＬＩＣＥ team', 'Bob', 'constructor', '李雷'];
const FILTERS = [
  { unreadOnly: true },
  { mentionsOnly: true },
  { query: 'ali' },
  { query: 'ありす' },
  { unreadOnly: true, query: 'a' },
] as const;

describe('filtered lists', () => {
  it('equal the naive filter of their group through random changes', async () => {
    const compare = createComparator('lastActivity');
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.record({ n: fc.nat(9), unread: fc.nat(3), mention: fc.boolean(), title: fc.nat(TITLES.length - 1), group: fc.boolean(), time: fc.nat(50), remove: fc.boolean() }),
          { maxLength: 60 },
        ),
        async (steps) => {
          const s = createScriptedAdapter({ conversations: [conv('c0', { groupNames: ['G'] })], groups: [{ name: 'G', conversationIds: ['c0'] }] });
          const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
          await store.connect();
          // Read every filtered list once first, so that they are kept from then on.
          for (const group of [undefined, 'G']) for (const filter of FILTERS) store.getState().lists.ids(group, filter);
          for (const st of steps) {
            const id = `c${st.n}`;
            if (st.remove) s.emit({ type: 'removed', ids: [id] });
            else {
              const next: Conversation = conv(id, {
                title: TITLES[st.title]!,
                unreadCount: st.unread,
                mentions: st.mention ? [{ kind: 'me' }] : [],
                groupNames: st.group ? ['G'] : [],
                lastActivityAt: st.time,
              });
              s.emit({ type: 'upserted', conversations: [next] });
            }
            store.flush();
            const rows = [...store.getState().conversations.values()];
            for (const group of [undefined, 'G']) {
              for (const filter of FILTERS) {
                const query = 'query' in filter ? normalizeForSearch(filter.query) : '';
                const expected = rows
                  .filter((c) => group === undefined || c.groupNames.includes(group))
                  .filter((c) => !('unreadOnly' in filter) || c.unreadCount > 0)
                  .filter((c) => !('mentionsOnly' in filter) || c.mentions.length > 0)
                  .filter((c) => !query || normalizeForSearch(c.title).includes(query))
                  .sort(compare)
                  .map((c) => c.id);
                expect(store.getState().lists.ids(group, filter)).toEqual(expected);
              }
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('keep their id array while a change does not touch them', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 1 }), conv('b', { lastActivityAt: 5 })] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    const before = store.getState().lists.ids(undefined, { unreadOnly: true });
    expect(before).toEqual(['a']);
    s.emit({ type: 'upserted', conversations: [conv('b', { lastActivityAt: 9, title: 'read row' })] });
    store.flush();
    expect(store.getState().lists.ids(undefined, { unreadOnly: true })).toBe(before);
    expect(store.getState().lists.view(undefined, { unreadOnly: true }).at(0)).toBe('a');
  });

  it('normalise a title for search once per title, not once per change', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { title: 'Alice' })] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    store.getState().lists.ids(undefined, { query: 'ali' });
    const normalize = String.prototype.normalize;
    let calls = 0;
    String.prototype.normalize = function (this: string, form?: string) {
      calls++;
      return normalize.call(this, form);
    };
    try {
      for (let i = 0; i < 20; i++) s.emit({ type: 'upserted', conversations: [conv('a', { title: 'Alice', lastActivityAt: 2_000 + i })] });
      store.flush();
      for (let i = 0; i < 20; i++) {
        s.emit({ type: 'upserted', conversations: [conv('a', { title: 'Alice', unreadCount: i })] });
        store.flush();
      }
    } finally {
      String.prototype.normalize = normalize;
    }
    expect(calls).toBe(0);
  });
});
