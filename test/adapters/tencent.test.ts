import type TencentCloudChat from '@tencentcloud/chat';
import type { ChatSDK } from '@tencentcloud/chat';
import { afterEach, describe, expect, expectTypeOf, it, vi } from 'vitest';
import { createTencentAdapter, type TencentAdapter, type TencentAdapterOptions } from '../../src/adapters/tencent/index.js';
import { resolveTencentConstants, TENCENT_EVENT_FALLBACK, TENCENT_TYPES_FALLBACK } from '../../src/adapters/tencent/constants.js';
import { toTencentError } from '../../src/adapters/tencent/errors.js';
import { mapConversation, type TencentMapContext } from '../../src/adapters/tencent/map.js';
import type { TencentChatLike } from '../../src/adapters/tencent/types.js';
import { TENCENT_UNREAD_RULE, type AdapterEvent, type ConversationAdapter } from '../../src/core/adapter.js';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import {
  createFakeTencentChat,
  FAKE_TENCENT_EVENT,
  FAKE_TENCENT_TYPES,
  FakeTencentChat,
  FakeTencentCloudChat,
  type FakeTencentChatOptions,
  type FakeTencentConversationSeed,
} from '../../src/testing/fakeTencentChat.js';
import { rejectionOf } from '../utils/rejection.js';

const T = FAKE_TENCENT_TYPES;
const E = FAKE_TENCENT_EVENT;
const SECOND = 1000;
const T0 = 1_741_953_600; // seconds

function direct(userID: string, over: Partial<FakeTencentConversationSeed> = {}): FakeTencentConversationSeed {
  return {
    conversationID: `C2C${userID}`,
    userProfile: { userID, nick: userID.toUpperCase() },
    lastMessage: { lastTime: T0, messageForShow: `hi from ${userID}`, fromAccount: userID },
    ...over,
  };
}

function group(groupID: string, over: Partial<FakeTencentConversationSeed> = {}): FakeTencentConversationSeed {
  return {
    conversationID: `GROUP${groupID}`,
    groupProfile: { groupID, name: `Group ${groupID}` },
    lastMessage: { lastTime: T0, messageForShow: `news in ${groupID}`, fromAccount: 'x' },
    ...over,
  };
}

const fakes: FakeTencentChat[] = [];
const stores: InboxStore[] = [];

function setup(chatOptions: FakeTencentChatOptions = {}, adapterOptions: Partial<TencentAdapterOptions> = {}) {
  const chat = createFakeTencentChat({ throttleMs: 0, ...chatOptions });
  fakes.push(chat);
  const adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat, ...adapterOptions });
  return { chat, adapter };
}

function record(adapter: ConversationAdapter): AdapterEvent[] {
  const events: AdapterEvent[] = [];
  adapter.subscribe((event) => events.push(event));
  return events;
}

function storeOf(adapter: ConversationAdapter): InboxStore {
  const store = createInboxStore({ adapter, draftStorage: null });
  stores.push(store);
  return store;
}

function callsTo(chat: FakeTencentChat, method: string) {
  return chat.calls.filter((call) => call.method === method);
}

async function loaded(adapter: ConversationAdapter): Promise<Map<string, Conversation>> {
  const page = await adapter.loadConversations({ cursor: null });
  return new Map(page.conversations.map((c) => [c.id, c]));
}

afterEach(() => {
  for (const store of stores.splice(0)) store.disconnect();
  for (const chat of fakes.splice(0)) chat.dispose();
  vi.useRealTimers();
});

// ---- types and runtime constants ------------------------------------------------------------------

describe('runtime constants', () => {
  it('accepts the real SDK instance and namespace types (checked by tsc)', () => {
    const realChat = null as unknown as ChatSDK;
    const realNamespace = null as unknown as typeof TencentCloudChat;
    expectTypeOf(createTencentAdapter).toBeCallableWith({ chat: realChat, TencentCloudChat: realNamespace });
    expectTypeOf(createTencentAdapter).toBeCallableWith({ chat: null as unknown as ReturnType<typeof TencentCloudChat.create> });
    expectTypeOf(createTencentAdapter).returns.toExtend<ConversationAdapter>();
    expectTypeOf(createTencentAdapter).returns.toExtend<TencentAdapter>();
    expectTypeOf<FakeTencentChat>().toExtend<TencentChatLike>();
    expectTypeOf<ChatSDK>().toExtend<TencentChatLike>();
  });

  it('the fallback tables and the fake hold the real 3.6.6 runtime values (marks 1/2/4/8, not the typings 3/4)', async () => {
    // Loading the module creates no instance and opens no connection.
    const real = (await import('@tencentcloud/chat')).default as unknown as { TYPES: Record<string, unknown>; EVENT: Record<string, unknown> };
    expect(real.TYPES.CONV_MARK_TYPE_FOLD).toBe(4);
    expect(real.TYPES.CONV_MARK_TYPE_HIDE).toBe(8);
    for (const [key, value] of Object.entries(TENCENT_TYPES_FALLBACK)) expect(real.TYPES[key], key).toBe(value);
    for (const [key, value] of Object.entries(TENCENT_EVENT_FALLBACK)) expect(real.EVENT[key], key).toBe(value);
    for (const [key, value] of Object.entries(FAKE_TENCENT_TYPES)) expect(real.TYPES[key], key).toBe(value);
    for (const [key, value] of Object.entries(FAKE_TENCENT_EVENT)) expect(real.EVENT[key], key).toBe(value);
    expect(real.EVENT).not.toHaveProperty('TOTAL_MESSAGE_COUNT_UPDATED');
  });

  it('takes constants from the option, else the instance class, else the fallback; bad mark values never win', () => {
    const custom = { TYPES: { CONV_C2C: 'c2c:' }, EVENT: { CONVERSATION_LIST_UPDATED: 'listChanged' } };
    const fromOption = resolveTencentConstants(createFakeTencentChat(), custom);
    expect(fromOption.TYPES.CONV_C2C).toBe('c2c:');
    expect(fromOption.EVENT.CONVERSATION_LIST_UPDATED).toBe('listChanged');
    expect(fromOption.TYPES.CONV_GROUP).toBe('GROUP');

    class SdkWithStatics {
      static readonly TYPES = { CONV_SYSTEM: '@SYS' };
      static readonly EVENT = { SDK_READY: 'readyFromClass' };
    }
    const fromClass = resolveTencentConstants(new SdkWithStatics());
    expect(fromClass.EVENT.SDK_READY).toBe('readyFromClass');
    expect(fromClass.TYPES.CONV_SYSTEM).toBe('@SYS');
    expect(fromClass.EVENT.CONVERSATION_LIST_UPDATED).toBe('onConversationListUpdated');
    // The fake exposes the SDK's constants on its class, so an adapter over it needs no option.
    expect(createTencentAdapter({ chat: createFakeTencentChat() }).constants.EVENT).toEqual(FAKE_TENCENT_EVENT);

    // The real instance is a null-prototype object: no class to read from.
    const bare = Object.create(null) as object;
    expect(resolveTencentConstants(bare)).toEqual({ TYPES: TENCENT_TYPES_FALLBACK, EVENT: TENCENT_EVENT_FALLBACK });

    // Values copied from the typings (FOLD=3 is STAR|UNREAD) are not flags: the runtime bits are used instead.
    const typingsValues = { TYPES: { CONV_MARK_TYPE_STAR: 1, CONV_MARK_TYPE_UNREAD: 2, CONV_MARK_TYPE_FOLD: 3, CONV_MARK_TYPE_HIDE: 4 } };
    const guarded = resolveTencentConstants(bare, typingsValues).TYPES;
    expect([guarded.CONV_MARK_TYPE_STAR, guarded.CONV_MARK_TYPE_UNREAD, guarded.CONV_MARK_TYPE_FOLD, guarded.CONV_MARK_TYPE_HIDE]).toEqual([1, 2, 4, 8]);
  });

  it('reads markList and writes marks with the runtime bits', async () => {
    const { chat, adapter } = setup({
      conversations: [direct('a', { markList: [T.CONV_MARK_TYPE_FOLD] }), direct('b', { markList: [8, 1] }), direct('c', { markList: [2 ** 40] })],
    });
    const map = await loaded(adapter);
    expect(map.get('C2Ca')!.marks).toEqual(['fold']); // with the typings' values, 4 would read as "hide"
    expect(map.get('C2Cb')!.marks).toEqual(['star', 'hide']); // fixed order, whatever the SDK's order
    expect(map.get('C2Cc')!.marks).toBeUndefined(); // custom marks are not neutral marks
    await adapter.setMark(['C2Ca'], 'hide', true);
    await adapter.setMark(['C2Ca'], 'fold', false);
    expect(callsTo(chat, 'markConversation').map((c) => (c.args[0] as { markType: number; enableMark: boolean }))).toEqual([
      { conversationIDList: ['C2Ca'], markType: 8, enableMark: true },
      { conversationIDList: ['C2Ca'], markType: 4, enableMark: false },
    ]);
    expect((await loaded(adapter)).get('C2Ca')!.marks).toEqual(['hide']);
  });
});

// ---- mapping ------------------------------------------------------------------------------------------

describe('mapping', () => {
  const ctx: TencentMapContext = { types: TENCENT_TYPES_FALLBACK, draftTime: () => 42, systemTitle: 'System', includeRaw: true };

  it.each([
    ['', 'none'],
    ['AcceptAndNotify', 'none'],
    ['AcceptNotNotify', 'silent'],
    ['AcceptNotNotifyExceptAt', 'silentExceptMention'],
    ['Discard', 'blocked'],
    ['NotReceiveMsgExceptAt', 'silentExceptMention'],
    ['SomethingNew', 'silent'],
  ])('messageRemindType %j is mute mode %s', (messageRemindType, muteMode) => {
    expect(mapConversation({ conversationID: 'C2Ca', type: 'C2C', messageRemindType }, ctx)!.muteMode).toBe(muteMode);
  });

  it.each([
    [[[1]], ['me']],
    [[[2]], ['all']],
    [[[3]], ['allAndMe']],
    [[[1, 2]], ['allAndMe']],
    [[[2], [1], [99]], ['all', 'me']],
  ])('groupAtInfoList atTypeArrays %j are mentions %j', (atTypes, kinds) => {
    const groupAtInfoList = atTypes.map((atTypeArray, i) => ({ from: 'x', groupID: 'g', topicID: '', messageSequence: i, atTypeArray }));
    const mapped = mapConversation({ conversationID: 'GROUPg', type: 'GROUP', groupAtInfoList }, ctx)!;
    expect(mapped.mentions).toEqual(kinds.map((kind) => ({ kind })));
  });

  it.each([
    [{ remark: 'Boss', userProfile: { userID: 'u1', nick: 'Neo' } }, 'Boss'],
    [{ remark: '', userProfile: { userID: 'u1', nick: 'Neo' } }, 'Neo'],
    [{ remark: '', userProfile: { userID: 'u1', nick: '' } }, 'u1'],
    [{}, 'u1'],
  ])('direct title %j is %s (remark > nick > userID)', (fields, title) => {
    expect(mapConversation({ conversationID: 'C2Cu1', type: 'C2C', ...fields }, ctx)!.title).toBe(title);
  });

  it.each([
    [{ groupProfile: { groupID: '@TGS#1', name: '研发部' } }, '研发部'],
    [{ groupProfile: { groupID: '@TGS#1', name: '' } }, '@TGS#1'],
    [{}, '@TGS#1'],
  ])('group title %j is %s (name > groupID)', (fields, title) => {
    expect(mapConversation({ conversationID: 'GROUP@TGS#1', type: 'GROUP', ...fields }, ctx)!.title).toBe(title);
  });

  it('maps kinds, ids, seconds to ms, the preview and revocation, and hides topics', () => {
    const c2c = mapConversation(
      {
        conversationID: 'C2Calice',
        type: 'C2C',
        unreadCount: 3,
        isPinned: true,
        userProfile: { userID: 'alice', nick: 'Alice', avatar: 'https://a/b.png' },
        lastMessage: { lastTime: 1_700_000_123, messageForShow: '[Image]', fromAccount: 'alice', nick: 'Ali', nameCard: '', isRevoked: true },
        conversationGroupList: ['Work', '家人'],
        customData: 'vip',
      },
      ctx,
    )!;
    expect(c2c).toMatchObject({
      id: 'C2Calice',
      kind: 'direct',
      peerUserId: 'alice',
      title: 'Alice',
      avatarUrl: 'https://a/b.png',
      unreadCount: 3,
      isPinned: true,
      lastActivityAt: 1_700_000_123_000,
      // A recalled message keeps no text: the SDK's label is not shown, the row says "recalled" in its language.
      lastMessage: { preview: '', kind: 'revoked', sentAt: 1_700_000_123_000, senderId: 'alice', senderName: 'Ali', isRevoked: true },
      groupNames: ['Work', '家人'],
      customData: 'vip',
    });
    const grp = mapConversation({ conversationID: 'GROUPdev', type: 'GROUP', groupProfile: { groupID: 'dev', name: 'Dev', type: 'Public' } }, ctx)!;
    expect(grp).toMatchObject({ kind: 'group', groupId: 'dev', groupType: 'Public', lastActivityAt: 0 });
    expect(grp.lastMessage).toBeUndefined();
    const system = mapConversation({ conversationID: '@TIM#SYSTEM', type: '@TIM#SYSTEM', unreadCount: 2 }, ctx)!;
    expect(system).toMatchObject({ kind: 'system', title: 'System', unreadCount: 2 });
    expect(mapConversation({ conversationID: 'GROUP@TGS#_x@TOPIC#_y', type: 'TOPIC' }, ctx)).toBeUndefined();
    expect(mapConversation({ type: 'C2C' }, ctx)).toBeUndefined();
  });

  it('forces unread to 0 for audio-video groups', () => {
    const mapped = mapConversation(
      { conversationID: 'GROUPlive', type: 'GROUP', unreadCount: 9, groupProfile: { groupID: 'live', type: 'AVChatRoom' } },
      ctx,
    )!;
    expect(mapped.unreadCount).toBe(0);
  });

  it('is deterministic and shares nothing with the live SDK object', () => {
    const sdk = {
      conversationID: 'C2Ca',
      type: 'C2C',
      conversationGroupList: ['Work'],
      groupAtInfoList: [] as unknown[],
      markList: [1],
      draftText: 'draft',
    };
    const first = mapConversation(sdk, ctx)!;
    expect(mapConversation(sdk, ctx)).toEqual(first);
    expect(first.draft).toEqual({ text: 'draft', updatedAt: 42 });
    expect(first.raw).toBe(sdk);
    // The SDK mutates its objects in place (e.g. `groupAtInfoList.length = 0`); emitted conversations must not change.
    sdk.conversationGroupList.push('Friends');
    sdk.markList.push(2);
    expect(first.groupNames).toEqual(['Work']);
    expect(first.marks).toEqual(['star']);
    expect(mapConversation(sdk, { ...ctx, includeRaw: false })).not.toHaveProperty('raw');
  });
});

// ---- snapshots -----------------------------------------------------------------------------------------

describe('snapshots', () => {
  it('turns throttled full-list events into minimal store changes, keeping unchanged objects', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    vi.setSystemTime(T0 * SECOND);
    const { chat, adapter } = setup({
      throttleMs: 1000,
      conversations: [direct('a', { unreadCount: 1 }), direct('b'), direct('c', { unreadCount: 4 }), group('d')],
    });
    const events = record(adapter);
    const store = storeOf(adapter);
    await store.connect();
    const a = store.getState().conversations.get('C2Ca');
    const replaced = () => events.filter((e) => e.type === 'replaced').length;

    chat.simulateMessage('C2Cb', 'first', T0 + 10); // leading emit: at once
    store.flush();
    expect(replaced()).toBe(1);
    expect(store.getState().conversations.get('C2Cb')!.lastMessage?.preview).toBe('first');
    expect(store.getState().conversations.get('C2Ca'), 'unchanged conversation keeps its identity').toBe(a);

    vi.advanceTimersByTime(100);
    chat.simulateRemoval(['C2Cc']);
    vi.advanceTimersByTime(100);
    chat.simulateMessage('GROUPd', 'second', T0 + 20);
    store.flush();
    expect(replaced(), 'within 1 s of the last emit nothing is sent yet').toBe(1);
    expect(store.getState().conversations.has('C2Cc')).toBe(true);

    vi.advanceTimersByTime(999);
    expect(replaced()).toBe(1);
    vi.advanceTimersByTime(1);
    store.flush();
    expect(replaced(), 'one trailing snapshot carries both changes').toBe(2);
    const state = store.getState();
    expect(state.conversations.has('C2Cc'), 'missing from the snapshot: removed').toBe(false);
    expect(state.lists.ids()).not.toContain('C2Cc');
    expect(state.conversations.get('GROUPd')!.lastMessage?.preview).toBe('second');
    expect(state.conversations.get('C2Ca')).toBe(a);
    expect(state.unreadTotal).toBe(1 + 1 + 1); // a, b (+1), d (+1); c (4) is gone
    expect(state.lists.ids().slice(0, 2)).toEqual(['GROUPd', 'C2Cb']);
  });

  it('an identical snapshot changes nothing in the store', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a'), group('g', { groupAtInfoList: [{ from: 'x', groupID: 'g', topicID: '', messageSequence: 1, atTypeArray: [1] }] })] });
    const store = storeOf(adapter);
    await store.connect();
    const before = store.getState();
    const { data } = await chat.getConversationList();
    chat.emit(E.CONVERSATION_LIST_UPDATED, { name: E.CONVERSATION_LIST_UPDATED, data: data.conversationList, isSyncCompleted: true });
    store.flush();
    expect(store.getState()).toBe(before);
  });

  it('the fake throttles like the SDK: leading emit, trailing emit with fresh data, total only on change', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    const chat = createFakeTencentChat({ throttleMs: 1000, conversations: [direct('a'), direct('b', { messageRemindType: T.MSG_REMIND_ACPT_NOT_NOTE })] });
    fakes.push(chat);
    const lists: unknown[] = [];
    const totals: unknown[] = [];
    chat.on(E.CONVERSATION_LIST_UPDATED, (event) => lists.push(event));
    chat.on(E.TOTAL_UNREAD_MESSAGE_COUNT_UPDATED, (event) => totals.push((event as { data: number }).data));
    chat.simulateMessage('C2Ca', 'one', T0);
    chat.simulateMessage('C2Cb', 'muted', T0 + 1);
    chat.simulateMessage('C2Ca', 'two', T0 + 2);
    expect(lists).toHaveLength(1);
    expect(totals).toEqual([1]);
    vi.advanceTimersByTime(1000);
    expect(lists).toHaveLength(2);
    expect(totals).toEqual([1, 2]);
    const last = lists[1] as { name: string; data: { conversationID: string; unreadCount: number }[]; isSyncCompleted: boolean };
    expect(last.name).toBe(E.CONVERSATION_LIST_UPDATED);
    expect(last.isSyncCompleted).toBe(true);
    expect(last.data.map((c) => [c.conversationID, c.unreadCount])).toEqual([
      ['C2Ca', 2],
      ['C2Cb', 1],
    ]);
    chat.simulateMessage('C2Cb', 'muted again', T0 + 3); // total unchanged: no total event
    vi.advanceTimersByTime(5000);
    expect(totals).toEqual([1, 2]);
  });
});

// ---- sync state and readiness ----------------------------------------------------------------------------

describe('sync state', () => {
  it('connect waits for SDK_READY instead of failing, then loads', async () => {
    const { chat, adapter } = setup({ ready: false, conversations: [direct('a', { unreadCount: 2 })] });
    const direct1 = await rejectionOf(adapter.loadConversations({}));
    expect(direct1).toMatchObject({ code: 'NOT_READY', sdkCode: 2999 });
    const store = storeOf(adapter);
    let connected = false;
    const connecting = store.connect().then(() => (connected = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(connected).toBe(false);
    expect(store.getState().status).toBe('loading');
    chat.simulateReady();
    await connecting;
    store.flush();
    expect(store.getState().status).toBe('ready');
    expect(store.getState().conversations.get('C2Ca')!.unreadCount).toBe(2);
    expect(store.getState().backendUnreadTotal).toBe(2);
  });

  it('follows isSyncCompleted, SDK_NOT_READY and SDK_READY', async () => {
    const { chat, adapter } = setup({ isSyncCompleted: false, conversations: [direct('a')] });
    const events = record(adapter);
    const store = storeOf(adapter);
    await store.connect();
    expect(store.getState().status).toBe('syncing');
    chat.setSyncCompleted(true);
    store.flush();
    expect(store.getState().status).toBe('ready');
    chat.setSyncCompleted(true); // no change, no event
    chat.simulateNotReady(3005);
    store.flush();
    expect(store.getState().status).toBe('error');
    expect(store.getState().error).toMatchObject({ code: 'NOT_READY' });
    chat.simulateReady();
    await vi.waitFor(() => {
      store.flush();
      expect(store.getState().status).toBe('ready');
    });
    const sync = events.filter((e) => e.type === 'syncStateChanged').map((e) => (e.type === 'syncStateChanged' ? e.status : ''));
    expect(sync).toEqual(['syncing', 'ready', 'failed', 'ready']);
  });

  it('disconnect while waiting for SDK_READY leaves no SDK listener behind', async () => {
    const { chat, adapter } = setup({ ready: false });
    const store = storeOf(adapter);
    const connecting = store.connect();
    expect(chat.listenerCount(E.SDK_READY)).toBe(2); // the bridge and the wait
    store.disconnect();
    await connecting;
    expect(chat.listenerCount()).toBe(0);
  });
});

// ---- totals -----------------------------------------------------------------------------------------------

describe('total unread', () => {
  it('getTotalUnread answers with the SDK rule (muted and system excluded)', async () => {
    const { adapter } = setup({
      conversations: [
        direct('a', { unreadCount: 3 }),
        direct('b', { unreadCount: 5, messageRemindType: T.MSG_REMIND_ACPT_NOT_NOTE }),
        group('g', { unreadCount: 7, messageRemindType: T.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT }),
        group('h', { unreadCount: 2, messageRemindType: '' }),
        { conversationID: '@TIM#SYSTEM', unreadCount: 4 },
      ],
    });
    expect(await adapter.getTotalUnread()).toBe(5);
    expect(adapter.capabilities.unreadRule).toBe(TENCENT_UNREAD_RULE);
  });

  it('before SDK_READY the SDK returns a rejected Promise: NOT_READY', async () => {
    const { adapter } = setup({ ready: false });
    const result = adapter.getTotalUnread();
    expect(result).toBeInstanceOf(Promise);
    expect(await rejectionOf(result)).toMatchObject({ code: 'NOT_READY', sdkCode: 2999 });
  });

  it('TOTAL_UNREAD_MESSAGE_COUNT_UPDATED reaches the store as the backend total', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a', { unreadCount: 1 })] });
    const store = storeOf(adapter);
    await store.connect();
    expect(store.getState().backendUnreadTotal).toBe(1);
    chat.simulateMessage('C2Ca', 'again', T0 + 5);
    store.flush();
    expect(store.getState().backendUnreadTotal).toBe(2);
  });
});

// ---- errors -------------------------------------------------------------------------------------------------

describe('errors', () => {
  it.each([
    [2024, 'NOT_READY'],
    [2999, 'NOT_READY'],
    [3005, 'NOT_READY'],
    [2500, 'CONVERSATION_NOT_FOUND'],
    [2503, 'NOT_SUPPORTED'],
    [3122, 'NOT_SUPPORTED'],
    [51013, 'NOT_SUPPORTED'],
    [51008, 'GROUPED_CONVERSATION_LIMIT_EXCEEDED'],
    [51009, 'GROUP_NOT_FOUND'],
    [51010, 'GROUP_LIMIT_EXCEEDED'],
    [51011, 'GROUP_NAME_INVALID'],
    [51012, 'PIN_LIMIT_EXCEEDED'],
    [70001, 'ADAPTER_FAILED'],
  ])('SDK code %i is %s, keeping sdkCode and cause', (code, expected) => {
    const sdkError = { code, message: 'from the SDK' };
    const error = toTencentError(sdkError, 'op');
    expect(error).toMatchObject({ code: expected, sdkCode: code });
    expect(error.cause).toBe(sdkError);
  });

  it('a synchronous "Params validate failed." throw becomes INVALID_ARGUMENT', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')] });
    expect(() => chat.setConversationDraft({ conversationID: 'bad-id', draftText: 'x' })).toThrow('Params validate failed.');
    const error = await rejectionOf(adapter.setDraft('bad-id', 'x'));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect((error.cause as Error).message).toBe('Params validate failed.');
    expect((await rejectionOf(adapter.deleteConversations(['nope']))).code).toBe('INVALID_ARGUMENT');
  });

  it('commands before SDK_READY reject with NOT_READY and the SDK code', async () => {
    const { adapter } = setup({ ready: false, notReadyCode: 2024, conversations: [direct('a')] });
    for (const call of [() => adapter.pin('C2Ca', true), () => adapter.markAllRead(), () => adapter.deleteConversations(['C2Ca'])]) {
      const error = await rejectionOf(call());
      expect(error).toMatchObject({ code: 'NOT_READY', sdkCode: 2024 });
      expect(error.cause).toMatchObject({ code: 2024 });
    }
  });

  it('maps server limits: the 51st pin, a missing group, 1000 grouped conversations', async () => {
    const pinned = Array.from({ length: 50 }, (_, i) => direct(`p${i}`, { isPinned: true }));
    const { adapter } = setup({ conversations: [...pinned, direct('extra')], groups: ['Work'] });
    expect(await rejectionOf(adapter.pin('C2Cextra', true))).toMatchObject({ code: 'PIN_LIMIT_EXCEEDED', sdkCode: 51012 });
    expect(await rejectionOf(adapter.addToGroup('Nope', ['C2Cextra']))).toMatchObject({ code: 'GROUP_NOT_FOUND', sdkCode: 51009 });
    expect(await rejectionOf(adapter.deleteGroup('Nope'))).toMatchObject({ code: 'GROUP_NOT_FOUND', sdkCode: 51009 });

    const grouped = Array.from({ length: 1000 }, (_, i) => direct(`g${i}`, { conversationGroupList: ['Work'] }));
    const big = setup({ conversations: [...grouped, direct('one-more')] });
    expect(await rejectionOf(big.adapter.addToGroup('Work', ['C2Cone-more']))).toMatchObject({
      code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
      sdkCode: 51008,
    });
  });

  it('without the Pro package marks and groups are NOT_SUPPORTED (3122 client, 51013 server)', async () => {
    const client = setup({ unsupportedFeatureCode: 3122, conversations: [direct('a')] });
    expect(await rejectionOf(client.adapter.setMark(['C2Ca'], 'star', true))).toMatchObject({ code: 'NOT_SUPPORTED', sdkCode: 3122 });
    const server = setup({ unsupportedFeatureCode: 51013, conversations: [direct('a')] });
    expect(await rejectionOf(server.adapter.createGroup('Work', ['C2Ca']))).toMatchObject({ code: 'NOT_SUPPORTED', sdkCode: 51013 });
    const off = setup({ conversations: [direct('a')] }, { groups: false });
    expect(off.adapter.capabilities.groups).toBe('none');
    expect((await rejectionOf(off.adapter.createGroup('Work', ['C2Ca']))).code).toBe('NOT_SUPPORTED');
    expect(await off.adapter.loadGroups()).toEqual([]);
    expect(off.chat.calls.map((c) => c.method)).not.toContain('createConversationGroup');
  });
});

// ---- groups -------------------------------------------------------------------------------------------------

describe('conversation groups', () => {
  it('validates names in UTF-8 bytes before calling the SDK: 11 CJK characters are 33 bytes', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')], groups: ['Work'] });
    const cjk = '研'.repeat(11);
    expect(cjk.length).toBe(11); // the SDK's own check (string length ≤ 32) would let it through
    const before = chat.calls.length;
    expect(await rejectionOf(adapter.createGroup(cjk, ['C2Ca']))).toMatchObject({ code: 'GROUP_NAME_INVALID' });
    expect(await rejectionOf(adapter.renameGroup('Work', cjk))).toMatchObject({ code: 'GROUP_NAME_INVALID' });
    expect(chat.calls.length, 'no SDK call at all').toBe(before);
    // What would have happened: the client accepts it and the server refuses it.
    expect(await rejectionOf(chat.createConversationGroup({ groupName: cjk, conversationIDList: ['C2Ca'] }).catch((e: unknown) => {
      throw toTencentError(e, 'createConversationGroup');
    }))).toMatchObject({ code: 'GROUP_NAME_INVALID', sdkCode: 51011 });
    // 8 four-byte emoji are exactly 32 bytes: accepted.
    await adapter.createGroup('😀'.repeat(8), ['C2Ca']);
    expect(chat.groupNames()).toContain('😀'.repeat(8));
  });

  it('normalizes per-id results: unknown ids fail with 2500, the system conversation with 2503', async () => {
    const { adapter } = setup({ conversations: [direct('a'), direct('b'), { conversationID: '@TIM#SYSTEM' }], groups: ['Work'] });
    const result = await adapter.addToGroup('Work', ['C2Ca', 'C2Cmissing', '@TIM#SYSTEM', 'C2Cb']);
    expect(result.succeeded).toEqual(['C2Ca', 'C2Cb']);
    expect(result.failed).toEqual([
      expect.objectContaining({ id: 'C2Cmissing', code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 }),
      expect.objectContaining({ id: '@TIM#SYSTEM', code: 'NOT_SUPPORTED', sdkCode: 2503 }),
    ]);
    // Already a member: the SDK lists it nowhere; it is done, not failed.
    expect(await adapter.addToGroup('Work', ['C2Ca'])).toEqual({ succeeded: ['C2Ca'], failed: [] });
    const removed = await adapter.removeFromGroup('Work', ['C2Cb', 'C2Cmissing']);
    expect(removed.succeeded).toEqual(['C2Cb']);
    expect(removed.failed.map((f) => f.id)).toEqual(['C2Cmissing']);
  });

  it('creating a group with only unknown ids rejects: the Web SDK would resolve without creating it', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')] });
    expect(await rejectionOf(adapter.createGroup('Ghost', ['C2Cnobody']))).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 });
    expect(chat.groupNames()).not.toContain('Ghost');
    expect(await rejectionOf(adapter.createGroup('Empty', []))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(callsTo(chat, 'createConversationGroup')).toHaveLength(1);
  });

  it('a duplicate name is GROUP_EXISTS before the create call', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')], groups: ['Work', 'Home'] });
    expect((await rejectionOf(adapter.createGroup('Work', ['C2Ca']))).code).toBe('GROUP_EXISTS');
    expect((await rejectionOf(adapter.renameGroup('Work', 'Home'))).code).toBe('GROUP_EXISTS');
    expect(callsTo(chat, 'createConversationGroup')).toHaveLength(0);
    expect(callsTo(chat, 'renameConversationGroup')).toHaveLength(0);
  });

  it('group events: list changes become groupsChanged, in-group updates the whole membership', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a', { conversationGroupList: ['Work'] }), direct('b'), direct('c')], groups: ['Work'] });
    const events = record(adapter);
    await adapter.createGroup('Friends', ['C2Cb']);
    expect(events).toContainEqual({ type: 'groupsChanged', names: ['Work', 'Friends'] });
    await adapter.addToGroup('Work', ['C2Cc']);
    expect(events).toContainEqual({ type: 'groupMembershipChanged', name: 'Work', conversationIds: ['C2Ca', 'C2Cc'] });
    await expect(adapter.renameGroup('Friends', 'Pals')).resolves.toBeUndefined();
    await expect(adapter.deleteGroup('Pals')).resolves.toBeUndefined();
    expect(events.filter((e) => e.type === 'groupsChanged').at(-1)).toEqual({ type: 'groupsChanged', names: ['Work'] });
    // a change made on another device arrives the same way
    chat.emit(E.CONVERSATION_GROUP_LIST_UPDATED, { name: E.CONVERSATION_GROUP_LIST_UPDATED, data: ['Work', 'Remote'] });
    expect(events.at(-1)).toEqual({ type: 'groupsChanged', names: ['Work', 'Remote'] });
  });

  it('a connected store follows remote membership (whole lists, diffed by the store)', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a', { conversationGroupList: ['Work'] }), direct('b'), direct('c')], groups: ['Work'] });
    const store = storeOf(adapter);
    await store.connect();
    expect(store.getState().lists.ids('Work')).toEqual(['C2Ca']);
    const { data } = await chat.getConversationList(['C2Cb', 'C2Cc']);
    chat.emit(E.CONVERSATION_IN_GROUP_UPDATED, { name: E.CONVERSATION_IN_GROUP_UPDATED, data: { groupName: 'Work', conversationList: data.conversationList } });
    store.flush();
    expect(store.getState().lists.ids('Work')).toEqual(['C2Cb', 'C2Cc']);
    expect(store.getState().conversations.get('C2Ca')!.groupNames).toEqual([]);
  });
});

// ---- batches ------------------------------------------------------------------------------------------------

describe('batch limits', () => {
  const many = (n: number, prefix = 'u') => Array.from({ length: n }, (_, i) => direct(`${prefix}${i}`));

  it('the fake silently drops ids past the SDK limits (what chunking protects against)', async () => {
    const { chat } = setup({ conversations: many(150) });
    const ids = many(150).map((s) => s.conversationID);
    const { data } = await chat.deleteConversation({ conversationIDList: ids });
    expect((data as { conversationIDList: string[] }).conversationIDList).toHaveLength(100);
    const mute = await chat.setMessageRemindType({ userIDList: ids.map((id) => id.slice(3)), messageRemindType: T.MSG_REMIND_DISCARD });
    expect((mute.data as { successUserIDList: unknown[] }).successUserIDList).toHaveLength(30);
  });

  it('deletes 250 conversations in 3 calls of at most 100 and merges the results', async () => {
    const { chat, adapter } = setup({ conversations: many(250) });
    const events = record(adapter);
    const ids = many(250).map((s) => s.conversationID);
    const result = await adapter.deleteConversations(ids, { clearHistory: false });
    const calls = callsTo(chat, 'deleteConversation').map((c) => c.args[0] as { conversationIDList: string[]; clearHistoryMessage: boolean });
    expect(calls.map((c) => c.conversationIDList.length)).toEqual([100, 100, 50]);
    expect(calls.every((c) => c.clearHistoryMessage === false)).toBe(true);
    expect(result.succeeded).toEqual(ids);
    expect(result.failed).toEqual([]);
    expect((await adapter.loadConversations({})).conversations).toEqual([]);
    expect(events).toContainEqual({ type: 'removed', ids });
  });

  it('a chunk where nothing was deleted (2500) is per-id failures, not a rejection', async () => {
    const { adapter } = setup({ conversations: many(100) });
    const present = many(100).map((s) => s.conversationID);
    const absent = many(30, 'ghost').map((s) => s.conversationID);
    const result = await adapter.deleteConversations([...present, ...absent]);
    expect(result.succeeded).toEqual(present);
    expect(result.failed.map((f) => f.id)).toEqual(absent);
    expect(result.failed[0]).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 });
    const none = await adapter.deleteConversations(['C2Cghost0']);
    expect(none).toMatchObject({ succeeded: [], failed: [{ id: 'C2Cghost0', code: 'CONVERSATION_NOT_FOUND' }] });
  });

  it('mutes 65 direct chats in 3 calls of at most 30 user ids, with per-id results', async () => {
    const { chat, adapter } = setup({ conversations: many(65), failingUserIds: ['u40'] });
    const ids = many(65).map((s) => s.conversationID);
    const result = await adapter.setMuteModes(ids, 'silent');
    const calls = callsTo(chat, 'setMessageRemindType').map((c) => c.args[0] as { userIDList: string[]; messageRemindType: string });
    expect(calls.map((c) => c.userIDList.length)).toEqual([30, 30, 5]);
    expect(calls.every((c) => c.messageRemindType === T.MSG_REMIND_ACPT_NOT_NOTE)).toBe(true);
    expect(calls[1]!.userIDList[10]).toBe('u40');
    expect(result.succeeded).toEqual(ids.filter((id) => id !== 'C2Cu40'));
    expect(result.failed).toEqual([expect.objectContaining({ id: 'C2Cu40', sdkCode: 70107 })]);
    const map = await loaded(adapter);
    expect(map.get('C2Cu64')!.muteMode).toBe('silent');
    expect(map.get('C2Cu40')!.muteMode).toBe('none');
  });

  it('marks 250 conversations in 3 calls of at most 100 (the server refuses more with 51006)', async () => {
    const { chat, adapter } = setup({ conversations: many(250) });
    const ids = many(250).map((s) => s.conversationID);
    const result = await adapter.setMark(ids, 'star', true);
    expect(callsTo(chat, 'markConversation').map((c) => (c.args[0] as { conversationIDList: string[] }).conversationIDList.length)).toEqual([100, 100, 50]);
    expect(result.succeeded).toHaveLength(250);
    await expect(chat.markConversation({ conversationIDList: ids.slice(0, 101), markType: 1, enableMark: true })).rejects.toMatchObject({ code: 51006 });
  });
});

// ---- commands ------------------------------------------------------------------------------------------------

describe('commands', () => {
  it('declares the Tencent capabilities', () => {
    const { adapter } = setup();
    expect(adapter.capabilities).toMatchObject({
      groups: 'native',
      paging: false,
      orderBy: 'lastActivity',
      serverDelete: true,
      draftsPersisted: false,
      marks: ['star', 'unread', 'fold', 'hide'],
      maxPinned: 50,
      maxGroups: 20,
      groupNameMaxBytes: 32,
      maxGroupedConversations: 1000,
    });
  });

  it('returns everything in one page', async () => {
    const { adapter } = setup({ conversations: [direct('a'), direct('b'), group('c')] });
    const page = await adapter.loadConversations({ cursor: null, count: 1 });
    expect(page.conversations).toHaveLength(3);
    expect(page).toMatchObject({ cursor: null, isFinished: true });
  });

  it('mute: C2C by userIDList, groups by groupID; silentExceptMention only for groups; system not at all', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a'), group('g'), { conversationID: '@TIM#SYSTEM' }] });
    await adapter.setMuteMode('C2Ca', 'blocked');
    await adapter.setMuteMode('GROUPg', 'silentExceptMention');
    expect(callsTo(chat, 'setMessageRemindType').map((c) => c.args[0])).toEqual([
      { userIDList: ['a'], messageRemindType: 'Discard' },
      { groupID: 'g', messageRemindType: 'AcceptNotNotifyExceptAt' },
    ]);
    expect((await rejectionOf(adapter.setMuteMode('C2Ca', 'silentExceptMention'))).code).toBe('NOT_SUPPORTED');
    expect((await rejectionOf(adapter.setMuteMode('@TIM#SYSTEM', 'silent'))).code).toBe('NOT_SUPPORTED');
    expect(callsTo(chat, 'setMessageRemindType')).toHaveLength(2);
    const map = await loaded(adapter);
    expect(map.get('C2Ca')!.muteMode).toBe('blocked');
    expect(map.get('GROUPg')!.muteMode).toBe('silentExceptMention');
  });

  it('pin, markRead and mute reject an uncached conversation instead of creating it or doing nothing', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')] });
    for (const call of [() => adapter.pin('C2Cx', true), () => adapter.markRead('C2Cx'), () => adapter.setMuteMode('C2Cx', 'silent')]) {
      expect(await rejectionOf(call())).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 });
    }
    expect(chat.peek('C2Cx')).toBeUndefined();
    expect(callsTo(chat, 'pinConversation')).toHaveLength(0);
  });

  it('pin, markRead and markAllRead call the SDK, and mentions clear on read', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a', { unreadCount: 2 }), group('g')] });
    chat.simulateMessage('GROUPg', '@you look', T0 + 1, { mentions: ['me', 'all'] });
    expect((await loaded(adapter)).get('GROUPg')!.mentions).toEqual([{ kind: 'allAndMe' }]);
    await adapter.pin('GROUPg', true);
    await adapter.markRead('GROUPg');
    await adapter.markAllRead();
    expect(callsTo(chat, 'pinConversation')[0]!.args).toEqual([{ conversationID: 'GROUPg', isPinned: true }]);
    expect(callsTo(chat, 'setMessageRead')[0]!.args).toEqual([{ conversationID: 'GROUPg' }]);
    expect(callsTo(chat, 'setAllMessageRead')[0]!.args).toEqual([{ scope: 'readAllMessage' }]);
    const map = await loaded(adapter);
    expect(map.get('GROUPg')).toMatchObject({ isPinned: true, unreadCount: 0, mentions: [] });
    expect(map.get('C2Ca')!.unreadCount).toBe(0);
  });

  it('openConversation gets or creates C2C${id} / GROUP${id} through getConversationProfile', async () => {
    const { chat, adapter } = setup({
      conversations: [direct('a', { isPinned: true }), direct('b')],
      userProfiles: { zoe: { nick: 'Zoë' } },
      groupProfiles: { team: { name: 'Team' } },
    });
    const zoe = await adapter.openConversation({ kind: 'direct', targetId: 'zoe' });
    expect(zoe).toMatchObject({ id: 'C2Czoe', kind: 'direct', peerUserId: 'zoe', title: 'Zoë', unreadCount: 0 });
    const team = await adapter.openConversation({ kind: 'group', targetId: 'team' });
    expect(team).toMatchObject({ id: 'GROUPteam', kind: 'group', title: 'Team' });
    expect(callsTo(chat, 'getConversationProfile').map((c) => c.args[0])).toEqual(['C2Czoe', 'GROUPteam']);
    // The SDK inserts a new conversation right after the pinned block.
    const { data } = await chat.getConversationList();
    expect(data.conversationList.map((c) => c.conversationID)).toEqual(['C2Ca', 'GROUPteam', 'C2Czoe', 'C2Cb']);
    expect((await rejectionOf(adapter.openConversation({ kind: 'direct', targetId: '' }))).code).toBe('INVALID_ARGUMENT');
  });

  it('deleteConversations clears history by default', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')] });
    await adapter.deleteConversations(['C2Ca']);
    expect(callsTo(chat, 'deleteConversation')[0]!.args).toEqual([{ conversationIDList: ['C2Ca'], clearHistoryMessage: true }]);
  });
});

// ---- drafts ---------------------------------------------------------------------------------------------------

describe('drafts', () => {
  it('setDraft calls setConversationDraft and keeps the draft in the kit storage', async () => {
    const storage = createMemoryDraftStorage();
    let clock = 5_000;
    const { chat, adapter } = setup({ conversations: [direct('a')] }, { draftStorage: storage, now: () => clock });
    await adapter.setDraft('C2Ca', 'see you');
    expect(callsTo(chat, 'setConversationDraft')[0]!.args).toEqual([{ conversationID: 'C2Ca', draftText: 'see you' }]);
    expect(storage.getAll()).toEqual(new Map([['C2Ca', { text: 'see you', updatedAt: 5_000 }]]));
    clock = 9_000;
    expect((await loaded(adapter)).get('C2Ca')!.draft).toEqual({ text: 'see you', updatedAt: 5_000 });
    await adapter.setDraft('C2Ca', '');
    expect(storage.getAll()).toEqual(new Map());
    expect((await loaded(adapter)).get('C2Ca')!.draft).toBeUndefined();
  });

  it('an SDK draft keeps the time it was first seen across snapshots', async () => {
    let clock = 1_000;
    const { adapter } = setup({ conversations: [direct('a', { draftText: 'typed elsewhere' })] }, { now: () => clock++ });
    const first = (await loaded(adapter)).get('C2Ca')!.draft;
    const second = (await loaded(adapter)).get('C2Ca')!.draft;
    expect(first).toEqual({ text: 'typed elsewhere', updatedAt: 1_000 });
    expect(second).toEqual(first);
  });

  it('after SDK_READY, stored drafts go back into the SDK (which lost them on reload)', async () => {
    const storage = createMemoryDraftStorage({ C2Ca: { text: 'unsent', updatedAt: 777 }, C2Cgone: { text: 'old', updatedAt: 1 } });
    const { chat, adapter } = setup({ ready: false, conversations: [direct('a'), direct('b')] }, { draftStorage: storage });
    const store = storeOf(adapter);
    const connecting = store.connect();
    chat.simulateReady();
    await connecting;
    await vi.waitFor(() => expect(chat.peek('C2Ca')!.draftText).toBe('unsent'));
    expect(callsTo(chat, 'setConversationDraft').map((c) => c.args[0])).toEqual([{ conversationID: 'C2Ca', draftText: 'unsent' }]);
    expect((await loaded(adapter)).get('C2Ca')!.draft).toEqual({ text: 'unsent', updatedAt: 777 });
  });
});

// ---- listeners --------------------------------------------------------------------------------------------------

describe('listeners', () => {
  it('registers SDK listeners on the first subscriber and removes them after the last', () => {
    const { chat, adapter } = setup();
    expect(chat.listenerCount()).toBe(0);
    const first = adapter.subscribe(() => {});
    const second = adapter.subscribe(() => {});
    expect(chat.listenerCount()).toBe(6);
    for (const name of Object.values(E)) expect(chat.listenerCount(name), name).toBe(1);
    first();
    first();
    expect(chat.listenerCount()).toBe(6);
    second();
    expect(chat.listenerCount()).toBe(0);
  });

  it('a store connect/disconnect cycle leaves no SDK listener, and a throwing listener does not stop others', async () => {
    const { chat, adapter } = setup({ conversations: [direct('a')] });
    const received: AdapterEvent[] = [];
    adapter.subscribe(() => {
      throw new Error('listener bug');
    });
    const unsubscribe = adapter.subscribe((event) => received.push(event));
    chat.simulateMessage('C2Ca', 'x', T0 + 1);
    expect(received.some((e) => e.type === 'replaced')).toBe(true);
    expect(chat.handlerErrors).toEqual([]);
    unsubscribe();
    const store = storeOf(adapter);
    await store.connect();
    store.disconnect();
    expect(chat.listenerCount()).toBe(6); // only the throwing listener's subscription remains
  });
});
