import { isRecord } from '../../core/isRecord.js';
import type { AdapterEvent } from '../../core/adapter.js';
import { InboxError } from '../../core/errors.js';
import type { ConversationGroup, ConversationId, OperationResult } from '../../core/types.js';
import { assertGroupName, assertNoGroupNamed, checkGroupName, normalizeGroupName } from '../../core/validate.js';
import { OPENIM_EX_NAMESPACE, readEx, writeEx } from './ex.js';
import type { ExWriter } from './exWriter.js';
import { createGroupUnread } from './groupUnread.js';
import { OPENIM_CONVERSATION_GROUP_TYPE, type OpenIMConversationGroup, type OpenIMConversationItem, type OpenIMMethod, type OpenIMSdk } from './sdk.js';

export { OPENIM_EX_MAX_LENGTH, OPENIM_EX_NAMESPACE } from './ex.js';

// ---- limits (Tencent's, so that groups behave the same on every backend) ------------------------------

/** At most 20 groups per user (Tencent 51010). */
export const OPENIM_MAX_GROUPS = 20;
/** Group names are 1 to 32 UTF-8 bytes (Tencent 51011). */
export const OPENIM_GROUP_NAME_MAX_BYTES = 32;
/** At most 1000 conversations may be in at least one group (Tencent 51008). */
export const OPENIM_MAX_GROUPED_CONVERSATIONS = 1000;

// ---- membership in `ex` (pure) ------------------------------------------------------------------------

/** What a conversation's `ex` says about its emulated groups. */
export type ExGroups =
  | { ok: true; names: string[]; data: Record<string, unknown> }
  | { ok: false; reason: string };

function validNames(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const name of value) {
    if (typeof name === 'string' && checkGroupName(name, OPENIM_GROUP_NAME_MAX_BYTES) === undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/**
 * Reads `{"inboxkit":{"groups":[...]}}` out of a conversation's `ex` (see `ex.ts`). Empty `ex` means no groups. Text
 * that is not a JSON object belongs to someone else and is reported as not ok, so it is never overwritten.
 */
export function readExGroups(ex: unknown): ExGroups {
  const read = readEx(ex);
  return read.ok ? { ok: true, names: validNames(read.own.groups), data: read.data } : read;
}

/**
 * Writes group names into `ex`, keeping every other key, the kit's other data (marks) included. Removes the kit's key
 * when nothing of its own is left, and returns `''` when nothing else is left either. Fails when the result would
 * not fit the 1024-character column.
 */
export function writeExGroups(data: Record<string, unknown>, names: readonly string[]): { ok: true; ex: string } | { ok: false; reason: string } {
  const own: Record<string, unknown> = isRecord(data[OPENIM_EX_NAMESPACE]) ? { ...data[OPENIM_EX_NAMESPACE] } : {};
  if (names.length > 0) own.groups = [...names];
  else delete own.groups;
  return writeEx(data, own);
}

// ---- the registry of emulated groups --------------------------------------------------------------------

/**
 * Where emulated groups keep their names, order and empty groups (membership lives in each conversation's
 * `ex`). Open-source OpenIM has no private per-user storage: `SelfUserInfo.ex` is public, so it is never used.
 * Back this with your app server to share groups across devices.
 */
export interface OpenIMGroupRegistry {
  load(): readonly string[] | Promise<readonly string[]>;
  save(names: readonly string[]): void | Promise<void>;
}

/** A registry kept in memory: for tests, and when nothing better is available. */
export function createMemoryGroupRegistry(initial: readonly string[] = []): OpenIMGroupRegistry {
  let names = validNames(initial);
  return {
    load: () => [...names],
    save(next) {
      names = validNames(next);
    },
  };
}

/** Options of `createLocalStorageGroupRegistry`. */
export interface LocalStorageGroupRegistryOptions {
  /** Storage key; include the user id so that two accounts never share groups. */
  key: string;
  /** @default globalThis.localStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem'>;
}

/**
 * A registry in `localStorage` (one device). Falls back to memory when storage is missing or throws
 * (private mode, quota); a corrupt record reads as no groups.
 */
export function createLocalStorageGroupRegistry(options: LocalStorageGroupRegistryOptions): OpenIMGroupRegistry {
  const memory = createMemoryGroupRegistry();
  let storage: LocalStorageGroupRegistryOptions['storage'];
  try {
    storage = options.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    storage = undefined;
  }
  if (!storage) return memory;
  const store = storage;
  return {
    load() {
      try {
        const raw = store.getItem(options.key);
        return raw ? validNames(JSON.parse(raw)) : memory.load();
      } catch {
        return memory.load();
      }
    },
    save(names) {
      void memory.save(names);
      try {
        store.setItem(options.key, JSON.stringify(validNames(names)));
      } catch {
        // quota or privacy mode: the memory copy keeps the names for this session
      }
    },
  };
}

/** The registry used when none is given: `localStorage` keyed by the user id, else memory. */
export function createDefaultGroupRegistry(selfUserId: string | undefined): OpenIMGroupRegistry {
  if (!selfUserId) return createMemoryGroupRegistry();
  return createLocalStorageGroupRegistry({ key: `inboxkit:openim:groups:${selfUserId}` });
}

// ---- shared rules -------------------------------------------------------------------------------------

/**
 * Checks a name for a new group and returns it normalized (NFC, trimmed): `GROUP_NAME_INVALID` (51011) for a name
 * that is empty, invisible, malformed or over 32 UTF-8 bytes, `GROUP_EXISTS` for one taken in any Unicode form.
 */
export function newGroupName(name: unknown, existing: readonly string[]): string {
  assertGroupName(name, OPENIM_GROUP_NAME_MAX_BYTES);
  const normalized = normalizeGroupName(name);
  assertNoGroupNamed(existing, normalized);
  return normalized;
}

function assertGroupExists(name: unknown, existing: readonly string[]): asserts name is string {
  if (typeof name !== 'string' || !existing.includes(name)) {
    throw new InboxError('GROUP_NOT_FOUND', `There is no group named ${JSON.stringify(name)}.`, { sdkCode: 51009 });
  }
}

function assertRoomForGroup(existing: readonly string[]): void {
  if (existing.length >= OPENIM_MAX_GROUPS) {
    throw new InboxError('GROUP_LIMIT_EXCEEDED', `At most ${OPENIM_MAX_GROUPS} conversation groups can be created.`, { sdkCode: 51010 });
  }
}

function assertGroupedLimit(grouped: (id: ConversationId) => boolean, groupedCount: number, ids: readonly ConversationId[]): void {
  const added = new Set(ids.filter((id) => !grouped(id))).size;
  if (added > 0 && groupedCount + added > OPENIM_MAX_GROUPED_CONVERSATIONS) {
    throw new InboxError(
      'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
      `At most ${OPENIM_MAX_GROUPED_CONVERSATIONS} conversations can be in groups; this would make ${groupedCount + added}.`,
      { sdkCode: 51008 },
    );
  }
}

interface IdOutcome {
  id: ConversationId;
  error?: InboxError;
}

function toResult(outcomes: readonly IdOutcome[]): OperationResult {
  const result: OperationResult = { succeeded: [], failed: [] };
  for (const outcome of outcomes) {
    if (outcome.error) {
      const { code, message, sdkCode } = outcome.error;
      result.failed.push(sdkCode === undefined ? { id: outcome.id, code, message } : { id: outcome.id, code, message, sdkCode });
    }
    else result.succeeded.push(outcome.id);
  }
  return result;
}

function unique(ids: readonly ConversationId[]): ConversationId[] {
  return [...new Set(ids)];
}

// ---- the engines ----------------------------------------------------------------------------------------

/** What the group engines need from the adapter. */
export interface GroupHost {
  sdk: OpenIMSdk;
  /** Calls an SDK method, unwraps `data`, and maps failures to `InboxError`. */
  call<T>(method: OpenIMMethod, args: unknown[], conversationScoped?: boolean): Promise<T>;
  /** Current rows (hidden ones included when the SDK can say) by id; missing ids are absent. */
  fetchRows(ids: readonly ConversationId[]): Promise<Map<ConversationId, OpenIMConversationItem>>;
  /** Every visible row. */
  scanAll(): Promise<OpenIMConversationItem[]>;
  emit(event: AdapterEvent): void;
  /** Writes to `ex`, shared with marks and custom data so that no write drops another's change. */
  writer: ExWriter;
  /** What a row adds to its groups' unread, as the store counts (hidden and muted rows add nothing). */
  unreadOf(item: OpenIMConversationItem): number;
  /** What the kit's hidden conversations among `ids` add to OpenIM's own counts (see `hiddenUnread.ts`). */
  hiddenUnreadOf(ids: Iterable<ConversationId>): number;
}

/** Conversation groups as the adapter sees them, native or emulated. */
export interface GroupEngine {
  readonly mode: 'native' | 'emulated';
  load(): Promise<ConversationGroup[]>;
  /** Group names of a row, as shown in `Conversation.groupNames`. */
  groupNamesOf(item: OpenIMConversationItem): readonly string[];
  /** Learns from rows the adapter saw (pages, events, scans). */
  observe(items: readonly OpenIMConversationItem[]): void;
  create(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  rename(oldName: string, newName: string): Promise<void>;
  remove(name: string): Promise<void>;
  addTo(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  removeFrom(name: string, ids: readonly ConversationId[]): Promise<OperationResult>;
  /** Enterprise group events (ignored when emulated). */
  onSdkGroupEvent(kind: 'added' | 'changed' | 'deleted' | 'memberAdded' | 'memberDeleted', data: unknown): void;
  /** The kit hid or showed conversations: counts that leave hidden ones out may have moved. */
  hiddenChanged(): void;
}

/** Runs tasks one after another. */
function createQueue(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return <T>(task: () => Promise<T>) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}

/**
 * Emulated groups for open-source OpenIM: membership in each conversation's `ex` (server-synced, per user),
 * names and order in a pluggable registry. Names found in `ex` but missing from the registry (set on another
 * device) are adopted at the end of the list.
 */
export function createEmulatedGroups(host: GroupHost, getRegistry: () => OpenIMGroupRegistry): GroupEngine {
  let names: string[] = [];
  let loaded = false;
  let busy = 0;
  const membership = new Map<ConversationId, readonly string[]>();
  const unread = createGroupUnread();
  const serial = createQueue();

  const members = (name: string): ConversationId[] => {
    const out: ConversationId[] = [];
    for (const [id, groups] of membership) if (groups.includes(name)) out.push(id);
    return out;
  };

  function index(item: OpenIMConversationItem): readonly string[] {
    const read = readExGroups(item.ex);
    const groups = read.ok ? read.names : [];
    if (groups.length > 0) membership.set(item.conversationID, groups);
    else membership.delete(item.conversationID);
    unread.set(item.conversationID, groups, groups.length > 0 ? host.unreadOf(item) : 0);
    return groups;
  }

  /** Tells the store each group count that moved (`groupUnreadChanged`), once the groups were loaded. */
  function reportUnread(): void {
    if (!loaded) return;
    for (const { name, unreadCount } of unread.moved(names)) host.emit({ type: 'groupUnreadChanged', name, unreadCount });
  }

  async function saveNames(next: string[]): Promise<void> {
    await getRegistry().save(next);
    names = next;
    host.emit({ type: 'groupsChanged', names: [...names] });
    reportUnread();
  }

  function adopt(found: readonly string[]): void {
    if (found.every((name) => names.includes(name))) return;
    void serial(async () => {
      const fresh = [...new Set(found)].filter((name) => !names.includes(name));
      if (fresh.length > 0) await saveNames([...names, ...fresh]);
    }).catch(() => undefined);
  }

  /** Read-modify-write of one conversation's groups in its `ex` (queued per id with every other `ex` write). */
  async function mutate(id: ConversationId, change: (groups: readonly string[]) => readonly string[]): Promise<IdOutcome> {
    const outcome = await host.writer.update(id, (row) => {
      const read = readExGroups(row.ex);
      if (!read.ok) {
        throw new InboxError(
          'INVALID_ARGUMENT',
          `Conversation "${id}" cannot join or leave groups: ${read.reason}, and InboxKit keeps group membership there. Its content was left untouched.`,
        );
      }
      const next = change(read.names);
      if (next.length === read.names.length && next.every((name, i) => name === read.names[i])) return undefined;
      const written = writeExGroups(read.data, next);
      if (!written.ok) throw new InboxError('INVALID_ARGUMENT', `Conversation "${id}" cannot join the group: ${written.reason}.`);
      return written.ex;
    });
    if (outcome.row) index(outcome.row);
    return outcome.error ? { id, error: outcome.error } : { id };
  }

  async function mutateAll(ids: readonly ConversationId[], change: (groups: readonly string[]) => readonly string[]): Promise<IdOutcome[]> {
    const outcomes: IdOutcome[] = [];
    for (const id of ids) outcomes.push(await mutate(id, change));
    return outcomes;
  }

  const add = (name: string) => (groups: readonly string[]) => (groups.includes(name) ? groups : [...groups, name]);
  const drop = (name: string) => (groups: readonly string[]) => groups.filter((n) => n !== name);
  const replace = (from: string, to: string) => (groups: readonly string[]) => groups.map((n) => (n === from ? to : n));

  function membershipChanged(name: string): void {
    host.emit({ type: 'groupMembershipChanged', name, conversationIds: members(name) });
    reportUnread();
  }

  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    return serial(async () => {
      if (!loaded) await loadNow();
      busy++;
      try {
        return await task();
      } finally {
        busy--;
      }
    });
  }

  /**
   * Reads every visible row once: the membership, names set on other devices, and each group's unread. That count
   * is the SDK's local table under the store's rule at this moment, so the store can show it while pages remain.
   */
  async function loadNow(): Promise<ConversationGroup[]> {
    const stored = validNames(await getRegistry().load());
    const rows = await host.scanAll();
    // A full read: rows seen before but hidden since are neither members nor counted any more.
    membership.clear();
    unread.clear();
    for (const row of rows) index(row);
    const found: string[] = [];
    for (const groups of membership.values()) for (const name of groups) if (!stored.includes(name) && !found.includes(name)) found.push(name);
    names = stored;
    loaded = true;
    if (found.length > 0) {
      names = [...stored, ...found];
      await getRegistry().save(names);
    }
    for (const name of names) unread.told(name, unread.of(name));
    return names.map((name) => ({ name, conversationIds: members(name), unreadCount: unread.of(name) }));
  }

  return {
    mode: 'emulated',
    load: () => serial(loadNow),
    groupNamesOf: (item) => {
      const read = readExGroups(item.ex);
      return read.ok ? read.names : [];
    },
    observe(items) {
      const found: string[] = [];
      for (const item of items) for (const name of index(item)) found.push(name);
      if (loaded && busy === 0) adopt(found);
      reportUnread();
    },
    // Rows whose hide mark changed are observed again, and counted as the store counts.
    hiddenChanged: () => undefined,
    create: (name, ids) =>
      exclusive(async () => {
        name = newGroupName(name, names);
        assertRoomForGroup(names);
        const targets = unique(ids);
        assertGroupedLimit((id) => membership.has(id), membership.size, targets);
        const outcomes = await mutateAll(targets, add(name));
        // As on Tencent, a group is not created when every one of its conversations failed.
        if (targets.length === 0 || outcomes.some((o) => !o.error)) {
          await saveNames([...names, name]);
          membershipChanged(name);
        }
        return toResult(outcomes);
      }),
    rename: (oldName, newName) =>
      exclusive(async () => {
        assertGroupExists(oldName, names);
        if (oldName === newName) return;
        newName = newGroupName(newName, names.filter((n) => n !== oldName));
        if (oldName === newName) return;
        const ids = members(oldName);
        const outcomes = await mutateAll(ids, replace(oldName, newName));
        const failed = outcomes.filter((o) => o.error);
        if (failed.length > 0) {
          await mutateAll(
            outcomes.filter((o) => !o.error).map((o) => o.id),
            replace(newName, oldName),
          );
          const first = failed[0]!.error!;
          throw new InboxError(first.code, `Renaming "${oldName}" failed for ${failed.map((o) => o.id).join(', ')}: ${first.message}`, {
            sdkCode: first.sdkCode,
            cause: first,
          });
        }
        await saveNames(names.map((n) => (n === oldName ? newName : n)));
        membershipChanged(newName);
      }),
    remove: (name) =>
      exclusive(async () => {
        assertGroupExists(name, names);
        const outcomes = await mutateAll(members(name), drop(name));
        const failed = outcomes.filter((o) => o.error);
        if (failed.length > 0) {
          membershipChanged(name);
          const first = failed[0]!.error!;
          throw new InboxError(first.code, `Deleting "${name}" failed for ${failed.map((o) => o.id).join(', ')}: ${first.message}`, {
            sdkCode: first.sdkCode,
            cause: first,
          });
        }
        await saveNames(names.filter((n) => n !== name));
      }),
    addTo: (name, ids) =>
      exclusive(async () => {
        assertGroupExists(name, names);
        const targets = unique(ids);
        assertGroupedLimit((id) => membership.has(id), membership.size, targets);
        const outcomes = await mutateAll(targets, add(name));
        membershipChanged(name);
        return toResult(outcomes);
      }),
    removeFrom: (name, ids) =>
      exclusive(async () => {
        assertGroupExists(name, names);
        const outcomes = await mutateAll(unique(ids), drop(name));
        membershipChanged(name);
        return toResult(outcomes);
      }),
    onSdkGroupEvent: () => undefined,
  };
}

interface NativeGroup {
  id: string;
  name: string;
  serial: number;
  members: Set<ConversationId>;
  /** The SDK's own unread count of the group, when it gave one. */
  unreadCount?: number;
}

function toNativeGroup(value: unknown): OpenIMConversationGroup | undefined {
  if (!isRecord(value) || typeof value.conversationGroupID !== 'string' || typeof value.name !== 'string') return undefined;
  return value as unknown as OpenIMConversationGroup;
}

function isNormalGroup(group: OpenIMConversationGroup): boolean {
  return group.conversationGroupType === undefined || group.conversationGroupType === OPENIM_CONVERSATION_GROUP_TYPE.normal;
}

/**
 * Native groups of enterprise OpenIM builds: the ID-based API (`createConversationGroup`, ...) seen through
 * names. Only normal groups (type 0) are listed; built-in filter groups are not.
 */
export function createNativeGroups(host: GroupHost): GroupEngine {
  const groups = new Map<string, NativeGroup>();
  const serial = createQueue();

  const ordered = (): NativeGroup[] => [...groups.values()].sort((a, b) => a.serial - b.serial);
  const names = (): string[] => ordered().map((g) => g.name);
  const byName = (name: string): NativeGroup | undefined => ordered().find((g) => g.name === name);
  const groupedIds = (): Set<ConversationId> => {
    const ids = new Set<ConversationId>();
    for (const group of groups.values()) for (const id of group.members) ids.add(id);
    return ids;
  };

  function upsert(raw: OpenIMConversationGroup): NativeGroup | undefined {
    if (!isNormalGroup(raw)) return undefined;
    const existing = groups.get(raw.conversationGroupID);
    const group: NativeGroup = {
      id: raw.conversationGroupID,
      name: raw.name,
      serial: typeof raw.serial === 'number' ? raw.serial : (existing?.serial ?? groups.size),
      members: Array.isArray(raw.conversationIDs) ? new Set(raw.conversationIDs) : (existing?.members ?? new Set()),
    };
    const unreadCount = typeof raw.unreadCount === 'number' && Number.isFinite(raw.unreadCount) && raw.unreadCount >= 0 ? raw.unreadCount : existing?.unreadCount;
    if (unreadCount !== undefined) group.unreadCount = unreadCount;
    groups.set(group.id, group);
    return group;
  }

  const emitNames = () => host.emit({ type: 'groupsChanged', names: names() });
  const emitMembers = (group: NativeGroup) => host.emit({ type: 'groupMembershipChanged', name: group.name, conversationIds: [...group.members] });

  /** The SDK's count of a group less its members the kit hides (the SDK counts them; the store does not). */
  const shownCount = (group: NativeGroup, count: number) => Math.max(0, count - host.hiddenUnreadOf(group.members));
  /** What the store was last told of each group, by group id (a rename is told under the new name). */
  const told = new Map<string, { name: string; unreadCount: number }>();

  /** Tells the store each group count that moved (`groupUnreadChanged`): the SDK's own, or hidden members'. */
  function reportUnread(): void {
    for (const group of groups.values()) {
      if (group.unreadCount === undefined) continue;
      const unreadCount = shownCount(group, group.unreadCount);
      const before = told.get(group.id);
      if (before?.name === group.name && before.unreadCount === unreadCount) continue;
      told.set(group.id, { name: group.name, unreadCount });
      host.emit({ type: 'groupUnreadChanged', name: group.name, unreadCount });
    }
  }

  function require(name: string): NativeGroup {
    const group = byName(name);
    if (!group) throw new InboxError('GROUP_NOT_FOUND', `There is no group named ${JSON.stringify(name)}.`, { sdkCode: 51009 });
    return group;
  }

  /** The enterprise calls are all-or-nothing: unknown ids are failed one by one first, as Tencent does. */
  async function split(ids: readonly ConversationId[]): Promise<{ present: ConversationId[]; missing: IdOutcome[] }> {
    const targets = unique(ids);
    if (targets.length === 0 || typeof host.sdk.getMultipleConversation !== 'function') return { present: targets, missing: [] };
    const rows = await host.fetchRows(targets);
    return {
      present: targets.filter((id) => rows.has(id)),
      missing: targets
        .filter((id) => !rows.has(id))
        .map((id) => ({ id, error: new InboxError('CONVERSATION_NOT_FOUND', `No OpenIM conversation with id "${id}".`) })),
    };
  }

  async function changeMembers(group: NativeGroup, ids: readonly ConversationId[], adding: boolean): Promise<OperationResult> {
    const { present, missing } = await split(ids);
    const outcomes = [...missing];
    if (present.length > 0) {
      const method = adding ? 'addConversationsToGroups' : 'removeConversationsFromGroups';
      try {
        await host.call(method, [{ conversationIDs: present, conversationGroupIDs: [group.id] }]);
        for (const id of present) {
          if (adding) group.members.add(id);
          else group.members.delete(id);
          outcomes.push({ id });
        }
      } catch (cause) {
        const error = cause instanceof InboxError ? cause : new InboxError('ADAPTER_FAILED', String(cause), { cause });
        for (const id of present) outcomes.push({ id, error });
      }
    }
    emitMembers(group);
    return toResult(outcomes);
  }

  let loaded = false;
  async function loadNow(): Promise<ConversationGroup[]> {
    const list = await host.call<unknown>('getConversationGroups', [OPENIM_CONVERSATION_GROUP_TYPE.normal]);
    groups.clear();
    for (const raw of Array.isArray(list) ? list : []) {
      const group = toNativeGroup(raw);
      if (group) upsert(group);
    }
    loaded = true;
    // The group's unread as the SDK counts it (ConversationGroup.unreadCount), less hidden members, for the store
    // while pages remain; `groupUnreadChanged` keeps it current from then on.
    told.clear();
    return ordered().map((g) => {
      if (g.unreadCount === undefined) return { name: g.name, conversationIds: [...g.members] };
      const unreadCount = shownCount(g, g.unreadCount);
      told.set(g.id, { name: g.name, unreadCount });
      return { name: g.name, conversationIds: [...g.members], unreadCount };
    });
  }

  /** Runs a group command after the groups are known, one command at a time. */
  function exclusive<T>(task: () => Promise<T>): Promise<T> {
    return serial(async () => {
      if (!loaded) await loadNow();
      return task();
    });
  }

  return {
    mode: 'native',
    load: () => serial(loadNow),
    groupNamesOf: (item) => {
      const out: string[] = [];
      for (const group of ordered()) if (group.members.has(item.conversationID)) out.push(group.name);
      return out;
    },
    observe: () => undefined,
    create: (name, ids) =>
      exclusive(async () => {
        const existing = names();
        name = newGroupName(name, existing);
        assertRoomForGroup(existing);
        const grouped = groupedIds();
        assertGroupedLimit((id) => grouped.has(id), grouped.size, unique(ids));
        const { present, missing } = await split(ids);
        // As on Tencent, a group is not created when every one of its conversations failed.
        if (present.length === 0 && missing.length > 0) return toResult(missing);
        const order = ordered().reduce((max, g) => Math.max(max, g.serial + 1), 0);
        const raw = toNativeGroup(
          await host.call<unknown>('createConversationGroup', [{ name, order, conversationGroupType: OPENIM_CONVERSATION_GROUP_TYPE.normal }]),
        );
        if (!raw) throw new InboxError('ADAPTER_FAILED', `OpenIM createConversationGroup returned no group for "${name}".`);
        const group = upsert({ ...raw, conversationGroupType: OPENIM_CONVERSATION_GROUP_TYPE.normal })!;
        emitNames();
        const result = await changeMembers(group, present, true);
        if (present.length > 0 && result.succeeded.length === 0) {
          await host.call('deleteConversationGroup', [group.id]).catch(() => undefined);
          groups.delete(group.id);
          emitNames();
        }
        return { succeeded: result.succeeded, failed: [...toResult(missing).failed, ...result.failed] };
      }),
    rename: (oldName, newName) =>
      exclusive(async () => {
        const group = require(oldName);
        if (oldName === newName) return;
        newName = newGroupName(newName, names().filter((n) => n !== oldName));
        if (oldName === newName) return;
        await host.call('updateConversationGroup', [{ conversationGroupID: group.id, name: newName }]);
        group.name = newName;
        emitNames();
        emitMembers(group);
        reportUnread();
      }),
    remove: (name) =>
      exclusive(async () => {
        const group = require(name);
        await host.call('deleteConversationGroup', [group.id]);
        groups.delete(group.id);
        emitNames();
      }),
    addTo: (name, ids) =>
      exclusive(async () => {
        const group = require(name);
        const grouped = groupedIds();
        assertGroupedLimit((id) => grouped.has(id), grouped.size, unique(ids));
        return changeMembers(group, ids, true);
      }),
    removeFrom: (name, ids) => exclusive(async () => changeMembers(require(name), ids, false)),
    onSdkGroupEvent(kind, data) {
      if (kind === 'memberAdded' || kind === 'memberDeleted') {
        if (!isRecord(data)) return;
        const raw = toNativeGroup(data.group);
        const known = raw ? groups.get(raw.conversationGroupID) : undefined;
        if (!raw || !isNormalGroup(raw)) return;
        const group = known ?? upsert(raw)!;
        const ids = Array.isArray(data.conversationIDs) ? data.conversationIDs.filter((id): id is string => typeof id === 'string') : [];
        for (const id of ids) {
          if (kind === 'memberAdded') group.members.add(id);
          else group.members.delete(id);
        }
        if (typeof raw.unreadCount === 'number' && Number.isFinite(raw.unreadCount) && raw.unreadCount >= 0) group.unreadCount = raw.unreadCount;
        if (!known) emitNames();
        emitMembers(group);
        reportUnread();
        return;
      }
      const list = (Array.isArray(data) ? data : [data]).map(toNativeGroup).filter((g): g is OpenIMConversationGroup => g !== undefined);
      if (list.length === 0) return;
      for (const raw of list) {
        if (kind === 'deleted') groups.delete(raw.conversationGroupID);
        else upsert(raw);
      }
      emitNames();
      if (kind !== 'deleted') {
        for (const raw of list) {
          const group = groups.get(raw.conversationGroupID);
          if (group) emitMembers(group);
        }
      }
      reportUnread();
    },
    hiddenChanged: reportUnread,
  };
}
