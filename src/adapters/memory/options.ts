/**
 * What `createMemoryAdapter` accepts, and the settings it resolves them to. Every option is checked once, here,
 * so the rest of the adapter reads settings it can trust; the capabilities follow from the options (drafts, marks,
 * unread rule, order) and from Tencent Cloud Chat's documented limits, which this backend copies.
 */
import { TENCENT_UNREAD_RULE, type AdapterCapabilities, type OrderingKey, type UnreadRule } from '../../core/adapter.js';
import type { Conversation, ConversationId, ConversationMark, MuteMode } from '../../core/types.js';
import { assertMark, assertMuteMode, CONVERSATION_MARKS, MUTE_MODES } from '../../core/validate.js';
import { checkTime, invalid } from './errors.js';
import type { MemoryAdapterStorage } from './storage.js';

/** A conversation group given as seed data. */
export interface MemoryGroupSeed {
  name: string;
  conversationIds: readonly ConversationId[];
}

/** Options of `createMemoryAdapter`. Every field is optional. */
export interface MemoryAdapterOptions {
  /**
   * The conversations the backend starts with. Their `groupNames` and `groups` together give the membership.
   * Ignored when `storage` already holds data under `storageKey`.
   * @default []
   */
  conversations?: readonly Conversation[];
  /** Groups in order, with their members. Names used only in `conversations[].groupNames` are appended. @default [] */
  groups?: readonly MemoryGroupSeed[];
  /** Every command and read waits this long (through `setTimeout`) before it runs. `0` resolves on a microtask. @default 0 */
  latencyMs?: number;
  /** The clock, in ms: draft times and messages without an explicit `at`. @default Date.now */
  now?: () => number;
  /** Keeps conversations and groups across reloads: saved after every change, loaded on creation. Corrupt data is ignored. */
  storage?: MemoryAdapterStorage | null;
  /** @default 'inboxkit:memory-adapter' */
  storageKey?: string;
  /** Page size when a request gives no `count`. @default 100 */
  pageSize?: number;
  /** Which conversations count toward the total unread. @default TENCENT_UNREAD_RULE */
  unreadRule?: UnreadRule;
  /** @default 'lastActivity' (Tencent Web); `'lastActivityOrDraft'` orders like OpenIM */
  orderBy?: OrderingKey;
  /**
   * Whether drafts are part of the backend's data (saved to `storage`, `capabilities.draftsPersisted`). With
   * `false` the adapter behaves like Tencent Web: drafts live in memory only and the store keeps its own copy.
   * @default true
   */
  persistDrafts?: boolean;
  /** Marks the backend supports; the others reject with `NOT_SUPPORTED`. @default ['star', 'unread', 'fold', 'hide'] */
  marks?: readonly ConversationMark[];
  /**
   * Account-wide receive options `setGlobalReceiveOption` accepts; `[]` turns the feature off (as on Tencent, which
   * has none). @default every mute mode
   */
  globalReceiveModes?: readonly MuteMode[];
  /** Whether `clearAllConversations` is offered. @default true */
  clearAll?: boolean;
  /** Longest custom data `setCustomData` stores, in UTF-16 units; `0` turns it off. @default 256 (Tencent's) */
  customDataMaxLength?: number;
  /** @default 'memory' */
  name?: string;
  /** The signed-in account, so that local data such as drafts is kept per account (`adapter.account`). */
  account?: string;
}

/** The options checked, with their defaults filled in. */
export interface MemorySettings {
  name: string;
  /** Set only when the option is a non-empty string. */
  account: string | undefined;
  latencyMs: number;
  now: () => number;
  pageSize: number;
  orderBy: OrderingKey;
  persistDrafts: boolean;
  storage: MemoryAdapterStorage | null;
  storageKey: string;
  capabilities: AdapterCapabilities;
}

const DEFAULT_STORAGE_KEY = 'inboxkit:memory-adapter';

/** Checks the options (throwing `INVALID_ARGUMENT` for the first bad one) and fills in the defaults. */
export function readOptions(options: MemoryAdapterOptions): MemorySettings {
  if (typeof options !== 'object' || options === null) throw invalid('createMemoryAdapter options must be an object.');
  const latencyMs = options.latencyMs === undefined ? 0 : checkTime(options.latencyMs, 'latencyMs');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw invalid('`now` must be a function returning ms.');
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw invalid('`pageSize` must be a positive integer.');
  const orderBy = options.orderBy ?? 'lastActivity';
  if (orderBy !== 'lastActivity' && orderBy !== 'lastActivityOrDraft') throw invalid('`orderBy` must be "lastActivity" or "lastActivityOrDraft".');
  const marks = Object.freeze([...new Set(options.marks ?? CONVERSATION_MARKS)]);
  for (const mark of marks) assertMark(mark);
  const persistDrafts = options.persistDrafts ?? true;
  const globalReceiveModes = Object.freeze([...new Set(options.globalReceiveModes ?? MUTE_MODES)]);
  for (const mode of globalReceiveModes) assertMuteMode(mode);
  const clearAll = options.clearAll ?? true;
  if (typeof clearAll !== 'boolean') throw invalid('`clearAll` must be a boolean.');
  const customDataMaxLength = options.customDataMaxLength ?? 256;
  if (!Number.isInteger(customDataMaxLength) || customDataMaxLength < 0) throw invalid('`customDataMaxLength` must be a whole number from 0.');

  const capabilities: AdapterCapabilities = Object.freeze({
    groups: 'native',
    paging: true,
    maxGroups: 20,
    groupNameMaxBytes: 32,
    maxPinned: 50,
    maxGroupedConversations: 1000,
    serverDelete: true,
    draftsPersisted: persistDrafts,
    marks,
    unreadRule: options.unreadRule ?? TENCENT_UNREAD_RULE,
    orderBy,
    globalReceiveModes,
    clearAll,
    customDataMaxLength,
    // The tables change a conversation's groupNames and its groups' members together.
    groupNamesMatchGroups: true,
  });
  return {
    name: options.name ?? 'memory',
    account: typeof options.account === 'string' && options.account !== '' ? options.account : undefined,
    latencyMs,
    now,
    pageSize,
    orderBy,
    persistDrafts,
    storage: options.storage ?? null,
    storageKey: options.storageKey ?? DEFAULT_STORAGE_KEY,
    capabilities,
  };
}
