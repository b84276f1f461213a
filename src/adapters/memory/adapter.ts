import { isRecord } from '../../core/isRecord.js';
import {
  TENCENT_UNREAD_RULE,
  type AdapterCapabilities,
  type AdapterEvent,
  type ConversationAdapter,
  type ConversationPage,
  type DeleteOptions,
  type OrderingKey,
  type PageRequest,
  type UnreadRule,
} from '../../core/adapter.js';
import { InboxError, toInboxError } from '../../core/errors.js';
import { createEmitter } from '../../core/emitter.js';
import { createComparator, OrderedList, orderTime, unreadContribution } from '../../core/order.js';
import type {
  Conversation,
  ConversationGroup,
  ConversationId,
  ConversationMark,
  ConversationTarget,
  Mention,
  MentionKind,
  MuteMode,
  OperationResult,
} from '../../core/types.js';
import {
  assertBoolean,
  assertConversationId,
  assertGroupName,
  assertIdList,
  assertMark,
  assertMuteMode,
  assertString,
  assertNoGroupNamed,
  CONVERSATION_MARKS,
  normalizeGroupName,
} from '../../core/validate.js';
import { derive, MENTION_KINDS, toConversation } from './normalize.js';
import { parseSnapshot, serializeSnapshot, type MemoryAdapterStorage, type MemorySnapshot } from './storage.js';

/** Names of the adapter methods `failNext` can make fail. */
export type MemoryOperation =
  | 'loadConversations'
  | 'loadGroups'
  | 'getTotalUnread'
  | 'openConversation'
  | 'pin'
  | 'setDraft'
  | 'setMuteMode'
  | 'markRead'
  | 'markAllRead'
  | 'setMark'
  | 'deleteConversations'
  | 'createGroup'
  | 'renameGroup'
  | 'deleteGroup'
  | 'addToGroup'
  | 'removeFromGroup';

/** Every operation `failNext` accepts. */
export const MEMORY_OPERATIONS: readonly MemoryOperation[] = Object.freeze([
  'loadConversations',
  'loadGroups',
  'getTotalUnread',
  'openConversation',
  'pin',
  'setDraft',
  'setMuteMode',
  'markRead',
  'markAllRead',
  'setMark',
  'deleteConversations',
  'createGroup',
  'renameGroup',
  'deleteGroup',
  'addToGroup',
  'removeFromGroup',
]);

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
  /** @default 'memory' */
  name?: string;
  /** The signed-in account, so that local data such as drafts is kept per account (`adapter.account`). */
  account?: string;
}

/** A message as `simulate.message` receives it. */
export interface SimulatedMessage {
  preview: string;
  senderName?: string;
  senderId?: string;
  /** @-mentions the message carries; each is appended to the conversation's mentions. */
  mentions?: readonly MentionKind[];
  /** When it was sent, in ms. @default now() */
  at?: number;
  /** @default a generated `msg_<n>` */
  id?: string;
  isRevoked?: boolean;
}

/** Drives what a server would push. Every call changes the backend synchronously and emits its events at once. */
export interface MemorySimulator {
  /**
   * A message arrives: the conversation gets it as its last message at `at`, its unread count grows by one and
   * the mentions are appended. A conversation deleted earlier comes back. Returns the new conversation.
   */
  message(id: ConversationId, message: SimulatedMessage): Conversation;
  /** A conversation appears (another device, a new chat). Its `groupNames` must name existing groups. */
  newConversation(conversation: Conversation): Conversation;
  /** Any other server-side change of one conversation (title, avatar, mute mode set on another device...). */
  update(id: ConversationId, changes: Partial<Omit<Conversation, 'id' | 'groupNames'>>): Conversation;
  /** The conversation is deleted elsewhere (its history is kept: a new message brings it back). */
  removeConversation(id: ConversationId): void;
  /** The conversation is read on another device. */
  read(id: ConversationId): void;
  /** Another device creates a group. Same limits as `createGroup`, but they throw. */
  groupCreated(name: string, ids?: readonly ConversationId[]): void;
  groupDeleted(name: string): void;
  groupRenamed(oldName: string, newName: string): void;
  /** Sets the whole membership of a group. */
  membership(name: string, ids: readonly ConversationId[]): void;
  /** Emits `syncing`, then `ready` after the latency. Resolves once `ready` is emitted. */
  sync(): Promise<void>;
  /** Emits a failed sync. */
  syncFailed(error?: InboxError): void;
}

/** Options of `failNext`. */
export interface FailNextOptions {
  /** How many consecutive calls fail. @default 1 */
  times?: number;
}

/** The in-memory backend: the whole adapter contract plus controls for demos and tests. */
export interface MemoryAdapter extends ConversationAdapter {
  /** Resolves the total unread under `capabilities.unreadRule`. */
  getTotalUnread(): Promise<number>;
  readonly simulate: MemorySimulator;
  /**
   * Makes the next call(s) of `operation` reject with `error` (default an `ADAPTER_FAILED` InboxError) and change
   * nothing. Calls rejected for invalid arguments do not use up an injected failure. Failures queue up in order.
   */
  failNext(operation: MemoryOperation, error?: InboxError, options?: FailNextOptions): void;
  /** Changes the latency of later calls. */
  setLatency(ms: number): void;
  /** The backend's data now (conversations in list order), without latency or events. */
  getSnapshot(): MemorySnapshot;
}

const EMPTY: readonly never[] = Object.freeze([]);
const DEFAULT_STORAGE_KEY = 'inboxkit:memory-adapter';
/** Tencent's `markConversation` takes at most 100 conversations (server error 51006). */
const MAX_MARK_BATCH = 100;
const CONVERSATION_NOT_FOUND_SDK = 2500;

interface Seed {
  conversations: Map<ConversationId, Conversation>;
  deleted: Map<ConversationId, Conversation>;
  groupNames: string[];
  members: Map<string, Set<ConversationId>>;
}

function notFound(id: ConversationId): InboxError {
  return new InboxError('CONVERSATION_NOT_FOUND', `There is no conversation "${id}".`, { sdkCode: CONVERSATION_NOT_FOUND_SDK });
}

function groupNotFound(name: string): InboxError {
  return new InboxError('GROUP_NOT_FOUND', `There is no group named "${name}".`, { sdkCode: 51009 });
}

function invalid(message: string, sdkCode?: number): InboxError {
  return new InboxError('INVALID_ARGUMENT', message, { sdkCode });
}

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

function buildSeed(
  conversationsInput: readonly unknown[],
  groupsInput: readonly unknown[],
  deletedInput: readonly unknown[],
  maxBytes: number,
  where: string,
): Seed {
  const conversations = new Map<ConversationId, Conversation>();
  for (const value of conversationsInput) {
    const conversation = toConversation(value, `${where}.conversations`);
    if (conversations.has(conversation.id)) throw invalid(`${where}.conversations: the id "${conversation.id}" appears twice.`);
    conversations.set(conversation.id, conversation);
  }
  const groupNames: string[] = [];
  const members = new Map<string, Set<ConversationId>>();
  for (const group of groupsInput) {
    if (!isRecord(group)) throw invalid(`${where}.groups: expected { name, conversationIds }.`);
    assertGroupName(group.name, maxBytes);
    if (members.has(group.name)) throw invalid(`${where}.groups: the group "${group.name}" appears twice.`);
    assertIdList(group.conversationIds);
    const set = new Set<ConversationId>();
    for (const id of group.conversationIds) {
      if (!conversations.has(id)) throw notFound(id);
      set.add(id);
    }
    groupNames.push(group.name);
    members.set(group.name, set);
  }
  for (const conversation of conversations.values()) {
    for (const name of conversation.groupNames) {
      let set = members.get(name);
      if (!set) {
        assertGroupName(name, maxBytes);
        groupNames.push(name);
        members.set(name, (set = new Set()));
      }
      set.add(conversation.id);
    }
  }
  if (groupNames.length > 20) {
    throw new InboxError('GROUP_LIMIT_EXCEEDED', `${where}: ${groupNames.length} groups, but at most 20 can exist.`, { sdkCode: 51010 });
  }
  // The membership sets are the truth; each conversation's groupNames follow them, in group order.
  const namesOf = new Map<ConversationId, string[]>();
  for (const name of groupNames) {
    for (const id of members.get(name)!) {
      const names = namesOf.get(id);
      if (names) names.push(name);
      else namesOf.set(id, [name]);
    }
  }
  for (const [id, conversation] of conversations) {
    const names = namesOf.get(id) ?? EMPTY;
    if (!sameStrings(names, conversation.groupNames)) conversations.set(id, derive(conversation, { groupNames: Object.freeze([...names]) }));
  }
  const deleted = new Map<ConversationId, Conversation>();
  for (const value of deletedInput) {
    const conversation = toConversation(value, `${where}.deleted`);
    if (!conversations.has(conversation.id)) deleted.set(conversation.id, derive(conversation, { groupNames: EMPTY }));
  }
  return { conversations, deleted, groupNames, members };
}

function checkTime(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(`${what} must be a non-negative number of ms.`);
  return value;
}

/**
 * A page cursor: the order key (pinned, order time) and id of the last row delivered. The next page starts right
 * after where that row would stand now, so rows deleted, unpinned or moved meanwhile never make a page skip rows.
 */
type PageKey = [pinned: 0 | 1, time: number, id: ConversationId];

function toCursor(conversation: Conversation, orderBy: OrderingKey): string {
  const key: PageKey = [conversation.isPinned ? 1 : 0, orderTime(conversation, orderBy), conversation.id];
  return JSON.stringify(key);
}

function parseCursor(cursor: string): PageKey | undefined {
  try {
    const key: unknown = JSON.parse(cursor);
    if (!Array.isArray(key) || key.length !== 3) return undefined;
    const [pinned, time, id] = key as unknown[];
    if ((pinned !== 0 && pinned !== 1) || typeof time !== 'number' || !Number.isFinite(time) || typeof id !== 'string') return undefined;
    return [pinned, time, id];
  } catch {
    return undefined;
  }
}

/**
 * Creates the in-memory backend: the embedded default for Storybook, demos and tests. It implements the whole
 * adapter contract with Tencent Cloud Chat's documented limits and error codes (20 groups → 51010, names of 1 to
 * 32 UTF-8 bytes → 51011, missing group → 51009, 50 pinned → 51012, 1,000 grouped conversations → 51008), pages
 * its list, emits full conversation objects after every change, and offers latency, fault injection, an
 * injectable clock, `simulate` for server pushes and optional persistence.
 *
 * Conversation ids follow Tencent Web: `C2C<userID>`, `GROUP<groupID>`.
 *
 * @example
 * const adapter = createMemoryAdapter({ conversations: generateConversations(500), latencyMs: 150 });
 * const store = createInboxStore({ adapter });
 * adapter.simulate.message('C2Cuser_3', { preview: 'Hi!' });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  if (typeof options !== 'object' || options === null) throw invalid('createMemoryAdapter options must be an object.');
  let latencyMs = options.latencyMs === undefined ? 0 : checkTime(options.latencyMs, 'latencyMs');
  const now = options.now ?? Date.now;
  if (typeof now !== 'function') throw invalid('`now` must be a function returning ms.');
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw invalid('`pageSize` must be a positive integer.');
  const orderBy = options.orderBy ?? 'lastActivity';
  if (orderBy !== 'lastActivity' && orderBy !== 'lastActivityOrDraft') throw invalid('`orderBy` must be "lastActivity" or "lastActivityOrDraft".');
  const rule = options.unreadRule ?? TENCENT_UNREAD_RULE;
  const marks = Object.freeze([...new Set(options.marks ?? CONVERSATION_MARKS)]);
  for (const mark of marks) assertMark(mark);
  const persistDrafts = options.persistDrafts ?? true;
  const storage = options.storage ?? null;
  const storageKey = options.storageKey ?? DEFAULT_STORAGE_KEY;

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
    unreadRule: rule,
    orderBy,
  });
  const compare = createComparator(orderBy);

  // ---- state -------------------------------------------------------------------------------------
  let seed: Seed | undefined;
  if (storage) {
    let text: string | null;
    try {
      text = storage.getItem(storageKey);
    } catch {
      text = null;
    }
    const stored = parseSnapshot(text);
    if (stored) {
      try {
        seed = buildSeed(stored.conversations, stored.groups, stored.deleted, capabilities.groupNameMaxBytes, 'storage');
      } catch {
        seed = undefined; // corrupt data: start from the options as if nothing was stored
      }
    }
  }
  seed ??= buildSeed(options.conversations ?? EMPTY, options.groups ?? EMPTY, EMPTY, capabilities.groupNameMaxBytes, 'options');

  const conversations = seed.conversations;
  const deleted = seed.deleted;
  let groupNames: readonly string[] = Object.freeze(seed.groupNames);
  const members = seed.members;
  let unreadTotal = 0;
  let pinnedCount = 0;
  let groupedCount = 0;
  for (const conversation of conversations.values()) count(conversation, 1);
  let reportedTotal = unreadTotal;
  // The list order for paging, built with one sort here (O(n log n): inserting 100,000 conversations one at a time
  // cost more, and left the first page to pay for it), then kept up to date in core's chunked list: a message
  // moves one conversation in O(log n + chunk), where re-sorting or splicing a 100,000-item array per message made
  // scrolling stutter while messages arrived.
  const ordered = new OrderedList<Conversation>(compare);
  ordered.appendSorted([...conversations.values()].sort(compare));
  let messageSeq = 0;
  const listeners = createEmitter<[AdapterEvent]>();
  const injected = new Map<MemoryOperation, InboxError[]>();

  function count(conversation: Conversation | undefined, sign: 1 | -1): void {
    if (!conversation) return;
    unreadTotal += sign * unreadContribution(conversation, rule);
    if (conversation.isPinned) pinnedCount += sign;
    if (conversation.groupNames.length > 0) groupedCount += sign;
  }

  function put(next: Conversation): Conversation {
    const prev = conversations.get(next.id);
    count(prev, -1);
    conversations.set(next.id, next);
    count(next, 1);
    if (prev) ordered.update(prev, next);
    else ordered.insert(next);
    return next;
  }

  function take(id: ConversationId): Conversation | undefined {
    const conversation = conversations.get(id);
    if (!conversation) return undefined;
    count(conversation, -1);
    conversations.delete(id);
    ordered.remove(conversation);
    return conversation;
  }

  function requireConversation(id: ConversationId): Conversation {
    const conversation = conversations.get(id);
    if (!conversation) throw notFound(id);
    return conversation;
  }

  function requireGroup(name: string): Set<ConversationId> {
    const set = members.get(name);
    if (!set) throw groupNotFound(name);
    return set;
  }

  function groupsNow(): ConversationGroup[] {
    return groupNames.map((name) => Object.freeze({ name, conversationIds: Object.freeze([...members.get(name)!]) }));
  }

  function snapshot(): MemorySnapshot {
    return { conversations: ordered.toArray(), groups: groupsNow(), deleted: [...deleted.values()] };
  }

  // ---- events and persistence ----------------------------------------------------------------------
  function emit(event: AdapterEvent): void {
    listeners.emit(event);
  }

  function save(): void {
    if (!storage) return;
    // Map order, not list order: saving must not sort 100,000 conversations on every change.
    let data: MemorySnapshot = { conversations: [...conversations.values()], groups: groupsNow(), deleted: [...deleted.values()] };
    if (!persistDrafts) {
      const strip = (c: Conversation) => (c.draft ? derive(c, { draft: undefined }) : c);
      data = { ...data, conversations: data.conversations.map(strip), deleted: data.deleted.map(strip) };
    }
    const text = serializeSnapshot(data);
    if (text === undefined) return;
    try {
      storage.setItem(storageKey, text);
    } catch {
      // quota or privacy mode: the session goes on in memory
    }
  }

  /** Saves, then emits the events of one change, then the new total when it moved. */
  function publish(events: AdapterEvent[]): void {
    if (events.length === 0) return;
    save();
    for (const event of events) emit(event);
    if (unreadTotal !== reportedTotal) {
      reportedTotal = unreadTotal;
      emit({ type: 'unreadTotalChanged', total: unreadTotal });
    }
  }

  function upserted(list: readonly Conversation[]): AdapterEvent[] {
    return list.length > 0 ? [{ type: 'upserted', conversations: list }] : [];
  }

  function membershipEvent(name: string): AdapterEvent {
    return { type: 'groupMembershipChanged', name, conversationIds: Object.freeze([...members.get(name)!]) };
  }

  // ---- calls: validate, then fault injection and latency, then the change ---------------------------
  function wait(): Promise<void> {
    if (latencyMs > 0) return new Promise((resolve) => setTimeout(resolve, latencyMs));
    return Promise.resolve();
  }

  function call<T>(operation: MemoryOperation, validate: () => void, body: () => T): Promise<T> {
    try {
      validate();
    } catch (error) {
      return Promise.reject(toInboxError(error));
    }
    const failure = injected.get(operation)?.shift();
    return wait().then(() => {
      if (failure) throw failure;
      return body();
    });
  }

  // ---- shared changes (commands and simulate) ------------------------------------------------------
  function split(ids: readonly ConversationId[]): { known: ConversationId[]; result: OperationResult } {
    const known: ConversationId[] = [];
    const result: OperationResult = { succeeded: [], failed: [] };
    for (const id of new Set(ids)) {
      if (conversations.has(id)) known.push(id);
      else result.failed.push({ id, code: 'CONVERSATION_NOT_FOUND', message: `There is no conversation "${id}".` });
    }
    return { known, result };
  }

  function assertGroupedLimit(ids: readonly ConversationId[]): void {
    let added = 0;
    for (const id of ids) if (conversations.get(id)?.groupNames.length === 0) added++;
    if (added > 0 && groupedCount + added > capabilities.maxGroupedConversations) {
      throw new InboxError(
        'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
        `At most ${capabilities.maxGroupedConversations} conversations can be in groups; this would make ${groupedCount + added}.`,
        { sdkCode: 51008 },
      );
    }
  }

  function addMember(name: string, id: ConversationId, changed: Conversation[]): void {
    const set = members.get(name)!;
    if (set.has(id)) return;
    set.add(id);
    const conversation = conversations.get(id)!;
    changed.push(put(derive(conversation, { groupNames: Object.freeze([...conversation.groupNames, name]) })));
  }

  function removeMember(name: string, id: ConversationId, changed: Conversation[]): void {
    const set = members.get(name)!;
    if (!set.delete(id)) return;
    const conversation = conversations.get(id);
    if (conversation) changed.push(put(derive(conversation, { groupNames: Object.freeze(conversation.groupNames.filter((n) => n !== name)) })));
  }

  function createGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    assertNoGroupNamed(members.keys(), name);
    if (groupNames.length >= capabilities.maxGroups) {
      throw new InboxError('GROUP_LIMIT_EXCEEDED', `At most ${capabilities.maxGroups} groups can be created.`, { sdkCode: 51010 });
    }
    const { known, result } = split(ids);
    assertGroupedLimit(known);
    groupNames = Object.freeze([...groupNames, name]);
    members.set(name, new Set());
    const changed: Conversation[] = [];
    for (const id of known) addMember(name, id, changed);
    result.succeeded.push(...known);
    publish([{ type: 'groupsChanged', names: groupNames }, ...upserted(changed), membershipEvent(name)]);
    return result;
  }

  function renameGroup(oldName: string, newName: string): void {
    const set = requireGroup(oldName);
    if (oldName === newName) return;
    assertNoGroupNamed(members.keys(), newName, oldName);
    groupNames = Object.freeze(groupNames.map((n) => (n === oldName ? newName : n)));
    members.delete(oldName);
    members.set(newName, set);
    const changed: Conversation[] = [];
    for (const id of set) {
      const conversation = conversations.get(id)!;
      changed.push(put(derive(conversation, { groupNames: Object.freeze(conversation.groupNames.map((n) => (n === oldName ? newName : n))) })));
    }
    publish([{ type: 'groupsChanged', names: groupNames }, ...upserted(changed), membershipEvent(newName)]);
  }

  function deleteGroup(name: string): void {
    const set = requireGroup(name);
    const changed: Conversation[] = [];
    for (const id of [...set]) removeMember(name, id, changed);
    members.delete(name);
    groupNames = Object.freeze(groupNames.filter((n) => n !== name));
    publish([{ type: 'groupsChanged', names: groupNames }, ...upserted(changed)]);
  }

  function addToGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    requireGroup(name);
    const { known, result } = split(ids);
    assertGroupedLimit(known);
    const changed: Conversation[] = [];
    for (const id of known) addMember(name, id, changed);
    result.succeeded.push(...known);
    publish(changed.length > 0 ? [...upserted(changed), membershipEvent(name)] : []);
    return result;
  }

  function removeFromGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    requireGroup(name);
    const { known, result } = split(ids);
    const changed: Conversation[] = [];
    for (const id of known) removeMember(name, id, changed);
    result.succeeded.push(...known);
    publish(changed.length > 0 ? [...upserted(changed), membershipEvent(name)] : []);
    return result;
  }

  /** Removes conversations from the list, keeping what a new message would bring back. */
  function remove(ids: readonly ConversationId[], clearHistory: boolean): void {
    const affected = new Set<string>();
    for (const id of ids) {
      const conversation = take(id);
      if (!conversation) continue;
      for (const name of conversation.groupNames) {
        members.get(name)?.delete(id);
        affected.add(name);
      }
      const tombstone: Partial<Conversation> = {
        unreadCount: 0,
        mentions: EMPTY,
        isPinned: false,
        groupNames: EMPTY,
        marks: undefined,
        draft: undefined,
      };
      if (clearHistory) Object.assign(tombstone, { lastMessage: undefined, lastActivityAt: 0 });
      deleted.set(id, derive(conversation, tombstone));
    }
    publish([{ type: 'removed', ids: Object.freeze([...ids]) }, ...[...affected].map(membershipEvent)]);
  }

  function markRead(conversation: Conversation): Conversation | undefined {
    if (conversation.unreadCount === 0 && conversation.mentions.length === 0) return undefined;
    return put(derive(conversation, { unreadCount: 0, mentions: EMPTY }));
  }

  function setMuteMode(conversation: Conversation, mode: MuteMode): void {
    if (conversation.muteMode === mode) return;
    publish(upserted([put(derive(conversation, { muteMode: mode }))]));
  }

  function validateIds(ids: readonly ConversationId[]): void {
    assertIdList(ids);
    for (const id of ids) if (!conversations.has(id)) throw notFound(id);
  }

  // ---- the adapter -------------------------------------------------------------------------------
  const simulate: MemorySimulator = {
    message(id, message) {
      assertConversationId(id);
      if (typeof message !== 'object' || message === null) throw invalid('simulate.message needs { preview, senderName?, mentions?, at? }.');
      assertString(message.preview, 'the message preview');
      for (const key of ['senderName', 'senderId', 'id'] as const) if (message[key] !== undefined) assertString(message[key], `message.${key}`);
      if (message.isRevoked !== undefined) assertBoolean(message.isRevoked, 'message.isRevoked');
      const given: unknown = message.mentions ?? EMPTY;
      if (!Array.isArray(given)) throw invalid('message.mentions must be an array of mention kinds.');
      const kinds: MentionKind[] = [];
      for (const kind of given as unknown[]) {
        if (!MENTION_KINDS.includes(kind as MentionKind)) throw invalid(`Unknown mention kind ${JSON.stringify(kind)}.`);
        kinds.push(kind as MentionKind);
      }
      const at = message.at === undefined ? now() : checkTime(message.at, 'message.at');
      const current = conversations.get(id) ?? deleted.get(id);
      if (!current) throw notFound(id);
      deleted.delete(id);
      const messageId = message.id ?? `msg_${++messageSeq}`;
      const lastMessage: Conversation['lastMessage'] = { id: messageId, preview: message.preview, sentAt: at };
      if (message.senderId !== undefined) lastMessage.senderId = message.senderId;
      if (message.senderName !== undefined) lastMessage.senderName = message.senderName;
      if (message.isRevoked) lastMessage.isRevoked = true;
      const mentions: readonly Mention[] =
        kinds.length > 0 ? Object.freeze([...current.mentions, ...kinds.map((kind) => Object.freeze({ kind, messageId }))]) : current.mentions;
      const next = put(
        derive(current, {
          lastMessage: Object.freeze(lastMessage),
          lastActivityAt: at,
          unreadCount: current.unreadCount + 1,
          mentions,
        }),
      );
      publish(upserted([next]));
      return next;
    },

    newConversation(value) {
      const conversation = toConversation(value, 'simulate.newConversation');
      if (conversations.has(conversation.id)) {
        throw invalid(`The conversation "${conversation.id}" already exists; use simulate.message or simulate.update.`);
      }
      for (const name of conversation.groupNames) requireGroup(name);
      if (conversation.groupNames.length > 0 && groupedCount + 1 > capabilities.maxGroupedConversations) {
        throw new InboxError(
          'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
          `At most ${capabilities.maxGroupedConversations} conversations can be in groups.`,
          { sdkCode: 51008 },
        );
      }
      deleted.delete(conversation.id);
      put(conversation);
      for (const name of conversation.groupNames) members.get(name)!.add(conversation.id);
      publish([...upserted([conversation]), ...conversation.groupNames.map(membershipEvent)]);
      return conversation;
    },

    update(id, changes) {
      const current = requireConversation(id);
      if (!isRecord(changes)) throw invalid('simulate.update needs an object of changes.');
      if ('id' in changes && changes.id !== id) throw invalid('simulate.update cannot change the id.');
      if ('groupNames' in changes) throw invalid('simulate.update cannot change groupNames; use simulate.membership.');
      const next = toConversation({ ...current, ...changes }, 'simulate.update');
      publish(upserted([put(next)]));
      return next;
    },

    removeConversation(id) {
      requireConversation(id);
      remove([id], false);
    },

    read(id) {
      const next = markRead(requireConversation(id));
      if (next) publish(upserted([next]));
    },

    groupCreated(name, ids = EMPTY) {
      assertGroupName(name, capabilities.groupNameMaxBytes);
      validateIds(ids);
      createGroup(name, ids);
    },

    groupDeleted(name) {
      assertString(name, 'the group name');
      deleteGroup(name);
    },

    groupRenamed(oldName, newName) {
      assertString(oldName, 'the old group name');
      requireGroup(oldName);
      assertGroupName(newName, capabilities.groupNameMaxBytes);
      renameGroup(oldName, newName);
    },

    membership(name, ids) {
      assertString(name, 'the group name');
      const set = requireGroup(name);
      validateIds(ids);
      const wanted = new Set(ids);
      assertGroupedLimit([...wanted].filter((id) => !set.has(id)));
      const changed: Conversation[] = [];
      for (const id of [...set]) if (!wanted.has(id)) removeMember(name, id, changed);
      for (const id of wanted) addMember(name, id, changed);
      publish(changed.length > 0 ? [...upserted(changed), membershipEvent(name)] : []);
    },

    sync() {
      emit({ type: 'syncStateChanged', status: 'syncing' });
      return wait().then(() => emit({ type: 'syncStateChanged', status: 'ready' }));
    },

    syncFailed(error) {
      const failure = error === undefined ? new InboxError('ADAPTER_FAILED', 'The simulated sync failed.') : toInboxError(error);
      emit({ type: 'syncStateChanged', status: 'failed', error: failure });
    },
  };

  const adapter: MemoryAdapter = {
    name: options.name ?? 'memory',
    ...(typeof options.account === 'string' && options.account !== '' ? { account: options.account } : {}),
    capabilities,
    simulate,

    subscribe(listener) {
      if (typeof listener !== 'function') throw invalid('subscribe needs a listener function.');
      return listeners.on(listener);
    },

    loadConversations(request: PageRequest = {}): Promise<ConversationPage> {
      return call(
        'loadConversations',
        () => {
          if (!isRecord(request)) throw invalid('loadConversations needs { cursor?, count? }.');
          const { cursor, count } = request;
          if (cursor !== undefined && cursor !== null && (typeof cursor !== 'string' || !parseCursor(cursor))) {
            throw invalid(`Unknown cursor ${JSON.stringify(cursor)}; pass back the cursor of the previous page.`);
          }
          if (count !== undefined && (typeof count !== 'number' || !Number.isFinite(count) || count < 1)) {
            throw invalid('count must be a positive number.');
          }
        },
        () => {
          const key = request.cursor ? parseCursor(request.cursor)! : undefined;
          // A probe row standing where the cursor's row stood: same pinned flag, order time and id.
          const probe = key && ({ id: key[2], isPinned: key[0] === 1, lastActivityAt: key[1] } as Conversation);
          const offset = probe ? ordered.countThrough(probe) : 0;
          const page = ordered.slice(offset, Math.floor(request.count ?? pageSize));
          const isFinished = offset + page.length >= conversations.size;
          return { conversations: page, cursor: isFinished || page.length === 0 ? null : toCursor(page.at(-1)!, orderBy), isFinished };
        },
      );
    },

    loadGroups() {
      return call('loadGroups', () => undefined, groupsNow);
    },

    getTotalUnread() {
      return call('getTotalUnread', () => undefined, () => unreadTotal);
    },

    openConversation(target: ConversationTarget) {
      return call(
        'openConversation',
        () => {
          if (!isRecord(target) || (target.kind !== 'direct' && target.kind !== 'group')) {
            throw invalid('openConversation needs { kind: "direct" | "group", targetId }.');
          }
          assertConversationId(target.targetId, 'targetId');
        },
        () => {
          const id = target.kind === 'direct' ? `C2C${target.targetId}` : `GROUP${target.targetId}`;
          const existing = conversations.get(id);
          if (existing) return existing;
          let created = deleted.get(id);
          if (created) deleted.delete(id);
          else {
            created = Object.freeze({
              id,
              kind: target.kind,
              ...(target.kind === 'direct' ? { peerUserId: target.targetId } : { groupId: target.targetId }),
              title: target.targetId,
              unreadCount: 0,
              muteMode: 'none',
              lastActivityAt: 0,
              mentions: EMPTY,
              isPinned: false,
              groupNames: EMPTY,
            } satisfies Conversation);
          }
          publish(upserted([put(created)]));
          return created;
        },
      );
    },

    pin(id, isPinned) {
      return call(
        'pin',
        () => {
          assertConversationId(id);
          assertBoolean(isPinned, 'isPinned');
        },
        () => {
          const conversation = requireConversation(id);
          if (conversation.isPinned === isPinned) return;
          if (isPinned && pinnedCount >= capabilities.maxPinned) {
            throw new InboxError('PIN_LIMIT_EXCEEDED', `At most ${capabilities.maxPinned} conversations can be pinned.`, { sdkCode: 51012 });
          }
          publish(upserted([put(derive(conversation, { isPinned }))]));
        },
      );
    },

    setDraft(id, text) {
      return call(
        'setDraft',
        () => {
          assertConversationId(id);
          assertString(text, 'the draft text');
        },
        () => {
          const conversation = requireConversation(id);
          if ((conversation.draft?.text ?? '') === text) return;
          const draft = text ? Object.freeze({ text, updatedAt: now() }) : undefined;
          publish(upserted([put(derive(conversation, { draft }))]));
        },
      );
    },

    setMuteMode(id, mode) {
      return call(
        'setMuteMode',
        () => {
          assertConversationId(id);
          assertMuteMode(mode);
        },
        () => setMuteMode(requireConversation(id), mode),
      );
    },

    markRead(id) {
      return call(
        'markRead',
        () => assertConversationId(id),
        () => {
          const next = markRead(requireConversation(id));
          if (next) publish(upserted([next]));
        },
      );
    },

    markAllRead() {
      return call(
        'markAllRead',
        () => undefined,
        () => {
          const changed: Conversation[] = [];
          for (const conversation of [...conversations.values()]) {
            const next = markRead(conversation);
            if (next) changed.push(next);
          }
          publish(upserted(changed));
        },
      );
    },

    setMark(ids, mark, enabled) {
      return call(
        'setMark',
        () => {
          assertIdList(ids);
          assertMark(mark);
          assertBoolean(enabled, 'enabled');
          if (!marks.includes(mark)) throw new InboxError('NOT_SUPPORTED', `The ${adapter.name} backend does not support the "${mark}" mark.`);
          if (ids.length > MAX_MARK_BATCH) throw invalid(`At most ${MAX_MARK_BATCH} conversations can be marked at once.`, 51006);
        },
        () => {
          const { known, result } = split(ids);
          const changed: Conversation[] = [];
          for (const id of known) {
            const conversation = conversations.get(id)!;
            const current = conversation.marks ?? EMPTY;
            if (current.includes(mark) !== enabled) {
              const next = enabled ? [...current, mark] : current.filter((m) => m !== mark);
              changed.push(put(derive(conversation, { marks: next.length > 0 ? Object.freeze(next) : undefined })));
            }
          }
          result.succeeded.push(...known);
          publish(upserted(changed));
          return result;
        },
      );
    },

    deleteConversations(ids, deleteOptions?: DeleteOptions) {
      return call(
        'deleteConversations',
        () => {
          assertIdList(ids);
          if (deleteOptions !== undefined && !isRecord(deleteOptions)) throw invalid('deleteConversations options must be an object.');
          if (deleteOptions?.clearHistory !== undefined) assertBoolean(deleteOptions.clearHistory, 'clearHistory');
        },
        () => {
          const { known, result } = split(ids);
          if (known.length > 0) remove(known, deleteOptions?.clearHistory ?? true);
          result.succeeded.push(...known);
          return result;
        },
      );
    },

    createGroup(name, ids) {
      return call(
        'createGroup',
        () => {
          assertGroupName(name, capabilities.groupNameMaxBytes);
          assertIdList(ids);
        },
        () => createGroup(normalizeGroupName(name), ids),
      );
    },

    renameGroup(oldName, newName) {
      return call(
        'renameGroup',
        () => {
          assertString(oldName, 'the old group name');
          assertGroupName(newName, capabilities.groupNameMaxBytes);
        },
        () => renameGroup(oldName, normalizeGroupName(newName)),
      );
    },

    deleteGroup(name) {
      return call(
        'deleteGroup',
        () => assertString(name, 'the group name'),
        () => deleteGroup(name),
      );
    },

    addToGroup(name, ids) {
      return call(
        'addToGroup',
        () => {
          assertString(name, 'the group name');
          assertIdList(ids);
        },
        () => addToGroup(name, ids),
      );
    },

    removeFromGroup(name, ids) {
      return call(
        'removeFromGroup',
        () => {
          assertString(name, 'the group name');
          assertIdList(ids);
        },
        () => removeFromGroup(name, ids),
      );
    },

    failNext(operation, error, failOptions = {}) {
      if (!MEMORY_OPERATIONS.includes(operation)) {
        throw invalid(`failNext: unknown operation ${JSON.stringify(operation)}; expected one of ${MEMORY_OPERATIONS.join(', ')}.`);
      }
      const times = failOptions.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw invalid('failNext: `times` must be a positive integer.');
      const failure = error === undefined ? new InboxError('ADAPTER_FAILED', `Injected failure of ${operation}.`) : toInboxError(error);
      let queue = injected.get(operation);
      if (!queue) injected.set(operation, (queue = []));
      for (let i = 0; i < times; i++) queue.push(failure);
    },

    setLatency(ms) {
      latencyMs = checkTime(ms, 'latencyMs');
    },

    getSnapshot: snapshot,
  };
  return adapter;
}
