// The server's behaviour alone (src/adapters/memory/changes.ts): a change applied to the tables, then published
// (saved, its events in order, then the unread total when it moved), or refused with nothing saved or emitted.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CAPABILITIES, TENCENT_UNREAD_RULE, type AdapterCapabilities, type AdapterEvent } from '../../src/core/adapter.js';
import type { Conversation } from '../../src/core/types.js';
import { createChanges } from '../../src/adapters/memory/changes.js';
import { checkSeed } from '../../src/adapters/memory/seed.js';
import { MemoryTables } from '../../src/adapters/memory/tables.js';
import { makeConversation } from '../../src/testing/helpers.js';

const NOW = 1_700_000_000_000;

function setup(conversations: Conversation[], capabilities: Partial<AdapterCapabilities> = {}) {
  const seed = checkSeed(
    { conversations, groups: [{ name: 'Work', conversationIds: [] }], deleted: [] },
    { maxGroups: 20, groupNameMaxBytes: 32 },
    'options',
  );
  const tables = new MemoryTables(seed, 'lastActivity', TENCENT_UNREAD_RULE);
  const log: string[] = [];
  const events: AdapterEvent[] = [];
  const changes = createChanges(tables, {
    capabilities: { ...DEFAULT_CAPABILITIES, maxPinned: 50, maxGroupedConversations: 1000, ...capabilities },
    now: () => NOW,
    save: () => log.push('save'),
  });
  changes.subscribe((event) => {
    // group counts have their own test (memory.test.ts): the tests here read the other events
    if (event.type === 'groupUnreadChanged') return;
    log.push(event.type);
    events.push(event);
  });
  return { tables, changes, log, events };
}

function thrownBy(fn: () => unknown): { code: string; sdkCode?: number } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; sdkCode?: number };
  }
  throw new Error('expected a throw');
}

describe('createChanges', () => {
  it('saves once per change, before its events, and reports the unread total after them only when it moved', () => {
    const { changes, log } = setup([makeConversation({ id: 'a', unreadCount: 3 }), makeConversation({ id: 'b' })]);
    changes.markRead('a');
    expect(log).toEqual(['save', 'upserted', 'unreadTotalChanged']);
    log.length = 0;
    changes.pin('b', true);
    expect(log).toEqual(['save', 'upserted']);
  });

  it('saves and emits nothing for a change that changes nothing', () => {
    const { changes, log } = setup([makeConversation({ id: 'a', isPinned: true, muteMode: 'silent' })]);
    changes.pin('a', true);
    changes.setMuteMode('a', 'silent');
    changes.markRead('a');
    changes.setDraft('a', '');
    expect(changes.addToGroup('Work', ['nobody'])).toEqual({
      succeeded: [],
      failed: [expect.objectContaining({ id: 'nobody', code: 'CONVERSATION_NOT_FOUND' })],
    });
    expect(log).toEqual([]);
  });

  it('refuses a change past a limit with its code, changing, saving and emitting nothing', () => {
    const limits = { maxPinned: 1, maxGroupedConversations: 1 };
    const { tables, changes, log } = setup([makeConversation({ id: 'a' }), makeConversation({ id: 'b' })], limits);
    changes.pin('a', true);
    changes.addToGroup('Work', ['a']);
    log.length = 0;
    expect(thrownBy(() => changes.pin('b', true))).toMatchObject({ code: 'PIN_LIMIT_EXCEEDED', sdkCode: 51012 });
    expect(thrownBy(() => changes.addToGroup('Work', ['b']))).toMatchObject({ code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', sdkCode: 51008 });
    expect(thrownBy(() => changes.add(makeConversation({ id: 'c', groupNames: ['Work'] }))).code).toBe('GROUPED_CONVERSATION_LIMIT_EXCEEDED');
    const inNoGroup = makeConversation({ id: 'c', groupNames: ['Nowhere'] });
    expect(thrownBy(() => changes.add(inNoGroup))).toMatchObject({ code: 'GROUP_NOT_FOUND', sdkCode: 51009 });
    expect(thrownBy(() => changes.createGroup('Work', []))).toMatchObject({ code: 'GROUP_EXISTS' });
    expect(log).toEqual([]);
    expect([tables.pinnedCount, tables.groupedCount, tables.has('c')]).toEqual([1, 1, false]);
  });

  it('stamps drafts with the clock', () => {
    const { tables, changes } = setup([makeConversation({ id: 'a' })]);
    changes.setDraft('a', 'hello');
    expect(tables.get('a')!.draft).toEqual({ text: 'hello', updatedAt: NOW });
  });

  it('deletes per id, keeping a tombstone a message brings back: unpinned, read, out of groups, history kept unless cleared', () => {
    const lastMessage = { preview: 'hi', sentAt: 5 };
    const { tables, changes, events } = setup([
      makeConversation({ id: 'a', isPinned: true, unreadCount: 2, groupNames: ['Work'], lastMessage, lastActivityAt: 5, marks: ['star'] }),
      makeConversation({ id: 'b', lastMessage, lastActivityAt: 5 }),
    ]);
    expect(changes.deleteConversations(['a', 'a', 'nobody'], false)).toEqual({
      succeeded: ['a'],
      failed: [expect.objectContaining({ id: 'nobody', code: 'CONVERSATION_NOT_FOUND' })],
    });
    expect(events.map((e) => e.type)).toEqual(['removed', 'unreadTotalChanged']);
    expect(tables.getDeleted('a')).toMatchObject({ isPinned: false, unreadCount: 0, groupNames: [], lastMessage, lastActivityAt: 5 });
    expect(tables.getDeleted('a')!.marks).toBeUndefined();
    changes.deleteConversations(['b'], true);
    expect(tables.getDeleted('b')!.lastMessage).toBeUndefined();
    expect(tables.getDeleted('b')!.lastActivityAt).toBe(0);

    changes.upsert({ ...tables.getDeleted('a')!, unreadCount: 1 });
    expect(tables.get('a')!.unreadCount).toBe(1);
    expect(tables.getDeleted('a')).toBeUndefined();
  });

  it('opens the existing conversation silently, a deleted one back, or a new empty one with a Tencent-style id', () => {
    const { tables, changes, events } = setup([makeConversation({ id: 'C2Calice' })]);
    expect(changes.open({ kind: 'direct', targetId: 'alice' })).toBe(tables.get('C2Calice'));
    expect(events).toEqual([]);
    const group = changes.open({ kind: 'group', targetId: 'dev' });
    expect(group).toMatchObject({ id: 'GROUPdev', kind: 'group', groupId: 'dev', title: 'dev', unreadCount: 0 });
    expect(events).toEqual([{ type: 'upserted', conversations: [group] }]);
  });

  it('sets a whole membership in one upserted event and one membership event', () => {
    const { tables, changes, events } = setup([makeConversation({ id: 'a' }), makeConversation({ id: 'b' }), makeConversation({ id: 'c' })]);
    changes.addToGroup('Work', ['a', 'b']);
    events.length = 0;
    changes.setMembership('Work', ['b', 'c']);
    expect(events.map((e) => e.type)).toEqual(['upserted', 'groupMembershipChanged']);
    expect(tables.membership('Work')).toEqual(['b', 'c']);
    expect(tables.get('a')!.groupNames).toEqual([]);
    expect(thrownBy(() => changes.setMembership('Work', ['nobody'])).code).toBe('CONVERSATION_NOT_FOUND');
    expect(thrownBy(() => changes.setMembership('Nowhere', [])).code).toBe('GROUP_NOT_FOUND');
  });

  it('announces group changes with the full names, the members as whole conversations and the full membership', () => {
    const { changes, events } = setup([makeConversation({ id: 'a' })]);
    changes.createGroup('Family', ['a', 'nobody']);
    changes.renameGroup('Family', 'Kin');
    changes.deleteGroup('Kin');
    expect(events.map((e) => (e.type === 'groupsChanged' ? `groups ${e.names.join('+')}` : e.type))).toEqual([
      'groups Work+Family',
      'upserted',
      'groupMembershipChanged',
      'groups Work+Kin',
      'upserted',
      'groupMembershipChanged',
      'groups Work',
      'upserted',
    ]);
  });
});
