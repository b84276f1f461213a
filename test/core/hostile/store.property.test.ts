import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../../src/adapters/memory/index.js';
import type { AdapterListener, ConversationAdapter } from '../../../src/core/adapter.js';
import { createComparator, unreadContribution } from '../../../src/core/order.js';
import { createInboxStore, type InboxStore } from '../../../src/core/store.js';
import type { Conversation, MuteMode } from '../../../src/core/types.js';
import { row } from './harness.js';

// The store against a real backend (the memory adapter, paging 3 rows at a time) under random commands, server
// pushes, malformed events, prototype-name ids, deletes and unpins between pages, and calls that never settle.
// After every step: lists sorted and complete, each conversation once, totals equal to the rule's sum over rows, and
// a pending marker exactly where a call is in flight. Whenever nothing is in flight and every page is loaded, the
// store shows exactly what the backend holds.
//
// CI runs 10,000 sequences from a fixed seed; `npm run test:soak` runs more from a random one
// (INBOXKIT_PROPERTY_RUNS, INBOXKIT_PROPERTY_SEED).

const RUNS = Number(process.env.INBOXKIT_PROPERTY_RUNS ?? 10_000);
const SEED = process.env.INBOXKIT_PROPERTY_SEED === 'random' ? undefined : Number(process.env.INBOXKIT_PROPERTY_SEED ?? 20261206);
const IDS = ['C2Ca', 'constructor', '__proto__', 'toString', 'GROUPb', 'hasOwnProperty'] as const;
const GROUPS = ['G1', 'G2'] as const;
const MODES: MuteMode[] = ['none', 'silent', 'silentExceptMention', 'blocked'];
const TIMEOUT = 1_000;
const MALFORMED: unknown[] = [
  null,
  { type: 'upserted', conversations: null },
  { type: 'upserted', conversations: [{ id: 'constructor' }] },
  { type: 'upserted', conversations: [{ ...row('__proto__'), lastActivityAt: Number.NaN }] },
  { type: 'replaced', conversations: [null] },
  { type: 'removed', ids: [null, 5] },
  { type: 'groupsChanged', names: 'G1' },
  { type: 'unreadTotalChanged', total: Number.NaN },
  { type: 'nonsense' },
];

type Step =
  | { kind: 'pin'; n: number; on: boolean }
  | { kind: 'mute'; n: number; mode: MuteMode }
  | { kind: 'read'; n: number }
  | { kind: 'group'; g: number; ns: number[]; add: boolean }
  | { kind: 'delete'; n: number }
  | { kind: 'message'; n: number; mention: boolean }
  | { kind: 'serverRemove'; n: number }
  | { kind: 'serverPin'; n: number; on: boolean }
  | { kind: 'malformed'; which: number }
  | { kind: 'loadMore' }
  | { kind: 'hangNext' }
  | { kind: 'timeout' }
  | { kind: 'reload' };

const n = fc.nat(IDS.length - 1);
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({ kind: fc.constant('pin' as const), n, on: fc.boolean() }),
  fc.record({ kind: fc.constant('mute' as const), n, mode: fc.constantFrom(...MODES) }),
  fc.record({ kind: fc.constant('read' as const), n }),
  fc.record({ kind: fc.constant('group' as const), g: fc.nat(1), ns: fc.uniqueArray(n, { minLength: 1, maxLength: 3 }), add: fc.boolean() }),
  fc.record({ kind: fc.constant('delete' as const), n }),
  fc.record({ kind: fc.constant('message' as const), n, mention: fc.boolean() }),
  fc.record({ kind: fc.constant('serverRemove' as const), n }),
  fc.record({ kind: fc.constant('serverPin' as const), n, on: fc.boolean() }),
  fc.record({ kind: fc.constant('malformed' as const), which: fc.nat(MALFORMED.length - 1) }),
  fc.record({ kind: fc.constant('loadMore' as const) }),
  fc.record({ kind: fc.constant('hangNext' as const) }),
  fc.record({ kind: fc.constant('timeout' as const) }),
  fc.record({ kind: fc.constant('reload' as const) }),
);

const initial = fc
  .uniqueArray(fc.record({ n, time: fc.nat(50), unread: fc.nat(4), pinned: fc.boolean(), groups: fc.subarray([...GROUPS]) }), {
    selector: (r) => r.n,
    maxLength: IDS.length,
  })
  .map((rows) => rows.map((r) => row(IDS[r.n]!, { lastActivityAt: r.time * 1_000, unreadCount: r.unread, isPinned: r.pinned, groupNames: r.groups })));

/** Wraps the backend: can make the next command hang for ever, and lets the test push raw events to the store. */
function hostileBackend(memory: MemoryAdapter) {
  let hangNext = false;
  let storeListener: AdapterListener | undefined;
  const adapter = new Proxy(memory, {
    get(target, key) {
      const value: unknown = Reflect.get(target, key, target);
      if (key === 'subscribe') {
        return (listener: AdapterListener) => {
          storeListener = listener;
          return target.subscribe(listener);
        };
      }
      if (typeof value !== 'function') return value;
      const reads = ['loadConversations', 'loadGroups', 'getTotalUnread', 'getGlobalReceiveOption', 'connect', 'disconnect'];
      return (...args: unknown[]) => {
        if (hangNext && typeof key === 'string' && !reads.includes(key)) {
          hangNext = false;
          return new Promise(() => {});
        }
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  }) as ConversationAdapter;
  return {
    adapter,
    hangNext: () => (hangNext = true),
    pushRaw: (event: unknown) => storeListener?.(event as never),
  };
}

function checkInvariants(store: InboxStore, inFlight: Map<string, number>, memory: MemoryAdapter) {
  const state = store.getState();
  const rule = state.capabilities.unreadRule;
  const compare = createComparator('lastActivity');
  const rows = [...state.conversations.values()];
  const all = state.lists.ids();
  expect(new Set(all).size).toBe(all.length);
  expect(all).toEqual(rows.slice().sort(compare).map((c) => c.id));
  for (const name of GROUPS) {
    expect(state.lists.ids(name)).toEqual(rows.filter((c) => c.groupNames.includes(name)).sort(compare).map((c) => c.id));
  }
  expect(state.unreadTotal).toBe(rows.reduce((sum, c) => sum + unreadContribution(c, rule), 0));
  // While pages remain, a tab shows the backend's own count of the group (kept current by its events).
  // (Read from the backend's tables directly: a call through its gate would wait for the fake timers.)
  const backendCounts = state.hasMore ? new Map(memory.getSnapshot().groups.map((g) => [g.name, g.unreadCount])) : undefined;
  for (const group of state.groups) {
    const members = rows.filter((c) => c.groupNames.includes(group.name));
    expect(group.conversationCount).toBe(members.length);
    const expected = backendCounts ? backendCounts.get(group.name) : members.reduce((sum, c) => sum + unreadContribution(c, rule), 0);
    expect(group.unreadCount, `group ${group.name}${backendCounts ? ' (backend count while pages remain)' : ''}`).toBe(expected);
  }
  expect(new Map(state.pending)).toEqual(new Map([...inFlight].filter(([, count]) => count > 0)));
}

const strip = ({ raw: _raw, draft: _draft, ...rest }: Conversation) => rest;

async function runScenario(rows: Conversation[], steps: Step[]) {
  const memory = createMemoryAdapter({
    conversations: rows,
    groups: GROUPS.map((name) => ({ name, conversationIds: rows.filter((c) => c.groupNames.includes(name)).map((c) => c.id) })),
    pageSize: 3,
  });
  const backend = hostileBackend(memory);
  const store = createInboxStore({ adapter: backend.adapter, draftStorage: null, pageSize: 3, commandTimeoutMs: TIMEOUT });
  store.onError(() => {});
  await store.connect();
  const inFlight = new Map<string, number>();
  const track = (ids: readonly string[], run: () => Promise<unknown>) => {
    const known = ids.filter((id) => store.getState().conversations.has(id));
    for (const id of new Set(known)) inFlight.set(id, (inFlight.get(id) ?? 0) + 1);
    void run()
      .catch(() => undefined)
      .finally(() => {
        for (const id of new Set(known)) inFlight.set(id, inFlight.get(id)! - 1);
      });
  };
  const settle = () => vi.advanceTimersByTimeAsync(0);

  for (const st of steps) {
    const { actions } = store.getState();
    const id = 'n' in st ? IDS[st.n]! : '';
    const loaded = store.getState().conversations.get(id);
    switch (st.kind) {
      case 'pin':
        if (loaded && loaded.isPinned !== st.on) track([id], () => actions.pin(id, st.on));
        break;
      case 'mute':
        if (loaded && loaded.muteMode !== st.mode) track([id], () => actions.setMuteMode(id, st.mode));
        break;
      case 'read':
        if (loaded && (loaded.unreadCount > 0 || loaded.mentions.length > 0)) track([id], () => actions.markRead(id));
        break;
      case 'group': {
        const ids = st.ns.map((i) => IDS[i]!);
        const g = GROUPS[st.g]!;
        if (ids.some((x) => store.getState().conversations.has(x))) {
          track(ids, () => (st.add ? actions.addToGroup(g, ids) : actions.removeFromGroup(g, ids)));
        }
        break;
      }
      case 'delete':
        if (loaded) track([id], () => actions.deleteConversation(id));
        break;
      case 'message':
        if (memory.getSnapshot().conversations.some((c) => c.id === id) || memory.getSnapshot().deleted.some((c) => c.id === id)) {
          memory.simulate.message(id, { preview: 'hi', mentions: st.mention ? ['me'] : [] });
        }
        break;
      case 'serverRemove':
        if (memory.getSnapshot().conversations.some((c) => c.id === id)) memory.simulate.removeConversation(id);
        break;
      case 'serverPin':
        if (memory.getSnapshot().conversations.some((c) => c.id === id)) memory.simulate.update(id, { isPinned: st.on });
        break;
      case 'malformed':
        backend.pushRaw(MALFORMED[st.which]);
        break;
      case 'loadMore':
        await actions.loadMore().catch(() => undefined);
        break;
      case 'hangNext':
        backend.hangNext();
        break;
      case 'timeout':
        await vi.advanceTimersByTimeAsync(TIMEOUT);
        break;
      case 'reload':
        await store.reload();
        break;
    }
    await settle();
    store.flush();
    checkInvariants(store, inFlight, memory);
  }

  // Let everything settle (hung calls time out), load every page, then the store must equal the backend.
  await vi.advanceTimersByTimeAsync(TIMEOUT);
  for (let i = 0; i < 20 && store.getState().hasMore; i++) await store.getState().actions.loadMore();
  await settle();
  store.flush();
  checkInvariants(store, inFlight, memory);
  expect(store.getState().pending.size).toBe(0);
  const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  const shown = [...store.getState().conversations.values()].map(strip).sort(byId);
  const held = memory.getSnapshot().conversations.map(strip).sort(byId);
  expect(shown).toEqual(held);
  store.disconnect();
}

describe('the store against a hostile backend, property-based', () => {
  beforeAll(() => {
    vi.useFakeTimers();
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it(`keeps every invariant through ${RUNS} random sequences (seed ${SEED ?? 'random'})`, async () => {
    await fc.assert(
      fc.asyncProperty(initial, fc.array(step, { maxLength: 24 }), async (rows, steps) => {
        await runScenario(rows, steps);
      }),
      { numRuns: RUNS, ...(SEED === undefined ? {} : { seed: SEED }) },
    );
  }, 600_000);
});
