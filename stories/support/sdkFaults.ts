/**
 * Latency and injected failures for the SDK fakes, so that `parameters.inbox.latencyMs` / `failNext` and the
 * stories' "slow server" and "server refuses" controls mean the same on every backend. They act on the SDK calls
 * behind each adapter operation, not on the adapter: the real adapter still meets the failure and maps it (its
 * message keeps the memory adapter's words, `Injected failure of pin.`, so a play can find it on any backend).
 */
import type { FailNextOptions, MemoryOperation } from '../../src/adapters/memory/index.js';
import { STORY_BACKEND_TITLES } from './backends.js';

/** An SDK method behind an operation; `when` narrows it to some calls of a method shared with other operations. */
interface SdkCall {
  method: string;
  when?: (args: readonly unknown[]) => boolean;
}

/** The calls of the Tencent adapter, by operation. Operations missing here make no SDK call on Tencent. */
const TENCENT_CALLS: Partial<Record<MemoryOperation, readonly SdkCall[]>> = {
  // With ids, getConversationList is a lookup in the SDK's cache (before pin, mute, mark read), not a load.
  loadConversations: [{ method: 'getConversationList', when: (args) => args[0] === undefined }],
  loadGroups: [{ method: 'getConversationGroupList' }],
  getTotalUnread: [{ method: 'getTotalUnreadMessageCount' }],
  openConversation: [{ method: 'getConversationProfile' }],
  pin: [{ method: 'pinConversation' }],
  setDraft: [{ method: 'setConversationDraft' }],
  setMuteMode: [{ method: 'setMessageRemindType' }],
  markRead: [{ method: 'setMessageRead' }],
  markAllRead: [{ method: 'setAllMessageRead' }],
  setMark: [{ method: 'markConversation' }],
  deleteConversations: [{ method: 'deleteConversation' }],
  setCustomData: [{ method: 'setConversationCustomData' }],
  createGroup: [{ method: 'createConversationGroup' }],
  renameGroup: [{ method: 'renameConversationGroup' }],
  deleteGroup: [{ method: 'deleteConversationGroup' }],
  addToGroup: [{ method: 'addConversationsToGroup' }],
  removeFromGroup: [{ method: 'deleteConversationsFromGroup' }],
};

/** The calls of the OpenIM adapter (enterprise build), by operation. Several operations share `setConversation`. */
const OPENIM_CALLS: Partial<Record<MemoryOperation, readonly SdkCall[]>> = {
  loadConversations: [{ method: 'getConversationListSplit' }],
  loadGroups: [{ method: 'getConversationGroups' }],
  getTotalUnread: [{ method: 'getTotalUnreadMsgCount' }],
  openConversation: [{ method: 'getOneConversation' }],
  pin: [{ method: 'setConversation' }],
  setDraft: [{ method: 'setConversationDraft' }],
  setMuteMode: [{ method: 'setConversation' }],
  markRead: [{ method: 'markConversationMessageAsRead' }],
  markAllRead: [{ method: 'markConversationMessageAsRead' }],
  setMark: [{ method: 'setConversation' }],
  setCustomData: [{ method: 'setConversation' }],
  deleteConversations: [{ method: 'deleteConversationAndDeleteAllMsg' }, { method: 'hideConversation' }],
  getGlobalReceiveOption: [{ method: 'getSelfUserInfo' }],
  setGlobalReceiveOption: [{ method: 'setSelfInfo' }, { method: 'setGlobalRecvMessageOpt' }],
  clearAllConversations: [{ method: 'hideAllConversations' }, { method: 'hideConversation' }],
  createGroup: [{ method: 'createConversationGroup' }],
  renameGroup: [{ method: 'updateConversationGroup' }],
  deleteGroup: [{ method: 'deleteConversationGroup' }],
  addToGroup: [{ method: 'addConversationsToGroups' }],
  removeFromGroup: [{ method: 'removeConversationsFromGroups' }],
};

/** The controls the stories' "simulated server" arguments use, on any backend. */
export interface SdkFaults {
  setLatency(ms: number): void;
  failNext(operation: MemoryOperation, error?: Error, options?: FailNextOptions): void;
}

/**
 * Wraps a fake SDK so that the calls behind the adapter's operations wait the latency and take injected failures.
 * Everything else (events, the fake's drivers, synchronous answers) passes through untouched.
 */
export function withSdkFaults<T extends object>(backend: 'tencent' | 'openim', sdk: T, latencyMs: number): { sdk: T; faults: SdkFaults } {
  const calls = backend === 'tencent' ? TENCENT_CALLS : OPENIM_CALLS;
  let latency = latencyMs;
  const queued: { calls: readonly SdkCall[]; message: string }[] = [];

  const methods = new Set(Object.values(calls).flatMap((list) => list.map((call) => call.method)));
  const matches = (call: SdkCall, method: string, args: readonly unknown[]) => call.method === method && (call.when?.(args) ?? true);
  const isBehindAnOperation = (method: string, args: readonly unknown[]) =>
    Object.values(calls).some((list) => list.some((call) => matches(call, method, args)));

  /**
   * Rejects one call the way the SDK does: an Error with the SDK's fields on Tencent, a plain `{ errCode, errMsg }`
   * object on OpenIM (as its SDK and fake reject). Rejected here rather than armed on the fake (`failNext` there keeps
   * one failure per method, read after a turn), so that concurrent calls each take their own queued failure.
   */
  let rejected = 0;
  function fail(method: string, message: string): unknown {
    if (backend === 'openim') {
      // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
      return Promise.reject({ event: method, operationID: `injected_${++rejected}`, errCode: 10005, errMsg: message });
    }
    return Promise.reject(new Error(message));
  }

  const wrapped = new Proxy(sdk, {
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      if (typeof property !== 'string' || typeof value !== 'function' || !methods.has(property)) return value;
      const method = property;
      const original = value as (...args: unknown[]) => unknown;
      return function (this: unknown, ...args: unknown[]): unknown {
        const run = (): unknown => original.apply(this, args);
        if (!isBehindAnOperation(method, args)) return run();
        const index = queued.findIndex((failure) => failure.calls.some((call) => matches(call, method, args)));
        const failure = index >= 0 ? queued.splice(index, 1)[0] : undefined;
        const answer = (): unknown => (failure ? fail(method, failure.message) : run());
        // Tencent's total is a plain number once ready, as the adapter expects: it never waits.
        if (latency <= 0 || method === 'getTotalUnreadMessageCount') return answer();
        return new Promise((resolve) => setTimeout(resolve, latency)).then(answer);
      };
    },
  });

  const faults: SdkFaults = {
    setLatency(ms) {
      latency = ms;
    },
    failNext(operation, error, options = {}) {
      const behind = calls[operation];
      if (!behind) throw new Error(`failNext("${operation}"): the ${STORY_BACKEND_TITLES[backend]} adapter makes no SDK call for it.`);
      const message = error?.message ?? `Injected failure of ${operation}.`;
      for (let i = 0; i < (options.times ?? 1); i++) queued.push({ calls: behind, message });
    },
  };
  return { sdk: wrapped, faults };
}
