import type {
  CbEvents,
  ConversationGroupType,
  ConversationItem,
  getSDK,
  GroupAtType,
  MessageReceiveOptType,
  MessageType,
  SessionType,
} from '@openim/wasm-client-sdk';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  createLocalStorageGroupRegistry,
  createMemoryGroupRegistry,
  createOpenIMAdapter,
  OPENIM_CONVERSATION_GROUP_TYPE,
  OPENIM_EVENTS,
  OPENIM_GROUP_AT_TYPE,
  OPENIM_MESSAGE_TYPE,
  OPENIM_RECV_MSG_OPT,
  OPENIM_SESSION_TYPE,
  buildPreview,
  parseLatestMessage,
  toConversation,
  type OpenIMAdapter,
  type OpenIMAdapterOptions,
  type OpenIMConversationItem,
  type OpenIMGroupRegistry,
} from '../../src/adapters/openim/index.js';
import { OPENIM_UNREAD_RULE, type AdapterEvent } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import { createInboxStore } from '../../src/core/store.js';
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

// ---- type-level checks (run by `tsc --noEmit`) --------------------------------------------------------------
// The adapter accepts the instance `getSDK()` returns, SDK rows are our rows, and our constants equal the enums.
type RealSdk = ReturnType<typeof getSDK>;
const typeChecks = [
  (sdk: RealSdk) => createOpenIMAdapter({ sdk }),
  (item: ConversationItem): OpenIMConversationItem => item,
] as const;
const eventNames: { [K in keyof typeof OPENIM_EVENTS]: `${(typeof CbEvents)[K]}` } = OPENIM_EVENTS;
const enumValues: [
  SessionType.Single,
  SessionType.WorkingGroup,
  SessionType.Notification,
  GroupAtType.AtNormal,
  GroupAtType.AtMe,
  GroupAtType.AtAll,
  GroupAtType.AtAllAtMe,
  GroupAtType.AtGroupNotice,
  MessageReceiveOptType.Normal,
  MessageReceiveOptType.NotReceive,
  MessageReceiveOptType.NotNotify,
  MessageType.TextMessage,
  MessageType.PictureMessage,
  MessageType.RevokeMessage,
  ConversationGroupType.ConversationGroupTypeNormal,
  ConversationGroupType.ConversationGroupTypeAll,
] = [
  OPENIM_SESSION_TYPE.single,
  OPENIM_SESSION_TYPE.group,
  OPENIM_SESSION_TYPE.notification,
  OPENIM_GROUP_AT_TYPE.normal,
  OPENIM_GROUP_AT_TYPE.atMe,
  OPENIM_GROUP_AT_TYPE.atAll,
  OPENIM_GROUP_AT_TYPE.atAllAtMe,
  OPENIM_GROUP_AT_TYPE.groupNotice,
  OPENIM_RECV_MSG_OPT.normal,
  OPENIM_RECV_MSG_OPT.notReceive,
  OPENIM_RECV_MSG_OPT.notNotify,
  OPENIM_MESSAGE_TYPE.text,
  OPENIM_MESSAGE_TYPE.picture,
  OPENIM_MESSAGE_TYPE.revoke,
  OPENIM_CONVERSATION_GROUP_TYPE.normal,
  OPENIM_CONVERSATION_GROUP_TYPE.all,
];
void [typeChecks, eventNames, enumValues];

// ---- helpers --------------------------------------------------------------------------------------------

const NOW = Date.UTC(2025, 2, 14, 12, 0, 0);
const ME = 'me';
const dmId = (peer: string) => fakeOpenIMConversationId(ME, OPENIM_SESSION_TYPE.single, peer);
const groupId = (group: string) => fakeOpenIMConversationId(ME, OPENIM_SESSION_TYPE.group, group);

/** A visible direct conversation with `peer`, `minutesAgo` old. */
function dm(peer: string, minutesAgo: number, fields: Partial<OpenIMConversationItem> = {}): FakeOpenIMConversationSeed {
  const at = NOW - minutesAgo * 60_000;
  return { conversationID: dmId(peer), showName: peer, latestMsgSendTime: at, latestMsg: fakeOpenIMTextMessage(`hi from ${peer}`, at), ...fields };
}

function grp(group: string, minutesAgo: number, fields: Partial<OpenIMConversationItem> = {}): FakeOpenIMConversationSeed {
  const at = NOW - minutesAgo * 60_000;
  return { conversationID: groupId(group), conversationType: 3, showName: group, latestMsgSendTime: at, latestMsg: fakeOpenIMTextMessage('hello group', at), ...fields };
}

interface Setup {
  sdk: FakeOpenIMSdk;
  adapter: OpenIMAdapter;
  events: AdapterEvent[];
  unsubscribe: () => void;
}

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
  vi.unstubAllGlobals();
});

function setup(
  seeds: FakeOpenIMConversationSeed[],
  sdkOptions: Omit<FakeOpenIMSdkOptions, 'conversations'> = {},
  adapterOptions: Omit<OpenIMAdapterOptions, 'sdk'> = {},
): Setup {
  const sdk = createFakeOpenIMSdk({ selfUserId: ME, now: () => NOW, ...sdkOptions, conversations: seeds });
  const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(), ...adapterOptions });
  const events: AdapterEvent[] = [];
  const unsubscribe = adapter.subscribe((event) => events.push(event));
  cleanups.push(unsubscribe);
  return { sdk, adapter, events, unsubscribe };
}

async function allConversations(adapter: OpenIMAdapter, count = 100): Promise<Conversation[]> {
  const out: Conversation[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 100; i++) {
    const page = await adapter.loadConversations({ cursor, count });
    out.push(...page.conversations);
    if (page.isFinished) return out;
    cursor = page.cursor;
  }
  throw new Error('paging did not finish');
}

const upserted = (events: AdapterEvent[]) => events.flatMap((e) => (e.type === 'upserted' ? e.conversations : []));
const removedIds = (events: AdapterEvent[]) => events.flatMap((e) => (e.type === 'removed' ? e.ids : []));
const methodsCalled = (sdk: FakeOpenIMSdk) => sdk.calls.map((c) => c.method);

const mapContext = { groupNames: () => [], starMark: false };
const item = (fields: Partial<OpenIMConversationItem>): OpenIMConversationItem => ({
  conversationID: 'si_bob_me',
  conversationType: 1,
  userID: 'bob',
  groupID: '',
  showName: 'Bob',
  faceURL: '',
  recvMsgOpt: 0,
  unreadCount: 0,
  groupAtType: 0,
  latestMsg: '',
  latestMsgSendTime: NOW,
  draftText: '',
  draftTextTime: 0,
  burnDuration: 0,
  msgDestructTime: 604800,
  isPinned: false,
  isNotInGroup: false,
  isPrivateChat: false,
  isMsgDestruct: false,
  isMarked: false,
  attachedInfo: '',
  ...fields,
});
const previewOf = (message: Record<string, unknown>) =>
  toConversation(item({ latestMsg: JSON.stringify({ sendTime: NOW, ...message }) }), mapContext).lastMessage;

// ---- mapping --------------------------------------------------------------------------------------------

describe('mapping a ConversationItem', () => {
  it('parses latestMsg defensively: empty, broken JSON, non-objects and missing fields never throw', () => {
    expect(parseLatestMessage('')).toBeUndefined();
    expect(parseLatestMessage('{"contentType":101,')).toBeUndefined();
    expect(parseLatestMessage('[1,2]')).toBeUndefined();
    expect(parseLatestMessage('null')).toBeUndefined();
    expect(parseLatestMessage(undefined)).toBeUndefined();

    for (const latestMsg of ['', '{not json', '"just a string"']) {
      const conversation = toConversation(item({ latestMsg }), mapContext);
      expect(conversation.lastMessage, JSON.stringify(latestMsg)).toBeUndefined();
      expect(conversation.lastActivityAt).toBe(NOW);
    }
    // An object without contentType or sendTime still yields a row, timed by latestMsgSendTime.
    const bare = toConversation(item({ latestMsg: '{}' }), mapContext);
    expect(bare.lastMessage).toEqual({ preview: '', kind: 'unsupported', sentAt: NOW });
  });

  it('describes every content type by kind, with its own plain text and a detail, never a label; flags revoked messages', () => {
    const described = (message: Record<string, unknown>) => {
      const last = previewOf(message)!;
      return [last.preview, last.kind, last.detail];
    };
    expect(described({ contentType: 101, textElem: { content: 'line one\nline\ttwo  <b>x</b>' } })).toEqual(['line one line two <b>x</b>', undefined, undefined]);
    // Legacy rows keep the text in the JSON `content` field.
    expect(described({ contentType: 101, content: '{"content":"old style"}' })).toEqual(['old style', undefined, undefined]);
    expect(described({ contentType: 102, pictureElem: {} })).toEqual(['', 'image', undefined]);
    expect(described({ contentType: 103, soundElem: { duration: 42 } })).toEqual(['', 'voice', '0:42']);
    expect(described({ contentType: 104, videoElem: { duration: 75 } })).toEqual(['', 'video', '1:15']);
    expect(described({ contentType: 103 })).toEqual(['', 'voice', undefined]);
    expect(described({ contentType: 105, fileElem: { fileName: 'report.pdf' } })).toEqual(['', 'file', 'report.pdf']);
    expect(described({ contentType: 108, cardElem: { nickname: 'Carol' } })).toEqual(['', 'card', 'Carol']);
    expect(described({ contentType: 109, locationElem: { description: 'Shenzhen\nBay' } })).toEqual(['', 'location', 'Shenzhen Bay']);
    expect(described({ contentType: 110, customElem: { description: 'Order shipped' } })).toEqual(['Order shipped', 'custom', undefined]);
    expect(described({ contentType: 110, customElem: { data: '{}' } })).toEqual(['', 'custom', undefined]);
    expect(described({ contentType: 115, faceElem: { index: 1 } })).toEqual(['', 'sticker', undefined]);
    expect(described({ contentType: 107, mergeElem: { title: 'Chat of Ann' } })).toEqual(['', 'chatHistory', 'Chat of Ann']);
    expect(described({ contentType: 106, atTextElem: { text: '@u42 lunch?', atUsersInfo: [{ atUserID: 'u42', groupNickname: 'Dan' }] } })).toEqual(['@Dan lunch?', undefined, undefined]);
    expect(described({ contentType: 118, markdownTextElem: { content: '**Bold** and [link](https://x.y)' } })).toEqual(['Bold and link', undefined, undefined]);
    expect(described({ contentType: 114, quoteElem: { text: '' } })).toEqual(['', 'unsupported', undefined]);
    expect(described({ contentType: 1504 })).toEqual(['', 'groupNotice', undefined]);
    expect(described({ contentType: 1201 })).toEqual(['', 'friendAdded', undefined]);
    expect(described({ contentType: 1701 })).toEqual(['', 'privateChatChanged', undefined]);
    expect(described({ contentType: 2400 })).toEqual(['', 'unsupported', undefined]);
    const revoked = previewOf({ contentType: 2101, clientMsgID: 'm1', sendID: 'bob', senderNickname: 'Bob' });
    expect(revoked).toEqual({ id: 'm1', senderId: 'bob', senderName: 'Bob', preview: '', kind: 'revoked', sentAt: NOW, isRevoked: true });
    expect(previewOf({ contentType: 101, textElem: { content: 'x'.repeat(500) } })!.preview.length).toBeLessThanOrEqual(200);
    // buildPreview, exported since before issue 16, answers the same way and ignores the labels it still accepts.
    expect(buildPreview({ contentType: 102 }, { image: '[图片]' })).toEqual({ preview: '', kind: 'image', isRevoked: false });
  });

  it('previewLabels (deprecated) is accepted and ignored: no label in any preview', async () => {
    const at = NOW - 60_000;
    const { adapter } = setup([dm('bob', 1, { latestMsg: JSON.stringify({ contentType: 102, sendTime: at }) })], {}, { previewLabels: { image: '[图片]' } });
    expect((await allConversations(adapter))[0]!.lastMessage).toMatchObject({ preview: '', kind: 'image' });
  });

  it('maps recvMsgOpt to mute modes, groupAtType to mentions, and the rest of the row', () => {
    const map = (fields: Partial<OpenIMConversationItem>) => toConversation(item(fields), mapContext);
    expect(map({ recvMsgOpt: 0 }).muteMode).toBe('none');
    expect(map({ recvMsgOpt: 1 }).muteMode).toBe('blocked');
    expect(map({ recvMsgOpt: 2 }).muteMode).toBe('silent');
    expect(map({ groupAtType: 0 }).mentions).toEqual([]);
    expect(map({ groupAtType: 1 }).mentions).toEqual([{ kind: 'me' }]);
    expect(map({ groupAtType: 2 }).mentions).toEqual([{ kind: 'all' }]);
    expect(map({ groupAtType: 3 }).mentions).toEqual([{ kind: 'allAndMe' }]);
    expect(map({ groupAtType: 4 }).mentions).toEqual([{ kind: 'announcement' }]);

    const group = map({ conversationID: 'sg_dev', conversationType: 3, userID: '', groupID: 'dev', showName: 'Dev team', isNotInGroup: true, unreadCount: 4 });
    expect(group).toMatchObject({ kind: 'group', groupId: 'dev', title: 'Dev team', isReadOnly: true, unreadCount: 4 });
    expect(map({ conversationID: 'sn_me_system', conversationType: 4, userID: 'system' }).kind).toBe('system');
    // A failed profile lookup leaves "UserNotFound" in showName; the id is a better title.
    expect(map({ showName: 'UserNotFound' }).title).toBe('bob');
    expect(map({ draftText: 'later', draftTextTime: NOW + 5 }).draft).toEqual({ text: 'later', updatedAt: NOW + 5 });
    expect(map({ isPrivateChat: true, burnDuration: 30 }).privateChat).toEqual({ enabled: true, burnDurationSec: 30 });
    expect(map({ isPrivateChat: false }).privateChat).toEqual({ enabled: false });
    expect(map({ isMarked: true }).marks).toBeUndefined();
    expect(toConversation(item({ isMarked: true }), { ...mapContext, starMark: true }).marks).toEqual(['star']);
  });

  it('declares the OpenIM unread rule, draft-aware ordering and paging', () => {
    const { adapter } = setup([]);
    const caps = adapter.capabilities;
    expect(caps.unreadRule).toBe(OPENIM_UNREAD_RULE);
    expect(caps.orderBy).toBe('lastActivityOrDraft');
    expect(caps.paging).toBe(true);
    expect(caps.draftsPersisted).toBe(true);
    expect(caps.serverDelete).toBe(true);
    expect(caps.emptyGroups).toBe(true);
    for (const kind of ['direct', 'group', 'system'] as const) expect(caps.muteModes?.[kind]).toEqual(['none', 'silent', 'blocked']);
  });
});

// ---- paging ---------------------------------------------------------------------------------------------

describe('paging with getConversationListSplit', () => {
  const ten = () => Array.from({ length: 10 }, (_, i) => dm(`u${i}`, (i + 1) * 10));

  it('pages on a keyset cursor (re-reading the last row to check where it stands), finishes on a short page, and never lists hidden rows', async () => {
    const { adapter, sdk } = setup([...ten(), dm('hidden', 1, { latestMsgSendTime: 0 })], {}, { pageOverlap: 0 });
    const first = await adapter.loadConversations({ count: 4 });
    expect(first.isFinished).toBe(false);
    expect(typeof first.cursor).toBe('string');
    expect(first.conversations.map((c) => c.title)).toEqual(['u0', 'u1', 'u2', 'u3']);
    const second = await adapter.loadConversations({ cursor: first.cursor, count: 4 });
    expect(second.conversations.map((c) => c.title)).toEqual(['u4', 'u5', 'u6', 'u7']);
    const third = await adapter.loadConversations({ cursor: second.cursor, count: 4 });
    expect(third).toMatchObject({ cursor: null, isFinished: true });
    expect(third.conversations.map((c) => c.title)).toEqual(['u8', 'u9']);
    expect(sdk.calls.filter((c) => c.method === 'getConversationListSplit').map((c) => c.args[0])).toEqual([
      { offset: 0, count: 4 },
      { offset: 3, count: 5 },
      { offset: 7, count: 5 },
    ]);
    const all = await allConversations(adapter);
    expect(all.map((c) => c.title)).not.toContain('hidden');
    await expect(adapter.loadConversations({ cursor: 'abc' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    // A bare offset is not a cursor any more.
    await expect(adapter.loadConversations({ cursor: '4' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });

  it('a page shifted by a live update re-emits nothing, and the moved conversation is not lost', async () => {
    const { adapter, sdk, events } = setup(ten());
    const first = await adapter.loadConversations({ count: 4 });
    // u8 gets a message: it jumps to the top, and every row above it shifts down by one.
    sdk.simulateMessage(dmId('u8'), 'news', NOW + 1000);
    const rest: Conversation[] = [];
    let cursor = first.cursor;
    while (cursor !== null) {
      const page = await adapter.loadConversations({ cursor, count: 4 });
      rest.push(...page.conversations);
      cursor = page.cursor;
    }
    const delivered = [...first.conversations, ...upserted(events), ...rest].map((c) => c.id);
    expect(new Set(delivered).size, 'each conversation delivered once').toBe(delivered.length);
    expect(new Set(delivered)).toEqual(new Set(ten().map((s) => s.conversationID)));
    expect(upserted(events).map((c) => c.title)).toEqual(['u8']);
  });

  it('a row leaving the paged region does not make the next page skip a conversation', async () => {
    const { adapter } = setup(ten(), {}, { pageOverlap: 2 });
    const first = await adapter.loadConversations({ count: 4 });
    const gone = first.conversations[0]!.id;
    // Hiding it shifts every later row up by one: offset 4 now points at u5, so u4 would be skipped.
    await adapter.deleteConversations([gone], { clearHistory: false });
    const seen = first.conversations.map((c) => c.id);
    let cursor = first.cursor;
    while (cursor !== null) {
      const page = await adapter.loadConversations({ cursor, count: 4 });
      seen.push(...page.conversations.map((c) => c.id));
      cursor = page.cursor;
    }
    expect(new Set(seen).size).toBe(seen.length);
    expect(new Set(seen)).toEqual(new Set(ten().map((s) => s.conversationID)));
  });

  it('a page answered before a newer event does not overwrite that event in a connected store', async () => {
    const { adapter, sdk } = setup(ten());
    const split = sdk.getConversationListSplit;
    let raced = false;
    // The message arrives after the SDK read the page but before the adapter got it.
    sdk.getConversationListSplit = async (params) => {
      const response = await split(params);
      if (params.offset > 0 && !raced) {
        raced = true;
        sdk.simulateMessage(dmId('u6'), 'fresh', NOW + 1000);
      }
      return response;
    };
    const store = createInboxStore({ adapter, draftStorage: null, pageSize: 4 });
    cleanups.push(() => store.disconnect());
    await store.connect();
    while (store.getState().hasMore) await store.getState().actions.loadMore();
    store.flush();
    expect(raced).toBe(true);
    expect(store.getState().conversations.get(dmId('u6'))!.lastMessage?.preview).toBe('fresh');
    expect(store.getState().lists.ids()[0]).toBe(dmId('u6'));
    expect(store.getState().conversations.size).toBe(10);
  });
});

// ---- events ---------------------------------------------------------------------------------------------

describe('SDK events', () => {
  it('OnConversationChanged with an unknown id inserts it; OnNewConversation too; [] is ignored', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5)]);
    const store = createInboxStore({ adapter, draftStorage: null });
    cleanups.push(() => store.disconnect());
    await store.connect();

    // A hidden, pre-created row gets a message: it comes back through OnConversationChanged, not OnNewConversation.
    sdk.putRow({ conversationID: dmId('carol'), showName: 'Carol', latestMsgSendTime: 0 });
    sdk.simulateMessage(dmId('carol'), 'I am back', NOW + 1);
    sdk.simulateMessage(dmId('dave'), 'first contact', NOW + 2);
    // And a row the adapter never saw, straight through OnConversationChanged.
    sdk.emit(OPENIM_EVENTS.OnConversationChanged, [item({ conversationID: dmId('erin'), userID: 'erin', showName: 'Erin', latestMsgSendTime: NOW - 1 })]);
    expect(events.filter((e) => e.type === 'upserted')).toHaveLength(3);
    const before = events.length;
    sdk.emit(OPENIM_EVENTS.OnConversationChanged, []);
    sdk.emit(OPENIM_EVENTS.OnNewConversation, []);
    expect(events).toHaveLength(before);

    store.flush();
    expect(store.getState().lists.ids()).toEqual([dmId('dave'), dmId('carol'), dmId('erin'), dmId('bob')]);
    expect(store.getState().conversations.get(dmId('carol'))?.lastMessage?.preview).toBe('I am back');
  });

  it('reads event data given as JSON strings (tryParse: false)', () => {
    const { sdk, events } = setup([]);
    const row = { ...item({ conversationID: dmId('erin'), userID: 'erin', showName: 'Erin' }) };
    sdk.emit(OPENIM_EVENTS.OnNewConversation, JSON.stringify([row]));
    sdk.emit(OPENIM_EVENTS.OnTotalUnreadMessageCountChanged, '7');
    expect(upserted(events).map((c) => c.title)).toEqual(['Erin']);
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 7 });
  });

  it('a change that hides a row removes it', () => {
    const { sdk, events } = setup([dm('bob', 5)]);
    sdk.emit(OPENIM_EVENTS.OnConversationChanged, [{ ...sdk.row(dmId('bob'))!, latestMsgSendTime: 0 }]);
    expect(removedIds(events)).toEqual([dmId('bob')]);
  });

  it('maps sync events to sync state with progress, and total unread changes', () => {
    const { sdk, events } = setup([dm('bob', 5, { unreadCount: 1 })]);
    sdk.simulateSync({ progress: [30, 80] });
    sdk.simulateSync({ progress: [], fail: true });
    const sync = events.filter((e) => e.type === 'syncStateChanged');
    expect(sync.map((e) => [e.status, e.progress])).toEqual([
      ['syncing', 0],
      ['syncing', 30],
      ['syncing', 80],
      ['ready', 100],
      ['syncing', 0],
      ['failed', undefined],
    ]);
    expect(sync.at(-1)!.error).toBeInstanceOf(InboxError);
    sdk.simulateMessage(dmId('bob'), 'again', NOW + 1);
    expect(events.at(-1)).toEqual({ type: 'unreadTotalChanged', total: 2 });
  });

  it('registers SDK listeners on the first subscriber and removes them after the last', () => {
    const sdk = createFakeOpenIMSdk();
    const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry() });
    expect(sdk.listenerCount()).toBe(0);
    const a = adapter.subscribe(() => undefined);
    const attached = sdk.listenerCount();
    expect(attached).toBeGreaterThan(0);
    expect(sdk.listenerCount(OPENIM_EVENTS.OnConversationChanged)).toBe(1);
    const b = adapter.subscribe(() => undefined);
    expect(sdk.listenerCount(), 'a second subscriber adds no SDK listener').toBe(attached);
    a();
    a();
    expect(sdk.listenerCount(), 'unsubscribing twice is harmless').toBe(attached);
    b();
    expect(sdk.listenerCount()).toBe(0);
    const c = adapter.subscribe(() => undefined);
    expect(sdk.listenerCount()).toBe(attached);
    c();
    expect(sdk.listenerCount()).toBe(0);
  });
});

// ---- commands -------------------------------------------------------------------------------------------

describe('commands', () => {
  it('hide (clearHistory: false) and delete (clearHistory: true) remove the row, which the SDK never reports', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5), dm('carol', 6), dm('dave', 7)]);
    const store = createInboxStore({ adapter, draftStorage: null });
    cleanups.push(() => store.disconnect());
    await store.connect();

    const hidden = await adapter.deleteConversations([dmId('bob')], { clearHistory: false });
    expect(hidden).toEqual({ succeeded: [dmId('bob')], failed: [] });
    expect(sdk.row(dmId('bob'))).toMatchObject({ latestMsgSendTime: 0 });
    expect(sdk.row(dmId('bob'))!.latestMsg, 'hiding keeps the messages').not.toBe('');

    await store.getState().actions.deleteConversation(dmId('carol'));
    expect(sdk.row(dmId('carol'))).toMatchObject({ latestMsgSendTime: 0, latestMsg: '' });
    expect(removedIds(events)).toEqual([dmId('bob'), dmId('carol')]);
    expect(methodsCalled(sdk)).toEqual(expect.arrayContaining(['hideConversation', 'deleteConversationAndDeleteAllMsg']));
    expect(methodsCalled(sdk), 'the miswired deleteConversation is never used').not.toContain('deleteConversation');

    store.flush();
    expect(store.getState().lists.ids()).toEqual([dmId('dave')]);
    expect((await allConversations(adapter)).map((c) => c.id)).toEqual([dmId('dave')]);
  });

  it('reports an unknown id per id when deleting, and emits removed only for the deleted ones', async () => {
    const { adapter, events } = setup([dm('bob', 5)]);
    const result = await adapter.deleteConversations([dmId('bob'), 'si_ghost_me']);
    expect(result.succeeded).toEqual([dmId('bob')]);
    expect(result.failed).toEqual([{ id: 'si_ghost_me', code: 'CONVERSATION_NOT_FOUND', message: expect.any(String) as string, sdkCode: 10002 }]);
    expect(removedIds(events)).toEqual([dmId('bob')]);
  });

  it('markRead marks the messages read and resets groupAtType, which OpenIM keeps otherwise', async () => {
    const { adapter, sdk, events } = setup([grp('dev', 5, { unreadCount: 3, groupAtType: OPENIM_GROUP_AT_TYPE.atMe }), dm('bob', 6, { unreadCount: 2 })]);
    await allConversations(adapter);
    await adapter.markRead(groupId('dev'));
    expect(sdk.row(groupId('dev'))).toMatchObject({ unreadCount: 0, groupAtType: 0 });
    expect(upserted(events).at(-1)).toMatchObject({ id: groupId('dev'), unreadCount: 0, mentions: [] });

    const before = sdk.calls.length;
    await adapter.markRead(dmId('bob'));
    expect(sdk.row(dmId('bob'))!.unreadCount).toBe(0);
    expect(sdk.calls.slice(before).map((c) => c.method), 'no @-state to reset').toEqual(['markConversationMessageAsRead']);
  });

  it('markRead on a conversation with only a mention resets it without failing on "unread count is zero"', async () => {
    const { adapter, sdk } = setup([grp('ops', 5, { unreadCount: 0, groupAtType: OPENIM_GROUP_AT_TYPE.atAll })]);
    await adapter.markRead(groupId('ops'));
    expect(sdk.row(groupId('ops'))!.groupAtType).toBe(0);
  });

  it('markAllRead loops over conversations with unread or mentions when the wrapper has no markAll', async () => {
    const { adapter, sdk } = setup([
      dm('bob', 5, { unreadCount: 2 }),
      grp('dev', 6, { groupAtType: OPENIM_GROUP_AT_TYPE.atAllAtMe, unreadCount: 1 }),
      dm('carol', 7),
      dm('gone', 8, { unreadCount: 4, latestMsgSendTime: 0 }),
    ]);
    await adapter.markAllRead();
    expect(sdk.table().filter((row) => row.latestMsgSendTime > 0 && (row.unreadCount > 0 || row.groupAtType !== 0))).toEqual([]);
    expect(sdk.calls.filter((c) => c.method === 'markConversationMessageAsRead').map((c) => c.args[0]).sort()).toEqual([dmId('bob'), groupId('dev')].sort());
    expect(await adapter.getTotalUnread()).toBe(0);
  });

  it('markAllRead uses a real markAllConversationMessageAsRead when present, and falls back when it is unbacked', async () => {
    const withCore = setup([dm('bob', 5, { unreadCount: 2 }), grp('dev', 6, { groupAtType: 1, unreadCount: 1 })], { coreExtras: true });
    await withCore.adapter.markAllRead();
    expect(methodsCalled(withCore.sdk)).toContain('markAllConversationMessageAsRead');
    expect(methodsCalled(withCore.sdk)).not.toContain('markConversationMessageAsRead');
    expect(withCore.sdk.row(groupId('dev'))).toMatchObject({ unreadCount: 0, groupAtType: 0 });

    const unbacked = setup([dm('bob', 5, { unreadCount: 2 })], { coreExtras: true });
    unbacked.sdk.failNext('markAllConversationMessageAsRead', 'unbacked');
    await unbacked.adapter.markAllRead();
    expect(unbacked.sdk.row(dmId('bob'))!.unreadCount).toBe(0);
    expect(methodsCalled(unbacked.sdk)).toContain('markConversationMessageAsRead');
  });

  it('pin, mute and draft go through setConversation / setConversationDraft; silentExceptMention is not supported', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5), dm('carol', 60)]);
    await adapter.pin(dmId('carol'), true);
    await adapter.setMuteMode(dmId('bob'), 'blocked');
    expect(sdk.row(dmId('carol'))!.isPinned).toBe(true);
    expect(sdk.row(dmId('bob'))!.recvMsgOpt).toBe(1);
    expect((await rejectionOf(adapter.setMuteMode(dmId('bob'), 'silentExceptMention'))).code).toBe('NOT_SUPPORTED');
    await adapter.setMuteMode(dmId('bob'), 'silent');
    expect(sdk.row(dmId('bob'))!.recvMsgOpt).toBe(2);

    await adapter.setDraft(dmId('carol'), 'see you');
    expect(sdk.row(dmId('carol'))).toMatchObject({ draftText: 'see you', draftTextTime: NOW });
    expect(upserted(events).at(-1)).toMatchObject({ id: dmId('carol'), draft: { text: 'see you', updatedAt: NOW } });
  });

  it('a draft on a hidden conversation brings it back into the list (draft time orders it)', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5)]);
    const store = createInboxStore({ adapter, draftStorage: null });
    cleanups.push(() => store.disconnect());
    await store.connect();
    const opened = await store.getState().actions.openConversation({ kind: 'direct', targetId: 'zoe' });
    expect(opened).toBe(dmId('zoe'));
    expect(events, 'opening a new conversation fires no SDK event').toEqual([]);
    expect(sdk.row(opened)!.latestMsgSendTime, 'getOneConversation pre-creates a hidden row').toBe(0);
    await store.getState().actions.setDraft(opened, 'draft for Zoe');
    expect(sdk.row(opened)!.latestMsgSendTime).toBe(NOW);
    store.flush();
    expect(store.getState().lists.ids()[0]).toBe(opened);
    expect(upserted(events).map((c) => c.id)).toEqual([opened]);
  });

  it('openConversation uses session type 3 for groups (sg_) and 1 for users (si_), and returns hidden rows too', async () => {
    const { adapter, sdk } = setup([grp('dev', 5)]);
    const group = await adapter.openConversation({ kind: 'group', targetId: 'dev' });
    expect(group).toMatchObject({ id: 'sg_dev', kind: 'group', groupId: 'dev', title: 'dev' });
    const direct = await adapter.openConversation({ kind: 'direct', targetId: 'amy' });
    expect(direct).toMatchObject({ id: 'si_amy_me', kind: 'direct', peerUserId: 'amy', lastActivityAt: 0 });
    expect(sdk.calls.filter((c) => c.method === 'getOneConversation').map((c) => c.args[0])).toEqual([
      { sourceID: 'dev', sessionType: 3 },
      { sourceID: 'amy', sessionType: 1 },
    ]);
  });

  it("getTotalUnread follows OpenIM's rule: blocked counts, silent and hidden do not", async () => {
    const { adapter } = setup([
      dm('a', 1, { unreadCount: 1 }),
      dm('b', 2, { unreadCount: 10, recvMsgOpt: 1 }),
      dm('c', 3, { unreadCount: 100, recvMsgOpt: 2 }),
      dm('d', 4, { unreadCount: 1000, latestMsgSendTime: 0 }),
    ]);
    expect(await adapter.getTotalUnread()).toBe(11);
    const store = createInboxStore({ adapter, draftStorage: null });
    cleanups.push(() => store.disconnect());
    await store.connect();
    expect(store.getState().unreadTotal).toBe(11);
    expect(store.getState().backendUnreadTotal).toBe(11);
  });
});

// ---- errors ---------------------------------------------------------------------------------------------

describe('errors', () => {
  it('maps SDK failures to InboxError codes, keeping sdkCode and cause', async () => {
    const { adapter, sdk } = setup([dm('bob', 5)]);
    const cases: [Parameters<FakeOpenIMSdk['failNext']>[1], string, number | undefined][] = [
      ['unbacked', 'NOT_SUPPORTED', undefined],
      [{ errCode: 1004, errMsg: 'record not found' }, 'CONVERSATION_NOT_FOUND', 1004],
      [{ errCode: 10002, errMsg: 'record not found' }, 'CONVERSATION_NOT_FOUND', 10002],
      [{ errCode: 10002, errMsg: 'args err' }, 'INVALID_ARGUMENT', 10002],
      [{ errCode: 1001, errMsg: 'args err' }, 'INVALID_ARGUMENT', 1001],
      [{ errCode: 10008, errMsg: 'not init' }, 'NOT_READY', 10008],
      [{ errCode: 10009, errMsg: 'not login' }, 'NOT_READY', 10009],
      [{ errCode: 10000, errMsg: 'network' }, 'ADAPTER_FAILED', 10000],
    ];
    for (const [failure, code, sdkCode] of cases) {
      sdk.failNext('setConversation', failure);
      const error = await rejectionOf(adapter.pin(dmId('bob'), true));
      expect(error.code, JSON.stringify(failure)).toBe(code);
      expect(error.sdkCode).toBe(sdkCode);
      expect(error.cause).toMatchObject(failure === 'unbacked' ? { event: 'setConversation' } : failure!);
    }
  });

  it('unbacked 3.8.5 calls become NOT_SUPPORTED, and a non-conversation call does not claim a conversation is missing', async () => {
    const { adapter, sdk } = setup([dm('bob', 5)]);
    sdk.failNext('getTotalUnreadMsgCount', { errCode: 1004, errMsg: 'record not found' });
    expect((await rejectionOf(adapter.getTotalUnread())).code).toBe('ADAPTER_FAILED');
    sdk.failNext('getConversationListSplit', 'unbacked');
    expect((await rejectionOf(adapter.loadConversations({})))).toMatchObject({ code: 'NOT_SUPPORTED' });
    // An unbacked call on a write of `ex` (a mark) fails that id alone.
    sdk.failNext('setConversation', 'unbacked');
    const marked = await adapter.setMark([dmId('bob')], 'unread', true);
    expect(marked.failed.map((f) => [f.id, f.code])).toEqual([[dmId('bob'), 'NOT_SUPPORTED']]);
  });

  it('rejects invalid arguments before calling the SDK', async () => {
    const { adapter, sdk } = setup([]);
    await expect(adapter.pin('', true)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(adapter.setDraft('si_a_me', 3 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(adapter.openConversation({ kind: 'group', targetId: '' })).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(sdk.calls).toEqual([]);
  });
});

// ---- emulated groups ------------------------------------------------------------------------------------

describe('emulated conversation groups', () => {
  it('keeps foreign keys of ex intact (read-modify-write) and removes only its own namespace', async () => {
    const foreign = '{"app":{"color":"red"},"v":1}';
    const { adapter, sdk } = setup([dm('bob', 5, { ex: foreign }), dm('carol', 6)]);
    await adapter.connect();
    await adapter.createGroup('Work', [dmId('bob'), dmId('carol')]);
    expect(JSON.parse(sdk.row(dmId('bob'))!.ex!)).toEqual({ app: { color: 'red' }, v: 1, inboxkit: { groups: ['Work'] } });
    expect(JSON.parse(sdk.row(dmId('carol'))!.ex!)).toEqual({ inboxkit: { groups: ['Work'] } });
    await adapter.addToGroup('Work', [dmId('bob')]);
    await adapter.createGroup('Later', [dmId('bob')]);
    expect((JSON.parse(sdk.row(dmId('bob'))!.ex!) as { inboxkit: unknown }).inboxkit).toEqual({ groups: ['Work', 'Later'] });
    await adapter.removeFromGroup('Work', [dmId('bob')]);
    await adapter.removeFromGroup('Later', [dmId('bob')]);
    expect(JSON.parse(sdk.row(dmId('bob'))!.ex!)).toEqual({ app: { color: 'red' }, v: 1 });
    expect(methodsCalled(sdk), 'SelfUserInfo.ex is public and never used').not.toContain('setSelfInfo');
  });

  it('fails a conversation whose ex is not JSON, leaving it untouched, and applies the others', async () => {
    const { adapter, sdk } = setup([dm('bob', 5, { ex: 'vip-customer' }), dm('carol', 6), dm('dave', 7, { ex: `{"pad":"${'x'.repeat(1000)}"}` })]);
    const result = await adapter.createGroup('Work', [dmId('bob'), dmId('carol'), dmId('dave')]);
    expect(result.succeeded).toEqual([dmId('carol')]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([
      [dmId('bob'), 'INVALID_ARGUMENT'],
      [dmId('dave'), 'INVALID_ARGUMENT'],
    ]);
    expect(result.failed[0]!.message).toMatch(/not JSON/);
    expect(result.failed[1]!.message).toMatch(/1024/);
    expect(sdk.row(dmId('bob'))!.ex).toBe('vip-customer');
    expect((await adapter.loadGroups()).find((g) => g.name === 'Work')!.conversationIds).toEqual([dmId('carol')]);

    // As on Tencent, a group whose every conversation failed is not created.
    const none = await adapter.createGroup('Nobody', [dmId('bob'), 'si_ghost_me']);
    expect(none.succeeded).toEqual([]);
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Work']);
  });

  it('survives a new adapter over the same registry and SDK: names, order, empty groups and membership', async () => {
    const registry = createMemoryGroupRegistry();
    const sdk = createFakeOpenIMSdk({ selfUserId: ME, conversations: [dm('bob', 5), dm('carol', 6)] });
    const first = createOpenIMAdapter({ sdk, groupRegistry: registry });
    await first.createGroup('Work', [dmId('bob')]);
    await first.createGroup('Empty', []);
    await first.createGroup('Friends', [dmId('bob'), dmId('carol')]);
    await first.renameGroup('Friends', 'Pals');

    const second = createOpenIMAdapter({ sdk, groupRegistry: registry });
    await second.connect();
    expect(second.capabilities.groups).toBe('emulated');
    expect(await second.loadGroups()).toEqual([
      { name: 'Work', conversationIds: [dmId('bob')], unreadCount: 0 },
      { name: 'Empty', conversationIds: [], unreadCount: 0 },
      { name: 'Pals', conversationIds: [dmId('bob'), dmId('carol')], unreadCount: 0 },
    ]);
    expect((await allConversations(second)).find((c) => c.id === dmId('bob'))!.groupNames).toEqual(['Work', 'Pals']);
  });

  it('adopts group names found in ex (set on another device) into the registry', async () => {
    const saved: (readonly string[])[] = [];
    const registry: OpenIMGroupRegistry = { load: () => ['Work'], save: (names) => void saved.push(names) };
    const { adapter, sdk, events } = setup([dm('bob', 5, { ex: '{"inboxkit":{"groups":["Travel"]}}' })], {}, { groupRegistry: registry });
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Work', 'Travel']);
    sdk.simulateServerUpdate(dmId('bob'), { ex: '{"inboxkit":{"groups":["Travel","Books"]}}' });
    await vi.waitFor(() => expect(saved.at(-1)).toEqual(['Work', 'Travel', 'Books']));
    expect(events).toContainEqual({ type: 'groupsChanged', names: ['Work', 'Travel', 'Books'] });
  });

  it("enforces Tencent's rules: 20 groups, 1-32 UTF-8 bytes, missing groups, duplicates", async () => {
    const { adapter } = setup([dm('bob', 5)]);
    const invalid = await rejectionOf(adapter.createGroup('研'.repeat(11), []));
    expect([invalid.code, invalid.sdkCode]).toEqual(['GROUP_NAME_INVALID', 51011]);
    expect((await rejectionOf(adapter.createGroup('', []))).code).toBe('GROUP_NAME_INVALID');
    await adapter.createGroup('研'.repeat(10) + 'ab', []);
    for (let i = 2; i <= 20; i++) await adapter.createGroup(`G${i}`, []);
    const tooMany = await rejectionOf(adapter.createGroup('G21', []));
    expect([tooMany.code, tooMany.sdkCode]).toEqual(['GROUP_LIMIT_EXCEEDED', 51010]);
    expect((await rejectionOf(adapter.createGroup('G2', []))).code).toBe('GROUP_EXISTS');
    const missing = await rejectionOf(adapter.deleteGroup('Nope'));
    expect([missing.code, missing.sdkCode]).toEqual(['GROUP_NOT_FOUND', 51009]);
    expect((await rejectionOf(adapter.addToGroup('Nope', [dmId('bob')]))).code).toBe('GROUP_NOT_FOUND');
    expect((await rejectionOf(adapter.renameGroup('G2', 'G3'))).code).toBe('GROUP_EXISTS');
    expect(await adapter.loadGroups()).toHaveLength(20);
  });

  it('refuses to group more than 1000 conversations', async () => {
    const seeds = Array.from({ length: 1001 }, (_, i) => dm(`p${i}`, i + 1));
    const { adapter, sdk } = setup(seeds);
    await adapter.createGroup('Big', seeds.slice(0, 1000).map((s) => s.conversationID));
    const before = sdk.calls.length;
    const error = await rejectionOf(adapter.createGroup('Over', [seeds[1000]!.conversationID]));
    expect([error.code, error.sdkCode]).toEqual(['GROUPED_CONVERSATION_LIMIT_EXCEEDED', 51008]);
    expect(sdk.calls.slice(before).map((c) => c.method)).not.toContain('setConversation');
    // Conversations already grouped can join more groups.
    await adapter.createGroup('Also', [seeds[0]!.conversationID]);
  });

  it('deleting a group removes it from every member and from the registry; membership reaches a store', async () => {
    const { adapter, sdk } = setup([dm('bob', 5), dm('carol', 6)]);
    const store = createInboxStore({ adapter, draftStorage: null });
    cleanups.push(() => store.disconnect());
    await store.connect();
    await store.getState().actions.createGroup('Work', [dmId('bob'), dmId('carol')]);
    store.flush();
    expect(store.getState().lists.ids('Work')).toEqual([dmId('bob'), dmId('carol')]);
    await store.getState().actions.deleteGroup('Work');
    store.flush();
    expect(store.getState().groupNames).toEqual([]);
    expect(sdk.row(dmId('bob'))!.ex).toBe('');
    expect(await adapter.loadGroups()).toEqual([]);
  });

  it('keeps the default registry in localStorage under the logged-in user id', async () => {
    const data = new Map<string, string>();
    vi.stubGlobal('localStorage', { getItem: (k: string) => data.get(k) ?? null, setItem: (k: string, v: string) => void data.set(k, v) });
    const sdk = createFakeOpenIMSdk({ selfUserId: 'alice', conversations: [] });
    const adapter = createOpenIMAdapter({ sdk });
    await adapter.createGroup('Work', []);
    expect(JSON.parse(data.get('inboxkit:openim:groups:alice')!)).toEqual(['Work']);
    const again = createOpenIMAdapter({ sdk });
    expect((await again.loadGroups()).map((g) => g.name)).toEqual(['Work']);
    const storage = { getItem: () => 'not json', setItem: () => undefined };
    expect(createLocalStorageGroupRegistry({ key: 'k', storage }).load()).toEqual([]);
  });
});

// ---- native groups --------------------------------------------------------------------------------------

describe('native (enterprise) conversation groups', () => {
  it('are detected only when the API is backed: 3.8.5 open-source rejects without errCode', async () => {
    const openSource = setup([]);
    expect(typeof openSource.sdk.getConversationGroups).toBe('function');
    await openSource.adapter.connect();
    expect(openSource.adapter.capabilities.groups).toBe('emulated');

    const enterprise = setup([], { nativeGroups: true });
    expect(enterprise.adapter.capabilities.groups, 'before connect()').toBe('emulated');
    await enterprise.adapter.connect();
    expect(enterprise.adapter.capabilities.groups).toBe('native');
    expect(enterprise.adapter.capabilities.marks).toEqual(['star', 'unread', 'fold', 'hide']);

    const failing = setup([], { nativeGroups: true });
    failing.sdk.failNext('getConversationGroups', { errCode: 10009, errMsg: 'not login' });
    await failing.adapter.connect();
    expect(failing.adapter.capabilities.groups, 'a rejection with errCode means the API exists').toBe('native');

    const forced = setup([], { nativeGroups: true }, { groupMode: 'emulated' });
    await forced.adapter.connect();
    expect(forced.adapter.capabilities.groups).toBe('emulated');
  });

  it('map names to the ID-based API, with membership from the SDK, never touching ex', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5), dm('carol', 6)], {
      nativeGroups: true,
      conversationGroups: [{ name: 'Work', conversationIDs: [dmId('bob')] }],
    });
    await adapter.connect();
    expect(await adapter.loadGroups()).toEqual([{ name: 'Work', conversationIds: [dmId('bob')], unreadCount: 0 }]);
    expect((await allConversations(adapter)).find((c) => c.id === dmId('bob'))!.groupNames).toEqual(['Work']);

    const result = await adapter.createGroup('Friends', [dmId('carol'), 'si_ghost_me']);
    expect(result.succeeded).toEqual([dmId('carol')]);
    expect(result.failed.map((f) => [f.id, f.code])).toEqual([['si_ghost_me', 'CONVERSATION_NOT_FOUND']]);
    await adapter.renameGroup('Work', 'Job');
    await adapter.removeFromGroup('Job', [dmId('bob')]);
    expect(await adapter.loadGroups()).toEqual([
      { name: 'Job', conversationIds: [], unreadCount: 0 },
      { name: 'Friends', conversationIds: [dmId('carol')], unreadCount: 0 },
    ]);
    await adapter.deleteGroup('Friends');
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Job']);
    const before = sdk.calls.length;
    expect((await adapter.createGroup('Ghosts', ['si_ghost_me'])).failed.map((f) => f.id)).toEqual(['si_ghost_me']);
    expect(sdk.calls.slice(before).map((c) => c.method), 'no group is created for conversations that all fail').not.toContain('createConversationGroup');
    expect((await adapter.loadGroups()).map((g) => g.name)).toEqual(['Job']);
    expect(methodsCalled(sdk)).toEqual(
      expect.arrayContaining(['createConversationGroup', 'addConversationsToGroups', 'updateConversationGroup', 'removeConversationsFromGroups', 'deleteConversationGroup']),
    );
    expect(sdk.calls.filter((c) => c.method === 'setConversation'), 'ex is left alone').toEqual([]);
    expect(events).toContainEqual({ type: 'groupMembershipChanged', name: 'Friends', conversationIds: [dmId('carol')] });
  });

  it('follow group changes made elsewhere through the enterprise events', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5)], { nativeGroups: true });
    await adapter.connect();
    // Another device (or the app itself) calls the SDK directly.
    const created = await sdk.createConversationGroup!({ name: 'Remote' });
    await sdk.addConversationsToGroups!({ conversationIDs: [dmId('bob')], conversationGroupIDs: [created.data.conversationGroupID] });
    expect(events).toContainEqual({ type: 'groupsChanged', names: ['Remote'] });
    expect(events).toContainEqual({ type: 'groupMembershipChanged', name: 'Remote', conversationIds: [dmId('bob')] });
    sdk.simulateMessage(dmId('bob'), 'hi', NOW + 1);
    expect(upserted(events).at(-1)!.groupNames).toEqual(['Remote']);
  });

  it('star marks write isMarked when enabled', async () => {
    const { adapter, sdk } = setup([dm('bob', 5)], {}, { starMark: true });
    expect(adapter.capabilities.marks).toEqual(['star', 'unread', 'fold', 'hide']);
    const result = await adapter.setMark([dmId('bob'), 'si_ghost_me'], 'star', true);
    expect(result.succeeded).toEqual([dmId('bob')]);
    expect(result.failed.map((f) => f.code)).toEqual(['CONVERSATION_NOT_FOUND']);
    expect(sdk.row(dmId('bob'))!.isMarked).toBe(true);
    expect((await allConversations(adapter))[0]!.marks).toEqual(['star']);
  });
});

// ---- OpenIM extras --------------------------------------------------------------------------------------

describe('OpenIM extras', () => {
  it('private chat: shown on the row and settable with a burn duration', async () => {
    const { adapter, sdk, events } = setup([dm('bob', 5, { isPrivateChat: true, burnDuration: 30 }), dm('carol', 6)]);
    expect(adapter.capabilities.extras.privateChat).toBe(true);
    const [bob] = await allConversations(adapter);
    expect(bob!.privateChat).toEqual({ enabled: true, burnDurationSec: 30 });

    await adapter.setPrivateChat(dmId('carol'), true, 60);
    expect(sdk.row(dmId('carol'))).toMatchObject({ isPrivateChat: true, burnDuration: 60 });
    expect(upserted(events).at(-1)).toMatchObject({ id: dmId('carol'), privateChat: { enabled: true, burnDurationSec: 60 } });
    await adapter.setPrivateChat(dmId('bob'), false);
    expect(sdk.row(dmId('bob'))).toMatchObject({ isPrivateChat: false, burnDuration: 30 });
    expect((await rejectionOf(adapter.setPrivateChat(dmId('bob'), true, 0))).code).toBe('INVALID_ARGUMENT');
  });

  it('global receive option through setSelfInfo({ globalRecvMsgOpt }), NOT_SUPPORTED without it', async () => {
    const { adapter, sdk } = setup([]);
    expect(adapter.capabilities.extras.globalReceiveOption).toBe(true);
    await adapter.setGlobalReceiveOption('silent');
    expect(sdk.globalRecvMsgOpt).toBe(2);
    expect(sdk.calls.find((c) => c.method === 'setSelfInfo')!.args).toEqual([{ globalRecvMsgOpt: 2 }]);
    expect((await rejectionOf(adapter.setGlobalReceiveOption('silentExceptMention'))).code).toBe('NOT_SUPPORTED');

    const bare = createFakeOpenIMSdk();
    const stripped: Partial<FakeOpenIMSdk> = { ...bare };
    delete stripped.setSelfInfo;
    delete stripped.setGlobalRecvMessageOpt;
    const limited = createOpenIMAdapter({ sdk: stripped as FakeOpenIMSdk, groupRegistry: createMemoryGroupRegistry() });
    expect(limited.capabilities.extras.globalReceiveOption).toBe(false);
    expect((await rejectionOf(limited.setGlobalReceiveOption('none'))).code).toBe('NOT_SUPPORTED');
  });

  it('clearAllConversations hides every row (loop in 3.8.5, hideAllConversations when present), never the unbacked call', async () => {
    const loop = setup([dm('bob', 5), dm('carol', 6)]);
    await loop.adapter.clearAllConversations();
    expect(loop.sdk.table().every((row) => row.latestMsgSendTime === 0)).toBe(true);
    expect(removedIds(loop.events).sort()).toEqual([dmId('bob'), dmId('carol')]);
    expect(methodsCalled(loop.sdk)).not.toContain('deleteAllConversationFromLocal');

    const core = setup([dm('bob', 5)], { coreExtras: true });
    await core.adapter.clearAllConversations();
    expect(methodsCalled(core.sdk)).toContain('hideAllConversations');
    expect(core.events).toContainEqual({ type: 'replaced', conversations: [] });
    expect(await allConversations(core.adapter)).toEqual([]);

    const stripped: Partial<FakeOpenIMSdk> = { ...createFakeOpenIMSdk() };
    delete stripped.hideConversation;
    const none = createOpenIMAdapter({ sdk: stripped as FakeOpenIMSdk, groupRegistry: createMemoryGroupRegistry() });
    expect(none.capabilities.extras.clearAllConversations).toBe(false);
    expect((await rejectionOf(none.clearAllConversations())).code).toBe('NOT_SUPPORTED');
  });
});
