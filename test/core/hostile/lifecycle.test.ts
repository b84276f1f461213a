import { describe, expect, it } from 'vitest';
import { createInboxStore } from '../../../src/core/store.js';
import type { InboxError } from '../../../src/core/errors.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';

// Found 6: `subscribe` throwing left the store idle and a second connect() did nothing; a failed getTotalUnread put
// the whole inbox into `error` though the rows loaded.

describe('connect and its failures', () => {
  it('subscribe throwing is an error state (never a rejection), and a second connect retries', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const subscribe = s.adapter.subscribe.bind(s.adapter);
    let broken = true;
    s.adapter.subscribe = (listener) => {
      if (broken) throw new Error('socket closed');
      return subscribe(listener);
    };
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const errors: InboxError[] = [];
    store.onError((error) => errors.push(error));
    await expect(store.connect()).resolves.toBeUndefined();
    expect(store.getState().status).toBe('error');
    expect(errors[0]!.message).toContain('socket closed');
    broken = false;
    await store.connect();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().lists.ids()).toEqual(['a']);
    expect(s.listenerCount).toBe(1);
  });

  it('a failed getTotalUnread is reported, and the inbox stays ready with its rows', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 2 })] });
    s.adapter.getTotalUnread = () => Promise.reject(new Error('total unavailable'));
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const errors: InboxError[] = [];
    store.onError((error) => errors.push(error));
    await store.connect();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().lists.ids()).toEqual(['a']);
    expect(store.getState().backendUnreadTotal).toBeUndefined();
    expect(errors.map((e) => e.message)).toEqual(['total unavailable']);
  });

  it('a getTotalUnread that resolves NaN is ignored and reported', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    s.adapter.getTotalUnread = () => Number.NaN;
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const errors: InboxError[] = [];
    store.onError((error) => errors.push(error));
    await store.connect();
    expect(store.getState().backendUnreadTotal).toBeUndefined();
    expect(errors).toHaveLength(1);
  });

  it('a malformed page is an error state; malformed rows in a good page are dropped one by one', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    s.adapter.loadConversations = async () => ({ conversations: null }) as never;
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    expect(store.getState().error?.code).toBe('ADAPTER_FAILED');
    s.adapter.loadConversations = async () => ({ conversations: [conv('a'), { id: 'broken' } as never], cursor: null, isFinished: true });
    await store.reload();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().lists.ids()).toEqual(['a']);
  });

  it('capabilities that change on connect to something malformed are refused and the old ones kept', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const before = store.getState().capabilities;
    (s.adapter as { capabilities: unknown }).capabilities = { groups: 'lots' };
    await store.connect();
    expect(store.getState().capabilities).toBe(before);
    expect(store.getState().status).toBe('ready');
  });
});
