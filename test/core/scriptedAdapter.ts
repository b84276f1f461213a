import { DEFAULT_CAPABILITIES, type AdapterCapabilities, type AdapterEvent, type ConversationAdapter } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import type { Conversation, ConversationGroup } from '../../src/core/types.js';

export interface Call {
  method: string;
  args: unknown[];
  resolve: (value?: unknown) => void;
  reject: (error: unknown) => void;
}

/** Makes a valid conversation with sensible defaults. */
export function conv(id: string, partial: Partial<Conversation> = {}): Conversation {
  return {
    id,
    kind: 'direct',
    title: id,
    unreadCount: 0,
    muteMode: 'none',
    lastActivityAt: 1000,
    mentions: [],
    isPinned: false,
    groupNames: [],
    ...partial,
  };
}

const BATCH = new Set(['setMark', 'deleteConversations', 'createGroup', 'addToGroup', 'removeFromGroup', 'setCustomData']);

/**
 * An adapter whose every command is a deferred promise the test settles by hand (or at once in `auto` mode),
 * so optimistic states and rollbacks can be observed between the call and its outcome.
 */
export function createScriptedAdapter(
  options: {
    conversations?: Conversation[];
    groups?: ConversationGroup[];
    capabilities?: Partial<AdapterCapabilities>;
    pageSize?: number;
    auto?: boolean;
    /** The backend's own unread total, when it reports one. */
    backendTotal?: () => number;
  } = {},
) {
  const listeners = new Set<(event: AdapterEvent) => void>();
  const calls: Call[] = [];
  let conversations = options.conversations ?? [];
  const groups = options.groups ?? [];
  let auto = options.auto ?? true;
  let subscribeCount = 0;

  const command =
    (method: string) =>
    (...args: unknown[]): Promise<never> =>
      new Promise((resolve, reject) => {
        const call: Call = { method, args, resolve: resolve as (value?: unknown) => void, reject };
        calls.push(call);
        if (auto) {
          const ids = args.find(Array.isArray) as string[] | undefined;
          resolve((BATCH.has(method) ? { succeeded: [...(ids ?? [])], failed: [] } : undefined) as never);
        }
      });

  const adapter: ConversationAdapter = {
    name: 'scripted',
    capabilities: { ...DEFAULT_CAPABILITIES, marks: ['star', 'unread'], paging: Boolean(options.pageSize), ...options.capabilities },
    subscribe(listener) {
      subscribeCount++;
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
    async loadConversations({ cursor }) {
      const size = options.pageSize ?? conversations.length;
      const start = cursor ? Number(cursor) : 0;
      const page = conversations.slice(start, start + size);
      const end = start + page.length;
      const isFinished = end >= conversations.length;
      return { conversations: page, cursor: isFinished ? null : String(end), isFinished };
    },
    async loadGroups() {
      return groups;
    },
    getTotalUnread: options.backendTotal ? () => options.backendTotal!() : undefined,
    openConversation: command('openConversation'),
    pin: command('pin'),
    setDraft: command('setDraft'),
    setMuteMode: command('setMuteMode'),
    markRead: command('markRead'),
    markAllRead: command('markAllRead'),
    setMark: command('setMark'),
    deleteConversations: command('deleteConversations'),
    createGroup: command('createGroup'),
    renameGroup: command('renameGroup'),
    deleteGroup: command('deleteGroup'),
    addToGroup: command('addToGroup'),
    removeFromGroup: command('removeFromGroup'),
    setCustomData: command('setCustomData'),
    getGlobalReceiveOption: async () => 'none',
    setGlobalReceiveOption: command('setGlobalReceiveOption'),
    clearAllConversations: command('clearAllConversations'),
  };

  return {
    adapter,
    calls,
    emit(event: AdapterEvent) {
      for (const listener of listeners) listener(event);
    },
    setConversations(next: Conversation[]) {
      conversations = next;
    },
    setAuto(value: boolean) {
      auto = value;
    },
    get listenerCount() {
      return listeners.size;
    },
    get subscribeCount() {
      return subscribeCount;
    },
    /** The last call of a method. */
    last(method: string): Call {
      const call = [...calls].reverse().find((c) => c.method === method);
      if (!call) throw new Error(`no call of ${method}`);
      return call;
    },
    failure: (code = 51009) => new InboxError('ADAPTER_FAILED', 'backend said no', { sdkCode: code }),
  };
}
