/**
 * The adapter contract's reads and commands, as the app calls them. Each one checks its arguments as Tencent
 * Cloud Chat's SDK does (a bad argument rejects with `INVALID_ARGUMENT` and uses up no injected failure), then runs
 * through the call gate (an injected failure, the latency) and only then reads the tables or makes its change.
 * What a change does is in the changes, shared with the simulator; this file is the contract's surface.
 */
import type { AdapterCapabilities, ConversationAdapter, ConversationPage, DeleteOptions, PageRequest } from '../../core/adapter.js';
import { InboxError } from '../../core/errors.js';
import { isRecord } from '../../core/isRecord.js';
import type { ConversationTarget, MuteMode } from '../../core/types.js';
import {
  assertBoolean,
  assertConversationId,
  assertGroupName,
  assertIdList,
  assertMark,
  assertMuteMode,
  assertString,
  normalizeGroupName,
} from '../../core/validate.js';
import type { MemoryChanges } from './changes.js';
import { invalid } from './errors.js';
import type { CallGate } from './faults.js';
import { isValidCursor } from './paging.js';
import type { MemoryTables } from './tables.js';

/** Tencent's `markConversation` takes at most 100 conversations (server error 51006). */
const MAX_MARK_BATCH = 100;
const MARK_BATCH_TOO_LARGE_SDK = 51006;

/** The adapter methods that read the backend or change it, the optional ones included: this backend has them all. */
export type MemoryCommands = Required<Omit<ConversationAdapter, 'name' | 'account' | 'capabilities' | 'connect' | 'disconnect' | 'subscribe' | 'getTotalUnread'>> & {
  /** Resolves the total unread under `capabilities.unreadRule`, hidden conversations left out (as the store counts). */
  getTotalUnread(): Promise<number>;
};

export interface CommandContext {
  tables: MemoryTables;
  changes: MemoryChanges;
  gate: CallGate;
  capabilities: AdapterCapabilities;
  /** Page size when a request gives no `count`. */
  pageSize: number;
  /** The backend's name, for messages. */
  name: string;
  /** Called after a page answered before the tables were built (from the checked seed). */
  answeredFromSeed: () => void;
}

export function createCommands(context: CommandContext): MemoryCommands {
  const { tables, changes, gate, capabilities, pageSize, name: backendName, answeredFromSeed } = context;
  const { run } = gate;

  function notSupported(what: string): InboxError {
    return new InboxError('NOT_SUPPORTED', `The ${backendName} backend does not support ${what}.`);
  }

  /** The modes `setGlobalReceiveOption` accepts; throws `NOT_SUPPORTED` when there are none. */
  function requireGlobalReceiveModes(): readonly MuteMode[] {
    const modes = capabilities.globalReceiveModes ?? [];
    if (modes.length === 0) throw notSupported('an account-wide receive option');
    return modes;
  }

  return {
    loadConversations(request: PageRequest = {}): Promise<ConversationPage> {
      return run(
        'loadConversations',
        () => {
          if (!isRecord(request)) throw invalid('loadConversations needs { cursor?, count? }.');
          const { cursor, count } = request;
          if (!isValidCursor(cursor)) throw invalid(`Unknown cursor ${JSON.stringify(cursor)}; pass back the cursor of the previous page.`);
          if (count !== undefined && (typeof count !== 'number' || !Number.isFinite(count) || count < 1)) {
            throw invalid('count must be a positive number.');
          }
        },
        () => {
          const page = tables.page(request.cursor, Math.floor(request.count ?? pageSize));
          if (!tables.isBuilt) answeredFromSeed();
          return page;
        },
      );
    },

    loadGroups() {
      return run('loadGroups', () => undefined, () => tables.groups());
    },

    getTotalUnread() {
      return run('getTotalUnread', () => undefined, () => tables.unreadTotal);
    },

    openConversation(target: ConversationTarget) {
      return run(
        'openConversation',
        () => {
          if (!isRecord(target) || (target.kind !== 'direct' && target.kind !== 'group')) {
            throw invalid('openConversation needs { kind: "direct" | "group", targetId }.');
          }
          assertConversationId(target.targetId, 'targetId');
        },
        () => changes.open(target),
      );
    },

    pin(id, isPinned) {
      return run(
        'pin',
        () => {
          assertConversationId(id);
          assertBoolean(isPinned, 'isPinned');
        },
        () => changes.pin(id, isPinned),
      );
    },

    setDraft(id, text) {
      return run(
        'setDraft',
        () => {
          assertConversationId(id);
          assertString(text, 'the draft text');
        },
        () => changes.setDraft(id, text),
      );
    },

    setMuteMode(id, mode) {
      return run(
        'setMuteMode',
        () => {
          assertConversationId(id);
          assertMuteMode(mode);
        },
        () => changes.setMuteMode(id, mode),
      );
    },

    markRead(id) {
      return run(
        'markRead',
        () => assertConversationId(id),
        () => changes.markRead(id),
      );
    },

    markAllRead() {
      return run('markAllRead', () => undefined, () => changes.markAllRead());
    },

    setMark(ids, mark, enabled) {
      return run(
        'setMark',
        () => {
          assertIdList(ids);
          assertMark(mark);
          assertBoolean(enabled, 'enabled');
          if (!capabilities.marks.includes(mark)) {
            throw notSupported(`the "${mark}" mark`);
          }
          if (ids.length > MAX_MARK_BATCH) throw invalid(`At most ${MAX_MARK_BATCH} conversations can be marked at once.`, MARK_BATCH_TOO_LARGE_SDK);
        },
        () => changes.setMark(ids, mark, enabled),
      );
    },

    deleteConversations(ids, options?: DeleteOptions) {
      return run(
        'deleteConversations',
        () => {
          assertIdList(ids);
          if (options !== undefined && !isRecord(options)) throw invalid('deleteConversations options must be an object.');
          if (options?.clearHistory !== undefined) assertBoolean(options.clearHistory, 'clearHistory');
        },
        () => changes.deleteConversations(ids, options?.clearHistory ?? true),
      );
    },

    getGlobalReceiveOption() {
      return run(
        'getGlobalReceiveOption',
        () => requireGlobalReceiveModes(),
        () => changes.getGlobalReceiveOption(),
      );
    },

    setGlobalReceiveOption(mode) {
      return run(
        'setGlobalReceiveOption',
        () => {
          assertMuteMode(mode);
          if (!requireGlobalReceiveModes().includes(mode)) throw notSupported(`"${mode}" as the account-wide receive option`);
        },
        () => changes.setGlobalReceiveOption(mode),
      );
    },

    clearAllConversations() {
      return run(
        'clearAllConversations',
        () => {
          if (!capabilities.clearAll) throw notSupported('clearing every conversation');
        },
        () => changes.clearAll(),
      );
    },

    setCustomData(ids, data) {
      return run(
        'setCustomData',
        () => {
          const max = capabilities.customDataMaxLength ?? 0;
          if (max <= 0) throw notSupported('custom data');
          assertIdList(ids);
          assertString(data, 'the custom data');
          if (data.length > max) throw invalid(`Custom data is at most ${max} characters, got ${data.length}.`);
        },
        () => changes.setCustomData(ids, data),
      );
    },

    createGroup(name, ids) {
      return run(
        'createGroup',
        () => {
          assertGroupName(name, capabilities.groupNameMaxBytes);
          assertIdList(ids);
        },
        () => changes.createGroup(normalizeGroupName(name), ids),
      );
    },

    renameGroup(oldName, newName) {
      return run(
        'renameGroup',
        () => {
          assertString(oldName, 'the old group name');
          assertGroupName(newName, capabilities.groupNameMaxBytes);
        },
        () => changes.renameGroup(oldName, normalizeGroupName(newName)),
      );
    },

    deleteGroup(name) {
      return run(
        'deleteGroup',
        () => assertString(name, 'the group name'),
        () => changes.deleteGroup(name),
      );
    },

    addToGroup(name, ids) {
      return run(
        'addToGroup',
        () => {
          assertString(name, 'the group name');
          assertIdList(ids);
        },
        () => changes.addToGroup(name, ids),
      );
    },

    removeFromGroup(name, ids) {
      return run(
        'removeFromGroup',
        () => {
          assertString(name, 'the group name');
          assertIdList(ids);
        },
        () => changes.removeFromGroup(name, ids),
      );
    },
  };
}
