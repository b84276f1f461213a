/**
 * Seeding: turns the raw data the backend starts from (the options' conversations and groups, or what storage
 * kept) into the backend's tables, checked as the backend checks its own changes, so that it never holds data
 * its limits would have refused. Kept apart from the tables because it runs once, on input nobody has checked
 * yet; the tables afterwards only ever see data that passed here or through a change.
 */
import { isRecord } from '../../core/isRecord.js';
import type { Conversation, ConversationId } from '../../core/types.js';
import { assertGroupName, assertIdList } from '../../core/validate.js';
import { conversationNotFound, groupLimitExceeded, invalid } from './errors.js';
import { derive, toConversation } from './normalize.js';
import type { StoredData } from './storage.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** The backend's data as seeded: the conversations are frozen copies, their `groupNames` agree with `members`. */
export interface SeedTables {
  conversations: Map<ConversationId, Conversation>;
  /** Conversations deleted from the list, which a new message or `openConversation` brings back. */
  deleted: Map<ConversationId, Conversation>;
  /** Every group, in order. */
  groupNames: string[];
  members: Map<string, Set<ConversationId>>;
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

function sameStrings(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Checks `input` and builds the tables. The membership is the union of the groups' `conversationIds` and the
 * conversations' own `groupNames`; groups named only by conversations are appended after the given ones. Each
 * conversation's `groupNames` is then rewritten from the membership, in group order. A deleted conversation that
 * is also listed is dropped from the deleted ones. Throws, naming `where`, for a bad conversation or group, an id
 * given twice, a group member that does not exist, or more groups than `limits.maxGroups`.
 */
export function buildSeed(input: SeedInput, limits: SeedLimits, where: string): SeedTables {
  const conversations = new Map<ConversationId, Conversation>();
  const conversationsLabel = `${where}.conversations`;
  for (const value of input.conversations) {
    const conversation = toConversation(value, conversationsLabel);
    if (conversations.has(conversation.id)) throw invalid(`${where}.conversations: the id "${conversation.id}" appears twice.`);
    conversations.set(conversation.id, conversation);
  }
  const groupNames: string[] = [];
  const members = new Map<string, Set<ConversationId>>();
  for (const group of input.groups) {
    if (!isRecord(group)) throw invalid(`${where}.groups: expected { name, conversationIds }.`);
    assertGroupName(group.name, limits.groupNameMaxBytes);
    if (members.has(group.name)) throw invalid(`${where}.groups: the group "${group.name}" appears twice.`);
    assertIdList(group.conversationIds);
    const set = new Set<ConversationId>();
    for (const id of group.conversationIds) {
      if (!conversations.has(id)) throw conversationNotFound(id);
      set.add(id);
    }
    groupNames.push(group.name);
    members.set(group.name, set);
  }
  for (const conversation of conversations.values()) {
    for (const name of conversation.groupNames) {
      let set = members.get(name);
      if (!set) {
        assertGroupName(name, limits.groupNameMaxBytes);
        groupNames.push(name);
        members.set(name, (set = new Set()));
      }
      set.add(conversation.id);
    }
  }
  if (groupNames.length > limits.maxGroups) {
    throw groupLimitExceeded(`${where}: ${groupNames.length} groups, but at most ${limits.maxGroups} can exist.`);
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
  // Only a member of some group can need it: a conversation in none has no groupNames (each would have made it one).
  for (const [id, names] of namesOf) {
    const conversation = conversations.get(id)!;
    if (!sameStrings(names, conversation.groupNames)) conversations.set(id, derive(conversation, { groupNames: Object.freeze(names) }));
  }
  const deleted = new Map<ConversationId, Conversation>();
  for (const value of input.deleted) {
    const conversation = toConversation(value, `${where}.deleted`);
    if (!conversations.has(conversation.id)) deleted.set(conversation.id, derive(conversation, { groupNames: EMPTY }));
  }
  return { conversations, deleted, groupNames, members };
}

/**
 * The tables a new backend starts from: what storage kept, when there is any and it seeds without error, else
 * the options' conversations and groups. Corrupt stored data is ignored as if nothing was stored; bad options
 * throw.
 */
export function seedTables(
  options: { conversations?: readonly unknown[]; groups?: readonly unknown[] },
  stored: StoredData | undefined,
  limits: SeedLimits,
): SeedTables {
  if (stored) {
    try {
      return buildSeed(stored, limits, 'storage');
    } catch {
      // corrupt data: start from the options as if nothing was stored
    }
  }
  return buildSeed({ conversations: options.conversations ?? EMPTY, groups: options.groups ?? EMPTY, deleted: EMPTY }, limits, 'options');
}
