/**
 * The backend's tables: conversations by id, the deleted conversations a new message brings back, the groups in
 * order with their members, the counters that the limits and the unread total read, and the list order pages are
 * read from. Every change of a conversation goes through `put` or `take`, and every change of a membership
 * through the group methods here, so the counters, the order and the two sides of a membership (a group's
 * members, a conversation's `groupNames`) cannot drift apart. Nothing here checks arguments, enforces limits or
 * emits events: the changes do that.
 *
 * Built lazily: until something needs more, the first page, the groups and the counts are answered from the
 * checked seed, and the copies, maps and order are built in steps (`buildStep`) that the backend spreads over idle
 * time, or at once (`build`) when something needs them.
 *
 * Unread is counted as the store counts it (`shownUnread`: hidden conversations add nothing), in total and per
 * group, so that the backend's own numbers, which the store shows while pages remain, agree with the store's own
 * once every page is loaded.
 */
import type { ConversationPage, OrderingKey, UnreadRule } from '../../core/adapter.js';
import type { OrderedList } from '../../core/order.js';
import type { Conversation, ConversationGroup, ConversationId } from '../../core/types.js';
import { toInboxError, type InboxError } from '../../core/errors.js';
import { shownUnread } from '../shownUnread.js';
import { conversationNotFound, groupNotFound } from './errors.js';
import { copyConversation, derive } from './normalize.js';
import { firstPage, readPage, sortedOrderInSteps } from './paging.js';
import { buildSeedInSteps, copyGroupNamesOf, groupNamesOf, seedMembers, type CheckedSeed } from './seed.js';
import type { Steps } from './steps.js';
import type { MemorySnapshot } from './storage.js';

const NO_CHANGES: Partial<Conversation> = Object.freeze({});

/**
 * A conversation deleted from the list, kept with what its deletion changes (shared, frozen change sets), and turned
 * into that changed conversation when first read: a new message, `openConversation` or a save. Not when deleted: a
 * batch that deletes 100,000 conversations then copies none of them, copies the collector had to carry while the
 * page worked.
 */
class DeletedConversation {
  private made: Conversation | undefined;

  constructor(
    private readonly was: Conversation,
    private readonly changes: Partial<Conversation>,
  ) {}

  get conversation(): Conversation {
    return (this.made ??= this.changes === NO_CHANGES ? this.was : derive(this.was, this.changes));
  }
}

/** What `buildSeed` makes, with the order: built when the backend first needs more than its first page. */
interface BuiltTables {
  conversations: Map<ConversationId, Conversation>;
  deleted: Map<ConversationId, DeletedConversation>;
  order: OrderedList<Conversation>;
  /** Each group's members, in the order they joined. */
  members: Map<string, Set<ConversationId>>;
}

export class MemoryTables {
  /** The checked seed, until the tables are built from it. */
  private seed: CheckedSeed | undefined;
  private built: BuiltTables | undefined;
  /** The build under way, when it was started in steps. */
  private building: Steps<BuiltTables> | undefined;
  /** Why the tables could not be built from the seed. */
  private failure: InboxError | undefined;
  private names: readonly string[];
  private unread = 0;
  /** Unread per group; a group absent from it has none. */
  private readonly groupUnread = new Map<string, number>();
  private pinned = 0;
  private grouped = 0;

  /**
   * Counts what a connecting store asks for (the unread total, each group's unread) from the checked conversations;
   * copies, maps, the order and the membership's sets wait until first needed.
   */
  constructor(
    seed: CheckedSeed,
    private readonly orderBy: OrderingKey,
    private readonly unreadRule: UnreadRule,
  ) {
    this.seed = seed;
    this.names = Object.freeze([...seed.groupNames]);
    // A checked conversation has every field the counts read; its groups are the membership's.
    for (const conversation of seed.conversations) this.count(conversation as Conversation, 1, groupNamesOf(seed, conversation));
  }

  /** The tables, built from the seed the first time anything but the first page or the counts is asked for. */
  private get tables(): BuiltTables {
    if (!this.built) this.build();
    return this.built!;
  }

  /** Builds the tables now, when they are not built yet: the rest of the build's steps at once. */
  build(): void {
    while (!this.buildStep());
  }

  /**
   * Does one step of building the tables from the seed (the backend spreads them over idle time after its first
   * page); true once they are built. A seed that fails (an id given twice) throws its `INVALID_ARGUMENT` now and from
   * every later use: the backend cannot answer from data it could not build.
   */
  buildStep(): boolean {
    if (this.built) return true;
    if (this.failure) throw this.failure;
    this.building ??= this.buildSteps(this.seed!);
    let next: IteratorResult<void, BuiltTables>;
    try {
      next = this.building.next();
    } catch (error) {
      this.failure = toInboxError(error);
      this.building = undefined;
      throw this.failure;
    }
    if (!next.done) return false;
    this.built = next.value;
    this.building = undefined;
    this.seed = undefined;
    return true;
  }

  private *buildSteps(seed: CheckedSeed): Steps<BuiltTables> {
    const seeded = yield* buildSeedInSteps(seed);
    const order = yield* sortedOrderInSteps(seeded.conversations.values(), this.orderBy);
    const deleted = new Map<ConversationId, DeletedConversation>();
    for (const [id, conversation] of seeded.deleted) deleted.set(id, new DeletedConversation(conversation, NO_CHANGES));
    return { conversations: seeded.conversations, deleted, order, members: seeded.members };
  }

  /** What is answered without the tables (the first page, the groups, the counts) fails as they do. */
  private assertUsable(): void {
    if (this.failure) throw this.failure;
  }

  /** Builds the tables before a change: a change starts from all of them. */
  private beforeChange(): void {
    this.build();
  }

  /** Whether the tables are built (before, only the first page, the groups and the counts can have been read). */
  get isBuilt(): boolean {
    return this.built !== undefined;
  }

  // ---- conversations --------------------------------------------------------------------------------

  get size(): number {
    return this.seed ? this.seed.conversations.length : this.tables.conversations.size;
  }

  /** The total unread under the backend's rule. */
  get unreadTotal(): number {
    this.assertUsable();
    return this.unread;
  }

  get pinnedCount(): number {
    return this.pinned;
  }

  /** Conversations in at least one group. */
  get groupedCount(): number {
    // Read by the changes, whose limit checks work on the built tables: built here as for them.
    this.build();
    return this.grouped;
  }

  get(id: ConversationId): Conversation | undefined {
    return this.tables.conversations.get(id);
  }

  has(id: ConversationId): boolean {
    return this.tables.conversations.has(id);
  }

  /** The conversation, or throws `CONVERSATION_NOT_FOUND`. */
  require(id: ConversationId): Conversation {
    const conversation = this.tables.conversations.get(id);
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  }

  /** Every conversation, in no particular order (a copy: safe to change the tables while walking it). */
  all(): Conversation[] {
    return [...this.tables.conversations.values()];
  }

  /**
   * Adds or replaces a conversation (by id). Returns it. Its `groupNames` are trusted to agree with the members
   * (the group methods below change both sides).
   */
  put(next: Conversation): Conversation {
    const prev = this.tables.conversations.get(next.id);
    if (prev) this.count(prev, -1);
    this.tables.conversations.set(next.id, next);
    this.count(next, 1);
    if (prev) {
      this.tables.order.update(prev, next);
    } else {
      this.tables.order.insert(next);
      // New to the list: it joins the groups its groupNames name (the changes made sure they exist).
      for (const name of next.groupNames) this.tables.members.get(name)?.add(next.id);
    }
    return next;
  }

  /** Removes a conversation from the list and from every group it is in. Returns it as it was, with its `groupNames`. */
  take(id: ConversationId): Conversation | undefined {
    const conversation = this.tables.conversations.get(id);
    if (!conversation) return undefined;
    this.count(conversation, -1);
    this.tables.conversations.delete(id);
    this.tables.order.remove(conversation);
    for (const name of conversation.groupNames) this.tables.members.get(name)?.delete(id);
    return conversation;
  }

  /** Adds (or takes away) a conversation's share of the counters; `groupNames` are the groups it is in. */
  private count(conversation: Conversation, sign: 1 | -1, groupNames = conversation.groupNames): void {
    const unread = shownUnread(conversation, this.unreadRule);
    this.unread += sign * unread;
    if (unread !== 0) {
      for (const name of groupNames) {
        const next = (this.groupUnread.get(name) ?? 0) + sign * unread;
        if (next === 0) this.groupUnread.delete(name);
        else this.groupUnread.set(name, next);
      }
    }
    if (conversation.isPinned) this.pinned += sign;
    if (groupNames.length > 0) this.grouped += sign;
  }

  // ---- deleted conversations --------------------------------------------------------------------------

  /** A conversation deleted from the list, kept for a new message or `openConversation` to bring back. */
  getDeleted(id: ConversationId): Conversation | undefined {
    return this.tables.deleted.get(id)?.conversation;
  }

  /** Keeps `conversation`, just taken from the list, as `changes` make it (applied when it is first read). */
  keepDeleted(conversation: Conversation, changes: Partial<Conversation>): void {
    this.tables.deleted.set(conversation.id, new DeletedConversation(conversation, changes));
  }

  private deletedConversations(): Conversation[] {
    return Array.from(this.tables.deleted.values(), (deleted) => deleted.conversation);
  }

  forgetDeleted(id: ConversationId): void {
    this.tables.deleted.delete(id);
  }

  // ---- groups -----------------------------------------------------------------------------------------

  /** Every group name, in order. A new array whenever the groups change. */
  get groupNames(): readonly string[] {
    return this.names;
  }

  /** The members of a group, or throws `GROUP_NOT_FOUND`. Builds the tables: only a change asks for the set. */
  requireGroup(name: string): ReadonlySet<ConversationId> {
    const set = this.tables.members.get(name);
    if (!set) throw groupNotFound(name);
    return set;
  }

  /** A group's members as a frozen array, in the order they joined (before the build, the seed's own, not copied). */
  membership(name: string): readonly ConversationId[] {
    if (this.seed) return Object.freeze(seedMembers(this.seed).get(name)!);
    return Object.freeze([...this.tables.members.get(name)!]);
  }

  /** A group's unread under the backend's rule. */
  groupUnreadCount(name: string): number {
    return this.groupUnread.get(name) ?? 0;
  }

  /**
   * The groups in order, each with its members and its unread under the backend's rule. Before the tables are built,
   * a group's members are worked out from the seed when `conversationIds` is first read: a store whose conversations
   * name their groups (`groupNamesMatchGroups`) never reads them. Nothing changes before the build, so they are the
   * members of the moment the groups were asked for, as the tables' copies are.
   */
  groups(): ConversationGroup[] {
    this.assertUsable();
    const seed = this.seed;
    return this.names.map((name) => {
      const unreadCount = this.groupUnreadCount(name);
      if (!seed) return Object.freeze({ name, conversationIds: this.membership(name), unreadCount });
      return Object.freeze({
        name,
        get conversationIds() {
          return Object.freeze(seedMembers(seed).get(name)!);
        },
        unreadCount,
      });
    });
  }

  /** Appends an empty group. */
  addGroup(name: string): void {
    this.beforeChange();
    this.names = Object.freeze([...this.names, name]);
    this.tables.members.set(name, new Set());
  }

  /** Renames a group in place, keeping its position and members. Returns the members, renamed. */
  renameGroup(oldName: string, newName: string): Conversation[] {
    this.beforeChange();
    const { members } = this.tables;
    const set = members.get(oldName)!;
    this.names = Object.freeze(this.names.map((name) => (name === oldName ? newName : name)));
    members.delete(oldName);
    members.set(newName, set);
    const changed: Conversation[] = [];
    for (const id of set) {
      const conversation = this.tables.conversations.get(id)!;
      const groupNames = Object.freeze(conversation.groupNames.map((name) => (name === oldName ? newName : name)));
      changed.push(this.put(derive(conversation, { groupNames })));
    }
    return changed;
  }

  /** Deletes a group. Returns its former members, without it. */
  deleteGroup(name: string): Conversation[] {
    this.beforeChange();
    const changed: Conversation[] = [];
    for (const id of [...this.tables.members.get(name)!]) {
      const conversation = this.removeMember(name, id);
      if (conversation) changed.push(conversation);
    }
    this.tables.members.delete(name);
    this.names = Object.freeze(this.names.filter((n) => n !== name));
    return changed;
  }

  /** Puts a conversation in a group. Returns it changed, or `undefined` when it was a member already. */
  addMember(name: string, id: ConversationId): Conversation | undefined {
    this.beforeChange();
    const set = this.tables.members.get(name)!;
    if (set.has(id)) return undefined;
    set.add(id);
    const conversation = this.tables.conversations.get(id)!;
    return this.put(derive(conversation, { groupNames: Object.freeze([...conversation.groupNames, name]) }));
  }

  /** Takes a conversation out of a group. Returns it changed, or `undefined` when it was not a member. */
  removeMember(name: string, id: ConversationId): Conversation | undefined {
    this.beforeChange();
    if (!this.tables.members.get(name)!.delete(id)) return undefined;
    const conversation = this.tables.conversations.get(id);
    if (!conversation) return undefined;
    return this.put(derive(conversation, { groupNames: Object.freeze(conversation.groupNames.filter((n) => n !== name)) }));
  }

  // ---- reading ----------------------------------------------------------------------------------------

  /** Up to `count` conversations in list order after the row `cursor` names (see `readPage`). */
  page(cursor: string | null | undefined, count: number): ConversationPage {
    this.assertUsable();
    const seed = this.seed;
    // A first page that is not the whole list is read from the seed; the whole list is the whole build.
    if (seed && !cursor && count < seed.conversations.length) {
      return firstPage(seed.conversations, count, this.orderBy, (conversation) => copyConversation(conversation, copyGroupNamesOf(seed, conversation)));
    }
    return readPage(this.tables.order, cursor, count, this.orderBy);
  }

  /** The data now, conversations in list order. */
  snapshot(): MemorySnapshot {
    return { conversations: this.tables.order.toArray(), groups: this.groups(), deleted: this.deletedConversations() };
  }

  /** The data now, conversations in table order: what is saved after every change, which must not walk the order. */
  unorderedSnapshot(): MemorySnapshot {
    return { conversations: this.all(), groups: this.groups(), deleted: this.deletedConversations() };
  }
}
