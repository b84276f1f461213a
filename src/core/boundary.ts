import { type AdapterCapabilities, type AdapterEvent, type ConversationPage } from './adapter.js';
import { InboxError, quote } from './errors.js';
import { isRecord } from './isRecord.js';
import type { Conversation, ConversationGroup, ConversationId, ConversationMark, Mention, MuteMode, OperationResult } from './types.js';
import { CONVERSATION_KINDS, CONVERSATION_MARKS, MENTION_KINDS, MUTE_MODES, PREVIEW_KINDS } from './types.js';

/*
 * The store's boundary: everything an adapter hands over is checked here before it touches state. What is safe to
 * normalize is normalized (duplicate group names merged, negative or fractional counts clamped to whole numbers
 * from 0); what is not (a missing id, a time that is not a finite number) is refused with an `ADAPTER_FAILED`
 * error naming the field. A refused item never costs the well-formed items beside it.
 */

const SYNC_STATUSES = new Set(['syncing', 'ready', 'failed']);

/** An item refused at the boundary: why, and its id when it had a usable one. */
export interface Refusal {
  error: InboxError;
  id?: ConversationId;
}

function refuse(what: string, problem: string, id?: ConversationId): Refusal {
  const where = id === undefined ? what : `${what} ${quote(id)}`;
  return { error: new InboxError('ADAPTER_FAILED', `The adapter sent ${where} with ${problem}; it was ignored.`), id };
}

const isTime = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);
const isCount = (value: unknown): value is number => typeof value === 'number' && !Number.isNaN(value);
const isId = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
/** A count as a whole number from 0 (Infinity stays out: `isCount` lets it through only to be refused later). */
const toCount = (value: number) => Math.max(0, Math.floor(value));

function checkMentions(value: unknown): Mention[] | string {
  if (!Array.isArray(value)) return '"mentions" that is not an array';
  const out: Mention[] = [];
  for (const mention of value) {
    if (!isRecord(mention) || !MENTION_KINDS.includes(mention.kind as never)) return 'a malformed entry in "mentions"';
    out.push(mention as unknown as Mention);
  }
  return out;
}

function checkNames(value: unknown, field: string): string[] | string {
  if (!Array.isArray(value)) return `"${field}" that is not an array`;
  for (const name of value) if (typeof name !== 'string' || name === '') return `a name in "${field}" that is not a non-empty string`;
  // De-duplicated: a backend that repeats a name must not count the conversation twice in that group.
  return value.length > 1 ? [...new Set(value as string[])] : (value as string[]);
}

/** Checks one conversation. Returns it (normalized, a new object only when something was changed) or a refusal. */
export function checkConversation(value: unknown): Conversation | Refusal {
  const what = 'a conversation';
  if (!isRecord(value)) return refuse(what, `no object (${quote(value)})`);
  const id = value.id;
  if (!isId(id)) return refuse(what, `no "id" (${quote(id)})`);
  const fail = (problem: string) => refuse(what, problem, id);
  if (!CONVERSATION_KINDS.includes(value.kind as never)) return fail(`"kind" ${quote(value.kind)}`);
  if (typeof value.title !== 'string') return fail(`"title" ${quote(value.title)}`);
  if (!MUTE_MODES.includes(value.muteMode as never)) return fail(`"muteMode" ${quote(value.muteMode)}`);
  if (typeof value.isPinned !== 'boolean') return fail(`"isPinned" ${quote(value.isPinned)}`);
  if (!isTime(value.lastActivityAt)) return fail(`"lastActivityAt" ${String(value.lastActivityAt)}, not a finite number of ms`);
  if (!isCount(value.unreadCount) || !Number.isFinite(value.unreadCount)) return fail(`"unreadCount" ${String(value.unreadCount)}`);
  const mentions = checkMentions(value.mentions);
  if (typeof mentions === 'string') return fail(mentions);
  const groupNames = checkNames(value.groupNames, 'groupNames');
  if (typeof groupNames === 'string') return fail(groupNames);
  const last = value.lastMessage;
  if (last !== undefined && (!isRecord(last) || typeof last.preview !== 'string' || !isTime(last.sentAt))) {
    return fail('a "lastMessage" without a string "preview" and a finite "sentAt"');
  }
  if (last !== undefined && last.kind !== undefined && !PREVIEW_KINDS.includes(last.kind as never)) return fail(`a "lastMessage.kind" ${quote(last.kind)}`);
  if (last !== undefined && last.detail !== undefined && typeof last.detail !== 'string') return fail('a "lastMessage.detail" that is not a string');
  const draft = value.draft;
  if (draft !== undefined && (!isRecord(draft) || typeof draft.text !== 'string' || !isTime(draft.updatedAt))) {
    return fail('a "draft" without a string "text" and a finite "updatedAt"');
  }
  let marks = value.marks as ConversationMark[] | undefined;
  if (marks !== undefined) {
    if (!Array.isArray(marks) || marks.some((mark) => !CONVERSATION_MARKS.includes(mark))) return fail('malformed "marks"');
    if (marks.length > 1 && new Set(marks).size !== marks.length) marks = [...new Set(marks)];
  }
  if (value.avatarUrl !== undefined && typeof value.avatarUrl !== 'string') return fail('an "avatarUrl" that is not a string');

  const conversation = value as unknown as Conversation;
  const unreadCount = toCount(value.unreadCount);
  if (unreadCount === conversation.unreadCount && groupNames === conversation.groupNames && marks === conversation.marks) {
    return conversation;
  }
  return { ...conversation, unreadCount, groupNames, ...(marks ? { marks } : {}) };
}

export const isRefusal = (value: Conversation | Refusal): value is Refusal => (value as Refusal).error instanceof InboxError;

/** Splits a list of conversations into the well-formed ones and the refusals. */
export function checkConversations(values: readonly unknown[]): { conversations: Conversation[]; refused: Refusal[] } {
  const conversations: Conversation[] = [];
  const refused: Refusal[] = [];
  for (const value of values) {
    const checked = checkConversation(value);
    if (isRefusal(checked)) refused.push(checked);
    else conversations.push(checked);
  }
  return { conversations, refused };
}

/**
 * An adapter event as the store may apply it, plus what was refused. `keep` lists ids of malformed items in a
 * `replaced` snapshot: a snapshot is not allowed to remove a conversation only because its new value was broken.
 */
export interface CheckedEvent {
  event?: AdapterEvent;
  refused: Refusal[];
  keep?: ConversationId[];
}

function refusedEvent(problem: string): CheckedEvent {
  return { refused: [{ error: new InboxError('ADAPTER_FAILED', `The adapter sent an event with ${problem}; it was ignored.`) }] };
}

function idList(value: unknown, field: string): { ids: ConversationId[]; refused: Refusal[] } | undefined {
  if (!Array.isArray(value)) return undefined;
  const ids: ConversationId[] = [];
  const refused: Refusal[] = [];
  for (const id of value) {
    if (isId(id)) ids.push(id);
    else refused.push(refuse(`an id in "${field}"`, quote(id)));
  }
  return { ids, refused };
}

/** Checks one adapter event. */
export function checkEvent(event: unknown): CheckedEvent {
  if (!isRecord(event)) return refusedEvent(`no object (${quote(event)})`);
  switch (event.type) {
    case 'upserted':
    case 'replaced': {
      if (!Array.isArray(event.conversations)) return refusedEvent(`type "${event.type}" and "conversations" ${quote(event.conversations)}`);
      const { conversations, refused } = checkConversations(event.conversations);
      // A snapshot with an item that has no usable id cannot say which rows it lists: it is applied as an upsert,
      // so that broken data never removes a conversation.
      if (event.type === 'replaced' && refused.some((r) => r.id === undefined)) {
        return { event: { type: 'upserted', conversations }, refused };
      }
      const keep = refused.flatMap((r) => (r.id === undefined ? [] : [r.id]));
      return { event: { type: event.type, conversations }, refused, keep };
    }
    case 'removed': {
      const checked = idList(event.ids, 'ids');
      if (!checked) return refusedEvent(`type "removed" and "ids" ${quote(event.ids)}`);
      return { event: { type: 'removed', ids: checked.ids }, refused: checked.refused };
    }
    case 'groupsChanged': {
      const names = checkNames(event.names, 'names');
      if (typeof names === 'string') return refusedEvent(`type "groupsChanged" and ${names}`);
      return { event: { type: 'groupsChanged', names }, refused: [] };
    }
    case 'groupMembershipChanged': {
      if (typeof event.name !== 'string' || event.name === '') return refusedEvent(`type "groupMembershipChanged" and "name" ${quote(event.name)}`);
      const checked = idList(event.conversationIds, 'conversationIds');
      if (!checked) return refusedEvent(`type "groupMembershipChanged" and "conversationIds" ${quote(event.conversationIds)}`);
      return { event: { type: 'groupMembershipChanged', name: event.name, conversationIds: checked.ids }, refused: checked.refused };
    }
    case 'groupUnreadChanged': {
      if (typeof event.name !== 'string' || event.name === '') return refusedEvent(`type "groupUnreadChanged" and "name" ${quote(event.name)}`);
      const unreadCount = checkTotal(event.unreadCount);
      if (unreadCount === undefined) return refusedEvent(`type "groupUnreadChanged" and "unreadCount" ${quote(event.unreadCount)}`);
      return { event: { type: 'groupUnreadChanged', name: event.name, unreadCount }, refused: [] };
    }
    case 'syncStateChanged': {
      if (!SYNC_STATUSES.has(event.status as string)) return refusedEvent(`type "syncStateChanged" and "status" ${quote(event.status)}`);
      return { event: event as unknown as AdapterEvent, refused: [] };
    }
    case 'unreadTotalChanged': {
      const total = checkTotal(event.total);
      if (total === undefined) return refusedEvent(`type "unreadTotalChanged" and "total" ${String(event.total)}`);
      return { event: { type: 'unreadTotalChanged', total }, refused: [] };
    }
    default:
      return refusedEvent(`an unknown type ${quote(event.type)}`);
  }
}

/** A backend's unread total as a whole number from 0, or undefined when it is not a finite number. */
export function checkTotal(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? toCount(value) : undefined;
}

/** Checks a page from `loadConversations`. Throws `ADAPTER_FAILED` for a malformed page; refuses malformed rows. */
export function checkPage(page: unknown): { page: ConversationPage; refused: Refusal[] } {
  if (!isRecord(page) || !Array.isArray(page.conversations)) {
    throw new InboxError('ADAPTER_FAILED', 'loadConversations resolved something that is not { conversations: [], cursor, isFinished }.');
  }
  const { cursor, isFinished } = page;
  if (cursor !== null && typeof cursor !== 'string') {
    throw new InboxError('ADAPTER_FAILED', `loadConversations resolved a page whose "cursor" is ${quote(cursor)}, not a string or null.`);
  }
  if (typeof isFinished !== 'boolean') {
    throw new InboxError('ADAPTER_FAILED', `loadConversations resolved a page whose "isFinished" is ${quote(isFinished)}, not a boolean.`);
  }
  const { conversations, refused } = checkConversations(page.conversations);
  // A page that says "more" but gives no cursor to ask for it would stop paging for good: it is finished.
  return { page: { conversations, cursor, isFinished: isFinished || cursor === null }, refused };
}

/** A group `loadGroups` resolved, checked: its members only when they were read (`checkGroups`' `readMembers`). */
export type CheckedGroup = Omit<ConversationGroup, 'conversationIds'> & { conversationIds?: ConversationId[] };

/**
 * Checks what `loadGroups` resolved. Throws for a non-array; refuses malformed groups. With `readMembers: false`,
 * each group's `conversationIds` is neither read nor checked: a store whose backend promises `groupNamesMatchGroups`
 * takes the groups from the conversations and never uses them, and a backend may work them out only when they are
 * read (the memory one does).
 */
export function checkGroups(value: unknown, { readMembers = true }: { readMembers?: boolean } = {}): { groups: CheckedGroup[]; refused: Refusal[] } {
  if (!Array.isArray(value)) throw new InboxError('ADAPTER_FAILED', `loadGroups resolved ${quote(value)}, not an array of groups.`);
  const groups: CheckedGroup[] = [];
  const refused: Refusal[] = [];
  const seen = new Set<string>();
  for (const group of value) {
    if (!isRecord(group) || typeof group.name !== 'string' || group.name === '' || (readMembers && !Array.isArray(group.conversationIds))) {
      refused.push({ error: new InboxError('ADAPTER_FAILED', `loadGroups resolved a malformed group (${quote(isRecord(group) ? group.name : group)}); it was ignored.`) });
      continue;
    }
    if (seen.has(group.name)) continue;
    seen.add(group.name);
    const checked: CheckedGroup = { name: group.name };
    if (readMembers) {
      const ids = idList(group.conversationIds, 'conversationIds')!;
      refused.push(...ids.refused);
      checked.conversationIds = ids.ids;
    }
    // A backend count that is not a whole number from 0 is not trusted: the store counts the group itself then.
    if (isCount(group.unreadCount) && Number.isFinite(group.unreadCount)) checked.unreadCount = toCount(group.unreadCount);
    groups.push(checked);
  }
  return { groups, refused };
}

/**
 * Checks a batch command's result against the ids asked for. Throws `ADAPTER_FAILED` for a malformed result (the
 * whole call is then treated as failed and rolled back). An id the result does not mention failed: a backend that
 * forgets an id has not confirmed it.
 */
export function checkOperationResult(value: unknown, ids: readonly ConversationId[], operation: string): OperationResult {
  if (!isRecord(value) || !Array.isArray(value.succeeded) || !Array.isArray(value.failed)) {
    throw new InboxError('ADAPTER_FAILED', `${operation} resolved ${quote(value)}, not { succeeded: [], failed: [] }.`);
  }
  const asked = new Set(ids);
  const failed: OperationResult['failed'] = [];
  const failedIds = new Set<ConversationId>();
  for (const entry of value.failed) {
    if (!isRecord(entry) || !asked.has(entry.id as string) || failedIds.has(entry.id as string)) continue;
    const id = entry.id as string;
    failedIds.add(id);
    failed.push({
      id,
      code: typeof entry.code === 'string' ? entry.code : typeof entry.code === 'number' ? String(entry.code) : 'ADAPTER_FAILED',
      message: typeof entry.message === 'string' ? entry.message : `${operation} failed for ${quote(id)}.`,
      ...(typeof entry.sdkCode === 'number' ? { sdkCode: entry.sdkCode } : {}),
    });
  }
  const reported = new Set((value.succeeded as unknown[]).filter((id): id is string => typeof id === 'string' && asked.has(id)));
  const succeeded: ConversationId[] = [];
  for (const id of asked) {
    if (failedIds.has(id)) continue;
    if (reported.has(id)) succeeded.push(id);
    else {
      failedIds.add(id);
      failed.push({ id, code: 'ADAPTER_FAILED', message: `${operation}: the backend did not report ${quote(id)}.` });
    }
  }
  return { succeeded, failed };
}

const CAPABILITY_CHECKS: { [K in keyof AdapterCapabilities]-?: (value: unknown) => boolean } = {
  groups: (v) => v === 'native' || v === 'emulated' || v === 'none',
  paging: (v) => typeof v === 'boolean',
  maxGroups: (v) => typeof v === 'number' && v >= 0,
  groupNameMaxBytes: (v) => typeof v === 'number' && v > 0,
  maxPinned: (v) => typeof v === 'number' && v >= 0,
  maxGroupedConversations: (v) => typeof v === 'number' && v >= 0,
  serverDelete: (v) => typeof v === 'boolean',
  draftsPersisted: (v) => typeof v === 'boolean',
  marks: (v) => Array.isArray(v) && v.every((mark) => CONVERSATION_MARKS.includes(mark as ConversationMark)),
  unreadRule: (v) => isRecord(v) && Array.isArray(v.excludedMuteModes) && Array.isArray(v.excludedKinds),
  orderBy: (v) => v === 'lastActivity' || v === 'lastActivityOrDraft',
  muteModes: (v) => v === undefined || isRecord(v),
  emptyGroups: (v) => v === undefined || typeof v === 'boolean',
  groupNamesMatchGroups: (v) => v === undefined || typeof v === 'boolean',
  globalReceiveModes: (v) => v === undefined || (Array.isArray(v) && v.every((mode) => MUTE_MODES.includes(mode as MuteMode))),
  clearAll: (v) => v === undefined || typeof v === 'boolean',
  customDataMaxLength: (v) => v === undefined || (typeof v === 'number' && v >= 0),
  extras: (v) => v === undefined || isRecord(v),
};

/**
 * Checks an adapter's capabilities: every field the store reads must be there with its type (an adapter built
 * from `DEFAULT_CAPABILITIES` has them all). Throws `INVALID_ARGUMENT` naming the first bad field.
 */
export function checkCapabilities(value: unknown, adapterName: string): AdapterCapabilities {
  if (!isRecord(value)) {
    throw new InboxError('INVALID_ARGUMENT', `The ${quote(adapterName)} adapter has no "capabilities" object (start from DEFAULT_CAPABILITIES).`);
  }
  for (const [field, isValid] of Object.entries(CAPABILITY_CHECKS)) {
    if (!isValid(value[field])) {
      const shown = typeof value[field] === 'number' ? String(value[field]) : quote(value[field]);
      throw new InboxError('INVALID_ARGUMENT', `The ${quote(adapterName)} adapter's capabilities have "${field}" ${shown}.`);
    }
  }
  return value as unknown as AdapterCapabilities;
}
