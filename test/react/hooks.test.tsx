import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { InboxError } from '../../src/core/errors.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import {
  InboxProvider,
  useConversation,
  useConversationActions,
  useConversationGroups,
  useConversationList,
  useConversationStatus,
  useSyncState,
  useUnreadTotal,
} from '../../src/react/index.js';
import { conv, createScriptedAdapter } from '../core/scriptedAdapter.js';

function setup(options: Parameters<typeof createScriptedAdapter>[0] = {}) {
  const scripted = createScriptedAdapter({
    conversations: [
      conv('alice', { title: 'Alice', lastActivityAt: 30, unreadCount: 2 }),
      conv('dev', { title: '研发部', kind: 'group', lastActivityAt: 20, mentions: [{ kind: 'me' }], unreadCount: 1, groupNames: ['R&D'] }),
      conv('sales', { title: '営業チーム', kind: 'group', lastActivityAt: 10, groupNames: ['R&D'] }),
    ],
    groups: [{ name: 'R&D', conversationIds: ['dev', 'sales'] }],
    ...options,
  });
  const store = createInboxStore({ adapter: scripted.adapter, draftStorage: createMemoryDraftStorage() });
  const onError = vi.fn();
  const wrapper = ({ children }: { children: ReactNode }) => (
    <InboxProvider store={store} onError={onError}>
      {children}
    </InboxProvider>
  );
  return { scripted, store, wrapper, onError };
}

async function ready(store: InboxStore) {
  await waitFor(() => expect(store.getState().status).toBe('ready'));
}

describe('useConversationList', () => {
  it('returns the ordered ids of all conversations or of a group, and load state', async () => {
    const { store, wrapper } = setup();
    const all = renderHook(() => useConversationList(), { wrapper });
    expect(all.result.current.status).toBe('loading');
    await ready(store);
    expect(all.result.current).toMatchObject({ ids: ['alice', 'dev', 'sales'], status: 'ready', hasMore: false, error: undefined });
    const group = renderHook(() => useConversationList('R&D'), { wrapper });
    expect(group.result.current.ids).toEqual(['dev', 'sales']);
  });

  it('keeps the same array while the order is unchanged', async () => {
    const { store, scripted, wrapper } = setup();
    const { result } = renderHook(() => useConversationList(), { wrapper });
    await ready(store);
    const first = result.current.ids;
    act(() => {
      scripted.emit({ type: 'upserted', conversations: [conv('sales', { title: 'Renamed', kind: 'group', lastActivityAt: 10, groupNames: ['R&D'] })] });
      store.flush();
    });
    expect(result.current.ids).toBe(first);
    act(() => {
      scripted.emit({ type: 'upserted', conversations: [conv('sales', { kind: 'group', lastActivityAt: 99, groupNames: ['R&D'] })] });
      store.flush();
    });
    expect(result.current.ids).toEqual(['sales', 'alice', 'dev']);
  });

  it('filters by unread, mentions and a title query that works for CJK, width and kana', async () => {
    const { store, wrapper } = setup();
    await act(() => store.connect());
    const unread = renderHook(() => useConversationList(undefined, { unreadOnly: true }), { wrapper });
    expect(unread.result.current.ids).toEqual(['alice', 'dev']);
    const mentions = renderHook(() => useConversationList(undefined, { mentionsOnly: true }), { wrapper });
    expect(mentions.result.current.ids).toEqual(['dev']);
    const cjk = renderHook(() => useConversationList(undefined, { query: '研发' }), { wrapper });
    expect(cjk.result.current.ids).toEqual(['dev']);
    const kana = renderHook(() => useConversationList(undefined, { query: 'えいぎょう' }), { wrapper });
    expect(kana.result.current.ids).toEqual([]);
    const katakanaAsHiragana = renderHook(() => useConversationList(undefined, { query: 'ちーむ' }), { wrapper });
    expect(katakanaAsHiragana.result.current.ids).toEqual(['sales']);
    const wide = renderHook(() => useConversationList(undefined, { query: 'ＡＬＩ' }), { wrapper });
    expect(wide.result.current.ids).toEqual(['alice']);
  });

  it('loads more pages on request', async () => {
    const { store, wrapper } = setup({ pageSize: 2 });
    const { result } = renderHook(() => useConversationList(), { wrapper });
    await ready(store);
    expect(result.current.ids).toHaveLength(2);
    expect(result.current.hasMore).toBe(true);
    await act(() => result.current.loadMore());
    expect(result.current.ids).toEqual(['alice', 'dev', 'sales']);
    expect(result.current.hasMore).toBe(false);
  });

  it('throws a helpful error outside a provider, and works with an explicit store', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => renderHook(() => useConversationList())).toThrow('useConversationList must be used within <InboxProvider>');
    expect(() => renderHook(() => useUnreadTotal())).toThrow('useUnreadTotal must be used within <InboxProvider>');
    spy.mockRestore();
    const { store } = setup();
    await store.connect();
    const { result } = renderHook(() => useConversationList(undefined, { store }));
    expect(result.current.ids).toEqual(['alice', 'dev', 'sales']);
    const conversation = renderHook(() => useConversation('alice', store));
    expect(conversation.result.current?.title).toBe('Alice');
  });
});

describe('useConversation and useConversationStatus', () => {
  it('returns the same object while the conversation is unchanged, and shows a command in flight', async () => {
    const { store, scripted, wrapper } = setup({ auto: false });
    const { result } = renderHook(() => ({ c: useConversation('alice'), s: useConversationStatus('alice') }), { wrapper });
    await ready(store);
    const first = result.current.c;
    act(() => {
      scripted.emit({ type: 'upserted', conversations: [conv('dev', { kind: 'group', lastActivityAt: 50 })] });
      store.flush();
    });
    expect(result.current.c).toBe(first);
    let pin!: Promise<void>;
    act(() => {
      pin = store.getState().actions.pin('alice', true);
    });
    expect(result.current.s.isPending).toBe(true);
    expect(result.current.c?.isPinned).toBe(true);
    await act(async () => {
      scripted.last('pin').reject(new Error('nope'));
      await pin.catch(() => {});
    });
    expect(result.current.s).toMatchObject({ isPending: false, failure: { operation: 'pin' } });
    expect(result.current.c?.isPinned).toBe(false);
  });
});

describe('useConversationActions', () => {
  it('is one stable object; a failure rolls back and reaches onError', async () => {
    const { store, scripted, wrapper, onError } = setup({ auto: false });
    const { result, rerender } = renderHook(() => ({ actions: useConversationActions(), total: useUnreadTotal() }), { wrapper });
    await ready(store);
    const actions = result.current.actions;
    rerender();
    expect(result.current.actions).toBe(actions);
    expect(result.current.total).toBe(3);
    let read!: Promise<void>;
    act(() => {
      read = actions.markRead('alice');
    });
    expect(result.current.total).toBe(1);
    await act(async () => {
      scripted.last('markRead').reject(new InboxError('ADAPTER_FAILED', 'server down', { sdkCode: 2999 }));
      await read.catch(() => {});
    });
    expect(result.current.total).toBe(3);
    expect(onError).toHaveBeenCalledWith(expect.objectContaining({ code: 'ADAPTER_FAILED', sdkCode: 2999 }), { operation: 'markRead', ids: ['alice'] });
    await expect(actions.markRead('nobody')).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
  });
});

describe('useConversationGroups and useUnreadTotal', () => {
  it('lists groups with counts and rejects an invalid name without changing anything', async () => {
    const { store, scripted, wrapper } = setup();
    const { result } = renderHook(() => ({ g: useConversationGroups(), rd: useUnreadTotal('R&D') }), { wrapper });
    await ready(store);
    expect(result.current.g.groups).toEqual([{ name: 'R&D', conversationCount: 2, unreadCount: 1 }]);
    expect(result.current.rd).toBe(1);
    expect(result.current.g.canCreateGroup).toBe(true);
    const groups = result.current.g.groups;
    await act(async () => {
      await expect(result.current.g.createGroup('研发部研发部研发部研发', ['alice'])).rejects.toMatchObject({ code: 'GROUP_NAME_INVALID' });
    });
    expect(result.current.g.groups).toBe(groups);
    expect(scripted.calls).toHaveLength(0);
    let created: unknown;
    await act(async () => {
      created = await result.current.g.createGroup('Suppliers', ['alice']);
    });
    expect(created).toEqual({ succeeded: ['alice'], failed: [] });
    expect(result.current.g.groups.map((g) => g.name)).toEqual(['R&D', 'Suppliers']);
  });
});

describe('useSyncState', () => {
  it('reports syncing, ready and errors from the backend', async () => {
    const { store, scripted, wrapper } = setup();
    const { result } = renderHook(() => useSyncState(), { wrapper });
    await ready(store);
    act(() => {
      scripted.emit({ type: 'syncStateChanged', status: 'syncing' });
      store.flush();
    });
    expect(result.current.status).toBe('syncing');
    act(() => {
      scripted.emit({ type: 'syncStateChanged', status: 'failed', error: new InboxError('NOT_READY', 'not logged in', { sdkCode: 2999 }) });
      store.flush();
    });
    expect(result.current).toMatchObject({ status: 'error', error: { code: 'NOT_READY' } });
  });
});

describe('InboxProvider', () => {
  it('subscribes once under StrictMode and leaves no listener after unmount', async () => {
    const scripted = createScriptedAdapter({ conversations: [conv('a')] });
    function Probe() {
      const { ids } = useConversationList();
      return <p>{ids.join(',')}</p>;
    }
    const view = render(
      <StrictMode>
        <InboxProvider adapter={scripted.adapter} draftStorage={null}>
          <Probe />
        </InboxProvider>
      </StrictMode>,
    );
    await screen.findByText('a');
    expect(scripted.listenerCount).toBe(1);
    view.unmount();
    expect(scripted.listenerCount).toBe(0);
  });

  it('gives two providers two stores that share nothing', async () => {
    const one = createScriptedAdapter({ conversations: [conv('one')] });
    const two = createScriptedAdapter({ conversations: [conv('two')] });
    function Probe({ label }: { label: string }) {
      const { ids } = useConversationList();
      return <p>{`${label}:${ids.join(',')}`}</p>;
    }
    render(
      <>
        <InboxProvider adapter={one.adapter} draftStorage={null}>
          <Probe label="first" />
        </InboxProvider>
        <InboxProvider adapter={two.adapter} draftStorage={null}>
          <Probe label="second" />
        </InboxProvider>
      </>,
    );
    expect(await screen.findByText('first:one')).toBeInTheDocument();
    expect(await screen.findByText('second:two')).toBeInTheDocument();
  });

  it('needs an adapter or a store', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(() => render(<InboxProvider />)).toThrow(/adapter/);
    spy.mockRestore();
  });
});
