/**
 * Undo and batches under random interleavings (issue 17): batch commands over random selections, undone before
 * they are sent, let through, mixed with server messages. Whatever the order, an undone command sends nothing, every
 * published state stays as it was published, and once everything settled the store shows exactly what the backend
 * holds.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createComparator } from '../../src/core/order.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation, MuteMode } from '../../src/core/types.js';
import { conv } from './scriptedAdapter.js';
import { recordPublished } from './snapshotRecorder.js';

const N = 8;
const GROUPS = ['G1'] as const;
const id = (n: number) => `C2Cc${n}`;
const selection = fc.uniqueArray(fc.nat(N - 1), { minLength: 1, maxLength: 5 });

type Step =
  | { kind: 'delete' | 'hide' | 'read' | 'removeFromGroup'; ns: number[] }
  | { kind: 'mute'; ns: number[]; mode: MuteMode }
  | { kind: 'message'; n: number }
  | { kind: 'undo' }
  | { kind: 'dismiss' };

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constantFrom('delete' as const, 'hide' as const, 'read' as const, 'removeFromGroup' as const), ns: selection }),
  fc.record({ kind: fc.constant('mute' as const), ns: selection, mode: fc.constantFrom<MuteMode>('none', 'silent', 'blocked') }),
  fc.record({ kind: fc.constant('message' as const), n: fc.nat(N - 1) }),
  fc.record({ kind: fc.constant('undo' as const) }),
  fc.record({ kind: fc.constant('dismiss' as const) }),
);

/** What a user sees of a conversation, to compare the store with the backend. */
const visible = (c: Conversation) => ({
  id: c.id,
  unreadCount: c.unreadCount,
  muteMode: c.muteMode,
  groupNames: [...c.groupNames].sort(),
  marks: [...(c.marks ?? [])].sort(),
});

async function run(steps: Step[]) {
  const memory = createMemoryAdapter({
    storage: null,
    conversations: Array.from({ length: N }, (_, i) => conv(id(i), { lastActivityAt: 1_000_000 - i, unreadCount: i % 3, groupNames: i % 2 ? ['G1'] : [] })),
    groups: [{ name: 'G1', conversationIds: Array.from({ length: N }, (_, i) => id(i)).filter((_, i) => i % 2) }],
  });
  // A window that never ends by itself: the steps decide when commands are undone or let through.
  const store = createInboxStore({ adapter: memory, draftStorage: null, undo: { windowMs: 1e9 } });
  const published = recordPublished(store, GROUPS, createComparator('lastActivity'));
  await store.connect();
  memory.clearCalls();
  const inFlight: Promise<unknown>[] = [];
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
    store.flush();
  };

  for (const st of steps) {
    const { actions } = store.getState();
    const ids = 'ns' in st ? st.ns.map(id) : [];
    switch (st.kind) {
      case 'delete':
        inFlight.push(actions.deleteConversations(ids).catch(() => undefined));
        break;
      case 'hide':
        inFlight.push(actions.setMark(ids, 'hide', true).catch(() => undefined));
        break;
      case 'read':
        inFlight.push(actions.markReadMany(ids).catch(() => undefined));
        break;
      case 'removeFromGroup':
        if (store.getState().groupNames.includes('G1')) inFlight.push(actions.removeFromGroup('G1', ids).catch(() => undefined));
        break;
      case 'mute':
        inFlight.push(actions.setMuteModeMany(ids, st.mode).catch(() => undefined));
        break;
      case 'message':
        memory.simulate.message(id(st.n), { preview: 'hi' });
        break;
      case 'undo': {
        const newest = store.getState().undoable.at(-1);
        const calls = memory.calls().length;
        await actions.undo().catch(() => undefined);
        await settle();
        // Undoing a command that was not sent yet sends nothing at all.
        if (newest?.phase === 'waiting') expect(memory.calls().length).toBe(calls);
        break;
      }
      case 'dismiss':
        actions.dismissUndo();
        break;
    }
    await settle();
  }
  actions().dismissUndo();
  await Promise.all(inFlight);
  await settle();

  const state = store.getState();
  expect(state.undoable).toEqual([]);
  expect(state.pending.size).toBe(0);
  const backend = memory.getSnapshot().conversations.map(visible).sort((a, b) => a.id.localeCompare(b.id));
  const shown = [...state.conversations.values()].map(visible).sort((a, b) => a.id.localeCompare(b.id));
  expect(shown).toEqual(backend);
  published.verify();

  function actions() {
    return store.getState().actions;
  }
}

describe('undo and batches, property', () => {
  it(
    'an undone command sends nothing; once settled the store equals the backend; published states never change',
    async () => {
      await fc.assert(
        fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 25 }), (steps) => run(steps)),
        { numRuns: Number(process.env.PROP_RUNS ?? 150), seed: Number(process.env.PROP_SEED ?? Date.now()) },
      );
    },
    120_000,
  );
});
