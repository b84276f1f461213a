import { describe, expect, it } from 'vitest';
import { TENCENT_UNREAD_RULE } from '../../../src/core/adapter.js';
import { checkConversation, isRefusal } from '../../../src/core/boundary.js';
import { createComparator, unreadContribution } from '../../../src/core/order.js';
import { createInboxStore } from '../../../src/core/store.js';
import type { InboxError } from '../../../src/core/errors.js';
import type { Conversation } from '../../../src/core/types.js';
import { conv, createScriptedAdapter } from '../scriptedAdapter.js';

// Found 4: the store trusted adapter data. Non-finite times corrupted the lists, missing fields made totals NaN for
// good, negative counts made totals negative, duplicate group names double-counted, a NaN backend total went through.

async function setup(conversations: Conversation[] = []) {
  const s = createScriptedAdapter({ conversations, groups: [{ name: 'G', conversationIds: [] }] });
  const store = createInboxStore({ adapter: s.adapter, draftStorage: null });
  const errors: InboxError[] = [];
  store.onError((error) => errors.push(error));
  await store.connect();
  return { s, store, errors };
}

function expectConsistent(store: ReturnType<typeof createInboxStore>) {
  const state = store.getState();
  const rows = [...state.conversations.values()];
  expect(state.lists.ids()).toEqual(rows.slice().sort(createComparator('lastActivity')).map((c) => c.id));
  expect(state.unreadTotal).toBe(rows.reduce((sum, c) => sum + unreadContribution(c, TENCENT_UNREAD_RULE), 0));
  expect(Number.isFinite(state.unreadTotal) && state.unreadTotal >= 0).toBe(true);
}

describe('adapter data is checked before it touches state', () => {
  it('a NaN lastActivityAt is refused; 300 moves later the list still holds each conversation once', async () => {
    const rows = Array.from({ length: 600 }, (_, i) => conv(`c${i}`, { lastActivityAt: i }));
    const { s, store, errors } = await setup(rows);
    s.emit({ type: 'upserted', conversations: [conv('c5', { lastActivityAt: Number.NaN })] });
    for (let i = 0; i < 300; i++) s.emit({ type: 'upserted', conversations: [conv(`c${(i * 7) % 600}`, { lastActivityAt: 1_000 + i })] });
    store.flush();
    expect(store.getState().lists.ids()).toHaveLength(600);
    expect(new Set(store.getState().lists.ids()).size).toBe(600);
    expect(errors.some((e) => e.message.includes('lastActivityAt'))).toBe(true);
    expectConsistent(store);
  });

  it('a row with missing fields is refused, so the total never becomes NaN (and a fixed row is applied)', async () => {
    const { s, store, errors } = await setup([conv('C2Cx', { unreadCount: 1 })]);
    s.emit({ type: 'upserted', conversations: [{ id: 'C2Cx' } as Conversation] });
    store.flush();
    expect(store.getState().unreadTotal).toBe(1);
    expect(errors[0]!.code).toBe('ADAPTER_FAILED');
    s.emit({ type: 'upserted', conversations: [conv('C2Cx', { unreadCount: 4 })] });
    store.flush();
    expect(store.getState().unreadTotal).toBe(4);
    expectConsistent(store);
  });

  it('a negative or fractional unread count is clamped to a whole number from 0', async () => {
    const { s, store } = await setup([conv('a', { unreadCount: 3 })]);
    s.emit({ type: 'upserted', conversations: [conv('a', { unreadCount: -50 }), conv('b', { unreadCount: 2.7 })] });
    store.flush();
    expect(store.getState().conversations.get('a')?.unreadCount).toBe(0);
    expect(store.getState().conversations.get('b')?.unreadCount).toBe(2);
    expect(store.getState().unreadTotal).toBe(2);
  });

  it('duplicate group names count the conversation once in that group', async () => {
    const { s, store } = await setup();
    s.emit({ type: 'upserted', conversations: [conv('a', { unreadCount: 2, groupNames: ['G', 'G'] })] });
    store.flush();
    expect(store.getState().conversations.get('a')?.groupNames).toEqual(['G']);
    expect(store.getState().groups).toEqual([{ name: 'G', conversationCount: 1, unreadCount: 2 }]);
    expect(store.getState().lists.ids('G')).toEqual(['a']);
  });

  it('a NaN or negative backend total is not passed through', async () => {
    const { s, store, errors } = await setup();
    s.emit({ type: 'unreadTotalChanged', total: 12 });
    s.emit({ type: 'unreadTotalChanged', total: Number.NaN });
    store.flush();
    expect(store.getState().backendUnreadTotal).toBe(12);
    s.emit({ type: 'unreadTotalChanged', total: -3 });
    store.flush();
    expect(store.getState().backendUnreadTotal).toBe(0);
    expect(errors).toHaveLength(1);
  });

  it.each([
    ['no id', { id: '' }],
    ['a numeric id', { id: 5 }],
    ['an unknown kind', { kind: 'channel' }],
    ['a title that is not a string', { title: null }],
    ['an unknown mute mode', { muteMode: 'loud' }],
    ['isPinned as a string', { isPinned: 'true' }],
    ['an infinite time', { lastActivityAt: Number.POSITIVE_INFINITY }],
    ['a string time', { lastActivityAt: '1000' }],
    ['an infinite unread count', { unreadCount: Number.POSITIVE_INFINITY }],
    ['a NaN unread count', { unreadCount: Number.NaN }],
    ['mentions as null', { mentions: null }],
    ['a mention of an unknown kind', { mentions: [{ kind: 'everyone' }] }],
    ['group names as a string', { groupNames: 'G' }],
    ['an empty group name', { groupNames: [''] }],
    ['a last message without a preview', { lastMessage: { sentAt: 1 } }],
    ['a last message with a NaN time', { lastMessage: { preview: 'x', sentAt: Number.NaN } }],
    ['a draft without text', { draft: { updatedAt: 1 } }],
    ['an unknown mark', { marks: ['sparkle'] }],
    ['an avatar URL that is an object', { avatarUrl: {} }],
  ])('refuses a conversation with %s', (_what, patch) => {
    expect(isRefusal(checkConversation({ ...conv('a'), ...patch }))).toBe(true);
  });
});
