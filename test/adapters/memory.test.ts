import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE, type AdapterEvent } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import { createComparator } from '../../src/core/order.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import {
  createMemoryAdapter,
  generateConversations,
  GENERATE_DEFAULT_NOW,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryAdapterStorage,
} from '../../src/adapters/memory/index.js';
import { collectPages, makeConversation } from '../../src/testing/helpers.js';
import { rejectionOf } from '../utils/rejection.js';

const NOW = Date.UTC(2025, 0, 10, 8, 0, 0);
const MINUTE = 60_000;

/** Five conversations: alice (pinned), bob (unread 2), dev group (unread 5, muted), ops group, carol (unread 1). */
function seedConversations(): Conversation[] {
  return [
    makeConversation({ id: 'C2Calice', peerUserId: 'alice', title: 'Alice', isPinned: true, lastActivityAt: NOW - 50 * MINUTE }),
    makeConversation({ id: 'C2Cbob', peerUserId: 'bob', title: 'Bob', unreadCount: 2, lastActivityAt: NOW - 10 * MINUTE }),
    makeConversation({
      id: 'GROUPdev',
      kind: 'group',
      groupId: 'dev',
      title: '研发部',
      unreadCount: 5,
      muteMode: 'silent',
      mentions: [{ kind: 'me', messageId: 'm1' }],
      lastActivityAt: NOW - 20 * MINUTE,
    }),
    makeConversation({ id: 'GROUPops', kind: 'group', groupId: 'ops', title: 'Ops', lastActivityAt: NOW - 30 * MINUTE }),
    makeConversation({ id: 'C2Ccarol', peerUserId: 'carol', title: 'Carol', unreadCount: 1, lastActivityAt: NOW - 40 * MINUTE }),
  ];
}

function setup(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter({
    conversations: seedConversations(),
    groups: [
      { name: 'Work', conversationIds: ['C2Cbob', 'GROUPdev'] },
      { name: 'Friends', conversationIds: ['C2Calice', 'C2Cbob'] },
    ],
    now: () => NOW,
    ...options,
  });
  // Group counts are recorded apart (and tested on their own) so that the tests below read the other events.
  const events: AdapterEvent[] = [];
  const groupCounts: AdapterEvent[] = [];
  adapter.subscribe((event) => (event.type === 'groupUnreadChanged' ? groupCounts : events).push(event));
  return { adapter, events, groupCounts };
}

function thrownBy(fn: () => unknown): InboxError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(InboxError);
    return error as InboxError;
  }
  throw new Error('expected a throw');
}

function get(adapter: MemoryAdapter, id: string): Conversation | undefined {
  return adapter.getSnapshot().conversations.find((c) => c.id === id);
}

function memoryStorage(initial: Record<string, string> = {}): MemoryAdapterStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => {
      data.set(key, value);
    },
  };
}

function many(count: number, pinned = 0): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    makeConversation({ id: `C2Cu${i}`, isPinned: i < pinned, lastActivityAt: NOW - i * 1000 }),
  );
}

afterEach(() => {
  vi.useRealTimers();
});

describe('capabilities and options', () => {
  it("declares Tencent's limits, native groups, paging and every mark by default", () => {
    const { adapter } = setup();
    expect(adapter.name).toBe('memory');
    expect(adapter.capabilities).toMatchObject({
      groups: 'native',
      paging: true,
      maxGroups: 20,
      groupNameMaxBytes: 32,
      maxPinned: 50,
      maxGroupedConversations: 1000,
      serverDelete: true,
      draftsPersisted: true,
      orderBy: 'lastActivity',
    });
    expect(adapter.capabilities.unreadRule).toBe(TENCENT_UNREAD_RULE);
    expect([...adapter.capabilities.marks].sort()).toEqual(['fold', 'hide', 'star', 'unread']);
  });

  it('takes the OpenIM rule and order, a mark list, and drafts that are not persisted', () => {
    const adapter = createMemoryAdapter({ unreadRule: OPENIM_UNREAD_RULE, orderBy: 'lastActivityOrDraft', marks: ['star'], persistDrafts: false });
    expect(adapter.capabilities.unreadRule).toBe(OPENIM_UNREAD_RULE);
    expect(adapter.capabilities.orderBy).toBe('lastActivityOrDraft');
    expect(adapter.capabilities.marks).toEqual(['star']);
    expect(adapter.capabilities.draftsPersisted).toBe(false);
  });

  it('rejects bad options with INVALID_ARGUMENT and bad seed groups with their own codes', () => {
    expect(thrownBy(() => createMemoryAdapter({ latencyMs: -1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => createMemoryAdapter({ pageSize: 0 })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => createMemoryAdapter({ conversations: {} as unknown as Conversation[] })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => createMemoryAdapter({ conversations: [{ id: 'a' } as Conversation] })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => createMemoryAdapter({ groups: [{ name: 'G', conversationIds: ['nobody'] }] })).code).toBe('CONVERSATION_NOT_FOUND');
    expect(thrownBy(() => createMemoryAdapter({ groups: [{ name: '研'.repeat(11), conversationIds: [] }] })).code).toBe('GROUP_NAME_INVALID');
  });

  it('merges seed groups with the conversations’ own groupNames, in order', async () => {
    const conversations = seedConversations();
    conversations[3] = { ...conversations[3]!, groupNames: ['Ops team', 'Work'] };
    const adapter = createMemoryAdapter({ conversations, groups: [{ name: 'Work', conversationIds: ['C2Cbob'] }] });
    const groups = await adapter.loadGroups();
    expect(groups.map((g) => g.name)).toEqual(['Work', 'Ops team']);
    expect(groups[0]!.conversationIds).toEqual(['C2Cbob', 'GROUPops']);
    expect(get(adapter, 'GROUPops')!.groupNames).toEqual(['Work', 'Ops team']);
    expect(get(adapter, 'C2Cbob')!.groupNames).toEqual(['Work']);
  });

  it('copies and freezes what it is given when it builds its tables, so later changes to the input do not leak in', async () => {
    const conversations = seedConversations();
    const adapter = createMemoryAdapter({ conversations });
    await collectPages(adapter);
    // The tables are built in a task of their own after the first page.
    await new Promise((resolve) => setTimeout(resolve, 0));
    (conversations[1] as { unreadCount: number }).unreadCount = 99;
    const { conversations: loaded } = await collectPages(adapter);
    const bob = loaded.find((c) => c.id === 'C2Cbob')!;
    expect(bob.unreadCount).toBe(2);
    expect(Object.isFrozen(bob)).toBe(true);
    expect(Object.isFrozen(bob.mentions)).toBe(true);
    expect(adapter.getSnapshot().conversations.find((c) => c.id === 'C2Cbob')!.unreadCount).toBe(2);
  });

  it('answers a connecting store from the checked seed with the rows and counts its built tables give', async () => {
    const conversations = generateConversations(500, { seed: 1 });
    const adapter = createMemoryAdapter({ conversations });
    const store = createInboxStore({ adapter, draftStorage: null });
    await store.connect();
    // Connected before the tables are built (memory.tables.test.ts checks that): they must agree with what was said.
    const shown = store.getState().lists.ids();
    expect(shown).toHaveLength(100);
    const totalBefore = await adapter.getTotalUnread();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const built = adapter.getSnapshot().conversations;
    expect(shown).toEqual(built.slice(0, 100).map((c) => c.id));
    expect(store.getState().lists.view().at(0)).toBe(built[0]!.id);
    expect(await adapter.getTotalUnread()).toBe(totalBefore);
    await store.getState().actions.loadMore();
    expect(store.getState().lists.ids()).toEqual(built.slice(0, 200).map((c) => c.id));
    store.disconnect();
  });

  it('fails once it builds its tables when the seed gives an id twice: a sync error, and every later call rejects', async () => {
    const twice = () => [makeConversation({ id: 'a' }), makeConversation({ id: 'b' }), makeConversation({ id: 'a' })];
    const adapter = createMemoryAdapter({ conversations: twice() });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    // Pages of 2: the first page is read from the seed, and the build after it finds the id given twice.
    const store = createInboxStore({ adapter, draftStorage: null, pageSize: 2 });
    await store.connect();
    await new Promise((resolve) => setTimeout(resolve, 0));
    await Promise.resolve();
    const message = 'options.conversations: the id "a" appears twice.';
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'syncStateChanged', status: 'failed', error: { code: 'INVALID_ARGUMENT', message } });
    expect(store.getState()).toMatchObject({ status: 'error', error: { code: 'INVALID_ARGUMENT', message } });
    for (const call of [adapter.loadConversations({}), adapter.loadGroups(), adapter.getTotalUnread(), adapter.markRead('b')]) {
      expect(await rejectionOf(call)).toMatchObject({ code: 'INVALID_ARGUMENT', message });
    }
    expect(() => adapter.getSnapshot()).toThrow(message);
    store.disconnect();

    // A first page that is the whole list builds the tables at once: connecting fails with the same error.
    const whole = createInboxStore({ adapter: createMemoryAdapter({ conversations: twice() }), draftStorage: null });
    await whole.connect();
    expect(whole.getState()).toMatchObject({ status: 'error', error: { code: 'INVALID_ARGUMENT', message } });
    whole.disconnect();
  });

  it('stops building its tables in idle time when the last store disconnects', async () => {
    const conversations = generateConversations(300, { seed: 2 });
    const adapter = createMemoryAdapter({ conversations });
    const store = createInboxStore({ adapter, draftStorage: null, pageSize: 10 });
    await store.connect();
    store.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 50));
    // Not built meanwhile: the seed is still the caller's objects, read (and checked) only now.
    (conversations[0] as { unreadCount: number }).unreadCount = -1;
    expect(() => adapter.getSnapshot()).toThrow('"unreadCount" must be a non-negative integer');
  });

  it('builds its tables at once when something needs them before the build task runs', async () => {
    const adapter = createMemoryAdapter({ conversations: [makeConversation({ id: 'a' }), makeConversation({ id: 'a' })] });
    expect(() => adapter.simulate.message('a', { preview: 'hi' })).toThrow('options.conversations: the id "a" appears twice.');
    const fine = createMemoryAdapter({ conversations: seedConversations(), now: () => NOW });
    fine.simulate.message('C2Ccarol', { preview: 'hi' });
    expect((await fine.loadConversations({ count: 1 })).conversations[0]!.id).toBe('C2Calice');
    expect(fine.getSnapshot().conversations[1]).toMatchObject({ id: 'C2Ccarol', lastMessage: { preview: 'hi' } });
  });
});

describe('paging', () => {
  it('pages the list in comparator order with string cursors until isFinished', async () => {
    const { adapter } = setup();
    const first = await adapter.loadConversations({ count: 2 });
    expect(first.conversations.map((c) => c.id)).toEqual(['C2Calice', 'C2Cbob']);
    expect(first.isFinished).toBe(false);
    expect(typeof first.cursor).toBe('string');
    const second = await adapter.loadConversations({ cursor: first.cursor, count: 2 });
    expect(second.conversations.map((c) => c.id)).toEqual(['GROUPdev', 'GROUPops']);
    const last = await adapter.loadConversations({ cursor: second.cursor, count: 2 });
    expect(last.conversations.map((c) => c.id)).toEqual(['C2Ccarol']);
    expect(last).toMatchObject({ cursor: null, isFinished: true });
    // An offset is not a cursor: pages are keyed on the last row's order key and id.
    expect((await rejectionOf(adapter.loadConversations({ cursor: '50', count: 2 }))).code).toBe('INVALID_ARGUMENT');
  });

  it('uses pageSize when the request has no count', async () => {
    const adapter = createMemoryAdapter({ conversations: many(250) });
    expect((await adapter.loadConversations({})).conversations).toHaveLength(100);
    const small = createMemoryAdapter({ conversations: many(10), pageSize: 4 });
    const { pages } = await collectPages(small);
    expect(pages).toBe(3);
  });

  it('rejects a cursor it did not issue and a non-positive count', async () => {
    const { adapter } = setup();
    expect((await rejectionOf(adapter.loadConversations({ cursor: 'abc' }))).code).toBe('INVALID_ARGUMENT');
    expect((await rejectionOf(adapter.loadConversations({ count: 0 }))).code).toBe('INVALID_ARGUMENT');
  });

  it('keeps pages in comparator order through many small changes and one large one', async () => {
    const adapter = createMemoryAdapter({ conversations: generateConversations(5000, { seed: 4 }), orderBy: 'lastActivityOrDraft', now: () => NOW });
    const compare = createComparator('lastActivityOrDraft');
    const check = async () => {
      const { conversations } = await collectPages(adapter, { count: 700 });
      expect(conversations.map((c) => c.id)).toEqual([...conversations].sort(compare).map((c) => c.id));
      expect(new Set(conversations.map((c) => c.id)).size).toBe(adapter.getSnapshot().conversations.length);
    };
    await check();
    const ids = adapter.getSnapshot().conversations.map((c) => c.id);
    for (let i = 0; i < 60; i++) {
      const id = ids[(i * 7919) % ids.length]!;
      if (i % 4 === 0) adapter.simulate.message(id, { preview: `m${i}`, at: NOW + i * 1000 });
      else if (i % 4 === 1) await adapter.pin(id, !adapter.getSnapshot().conversations.find((c) => c.id === id)!.isPinned).catch(() => undefined);
      else if (i % 4 === 2) await adapter.setDraft(id, `draft ${i}`);
      else await adapter.deleteConversations([id]);
    }
    await check();
    await adapter.markAllRead(); // moves thousands of conversations in one call
    adapter.simulate.message(ids[1]!, { preview: 'after', at: NOW + 999_000 });
    await check();
  });

  it('orders by the later of message and draft under lastActivityOrDraft', async () => {
    const { adapter } = setup({ orderBy: 'lastActivityOrDraft' });
    await adapter.setDraft('C2Ccarol', 'typing…');
    const ids = (await collectPages(adapter)).conversations.map((c) => c.id);
    expect(ids.slice(0, 2)).toEqual(['C2Calice', 'C2Ccarol']);
    const tencent = setup().adapter;
    await tencent.setDraft('C2Ccarol', 'typing…');
    expect((await collectPages(tencent)).conversations.map((c) => c.id).at(-1)).toBe('C2Ccarol');
  });
});

describe('pin', () => {
  it('emits the whole new conversation and never mutates the one emitted before', async () => {
    const { adapter, events } = setup();
    const before = get(adapter, 'C2Cbob')!;
    await adapter.pin('C2Cbob', true);
    expect(events).toEqual([{ type: 'upserted', conversations: [{ ...before, isPinned: true }] }]);
    expect(before.isPinned).toBe(false);
    await adapter.pin('C2Cbob', true);
    expect(events, 'pinning a pinned conversation changes nothing').toHaveLength(1);
  });

  it('allows 50 pinned conversations and rejects the 51st with PIN_LIMIT_EXCEEDED / 51012', async () => {
    const adapter = createMemoryAdapter({ conversations: many(52, 50) });
    const error = await rejectionOf(adapter.pin('C2Cu50', true));
    expect(error.code).toBe('PIN_LIMIT_EXCEEDED');
    expect(error.sdkCode).toBe(51012);
    expect(get(adapter, 'C2Cu50')!.isPinned).toBe(false);
    await adapter.pin('C2Cu0', false);
    await adapter.pin('C2Cu50', true);
    expect(adapter.getSnapshot().conversations.filter((c) => c.isPinned)).toHaveLength(50);
  });

  it('rejects an unknown conversation with CONVERSATION_NOT_FOUND', async () => {
    const { adapter, events } = setup();
    const error = await rejectionOf(adapter.pin('C2Cnobody', true));
    expect(error.code).toBe('CONVERSATION_NOT_FOUND');
    expect(error.sdkCode).toBe(2500);
    expect(events).toEqual([]);
  });
});

describe('validation', () => {
  it('rejects malformed arguments with INVALID_ARGUMENT and changes nothing', async () => {
    const { adapter, events } = setup();
    const before = adapter.getSnapshot();
    const calls: Promise<unknown>[] = [
      adapter.pin('C2Cbob', 'yes' as unknown as boolean),
      adapter.pin('', true),
      adapter.setMuteMode('C2Cbob', 'loud' as never),
      adapter.setDraft('C2Cbob', 5 as unknown as string),
      adapter.markRead(undefined as unknown as string),
      adapter.setMark(['C2Cbob'], 'flag' as never, true),
      adapter.setMark('C2Cbob' as unknown as string[], 'star', true),
      adapter.deleteConversations(['C2Cbob'], { clearHistory: 'yes' as unknown as boolean }),
      adapter.createGroup('Fine', 'C2Cbob' as unknown as string[]),
      adapter.addToGroup(1 as unknown as string, []),
      adapter.removeFromGroup('Work', [7 as unknown as string]),
      adapter.renameGroup(null as unknown as string, 'x'),
      adapter.deleteGroup({} as unknown as string),
      adapter.openConversation({ kind: 'channel', targetId: 'x' } as never),
      adapter.openConversation({ kind: 'direct', targetId: '' }),
    ];
    for (const call of calls) expect((await rejectionOf(call)).code).toBe('INVALID_ARGUMENT');
    expect(events).toEqual([]);
    expect(adapter.getSnapshot()).toEqual(before);
  });

  it('does not use up an injected failure on a call rejected for its arguments', async () => {
    const { adapter } = setup();
    adapter.failNext('pin');
    expect((await rejectionOf(adapter.pin('C2Cbob', 'no' as never))).code).toBe('INVALID_ARGUMENT');
    expect((await rejectionOf(adapter.pin('C2Cbob', true))).code).toBe('ADAPTER_FAILED');
  });
});

describe('groups', () => {
  it('createGroup emits the full names, the members as whole conversations and the full membership', async () => {
    const { adapter, events } = setup();
    const result = await adapter.createGroup('Clients', ['C2Ccarol', 'C2Cnobody', 'GROUPops', 'C2Ccarol']);
    expect(result.succeeded).toEqual(['C2Ccarol', 'GROUPops']);
    expect(result.failed).toEqual([{ id: 'C2Cnobody', code: 'CONVERSATION_NOT_FOUND', message: expect.any(String) as string }]);
    expect(events[0]).toEqual({ type: 'groupsChanged', names: ['Work', 'Friends', 'Clients'] });
    expect(events[1]).toMatchObject({ type: 'upserted' });
    const upserted = events[1]!.type === 'upserted' ? events[1]!.conversations : [];
    expect(upserted.map((c) => [c.id, c.groupNames])).toEqual([
      ['C2Ccarol', ['Clients']],
      ['GROUPops', ['Clients']],
    ]);
    expect(upserted[0]!.title).toBe('Carol');
    expect(events[2]).toEqual({ type: 'groupMembershipChanged', name: 'Clients', conversationIds: ['C2Ccarol', 'GROUPops'] });
  });

  it('rejects the 21st group with GROUP_LIMIT_EXCEEDED / 51010 and keeps 20', async () => {
    const { adapter } = setup();
    for (let i = 3; i <= 20; i++) await adapter.createGroup(`Group ${i}`, []);
    const error = await rejectionOf(adapter.createGroup('Group 21', ['C2Cbob']));
    expect(error.code).toBe('GROUP_LIMIT_EXCEEDED');
    expect(error.sdkCode).toBe(51010);
    expect(await adapter.loadGroups()).toHaveLength(20);
    expect(get(adapter, 'C2Cbob')!.groupNames).not.toContain('Group 21');
  });

  it('limits names to 1..32 UTF-8 bytes with GROUP_NAME_INVALID / 51011 (11 CJK characters are 33 bytes)', async () => {
    const { adapter, events } = setup();
    for (const name of ['研'.repeat(11), 'a'.repeat(33), '', '   ']) {
      const error = await rejectionOf(adapter.createGroup(name, []));
      expect(error.code, JSON.stringify(name)).toBe('GROUP_NAME_INVALID');
      expect(error.sdkCode).toBe(51011);
    }
    expect((await rejectionOf(adapter.renameGroup('Work', '営'.repeat(11)))).code).toBe('GROUP_NAME_INVALID');
    expect(events).toEqual([]);
    await adapter.createGroup('研'.repeat(10) + 'ab', []);
    await adapter.createGroup('😀'.repeat(8), []);
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Work', 'Friends', '研'.repeat(10) + 'ab', '😀'.repeat(8)]);
  });

  it('rejects a duplicate name with GROUP_EXISTS, and a missing group with GROUP_NOT_FOUND / 51009', async () => {
    const { adapter } = setup();
    expect((await rejectionOf(adapter.createGroup('Work', []))).code).toBe('GROUP_EXISTS');
    expect((await rejectionOf(adapter.renameGroup('Work', 'Friends'))).code).toBe('GROUP_EXISTS');
    for (const call of [
      adapter.deleteGroup('Nope'),
      adapter.renameGroup('Nope', 'Yes'),
      adapter.addToGroup('Nope', ['C2Cbob']),
      adapter.removeFromGroup('Nope', ['C2Cbob']),
    ]) {
      const error = await rejectionOf(call);
      expect(error.code).toBe('GROUP_NOT_FOUND');
      expect(error.sdkCode).toBe(51009);
    }
  });

  it('renames in place, keeping position and members', async () => {
    const { adapter, events } = setup();
    await adapter.renameGroup('Work', 'Job');
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Job', 'Friends']);
    expect(get(adapter, 'C2Cbob')!.groupNames).toEqual(['Job', 'Friends']);
    expect(events[0]).toEqual({ type: 'groupsChanged', names: ['Job', 'Friends'] });
    expect(events).toContainEqual({ type: 'groupMembershipChanged', name: 'Job', conversationIds: ['C2Cbob', 'GROUPdev'] });
  });

  it('deleteGroup removes the name from every member', async () => {
    const { adapter, events } = setup();
    await adapter.deleteGroup('Friends');
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Work']);
    expect(get(adapter, 'C2Calice')!.groupNames).toEqual([]);
    expect(get(adapter, 'C2Cbob')!.groupNames).toEqual(['Work']);
    expect(events[0]).toEqual({ type: 'groupsChanged', names: ['Work'] });
  });

  it('addToGroup and removeFromGroup give per-id results and emit the full membership', async () => {
    const { adapter, events } = setup();
    const added = await adapter.addToGroup('Work', ['C2Ccarol', 'C2Cbob', 'C2Cghost']);
    expect(added.succeeded).toEqual(['C2Ccarol', 'C2Cbob']);
    expect(added.failed.map((f) => [f.id, f.code])).toEqual([['C2Cghost', 'CONVERSATION_NOT_FOUND']]);
    expect(events.at(-1)).toEqual({ type: 'groupMembershipChanged', name: 'Work', conversationIds: ['C2Cbob', 'GROUPdev', 'C2Ccarol'] });
    const removed = await adapter.removeFromGroup('Work', ['C2Cbob', 'C2Cghost']);
    expect(removed.succeeded).toEqual(['C2Cbob']);
    expect(removed.failed.map((f) => f.id)).toEqual(['C2Cghost']);
    expect(get(adapter, 'C2Cbob')!.groupNames).toEqual(['Friends']);
    expect(events.at(-1)).toEqual({ type: 'groupMembershipChanged', name: 'Work', conversationIds: ['GROUPdev', 'C2Ccarol'] });
  });

  it('limits grouped conversations to 1000 with GROUPED_CONVERSATION_LIMIT_EXCEEDED / 51008', async () => {
    const conversations = many(1002);
    const adapter = createMemoryAdapter({
      conversations,
      groups: [{ name: 'Big', conversationIds: conversations.slice(0, 1000).map((c) => c.id) }],
    });
    await adapter.createGroup('Small', []);
    // Already-grouped conversations do not count twice.
    expect((await adapter.addToGroup('Small', ['C2Cu0', 'C2Cu1'])).succeeded).toHaveLength(2);
    const error = await rejectionOf(adapter.addToGroup('Small', ['C2Cu2', 'C2Cu1000']));
    expect(error.code).toBe('GROUPED_CONVERSATION_LIMIT_EXCEEDED');
    expect(error.sdkCode).toBe(51008);
    expect(get(adapter, 'C2Cu1000')!.groupNames).toEqual([]);
    expect((await rejectionOf(adapter.createGroup('Other', ['C2Cu1001']))).code).toBe('GROUPED_CONVERSATION_LIMIT_EXCEEDED');
    // Deleting a grouped conversation frees a place.
    await adapter.deleteConversations(['C2Cu5']);
    expect((await adapter.addToGroup('Small', ['C2Cu1000'])).succeeded).toEqual(['C2Cu1000']);
  });
});

describe('unread', () => {
  it("counts the total under Tencent's rule and emits it only when it changes", async () => {
    const { adapter, events } = setup();
    expect(await adapter.getTotalUnread()).toBe(3); // bob 2 + carol 1; the muted dev group does not count
    await adapter.markRead('GROUPdev');
    expect(events.map((e) => e.type)).toEqual(['upserted']);
    expect(get(adapter, 'GROUPdev')).toMatchObject({ unreadCount: 0, mentions: [] });
    await adapter.markRead('C2Cbob');
    expect(events.slice(1)).toEqual([
      { type: 'upserted', conversations: [expect.objectContaining({ id: 'C2Cbob', unreadCount: 0 }) as Conversation] },
      { type: 'unreadTotalChanged', total: 1 },
    ]);
    await adapter.markRead('C2Cbob');
    expect(events, 'reading a read conversation emits nothing').toHaveLength(3);
  });

  it("keeps each group's count current with groupUnreadChanged, once per change that moves it", async () => {
    const { adapter, groupCounts } = setup();
    const counts = async () => new Map((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount]));
    expect(await counts()).toEqual(new Map([['Work', 2], ['Friends', 2]]));
    await adapter.markRead('C2Cbob');
    expect(groupCounts).toEqual([
      { type: 'groupUnreadChanged', name: 'Work', unreadCount: 0 },
      { type: 'groupUnreadChanged', name: 'Friends', unreadCount: 0 },
    ]);
    adapter.simulate.message('C2Calice', { preview: 'hi' });
    expect(groupCounts.at(-1)).toEqual({ type: 'groupUnreadChanged', name: 'Friends', unreadCount: 1 });
    await adapter.setMark(['C2Calice'], 'hide', true);
    expect(groupCounts.at(-1)).toEqual({ type: 'groupUnreadChanged', name: 'Friends', unreadCount: 0 });
    const before = groupCounts.length;
    await adapter.pin('C2Ccarol', true);
    expect(groupCounts, 'a change that moves no count tells nothing').toHaveLength(before);
    expect(await counts()).toEqual(new Map([['Work', 0], ['Friends', 0]]));
  });

  it('follows the OpenIM rule when asked: blocked counts, silent does not', async () => {
    const { adapter } = setup({ unreadRule: OPENIM_UNREAD_RULE });
    expect(await adapter.getTotalUnread()).toBe(3);
    await adapter.setMuteMode('GROUPdev', 'blocked');
    expect(await adapter.getTotalUnread()).toBe(8);
  });

  it('setMuteMode moves the total and emits it', async () => {
    const { adapter, events } = setup();
    await adapter.setMuteMode('C2Cbob', 'silentExceptMention');
    expect(get(adapter, 'C2Cbob')!.muteMode).toBe('silentExceptMention');
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 1 });
  });

  it('markAllRead clears every count and mention in one upserted event', async () => {
    const { adapter, events } = setup();
    await adapter.markAllRead();
    expect(events).toHaveLength(2);
    const [upserted, total] = events;
    expect(upserted!.type === 'upserted' && upserted!.conversations.map((c) => c.id).sort()).toEqual(['C2Cbob', 'C2Ccarol', 'GROUPdev']);
    expect(total).toEqual({ type: 'unreadTotalChanged', total: 0 });
    expect(adapter.getSnapshot().conversations.every((c) => c.unreadCount === 0 && c.mentions.length === 0)).toBe(true);
  });
});

describe('marks', () => {
  it('sets and clears marks per id without touching unread', async () => {
    const { adapter, events } = setup();
    const result = await adapter.setMark(['C2Cbob', 'C2Cghost'], 'unread', true);
    expect(result.succeeded).toEqual(['C2Cbob']);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([['C2Cghost', 'CONVERSATION_NOT_FOUND']]);
    expect(get(adapter, 'C2Cbob')).toMatchObject({ marks: ['unread'], unreadCount: 2 });
    await adapter.setMark(['C2Cbob'], 'unread', false);
    expect(get(adapter, 'C2Cbob')!.marks).toBeUndefined();
    expect(events.filter((e) => e.type === 'upserted')).toHaveLength(2);
  });

  it('rejects an unsupported mark with NOT_SUPPORTED and more than 100 ids with 51006', async () => {
    const { adapter } = setup({ marks: ['star'] });
    expect((await rejectionOf(adapter.setMark(['C2Cbob'], 'fold', true))).code).toBe('NOT_SUPPORTED');
    const ids = Array.from({ length: 101 }, (_, i) => `C2Cx${i}`);
    const error = await rejectionOf(adapter.setMark(ids, 'star', true));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(error.sdkCode).toBe(51006);
  });
});

describe('delete and open', () => {
  it('deletes per id and emits removed, which takes the conversation out of its groups too', async () => {
    const { adapter, events } = setup();
    const result = await adapter.deleteConversations(['C2Cbob', 'C2Cghost'], { clearHistory: true });
    expect(result).toEqual({ succeeded: ['C2Cbob'], failed: [expect.objectContaining({ id: 'C2Cghost', code: 'CONVERSATION_NOT_FOUND' })] });
    expect(events).toContainEqual({ type: 'removed', ids: ['C2Cbob'] });
    // Not each affected group's whole membership as well: the store would pay O(group) per deleted chunk.
    expect(events.some((event) => event.type === 'groupMembershipChanged')).toBe(false);
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 1 });
    expect((await adapter.loadGroups()).find((g) => g.name === 'Friends')?.conversationIds).toEqual(['C2Calice']);
    expect(get(adapter, 'C2Cbob')).toBeUndefined();
    expect((await rejectionOf(adapter.pin('C2Cbob', true))).code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('openConversation returns an existing conversation without events', async () => {
    const { adapter, events } = setup();
    const bob = await adapter.openConversation({ kind: 'direct', targetId: 'bob' });
    expect(bob).toBe(get(adapter, 'C2Cbob'));
    expect((await adapter.openConversation({ kind: 'group', targetId: 'dev' })).title).toBe('研发部');
    expect(events).toEqual([]);
  });

  it('openConversation creates an empty conversation with Tencent-style ids and emits it', async () => {
    const { adapter, events } = setup();
    const dave = await adapter.openConversation({ kind: 'direct', targetId: 'dave' });
    expect(dave).toMatchObject({ id: 'C2Cdave', kind: 'direct', peerUserId: 'dave', lastActivityAt: 0, unreadCount: 0, isPinned: false });
    expect(dave.lastMessage).toBeUndefined();
    const team = await adapter.openConversation({ kind: 'group', targetId: 'team' });
    expect(team).toMatchObject({ id: 'GROUPteam', kind: 'group', groupId: 'team' });
    expect(events).toEqual([
      { type: 'upserted', conversations: [dave] },
      { type: 'upserted', conversations: [team] },
    ]);
    expect((await collectPages(adapter)).conversations.at(-1)!.id, 'without activity it sorts last').toBe('GROUPteam');
  });

  it('a conversation deleted without clearing history comes back with it; cleared history does not', async () => {
    const { adapter, events } = setup();
    adapter.simulate.message('C2Cbob', { preview: 'keep me', at: NOW });
    adapter.simulate.message('C2Ccarol', { preview: 'forget me', at: NOW });
    await adapter.deleteConversations(['C2Cbob'], { clearHistory: false });
    await adapter.deleteConversations(['C2Ccarol'], { clearHistory: true });
    const bob = await adapter.openConversation({ kind: 'direct', targetId: 'bob' });
    expect(bob).toMatchObject({ title: 'Bob', lastActivityAt: NOW, lastMessage: { preview: 'keep me' }, unreadCount: 0, groupNames: [] });
    const carol = await adapter.openConversation({ kind: 'direct', targetId: 'carol' });
    expect(carol).toMatchObject({ title: 'Carol', lastActivityAt: 0, unreadCount: 0 });
    expect(carol.lastMessage).toBeUndefined();
    expect(events.at(-1)).toEqual({ type: 'upserted', conversations: [carol] });
  });

  it('a message brings a deleted conversation back, unpinned and outside groups', async () => {
    const { adapter } = setup();
    await adapter.deleteConversations(['C2Calice']);
    expect(get(adapter, 'C2Calice')).toBeUndefined();
    const alice = adapter.simulate.message('C2Calice', { preview: 'Hello again', at: NOW });
    expect(alice).toMatchObject({ title: 'Alice', unreadCount: 1, isPinned: false, groupNames: [], lastActivityAt: NOW });
    expect(get(adapter, 'C2Calice')).toBe(alice);
    expect((await adapter.loadGroups()).find((g) => g.name === 'Friends')!.conversationIds).toEqual(['C2Cbob']);
  });
});

describe('drafts and the clock', () => {
  it('stamps drafts with the injected clock and clears them with an empty text', async () => {
    let now = NOW;
    const { adapter, events } = setup({ now: () => now });
    await adapter.setDraft('C2Cbob', 'see you');
    expect(get(adapter, 'C2Cbob')!.draft).toEqual({ text: 'see you', updatedAt: NOW });
    now += 5000;
    await adapter.setDraft('C2Cbob', 'see you soon');
    expect(get(adapter, 'C2Cbob')!.draft).toEqual({ text: 'see you soon', updatedAt: NOW + 5000 });
    await adapter.setDraft('C2Cbob', '');
    expect(get(adapter, 'C2Cbob')!.draft).toBeUndefined();
    await adapter.setDraft('C2Cbob', '');
    expect(events).toHaveLength(3);
  });

  it('dates messages without `at` with the injected clock', () => {
    const { adapter } = setup({ now: () => NOW + 1234 });
    expect(adapter.simulate.message('C2Ccarol', { preview: 'hi' }).lastActivityAt).toBe(NOW + 1234);
  });
});

describe('failNext', () => {
  it('makes the next call reject with ADAPTER_FAILED and change nothing; the one after succeeds', async () => {
    const { adapter, events } = setup();
    adapter.failNext('createGroup');
    const error = await rejectionOf(adapter.createGroup('New', ['C2Cbob']));
    expect(error.code).toBe('ADAPTER_FAILED');
    expect(events).toEqual([]);
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Work', 'Friends']);
    await adapter.createGroup('New', ['C2Cbob']);
    expect((await adapter.loadGroups()).map((g) => g.name)).toContain('New');
  });

  it('uses the given error, fails several times with `times`, and queues failures in order', async () => {
    const { adapter } = setup();
    const quota = new InboxError('PIN_LIMIT_EXCEEDED', 'full', { sdkCode: 51012 });
    adapter.failNext('pin', quota, { times: 2 });
    adapter.failNext('pin');
    expect(await rejectionOf(adapter.pin('C2Cbob', true))).toBe(quota);
    expect(await rejectionOf(adapter.pin('C2Cbob', true))).toBe(quota);
    expect((await rejectionOf(adapter.pin('C2Cbob', true))).code).toBe('ADAPTER_FAILED');
    await adapter.pin('C2Cbob', true);
    expect(get(adapter, 'C2Cbob')!.isPinned).toBe(true);
  });

  it('fails reads too, and only the named operation', async () => {
    const { adapter } = setup();
    adapter.failNext('loadConversations');
    await adapter.pin('C2Cbob', true);
    await rejectionOf(adapter.loadConversations({}));
    expect((await adapter.loadConversations({})).conversations).toHaveLength(5);
  });

  it('rejects an unknown operation name', () => {
    const { adapter } = setup();
    expect(thrownBy(() => adapter.failNext('teleport' as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => adapter.failNext('pin', undefined, { times: 0 })).code).toBe('INVALID_ARGUMENT');
  });

  it('makes an optimistic store command roll back', async () => {
    const { adapter } = setup();
    const store = createInboxStore({ adapter, draftStorage: null });
    await store.connect();
    adapter.failNext('pin');
    const pinning = store.getState().actions.pin('C2Cbob', true);
    expect(store.getState().conversations.get('C2Cbob')!.isPinned).toBe(true);
    await expect(pinning).rejects.toMatchObject({ code: 'ADAPTER_FAILED' });
    expect(store.getState().conversations.get('C2Cbob')!.isPinned).toBe(false);
    store.disconnect();
  });
});

describe('latency', () => {
  it('delays every command and read by latencyMs, applying the change only then', async () => {
    vi.useFakeTimers();
    const { adapter, events } = setup({ latencyMs: 200 });
    let pinned = false;
    void adapter.pin('C2Cbob', true).then(() => (pinned = true));
    let loaded = false;
    void adapter.loadGroups().then(() => (loaded = true));
    await vi.advanceTimersByTimeAsync(199);
    expect(pinned || loaded).toBe(false);
    expect(events).toEqual([]);
    expect(get(adapter, 'C2Cbob')!.isPinned).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(pinned && loaded).toBe(true);
    expect(events).toHaveLength(1);
  });

  it('resolves on a microtask without latency, and setLatency changes later calls', async () => {
    vi.useFakeTimers();
    const { adapter } = setup();
    await adapter.pin('C2Cbob', true); // no timer to advance
    adapter.setLatency(50);
    let done = false;
    void adapter.pin('C2Cbob', false).then(() => (done = true));
    await vi.advanceTimersByTimeAsync(49);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(done).toBe(true);
    expect(thrownBy(() => adapter.setLatency(-5)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('simulate', () => {
  it('message: new last message and time, unread +1, mentions appended; it moves to the top', async () => {
    const { adapter, events } = setup();
    const at = NOW + MINUTE;
    const dev = adapter.simulate.message('GROUPdev', { preview: '@all deploy at 5', senderName: '王伟', mentions: ['all'], at });
    expect(dev).toMatchObject({
      unreadCount: 6,
      lastActivityAt: at,
      lastMessage: { preview: '@all deploy at 5', senderName: '王伟', sentAt: at },
    });
    expect(dev.mentions.map((m) => m.kind)).toEqual(['me', 'all']);
    expect(dev.mentions[1]!.messageId).toBe(dev.lastMessage!.id);
    expect(events).toEqual([{ type: 'upserted', conversations: [dev] }]);
    expect((await collectPages(adapter)).conversations.map((c) => c.id).slice(0, 2)).toEqual(['C2Calice', 'GROUPdev']);
    adapter.simulate.message('C2Ccarol', { preview: 'hi', at: at + 1000 });
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 4 });
  });

  it('message on an unknown id throws CONVERSATION_NOT_FOUND; a malformed message INVALID_ARGUMENT', () => {
    const { adapter, events } = setup();
    expect(thrownBy(() => adapter.simulate.message('C2Cnobody', { preview: 'x' })).code).toBe('CONVERSATION_NOT_FOUND');
    expect(thrownBy(() => adapter.simulate.message('C2Cbob', { preview: 3 } as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => adapter.simulate.message('C2Cbob', { preview: 'x', mentions: ['everyone'] } as never)).code).toBe('INVALID_ARGUMENT');
    expect(events).toEqual([]);
  });

  it('newConversation and removeConversation emit upserted and removed', () => {
    const { adapter, events } = setup();
    const erin = adapter.simulate.newConversation(
      makeConversation({ id: 'C2Cerin', title: 'Erin', unreadCount: 1, lastActivityAt: NOW, groupNames: ['Friends'] }),
    );
    expect(events.slice(0, 2)).toEqual([
      { type: 'upserted', conversations: [erin] },
      { type: 'groupMembershipChanged', name: 'Friends', conversationIds: ['C2Calice', 'C2Cbob', 'C2Cerin'] },
    ]);
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 4 });
    expect(thrownBy(() => adapter.simulate.newConversation(erin)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => adapter.simulate.newConversation(makeConversation({ id: 'C2Cx', groupNames: ['Nope'] }))).code).toBe('GROUP_NOT_FOUND');
    adapter.simulate.removeConversation('C2Cerin');
    expect(events).toContainEqual({ type: 'removed', ids: ['C2Cerin'] });
    expect(thrownBy(() => adapter.simulate.removeConversation('C2Cerin')).code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('remote group changes emit the same events as commands and obey the same limits', () => {
    const { adapter, events } = setup();
    adapter.simulate.groupCreated('Remote', ['C2Ccarol']);
    expect(events.slice(0, 1)).toEqual([{ type: 'groupsChanged', names: ['Work', 'Friends', 'Remote'] }]);
    adapter.simulate.membership('Remote', ['C2Calice', 'GROUPops']);
    expect(events.at(-1)).toEqual({ type: 'groupMembershipChanged', name: 'Remote', conversationIds: ['C2Calice', 'GROUPops'] });
    expect(get(adapter, 'C2Ccarol')!.groupNames).toEqual([]);
    adapter.simulate.groupRenamed('Remote', '遠隔');
    expect(get(adapter, 'C2Calice')!.groupNames).toEqual(['Friends', '遠隔']);
    adapter.simulate.groupDeleted('遠隔');
    expect(events).toContainEqual({ type: 'groupsChanged', names: ['Work', 'Friends'] });
    expect(thrownBy(() => adapter.simulate.groupCreated('研'.repeat(11))).code).toBe('GROUP_NAME_INVALID');
    expect(thrownBy(() => adapter.simulate.groupCreated('Work')).code).toBe('GROUP_EXISTS');
    expect(thrownBy(() => adapter.simulate.groupDeleted('Nope')).code).toBe('GROUP_NOT_FOUND');
    expect(thrownBy(() => adapter.simulate.membership('Work', ['C2Cghost'])).code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('read and update change one conversation as another device would', () => {
    const { adapter, events } = setup();
    adapter.simulate.read('C2Cbob');
    expect(get(adapter, 'C2Cbob')!.unreadCount).toBe(0);
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 1 });
    const renamed = adapter.simulate.update('C2Cbob', { title: 'Robert', avatarUrl: 'https://avatars.example.com/9.png' });
    expect(renamed).toMatchObject({ title: 'Robert', groupNames: ['Work', 'Friends'] });
    expect(thrownBy(() => adapter.simulate.update('C2Cbob', { groupNames: [] } as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => adapter.simulate.update('C2Cbob', { unreadCount: -1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => adapter.simulate.read('C2Cghost')).code).toBe('CONVERSATION_NOT_FOUND');
  });

  it('sync emits syncing, then ready after the latency; syncFailed emits failed', async () => {
    vi.useFakeTimers();
    const { adapter, events } = setup({ latencyMs: 100 });
    const syncing = adapter.simulate.sync();
    expect(events).toEqual([{ type: 'syncStateChanged', status: 'syncing' }]);
    await vi.advanceTimersByTimeAsync(100);
    await syncing;
    expect(events.at(-1)).toEqual({ type: 'syncStateChanged', status: 'ready' });
    adapter.simulate.syncFailed();
    expect(events.at(-1)).toMatchObject({ type: 'syncStateChanged', status: 'failed', error: { code: 'ADAPTER_FAILED' } });
  });

  it('drives a connected store: the list reorders and the status follows the sync', async () => {
    const { adapter } = setup();
    const store = createInboxStore({ adapter, draftStorage: null });
    await store.connect();
    adapter.simulate.message('C2Ccarol', { preview: 'top?', at: NOW + MINUTE });
    const syncing = adapter.simulate.sync();
    store.flush();
    expect(store.getState().lists.ids()).toEqual(['C2Calice', 'C2Ccarol', 'C2Cbob', 'GROUPdev', 'GROUPops']);
    expect(store.getState().status).toBe('syncing');
    await syncing;
    store.flush();
    expect(store.getState().status).toBe('ready');
    store.disconnect();
  });

  it('unsubscribed listeners get nothing', () => {
    const adapter = createMemoryAdapter({ conversations: seedConversations() });
    const listener = vi.fn();
    const unsubscribe = adapter.subscribe(listener);
    adapter.simulate.read('C2Cbob');
    unsubscribe();
    adapter.simulate.read('C2Ccarol');
    expect(listener).toHaveBeenCalledTimes(2); // upserted + unreadTotalChanged of the first read only
  });
});

describe('persistence', () => {
  it('saves after every change and a new adapter on the same storage resumes from it', async () => {
    const storage = memoryStorage();
    const { adapter } = setup({ storage });
    expect(storage.data.size, 'nothing is written before a change').toBe(0);
    await adapter.pin('C2Cbob', true);
    await adapter.createGroup('Later', ['C2Ccarol']);
    await adapter.setDraft('GROUPops', 'brb');
    adapter.simulate.message('GROUPops', { preview: 'ping', at: NOW + MINUTE });
    await adapter.deleteConversations(['C2Calice'], { clearHistory: false });

    const resumed = createMemoryAdapter({ storage, conversations: many(3) });
    expect(resumed.getSnapshot()).toEqual(adapter.getSnapshot());
    expect(await resumed.loadGroups()).toEqual(await adapter.loadGroups());
    expect(await resumed.getTotalUnread()).toBe(await adapter.getTotalUnread());
    expect((await resumed.openConversation({ kind: 'direct', targetId: 'alice' })).title).toBe('Alice');
  });

  it('keeps drafts out of storage when drafts are not persisted', async () => {
    const storage = memoryStorage();
    const { adapter } = setup({ storage, persistDrafts: false });
    await adapter.setDraft('C2Cbob', 'secret');
    expect(get(adapter, 'C2Cbob')!.draft?.text).toBe('secret');
    expect([...storage.data.values()][0]).not.toContain('secret');
    expect(get(createMemoryAdapter({ storage }), 'C2Cbob')!.draft).toBeUndefined();
  });

  it('ignores corrupt or foreign data and starts from the options', () => {
    const key = 'inboxkit:memory-adapter';
    const valid = memoryStorage();
    const { adapter } = setup({ storage: valid });
    adapter.simulate.read('C2Cbob');
    const good = JSON.parse(valid.data.get(key)!) as { conversations: unknown[] };
    const broken = { ...good, conversations: [...good.conversations, { id: 42 }] };
    for (const text of ['not json', '[]', '{"format":"other","version":1}', JSON.stringify(broken)]) {
      const restored = createMemoryAdapter({ storage: memoryStorage({ [key]: text }), conversations: many(2) });
      expect(restored.getSnapshot().conversations.map((c) => c.id), text.slice(0, 20)).toEqual(['C2Cu0', 'C2Cu1']);
    }
  });

  it('survives a storage that throws, and uses its own key', async () => {
    const throwing: MemoryAdapterStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const { adapter } = setup({ storage: throwing });
    await adapter.pin('C2Cbob', true);
    expect(get(adapter, 'C2Cbob')!.isPinned).toBe(true);

    const shared = memoryStorage();
    const a = createMemoryAdapter({ storage: shared, storageKey: 'account-a', conversations: seedConversations() });
    await a.pin('C2Cbob', true);
    const b = createMemoryAdapter({ storage: shared, storageKey: 'account-b', conversations: seedConversations() });
    expect(get(b, 'C2Cbob')!.isPinned).toBe(false);
  });
});

describe('imports', () => {
  /** Every module reachable through relative imports from `entry`, with the bare specifiers it imports. */
  function reachable(entry: string): Map<string, string[]> {
    const seen = new Map<string, string[]>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      const source = readFileSync(file, 'utf8');
      const specifiers = [...source.matchAll(/^\s*(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
      seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
      for (const specifier of specifiers.filter((s) => s.startsWith('.'))) visit(resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
    };
    visit(resolve(entry));
    return seen;
  }

  it('the memory adapter and the test helpers import neither vitest nor React, and nothing from testing', () => {
    for (const entry of ['src/adapters/memory/index.ts', 'src/testing/helpers.ts']) {
      const modules = reachable(entry);
      expect(modules.size).toBeGreaterThan(1);
      for (const [file, bare] of modules) {
        expect(bare.filter((s) => /^(vitest|react|react-dom)(\/|$)/.test(s)), file).toEqual([]);
        if (entry.includes('adapters')) expect(file.includes('/testing/'), file).toBe(false);
      }
    }
  });
});

describe('generateConversations', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    const now = GENERATE_DEFAULT_NOW;
    expect(generateConversations(300, { seed: 7, now })).toEqual(generateConversations(300, { seed: 7, now }));
    expect(generateConversations(300, { seed: 7, now })).not.toEqual(generateConversations(300, { seed: 8, now }));
    expect(generateConversations(300, { now: GENERATE_DEFAULT_NOW })).toEqual(generateConversations(300, { seed: 1, now: GENERATE_DEFAULT_NOW }));
  });

  // What a person sees (times, pins, unread counts, avatars) is asserted in generate.test.ts.
  it('produces varied, realistic data', () => {
    const list = generateConversations(3000, { seed: 3 });
    const share = (predicate: (c: Conversation) => boolean) => list.filter(predicate).length / list.length;
    expect(list.filter((c) => c.kind === 'system')).toHaveLength(1);
    expect(share((c) => c.kind === 'group')).toBeGreaterThan(0.2);
    expect(share((c) => c.kind === 'direct')).toBeGreaterThan(0.6);
    expect(list.filter((c) => c.isPinned).length).toBeGreaterThanOrEqual(2);
    expect(list.filter((c) => c.isPinned).length).toBeLessThanOrEqual(3);
    expect(share((c) => c.muteMode !== 'none')).toBeGreaterThan(0.05);
    expect(share((c) => c.muteMode !== 'none')).toBeLessThan(0.15);
    expect(new Set(list.map((c) => c.muteMode))).toEqual(new Set(['none', 'silent', 'silentExceptMention', 'blocked']));
    expect(share((c) => c.draft !== undefined)).toBeGreaterThan(0.01);
    const mentionKinds = new Set(list.flatMap((c) => c.mentions.map((m) => m.kind)));
    expect(mentionKinds.has('me') && mentionKinds.has('all')).toBe(true);
    expect(list.some((c) => c.unreadCount > 9)).toBe(true);
    expect(share((c) => c.unreadCount === 0)).toBeGreaterThan(0.3);
    expect(list.some((c) => c.lastMessage?.isRevoked)).toBe(true);
    const titles = list.map((c) => c.title).join('\n');
    expect(titles).toMatch(/[\u4e00-\u9fff]/); // Chinese characters
    expect(titles).toMatch(/[\u3040-\u30ff]/); // Japanese kana
    expect(titles).toMatch(/\p{Extended_Pictographic}/u);
    expect(titles).toMatch(/研发部|営業チーム|Suppliers/);
    expect(list.some((c) => c.title.length > 30)).toBe(true);
    const previews = list.map((c) => c.lastMessage?.preview ?? '').join('\n');
    expect(previews).toMatch(/[\u4e00-\u9fff]/);
    expect(previews).toMatch(/[\u3040-\u30ff]/);
    expect(previews).toMatch(/[a-z]{3}/);
    expect(list.every((c) => c.avatarUrl === undefined)).toBe(true); // no network: the kit paints initials
  });

  it('spreads activity over the 60 days before now, in whole seconds', () => {
    const now = Date.UTC(2030, 0, 1);
    const list = generateConversations(2000, { now });
    const times = list.map((c) => c.lastActivityAt).filter((t) => t > 0);
    expect(list.some((c) => c.lastActivityAt === 0 && c.lastMessage === undefined)).toBe(true);
    expect(Math.max(...times)).toBeLessThanOrEqual(now);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(now - 60 * 24 * 3600_000);
    expect(Math.min(...times)).toBeLessThan(now - 30 * 24 * 3600_000);
    expect(times.every((t) => t % 1000 === 0)).toBe(true);
    for (const c of list) if (c.lastMessage) expect(c.lastMessage.sentAt).toBe(c.lastActivityAt);
  });

  it('generates 100,000 conversations with unique ids and a few pinned', () => {
    const list = generateConversations(100_000);
    expect(list).toHaveLength(100_000);
    expect(new Set(list.map((c) => c.id)).size).toBe(100_000);
    expect(list.filter((c) => c.isPinned).length).toBeLessThanOrEqual(3);
  });

  it('feeds the memory adapter, whose first page is in comparator order', async () => {
    const adapter = createMemoryAdapter({ conversations: generateConversations(5000, { seed: 9 }) });
    const page = await adapter.loadConversations({ count: 200 });
    const compare = createComparator('lastActivity');
    expect([...page.conversations].sort(compare)).toEqual(page.conversations);
    expect(page.conversations[0]!.isPinned).toBe(true);
    const opened = await adapter.openConversation({ kind: 'direct', targetId: page.conversations.find((c) => c.kind === 'direct')!.peerUserId! });
    expect(opened.kind).toBe('direct');
  });

  it('rejects a bad count', () => {
    expect(thrownBy(() => generateConversations(-1)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => generateConversations(1.5)).code).toBe('INVALID_ARGUMENT');
  });
});

describe('seed limits', () => {
  it('refuses seed data with more than 20 groups, as the backend would never hold them', () => {
    const groups = Array.from({ length: 21 }, (_, i) => ({ name: `G${i}`, conversationIds: [] }));
    expect(() => createMemoryAdapter({ groups })).toThrow(expect.objectContaining({ code: 'GROUP_LIMIT_EXCEEDED', sdkCode: 51010 }));
  });
});
