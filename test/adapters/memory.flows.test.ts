// The memory backend's side of issue 16 ("every backend, every flow"): marks that mean something to its counts,
// honest unread (total and per group, hidden conversations left out as the store leaves them out), structured
// previews instead of English labels, and the optional commands (account-wide receive option, clear all, custom
// data) with their fault injection. Each test here failed on the adapter before issue 16.
import { describe, expect, it } from 'vitest';
import type { AdapterEvent } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import { selectUnreadTotal } from '../../src/core/selectors.js';
import { createInboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { createMemoryAdapter, generateConversations, GENERATE_DEFAULT_NOW, MEMORY_OPERATIONS, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { rejectionOf } from '../utils/rejection.js';

const NOW = Date.UTC(2025, 0, 10, 8, 0, 0);

/** bob 2 unread and carol 3 in Work, dev 5 (muted) in Work, erin 7 in no group. */
function conversations(): Conversation[] {
  return [
    makeConversation({ id: 'C2Cbob', unreadCount: 2, groupNames: ['Work'], lastActivityAt: NOW - 1000 }),
    makeConversation({ id: 'C2Ccarol', unreadCount: 3, groupNames: ['Work'], lastActivityAt: NOW - 2000 }),
    makeConversation({ id: 'GROUPdev', kind: 'group', unreadCount: 5, muteMode: 'silent', groupNames: ['Work'], lastActivityAt: NOW - 3000 }),
    makeConversation({ id: 'C2Cerin', unreadCount: 7, lastActivityAt: NOW - 4000 }),
  ];
}

function setup(options: MemoryAdapterOptions = {}) {
  const adapter = createMemoryAdapter({ conversations: conversations(), now: () => NOW, ...options });
  const events: AdapterEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return { adapter, events };
}

const totals = (events: AdapterEvent[]) => events.flatMap((e) => (e.type === 'unreadTotalChanged' ? [e.total] : []));

describe('memory adapter: hidden conversations leave its counts, as they leave the store', () => {
  it('getTotalUnread and unreadTotalChanged leave a hidden conversation out, and count it again once shown', async () => {
    const { adapter, events } = setup();
    expect(await adapter.getTotalUnread()).toBe(12);
    await adapter.setMark(['C2Cerin'], 'hide', true);
    expect(await adapter.getTotalUnread()).toBe(5);
    expect(totals(events)).toEqual([5]);
    await adapter.setMark(['C2Cerin'], 'hide', false);
    expect(await adapter.getTotalUnread()).toBe(12);
    expect(totals(events)).toEqual([5, 12]);
  });

  it('a message to a hidden conversation leaves it hidden and out of the total (marks are flags, as on Tencent)', async () => {
    const { adapter, events } = setup();
    await adapter.setMark(['C2Cbob'], 'hide', true);
    const after = adapter.simulate.message('C2Cbob', { preview: 'still there?' });
    expect(after.marks).toEqual(['hide']);
    expect(after.unreadCount).toBe(3);
    expect(await adapter.getTotalUnread()).toBe(10);
    expect(totals(events), 'hiding moved the total; the message did not').toEqual([10]);
  });

  it('loadGroups gives each group its unread under the same rule: muted and hidden members left out', async () => {
    const { adapter } = setup({ groups: [{ name: 'Work', conversationIds: [] }, { name: 'Empty', conversationIds: [] }] });
    expect((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount])).toEqual([
      ['Work', 5],
      ['Empty', 0],
    ]);
    await adapter.setMark(['C2Ccarol'], 'hide', true);
    adapter.simulate.message('C2Cbob', { preview: 'one more' });
    await adapter.removeFromGroup('Work', ['C2Cbob']);
    await adapter.addToGroup('Empty', ['C2Cbob']);
    adapter.simulate.groupRenamed('Empty', 'Full');
    expect((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount])).toEqual([
      ['Work', 0],
      ['Full', 3],
    ]);
  });

  it("through a store, paging: the badge is the backend's total and equals the store's own once every page is in", async () => {
    const adapter = createMemoryAdapter({ conversations: conversations(), now: () => NOW, pageSize: 1 });
    await adapter.setMark(['C2Cerin'], 'hide', true);
    const store = createInboxStore({ adapter, draftStorage: null, pageSize: 1 });
    await store.connect();
    expect(store.getState().hasMore).toBe(true);
    expect(selectUnreadTotal(store.getState())).toBe(5);
    expect(store.getState().groups.find((g) => g.name === 'Work')).toMatchObject({ unreadCount: 5 });
    while (store.getState().hasMore) await store.getState().actions.loadMore();
    expect(store.getState().unreadTotal).toBe(5);
    expect(selectUnreadTotal(store.getState())).toBe(await adapter.getTotalUnread());
    store.disconnect();
  });
});

describe('memory adapter: structured previews', () => {
  it('simulate.message carries a kind and a detail, checked, and a text message has no kind', () => {
    const { adapter } = setup();
    const file = adapter.simulate.message('C2Cbob', { preview: '', kind: 'file', detail: 'plan.pdf' });
    expect(file.lastMessage).toMatchObject({ preview: '', kind: 'file', detail: 'plan.pdf' });
    const text = adapter.simulate.message('C2Cbob', { preview: 'hi', kind: 'text' });
    expect(text.lastMessage?.kind).toBeUndefined();
    expect(() => adapter.simulate.message('C2Cbob', { preview: '', kind: 'hologram' as never })).toThrow(InboxError);
  });

  it('seeds keep lastMessage.kind and detail, and refuse an unknown kind', () => {
    const seeded = makeConversation({ id: 'C2Cx', lastMessage: { preview: '', kind: 'location', detail: 'Shibuya', sentAt: NOW } });
    const adapter = createMemoryAdapter({ conversations: [seeded] });
    expect(adapter.getSnapshot().conversations[0]!.lastMessage).toMatchObject({ kind: 'location', detail: 'Shibuya' });
    const bad = makeConversation({ id: 'C2Cy', lastMessage: { preview: '', kind: 'hologram' as never, sentAt: NOW } });
    expect(() => createMemoryAdapter({ conversations: [bad] })).toThrow(InboxError);
  });

  it('generated conversations name non-text messages by kind and never carry a label, nor a title for the system one', () => {
    const list = generateConversations(2000, { seed: 3, now: GENERATE_DEFAULT_NOW });
    const kinds = new Set(list.map((c) => c.lastMessage?.kind).filter(Boolean));
    for (const kind of ['image', 'file', 'voice', 'revoked', 'groupNotice']) expect(kinds, kind).toContain(kind);
    for (const c of list) {
      const message = c.lastMessage;
      if (!message) continue;
      // "[Image]", "[图片]", "[画像]" ... and the old recalled-message sentences.
      expect(message.preview, c.id).not.toMatch(/^\[|recalled|撤回|取り消/);
      if (message.kind && message.kind !== 'text') expect(message.preview, c.id).toBe('');
      if (message.isRevoked) expect(message.kind).toBe('revoked');
    }
    expect(list.find((c) => c.kind === 'system')?.title).toBe('');
  });
});

describe('memory adapter: the optional commands, with their fault injection', () => {
  it('declares every capability, and the options turn each one off', () => {
    expect(setup().adapter.capabilities).toMatchObject({
      globalReceiveModes: ['none', 'silent', 'silentExceptMention', 'blocked'],
      clearAll: true,
      customDataMaxLength: 256,
    });
    const off = createMemoryAdapter({ globalReceiveModes: [], clearAll: false, customDataMaxLength: 0 });
    expect(off.capabilities).toMatchObject({ globalReceiveModes: [], clearAll: false, customDataMaxLength: 0 });
    expect(() => createMemoryAdapter({ globalReceiveModes: ['loud' as never] })).toThrow(InboxError);
    expect(() => createMemoryAdapter({ customDataMaxLength: -1 })).toThrow(InboxError);
  });

  it('the account-wide receive option reads back what was set; an unoffered mode or a backend without any is NOT_SUPPORTED', async () => {
    const { adapter } = setup({ globalReceiveModes: ['none', 'silent'] });
    expect(await adapter.getGlobalReceiveOption()).toBe('none');
    await adapter.setGlobalReceiveOption('silent');
    expect(await adapter.getGlobalReceiveOption()).toBe('silent');
    expect((await rejectionOf(adapter.setGlobalReceiveOption('blocked'))).code).toBe('NOT_SUPPORTED');
    expect((await rejectionOf(adapter.setGlobalReceiveOption('loud' as never))).code).toBe('INVALID_ARGUMENT');
    const off = createMemoryAdapter({ globalReceiveModes: [] });
    expect((await rejectionOf(off.getGlobalReceiveOption())).code).toBe('NOT_SUPPORTED');
  });

  it('setCustomData answers per id, stores and clears the data, emits the changed rows once, and checks the length', async () => {
    const { adapter, events } = setup();
    const result = await adapter.setCustomData(['C2Cbob', 'C2Cnobody', 'C2Cbob'], 'vip');
    expect(result.succeeded).toEqual(['C2Cbob']);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([['C2Cnobody', 'CONVERSATION_NOT_FOUND']]);
    expect(adapter.getSnapshot().conversations.find((c) => c.id === 'C2Cbob')?.customData).toBe('vip');
    expect(events.filter((e) => e.type === 'upserted')).toHaveLength(1);
    await adapter.setCustomData(['C2Cbob'], 'vip');
    expect(events.filter((e) => e.type === 'upserted'), 'no change, no event').toHaveLength(1);
    await adapter.setCustomData(['C2Cbob'], '');
    expect(adapter.getSnapshot().conversations.find((c) => c.id === 'C2Cbob')).not.toHaveProperty('customData');
    expect((await rejectionOf(adapter.setCustomData(['C2Cbob'], 'x'.repeat(257)))).code).toBe('INVALID_ARGUMENT');
    await adapter.setCustomData(['C2Cbob'], 'x'.repeat(256));
    const off = createMemoryAdapter({ customDataMaxLength: 0, conversations: conversations() });
    expect((await rejectionOf(off.setCustomData(['C2Cbob'], 'x'))).code).toBe('NOT_SUPPORTED');
  });

  it('clearAllConversations empties the list with one removed event and a zero total; a message brings a conversation back', async () => {
    const { adapter, events } = setup({ groups: [{ name: 'Work', conversationIds: [] }] });
    await adapter.clearAllConversations();
    expect(adapter.getSnapshot().conversations).toEqual([]);
    const removed = events.flatMap((e) => (e.type === 'removed' ? [e.ids] : []));
    expect(removed).toHaveLength(1);
    expect(new Set(removed[0])).toEqual(new Set(['C2Cbob', 'C2Ccarol', 'GROUPdev', 'C2Cerin']));
    expect(events.some((e) => e.type === 'groupMembershipChanged')).toBe(false);
    expect((await adapter.loadGroups()).find((g) => g.name === 'Work')?.conversationIds).toEqual([]);
    expect(await adapter.getTotalUnread()).toBe(0);
    adapter.simulate.message('C2Cerin', { preview: 'back' });
    expect(adapter.getSnapshot().conversations.map((c) => c.id)).toEqual(['C2Cerin']);
    expect((await rejectionOf(createMemoryAdapter({ clearAll: false }).clearAllConversations())).code).toBe('NOT_SUPPORTED');
  });

  it('failNext knows the new operations; an injected failure changes nothing and is used up by one call', async () => {
    for (const operation of ['getGlobalReceiveOption', 'setGlobalReceiveOption', 'clearAllConversations', 'setCustomData'] as const) {
      expect(MEMORY_OPERATIONS).toContain(operation);
    }
    const { adapter } = setup();
    adapter.failNext('setCustomData');
    adapter.failNext('clearAllConversations');
    adapter.failNext('setGlobalReceiveOption');
    adapter.failNext('getGlobalReceiveOption', new InboxError('NOT_READY', 'offline'));
    expect((await rejectionOf(adapter.setCustomData(['C2Cbob'], 'x'))).code).toBe('ADAPTER_FAILED');
    expect((await rejectionOf(adapter.clearAllConversations())).code).toBe('ADAPTER_FAILED');
    expect((await rejectionOf(adapter.setGlobalReceiveOption('silent'))).code).toBe('ADAPTER_FAILED');
    expect((await rejectionOf(adapter.getGlobalReceiveOption())).code).toBe('NOT_READY');
    expect(adapter.getSnapshot().conversations).toHaveLength(4);
    expect(adapter.getSnapshot().conversations.find((c) => c.id === 'C2Cbob')?.customData).toBeUndefined();
    expect(await adapter.getGlobalReceiveOption()).toBe('none');
    // A call refused for its arguments uses up no injected failure.
    adapter.failNext('setCustomData');
    expect((await rejectionOf(adapter.setCustomData(['C2Cbob'], 42 as never))).code).toBe('INVALID_ARGUMENT');
    expect((await rejectionOf(adapter.setCustomData(['C2Cbob'], 'x'))).code).toBe('ADAPTER_FAILED');
  });

  it('the store runs the account commands on it end to end', async () => {
    const adapter = createMemoryAdapter({ conversations: conversations(), now: () => NOW });
    const store = createInboxStore({ adapter, draftStorage: null });
    await store.connect();
    expect(store.getState().globalReceiveOption).toBe('none');
    await store.getState().actions.setGlobalReceiveOption('blocked');
    expect(await adapter.getGlobalReceiveOption()).toBe('blocked');
    const result = await store.getState().actions.setCustomData(['C2Cbob'], 'note');
    expect(result.succeeded).toEqual(['C2Cbob']);
    expect(store.getState().conversations.get('C2Cbob')?.customData).toBe('note');
    await store.getState().actions.clearAllConversations();
    store.flush();
    expect(store.getState().lists.ids()).toEqual([]);
    expect(store.getState().unreadTotal).toBe(0);
    store.disconnect();
  });
});
