/**
 * The backend's tables: conversations by id, the deleted conversations a new message brings back, the groups in
 * order with their members, the counters that the limits and the unread total read, and the list order pages are
 * read from. Every change of a conversation goes through `put` or `take`, and every change of a membership
 * through the group methods here, so the counters, the order and the two sides of a membership (a group's
 * members, a conversation's `groupNames`) cannot drift apart. Nothing here checks arguments, enforces limits or
 * emits events: the changes do that.
 *
 * Unread is counted as the store counts it (`shownUnread`: hidden conversations add nothing), in total and per
 * group, so that the backend's own numbers, which the store shows while pages remain, agree with the store's own
 * once every page is loaded.
 */
import type { ConversationPage, OrderingKey, UnreadRule } from '../../core/adapter.js';
import type { OrderedList } from '../../core/order.js';
import type { Conversation, ConversationGroup, ConversationId } from '../../core/types.js';
import { shownUnread } from '../shownUnread.js';
import { conversationNotFound, groupNotFound } from './errors.js';
import { derive } from './normalize.js';
import { readPage, sortedOrder } from './paging.js';
import type { SeedTables } from './seed.js';
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

export class MemoryTables {
  private readonly conversations: Map<ConversationId, Conversation>;
  private readonly deleted = new Map<ConversationId, DeletedConversation>();
  private names: readonly string[];
  private readonly members: Map<string, Set<ConversationId>>;
  private readonly order: OrderedList<Conversation>;
  private unread = 0;
  /** Unread per group; a group absent from it has none. */
  private readonly groupUnread = new Map<string, number>();
  private pinned = 0;
  private grouped = 0;

  /** Takes over the seed's maps (they are not copied). */
  constructor(
    seed: SeedTables,
    private readonly orderBy: OrderingKey,
    private readonly unreadRule: UnreadRule,
  ) {
    this.conversations = seed.conversations;
    for (const [id, conversation] of seed.deleted) this.deleted.set(id, new DeletedConversation(conversation, NO_CHANGES));
    this.names = Object.freeze([...seed.groupNames]);
    this.members = seed.members;
    for (const conversation of this.conversations.values()) this.count(conversation, 1);
    this.order = sortedOrder(this.conversations.values(), orderBy);
  }

  // ---- conversations --------------------------------------------------------------------------------

  get size(): number {
    return this.conversations.size;
  }

  /** The total unread under the backend's rule. */
  get unreadTotal(): number {
    return this.unread;
  }

  get pinnedCount(): number {
    return this.pinned;
  }

  /** Conversations in at least one group. */
  get groupedCount(): number {
    return this.grouped;
  }

  get(id: ConversationId): Conversation | undefined {
    return this.conversations.get(id);
  }

  has(id: ConversationId): boolean {
    return this.conversations.has(id);
  }

  /** The conversation, or throws `CONVERSATION_NOT_FOUND`. */
  require(id: ConversationId): Conversation {
    const conversation = this.conversations.get(id);
    if (!conversation) throw conversationNotFound(id);
    return conversation;
  }

  /** Every conversation, in no particular order (a copy: safe to change the tables while walking it). */
  all(): Conversation[] {
    return [...this.conversations.values()];
  }

  /**
   * Adds or replaces a conversation (by id). Returns it. Its `groupNames` are trusted to agree with the members
   * (the group methods below change both sides).
   */
  put(next: Conversation): Conversation {
    const prev = this.conversations.get(next.id);
    if (prev) this.count(prev, -1);
    this.conversations.set(next.id, next);
    this.count(next, 1);
    if (prev) {
      this.order.update(prev, next);
    } else {
      this.order.insert(next);
      // New to the list: it joins the groups its groupNames name (the changes made sure they exist).
      for (const name of next.groupNames) this.members.get(name)?.add(next.id);
    }
    return next;
  }

  /** Removes a conversation from the list and from every group it is in. Returns it as it was, with its `groupNames`. */
  take(id: ConversationId): Conversation | undefined {
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    this.count(conversation, -1);
    this.conversations.delete(id);
    this.order.remove(conversation);
    for (const name of conversation.groupNames) this.members.get(name)?.delete(id);
    return conversation;
  }

  private count(conversation: Conversation, sign: 1 | -1): void {
    const unread = shownUnread(conversation, this.unreadRule);
    this.unread += sign * unread;
    if (unread !== 0) {
      for (const name of conversation.groupNames) {
        const next = (this.groupUnread.get(name) ?? 0) + sign * unread;
        if (next === 0) this.groupUnread.delete(name);
        else this.groupUnread.set(name, next);
      }
    }
    if (conversation.isPinned) this.pinned += sign;
    if (conversation.groupNames.length > 0) this.grouped += sign;
  }

  // ---- deleted conversations --------------------------------------------------------------------------

  /** A conversation deleted from the list, kept for a new message or `openConversation` to bring back. */
  getDeleted(id: ConversationId): Conversation | undefined {
    return this.deleted.get(id)?.conversation;
  }

  /** Keeps `conversation`, just taken from the list, as `changes` make it (applied when it is first read). */
  keepDeleted(conversation: Conversation, changes: Partial<Conversation>): void {
    this.deleted.set(conversation.id, new DeletedConversation(conversation, changes));
  }

  private deletedConversations(): Conversation[] {
    return Array.from(this.deleted.values(), (deleted) => deleted.conversation);
  }

  forgetDeleted(id: ConversationId): void {
    this.deleted.delete(id);
  }

  // ---- groups -----------------------------------------------------------------------------------------

  /** Every group name, in order. A new array whenever the groups change. */
  get groupNames(): readonly string[] {
    return this.names;
  }

  /** The members of a group, or throws `GROUP_NOT_FOUND`. */
  requireGroup(name: string): ReadonlySet<ConversationId> {
    const set = this.members.get(name);
    if (!set) throw groupNotFound(name);
    return set;
  }

  /** A group's members as a frozen array, in the order they joined. */
  membership(name: string): readonly ConversationId[] {
    return Object.freeze([...this.members.get(name)!]);
  }

  /** A group's unread under the backend's rule. */
  groupUnreadCount(name: string): number {
    return this.groupUnread.get(name) ?? 0;
  }

  /** The groups in order, each with its members and its unread under the backend's rule. */
  groups(): ConversationGroup[] {
    return this.names.map((name) => Object.freeze({ name, conversationIds: this.membership(name), unreadCount: this.groupUnreadCount(name) }));
  }

  /** Appends an empty group. */
  addGroup(name: string): void {
    this.names = Object.freeze([...this.names, name]);
    this.members.set(name, new Set());
  }

  /** Renames a group in place, keeping its position and members. Returns the members, renamed. */
  renameGroup(oldName: string, newName: string): Conversation[] {
    const set = this.members.get(oldName)!;
    this.names = Object.freeze(this.names.map((name) => (name === oldName ? newName : name)));
    this.members.delete(oldName);
    this.members.set(newName, set);
    const changed: Conversation[] = [];
    for (const id of set) {
      const conversation = this.conversations.get(id)!;
      const groupNames = Object.freeze(conversation.groupNames.map((name) => (name === oldName ? newName : name)));
      changed.push(this.put(derive(conversation, { groupNames })));
    }
    return changed;
  }

  /** Deletes a group. Returns its former members, without it. */
  deleteGroup(name: string): Conversation[] {
    const changed: Conversation[] = [];
    for (const id of [...this.members.get(name)!]) {
      const conversation = this.removeMember(name, id);
      if (conversation) changed.push(conversation);
    }
    this.members.delete(name);
    this.names = Object.freeze(this.names.filter((n) => n !== name));
    return changed;
  }

  /** Puts a conversation in a group. Returns it changed, or `undefined` when it was a member already. */
  addMember(name: string, id: ConversationId): Conversation | undefined {
    const set = this.members.get(name)!;
    if (set.has(id)) return undefined;
    set.add(id);
    const conversation = this.conversations.get(id)!;
    return this.put(derive(conversation, { groupNames: Object.freeze([...conversation.groupNames, name]) }));
  }

  /** Takes a conversation out of a group. Returns it changed, or `undefined` when it was not a member. */
  removeMember(name: string, id: ConversationId): Conversation | undefined {
    if (!this.members.get(name)!.delete(id)) return undefined;
    const conversation = this.conversations.get(id);
    if (!conversation) return undefined;
    return this.put(derive(conversation, { groupNames: Object.freeze(conversation.groupNames.filter((n) => n !== name)) }));
  }

  // ---- reading ----------------------------------------------------------------------------------------

  /** Up to `count` conversations in list order after the row `cursor` names (see `readPage`). */
  page(cursor: string | null | undefined, count: number): ConversationPage {
    return readPage(this.order, cursor, count, this.orderBy);
  }

  /** The data now, conversations in list order. */
  snapshot(): MemorySnapshot {
    return { conversations: this.order.toArray(), groups: this.groups(), deleted: this.deletedConversations() };
  }

  /** The data now, conversations in table order: what is saved after every change, which must not walk the order. */
  unorderedSnapshot(): MemorySnapshot {
    return { conversations: this.all(), groups: this.groups(), deleted: this.deletedConversations() };
  }
}
