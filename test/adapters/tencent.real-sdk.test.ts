/**
 * The Tencent adapter against the REAL `@tencentcloud/chat` 3.6.6 module, not the kit's fake.
 *
 * What is real: `TencentCloudChat.create()`, `login()`, the SDK's own conversation module (it builds its
 * `Conversation` objects from server data, computes `messageForShow`, sorts pinned first, counts the total unread
 * under its own rule), its throttled event emitter (`CONVERSATION_LIST_UPDATED` at most once a second,
 * `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED`), `SDK_READY`, and every API the adapter calls (`getConversationList`,
 * `getTotalUnreadMessageCount`, `pinConversation`, `setMessageRead`, ...), including their request building.
 *
 * What is stubbed, and where: the lowest level, the transport. The SDK talks to its server over ONE WebSocket
 * (`wss://<SDKAppID>w4c.my-imcloud.com/binfo`) in JSON frames `{ head: { servcmd, seq, ... }, body }`, encoded as
 * UTF-8 bytes, and matches each reply to its request by `servcmd + seq`. `globalThis.WebSocket` is replaced by
 * `FakeImServer` below, which answers those frames the way the server does, with server-side field names
 * (`SessionItem`, `UnreadMsgCount`, `MsgRecvOption`, `GroupMsgArray`, ...) that the SDK maps to its own shapes, and
 * pushes `im_open_push.msg_push` frames like the server does when a message arrives. The SDK also sends one XHR at
 * creation (its error-message table from web.sdk.qcloud.com); `XMLHttpRequest` is replaced by a stub that never
 * answers, and `fetch` rejects, so no test can reach the network. Node 20 has no global WebSocket at all (the SDK
 * would throw in `create()`), which is why the transport has to be stubbed rather than blocked.
 *
 * The server's answers are written from the requests the SDK 3.6.6 sends and from the response key maps in its
 * (minified) code, not from a server specification; a command the fake does not know gets an empty success reply
 * and is recorded in `server.unknown`. Reverse-engineered, hence limited to the flows below:
 * - sync on login: `recentcontact.page_get` with a C2C conversation (remark, nick, pinned) and two groups (one muted);
 * - a group message pushed by the server (`im_open_push.msg_push`): unread +1, new preview, new order, new total;
 * - `pin` through the store: the SDK sends `recentcontact.top`, updates and re-sorts its list;
 * - `markRead` through the store: the SDK sends `group_open_http_svc.msg_read_report`, zeroes the unread and
 *   recomputes the total;
 * - a hidden conversation (issue 16): the sync gives one group the standard mark HIDE (`StandardMark: '1000'`, the
 *   server's bit string); the SDK's own total counts it, the adapter's total and the store leave it out;
 * - an image pushed by the server: the SDK's `messageForShow` is its label `[图片]`, the row gets `kind: 'image'`;
 * - `setCustomData` through the store: the SDK sends `recentcontact.mark_contact` with `CustomMark` per item and
 *   applies the server's per-item `ResultItem` list.
 * Not covered here: setting marks and conversation groups need the plan's purchase bits
 * (`im_sdk_config_mgr.fetch_imsdk_purchase_bitsv2`, else the SDK answers 3122 without a request), whose answer was
 * not worked out; C2C unread counts come from the `openim.getmsg` unread sync, which the fake answers empty, so C2C
 * rows have 0 unread.
 */
import type { ChatSDK } from '@tencentcloud/chat';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTencentAdapter, type TencentAdapter } from '../../src/adapters/tencent/index.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import { selectConversation, selectConversationIds } from '../../src/core/selectors.js';

type Body = Record<string, unknown>;
type Handler = (body: Body) => Body | undefined;

interface Frame {
  head: Body & { servcmd: string; seq?: number };
  body: Body;
}

/** One instance per `new WebSocket(url)` the SDK makes; all of them share the handlers of `FakeImServer.current`. */
class FakeImServer {
  static current: FakeImServerState | undefined;
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;

  readyState = 0;
  binaryType = 'blob';
  onopen: ((event: unknown) => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: unknown) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;
  readonly extensions = '';

  constructor(readonly url: string) {
    const state = FakeImServer.current;
    if (!state) throw new Error('no FakeImServer state');
    state.sockets.push(this);
    setTimeout(() => {
      this.readyState = 1;
      this.onopen?.({});
    }, 0);
  }

  send(data: ArrayBuffer | Uint8Array | string): void {
    const state = FakeImServer.current!;
    const text = typeof data === 'string' ? data : new TextDecoder().decode(data);
    const frame = JSON.parse(text) as Frame;
    const command = frame.head.servcmd;
    state.requests.push({ command, body: frame.body });
    const handler = state.handlers[command] ?? state.handlers[command.split('.').pop()!];
    let reply = handler?.(frame.body);
    if (!handler) state.unknown.add(command);
    reply ??= {};
    this.deliver({ head: { ...frame.head }, body: { ActionStatus: 'OK', ErrorCode: 0, ErrorInfo: '', ...reply } });
  }

  /** A frame from the server: a reply, or a push when its `servcmd + seq` matches no request. */
  deliver(frame: Frame): void {
    const bytes = new TextEncoder().encode(JSON.stringify(frame));
    setTimeout(() => this.onmessage?.({ data: bytes.buffer }), 0);
  }

  close(): void {
    this.readyState = 3;
  }
}

interface FakeImServerState {
  handlers: Record<string, Handler>;
  requests: { command: string; body: Body }[];
  unknown: Set<string>;
  sockets: FakeImServer[];
}

/** The XHR the SDK sends at creation (its error-message table): never answered. */
class SilentXhr {
  open(): void {}
  setRequestHeader(): void {}
  send(): void {}
  abort(): void {}
}

const SDK_APP_ID = 1_400_000_001;
const now = Math.floor(Date.now() / 1000);
const text = (value: string) => ({ MsgBody: [{ MsgType: 'TIMTextElem', MsgContent: { Text: value } }] });

/** The account on the server, in the server's own field names. */
function sessionItems(): Body[] {
  return [
    // A pinned direct chat with a friend remark: the SDK's C2C unread comes from the unread sync, not from here.
    { Type: 1, To_Account: 'alice', Time: now - 60, MsgSeq: 5, PeerNick: 'Alice', C2cRemark: 'Ally', TopFlags: 1, MsgRecvOption: 0, LastC2CMsgFromAccount: 'alice', LastMsg: text('hello maya') },
    // A work group with 4 unread, notifying.
    { Type: 2, ToAccount: 'rnd', Time: now - 30, MsgSeq: 11, GroupNick: 'R&D', GroupType: 'Private', UnreadMsgCount: 4, MsgRecvOption: 0, MsgGroupFromAccount: 'wang', SenderNick: 'Wang', LastMsg: text('PR ready') },
    // A public group with 2 unread.
    { Type: 2, ToAccount: 'ops', Time: now - 90, MsgSeq: 3, GroupNick: 'Ops', GroupType: 'Public', UnreadMsgCount: 2, MsgRecvOption: 0, MsgGroupFromAccount: 'li', LastMsg: text('deploy done') },
    // A muted ("receive, do not notify") group with 7 unread: the SDK leaves it out of the total.
    { Type: 2, ToAccount: 'news', Time: now - 120, MsgSeq: 9, GroupNick: 'News', GroupType: 'Public', UnreadMsgCount: 7, MsgRecvOption: 2, MsgGroupFromAccount: 'bot', LastMsg: text('daily digest') },
    // A hidden group (standard mark HIDE, 8, sent as a bit string) with 5 unread: the SDK counts it, the kit does not.
    { Type: 2, ToAccount: 'quiet', Time: now - 150, MsgSeq: 6, GroupNick: 'Quiet', GroupType: 'Public', UnreadMsgCount: 5, MsgRecvOption: 0, StandardMark: '1000', MsgGroupFromAccount: 'zoe', LastMsg: text('psst') },
  ];
}

const savedGlobals = { WebSocket: globalThis.WebSocket, XMLHttpRequest: (globalThis as Body).XMLHttpRequest, fetch: globalThis.fetch };
let server: FakeImServerState;
let chat: ChatSDK;
let TencentCloudChat: typeof import('@tencentcloud/chat').default;
let adapter: TencentAdapter;
let store: InboxStore;

const waitFor = (check: () => void, timeout = 4000) => vi.waitFor(check, { timeout, interval: 25 });

describe('Tencent adapter on the real @tencentcloud/chat 3.6.6 (transport stubbed)', () => {
  beforeAll(async () => {
    server = { handlers: {}, requests: [], unknown: new Set(), sockets: [] };
    FakeImServer.current = server;
    Object.assign(server.handlers, {
      wslogin: () => ({ A2Key: 'a2key', TinyId: '144115000000000001', HelloInterval: 30, InstanceId: 1, TimeStamp: now }),
      black_list_get: () => ({ StartIndex: 0, CompleteFlag: 1 }),
      page_get: () => ({ CompleteFlag: 1, TimeStamp: now, StartIndex: 5, TopTimeStamp: 0, TopStartIndex: 0, SessionItem: sessionItems() }),
      // Custom data goes through the marks API: one result per MarkItem, as the server answers.
      mark_contact: (body) => ({
        ResultItem: ((body.MarkItem as Body[] | undefined) ?? []).map((item) => ({ ContactItem: item.ContactItem, ResultCode: 0, ResultInfo: '' })),
      }),
      top: () => ({}),
      msg_read_report: () => ({}),
      wslogout: () => ({}),
    } satisfies Record<string, Handler>);
    globalThis.WebSocket = FakeImServer as unknown as typeof WebSocket;
    (globalThis as Body).XMLHttpRequest = SilentXhr;
    globalThis.fetch = () => Promise.reject(new Error('network is blocked in this test'));

    // Loaded after the globals are in place: the SDK looks for WebSocket when it is created.
    TencentCloudChat = (await import('@tencentcloud/chat')).default;
    chat = TencentCloudChat.create({ SDKAppID: SDK_APP_ID });
    chat.setLogLevel(4);
    adapter = createTencentAdapter({ chat, TencentCloudChat });
    store = createInboxStore({ adapter, draftStorage: null });
    const connected = store.connect();
    await chat.login({ userID: 'maya', userSig: 'not-checked-by-the-fake-server' });
    await connected;
  }, 20_000);

  afterAll(async () => {
    store?.disconnect();
    await chat?.destroy().catch(() => {});
    globalThis.WebSocket = savedGlobals.WebSocket;
    (globalThis as Body).XMLHttpRequest = savedGlobals.XMLHttpRequest;
    globalThis.fetch = savedGlobals.fetch;
    FakeImServer.current = undefined;
  });

  it('the SDK really went through its transport: one WebSocket to its host, login and list sync sent as JSON frames', () => {
    expect(server.sockets[0]?.url).toMatch(new RegExp(`^wss://${SDK_APP_ID}w4c\\.my-imcloud\\.com/`));
    const commands = server.requests.map((request) => request.command);
    expect(commands).toContain('im_open_status.wslogin');
    expect(commands).toContain('recentcontact.page_get');
    expect(chat.isReady()).toBe(true);
  });

  it("maps the SDK's own Conversation objects into store rows: titles, ms times, previews, mute, pinned-first order", async () => {
    await waitFor(() => expect(store.getState().conversations.size).toBe(5));
    const state = store.getState();
    expect(selectConversationIds(state)).toEqual(['C2Calice', 'GROUPrnd', 'GROUPops', 'GROUPnews']);

    const alice = selectConversation(state, 'C2Calice')!;
    expect(alice).toMatchObject({ kind: 'direct', title: 'Ally', isPinned: true, muteMode: 'none', lastActivityAt: (now - 60) * 1000 });
    expect(alice.lastMessage?.preview).toBe('hello maya');

    expect(selectConversation(state, 'GROUPrnd')).toMatchObject({ kind: 'group', title: 'R&D', unreadCount: 4, muteMode: 'none' });
    expect(selectConversation(state, 'GROUPnews')).toMatchObject({ title: 'News', unreadCount: 7, muteMode: 'silent' });

    // The SDK's total leaves the muted group out but counts the hidden one (a mark is only a flag to it); the total
    // the adapter reports leaves both out, as the store does.
    expect(selectConversation(state, 'GROUPquiet')).toMatchObject({ title: 'Quiet', unreadCount: 5, marks: ['hide'] });
    expect(chat.getTotalUnreadMessageCount()).toBe(11);
    expect(await adapter.getTotalUnread()).toBe(6);
    await waitFor(() => expect(store.getState().backendUnreadTotal).toBe(6));
    expect(store.getState().unreadTotal).toBe(6);
  });

  it('a message pushed by the server: the SDK bumps the row, and its throttled list and total events reach the store', async () => {
    const socket = server.sockets.at(-1)!;
    const sentAt = Math.floor(Date.now() / 1000);
    socket.deliver({
      head: { servcmd: 'im_open_push.msg_push', seq: 900_001, ver: 'v4' },
      body: {
        EventArray: [
          {
            Event: 3,
            GroupMsgArray: [
              {
                From_Account: 'li',
                GroupId: 'ops',
                ToGroupId: 'ops',
                MsgSeq: 4,
                MsgRandom: 4242,
                MsgTimeStamp: sentAt,
                MsgPriority: 1,
                From_AccountNick: 'Li',
                GroupInfo: { GroupId: 'ops', GroupType: 'Public', GroupName: 'Ops', From_AccountNick: 'Li' },
                ...text('rollback please'),
              },
            ],
          },
        ],
      },
    });

    // The SDK throttles list events to one a second; wait for the trailing one.
    await waitFor(() => expect(selectConversation(store.getState(), 'GROUPops')?.lastMessage?.preview).toBe('rollback please'));
    const state = store.getState();
    expect(selectConversation(state, 'GROUPops')).toMatchObject({ unreadCount: 3, lastActivityAt: sentAt * 1000 });
    // Pinned first, then by the last message: ops moved above rnd.
    expect(selectConversationIds(state)).toEqual(['C2Calice', 'GROUPops', 'GROUPrnd', 'GROUPnews']);
    await waitFor(() => expect(store.getState().backendUnreadTotal).toBe(7));
    expect(store.getState().unreadTotal).toBe(7);
  });

  it('pin through the store: the SDK sends recentcontact.top and its next list keeps the row pinned', async () => {
    const before = server.requests.length;
    await store.getState().actions.pin('GROUPrnd', true);
    const sent = server.requests.slice(before).find((request) => request.command === 'recentcontact.top');
    expect(sent?.body).toMatchObject({ OperationType: 1, RecentContactItem: [{ Type: 2, GroupId: 'rnd' }] });

    // The SDK itself now lists rnd as pinned, right after the other pinned conversation.
    const response = (await chat.getConversationList()) as { data: { conversationList: { conversationID: string; isPinned: boolean }[] } };
    const list = response.data.conversationList;
    expect(list.filter((conversation) => conversation.isPinned).map((conversation) => conversation.conversationID).sort()).toEqual([
      'C2Calice',
      'GROUPrnd',
    ]);
    await waitFor(() => expect(selectConversationIds(store.getState()).slice(0, 2).sort()).toEqual(['C2Calice', 'GROUPrnd']));
    expect(selectConversation(store.getState(), 'GROUPrnd')?.isPinned).toBe(true);
  });

  it('markRead through the store: the SDK reports the read sequence and its total drops by that row', async () => {
    const before = server.requests.length;
    await store.getState().actions.markRead('GROUPrnd');
    const sent = server.requests.slice(before).find((request) => request.command === 'group_open_http_svc.msg_read_report');
    expect(sent?.body).toMatchObject({ GroupId: 'rnd', MsgReadedSeq: 11 });

    expect(chat.getTotalUnreadMessageCount()).toBe(8);
    await waitFor(() => expect(store.getState().backendUnreadTotal).toBe(3));
    await waitFor(() => expect(selectConversation(store.getState(), 'GROUPrnd')?.unreadCount).toBe(0));
    expect(store.getState().unreadTotal).toBe(3);
  });

  it("an image pushed by the server: the SDK labels it [图片]; the row gets kind 'image' and no label", async () => {
    const socket = server.sockets.at(-1)!;
    const sentAt = Math.floor(Date.now() / 1000) + 5;
    socket.deliver({
      head: { servcmd: 'im_open_push.msg_push', seq: 900_002, ver: 'v4' },
      body: {
        EventArray: [
          {
            Event: 3,
            GroupMsgArray: [
              {
                From_Account: 'wang',
                GroupId: 'rnd',
                ToGroupId: 'rnd',
                MsgSeq: 12,
                MsgRandom: 4343,
                MsgTimeStamp: sentAt,
                MsgPriority: 1,
                GroupInfo: { GroupId: 'rnd', GroupType: 'Private', GroupName: 'R&D' },
                MsgBody: [
                  {
                    MsgType: 'TIMImageElem',
                    MsgContent: { UUID: 'img-1', ImageFormat: 1, ImageInfoArray: [{ Type: 1, Size: 1024, Width: 64, Height: 64, URL: 'https://example.invalid/a.png' }] },
                  },
                ],
              },
            ],
          },
        ],
      },
    });
    await waitFor(() => expect(selectConversation(store.getState(), 'GROUPrnd')?.lastActivityAt).toBe(sentAt * 1000));
    const raw = (await chat.getConversationList(['GROUPrnd'])) as { data: { conversationList: { lastMessage: { messageForShow: string } }[] } };
    expect(raw.data.conversationList[0]!.lastMessage.messageForShow).toBe('[图片]');
    expect(selectConversation(store.getState(), 'GROUPrnd')!.lastMessage).toMatchObject({ preview: '', kind: 'image' });
  });

  it('setCustomData through the store: the SDK sends recentcontact.mark_contact and its next list carries the data', async () => {
    const before = server.requests.length;
    const result = await store.getState().actions.setCustomData(['C2Calice', 'GROUPops'], 'crm:42');
    expect(result.succeeded.sort()).toEqual(['C2Calice', 'GROUPops']);
    const sent = server.requests.slice(before).find((request) => request.command === 'recentcontact.mark_contact');
    expect(sent?.body).toMatchObject({ MarkItem: [{ CustomMark: 'crm:42' }, { CustomMark: 'crm:42' }] });
    const response = (await chat.getConversationList(['C2Calice'])) as { data: { conversationList: { customData: string }[] } };
    expect(response.data.conversationList[0]!.customData).toBe('crm:42');
    await waitFor(() => expect(selectConversation(store.getState(), 'GROUPops')?.customData).toBe('crm:42'));
  });

  it('the fake server was asked only for what it answers, or for commands whose empty success the SDK tolerates', () => {
    // A record, so that an SDK upgrade that starts depending on a new command shows up here.
    expect([...server.unknown].sort()).toEqual(expect.arrayContaining(['openim.getmsg']));
    expect([...server.unknown].every((command) => !/page_get|wslogin|\.top$|msg_read_report/.test(command))).toBe(true);
  });
});
