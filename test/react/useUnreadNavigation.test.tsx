import { act, renderHook, waitFor } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { SortedChunks } from '../../src/core/sortedChunks.js';
import type { InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { useUnreadNavigation, type UnreadNavigationOptions } from '../../src/react/useUnreadNavigation.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore } from '../utils/render.js';

const NOW = 1_700_000_000_000;

/** `count` conversations in on-screen order (`c000` first); `extra` gives some of them unread or mentions. */
function list(count: number, extra: Record<number, Partial<Conversation>> = {}): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    makeConversation({ id: `c${String(i).padStart(4, '0')}`, lastActivityAt: NOW - i * 1000, ...extra[i] }),
  );
}

async function setup(conversations: Conversation[], pageSize: number, options: Omit<UnreadNavigationOptions, 'store'> = {}) {
  const adapter: MemoryAdapter = createMemoryAdapter({ conversations, now: () => NOW });
  const store: InboxStore = makeStore(adapter, { pageSize });
  const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider store={store}>{children}</InboxProvider>;
  const hook = renderHook(() => useUnreadNavigation(options), { wrapper });
  await waitFor(() => expect(store.getState().status).toBe('ready'));
  return { adapter, store, hook };
}

afterEach(() => vi.restoreAllMocks());

describe('useUnreadNavigation', () => {
  it('finds the next and previous unread and the next mention among the loaded rows', async () => {
    const { hook } = await setup(list(10, { 2: { unreadCount: 1 }, 5: { marks: ['unread'] }, 7: { unreadCount: 3, mentions: [{ kind: 'me' }] } }), 100);
    const { next } = hook.result.current;
    await expect(next(null, 1, 'unread')).resolves.toBe('c0002');
    await expect(next('c0002', 1, 'unread')).resolves.toBe('c0005');
    await expect(next('c0007', 1, 'unread')).resolves.toBeNull();
    await expect(next('c0007', -1, 'unread')).resolves.toBe('c0005');
    await expect(next(null, 1, 'mention')).resolves.toBe('c0007');
    expect(hook.result.current).toMatchObject({ hasUnread: true, hasMention: true, isSearching: false });
  });

  it('crosses a page boundary by loading more, and searches the new page from where it stopped', async () => {
    const { store, hook } = await setup(list(250, { 3: { unreadCount: 1 }, 180: { unreadCount: 2 } }), 100);
    expect(store.getState().lists.view().size).toBe(100);
    const loadMore = vi.spyOn(store.getState().actions, 'loadMore');
    let found: string | null = null;
    await act(async () => {
      found = await hook.result.current.next('c0003', 1, 'unread');
    });
    expect(found).toBe('c0180');
    expect(loadMore).toHaveBeenCalledTimes(1);
    expect(store.getState().lists.view().size).toBe(200);
    expect(hook.result.current.isSearching).toBe(false);
  });

  it('is busy while it waits for a page, and returns null at the end of the list', async () => {
    const { store, hook } = await setup(list(150, { 0: { unreadCount: 1 } }), 100);
    let result: Promise<string | null> | undefined;
    act(() => {
      result = hook.result.current.next('c0000', 1, 'unread');
    });
    await waitFor(() => expect(hook.result.current.isSearching).toBe(true));
    let found: string | null | undefined;
    await act(async () => {
      found = await result;
    });
    expect(found).toBeNull();
    expect(store.getState().hasMore).toBe(false);
    expect(hook.result.current.isSearching).toBe(false);
  });

  it('loads at most maxPages pages per call', async () => {
    const { store, hook } = await setup(list(1000, { 990: { unreadCount: 1 } }), 100, { maxPages: 3 });
    let found: string | null | undefined;
    await act(async () => {
      found = await hook.result.current.next(null, 1, 'unread');
    });
    expect(found).toBeNull();
    expect(store.getState().lists.view().size).toBe(400);
    expect(store.getState().hasMore).toBe(true);
  });

  it('never loads going up', async () => {
    const { store, hook } = await setup(list(150, { 120: { unreadCount: 1 } }), 100);
    const loadMore = vi.spyOn(store.getState().actions, 'loadMore');
    await expect(hook.result.current.next(null, -1, 'unread')).resolves.toBeNull();
    expect(loadMore).not.toHaveBeenCalled();
  });

  it('hasUnread turns false when the last unread is read, and hasMention follows mentions', async () => {
    const { store, adapter, hook } = await setup(list(20, { 4: { unreadCount: 2, mentions: [{ kind: 'me' }] } }), 100);
    expect(hook.result.current).toMatchObject({ hasUnread: true, hasMention: true });
    await act(() => store.getState().actions.markRead('c0004'));
    expect(hook.result.current).toMatchObject({ hasUnread: false, hasMention: false });
    act(() => {
      adapter.simulate.message('c0010', { preview: 'hi' });
      store.flush();
    });
    expect(hook.result.current).toMatchObject({ hasUnread: true, hasMention: false });
    act(() => {
      adapter.simulate.message('c0011', { preview: '@you', mentions: ['me'] });
      store.flush();
    });
    expect(hook.result.current.hasMention).toBe(true);
  });

  it('follows a group', async () => {
    const conversations = list(6, { 1: { unreadCount: 1 }, 4: { unreadCount: 1, groupNames: ['Work'] } });
    conversations[4] = { ...conversations[4]!, groupNames: ['Work'] };
    const adapter = createMemoryAdapter({ conversations, groups: [{ name: 'Work', conversationIds: ['c0004', 'c0005'] }], now: () => NOW });
    const store = makeStore(adapter);
    const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider store={store}>{children}</InboxProvider>;
    const hook = renderHook(() => useUnreadNavigation({ groupName: 'Work' }), { wrapper });
    await waitFor(() => expect(store.getState().status).toBe('ready'));
    await expect(hook.result.current.next(null, 1, 'unread')).resolves.toBe('c0004');
  });

  it('does not pass over the rows on a store change (hasUnread / hasMention cost O(log n))', async () => {
    const n = 5000;
    const { store, adapter, hook } = await setup(list(n, { 4000: { unreadCount: 1 } }), n);
    expect(store.getState().lists.view().size).toBe(n);
    expect(hook.result.current.hasUnread).toBe(true);
    const at = vi.spyOn(SortedChunks.prototype, 'at');
    act(() => {
      adapter.simulate.message('c2000', { preview: 'hi' });
      store.flush();
    });
    act(() => {
      adapter.simulate.update('c3000', { title: 'Renamed' });
      store.flush();
    });
    expect(hook.result.current.hasUnread).toBe(true);
    // A handful of reads per change (the first filtered row), not one per row.
    expect(at).toHaveBeenCalled(); // the spy sees the reads of the lists
    expect(at.mock.calls.length).toBeLessThan(50);
  });
});
