/**
 * Seeding: turns the raw data the backend starts from (the options' conversations and groups, or what storage
 * kept) into the backend's tables, in two steps. `checkSeed` runs when the backend is created: it checks everything
 * as the backend checks its own changes (so that it never holds data its limits would have refused) and works out
 * the groups, copying nothing. `buildSeed` makes the tables from a checked seed (frozen copies, maps) when the
 * backend first needs them, or in steps over idle time: a first page of 100 rows out of 100,000 is answered from the
 * checked seed (`firstPage` in paging.ts), so that a new backend's first rows do not wait for 100,000 copies and a
 * sort.
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

/** Raw data, checked: the user's conversation objects (in a list of the seed's own) and the groups worked out. */
export interface CheckedSeed {
  /** Each checked, ids unique. */
  conversations: readonly CheckedConversation[];
  /** The deleted conversations, checked (one that is also listed is dropped when the tables are built). */
  deleted: readonly CheckedConversation[];
  /** Every group, in order. */
  groupNames: string[];
  /**
   * Each group's members in the order they joined (its listed ids, then the conversations naming it), each once
   * (unless an id is given twice, which the build refuses). Arrays, not sets: where no group lists members, nothing
   * needs an id looked up before the build, and hashing 100,000 ids cost a third of creating such a backend.
   */
  members: Map<string, readonly ConversationId[]>;
  /**
   * `members` as sets, which `groupNamesOf` looks a conversation up in, where some group lists members
   * (`groups[].conversationIds`); undefined where none does, and a conversation's groups are those it names.
   */
  memberSets: Map<string, Set<ConversationId>> | undefined;
  /** Names the input in the errors of a later build. */
  where: string;
}

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
 * Checks `input` and works out the groups, copying no conversation. The membership is the union of the groups'
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
  const listed = new Map<string, Set<ConversationId>>();
  for (const group of listOf(input.groups, `${where}.groups`)) {
    if (!isRecord(group)) throw invalid(`${where}.groups: expected { name, conversationIds }.`);
    assertGroupName(group.name, limits.groupNameMaxBytes);
    if (listed.has(group.name)) throw invalid(`${where}.groups: the group "${group.name}" appears twice.`);
    assertIdList(group.conversationIds);
    const set = new Set<ConversationId>();
    for (const id of group.conversationIds) {
      ids ??= new Set(checked.map((conversation) => conversation.id));
      if (!ids.has(id)) throw conversationNotFound(id);
      set.add(id);
    }
    groupNames.push(group.name);
    listed.set(group.name, set);
  }
  const members = new Map<string, ConversationId[]>();
  for (const [name, set] of listed) members.set(name, [...set]);
  // Where some group lists members, a conversation may be listed and name the group as well: sets keep each member
  // once. Else only the conversation itself adds its id, so a name it gives twice finds its id last already.
  const memberSets = ids !== undefined ? listed : undefined;
  for (const conversation of checked) {
    for (const name of conversation.groupNames ?? EMPTY) {
      let list = members.get(name);
      if (!list) {
        assertGroupName(name, limits.groupNameMaxBytes);
        groupNames.push(name);
        members.set(name, (list = []));
        memberSets?.set(name, new Set());
      }
      const id = conversation.id;
      if (memberSets) {
        const set = memberSets.get(name)!;
        if (set.has(id)) continue;
        set.add(id);
      } else if (list[list.length - 1] === id) continue;
      list.push(id);
    }
  }
  if (groupNames.length > limits.maxGroups) {
    throw groupLimitExceeded(`${where}: ${groupNames.length} groups, but at most ${limits.maxGroups} can exist.`);
  }
  const deleted = listOf(input.deleted, `${where}.deleted`).slice();
  for (const value of deleted) checkConversation(value, `${where}.deleted`);
  return { conversations: checked, deleted: deleted as CheckedConversation[], groupNames, members, memberSets, where };
}

/**
 * A checked conversation's group names in group order, from the membership. Where no group lists members, the
 * membership is what the conversations name, so their own names answer without looking the id up (hashing 100,000
 * ids costs more than the rest of a pass over them).
 */
export function groupNamesOf(seed: Pick<CheckedSeed, 'groupNames' | 'memberSets'>, conversation: CheckedConversation): readonly string[] {
  const own = conversation.groupNames ?? EMPTY;
  const sets = seed.memberSets;
  if (!sets && own.length === 0) return EMPTY;
  const isMember = sets ? (name: string) => sets.get(name)!.has(conversation.id) : (name: string) => own.includes(name);
  const names = seed.groupNames.filter(isMember);
  return names.length > 0 ? names : EMPTY;
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
  // Each member's group names in group order, from the membership (the truth); a conversation in no group has none.
  // The membership becomes sets here, in idle time: the changes look members up.
  const namesOf = new Map<ConversationId, string[]>();
  const members = new Map<string, Set<ConversationId>>();
  let work = 0;
  for (const name of seed.groupNames) {
    const set = new Set<ConversationId>();
    members.set(name, set);
    for (const id of seed.members.get(name)!) {
      set.add(id);
      const names = namesOf.get(id);
      if (names) names.push(name);
      else namesOf.set(id, [name]);
      if (++work % BUILD_STEP === 0) yield;
    }
  }
  const label = `${seed.where}.conversations`;
  const conversations = new Map<ConversationId, Conversation>();
  for (const value of seed.conversations) {
    checkConversation(value, label);
    if (conversations.has(value.id)) throw invalid(`${label}: the id "${value.id}" appears twice.`);
    const names = namesOf.get(value.id);
    conversations.set(value.id, copyConversation(value, names ? Object.freeze(names) : EMPTY));
    if (conversations.size % BUILD_STEP === 0) yield;
  }
  for (const id of namesOf.keys()) {
    if (!conversations.has(id)) throw invalid(`${label}: the conversation "${id}" is gone (changed after the backend was created).`);
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
