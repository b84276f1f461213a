/**
 * Seeding: turns the raw data the backend starts from (the options' conversations and groups, or what storage
 * kept) into the backend's tables, in two steps. `checkSeed` runs when the backend is created: it checks everything
 * as the backend checks its own changes (so that it never holds data its limits would have refused) and finds the
 * groups, copying nothing. `buildSeed` makes the tables from a checked seed (frozen copies, maps) when the
 * backend first needs them, or in steps over idle time: a first page of 100 rows out of 100,000 is answered from the
 * checked seed (`firstPage` in paging.ts), so that a new backend's first rows do not wait for 100,000 copies and a
 * sort. Each group's list of members is worked out only when something reads it (`seedMembers`).
 */
import { isRecord } from '../../core/isRecord.js';
import type { Conversation, ConversationId } from '../../core/types.js';
import { assertGroupName, assertIdList } from '../../core/validate.js';
import { conversationNotFound, groupLimitExceeded, invalid } from './errors.js';
import { checkConversation, copyConversation, type CheckedConversation } from './normalize.js';
import { finish, type Steps } from './steps.js';
import type { StoredData } from './storage.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** The backend's data as built: the conversations are frozen copies, their `groupNames` agree with `members`. */
export interface SeedTables {
  conversations: Map<ConversationId, Conversation>;
  /** Conversations deleted from the list, which a new message or `openConversation` brings back. */
  deleted: Map<ConversationId, Conversation>;
  /** Every group, in order. */
  groupNames: string[];
  members: Map<string, Set<ConversationId>>;
}

/** Raw data, checked: the user's conversation objects (in a list of the seed's own) and the groups found. */
export interface CheckedSeed {
  /** Each checked, ids unique. */
  conversations: readonly CheckedConversation[];
  /** The deleted conversations, checked (one that is also listed is dropped when the tables are built). */
  deleted: readonly CheckedConversation[];
  /** Every group, in order: the given ones, then those only conversations name, in the order first named. */
  groupNames: string[];
  /**
   * The members the given groups list (`groups[].conversationIds`), each an existing conversation; a group that
   * lists none is absent. A conversation's groups are these and the ones it names itself (`groupNamesOf`).
   */
  listed: Map<string, Set<ConversationId>>;
  /** Names the input in the errors of a later build. */
  where: string;
}

/**
 * Each group's members in the order they joined (its listed ids, then the conversations naming it), each once
 * (unless an id is given twice, which the build refuses); worked out on the first call, a walk over every
 * conversation's groups. Not when the seed is checked: a store whose conversations name their groups never reads
 * these lists, and at 100,000 conversations the walk cost a sixth of creating the backend.
 */
export function seedMembers(seed: CheckedSeed): ReadonlyMap<string, readonly ConversationId[]> {
  let members = joined.get(seed);
  if (members) return members;
  const lists = new Map<string, ConversationId[]>();
  for (const name of seed.groupNames) lists.set(name, [...(seed.listed.get(name) ?? EMPTY)]);
  for (const conversation of seed.conversations) {
    const id = conversation.id;
    for (const name of conversation.groupNames ?? EMPTY) {
      const list = lists.get(name)!;
      // A conversation that names a group twice finds its id last already; one the group lists is in the list.
      if (list[list.length - 1] === id || seed.listed.get(name)?.has(id)) continue;
      list.push(id);
    }
  }
  members = lists;
  joined.set(seed, members);
  return members;
}

/** `seedMembers`' lists, kept with the seed they were worked out from. */
const joined = new WeakMap<CheckedSeed, ReadonlyMap<string, readonly ConversationId[]>>();

/** Raw data to seed from: nothing in it is trusted. */
export interface SeedInput {
  conversations: readonly unknown[];
  /** `{ name, conversationIds }` each. */
  groups: readonly unknown[];
  deleted: readonly unknown[];
}

/** The limits the seed must respect (the backend's capabilities). */
export interface SeedLimits {
  maxGroups: number;
  groupNameMaxBytes: number;
}

function listOf(value: unknown, label: string): readonly unknown[] {
  if (!Array.isArray(value)) throw invalid(`${label} must be an array.`);
  return value;
}

/**
 * Checks `input` and finds the groups, copying no conversation. The membership is the union of the groups'
 * `conversationIds` and the conversations' own `groupNames`; groups named only by conversations are appended after
 * the given ones. Throws, naming `where`, for a bad conversation or group, a group member that does not exist, or
 * more groups than `limits.maxGroups`. An id given twice is found by `buildSeed`, which keys the conversations.
 */
export function checkSeed(input: SeedInput, limits: SeedLimits, where: string): CheckedSeed {
  const conversations = listOf(input.conversations, `${where}.conversations`).slice();
  const conversationsLabel = `${where}.conversations`;
  for (const value of conversations) checkConversation(value, conversationsLabel);
  const checked = conversations as CheckedConversation[];
  // Only groups that list members need the set of ids: hashing 100,000 ids costs more than checking them all.
  let ids: Set<ConversationId> | undefined;
  const groupNames: string[] = [];
  const known = new Set<string>();
  const listed = new Map<string, Set<ConversationId>>();
  for (const group of listOf(input.groups, `${where}.groups`)) {
    if (!isRecord(group)) throw invalid(`${where}.groups: expected { name, conversationIds }.`);
    assertGroupName(group.name, limits.groupNameMaxBytes);
    if (known.has(group.name)) throw invalid(`${where}.groups: the group "${group.name}" appears twice.`);
    assertIdList(group.conversationIds);
    const set = new Set<ConversationId>();
    for (const id of group.conversationIds) {
      ids ??= new Set(checked.map((conversation) => conversation.id));
      if (!ids.has(id)) throw conversationNotFound(id);
      set.add(id);
    }
    known.add(group.name);
    groupNames.push(group.name);
    if (set.size > 0) listed.set(group.name, set);
  }
  // Groups only conversations name: each name checked once, when first met.
  for (const conversation of checked) {
    for (const name of conversation.groupNames ?? EMPTY) {
      if (known.has(name)) continue;
      assertGroupName(name, limits.groupNameMaxBytes);
      known.add(name);
      groupNames.push(name);
    }
  }
  if (groupNames.length > limits.maxGroups) {
    throw groupLimitExceeded(`${where}: ${groupNames.length} groups, but at most ${limits.maxGroups} can exist.`);
  }
  const deleted = listOf(input.deleted, `${where}.deleted`).slice();
  for (const value of deleted) checkConversation(value, `${where}.deleted`);
  return { conversations: checked, deleted: deleted as CheckedConversation[], groupNames, listed, where };
}

/**
 * A checked conversation's groups in group order, each once: those that list it and those it names. May be the
 * conversation's own array (a single name it gives, when no group lists members): copy it to keep it. That case
 * allocates nothing, and it is most of 100,000 conversations counted when the backend is created.
 */
export function groupNamesOf(seed: Pick<CheckedSeed, 'groupNames' | 'listed'>, conversation: CheckedConversation): readonly string[] {
  const own = conversation.groupNames ?? EMPTY;
  const { listed } = seed;
  if (listed.size === 0 && own.length <= 1) return own.length === 0 ? EMPTY : own;
  const names = seed.groupNames.filter((name) => own.includes(name) || listed.get(name)?.has(conversation.id));
  return names.length > 0 ? names : EMPTY;
}

/** `groupNamesOf` as the backend keeps it: a frozen list of its own. */
export function copyGroupNamesOf(seed: Pick<CheckedSeed, 'groupNames' | 'listed'>, conversation: CheckedConversation): readonly string[] {
  const names = groupNamesOf(seed, conversation);
  return names.length > 0 ? Object.freeze([...names]) : EMPTY;
}

/** Conversations copied between two yields of `buildSeedInSteps`: a few milliseconds of work. */
const BUILD_STEP = 2048;

/**
 * The tables from a checked seed, in steps (`steps.ts`): each conversation copied and frozen, its `groupNames`
 * rewritten from the membership, in group order; a deleted conversation that is also listed is dropped from the
 * deleted ones. Throws `INVALID_ARGUMENT` for an id given twice. The seed's conversations are the user's objects,
 * read again here: they are checked again, and one that changed since into something invalid throws too.
 */
export function* buildSeedInSteps(seed: CheckedSeed): Steps<SeedTables> {
  // The membership becomes sets here, in idle time: the changes look members up. Listed members first, then each
  // conversation joins the groups it names, in the seed's order: the order `seedMembers` gives.
  const members = new Map<string, Set<ConversationId>>();
  for (const name of seed.groupNames) members.set(name, new Set(seed.listed.get(name)));
  const label = `${seed.where}.conversations`;
  const conversations = new Map<ConversationId, Conversation>();
  for (const value of seed.conversations) {
    checkConversation(value, label);
    if (conversations.has(value.id)) throw invalid(`${label}: the id "${value.id}" appears twice.`);
    // Group order, from the membership (the truth); a conversation in no group has none.
    const names = copyGroupNamesOf(seed, value);
    for (const name of names) members.get(name)!.add(value.id);
    conversations.set(value.id, copyConversation(value, names));
    if (conversations.size % BUILD_STEP === 0) yield;
  }
  for (const set of seed.listed.values()) {
    for (const id of set) {
      if (!conversations.has(id)) throw invalid(`${label}: the conversation "${id}" is gone (changed after the backend was created).`);
    }
  }
  const deleted = new Map<ConversationId, Conversation>();
  for (const value of seed.deleted) {
    checkConversation(value, `${seed.where}.deleted`);
    if (!conversations.has(value.id)) deleted.set(value.id, copyConversation(value, EMPTY));
  }
  return { conversations, deleted, groupNames: [...seed.groupNames], members };
}

/** The tables from a checked seed, built at once (`buildSeedInSteps`). */
export function buildSeed(seed: CheckedSeed): SeedTables {
  return finish(buildSeedInSteps(seed));
}

/**
 * The seed a new backend starts from, checked: what storage kept, when there is any and it checks without error,
 * else the options' conversations and groups. Corrupt stored data is ignored as if nothing was stored; bad options
 * throw.
 */
export function chooseSeed(
  options: { conversations?: readonly unknown[]; groups?: readonly unknown[] },
  stored: StoredData | undefined,
  limits: SeedLimits,
): CheckedSeed {
  if (stored) {
    try {
      const seed = checkSeed(stored, limits, 'storage');
      // Stored data is read whole from its text anyway, and a corrupt copy must fall back here, not fail later.
      const ids = new Set<ConversationId>();
      for (const { id } of seed.conversations) {
        if (ids.has(id)) throw invalid(`storage.conversations: the id "${id}" appears twice.`);
        ids.add(id);
      }
      return seed;
    } catch {
      // corrupt data: start from the options as if nothing was stored
    }
  }
  return checkSeed({ conversations: options.conversations ?? EMPTY, groups: options.groups ?? EMPTY, deleted: EMPTY }, limits, 'options');
}
