import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../../src/adapters/memory/index.js';
import { createLocalDraftStorage, createMemoryDraftStorage, readDrafts } from '../../../src/core/drafts.js';
import type { InboxError } from '../../../src/core/errors.js';
import { selectDraft } from '../../../src/core/selectors.js';
import { createInboxStore } from '../../../src/core/store.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';
import { PROTOTYPE_IDS, row } from './harness.js';

// Found 8: drafts were shared between accounts, lost when typed before the conversation loaded or after the server
// removed it, lost to a full storage, and overwritten by an older text when two saves finished out of order.

function fakeLocalStorage(options: { quotaAfter?: number } = {}) {
  const data = new Map<string, string>();
  let writes = 0;
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem(key: string, value: string) {
      writes++;
      if (options.quotaAfter !== undefined && writes > options.quotaAfter) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      data.set(key, value);
    },
    removeItem: (key: string) => void data.delete(key),
  };
}

describe('drafts are never lost and never leak', () => {
  it('are kept per account: user B never sees what user A typed for the same conversation id', async () => {
    const local = fakeLocalStorage();
    (globalThis as { localStorage?: unknown }).localStorage = local;
    try {
      const rows = [row('C2Cbob')];
      const alice = createInboxStore({ adapter: createMemoryAdapter({ conversations: rows, persistDrafts: false, account: 'alice' }) });
      await alice.connect();
      await alice.getState().actions.setDraft('C2Cbob', 'secret plans');
      alice.disconnect();
      const bob = createInboxStore({ adapter: createMemoryAdapter({ conversations: rows, persistDrafts: false, account: 'bob' }) });
      await bob.connect();
      expect(selectDraft(bob.getState(), 'C2Cbob')).toBeUndefined();
      expect([...local.data.keys()]).toEqual(['inboxkit:drafts:memory:alice']);
    } finally {
      delete (globalThis as { localStorage?: unknown }).localStorage;
    }
  });

  it('typed for a conversation that is not loaded yet: stored, not refused, and shown when it arrives', async () => {
    const memory = createMemoryAdapter({ conversations: Array.from({ length: 250 }, (_, i) => row(`C2Cu${i}`, { lastActivityAt: 10_000 - i })) });
    const storage = createMemoryDraftStorage();
    const store = createInboxStore({ adapter: memory, draftStorage: storage });
    await store.connect();
    expect(store.getState().conversations.has('C2Cu240')).toBe(false);
    await store.getState().actions.setDraft('C2Cu240', 'for page 3');
    expect(readDrafts(storage).get('C2Cu240')?.text).toBe('for page 3');
    expect(selectDraft(store.getState(), 'C2Cu240')?.text).toBe('for page 3');
    await store.getState().actions.loadMore();
    await store.getState().actions.loadMore();
    expect(store.getState().conversations.get('C2Cu240')?.draft?.text).toBe('for page 3');
  });

  it('typed while the server removed the conversation: still retrievable, and the failure reported', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const storage = createMemoryDraftStorage();
    const store = createInboxStore({ adapter: s.adapter, draftStorage: storage });
    const errors: InboxError[] = [];
    store.onError((error) => errors.push(error));
    await store.connect();
    s.emit({ type: 'removed', ids: ['a'] });
    store.flush();
    s.setAuto(false);
    const saving = store.getState().actions.setDraft('a', 'words I typed');
    s.last('setDraft').reject(s.failure(2500));
    await expect(saving).rejects.toMatchObject({ code: 'ADAPTER_FAILED' });
    expect(selectDraft(store.getState(), 'a')?.text).toBe('words I typed');
    expect(readDrafts(storage).get('a')?.text).toBe('words I typed');
    expect(errors).toHaveLength(1);
  });

  it('a full storage keeps the session copy authoritative, also across a remount', () => {
    const local = fakeLocalStorage({ quotaAfter: 1 });
    const first = createLocalDraftStorage({ key: 'k', storage: local });
    first.set('a', { text: 'old', updatedAt: 1 });
    first.set('a', { text: 'newer, not saved', updatedAt: 2 });
    expect(local.data.get('k')).toContain('old');
    const remounted = createLocalDraftStorage({ key: 'k', storage: local });
    expect(readDrafts(remounted).get('a')?.text).toBe('newer, not saved');
  });

  it('overlapping saves for one conversation: the backend ends with the last text', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')], auto: false });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    const { setDraft } = store.getState().actions;
    const one = setDraft('a', 'h');
    const two = setDraft('a', 'he');
    const three = setDraft('a', 'hello');
    // One call in flight; the two newer texts wait, and only the newest is sent after it.
    expect(s.calls.filter((c) => c.method === 'setDraft').map((c) => c.args[1])).toEqual(['h']);
    s.last('setDraft').resolve();
    await Promise.resolve();
    await Promise.resolve();
    expect(s.calls.filter((c) => c.method === 'setDraft').map((c) => c.args[1])).toEqual(['h', 'hello']);
    s.last('setDraft').resolve();
    await Promise.all([one, two, three]);
    expect(store.getState().conversations.get('a')?.draft?.text).toBe('hello');
  });

  it.each(PROTOTYPE_IDS)('a draft for %s is stored and read back in both storages', (id) => {
    for (const storage of [createMemoryDraftStorage(), createLocalDraftStorage({ key: `proto-${id}`, storage: fakeLocalStorage() })]) {
      storage.set(id, { text: `draft of ${id}`, updatedAt: 5 });
      expect(readDrafts(storage).get(id)).toEqual({ text: `draft of ${id}`, updatedAt: 5 });
      expect(Object.getPrototypeOf(readDrafts(storage))).toBe(Map.prototype);
    }
  });
});
