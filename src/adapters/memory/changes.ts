/**
 * The server's behaviour: every change the memory backend makes, with the limits and codes Tencent Cloud Chat
 * enforces, whoever asks for it, a command from the app (through the call gate) or a push the simulator plays.
 * One place, so that a group created by another device obeys the same limits and emits the same events as one
 * created by the app.
 *
 * A change is applied to the tables, then published: saved to storage first, then its events emitted in order,
 * then the unread total when it moved. Arguments are checked by the callers; what is checked here is what depends
 * on the data (a missing conversation or group, a name taken, a limit reached).
 */
import type { AdapterCapabilities, AdapterEvent, AdapterListener } from '../../core/adapter.js';
import { createEmitter } from '../../core/emitter.js';
import type { Conversation, ConversationId, ConversationMark, ConversationTarget, MuteMode, OperationResult } from '../../core/types.js';
import { assertIdList, assertNoGroupNamed } from '../../core/validate.js';
import { conversationNotFound, groupedConversationLimitExceeded, groupLimitExceeded, pinLimitExceeded } from './errors.js';
import { derive } from './normalize.js';
import type { MemoryTables } from './tables.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** What deleting a conversation changes: kept unpinned, read and out of groups, for a new message to bring back. */
const DELETED: Partial<Conversation> = Object.freeze({
  unreadCount: 0,
  mentions: EMPTY,
  isPinned: false,
  groupNames: EMPTY,
  marks: undefined,
  draft: undefined,
});

/** Deleting with its history: the last message goes too. */
const DELETED_WITH_HISTORY: Partial<Conversation> = Object.freeze({ ...DELETED, lastMessage: undefined, lastActivityAt: 0 });

export type MemoryChanges = ReturnType<typeof createChanges>;

export interface ChangeSettings {
  capabilities: AdapterCapabilities;
  /** The clock, for draft times. */
  now: () => number;
  /** Saves the tables; called once per change, before its events. */
  save: () => void;
}

export function createChanges(tables: MemoryTables, { capabilities, now, save }: ChangeSettings) {
  const listeners = createEmitter<[AdapterEvent]>();
  let reportedTotal = tables.unreadTotal;
  // What loadGroups and the events last said of each group's unread: a change is told once, when it moves.
  const reportedGroupUnread = new Map(tables.groupNames.map((name) => [name, tables.groupUnreadCount(name)]));
  // The account-wide receive option: account state, not a conversation's, so it is neither in the tables nor saved.
  let globalReceiveOption: MuteMode = 'none';

  // ---- publishing -----------------------------------------------------------------------------------

  function emit(event: AdapterEvent): void {
    listeners.emit(event);
  }

  /** Saves, then emits the events of one change, then the totals that moved (all, then each group). Nothing for no events. */
  function publish(events: AdapterEvent[]): void {
    if (events.length === 0) return;
    save();
    for (const event of events) emit(event);
    if (tables.unreadTotal !== reportedTotal) {
      reportedTotal = tables.unreadTotal;
      emit({ type: 'unreadTotalChanged', total: reportedTotal });
    }
    for (const name of tables.groupNames) {
      const unreadCount = tables.groupUnreadCount(name);
      if (reportedGroupUnread.get(name) === unreadCount) continue;
      reportedGroupUnread.set(name, unreadCount);
      emit({ type: 'groupUnreadChanged', name, unreadCount });
    }
  }

  function upserted(list: readonly Conversation[]): AdapterEvent[] {
    return list.length > 0 ? [{ type: 'upserted', conversations: list }] : [];
  }

  function membershipChanged(name: string): AdapterEvent {
    return { type: 'groupMembershipChanged', name, conversationIds: tables.membership(name) };
  }

  function groupsChanged(): AdapterEvent {
    return { type: 'groupsChanged', names: tables.groupNames };
  }

  // ---- shared rules ---------------------------------------------------------------------------------

  /** Per-id results: the known ids go on, each unknown one fails alone with `CONVERSATION_NOT_FOUND`. */
  function splitKnown(ids: readonly ConversationId[]): { known: ConversationId[]; result: OperationResult } {
    const known: ConversationId[] = [];
    const result: OperationResult = { succeeded: [], failed: [] };
    for (const id of new Set(ids)) {
      if (tables.has(id)) known.push(id);
      else result.failed.push({ id, code: 'CONVERSATION_NOT_FOUND', message: `There is no conversation "${id}".` });
    }
    return { known, result };
  }

  /** Throws `GROUPED_CONVERSATION_LIMIT_EXCEEDED` when putting `ids` in a group would pass the limit. */
  function assertGroupedLimit(ids: Iterable<ConversationId>): void {
    let added = 0;
    for (const id of ids) if (tables.get(id)?.groupNames.length === 0) added++;
    if (added > 0 && tables.groupedCount + added > capabilities.maxGroupedConversations) {
      throw groupedConversationLimitExceeded(
        `At most ${capabilities.maxGroupedConversations} conversations can be in groups; this would make ${tables.groupedCount + added}.`,
      );
    }
  }

  /** Throws `INVALID_ARGUMENT` unless `ids` is a list of ids, then `CONVERSATION_NOT_FOUND` for the first unknown one. */
  function assertKnownIds(ids: readonly ConversationId[]): void {
    assertIdList(ids);
    for (const id of ids) if (!tables.has(id)) throw conversationNotFound(id);
  }

  function addMembers(name: string, ids: Iterable<ConversationId>, changed: Conversation[]): void {
    for (const id of ids) {
      const conversation = tables.addMember(name, id);
      if (conversation) changed.push(conversation);
    }
  }

  function removeMembers(name: string, ids: Iterable<ConversationId>, changed: Conversation[]): void {
    for (const id of ids) {
      const conversation = tables.removeMember(name, id);
      if (conversation) changed.push(conversation);
    }
  }

  /** Clears the unread count and mentions. Returns the conversation changed, or `undefined` when it was read. */
  function clearUnread(conversation: Conversation): Conversation | undefined {
    if (conversation.unreadCount === 0 && conversation.mentions.length === 0) return undefined;
    return tables.put(derive(conversation, { unreadCount: 0, mentions: EMPTY }));
  }

  // ---- conversations ----------------------------------------------------------------------------------

  /** The conversation with a user or group: the existing one, a deleted one brought back, or a new empty one. */
  function open(target: ConversationTarget): Conversation {
    const id = target.kind === 'direct' ? `C2C${target.targetId}` : `GROUP${target.targetId}`;
    const existing = tables.get(id);
    if (existing) return existing;
    let opened = tables.getDeleted(id);
    if (opened) tables.forgetDeleted(id);
    else {
      opened = Object.freeze({
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
    publish(upserted([tables.put(opened)]));
    return opened;
  }

  /**
   * A new version of a listed or deleted conversation (a message arrived, another device changed it). A deleted
   * one comes back into the list.
   */
  function upsert(next: Conversation): Conversation {
    tables.forgetDeleted(next.id);
    publish(upserted([tables.put(next)]));
    return next;
  }

  /** A conversation that did not exist appears. Its `groupNames` must name existing groups. */
  function add(conversation: Conversation): Conversation {
    for (const name of conversation.groupNames) tables.requireGroup(name);
    if (conversation.groupNames.length > 0 && tables.groupedCount + 1 > capabilities.maxGroupedConversations) {
      throw groupedConversationLimitExceeded(`At most ${capabilities.maxGroupedConversations} conversations can be in groups.`);
    }
    tables.forgetDeleted(conversation.id);
    tables.put(conversation);
    publish([...upserted([conversation]), ...conversation.groupNames.map(membershipChanged)]);
    return conversation;
  }

  function pin(id: ConversationId, isPinned: boolean): void {
    const conversation = tables.require(id);
    if (conversation.isPinned === isPinned) return;
    if (isPinned && tables.pinnedCount >= capabilities.maxPinned) throw pinLimitExceeded(capabilities.maxPinned);
    publish(upserted([tables.put(derive(conversation, { isPinned }))]));
  }

  /** Sets the draft, stamped with the clock; an empty text clears it. */
  function setDraft(id: ConversationId, text: string): void {
    const conversation = tables.require(id);
    if ((conversation.draft?.text ?? '') === text) return;
    const draft = text ? Object.freeze({ text, updatedAt: now() }) : undefined;
    publish(upserted([tables.put(derive(conversation, { draft }))]));
  }

  function setMuteMode(id: ConversationId, mode: MuteMode): void {
    const conversation = tables.require(id);
    if (conversation.muteMode === mode) return;
    publish(upserted([tables.put(derive(conversation, { muteMode: mode }))]));
  }

  function markRead(id: ConversationId): void {
    const next = clearUnread(tables.require(id));
    if (next) publish(upserted([next]));
  }

  /** Every conversation read, in one `upserted` event. */
  function markAllRead(): void {
    const changed: Conversation[] = [];
    for (const conversation of tables.all()) {
      const next = clearUnread(conversation);
      if (next) changed.push(next);
    }
    publish(upserted(changed));
  }

  function setMark(ids: readonly ConversationId[], mark: ConversationMark, enabled: boolean): OperationResult {
    const { known, result } = splitKnown(ids);
    const changed: Conversation[] = [];
    for (const id of known) {
      const conversation = tables.get(id)!;
      const current = conversation.marks ?? EMPTY;
      if (current.includes(mark) !== enabled) {
        const next = enabled ? [...current, mark] : current.filter((m) => m !== mark);
        changed.push(tables.put(derive(conversation, { marks: next.length > 0 ? Object.freeze(next) : undefined })));
      }
    }
    result.succeeded.push(...known);
    publish(upserted(changed));
    return result;
  }

  /**
   * Removes conversations from the list. Each is kept, unpinned, unread cleared and out of groups, for a new
   * message to bring back; with `clearHistory` its last message goes too. Emits `removed`, then the membership of
   * every group one was in.
   */
  function remove(ids: readonly ConversationId[], clearHistory: boolean): void {
    const changes = clearHistory ? DELETED_WITH_HISTORY : DELETED;
    for (const id of ids) {
      const conversation = tables.take(id);
      if (conversation) tables.keepDeleted(conversation, changes);
    }
    // `removed` is enough for the groups too: a conversation that leaves the list leaves its groups' lists. Sending each
    // affected group's whole membership as well would cost the store O(group) per deleted chunk.
    publish([{ type: 'removed', ids: Object.freeze([...ids]) }]);
  }

  /** Sets the app's custom data on the known ids (`''` clears it); the unknown ones fail alone. */
  function setCustomData(ids: readonly ConversationId[], data: string): OperationResult {
    const { known, result } = splitKnown(ids);
    const changed: Conversation[] = [];
    for (const id of known) {
      const conversation = tables.get(id)!;
      if ((conversation.customData ?? '') !== data) changed.push(tables.put(derive(conversation, { customData: data || undefined })));
    }
    result.succeeded.push(...known);
    publish(upserted(changed));
    return result;
  }

  /** Clears the list: every conversation is removed as by `remove` without clearing history, so a message brings it back. */
  function clearAll(): void {
    const ids = tables.all().map((conversation) => conversation.id);
    if (ids.length > 0) remove(ids, false);
  }

  /** Deletes the known ids (see `remove`); the unknown ones fail alone. */
  function deleteConversations(ids: readonly ConversationId[], clearHistory: boolean): OperationResult {
    const { known, result } = splitKnown(ids);
    if (known.length > 0) remove(known, clearHistory);
    result.succeeded.push(...known);
    return result;
  }

  // ---- groups -------------------------------------------------------------------------------------------

  /** `name` is normalized. The known ids join it; the unknown ones fail alone. */
  function createGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    assertNoGroupNamed(tables.groupNames, name);
    if (tables.groupNames.length >= capabilities.maxGroups) {
      throw groupLimitExceeded(`At most ${capabilities.maxGroups} groups can be created.`);
    }
    const { known, result } = splitKnown(ids);
    assertGroupedLimit(known);
    tables.addGroup(name);
    const changed: Conversation[] = [];
    addMembers(name, known, changed);
    result.succeeded.push(...known);
    publish([groupsChanged(), ...upserted(changed), membershipChanged(name)]);
    return result;
  }

  /** `newName` is normalized; it may differ from `oldName` only in its Unicode form or spaces. */
  function renameGroup(oldName: string, newName: string): void {
    tables.requireGroup(oldName);
    if (oldName === newName) return;
    assertNoGroupNamed(tables.groupNames, newName, oldName);
    const changed = tables.renameGroup(oldName, newName);
    publish([groupsChanged(), ...upserted(changed), membershipChanged(newName)]);
  }

  function deleteGroup(name: string): void {
    tables.requireGroup(name);
    const changed = tables.deleteGroup(name);
    publish([groupsChanged(), ...upserted(changed)]);
  }

  function addToGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    tables.requireGroup(name);
    const { known, result } = splitKnown(ids);
    assertGroupedLimit(known);
    const changed: Conversation[] = [];
    addMembers(name, known, changed);
    result.succeeded.push(...known);
    publish(changed.length > 0 ? [...upserted(changed), membershipChanged(name)] : []);
    return result;
  }

  function removeFromGroup(name: string, ids: readonly ConversationId[]): OperationResult {
    tables.requireGroup(name);
    const { known, result } = splitKnown(ids);
    const changed: Conversation[] = [];
    removeMembers(name, known, changed);
    result.succeeded.push(...known);
    publish(changed.length > 0 ? [...upserted(changed), membershipChanged(name)] : []);
    return result;
  }

  /** Sets the whole membership of a group; every id must exist (`ids` is checked here, after the group). */
  function setMembership(name: string, ids: readonly ConversationId[]): void {
    const current = tables.requireGroup(name);
    assertKnownIds(ids);
    const wanted = new Set(ids);
    assertGroupedLimit([...wanted].filter((id) => !current.has(id)));
    const changed: Conversation[] = [];
    removeMembers(name, [...current].filter((id) => !wanted.has(id)), changed);
    addMembers(name, wanted, changed);
    publish(changed.length > 0 ? [...upserted(changed), membershipChanged(name)] : []);
  }

  return {
    subscribe: (listener: AdapterListener) => listeners.on(listener),
    emit,
    assertKnownIds,
    open,
    upsert,
    add,
    pin,
    setDraft,
    setMuteMode,
    markRead,
    markAllRead,
    setMark,
    remove,
    deleteConversations,
    setCustomData,
    clearAll,
    getGlobalReceiveOption: () => globalReceiveOption,
    setGlobalReceiveOption: (mode: MuteMode) => {
      globalReceiveOption = mode;
    },
    createGroup,
    renameGroup,
    deleteGroup,
    addToGroup,
    removeFromGroup,
    setMembership,
  };
}
