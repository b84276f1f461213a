import { describe, expect, it } from 'vitest';
import { selectUnreadIsPartial, selectUnreadTotal } from '../../src/core/selectors.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { conv, createScriptedAdapter } from './scriptedAdapter.js';

const ALL_MARKS = { marks: ['star', 'unread', 'fold', 'hide'] as const };

async function storeWith(conversations: Conversation[], options: Parameters<typeof createScriptedAdapter>[0] = {}) {
  const scripted = createScriptedAdapter({ conversations, capabilities: ALL_MARKS, ...options });
  const store = createInboxStore({ adapter: scripted.adapter, draftStorage: null });
  await store.connect();
  return { store, scripted };
}

describe('hidden conversations', () => {
  const rows = [
    conv('a', { lastActivityAt: 30, unreadCount: 2, groupNames: ['Work'] }),
    conv('b', { lastActivityAt: 20, unreadCount: 5, groupNames: ['Work'], marks: ['hide'] }),
    conv('c', { lastActivityAt: 10, unreadCount: 1 }),
  ];

  it('leave every list and every count, and stay readable by id', async () => {
    const { store } = await storeWith(rows, { groups: [{ name: 'Work', conversationIds: ['a', 'b'] }] });
    const state = store.getState();
    expect([...state.lists.ids()]).toEqual(['a', 'c']);
    expect([...state.lists.ids('Work')]).toEqual(['a']);
    expect([...state.lists.ids(undefined, { unreadOnly: true })]).toEqual(['a', 'c']);
    expect(state.unreadTotal).toBe(3);
    expect(state.groups).toEqual([{ name: 'Work', conversationCount: 1, unreadCount: 2 }]);
    expect(state.conversations.get('b')?.title).toBe('b');
  });

  it('come back when unmarked, and go when marked, with the counts', async () => {
    const { store } = await storeWith(rows, { groups: [{ name: 'Work', conversationIds: ['a', 'b'] }] });
    await store.getState().actions.setMark(['b'], 'hide', false);
    expect([...store.getState().lists.ids()]).toEqual(['a', 'b', 'c']);
    expect(store.getState().unreadTotal).toBe(8);
    await store.getState().actions.setMark(['a'], 'hide', true);
    expect([...store.getState().lists.ids('Work')]).toEqual(['b']);
    expect(store.getState().groups[0]).toEqual({ name: 'Work', conversationCount: 1, unreadCount: 5 });
  });

  it('come back when the backend un-hides them (a new message)', async () => {
    const { store, scripted } = await storeWith(rows);
    scripted.emit({ type: 'upserted', conversations: [{ ...rows[1]!, marks: [], lastActivityAt: 99, unreadCount: 6 }] });
    store.flush();
    expect(store.getState().lists.ids()[0]).toBe('b');
    expect(store.getState().unreadTotal).toBe(9);
  });
});

describe('folded conversations', () => {
  const rows = [
    conv('p', { lastActivityAt: 50, isPinned: true }),
    conv('a', { lastActivityAt: 40 }),
    conv('f1', { lastActivityAt: 35, unreadCount: 3, marks: ['fold'], title: 'Newsletter' }),
    conv('b', { lastActivityAt: 30, unreadCount: 1 }),
    conv('f2', { lastActivityAt: 20, unreadCount: 4, marks: ['fold'], muteMode: 'silent' }),
  ];

  it('collapse into one row at the place of the newest, with their unread summed under the rule', async () => {
    const { store } = await storeWith(rows);
    const { lists } = store.getState();
    expect([...lists.ids()]).toEqual(['p', 'a', 'b']);
    const folded = lists.folded()!;
    expect([...folded.ids]).toEqual(['f1', 'f2']);
    expect(folded.position).toBe(2);
    expect(folded.newest.id).toBe('f1');
    // f2 is muted: the Tencent rule leaves it out of totals, as the backend does
    expect(folded.unreadCount).toBe(3);
    expect(folded.view.size).toBe(2);
    expect(folded.view.indexOf('f2')).toBe(1);
    // they still count in the totals (the backend's total counts them) and show in searches
    expect(store.getState().unreadTotal).toBe(4);
    expect([...lists.ids(undefined, { query: 'news' })]).toEqual(['f1']);
    expect([...lists.ids(undefined, { unreadOnly: true })]).toEqual(['f1', 'b', 'f2']);
  });

  it('move the row when a folded conversation gets a message, and leave it when unfolded', async () => {
    const { store, scripted } = await storeWith(rows);
    scripted.emit({ type: 'upserted', conversations: [{ ...rows[4]!, lastActivityAt: 45 }] });
    store.flush();
    expect(store.getState().lists.folded()!.position).toBe(1);
    expect(store.getState().lists.folded()!.newest.id).toBe('f2');
    await store.getState().actions.setMark(['f1', 'f2'], 'fold', false);
    expect(store.getState().lists.folded()).toBeUndefined();
    expect([...store.getState().lists.ids()]).toEqual(['p', 'f2', 'a', 'f1', 'b']);
  });

  it('a list without folded conversations has no folded row', async () => {
    const { store } = await storeWith([conv('a')]);
    expect(store.getState().lists.folded()).toBeUndefined();
    expect(store.getState().lists.folded('nope')).toBeUndefined();
  });
});

describe('honest unread while paging', () => {
  const rows = Array.from({ length: 10 }, (_, i) => conv(`c${i}`, { lastActivityAt: 100 - i, unreadCount: 1, groupNames: i % 2 ? ['Odd'] : [] }));

  it('shows the backend total until every page is loaded, and says when a count may be short', async () => {
    const { store } = await storeWith(rows, { pageSize: 4, backendTotal: () => 10, groups: [{ name: 'Odd', conversationIds: rows.filter((_, i) => i % 2).map((c) => c.id) }] });
    let state = store.getState();
    expect(state.hasMore).toBe(true);
    expect(state.unreadTotal).toBe(4);
    expect(selectUnreadTotal(state)).toBe(10);
    expect(selectUnreadIsPartial(state)).toBe(false);
    expect(selectUnreadIsPartial(state, 'Odd')).toBe(true);
    expect(state.groups[0]!.isPartial).toBe(true);
    await state.actions.loadMore();
    await store.getState().actions.loadMore();
    state = store.getState();
    expect(state.hasMore).toBe(false);
    expect(selectUnreadTotal(state)).toBe(10);
    expect(state.groups[0]).toEqual({ name: 'Odd', conversationCount: 5, unreadCount: 5 });
    expect(selectUnreadIsPartial(state, 'Odd')).toBe(false);
  });

  it('uses the backend per-group count while partial, and marks the total partial without a backend total', async () => {
    const { store } = await storeWith(rows, { pageSize: 4, groups: [{ name: 'Odd', conversationIds: [], unreadCount: 5 }] });
    const state = store.getState();
    expect(state.groups[0]).toMatchObject({ name: 'Odd', unreadCount: 5 });
    expect(state.groups[0]!.isPartial).toBeUndefined();
    expect(selectUnreadIsPartial(state)).toBe(true);
    expect(selectUnreadTotal(state)).toBe(4);
  });
});

describe('account commands', () => {
  const capabilities = { globalReceiveModes: ['none', 'silent', 'blocked'] as const, clearAll: true, customDataMaxLength: 8 };

  it('set the receive option at once and put it back when the backend refuses', async () => {
    const { store, scripted } = await storeWith([conv('a')], { capabilities, auto: false });
    await Promise.resolve();
    expect(store.getState().globalReceiveOption).toBe('none');
    const done = store.getState().actions.setGlobalReceiveOption('silent');
    expect(store.getState().globalReceiveOption).toBe('silent');
    scripted.last('setGlobalReceiveOption').reject(scripted.failure());
    await expect(done).rejects.toMatchObject({ code: 'ADAPTER_FAILED' });
    expect(store.getState().globalReceiveOption).toBe('none');
    await expect(store.getState().actions.setGlobalReceiveOption('silentExceptMention')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('clear every conversation, and bring them back when the backend refuses', async () => {
    const { store, scripted } = await storeWith([conv('a'), conv('b')], { capabilities, auto: false });
    const done = store.getState().actions.clearAllConversations();
    expect(store.getState().lists.ids().length).toBe(0);
    scripted.last('clearAllConversations').reject(scripted.failure());
    await expect(done).rejects.toThrow();
    expect([...store.getState().lists.ids()]).toEqual(['a', 'b']);
  });

  it('set custom data per id, refusing what the backend cannot store and changing nothing', async () => {
    const { store } = await storeWith([conv('a'), conv('b')], { capabilities });
    const result = await store.getState().actions.setCustomData(['a', 'missing'], 'tag');
    expect(result.succeeded).toEqual(['a']);
    expect(result.failed.map((f) => f.code)).toEqual(['CONVERSATION_NOT_FOUND']);
    expect(store.getState().conversations.get('a')?.customData).toBe('tag');
    await expect(store.getState().actions.setCustomData(['a'], 'too long for it')).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(store.getState().actions.setCustomData(['a'], 7 as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(store.getState().conversations.get('a')?.customData).toBe('tag');
  });

  it('reject with NOT_SUPPORTED where the backend lacks them', async () => {
    const { store } = await storeWith([conv('a')]);
    const { actions } = store.getState();
    await expect(actions.clearAllConversations()).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    await expect(actions.setGlobalReceiveOption('silent')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    await expect(actions.setCustomData(['a'], 'x')).rejects.toMatchObject({ code: 'NOT_SUPPORTED' });
    expect(store.getState().lists.ids().length).toBe(1);
  });
});

describe('renaming a group the backend already moved', () => {
  it('never lists a conversation under the new name twice (its unread would count twice)', async () => {
    const rows = [conv('a', { unreadCount: 3, groupNames: ['Work'] })];
    const { store, scripted } = await storeWith(rows, { groups: [{ name: 'Work', conversationIds: ['a'] }], auto: false });
    const done = store.getState().actions.renameGroup('Work', 'R&D');
    // OpenIM tells the new membership before the rename call settles
    scripted.emit({ type: 'groupsChanged', names: ['R&D'] });
    scripted.emit({ type: 'groupMembershipChanged', name: 'R&D', conversationIds: ['a'] });
    store.flush();
    scripted.last('renameGroup').resolve();
    await done;
    expect(store.getState().conversations.get('a')!.groupNames).toEqual(['R&D']);
    expect(store.getState().groups).toEqual([{ name: 'R&D', conversationCount: 1, unreadCount: 3 }]);
  });
});
