import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE } from '../../src/core/adapter.js';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { findNextUnread, hasUnreadTarget, isUnreadTarget } from '../../src/core/findUnread.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';

const NOW = 1_700_000_000_000;

/** Conversations in on-screen order: the first is the newest. */
function inOrder(partials: Array<Partial<Conversation> & { id: string }>): Conversation[] {
  return partials.map((partial, i) => makeConversation({ lastActivityAt: NOW - i * 1000, ...partial }));
}

async function stateOf(conversations: Conversation[], groups: { name: string; conversationIds: string[] }[] = []) {
  const store = createInboxStore({ adapter: createMemoryAdapter({ conversations, groups, now: () => NOW }), draftStorage: createMemoryDraftStorage() });
  await store.connect();
  return store.getState();
}

const LIST = inOrder([
  { id: 'a' },
  { id: 'b', unreadCount: 2 },
  { id: 'c' },
  { id: 'd', unreadCount: 1, mentions: [{ kind: 'me' }] },
  { id: 'e', marks: ['unread'] },
  { id: 'f', unreadCount: 4, muteMode: 'silent' },
  { id: 'g' },
]);

describe('findNextUnread', () => {
  it('finds the next unread after a row, in the order on screen, and nothing past the last', async () => {
    const state = await stateOf(LIST);
    const next = (fromId: string | null) => findNextUnread(state, { fromId, direction: 1, kind: 'unread' });
    expect(next(null)).toBe('b');
    expect(next('a')).toBe('b');
    expect(next('b')).toBe('d');
    expect(next('d')).toBe('e');
    expect(next('f')).toBeUndefined();
    expect(next('g')).toBeUndefined();
  });

  it('goes up with direction -1, from the last row when there is no starting row', async () => {
    const state = await stateOf(LIST);
    const previous = (fromId: string | null) => findNextUnread(state, { fromId, direction: -1, kind: 'unread' });
    expect(previous(null)).toBe('f');
    expect(previous('g')).toBe('f');
    expect(previous('d')).toBe('b');
    expect(previous('b')).toBeUndefined();
  });

  it('starts at the top (or bottom) for an id that is not in the list', async () => {
    const state = await stateOf(LIST);
    expect(findNextUnread(state, { fromId: 'nope', direction: 1, kind: 'unread' })).toBe('b');
    expect(findNextUnread(state, { fromId: 'nope', direction: -1, kind: 'unread' })).toBe('f');
  });

  it('finds mentions', async () => {
    const state = await stateOf(LIST);
    expect(findNextUnread(state, { fromId: null, direction: 1, kind: 'mention' })).toBe('d');
    expect(findNextUnread(state, { fromId: 'd', direction: 1, kind: 'mention' })).toBeUndefined();
    expect(findNextUnread(state, { fromId: 'g', direction: -1, kind: 'mention' })).toBe('d');
  });

  it('counts a conversation marked unread', async () => {
    const state = await stateOf(LIST);
    expect(findNextUnread(state, { fromId: 'd', direction: 1, kind: 'unread' })).toBe('e');
    expect(isUnreadTarget(state.conversations.get('e'), 'unread')).toBe(true);
  });

  it('counts a muted conversation with unread messages (its row shows them) unless a rule says to skip it', async () => {
    const state = await stateOf(LIST);
    expect(findNextUnread(state, { fromId: 'e', direction: 1, kind: 'unread' })).toBe('f');
    // Tencent's and OpenIM's rules both leave `silent` out of the totals: skipped.
    expect(findNextUnread(state, { fromId: 'e', direction: 1, kind: 'unread', rule: TENCENT_UNREAD_RULE })).toBeUndefined();
    expect(findNextUnread(state, { fromId: 'e', direction: 1, kind: 'unread', rule: OPENIM_UNREAD_RULE })).toBeUndefined();
  });

  it('keeps muted conversations that are marked unread or mention the user under a rule', async () => {
    const state = await stateOf(
      inOrder([
        { id: 'x', unreadCount: 3, muteMode: 'silent', mentions: [{ kind: 'me' }] },
        { id: 'y', muteMode: 'silent', marks: ['unread'] },
        { id: 'z', unreadCount: 1, muteMode: 'blocked' },
      ]),
    );
    expect(findNextUnread(state, { direction: 1, kind: 'unread', rule: TENCENT_UNREAD_RULE })).toBe('y');
    expect(findNextUnread(state, { direction: 1, kind: 'mention', rule: TENCENT_UNREAD_RULE })).toBe('x');
    // OpenIM counts blocked conversations.
    expect(findNextUnread(state, { fromId: 'y', direction: 1, kind: 'unread', rule: OPENIM_UNREAD_RULE })).toBe('z');
  });

  it('follows a group and a filter', async () => {
    const conversations = LIST.map((c) => (['c', 'd', 'f'].includes(c.id) ? { ...c, groupNames: ['Work'] } : c));
    const state = await stateOf(conversations, [{ name: 'Work', conversationIds: ['c', 'd', 'f'] }]);
    expect(findNextUnread(state, { groupName: 'Work', fromId: null, direction: 1, kind: 'unread' })).toBe('d');
    // `b` is not in the group: start at the top of the group's list.
    expect(findNextUnread(state, { groupName: 'Work', fromId: 'b', direction: 1, kind: 'unread' })).toBe('d');
    expect(findNextUnread(state, { groupName: 'Work', fromId: 'd', direction: 1, kind: 'unread' })).toBe('f');
    expect(findNextUnread(state, { filter: { query: 'e' }, fromId: null, direction: 1, kind: 'unread' })).toBe('e');
  });

  it('skips folded conversations, which are not rows of the plain list', async () => {
    const state = await stateOf(inOrder([{ id: 'a' }, { id: 'folded', unreadCount: 5, marks: ['fold'] }, { id: 'b', unreadCount: 1 }]));
    expect(findNextUnread(state, { direction: 1, kind: 'unread' })).toBe('b');
  });
});

describe('hasUnreadTarget', () => {
  it('says whether the list shows an unread conversation or a mention', async () => {
    const state = await stateOf(LIST);
    expect(hasUnreadTarget(state, 'unread')).toBe(true);
    expect(hasUnreadTarget(state, 'mention')).toBe(true);
    const read = await stateOf(inOrder([{ id: 'a' }, { id: 'b' }]));
    expect(hasUnreadTarget(read, 'unread')).toBe(false);
    expect(hasUnreadTarget(read, 'mention')).toBe(false);
  });

  it('leaves folded conversations out of the plain list but not out of a filtered one', async () => {
    const state = await stateOf(inOrder([{ id: 'a' }, { id: 'folded', unreadCount: 5, marks: ['fold'] }]));
    expect(hasUnreadTarget(state, 'unread')).toBe(false);
    expect(hasUnreadTarget(state, 'unread', undefined, { query: 'fold' })).toBe(true);
  });
});
