/**
 * The OpenIM adapter against the REAL `@openim/wasm-client-sdk` 3.8.5 wrapper: the `SDK` object that `getSDK()`
 * returns, with its real `_invoker` (operation ids, `{ operationID, event, data }` responses, JSON parsing of the
 * core's string results, `{ operationID, event, ...coreError }` rejections), its real event path (`login()` registers
 * `commonEventFunc`, whose JSON-string events it parses and re-emits by name) and its real method list, including the
 * conversation-group methods that exist in the wrapper but not in the bundled core.
 *
 * What is stubbed, and where: the Go core. In a browser the wrapper calls functions that the Go wasm core
 * (`assets/openIM.wasm`) registers on `window` (`window.getConversationListSplit(operationID, offset, count)`, ...);
 * here those `window` functions are stand-ins written in this file, returning what the core returns (JSON strings)
 * for a small account. The Go runtime class `Go` (normally from `assets/wasm_exec.js`, loaded by the app as a script)
 * is a stub, and `fetch` of the wasm file rejects, so the wrapper's `initializeWasm` gives up as it does when the
 * file is missing, and leaves the stub runtime in place.
 *
 * Why not the real core: it cannot run here.
 * - It keeps its data in SQLite (sql.js) inside a module Web Worker over IndexedDB, reached through `window.*`
 *   database functions that the wrapper only registers when it could start that worker at import
 *   (`initWorker()` needs `window`, `Worker` with module workers, `Blob` URLs). Node has no Web Worker or IndexedDB.
 * - Every conversation call needs `initSDK` + `login` first, and `login` needs a live OpenIM server (`apiAddr` HTTP
 *   API and `wsAddr` WebSocket, protobuf frames); there is no offline mode. A fake OpenIM server was out of scope.
 * So this test proves that the adapter works with the real wrapper's shapes, lifecycle and failure modes, not with
 * the core's data rules (those stay covered by the fake in openim.test.ts / openim.conformance.test.ts). For issue 16
 * that includes: a picture described by kind; a hide mark written into `ex` through the wrapper's `setConversation`
 * (whose parameters it sends as JSON text) and left out of the total while the core's own total counts it; custom
 * data as one `setConversation({ ex })` per conversation; the account-wide receive option read through
 * `getSelfUserInfo` and set through `setSelfInfo`; clear-all as one `hideConversation` per row, since the 3.8.5
 * wrapper has no `hideAllConversations`.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createOpenIMAdapter, type OpenIMAdapter, type OpenIMSdk } from '../../src/adapters/openim/index.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import { selectConversation, selectConversationIds } from '../../src/core/selectors.js';

type Bag = Record<string, unknown>;
type CoreFunction = (...args: unknown[]) => Promise<string> | string | void;

const SELF = 'maya';
const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;

/** A `ConversationItem` as the core stores it (`latestMsg` is itself a JSON string). */
function item(fields: Bag & { conversationID: string }): Bag {
  return {
    conversationType: 1,
    userID: '',
    groupID: '',
    showName: fields.conversationID,
    faceURL: '',
    recvMsgOpt: 0,
    unreadCount: 0,
    groupAtType: 0,
    latestMsg: '',
    latestMsgSendTime: 0,
    draftText: '',
    draftTextTime: 0,
    isPinned: false,
    isPrivateChat: false,
    burnDuration: 30,
    isNotInGroup: false,
    updateUnreadCountTime: 0,
    attachedInfo: '',
    ex: '',
    ...fields,
  };
}

const textMessage = (text: string, sendTime: number) =>
  JSON.stringify({ clientMsgID: `m${sendTime}`, sendID: 'alice', sendTime, contentType: 101, textElem: { content: text } });

const conversations: Bag[] = [
  item({ conversationID: 'si_alice_maya', userID: 'alice', showName: 'Alice', unreadCount: 2, latestMsg: textMessage('lunch?', minutesAgo(5)), latestMsgSendTime: minutesAgo(5) }),
  item({ conversationID: 'sg_rnd', conversationType: 3, groupID: 'rnd', showName: 'R&D', unreadCount: 5, isPinned: true, latestMsg: textMessage('PR ready', minutesAgo(30)), latestMsgSendTime: minutesAgo(30) }),
  item({ conversationID: 'sg_news', conversationType: 3, groupID: 'news', showName: 'News', unreadCount: 9, recvMsgOpt: 2, latestMsg: textMessage('digest', minutesAgo(60)), latestMsgSendTime: minutesAgo(60) }),
];

/** The logged-in user's profile as the core keeps it. */
const self: Bag = { userID: SELF, nickname: 'Maya', globalRecvMsgOpt: 0 };

/** What the Go core was asked, by the wrapper. */
const coreCalls: { name: string; args: unknown[] }[] = [];
let emitCoreEvent: ((event: string) => void) | undefined;

/** Stand-ins for the functions the Go core registers on `window`; they answer like the core (JSON strings). */
const core: Record<string, CoreFunction> = {
  commonEventFunc: (callback) => {
    emitCoreEvent = callback as (event: string) => void;
  },
  initSDK: () => undefined,
  login: async () => '',
  getLoginUserID: async () => SELF,
  getConversationListSplit: async (_operationID, offset, count) =>
    JSON.stringify(conversations.slice(offset as number, (offset as number) + (count as number))),
  getAllConversationList: async () => JSON.stringify(conversations),
  getMultipleConversation: async (_operationID, ids) => {
    const wanted = JSON.parse(ids as string) as string[];
    return JSON.stringify(conversations.filter((conversation) => wanted.includes(conversation.conversationID as string)));
  },
  // OpenIM's rule: everything but recvMsgOpt 2, over visible rows; the core knows nothing of the kit's marks in ex.
  getTotalUnreadMsgCount: async () =>
    JSON.stringify(
      conversations.filter((c) => (c.recvMsgOpt as number) < 2 && (c.latestMsgSendTime as number) > 0).reduce((sum, c) => sum + (c.unreadCount as number), 0),
    ),
  // The wrapper passes the id separately and the parameters as a JSON string.
  setConversation: async (_operationID, conversationID, params) => {
    const patch = JSON.parse(params as string) as Bag;
    const target = conversations.find((conversation) => conversation.conversationID === conversationID);
    // The core rejects with a plain { errCode, errMsg } object, not an Error.
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (!target) throw { errCode: 1004, errMsg: 'record not found' };
    Object.assign(target, patch);
    return '';
  },
  getSelfUserInfo: async () => JSON.stringify(self),
  setSelfInfo: async (_operationID, params) => {
    Object.assign(self, JSON.parse(params as string) as Bag);
    return '';
  },
  // Hiding sets latestMsgSendTime to 0 and fires no event.
  hideConversation: async (_operationID, conversationID) => {
    const target = conversations.find((conversation) => conversation.conversationID === conversationID);
    // eslint-disable-next-line @typescript-eslint/only-throw-error
    if (!target) throw { errCode: 10002, errMsg: 'record not found' };
    target.latestMsgSendTime = 0;
    return '';
  },
  markConversationMessageAsRead: async (_operationID, conversationID) => {
    const target = conversations.find((conversation) => conversation.conversationID === conversationID);
    if (target) target.unreadCount = 0;
    return '';
  },
};

const saved = { window: (globalThis as Bag).window, Go: (globalThis as Bag).Go, fetch: globalThis.fetch };
let sdk: OpenIMSdk & { login(params: Bag): Promise<unknown> };
let adapter: OpenIMAdapter;
let store: InboxStore;

const waitFor = (check: () => void, timeout = 3000) => vi.waitFor(check, { timeout, interval: 20 });

describe('OpenIM adapter on the real @openim/wasm-client-sdk 3.8.5 wrapper (Go core stubbed)', () => {
  beforeAll(async () => {
    // Imported while there is no `window`, so the wrapper does not try to start its database worker at import.
    const { getSDK } = await import('@openim/wasm-client-sdk');
    const fakeWindow: Bag = {};
    for (const [name, fn] of Object.entries(core)) {
      fakeWindow[name] = (...args: unknown[]) => {
        coreCalls.push({ name, args });
        return fn(...args);
      };
    }
    (globalThis as Bag).window = fakeWindow;
    (globalThis as Bag).Go = class StubGoRuntime {
      importObject = {};
      exited = false;
      run(): Promise<void> {
        return new Promise(() => {});
      }
    };
    globalThis.fetch = () => Promise.reject(new Error('no wasm in this test'));
    const quietError = console.error;
    console.error = () => {}; // the wrapper logs "Failed to initialize WASM" once
    try {
      sdk = getSDK({ debug: false });
      await sdk.login({ userID: SELF, token: 'token', platformID: 5, apiAddr: 'http://api.invalid', wsAddr: 'ws://ws.invalid' });
    } finally {
      console.error = quietError;
    }
    adapter = createOpenIMAdapter({ sdk });
    store = createInboxStore({ adapter, draftStorage: null });
    await store.connect();
  });

  afterAll(() => {
    store?.disconnect();
    (globalThis as Bag).window = saved.window;
    (globalThis as Bag).Go = saved.Go;
    globalThis.fetch = saved.fetch;
  });

  it('is the real wrapper: getSDK() built an SDK whose login went through initSDK, login and commonEventFunc', () => {
    expect(sdk.constructor.name).toBe('SDK');
    const names = coreCalls.map((call) => call.name);
    expect(names.indexOf('commonEventFunc')).toBeGreaterThanOrEqual(0);
    expect(names.indexOf('initSDK')).toBeLessThan(names.indexOf('login'));
    // The wrapper (not the adapter) adds an operation id to every core call.
    const split = coreCalls.find((call) => call.name === 'getConversationListSplit')!;
    expect(typeof split.args[0]).toBe('string');
    expect(split.args.slice(1)).toEqual([expect.any(Number), expect.any(Number)]);
  });

  it("loads rows through the wrapper's parsed responses: titles, previews from latestMsg, mute, pinned first", () => {
    const state = store.getState();
    expect(selectConversationIds(state)).toEqual(['sg_rnd', 'si_alice_maya', 'sg_news']);
    expect(selectConversation(state, 'si_alice_maya')).toMatchObject({ kind: 'direct', title: 'Alice', unreadCount: 2, muteMode: 'none' });
    expect(selectConversation(state, 'si_alice_maya')?.lastMessage?.preview).toBe('lunch?');
    expect(selectConversation(state, 'sg_news')).toMatchObject({ kind: 'group', muteMode: 'silent', unreadCount: 9 });
    expect(state.unreadTotal).toBe(7);
  });

  it("takes the backend's total through the wrapper: getTotalUnreadMsgCount's string result parsed to a number", async () => {
    await waitFor(() => expect(store.getState().backendUnreadTotal).toBe(7));
  });

  it('an OnConversationChanged event from the core reaches the store through the wrapper (JSON data parsed)', async () => {
    const changed = { ...conversations[0]!, unreadCount: 3, latestMsg: textMessage('at 1?', Date.now()), latestMsgSendTime: Date.now() };
    expect(emitCoreEvent).toBeTypeOf('function');
    // The core sends each event as a JSON string whose `data` is itself a JSON string.
    emitCoreEvent!(JSON.stringify({ event: 'OnConversationChanged', errCode: 0, errMsg: '', operationID: '', data: JSON.stringify([changed]) }));
    await waitFor(() => expect(selectConversation(store.getState(), 'si_alice_maya')?.lastMessage?.preview).toBe('at 1?'));
    expect(selectConversation(store.getState(), 'si_alice_maya')?.unreadCount).toBe(3);
  });

  it('pin through the store: the wrapper hands the core setConversation with a JSON parameter string', async () => {
    await store.getState().actions.pin('si_alice_maya', true);
    const call = coreCalls.filter((entry) => entry.name === 'setConversation').at(-1)!;
    expect(call.args[1]).toBe('si_alice_maya');
    expect(JSON.parse(call.args[2] as string)).toMatchObject({ conversationID: 'si_alice_maya', isPinned: true });
    expect(selectConversation(store.getState(), 'si_alice_maya')?.isPinned).toBe(true);
  });

  it("a core error ({ errCode, errMsg }) comes back through the wrapper's rejection as a per-command failure", async () => {
    // The core's "record not found" (1004) keeps its code through the wrapper, so the adapter can tell it from an
    // unbacked method (which rejects without errCode and becomes NOT_SUPPORTED).
    const error = await adapter.pin('si_ghost_maya', true).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toMatchObject({ name: 'InboxError', sdkCode: 1004 });
    expect((error as { code: string }).code).not.toBe('NOT_SUPPORTED');
  });

  it("a picture in latestMsg: the row gets kind 'image' and no label", async () => {
    const at = Date.now() + 1000;
    const picture = { ...conversations[0]!, latestMsg: JSON.stringify({ clientMsgID: 'p1', sendID: 'alice', sendTime: at, contentType: 102, pictureElem: {} }), latestMsgSendTime: at };
    emitCoreEvent!(JSON.stringify({ event: 'OnConversationChanged', errCode: 0, errMsg: '', operationID: '', data: JSON.stringify([picture]) }));
    await waitFor(() => expect(selectConversation(store.getState(), 'si_alice_maya')?.lastMessage).toMatchObject({ preview: '', kind: 'image' }));
  });

  it("a hide mark through the store: written into ex by the wrapper's setConversation, left out of the adapter's total", async () => {
    await store.getState().actions.setMark(['sg_rnd'], 'hide', true);
    const call = coreCalls.filter((entry) => entry.name === 'setConversation').at(-1)!;
    expect(call.args[1]).toBe('sg_rnd');
    const params = JSON.parse(call.args[2] as string) as { ex: string };
    expect(JSON.parse(params.ex)).toMatchObject({ inboxkit: { marks: ['hide'] } });
    expect(selectConversationIds(store.getState())).not.toContain('sg_rnd');
    // The core still counts rnd (5); the adapter does not.
    expect((await sdk.getTotalUnreadMsgCount()).data).toBe(7);
    expect(await adapter.getTotalUnread()).toBe(2);
    await store.getState().actions.setMark(['sg_rnd'], 'hide', false);
    expect(await adapter.getTotalUnread()).toBe(7);
    expect(selectConversationIds(store.getState())).toContain('sg_rnd');
  });

  it('custom data through the store: one setConversation({ ex }) per conversation, shown on the row', async () => {
    const before = coreCalls.length;
    const result = await store.getState().actions.setCustomData(['si_alice_maya', 'sg_news'], 'crm:7');
    expect(result.succeeded.sort()).toEqual(['sg_news', 'si_alice_maya']);
    const writes = coreCalls.slice(before).filter((entry) => entry.name === 'setConversation');
    expect(writes.map((entry) => JSON.parse(entry.args[2] as string) as Bag).sort((a, b) => String(a.conversationID).localeCompare(String(b.conversationID)))).toEqual([
      { conversationID: 'sg_news', ex: 'crm:7' },
      { conversationID: 'si_alice_maya', ex: 'crm:7' },
    ]);
    expect(selectConversation(store.getState(), 'sg_news')?.customData).toBe('crm:7');
  });

  it("the account-wide receive option: read from getSelfUserInfo on connect, set through the wrapper's setSelfInfo", async () => {
    expect(adapter.capabilities.globalReceiveModes).toEqual(['none', 'blocked', 'silent']);
    expect(store.getState().globalReceiveOption).toBe('none');
    await store.getState().actions.setGlobalReceiveOption('silent');
    expect(JSON.parse(coreCalls.filter((entry) => entry.name === 'setSelfInfo').at(-1)!.args[1] as string)).toEqual({ globalRecvMsgOpt: 2 });
    expect(await adapter.getGlobalReceiveOption()).toBe('silent');
  });

  it('the conversation-group methods the 3.8.5 wrapper declares but the core lacks: the adapter falls back to emulated groups', () => {
    // The wrapper has the method; the core function it calls does not exist, so it rejects without an errCode.
    expect(typeof (sdk as unknown as Bag).getConversationGroups).toBe('function');
    expect(adapter.capabilities.groups).toBe('emulated');
  });

  it('clear all through the store: the 3.8.5 wrapper has no hideAllConversations, so one hideConversation per row', async () => {
    expect(typeof (sdk as unknown as Bag).hideAllConversations).toBe('undefined');
    expect(adapter.capabilities.clearAll).toBe(true);
    await store.getState().actions.clearAllConversations();
    expect(coreCalls.filter((entry) => entry.name === 'hideConversation').map((entry) => entry.args[1]).sort()).toEqual(['sg_news', 'sg_rnd', 'si_alice_maya']);
    expect(selectConversationIds(store.getState())).toEqual([]);
    await waitFor(() => expect(store.getState().backendUnreadTotal).toBe(0));
  });
});
