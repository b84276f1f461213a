// The OpenIM adapter's side of issue 16 ("every backend, every flow"), against the SDK fake: marks emulated in `ex`
// beside emulated groups, hidden conversations out of the totals it reports (and back on a newer message, as
// OpenIM's own hidden conversations come back), per-group counts, the account-wide receive option and clear-all on
// the contract, and custom data sharing `ex` with the kit. Each test here failed on the adapter before issue 16.
import { afterEach, describe, expect, it } from 'vitest';
import { createMemoryGroupRegistry, createOpenIMAdapter, OPENIM_SESSION_TYPE, type OpenIMAdapter, type OpenIMAdapterOptions } from '../../src/adapters/openim/index.js';
import type { AdapterEvent } from '../../src/core/adapter.js';
import { selectUnreadTotal } from '../../src/core/selectors.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import {
  createFakeOpenIMSdk,
  fakeOpenIMConversationId,
  fakeOpenIMTextMessage,
  type FakeOpenIMConversationSeed,
  type FakeOpenIMSdk,
  type FakeOpenIMSdkOptions,
} from '../../src/testing/fakeOpenIMSdk.js';
import { rejectionOf } from '../utils/rejection.js';

const NOW = Date.UTC(2025, 2, 14, 12, 0, 0);
const ME = 'me';
const dmId = (peer: string) => fakeOpenIMConversationId(ME, OPENIM_SESSION_TYPE.single, peer);

function dm(peer: string, minutesAgo: number, fields: Partial<FakeOpenIMConversationSeed> = {}): FakeOpenIMConversationSeed {
  const at = NOW - minutesAgo * 60_000;
  return { conversationID: dmId(peer), showName: peer, latestMsgSendTime: at, latestMsg: fakeOpenIMTextMessage(`hi from ${peer}`, at), ...fields };
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function setup(seeds: FakeOpenIMConversationSeed[], sdkOptions: Omit<FakeOpenIMSdkOptions, 'conversations'> = {}, options: Omit<OpenIMAdapterOptions, 'sdk'> = {}) {
  const sdk = createFakeOpenIMSdk({ selfUserId: ME, now: () => NOW, ...sdkOptions, conversations: seeds });
  const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(), ...options });
  const events: AdapterEvent[] = [];
  cleanups.push(adapter.subscribe((event) => events.push(event)));
  return { sdk, adapter, events };
}

function storeOf(adapter: OpenIMAdapter, pageSize = 100): InboxStore {
  const store = createInboxStore({ adapter, draftStorage: null, pageSize });
  cleanups.push(() => store.disconnect());
  return store;
}

async function all(adapter: OpenIMAdapter): Promise<Map<string, Conversation>> {
  const out = new Map<string, Conversation>();
  let cursor: string | null = null;
  for (;;) {
    const page = await adapter.loadConversations({ cursor, count: 100 });
    for (const c of page.conversations) out.set(c.id, c);
    if (page.isFinished) return out;
    cursor = page.cursor;
  }
}

const exOf = (sdk: FakeOpenIMSdk, id: string) => JSON.parse(sdk.row(id)!.ex || '{}') as Record<string, unknown>;
const totals = (events: AdapterEvent[]) => events.flatMap((e) => (e.type === 'unreadTotalChanged' ? [e.total] : []));

describe('openim adapter: marks emulated in ex', () => {
  it('offers every mark on an open-source build, kept in ex beside foreign keys and emulated groups', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5, { ex: '{"app":{"vip":true}}' }), dm('carol', 6)]);
    expect(adapter.capabilities.marks).toEqual(['star', 'unread', 'fold', 'hide']);
    await adapter.createGroup('Work', [dmId('bob')]);
    for (const mark of ['star', 'unread', 'fold'] as const) {
      const result = await adapter.setMark([dmId('bob'), 'si_ghost_me'], mark, true);
      expect(result.succeeded, mark).toEqual([dmId('bob')]);
      expect(result.failed.map((f) => [f.id, f.code])).toEqual([['si_ghost_me', 'CONVERSATION_NOT_FOUND']]);
    }
    expect(exOf(sdk, dmId('bob'))).toEqual({ app: { vip: true }, inboxkit: { groups: ['Work'], marks: ['star', 'unread', 'fold'] } });
    expect(sdk.row(dmId('bob'))!.isMarked, 'isMarked is a commercial field: left alone').toBe(false);
    const bob = (await all(adapter)).get(dmId('bob'))!;
    expect(bob).toMatchObject({ marks: ['star', 'unread', 'fold'], groupNames: ['Work'], customData: '{"app":{"vip":true}}' });
    // The adapter delivers what it wrote, whatever the SDK's own change event does.
    expect(events.flatMap((e) => (e.type === 'upserted' ? e.conversations : [])).at(-1)?.marks).toEqual(['star', 'unread', 'fold']);
    await adapter.setMark([dmId('bob')], 'unread', false);
    await adapter.removeFromGroup('Work', [dmId('bob')]);
    expect(exOf(sdk, dmId('bob'))).toEqual({ app: { vip: true }, inboxkit: { marks: ['star', 'fold'] } });
  });

  it('a conversation whose ex is foreign text fails alone and keeps its text', async () => {
    const { adapter, sdk } = setup([dm('bob', 5, { ex: 'legacy-note' }), dm('carol', 6)]);
    const result = await adapter.setMark([dmId('bob'), dmId('carol')], 'fold', true);
    expect(result.succeeded).toEqual([dmId('carol')]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([[dmId('bob'), 'INVALID_ARGUMENT']]);
    expect(sdk.row(dmId('bob'))!.ex).toBe('legacy-note');
  });

  it('a group change and a mark on the same conversation at once: neither write drops the other', async () => {
    const { adapter, sdk } = setup([dm('bob', 5)]);
    await adapter.createGroup('Work', []);
    await Promise.all([adapter.addToGroup('Work', [dmId('bob')]), adapter.setMark([dmId('bob')], 'fold', true), adapter.setMark([dmId('bob')], 'star', true)]);
    expect(exOf(sdk, dmId('bob'))).toEqual({ inboxkit: { groups: ['Work'], marks: ['star', 'fold'] } });
  });

  it('star is isMarked where the build backs it, and the other marks still live in ex', async () => {
    const { adapter, sdk } = setup([dm('bob', 5)], {}, { starMark: true });
    await adapter.setMark([dmId('bob')], 'star', true);
    await adapter.setMark([dmId('bob')], 'hide', true);
    expect(sdk.row(dmId('bob'))!.isMarked).toBe(true);
    expect(exOf(sdk, dmId('bob'))).toEqual({ inboxkit: { marks: ['hide'], hiddenAt: NOW - 5 * 60_000 } });
    expect((await all(adapter)).get(dmId('bob'))!.marks).toEqual(['star', 'hide']);
  });
});

describe('openim adapter: hidden conversations leave its counts, and a newer message shows them again', () => {
  const seeds = () => [dm('bob', 5, { unreadCount: 2 }), dm('carol', 6, { unreadCount: 3 }), dm('dan', 7, { unreadCount: 4, recvMsgOpt: 2 })];

  it("getTotalUnread and unreadTotalChanged are OpenIM's total less hidden conversations", async () => {
    const { adapter, sdk, events } = setup(seeds());
    expect(await adapter.getTotalUnread()).toBe(5);
    await adapter.setMark([dmId('carol'), dmId('dan')], 'hide', true);
    expect(totals(events).at(-1)).toBe(2);
    expect(await adapter.getTotalUnread()).toBe(2);
    // OpenIM's own total event still counts carol: the adapter leaves her out.
    sdk.simulateMessage(dmId('bob'), 'ping', NOW + 1000);
    expect(totals(events).at(-1)).toBe(3);
  });

  it('a message newer than the hiding brings the conversation back, as OpenIM does with its own hidden ones', async () => {
    const { adapter, sdk, events } = setup(seeds());
    await adapter.getTotalUnread();
    await adapter.setMark([dmId('carol')], 'hide', true);
    expect((await all(adapter)).get(dmId('carol'))!.marks).toEqual(['hide']);
    sdk.simulateMessage(dmId('carol'), 'are you there?', NOW + 1000);
    const carol = events.flatMap((e) => (e.type === 'upserted' ? e.conversations : [])).filter((c) => c.id === dmId('carol')).at(-1)!;
    expect(carol.marks).toBeUndefined();
    expect(totals(events).at(-1)).toBe(6);
    expect(await adapter.getTotalUnread()).toBe(6);
    // The ended mark is cleared from ex by the next mark written.
    await adapter.setMark([dmId('carol')], 'fold', true);
    expect(exOf(sdk, dmId('carol'))).toEqual({ inboxkit: { marks: ['fold'] } });
  });

  it('through a store while paging: the badge is the backend total, equal to the store count once all pages are in', async () => {
    const { adapter } = setup(seeds(), {}, { pageSize: 1 });
    await adapter.setMark([dmId('carol')], 'hide', true);
    const store = storeOf(adapter, 1);
    await store.connect();
    expect(store.getState().hasMore).toBe(true);
    expect(selectUnreadTotal(store.getState())).toBe(2);
    while (store.getState().hasMore) await store.getState().actions.loadMore();
    expect(store.getState().lists.ids()).not.toContain(dmId('carol'));
    expect(store.getState().unreadTotal).toBe(2);
    expect(selectUnreadTotal(store.getState())).toBe(await adapter.getTotalUnread());
  });
});

describe('openim adapter: per-group unread', () => {
  it("native groups pass the SDK's unreadCount on, less hidden members", async () => {
    const { adapter } = setup([dm('bob', 5, { unreadCount: 2 }), dm('carol', 6, { unreadCount: 3 }), dm('dan', 7, { unreadCount: 9, recvMsgOpt: 2 })], {
      nativeGroups: true,
      conversationGroups: [{ name: 'Work', conversationIDs: [dmId('bob'), dmId('carol'), dmId('dan')] }],
    });
    await adapter.connect();
    expect((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount])).toEqual([['Work', 5]]);
    await adapter.setMark([dmId('bob')], 'hide', true);
    expect((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount])).toEqual([['Work', 3]]);
  });

  it('emulated groups are counted from the full read the adapter makes anyway, under the store rule', async () => {
    const inWork = JSON.stringify({ inboxkit: { groups: ['Work'] } });
    const { adapter } = setup(
      [dm('bob', 5, { unreadCount: 2, ex: inWork }), dm('carol', 6, { unreadCount: 3, ex: inWork }), dm('dan', 7, { unreadCount: 9, recvMsgOpt: 2, ex: inWork })],
      {},
      { groupRegistry: createMemoryGroupRegistry(['Work', 'Empty']) },
    );
    expect((await adapter.loadGroups()).map((g) => [g.name, g.unreadCount])).toEqual([
      ['Work', 5],
      ['Empty', 0],
    ]);
  });

  const groupCounts = (events: AdapterEvent[]) => events.flatMap((e) => (e.type === 'groupUnreadChanged' ? [[e.name, e.unreadCount]] : []));

  it('native counts are told as they move (groupUnreadChanged): a message, a read, a member hidden by the kit', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5, { unreadCount: 2 }), dm('carol', 6, { unreadCount: 3 })], {
      nativeGroups: true,
      conversationGroups: [{ name: 'Work', conversationIDs: [dmId('bob'), dmId('carol')] }],
    });
    await adapter.connect();
    await adapter.loadGroups();
    sdk.simulateMessage(dmId('bob'), 'one more', NOW + 1000);
    expect(groupCounts(events).at(-1)).toEqual(['Work', 6]);
    await adapter.markRead(dmId('carol'));
    expect(groupCounts(events).at(-1)).toEqual(['Work', 3]);
    await adapter.setMark([dmId('bob')], 'hide', true);
    expect(groupCounts(events).at(-1)).toEqual(['Work', 0]);
    await adapter.renameGroup('Work', 'Job');
    expect(groupCounts(events).at(-1)).toEqual(['Job', 0]);
  });

  it('emulated counts are told as they move: a message, a mute, a member added, a member hidden', async () => {
    const inWork = JSON.stringify({ inboxkit: { groups: ['Work'] } });
    const { adapter, sdk, events } = setup([dm('bob', 5, { unreadCount: 2, ex: inWork }), dm('carol', 6, { unreadCount: 3 })], {}, { groupRegistry: createMemoryGroupRegistry(['Work']) });
    expect((await adapter.loadGroups()).map((g) => g.unreadCount)).toEqual([2]);
    sdk.simulateMessage(dmId('bob'), 'one more', NOW + 1000);
    expect(groupCounts(events).at(-1)).toEqual(['Work', 3]);
    await adapter.addToGroup('Work', [dmId('carol')]);
    expect(groupCounts(events).at(-1)).toEqual(['Work', 6]);
    await adapter.setMuteMode(dmId('carol'), 'silent');
    expect(groupCounts(events).at(-1)).toEqual(['Work', 3]);
    await adapter.setMark([dmId('bob')], 'hide', true);
    expect(groupCounts(events).at(-1)).toEqual(['Work', 0]);
    await adapter.deleteConversations([dmId('carol')], { clearHistory: false });
    const before = groupCounts(events).length;
    sdk.simulateMessage(dmId('carol'), 'back', NOW + 2000);
    expect(groupCounts(events).slice(before).at(-1), 'back from hiding, still silent: no count').toBeUndefined();
  });

  it('a store paging through a native group shows its backend count instead of a partial one', async () => {
    const { adapter } = setup([dm('bob', 5, { unreadCount: 2 }), dm('carol', 6, { unreadCount: 3 })], {
      nativeGroups: true,
      conversationGroups: [{ name: 'Work', conversationIDs: [dmId('bob'), dmId('carol')] }],
    }, { pageSize: 1 });
    const store = storeOf(adapter, 1);
    await store.connect();
    expect(store.getState().hasMore).toBe(true);
    const work = store.getState().groups.find((g) => g.name === 'Work')!;
    expect(work.unreadCount).toBe(5);
    expect(work.isPartial).toBeFalsy();
  });
});

describe('openim adapter: the account-wide receive option and clear-all on the contract', () => {
  it("declares globalReceiveModes and reads the option back from getSelfUserInfo; none without a way to read it", async () => {
    const { adapter, sdk } = setup([]);
    expect(adapter.capabilities.globalReceiveModes).toEqual(['none', 'blocked', 'silent']);
    expect(await adapter.getGlobalReceiveOption()).toBe('none');
    await adapter.setGlobalReceiveOption('blocked');
    expect(sdk.globalRecvMsgOpt).toBe(1);
    expect(await adapter.getGlobalReceiveOption()).toBe('blocked');

    const stripped: Partial<FakeOpenIMSdk> = { ...createFakeOpenIMSdk() };
    delete stripped.getSelfUserInfo;
    const blind = createOpenIMAdapter({ sdk: stripped as FakeOpenIMSdk, groupRegistry: createMemoryGroupRegistry() });
    expect(blind.capabilities.globalReceiveModes).toEqual([]);
    expect((await rejectionOf(blind.getGlobalReceiveOption())).code).toBe('NOT_SUPPORTED');
  });

  it('the store loads the option on connect and sets it; clear-all empties the list and the backend total', async () => {
    const { adapter, sdk } = setup([dm('bob', 5, { unreadCount: 2 }), dm('carol', 6, { unreadCount: 1 })]);
    await sdk.setSelfInfo({ globalRecvMsgOpt: 2 });
    expect(adapter.capabilities.clearAll).toBe(true);
    const store = storeOf(adapter);
    await store.connect();
    expect(store.getState().globalReceiveOption).toBe('silent');
    await store.getState().actions.setGlobalReceiveOption('none');
    expect(sdk.globalRecvMsgOpt).toBe(0);
    await store.getState().actions.clearAllConversations();
    await new Promise((resolve) => setTimeout(resolve, 0));
    store.flush();
    expect(store.getState().lists.ids()).toEqual([]);
    expect(store.getState().backendUnreadTotal).toBe(0);
    expect(sdk.table().every((row) => row.latestMsgSendTime === 0)).toBe(true);
  });
});

describe('openim adapter: custom data in ex, beside the kit', () => {
  it('declares 1024 characters and shows ex without the kit key as customData', async () => {
    const { adapter } = setup([
      dm('bob', 5, { ex: 'plain note' }),
      dm('carol', 6, { ex: JSON.stringify({ crm: 7, inboxkit: { marks: ['fold'] } }) }),
      dm('dan', 7, { ex: JSON.stringify({ inboxkit: { groups: ['Work'] } }) }),
    ]);
    expect(adapter.capabilities.customDataMaxLength).toBe(1024);
    const map = await all(adapter);
    expect(map.get(dmId('bob'))!.customData).toBe('plain note');
    expect(map.get(dmId('carol'))!.customData).toBe('{"crm":7}');
    expect(map.get(dmId('dan'))).not.toHaveProperty('customData');
  });

  it('writes it one id at a time with per-id results, keeping the kit data, and refuses what cannot share ex', async () => {
    const { adapter, sdk } = setup([dm('bob', 5), dm('carol', 6, { ex: JSON.stringify({ inboxkit: { marks: ['fold'] } }) })]);
    const plain = await adapter.setCustomData([dmId('bob'), dmId('carol'), 'si_ghost_me'], 'vip');
    expect(plain.succeeded).toEqual([dmId('bob')]);
    expect(plain.failed.map((f) => [f.id, f.code])).toEqual([
      [dmId('carol'), 'INVALID_ARGUMENT'],
      ['si_ghost_me', 'CONVERSATION_NOT_FOUND'],
    ]);
    expect(sdk.row(dmId('bob'))!.ex).toBe('vip');
    expect(sdk.calls.filter((c) => c.method === 'setConversation').map((c) => c.args[0])).toEqual([{ conversationID: dmId('bob'), ex: 'vip' }]);

    const json = await adapter.setCustomData([dmId('carol')], '{"crm":8}');
    expect(json.succeeded).toEqual([dmId('carol')]);
    expect(exOf(sdk, dmId('carol'))).toEqual({ crm: 8, inboxkit: { marks: ['fold'] } });
    expect((await all(adapter)).get(dmId('carol'))).toMatchObject({ customData: '{"crm":8}', marks: ['fold'] });
    await adapter.setCustomData([dmId('carol')], '');
    expect(exOf(sdk, dmId('carol'))).toEqual({ inboxkit: { marks: ['fold'] } });
    expect((await rejectionOf(adapter.setCustomData([dmId('bob')], 'x'.repeat(1025)))).code).toBe('INVALID_ARGUMENT');
    expect((await adapter.setCustomData([dmId('carol')], '{"inboxkit":1}')).failed.map((f) => f.code)).toEqual(['INVALID_ARGUMENT']);
  });

  it('a mark on a conversation whose ex the app set as plain text fails alone: the app owns that text', async () => {
    const { adapter } = setup([dm('bob', 5)]);
    await adapter.setCustomData([dmId('bob')], 'note');
    expect((await adapter.setMark([dmId('bob')], 'star', true)).failed.map((f) => f.code)).toEqual(['INVALID_ARGUMENT']);
  });
});
