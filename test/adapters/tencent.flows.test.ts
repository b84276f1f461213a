// The Tencent adapter's side of issue 16 ("every backend, every flow"), against the SDK fake: previews described by
// kind instead of the SDK's one-language labels, an untitled system conversation, hidden conversations out of the
// total it reports, and custom data. Each test here failed on the adapter before issue 16.
import { afterEach, describe, expect, it } from 'vitest';
import { createTencentAdapter, TENCENT_BATCH_LIMITS } from '../../src/adapters/tencent/index.js';
import type { TencentChatLike } from '../../src/adapters/tencent/types.js';
import type { AdapterEvent, ConversationAdapter } from '../../src/core/adapter.js';
import { selectUnreadTotal } from '../../src/core/selectors.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import {
  createFakeTencentChat,
  FAKE_TENCENT_TYPES as T,
  FakeTencentCloudChat,
  type FakeTencentChat,
  type FakeTencentChatOptions,
  type FakeTencentConversationSeed,
} from '../../src/testing/fakeTencentChat.js';
import { rejectionOf } from '../utils/rejection.js';

const T0 = 1_741_953_600; // seconds

const direct = (userID: string, over: Partial<FakeTencentConversationSeed> = {}): FakeTencentConversationSeed => ({
  conversationID: `C2C${userID}`,
  userProfile: { userID, nick: userID },
  lastMessage: { lastTime: T0, messageForShow: `hi from ${userID}`, fromAccount: userID },
  ...over,
});

const fakes: FakeTencentChat[] = [];
const stores: InboxStore[] = [];

afterEach(() => {
  for (const store of stores.splice(0)) store.disconnect();
  for (const chat of fakes.splice(0)) chat.dispose();
});

function setup(chatOptions: FakeTencentChatOptions = {}) {
  const chat = createFakeTencentChat({ throttleMs: 0, ...chatOptions });
  fakes.push(chat);
  const adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat });
  return { chat, adapter };
}

async function listed(adapter: ConversationAdapter): Promise<Map<string, Conversation>> {
  const page = await adapter.loadConversations({});
  return new Map(page.conversations.map((c) => [c.id, c]));
}

describe('tencent adapter: previews by kind, never the SDK label', () => {
  it.each([
    [T.MSG_IMAGE, {}, { kind: 'image' }],
    [T.MSG_AUDIO, { second: 42 }, { kind: 'voice', detail: '0:42' }],
    [T.MSG_VIDEO, { videoSecond: 125 }, { kind: 'video', detail: '2:05' }],
    [T.MSG_FILE, { fileName: 'Q2.pdf' }, { kind: 'file', detail: 'Q2.pdf' }],
    [T.MSG_LOCATION, { description: '深圳湾' }, { kind: 'location', detail: '深圳湾' }],
    [T.MSG_CUSTOM, { data: '{}', description: 'Order shipped' }, { kind: 'custom', preview: 'Order shipped' }],
    [T.MSG_CUSTOM, { data: '{}' }, { kind: 'custom' }],
    [T.MSG_FACE, { index: 1, data: 'smile' }, { kind: 'sticker' }],
    [T.MSG_MERGER, { title: 'Chat history of Ann' }, { kind: 'chatHistory', detail: 'Chat history of Ann' }],
    [T.MSG_GRP_TIP, { operationType: 1 }, { kind: 'groupNotice' }],
    [T.MSG_GRP_SYS_NOTICE, { operationType: 4 }, { kind: 'groupNotice' }],
    ['TIMSomethingNewElem', { x: 1 }, { kind: 'unsupported' }],
  ])('a %s message (payload %j) is described by kind, with no label in its preview', async (type, payload, expected) => {
    for (const intl of [false, true]) {
      const { chat, adapter } = setup({ conversations: [direct('ann')], intl });
      chat.simulateMessage('C2Cann', '', T0 + 1, { type, payload });
      // The fake writes what the SDK writes: a label in one language.
      if (type === T.MSG_IMAGE) expect(chat.peek('C2Cann')!.lastMessage.messageForShow).toBe(intl ? '[Image]' : '[图片]');
      const message = (await listed(adapter)).get('C2Cann')!.lastMessage!;
      expect(message).toMatchObject({ preview: '', ...expected, sentAt: (T0 + 1) * 1000 });
      expect(message.preview).not.toMatch(/^\[/);
      if (!('detail' in expected)) expect(message).not.toHaveProperty('detail');
    }
  });

  it('a text message keeps its text and has no kind; a seed without a type keeps messageForShow as text', async () => {
    const { chat, adapter } = setup({ conversations: [direct('ann'), direct('bob')] });
    chat.simulateMessage('C2Cann', 'see you at 10', T0 + 1);
    const map = await listed(adapter);
    expect(map.get('C2Cann')!.lastMessage).toMatchObject({ preview: 'see you at 10' });
    expect(map.get('C2Cann')!.lastMessage).not.toHaveProperty('kind');
    expect(map.get('C2Cbob')!.lastMessage?.preview).toBe('hi from bob');
  });

  it('the system conversation has no title, for the row to name it in the reader\'s language; an explicit one is kept', async () => {
    const seeds = [{ conversationID: '@TIM#SYSTEM', unreadCount: 1, lastMessage: { lastTime: T0, type: T.MSG_GRP_SYS_NOTICE, payload: {} } }];
    const { adapter } = setup({ conversations: seeds });
    const system = (await listed(adapter)).get('@TIM#SYSTEM')!;
    expect(system).toMatchObject({ kind: 'system', title: '', lastMessage: { kind: 'groupNotice', preview: '' } });
    const chat = createFakeTencentChat({ conversations: seeds, throttleMs: 0 });
    fakes.push(chat);
    const named = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat, systemTitle: '群通知' });
    expect((await listed(named)).get('@TIM#SYSTEM')!.title).toBe('群通知');
  });
});

describe('tencent adapter: hidden conversations leave the total it reports', () => {
  const seeds = () => [
    direct('ann', { unreadCount: 3 }),
    direct('bob', { unreadCount: 4, markList: [T.CONV_MARK_TYPE_HIDE] }),
    direct('cid', { unreadCount: 5, markList: [T.CONV_MARK_TYPE_HIDE], messageRemindType: T.MSG_REMIND_ACPT_NOT_NOTE }),
  ];

  it("getTotalUnread is the SDK's total less the hidden conversations it counts", async () => {
    const { chat, adapter } = setup({ conversations: seeds() });
    expect(chat.getTotalUnreadMessageCount()).toBe(7);
    expect(await adapter.getTotalUnread()).toBe(3);
  });

  it('unreadTotalChanged follows both the SDK total and marks: hiding, unhiding, and a message to a hidden conversation', async () => {
    const { chat, adapter } = setup({ conversations: seeds() });
    const events: AdapterEvent[] = [];
    adapter.subscribe((event) => events.push(event));
    const totals = () => events.flatMap((e) => (e.type === 'unreadTotalChanged' ? [e.total] : []));
    await adapter.loadConversations({});
    await adapter.setMark(['C2Cann'], 'hide', true);
    expect(totals().at(-1)).toBe(0);
    // A message to a hidden conversation: the SDK's total grows, the mark stays, the reported total does not move.
    chat.simulateMessage('C2Cbob', 'still hidden', T0 + 9);
    expect(chat.peek('C2Cbob')!.markList).toEqual([T.CONV_MARK_TYPE_HIDE]);
    expect(chat.getTotalUnreadMessageCount()).toBe(8);
    expect(totals().at(-1)).toBe(0);
    await adapter.setMark(['C2Cbob'], 'hide', false);
    expect(totals().at(-1)).toBe(5);
    expect(await adapter.getTotalUnread()).toBe(5);
  });

  it('through a store: hidden rows leave the list, and the store and the backend agree on the total', async () => {
    const { chat, adapter } = setup({ conversations: seeds() });
    const store = createInboxStore({ adapter, draftStorage: null });
    stores.push(store);
    await store.connect();
    expect(store.getState().lists.ids()).toEqual(['C2Cann']);
    expect(store.getState().unreadTotal).toBe(3);
    expect(store.getState().backendUnreadTotal).toBe(3);
    chat.simulateMessage('C2Cbob', 'psst', T0 + 9);
    store.flush();
    expect(store.getState().lists.ids()).toEqual(['C2Cann']);
    expect(store.getState().backendUnreadTotal).toBe(3);
    expect(selectUnreadTotal(store.getState())).toBe(3);
  });
});

describe('tencent adapter: custom data', () => {
  it('declares 256 characters, and nothing on an SDK without setConversationCustomData', () => {
    expect(setup().adapter.capabilities.customDataMaxLength).toBe(256);
    const chat = createFakeTencentChat();
    fakes.push(chat);
    const older: TencentChatLike = new Proxy(chat, {
      get: (target, key) => (key === 'setConversationCustomData' ? undefined : (Reflect.get(target, key, target) as unknown)),
    });
    const adapter = createTencentAdapter({ chat: older, TencentCloudChat: FakeTencentCloudChat });
    expect(adapter.capabilities.customDataMaxLength).toBe(0);
    return expect(rejectionOf(adapter.setCustomData(['C2Cann'], 'x'))).resolves.toMatchObject({ code: 'NOT_SUPPORTED' });
  });

  it('answers per id with the SDK codes: uncached 2500, the system conversation 2503', async () => {
    const { chat, adapter } = setup({ conversations: [direct('ann'), { conversationID: '@TIM#SYSTEM' }] });
    const result = await adapter.setCustomData(['C2Cann', 'C2Cghost', '@TIM#SYSTEM', 'C2Cann'], 'vip');
    expect(result.succeeded).toEqual(['C2Cann']);
    expect(result.failed.map((f) => [f.id, f.code, (f as { sdkCode?: number }).sdkCode])).toEqual([
      ['C2Cghost', 'CONVERSATION_NOT_FOUND', 2500],
      ['@TIM#SYSTEM', 'NOT_SUPPORTED', 2503],
    ]);
    expect(chat.peek('C2Cann')!.customData).toBe('vip');
    expect((await listed(adapter)).get('C2Cann')!.customData).toBe('vip');
    await adapter.setCustomData(['C2Cann'], '');
    expect((await listed(adapter)).get('C2Cann')).not.toHaveProperty('customData');
  });

  it(`sends ${TENCENT_BATCH_LIMITS.customData} conversations per call and refuses data over 256 characters before any call`, async () => {
    const conversations = Array.from({ length: 150 }, (_, i) => direct(`u${i}`));
    const { chat, adapter } = setup({ conversations });
    const result = await adapter.setCustomData(
      conversations.map((c) => c.conversationID),
      'x'.repeat(256),
    );
    expect(result.succeeded).toHaveLength(150);
    const calls = chat.calls.filter((call) => call.method === 'setConversationCustomData');
    expect(calls.map((call) => (call.args[0] as { conversationIDList: string[] }).conversationIDList.length)).toEqual([100, 50]);
    expect((await rejectionOf(adapter.setCustomData(['C2Cu1'], 'x'.repeat(257)))).code).toBe('INVALID_ARGUMENT');
    expect(chat.calls.filter((call) => call.method === 'setConversationCustomData')).toHaveLength(2);
  });

  it('the store sets custom data through it, and the row shows it', async () => {
    const { adapter } = setup({ conversations: [direct('ann')] });
    const store = createInboxStore({ adapter, draftStorage: null });
    stores.push(store);
    await store.connect();
    expect((await store.getState().actions.setCustomData(['C2Cann'], 'pinned-note')).succeeded).toEqual(['C2Cann']);
    store.flush();
    expect(store.getState().conversations.get('C2Cann')?.customData).toBe('pinned-note');
  });
});

describe('tencent adapter: capabilities the UI reads', () => {
  it('no account-wide receive option and no clear-all; the system conversation allows no mute mode; no empty groups', async () => {
    const { adapter } = setup({ conversations: [direct('ann')] });
    const { capabilities } = adapter;
    expect(capabilities.globalReceiveModes ?? []).toEqual([]);
    expect(capabilities.clearAll ?? false).toBe(false);
    expect(capabilities.muteModes?.system).toEqual([]);
    expect(capabilities.emptyGroups).toBe(false);
    expect((await rejectionOf(adapter.createGroup('Solo', []))).code).toBe('INVALID_ARGUMENT');
  });
});
