import { afterEach, describe, expect, it, vi } from 'vitest';
import { createInboxStore } from '../../../src/core/store.js';
import { InboxError } from '../../../src/core/errors.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';
import { rejectionOf } from './harness.js';

// Found 5: a malformed batch result left the optimistic change and `pending` for ever; a call that never settled was
// never timed out, not even by disconnect().

async function setup(commandTimeoutMs?: number) {
  const s = createScriptedAdapter({ conversations: [conv('a', { lastActivityAt: 1 }), conv('b', { lastActivityAt: 2 })], auto: false });
  const store = createInboxStore({ adapter: s.adapter, draftStorage: null, ...(commandTimeoutMs ? { commandTimeoutMs } : {}) });
  await store.connect();
  return { s, store };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('malformed batch results', () => {
  it.each([
    ['{}', {}],
    ['undefined', undefined],
    ['null', null],
    ['succeeded as a string', { succeeded: 'a', failed: [] }],
    ['failed as null', { succeeded: ['a'], failed: null }],
  ])('setMark resolving %s rolls back, clears pending and rejects with ADAPTER_FAILED', async (_what, result) => {
    const { s, store } = await setup();
    const done = store.getState().actions.setMark(['a'], 'star', true);
    expect(store.getState().conversations.get('a')?.marks).toEqual(['star']);
    expect(store.getState().pending.get('a')).toBe(1);
    s.last('setMark').resolve(result);
    const error = await rejectionOf(() => done);
    expect((error as InboxError).code).toBe('ADAPTER_FAILED');
    expect(store.getState().conversations.get('a')?.marks).toBeUndefined();
    expect(store.getState().pending.size).toBe(0);
  });

  it('an id the result does not mention is a failure for that id only', async () => {
    const { s, store } = await setup();
    const done = store.getState().actions.setMark(['a', 'b'], 'star', true);
    s.last('setMark').resolve({ succeeded: ['a'], failed: [] });
    const result = await done;
    expect(result.succeeded).toEqual(['a']);
    expect(result.failed.map((f) => f.id)).toEqual(['b']);
    expect(store.getState().conversations.get('a')?.marks).toEqual(['star']);
    expect(store.getState().conversations.get('b')?.marks).toBeUndefined();
  });

  it('ids the backend was not asked about are ignored', async () => {
    const { s, store } = await setup();
    const done = store.getState().actions.setMark(['a'], 'star', true);
    s.last('setMark').resolve({ succeeded: ['a', 'zzz', 'constructor'], failed: [{ id: 'other', code: 'X', message: 'x' }] });
    expect(await done).toEqual({ succeeded: ['a'], failed: [] });
  });
});

describe('calls that never settle', () => {
  it('time out after commandTimeoutMs: the optimistic pin rolls back with TIMEOUT', async () => {
    vi.useFakeTimers();
    const { store } = await setup(5_000);
    const done = store.getState().actions.pin('a', true);
    const outcome = rejectionOf(() => done);
    expect(store.getState().conversations.get('a')?.isPinned).toBe(true);
    await vi.advanceTimersByTimeAsync(5_000);
    expect(((await outcome) as InboxError).code).toBe('TIMEOUT');
    expect(store.getState().conversations.get('a')?.isPinned).toBe(false);
    expect(store.getState().pending.size).toBe(0);
    expect(store.getState().failures.get('a')?.error.code).toBe('TIMEOUT');
  });

  it('a late success after the timeout changes nothing by itself', async () => {
    vi.useFakeTimers();
    const { s, store } = await setup(1_000);
    const outcome = rejectionOf(() => store.getState().actions.pin('a', true));
    await vi.advanceTimersByTimeAsync(1_000);
    await outcome;
    s.last('pin').resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().conversations.get('a')?.isPinned).toBe(false);
  });

  it('disconnect settles everything in flight with NOT_READY and rolls it back', async () => {
    const { store } = await setup();
    const pin = rejectionOf(() => store.getState().actions.pin('a', true));
    const mark = rejectionOf(() => store.getState().actions.setMark(['b'], 'star', true));
    expect(store.getState().pending.size).toBe(2);
    store.disconnect();
    expect(((await pin) as InboxError).code).toBe('NOT_READY');
    expect(((await mark) as InboxError).code).toBe('NOT_READY');
    expect(store.getState().conversations.get('a')?.isPinned).toBe(false);
    expect(store.getState().conversations.get('b')?.marks).toBeUndefined();
    expect(store.getState().pending.size).toBe(0);
  });

  it('a load that never answers times out into the error state, and reload recovers', async () => {
    vi.useFakeTimers();
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    let hang = true;
    const load = s.adapter.loadConversations.bind(s.adapter);
    s.adapter.loadConversations = (request) => (hang ? new Promise(() => {}) : load(request));
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null, commandTimeoutMs: 2_000 });
    const connected = store.connect();
    await vi.advanceTimersByTimeAsync(2_000);
    await connected;
    expect(store.getState().status).toBe('error');
    expect(store.getState().error?.code).toBe('TIMEOUT');
    hang = false;
    await store.reload();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().lists.ids()).toEqual(['a']);
  });

  it('rejects a commandTimeoutMs that is not a positive number', () => {
    const s = createScriptedAdapter();
    for (const value of [0, -1, Number.NaN, '5']) {
      expect(() => createInboxStore({ adapter: s.adapter, commandTimeoutMs: value as number })).toThrow(InboxError);
    }
  });
});
