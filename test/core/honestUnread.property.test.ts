import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter, generateConversations } from '../../src/adapters/memory/index.js';
import { selectUnreadTotal } from '../../src/core/selectors.js';
import { createInboxStore } from '../../src/core/store.js';

type Step =
  | { kind: 'loadMore' }
  | { kind: 'message'; n: number; mention: boolean }
  | { kind: 'readElsewhere'; n: number }
  | { kind: 'markRead'; n: number }
  | { kind: 'hide'; n: number; on: boolean }
  | { kind: 'mute'; n: number; on: boolean };

const COUNT = 40;

const step: fc.Arbitrary<Step> = fc.oneof(
  // paging is what the property is about: often enough that most runs reach the end of the list
  { arbitrary: fc.constant({ kind: 'loadMore' as const }), weight: 4 },
  fc.record({ kind: fc.constant('message' as const), n: fc.nat(COUNT - 1), mention: fc.boolean() }),
  fc.record({ kind: fc.constant('readElsewhere' as const), n: fc.nat(COUNT - 1) }),
  fc.record({ kind: fc.constant('markRead' as const), n: fc.nat(COUNT - 1) }),
  fc.record({ kind: fc.constant('hide' as const), n: fc.nat(COUNT - 1), on: fc.boolean() }),
  fc.record({ kind: fc.constant('mute' as const), n: fc.nat(COUNT - 1), on: fc.boolean() }),
);

/**
 * Issue 16, "Honest unread": whatever pages are loaded and whatever happens meanwhile, the total the store offers
 * to show equals the backend's own total, once the commands and events in flight have settled.
 */
describe('the unread badge and the backend total', () => {
  it('never disagree, in any state of paging', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 1, max: 1000 }), fc.array(step, { maxLength: 40 }), async (seed, steps) => {
        const conversations = generateConversations(COUNT, { seed, now: 1_800_000_000_000 });
        const adapter = createMemoryAdapter({ conversations, pageSize: 7 });
        const store = createInboxStore({ adapter, draftStorage: null, pageSize: 7 });
        await store.connect();
        const ids = conversations.map((c) => c.id);
        const settle = async () => {
          for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
          store.flush();
        };
        for (const st of steps) {
          const { actions, conversations: loaded } = store.getState();
          const id = 'n' in st ? ids[st.n]! : '';
          try {
            switch (st.kind) {
              case 'loadMore':
                await actions.loadMore();
                break;
              case 'message':
                adapter.simulate.message(id, { preview: 'hi', mentions: st.mention ? ['me'] : [] });
                break;
              case 'readElsewhere':
                adapter.simulate.read(id);
                break;
              case 'markRead':
                if (loaded.has(id)) await actions.markRead(id);
                break;
              case 'hide':
                if (loaded.has(id)) await actions.setMark([id], 'hide', st.on);
                break;
              case 'mute':
                if (loaded.has(id)) await actions.setMuteMode(id, st.on ? 'silent' : 'none');
                break;
            }
          } catch {
            // a refused command changes nothing; the totals must still agree
          }
          await settle();
          const state = store.getState();
          expect(selectUnreadTotal(state), `after ${JSON.stringify(st)} with ${state.lists.ids().length} rows loaded`).toBe(await adapter.getTotalUnread());
        }
        store.disconnect();
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
