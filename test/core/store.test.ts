import { describe, expect, it, vi } from 'vitest';
import { createInboxStore, type InboxStore, type ListView } from '../../src/core/store.js';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import { selectConversation, selectConversationIds, selectGroups, selectSyncState, selectUnreadTotal } from '../../src/core/selectors.js';
import { conv, createScriptedAdapter } from './scriptedAdapter.js';

async function connected(scripted: ReturnType<typeof createScriptedAdapter>, options: Partial<Parameters<typeof createInboxStore>[0]> = {}) {
  const store = createInboxStore({ adapter: scripted.adapter, draftStorage: createMemoryDraftStorage(), ...options });
  await store.connect();
  return store;
}

const ids = (store: InboxStore, group?: string) => selectConversationIds(store.getState(), group);

describe('ordering', () => {
  it('puts pinned first, then newest activity, and breaks ties by id', async () => {
    const s = createScriptedAdapter({
      conversations: [
        conv('b', { lastActivityAt: 5 }),
        conv('a', { lastActivityAt: 5 }),
        conv('old-pinned', { lastActivityAt: 1, isPinned: true }),
        conv('new', { lastActivityAt: 9 }),
      ],
    });
    const store = await connected(s);
    expect(ids(store)).toEqual(['old-pinned', 'new', 'a', 'b']);
  });

  it('orders by the later of message and draft time when the adapter says so (OpenIM)', async () => {
    const s = createScriptedAdapter({
      capabilities: { orderBy: 'lastActivityOrDraft' },
      conversations: [conv('x', { lastActivityAt: 10 }), conv('y', { lastActivityAt: 5, draft: { text: 'hi', updatedAt: 20 } })],
    });
    const store = await connected(s);
    expect(ids(store)).toEqual(['y', 'x']);
  });

  it('ignores draft time under Tencent ordering', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('x', { lastActivityAt: 10 }), conv('y', { lastActivityAt: 5, draft: { text: 'hi', updatedAt: 20 } })],
    });
    const store = await connected(s);
    expect(ids(store)).toEqual(['x', 'y']);
  });

  it('moves a conversation to the top of every list it is in when a message arrives', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('a', { lastActivityAt: 3, groupNames: ['Work'] }), conv('b', { lastActivityAt: 2, groupNames: ['Work'] }), conv('c', { lastActivityAt: 1, groupNames: ['Work'] })],
      groups: [{ name: 'Work', conversationIds: ['a', 'b', 'c'] }],
    });
    const store = await connected(s);
    s.emit({ type: 'upserted', conversations: [conv('c', { lastActivityAt: 10, unreadCount: 1, groupNames: ['Work'] })] });
    store.flush();
    expect(ids(store)).toEqual(['c', 'a', 'b']);
    expect(ids(store, 'Work')).toEqual(['c', 'a', 'b']);
  });

  it('accepts a custom comparator and still breaks ties by id', async () => {
    const s = createScriptedAdapter({ conversations: [conv('b', { title: 'Zed' }), conv('a', { title: 'Amy' }), conv('c', { title: 'Amy' })] });
    const store = await connected(s, { comparator: (x, y) => x.title.localeCompare(y.title) });
    expect(ids(store)).toEqual(['a', 'c', 'b']);
  });
});

describe('stable references and batching', () => {
  it('keeps the same id array while the order is unchanged, and a new one when it changes', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { lastActivityAt: 2 }), conv('b', { lastActivityAt: 1 })] });
    const store = await connected(s);
    const before = ids(store);
    s.emit({ type: 'upserted', conversations: [conv('b', { lastActivityAt: 1, title: 'Renamed' })] });
    store.flush();
    expect(ids(store)).toBe(before);
    expect(selectConversation(store.getState(), 'b')?.title).toBe('Renamed');
    s.emit({ type: 'upserted', conversations: [conv('b', { lastActivityAt: 3 })] });
    store.flush();
    expect(ids(store)).not.toBe(before);
    expect(ids(store)).toEqual(['b', 'a']);
  });

  it('reads the same order in place through a ListView, the same object until the order changes', async () => {
    // 1,200 conversations: the ordered list holds them in several chunks, so positions cross chunk boundaries.
    const s = createScriptedAdapter({
      conversations: Array.from({ length: 1200 }, (_, i) => conv(`c${i}`, { lastActivityAt: 10_000 - i, groupNames: i % 3 === 0 ? ['Work'] : [] })),
      groups: [{ name: 'Work', conversationIds: Array.from({ length: 400 }, (_, i) => `c${i * 3}`) }],
    });
    const store = await connected(s, { pageSize: 2000 });
    const read = (view: ListView) => Array.from({ length: view.size }, (_, i) => view.at(i));
    const view = store.getState().lists.view();
    expect(view.size).toBe(1200);
    expect(read(view)).toEqual(ids(store));
    expect(read(store.getState().lists.view('Work'))).toEqual(ids(store, 'Work'));
    expect(view.at(1200)).toBeUndefined();
    expect(view.at(-1)).toBeUndefined();
    expect([view.indexOf('c0'), view.indexOf('c700'), view.indexOf('c1199'), view.indexOf('nope')]).toEqual([0, 700, 1199, -1]);
    expect(store.getState().lists.view('Work').indexOf('c1')).toBe(-1);
    expect(store.getState().lists.view('No such group').size).toBe(0);

    // A change in place keeps the view; a move gives a new one with the new order.
    s.emit({ type: 'upserted', conversations: [conv('c700', { lastActivityAt: 10_000 - 700, title: 'Renamed', groupNames: [] })] });
    store.flush();
    expect(store.getState().lists.view()).toBe(view);
    s.emit({ type: 'upserted', conversations: [conv('c900', { lastActivityAt: 20_000, groupNames: ['Work'] })] });
    store.flush();
    const moved = store.getState().lists.view();
    expect(moved).not.toBe(view);
    expect(moved.at(0)).toBe('c900');
    expect(moved.indexOf('c700')).toBe(701);
    expect(read(moved)).toEqual(ids(store));
    expect(store.getState().lists.view('Work').at(0)).toBe('c900');
  });

  it('keeps the object of every unchanged conversation across a full snapshot and removes missing ones', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('b'), conv('c')] });
    const store = await connected(s);
    const a = selectConversation(store.getState(), 'a');
    s.emit({ type: 'replaced', conversations: [conv('a', { raw: { fresh: true } }), conv('b', { unreadCount: 4 })] });
    store.flush();
    expect(selectConversation(store.getState(), 'a')).toBe(a);
    expect(selectConversation(store.getState(), 'b')?.unreadCount).toBe(4);
    expect(selectConversation(store.getState(), 'c')).toBeUndefined();
    expect(ids(store)).toEqual(['a', 'b']);
  });

  it('applies a burst of events as one state change', async () => {
    const s = createScriptedAdapter({ conversations: Array.from({ length: 50 }, (_, i) => conv(`c${i}`, { lastActivityAt: i })) });
    const store = await connected(s);
    const listener = vi.fn();
    store.subscribe(listener);
    for (let i = 0; i < 200; i++) {
      s.emit({ type: 'upserted', conversations: [conv(`c${i % 50}`, { lastActivityAt: 1000 + i, unreadCount: i })] });
    }
    await Promise.resolve();
    expect(listener).toHaveBeenCalledTimes(1);
    expect(ids(store)[0]).toBe('c49');
  });

  it('applies the same event twice as once (idempotent by id)', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 1 })] });
    const store = await connected(s);
    const event = { type: 'upserted' as const, conversations: [conv('a', { unreadCount: 2, lastActivityAt: 5 })] };
    s.emit(event);
    s.emit(event);
    store.flush();
    expect(store.getState().unreadTotal).toBe(2);
    expect(ids(store)).toEqual(['a']);
  });

  it('does not notify when an event changes nothing', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const store = await connected(s);
    const listener = vi.fn();
    store.subscribe(listener);
    s.emit({ type: 'upserted', conversations: [conv('a')] });
    store.flush();
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('unread totals', () => {
  const sample = () => [
    conv('n', { unreadCount: 1 }),
    conv('s', { unreadCount: 2, muteMode: 'silent' }),
    conv('m', { unreadCount: 4, muteMode: 'silentExceptMention' }),
    conv('b', { unreadCount: 8, muteMode: 'blocked' }),
    conv('sys', { unreadCount: 16, kind: 'system' }),
  ];

  it('follows the Tencent rule: muted and system conversations do not count', async () => {
    const store = await connected(createScriptedAdapter({ conversations: sample(), capabilities: { unreadRule: TENCENT_UNREAD_RULE } }));
    expect(selectUnreadTotal(store.getState())).toBe(1);
  });

  it('follows the OpenIM rule: only silent is excluded', async () => {
    const store = await connected(createScriptedAdapter({ conversations: sample(), capabilities: { unreadRule: OPENIM_UNREAD_RULE } }));
    expect(selectUnreadTotal(store.getState())).toBe(1 + 4 + 8 + 16);
  });

  it('keeps per-group unread and counts current as conversations change', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('a', { unreadCount: 3, groupNames: ['G'] }), conv('b', { unreadCount: 5, groupNames: ['G', 'H'] })],
      groups: [
        { name: 'G', conversationIds: ['a', 'b'] },
        { name: 'H', conversationIds: ['b'] },
      ],
    });
    const store = await connected(s);
    expect(selectGroups(store.getState())).toEqual([
      { name: 'G', conversationCount: 2, unreadCount: 8 },
      { name: 'H', conversationCount: 1, unreadCount: 5 },
    ]);
    s.emit({ type: 'upserted', conversations: [conv('b', { unreadCount: 5, groupNames: ['G', 'H'], muteMode: 'silent' })] });
    store.flush();
    expect(selectUnreadTotal(store.getState(), 'G')).toBe(3);
    expect(selectUnreadTotal(store.getState(), 'H')).toBe(0);
    expect(selectUnreadTotal(store.getState())).toBe(3);
  });

  it('keeps the backend-reported total apart from the computed one', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 2 })] });
    const store = await connected(s);
    s.emit({ type: 'unreadTotalChanged', total: 7 });
    store.flush();
    expect(store.getState().backendUnreadTotal).toBe(7);
    expect(store.getState().unreadTotal).toBe(2);
  });
});

describe('optimistic commands', () => {
  it('applies a pin at once, marks it pending, and confirms it', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { lastActivityAt: 2 }), conv('b', { lastActivityAt: 1 })], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.pin('b', true);
    expect(ids(store)).toEqual(['b', 'a']);
    expect(store.getState().pending.get('b')).toBe(1);
    s.last('pin').resolve();
    await done;
    expect(store.getState().pending.get('b')).toBeUndefined();
    expect(selectConversation(store.getState(), 'b')?.isPinned).toBe(true);
  });

  it('rolls back exactly the failed command, keeping a message that arrived meanwhile', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { lastActivityAt: 2 }), conv('b', { lastActivityAt: 1 })], auto: false });
    const store = await connected(s);
    const errors = vi.fn();
    store.onError(errors);
    const done = store.getState().actions.pin('b', true);
    s.emit({ type: 'upserted', conversations: [conv('b', { lastActivityAt: 1, unreadCount: 1, lastMessage: { preview: 'hey', sentAt: 1 } })] });
    store.flush();
    s.last('pin').reject(s.failure(51012));
    await expect(done).rejects.toMatchObject({ code: 'ADAPTER_FAILED', sdkCode: 51012 });
    const b = selectConversation(store.getState(), 'b')!;
    expect(b.isPinned).toBe(false);
    expect(b.unreadCount).toBe(1);
    expect(b.lastMessage?.preview).toBe('hey');
    expect(ids(store)).toEqual(['a', 'b']);
    expect(errors).toHaveBeenCalledWith(expect.any(InboxError), { operation: 'pin', ids: ['b'] });
    expect(store.getState().failures.get('b')?.operation).toBe('pin');
  });

  it('rolls back a failed command without undoing a later one on the same conversation', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 3 })], auto: false });
    const store = await connected(s);
    const pin = store.getState().actions.pin('a', true);
    const mute = store.getState().actions.setMuteMode('a', 'silent');
    s.last('pin').reject(s.failure());
    await expect(pin).rejects.toBeInstanceOf(InboxError);
    expect(selectConversation(store.getState(), 'a')).toMatchObject({ isPinned: false, muteMode: 'silent' });
    s.last('setMuteMode').resolve();
    await mute;
    expect(selectConversation(store.getState(), 'a')).toMatchObject({ isPinned: false, muteMode: 'silent' });
    expect(store.getState().unreadTotal).toBe(0);
  });

  it('marks read optimistically and restores unread and mentions on failure', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { unreadCount: 3, mentions: [{ kind: 'me' }] })], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.markRead('a');
    expect(store.getState().unreadTotal).toBe(0);
    s.last('markRead').reject(s.failure());
    await expect(done).rejects.toBeInstanceOf(InboxError);
    expect(selectConversation(store.getState(), 'a')).toMatchObject({ unreadCount: 3, mentions: [{ kind: 'me' }] });
    expect(store.getState().unreadTotal).toBe(3);
  });

  it('rolls back only the ids that failed in a batch', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('b'), conv('c')], groups: [{ name: 'G', conversationIds: [] }], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.addToGroup('G', ['a', 'b', 'missing']);
    expect(ids(store, 'G')).toEqual(['a', 'b']);
    s.last('addToGroup').resolve({ succeeded: ['a'], failed: [{ id: 'b', code: '51008', message: 'too many' }] });
    const result = await done;
    expect(result.succeeded).toEqual(['a']);
    expect(result.failed.map((f) => f.id).sort()).toEqual(['b', 'missing']);
    expect(ids(store, 'G')).toEqual(['a']);
    expect(store.getState().failures.get('b')?.error.sdkCode).toBe(51008);
  });

  it('deletes optimistically and brings the conversation back when the backend refuses', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('b')], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.deleteConversation('a');
    expect(ids(store)).toEqual(['b']);
    s.last('deleteConversations').resolve({ succeeded: [], failed: [{ id: 'a', code: '2500', message: 'nothing deleted' }] });
    await expect(done).rejects.toMatchObject({ sdkCode: 2500 });
    expect(ids(store)).toEqual(['a', 'b']);
  });

  it('renames a group with its members, and undoes both on failure', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { groupNames: ['Old'] })], groups: [{ name: 'Old', conversationIds: ['a'] }], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.renameGroup('Old', 'New');
    expect(store.getState().groupNames).toEqual(['New']);
    expect(ids(store, 'New')).toEqual(['a']);
    s.last('renameGroup').reject(s.failure());
    await expect(done).rejects.toBeInstanceOf(InboxError);
    expect(store.getState().groupNames).toEqual(['Old']);
    expect(ids(store, 'Old')).toEqual(['a']);
    expect(ids(store, 'New')).toEqual([]);
  });

  it('opens a conversation through the adapter and adds it', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')], auto: false });
    const store = await connected(s);
    const opened = store.getState().actions.openConversation({ kind: 'direct', targetId: 'bob' });
    s.last('openConversation').resolve(conv('C2Cbob', { lastActivityAt: 0 }));
    await expect(opened).resolves.toBe('C2Cbob');
    expect(ids(store)).toContain('C2Cbob');
  });
});

describe('validation before the adapter is called', () => {
  async function setup() {
    const s = createScriptedAdapter({
      conversations: [conv('a'), conv('b', { isPinned: true })],
      groups: [{ name: 'Work', conversationIds: [] }],
      capabilities: { maxPinned: 1 },
    });
    const store = await connected(s);
    return { s, store, before: store.getState() };
  }

  it.each([
    ['11 CJK characters (33 bytes)', '研发部研发部研发部研发'],
    ['an empty name', ''],
    ['blanks only', '   '],
    ['33 ASCII bytes', 'x'.repeat(33)],
    ['8 emoji and one more byte', '😀'.repeat(8) + 'x'],
  ])('rejects a group name of %s with GROUP_NAME_INVALID and changes nothing', async (_label, name) => {
    const { s, store, before } = await setup();
    await expect(store.getState().actions.createGroup(name, ['a'])).rejects.toMatchObject({ code: 'GROUP_NAME_INVALID', sdkCode: 51011 });
    expect(s.calls).toHaveLength(0);
    expect(store.getState()).toBe(before);
  });

  it('accepts exactly 32 bytes (8 four-byte emoji, or 10 CJK characters and 2 ASCII)', async () => {
    const { store } = await setup();
    await expect(store.getState().actions.createGroup('😀'.repeat(8), [])).resolves.toBeDefined();
    await expect(store.getState().actions.createGroup('研发部研发部研发部研xy', [])).resolves.toBeDefined();
  });

  it('rejects duplicates, unknown groups, the 21st group and the pin limit', async () => {
    const { s, store } = await setup();
    const { actions } = store.getState();
    await expect(actions.createGroup('Work', [])).rejects.toMatchObject({ code: 'GROUP_EXISTS' });
    await expect(actions.deleteGroup('Nope')).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND', sdkCode: 51009 });
    await expect(actions.renameGroup('Nope', 'X')).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND' });
    await expect(actions.addToGroup('Nope', ['a'])).rejects.toMatchObject({ code: 'GROUP_NOT_FOUND' });
    await expect(actions.pin('a', true)).rejects.toMatchObject({ code: 'PIN_LIMIT_EXCEEDED', sdkCode: 51012 });
    for (let i = 1; i < 20; i++) await actions.createGroup(`G${i}`, []);
    expect(store.getState().groupNames).toHaveLength(20);
    await expect(actions.createGroup('G20', [])).rejects.toMatchObject({ code: 'GROUP_LIMIT_EXCEEDED', sdkCode: 51010 });
    expect(s.calls.filter((c) => c.method === 'createGroup')).toHaveLength(19);
  });

  it('rejects bad arguments with INVALID_ARGUMENT or CONVERSATION_NOT_FOUND', async () => {
    const { s, store, before } = await setup();
    const { actions } = store.getState();
    await expect(actions.pin('zzz', true)).rejects.toMatchObject({ code: 'CONVERSATION_NOT_FOUND' });
    await expect(actions.pin('a', 'yes' as unknown as boolean)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions.setMuteMode('a', 'loud' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions.setDraft('a', 42 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions.addToGroup('Work', 'a' as unknown as string[])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions.openConversation({ kind: 'channel' as never, targetId: 'x' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions.setMark(['a'], 'fold', true)).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(s.calls).toHaveLength(0);
    expect(store.getState()).toBe(before);
  });

  it('refuses group commands on a backend without groups', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')], capabilities: { groups: 'none' } });
    const store = await connected(s);
    await expect(store.getState().actions.createGroup('Work', ['a'])).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('refuses to group more conversations than the backend allows', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('a', { groupNames: ['W'] }), conv('b'), conv('c')],
      groups: [{ name: 'W', conversationIds: ['a'] }],
      capabilities: { maxGroupedConversations: 2 },
    });
    const store = await connected(s);
    await expect(store.getState().actions.addToGroup('W', ['b', 'c'])).rejects.toMatchObject({
      code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
      sdkCode: 51008,
    });
    expect(ids(store, 'W')).toEqual(['a']);
  });
});

describe('drafts', () => {
  it('writes the draft to storage before the backend answers, and keeps it when the backend fails', async () => {
    const storage = createMemoryDraftStorage();
    const s = createScriptedAdapter({ conversations: [conv('a')], capabilities: { draftsPersisted: false }, auto: false });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: storage, now: () => 42 });
    await store.connect();
    const done = store.getState().actions.setDraft('a', 'half a thought');
    expect(storage.getAll()).toEqual(new Map([['a', { text: 'half a thought', updatedAt: 42 }]]));
    s.last('setDraft').reject(s.failure());
    await expect(done).rejects.toBeInstanceOf(InboxError);
    expect(selectConversation(store.getState(), 'a')?.draft?.text).toBe('half a thought');
  });

  it('restores drafts from storage in a new store (a reload)', async () => {
    const storage = createMemoryDraftStorage({ a: { text: 'restored', updatedAt: 5 } });
    const s = createScriptedAdapter({ conversations: [conv('a')], capabilities: { draftsPersisted: false } });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: storage });
    await store.connect();
    expect(selectConversation(store.getState(), 'a')?.draft).toEqual({ text: 'restored', updatedAt: 5 });
  });

  it('does not write a draft equal to what the backend has, and clears with an empty string', async () => {
    const storage = createMemoryDraftStorage();
    const s = createScriptedAdapter({ conversations: [conv('a', { draft: { text: 'same', updatedAt: 1 } })] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: storage });
    await store.connect();
    await store.getState().actions.setDraft('a', 'same');
    expect(s.calls).toHaveLength(0);
    await store.getState().actions.setDraft('a', '');
    expect(s.last('setDraft').args).toEqual(['a', '']);
    expect(selectConversation(store.getState(), 'a')?.draft).toBeUndefined();
  });
});

describe('lifecycle and paging', () => {
  it('goes loading → syncing → ready with the adapter sync events', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    expect(selectSyncState(store.getState()).status).toBe('idle');
    const connecting = store.connect();
    expect(store.getState().status).toBe('loading');
    s.emit({ type: 'syncStateChanged', status: 'syncing' });
    await connecting;
    expect(store.getState().status).toBe('syncing');
    s.emit({ type: 'syncStateChanged', status: 'ready' });
    store.flush();
    expect(store.getState().status).toBe('ready');
  });

  it('reports a failed load as an error state and through onError', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    s.adapter.loadConversations = () => Promise.reject(new Error('offline'));
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const onError = vi.fn();
    store.onError(onError);
    await store.connect();
    expect(selectSyncState(store.getState())).toMatchObject({ status: 'error', error: { code: 'ADAPTER_FAILED', message: 'offline' } });
    expect(onError).toHaveBeenCalledWith(expect.any(InboxError), { operation: 'connect' });
  });

  it('pages with loadMore, deduplicating conversations that shifted between pages', async () => {
    const list = Array.from({ length: 5 }, (_, i) => conv(`c${i}`, { lastActivityAt: 100 - i }));
    const s = createScriptedAdapter({ conversations: list, pageSize: 2 });
    const store = await connected(s);
    expect(ids(store)).toEqual(['c0', 'c1']);
    expect(store.getState().hasMore).toBe(true);
    // a live update shifts c0 down by one: the next page starts with c1 again
    s.setConversations([list[1]!, list[0]!, ...list.slice(2)]);
    await store.getState().actions.loadMore();
    await store.getState().actions.loadMore();
    await store.getState().actions.loadMore();
    expect(ids(store)).toEqual(['c0', 'c1', 'c2', 'c3', 'c4']);
    expect(store.getState().hasMore).toBe(false);
  });

  it('subscribes once however many times it is connected, and unsubscribes with the last disconnect', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await Promise.all([store.connect(), store.connect()]);
    expect(s.listenerCount).toBe(1);
    store.disconnect();
    expect(s.listenerCount).toBe(1);
    store.disconnect();
    expect(s.listenerCount).toBe(0);
    expect(store.getState().status).toBe('idle');
  });

  it('ignores the results of a load that a disconnect overtook', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const original = s.adapter.loadConversations.bind(s.adapter);
    s.adapter.loadConversations = async (request) => {
      await gate;
      return original(request);
    };
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    const first = store.connect();
    store.disconnect();
    release();
    await first;
    expect(store.getState().status).toBe('idle');
    expect(ids(store)).toEqual([]);
  });

  it('applies a membership event to conversations that joined the group earlier in the same burst', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('x')], groups: [{ name: 'G', conversationIds: [] }] });
    const store = await connected(s);
    s.emit({ type: 'upserted', conversations: [conv('x', { groupNames: ['G'] })] });
    s.emit({ type: 'groupMembershipChanged', name: 'G', conversationIds: ['a'] });
    store.flush();
    expect(ids(store, 'G')).toEqual(['a']);
    expect(selectConversation(store.getState(), 'x')?.groupNames).toEqual([]);
  });

  it("takes a group's membership for the conversations it holds, whether it holds fewer of them or more than the group lists", async () => {
    // Conversations that do not name the group the backend lists as members (and one that names it but is not listed).
    const conversations = Array.from({ length: 50 }, (_, i) => conv(`c${i}`, { lastActivityAt: 1000 - i, groupNames: i === 1 ? ['Big'] : [] }));
    const big = { name: 'Big', conversationIds: conversations.filter((_, i) => i % 2 === 0).map((c) => c.id) };
    const small = { name: 'Small', conversationIds: ['c0', 'c3'] };
    // Pages of 4: the store holds fewer conversations than Big lists, more than Small lists.
    const store = await connected(createScriptedAdapter({ conversations, groups: [big, small], pageSize: 4 }), { pageSize: 4 });
    expect(ids(store)).toEqual(['c0', 'c1', 'c2', 'c3']);
    expect(ids(store, 'Big')).toEqual(['c0', 'c2']);
    expect(ids(store, 'Small')).toEqual(['c0', 'c3']);
    expect(selectConversation(store.getState(), 'c1')?.groupNames).toEqual([]);
  });

  it("trusts each loaded conversation's groups when the backend says they match its group lists (groupNamesMatchGroups)", async () => {
    // Lists that disagree with the conversations, which only a broken backend would send, show what the store reads.
    const conversations = [conv('a', { groupNames: ['G'] }), conv('b', { lastActivityAt: 900 })];
    const groups = [{ name: 'G', conversationIds: ['b'] }];
    const trusting = await connected(createScriptedAdapter({ conversations, groups, capabilities: { groupNamesMatchGroups: true } }));
    expect(ids(trusting, 'G')).toEqual(['a']);
    // Without the promise, the lists decide.
    const checking = await connected(createScriptedAdapter({ conversations, groups }));
    expect(ids(checking, 'G')).toEqual(['b']);
  });

  it("never reads a group's member ids when the backend says they match, so a backend may work them out only when read", async () => {
    let reads = 0;
    const lazy = {
      name: 'G',
      unreadCount: 4,
      get conversationIds(): string[] {
        reads++;
        return ['a'];
      },
    };
    // Members that are not even a list: unused, so not refused either.
    const unlisted = { name: 'H', conversationIds: 'not a list' as unknown as string[] };
    const conversations = [conv('a', { groupNames: ['G'], unreadCount: 1 }), conv('b', { lastActivityAt: 900 })];
    const s = createScriptedAdapter({ conversations, groups: [lazy, unlisted], capabilities: { groupNamesMatchGroups: true }, pageSize: 1 });
    const errors = vi.fn();
    const store = createInboxStore({ adapter: s.adapter, draftStorage: createMemoryDraftStorage(), pageSize: 1 });
    store.onError(errors);
    await store.connect();
    expect(reads).toBe(0);
    expect(errors).not.toHaveBeenCalled();
    expect(store.getState().groupNames).toEqual(['G', 'H']);
    expect(ids(store, 'G')).toEqual(['a']);
    // A page remains, so the tab shows the backend's own count of G, which the store took without its members.
    expect(selectGroups(store.getState()).find((g) => g.name === 'G')?.unreadCount).toBe(4);

    // Without the promise the members are read, and checked: a group whose members are not a list is refused.
    const checking = createScriptedAdapter({ conversations, groups: [lazy, unlisted] });
    const checkingStore = createInboxStore({ adapter: checking.adapter, draftStorage: createMemoryDraftStorage() });
    checkingStore.onError(errors);
    await checkingStore.connect();
    expect(reads).toBeGreaterThan(0);
    expect(checkingStore.getState().groupNames).toEqual(['G']);
    const [refused] = errors.mock.calls.at(-1) as [InboxError];
    expect(refused.code).toBe('ADAPTER_FAILED');
    expect(refused.message).toContain('"H"');
  });

  it('applies membership events from a backend whose groupNames match its groups, as from any other', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('a', { groupNames: ['G'] }), conv('b', { lastActivityAt: 900 })],
      groups: [{ name: 'G', conversationIds: ['a'] }],
      capabilities: { groupNamesMatchGroups: true },
    });
    const store = await connected(s);
    s.emit({ type: 'groupMembershipChanged', name: 'G', conversationIds: ['b'] });
    store.flush();
    expect(ids(store, 'G')).toEqual(['b']);
    expect(selectConversation(store.getState(), 'a')?.groupNames).toEqual([]);
  });

  it('applies group list and membership events from the backend', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('b')] });
    const store = await connected(s);
    s.emit({ type: 'groupsChanged', names: ['R&D', 'Suppliers'] });
    s.emit({ type: 'groupMembershipChanged', name: 'R&D', conversationIds: ['a', 'b'] });
    store.flush();
    expect(store.getState().groupNames).toEqual(['R&D', 'Suppliers']);
    expect(ids(store, 'R&D')).toEqual(['a', 'b']);
    s.emit({ type: 'groupMembershipChanged', name: 'R&D', conversationIds: ['b'] });
    s.emit({ type: 'groupsChanged', names: ['Suppliers'] });
    store.flush();
    expect(ids(store, 'R&D')).toEqual([]);
    expect(selectConversation(store.getState(), 'b')?.groupNames).toEqual([]);
  });
});

describe('the seam', () => {
  it('rejects a store without a usable adapter', () => {
    expect(() => createInboxStore({ adapter: {} as never })).toThrow(/adapter/);
  });
});

describe('capabilities and per-id failure codes', () => {
  it('keeps the neutral code and the sdk code of a per-id failure', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a'), conv('b')], groups: [{ name: 'G', conversationIds: [] }], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.addToGroup('G', ['a', 'b']);
    s.last('addToGroup').resolve({ succeeded: ['a'], failed: [{ id: 'b', code: 'CONVERSATION_NOT_FOUND', message: 'gone', sdkCode: 2500 }] });
    await done;
    expect(store.getState().failures.get('b')?.error).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500, message: 'gone' });
  });

  it('does not keep a created group when every conversation failed', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')], auto: false });
    const store = await connected(s);
    const done = store.getState().actions.createGroup('Ghost', ['a']);
    expect(store.getState().groupNames).toEqual(['Ghost']);
    s.last('createGroup').resolve({ succeeded: [], failed: [{ id: 'a', code: '2500', message: 'not cached' }] });
    await done;
    expect(store.getState().groupNames).toEqual([]);
  });

  it('refuses a mute mode the backend cannot set on that kind, and an empty group where groups need members', async () => {
    const s = createScriptedAdapter({
      conversations: [conv('a'), conv('g', { kind: 'group' })],
      capabilities: { muteModes: { direct: ['none', 'silent', 'blocked'] }, emptyGroups: false },
    });
    const store = await connected(s);
    await expect(store.getState().actions.setMuteMode('a', 'silentExceptMention')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    await expect(store.getState().actions.setMuteMode('g', 'silentExceptMention')).resolves.toBeUndefined();
    await expect(store.getState().actions.createGroup('Empty', [])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(s.calls.map((c) => c.method)).toEqual(['setMuteMode']);
  });
});

describe('capabilities learned on connect', () => {
  it('reads the adapter capabilities again after connect', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')], capabilities: { groups: 'emulated', marks: [] } });
    s.adapter.connect = () => {
      (s.adapter as { capabilities: typeof s.adapter.capabilities }).capabilities = { ...s.adapter.capabilities, groups: 'native', marks: ['star'] };
    };
    const store = await connected(s);
    expect(store.getState().capabilities).toMatchObject({ groups: 'native', marks: ['star'] });
    await expect(store.getState().actions.setMark(['a'], 'star', true)).resolves.toEqual({ succeeded: ['a'], failed: [] });
  });
});

describe('pinned count and the unread mark', () => {
  it('keeps a pinned count and clears a manual unread mark when a conversation is read', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a', { isPinned: true }), conv('b', { marks: ['unread'] })] });
    const store = await connected(s);
    expect(store.getState().pinnedCount).toBe(1);
    await store.getState().actions.pin('b', true);
    expect(store.getState().pinnedCount).toBe(2);
    await store.getState().actions.markRead('b');
    expect(selectConversation(store.getState(), 'b')?.marks).toEqual([]);
    expect(s.calls.map((c) => [c.method, ...c.args])).toEqual([
      ['pin', 'b', true],
      ['setMark', ['b'], 'unread', false],
    ]);
  });
});

describe('reload', () => {
  it('loads again after an error while staying connected, however many connections there are', async () => {
    const s = createScriptedAdapter({ conversations: [conv('a')] });
    const original = s.adapter.loadConversations.bind(s.adapter);
    s.adapter.loadConversations = () => Promise.reject(new Error('offline'));
    const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
    await store.connect();
    await store.connect();
    expect(store.getState().status).toBe('error');
    s.adapter.loadConversations = original;
    await store.reload();
    expect(store.getState().status).toBe('ready');
    expect(ids(store)).toEqual(['a']);
    expect(s.listenerCount).toBe(1);
  });
});
