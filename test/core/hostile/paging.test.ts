import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../../src/adapters/memory/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../../src/adapters/openim/index.js';
import { createInboxStore, type InboxStore } from '../../../src/core/store.js';
import { createFakeOpenIMSdk, fakeOpenIMConversationId, fakeOpenIMTextMessage } from '../../../src/testing/fakeOpenIMSdk.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';
import { row } from './harness.js';

// Found 7: offset paging skipped rows when rows of an earlier page were deleted or unpinned before loadMore, and
// reload()/reconnect kept conversations deleted elsewhere.

async function loadAll(store: InboxStore) {
  for (let i = 0; i < 100 && store.getState().hasMore; i++) await store.getState().actions.loadMore();
}

function memoryInbox(count: number, pinned = 0) {
  const memory = createMemoryAdapter({
    conversations: Array.from({ length: count }, (_, i) => row(`C2Cu${String(i).padStart(3, '0')}`, { lastActivityAt: 1_000_000 - i, isPinned: i < pinned })),
    pageSize: 100,
  });
  const store = createInboxStore({ adapter: memory, draftStorage: null, pageSize: 100 });
  return { memory, store };
}

const backendIds = (memory: ReturnType<typeof createMemoryAdapter>) => memory.getSnapshot().conversations.map((c) => c.id).sort();
const storeIds = (store: InboxStore) => [...store.getState().lists.ids()].sort();

describe('paging that cannot skip', () => {
  it('memory: 5 rows of page 1 deleted before loadMore leave no row of page 2 unloaded', async () => {
    const { memory, store } = memoryInbox(300);
    await store.connect();
    expect(store.getState().lists.ids()).toHaveLength(100);
    for (let i = 0; i < 5; i++) memory.simulate.removeConversation(`C2Cu${String(i * 10).padStart(3, '0')}`);
    await loadAll(store);
    expect(store.getState().hasMore).toBe(false);
    expect(storeIds(store)).toEqual(backendIds(memory));
    expect(storeIds(store)).toHaveLength(295);
  });

  it('memory: 5 pinned rows of page 1 unpinned before loadMore are each listed once, and nothing is skipped', async () => {
    const { memory, store } = memoryInbox(300, 10);
    await store.connect();
    for (let i = 0; i < 5; i++) memory.simulate.update(`C2Cu00${i}`, { isPinned: false });
    await loadAll(store);
    expect(storeIds(store)).toEqual(backendIds(memory));
    expect(new Set(store.getState().lists.ids()).size).toBe(300);
  });

  it('memory: rows deleted while the store was disconnected leave it on reconnect', async () => {
    const { memory, store } = memoryInbox(250);
    await store.connect();
    await loadAll(store);
    store.disconnect();
    for (const id of ['C2Cu000', 'C2Cu150', 'C2Cu249']) memory.simulate.removeConversation(id);
    await store.connect();
    expect(storeIds(store)).toEqual(backendIds(memory));
  });

  it('reload() reconciles the loaded range: rows gone from the backend leave the store', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => conv(`c${String(i).padStart(2, '0')}`, { lastActivityAt: 100 - i }));
    const s = createScriptedAdapter({ conversations: rows });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    s.setConversations(rows.filter((_, i) => i % 3 !== 0));
    await store.reload();
    expect(store.getState().lists.ids()).toHaveLength(20);
    expect(store.getState().conversations.has('c00')).toBe(false);
  });

  it('OpenIM: 8 rows of page 1 deleted before loadMore (more than the 5-row overlap) lose no row', async () => {
    const now = 1_700_000_000_000;
    const seeds = Array.from({ length: 30 }, (_, i) => {
      const at = now - i * 60_000;
      return { conversationID: fakeOpenIMConversationId('me', 1, `u${i}`), showName: `u${i}`, latestMsgSendTime: at, latestMsg: fakeOpenIMTextMessage('hi', at) };
    });
    const sdk = createFakeOpenIMSdk({ selfUserId: 'me', now: () => now, conversations: seeds });
    const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(), pageSize: 10 });
    const store = createInboxStore({ adapter, draftStorage: null, pageSize: 10 });
    await store.connect();
    expect(store.getState().lists.ids()).toHaveLength(10);
    for (let i = 0; i < 8; i++) await sdk.deleteConversation(seeds[i]!.conversationID);
    await loadAll(store);
    const remaining = sdk.table().filter((r) => r.latestMsgSendTime > 0).map((r) => r.conversationID).sort();
    for (const id of remaining) expect(store.getState().conversations.has(id)).toBe(true);
    expect(store.getState().hasMore).toBe(false);
  });
});
