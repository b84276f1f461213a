import { describe, expect, it } from 'vitest';
import { createInboxStore } from '../../../src/core/store.js';
import type { InboxError } from '../../../src/core/errors.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';

// Found 3: one malformed event lost the rest of its burst ("not iterable"), and a null inside a snapshot did too.

async function setup() {
  const s = createScriptedAdapter({ conversations: [conv('a', { lastActivityAt: 1 }), conv('b', { lastActivityAt: 2 })] });
  const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
  const errors: InboxError[] = [];
  store.onError((error) => errors.push(error));
  await store.connect();
  return { s, store, errors };
}

const emitRaw = (s: ReturnType<typeof createScriptedAdapter>, event: unknown) => s.emit(event as never);

describe('a malformed event never costs the rest of its burst', () => {
  it.each([
    ['conversations: null', { type: 'upserted', conversations: null }],
    ['conversations: a string', { type: 'upserted', conversations: 'c' }],
    ['no type', { conversations: [] }],
    ['an unknown type', { type: 'exploded' }],
    ['null', null],
    ['a number', 7],
    ['removed with ids: null', { type: 'removed', ids: null }],
    ['groupsChanged with names: {}', { type: 'groupsChanged', names: {} }],
    ['groupMembershipChanged without a name', { type: 'groupMembershipChanged', conversationIds: ['a'] }],
    ['syncStateChanged with an unknown status', { type: 'syncStateChanged', status: 'done' }],
    ['unreadTotalChanged with NaN', { type: 'unreadTotalChanged', total: Number.NaN }],
  ])('%s, then a good upsert in the same microtask: the good one is applied, the bad one reported', async (_what, bad) => {
    const { s, store, errors } = await setup();
    const before = store.getState().backendUnreadTotal;
    emitRaw(s, bad);
    s.emit({ type: 'upserted', conversations: [conv('c', { lastActivityAt: 3 })] });
    await Promise.resolve();
    store.flush();
    expect(store.getState().lists.ids()).toEqual(['c', 'b', 'a']);
    expect(errors.map((e) => e.code)).toEqual(['ADAPTER_FAILED']);
    expect(store.getState().status).toBe('ready');
    expect(store.getState().backendUnreadTotal).toBe(before);
  });

  it('a null inside a snapshot drops only that item, and removes nothing because of it', async () => {
    const { s, store, errors } = await setup();
    emitRaw(s, { type: 'replaced', conversations: [null, conv('a', { lastActivityAt: 5_000 })] });
    store.flush();
    // The snapshot cannot say which row its broken item was, so it removes nothing (b stays).
    expect(store.getState().lists.ids()).toEqual(['a', 'b']);
    expect(errors).toHaveLength(1);
  });

  it('a malformed row in a snapshot keeps its previous value instead of being removed', async () => {
    const { s, store, errors } = await setup();
    emitRaw(s, { type: 'replaced', conversations: [conv('a'), { id: 'b', title: 'broken' }] });
    store.flush();
    expect(store.getState().conversations.get('b')?.title).toBe('b');
    expect(errors[0]!.message).toContain('"b"');
  });

  it('bad ids inside a removal are reported and the good ones removed', async () => {
    const { s, store, errors } = await setup();
    emitRaw(s, { type: 'removed', ids: [null, 'a', 5] });
    store.flush();
    expect(store.getState().lists.ids()).toEqual(['b']);
    expect(errors).toHaveLength(2);
  });

  it('a sync failure without an InboxError still becomes one', async () => {
    const { s, store } = await setup();
    emitRaw(s, { type: 'syncStateChanged', status: 'failed', error: 'boom' });
    store.flush();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error?.code).toBe('ADAPTER_FAILED');
  });
});
