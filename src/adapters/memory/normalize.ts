import { isRecord as isPlainRecord } from '../../core/isRecord.js';
import { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationMark, LastMessage, Mention, MentionKind, PreviewKind } from '../../core/types.js';
import { CONVERSATION_KINDS, CONVERSATION_MARKS, MENTION_KINDS, MUTE_MODES, PREVIEW_KINDS } from '../../core/types.js';

/** Every mention kind (core has no such list yet). */
export { MENTION_KINDS };

type Loose = Record<string, unknown>;

function invalid(where: string, message: string): InboxError {
  return new InboxError('INVALID_ARGUMENT', `${where}: ${message}`);
}

/** The error for a conversation's field: its label is built only when something is wrong. */
function invalidField(where: string, id: string, message: string): InboxError {
  return invalid(`${where} "${id}"`, message);
}

const isRecord = (value: unknown): value is Loose => isPlainRecord(value);

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

const isOptionalString = (value: unknown) => value === undefined || typeof value === 'string';

function isStringList(value: unknown): value is readonly string[] {
  if (!Array.isArray(value)) return false;
  for (const item of value) if (typeof item !== 'string') return false;
  return true;
}

/**
 * The one empty list every conversation without mentions, groups or marks shares: most conversations have none,
 * and seeding 100,000 of them allocated (and later collected) three empty arrays and a Set each.
 */
const EMPTY: readonly never[] = Object.freeze([]);

/** The optional string fields of a conversation, copied as they are. */
const OPTIONAL_STRING_FIELDS = ['peerUserId', 'groupId', 'groupType', 'avatarUrl', 'customData'] as const;

/**
 * A conversation as a user gave it, once `checkConversation` passed: every field has its type, but it is still the
 * user's object, not copied, and its lists may be omitted or repeat an item, its draft may be empty.
 */
export type CheckedConversation = Omit<Conversation, 'mentions' | 'groupNames' | 'marks'> & {
  mentions?: readonly Mention[];
  groupNames?: readonly string[];
  marks?: readonly ConversationMark[];
};

function checkLastMessage(value: Loose, where: string, id: string): void {
  if (typeof value.preview !== 'string') throw invalidField(where, id, '"lastMessage.preview" must be a string.');
  if (!isTime(value.sentAt)) throw invalidField(where, id, '"lastMessage.sentAt" must be a time in ms.');
  for (const key of ['id', 'senderId', 'senderName', 'detail'] as const) {
    if (!isOptionalString(value[key])) throw invalidField(where, id, `"${key}" must be a string.`);
  }
  if (value.isRevoked !== undefined && typeof value.isRevoked !== 'boolean') {
    throw invalidField(where, id, '"lastMessage.isRevoked" must be a boolean.');
  }
  if (value.kind !== undefined && !PREVIEW_KINDS.includes(value.kind as PreviewKind)) {
    throw invalidField(where, id, `"lastMessage.kind" must be one of ${PREVIEW_KINDS.join(', ')}.`);
  }
}

function checkMentions(value: unknown, where: string, id: string): void {
  if (!Array.isArray(value)) throw invalidField(where, id, '"mentions" must be an array.');
  for (const mention of value as unknown[]) {
    if (!isRecord(mention) || !MENTION_KINDS.includes(mention.kind as MentionKind)) {
      throw invalidField(where, id, `each mention needs a kind among ${MENTION_KINDS.join(', ')}.`);
    }
    if (!isOptionalString(mention.messageId)) throw invalidField(where, id, '"messageId" must be a string.');
  }
}

/**
 * Checks a conversation given by a user (options, `simulate`, storage), throwing `INVALID_ARGUMENT` naming the first
 * problem. Copies nothing and allocates nothing unless it throws: a backend seeded with 100,000 conversations checks
 * them all when it is created, and copies them only when it first needs them (`copyConversation`).
 */
export function checkConversation(value: unknown, where = 'conversation'): asserts value is CheckedConversation {
  if (!isRecord(value)) throw invalid(where, 'expected a conversation object.');
  const id = value.id;
  if (typeof id !== 'string' || id.length === 0) throw invalid(where, '"id" must be a non-empty string.');
  if (!CONVERSATION_KINDS.includes(value.kind as Conversation['kind'])) {
    throw invalidField(where, id, `"kind" must be one of ${CONVERSATION_KINDS.join(', ')}.`);
  }
  if (typeof value.title !== 'string') throw invalidField(where, id, '"title" must be a string.');
  if (typeof value.unreadCount !== 'number' || !Number.isInteger(value.unreadCount) || value.unreadCount < 0) {
    throw invalidField(where, id, '"unreadCount" must be a non-negative integer.');
  }
  if (!MUTE_MODES.includes(value.muteMode as Conversation['muteMode'])) {
    throw invalidField(where, id, `"muteMode" must be one of ${MUTE_MODES.join(', ')}.`);
  }
  if (!isTime(value.lastActivityAt)) throw invalidField(where, id, '"lastActivityAt" must be a time in ms (0 when there is no message).');
  if (typeof value.isPinned !== 'boolean') throw invalidField(where, id, '"isPinned" must be a boolean.');
  if (value.mentions !== undefined) checkMentions(value.mentions, where, id);
  if (value.groupNames !== undefined && !isStringList(value.groupNames)) throw invalidField(where, id, '"groupNames" must be an array of strings.');
  for (const key of OPTIONAL_STRING_FIELDS) {
    if (!isOptionalString(value[key])) throw invalidField(where, id, `"${key}" must be a string.`);
  }
  const lastMessage = value.lastMessage;
  if (lastMessage !== undefined) {
    if (!isRecord(lastMessage)) throw invalidField(where, id, '"lastMessage" must be an object.');
    checkLastMessage(lastMessage, where, id);
  }
  const draft = value.draft;
  if (draft !== undefined && (!isRecord(draft) || typeof draft.text !== 'string' || !isTime(draft.updatedAt))) {
    throw invalidField(where, id, '"draft" must be { text: string, updatedAt: ms }.');
  }
  if (value.marks !== undefined) {
    if (!isStringList(value.marks)) throw invalidField(where, id, '"marks" must be an array of strings.');
    for (const mark of value.marks) {
      if (!CONVERSATION_MARKS.includes(mark as ConversationMark)) throw invalidField(where, id, `unknown mark "${mark}".`);
    }
  }
  if (value.isReadOnly !== undefined && typeof value.isReadOnly !== 'boolean') throw invalidField(where, id, '"isReadOnly" must be a boolean.');
  const privateChat = value.privateChat;
  if (privateChat !== undefined) {
    if (!isRecord(privateChat) || typeof privateChat.enabled !== 'boolean') {
      throw invalidField(where, id, '"privateChat" must be { enabled: boolean }.');
    }
    if (privateChat.burnDurationSec !== undefined && !isTime(privateChat.burnDurationSec)) {
      throw invalidField(where, id, '"privateChat.burnDurationSec" must be a number of seconds.');
    }
  }
}

/** A frozen copy of a list of strings, without duplicates. */
function copyStrings<T extends string>(value: readonly T[] | undefined): readonly T[] {
  if (value === undefined || value.length === 0) return EMPTY;
  return Object.freeze(value.length === 1 ? [value[0]!] : [...new Set(value)]);
}

function copyLastMessage(value: LastMessage): LastMessage {
  const out: LastMessage = { preview: value.preview, sentAt: value.sentAt };
  if (value.id !== undefined) out.id = value.id;
  if (value.senderId !== undefined) out.senderId = value.senderId;
  if (value.senderName !== undefined) out.senderName = value.senderName;
  if (value.isRevoked !== undefined) out.isRevoked = value.isRevoked;
  if (value.kind !== undefined) out.kind = value.kind;
  if (value.detail !== undefined) out.detail = value.detail;
  return Object.freeze(out);
}

function copyMentions(value: readonly Mention[] | undefined): readonly Mention[] {
  if (value === undefined || value.length === 0) return EMPTY;
  return Object.freeze(value.map(({ kind, messageId }) => Object.freeze(messageId === undefined ? { kind } : { kind, messageId })));
}

/**
 * A frozen copy of a checked conversation that shares nothing mutable with it. Omitted lists become empty, an empty
 * draft none (the contract clears drafts with ''), repeated list items one. `groupNames` replaces the conversation's
 * own when given (the backend's membership decides them).
 */
export function copyConversation(value: CheckedConversation, groupNames?: readonly string[]): Conversation {
  const out: Conversation = {
    id: value.id,
    kind: value.kind,
    title: value.title,
    unreadCount: value.unreadCount,
    muteMode: value.muteMode,
    lastActivityAt: value.lastActivityAt,
    mentions: copyMentions(value.mentions),
    isPinned: value.isPinned,
    groupNames: groupNames ?? copyStrings(value.groupNames),
  };
  for (const key of OPTIONAL_STRING_FIELDS) {
    const text = value[key];
    if (text !== undefined) out[key] = text;
  }
  if (value.lastMessage) out.lastMessage = copyLastMessage(value.lastMessage);
  if (value.draft && value.draft.text !== '') out.draft = Object.freeze({ text: value.draft.text, updatedAt: value.draft.updatedAt });
  const marks = copyStrings(value.marks);
  if (marks.length > 0) out.marks = marks;
  if (value.isReadOnly !== undefined) out.isReadOnly = value.isReadOnly;
  if (value.privateChat) {
    const { enabled, burnDurationSec } = value.privateChat;
    out.privateChat = Object.freeze(burnDurationSec === undefined ? { enabled } : { enabled, burnDurationSec });
  }
  if (value.raw !== undefined) out.raw = value.raw;
  return Object.freeze(out);
}

/** Checks a conversation given by a user and returns a frozen copy (`checkConversation`, then `copyConversation`). */
export function toConversation(value: unknown, where = 'conversation'): Conversation {
  checkConversation(value, where);
  return copyConversation(value);
}

/**
 * A frozen copy of `conversation` with `changes` applied; optional fields set to `undefined` are dropped. Built key by
 * key, in the conversation's own order, rather than spread and then `delete`d: deleting a property puts an object in
 * V8's slow dictionary mode, and the backend keeps 100,000 of these (each delete keeps a tombstone).
 */
export function derive(conversation: Conversation, changes: Partial<Conversation>): Conversation {
  const source = conversation as unknown as Record<string, unknown>;
  const changed = changes as Record<string, unknown>;
  const next: Record<string, unknown> = {};
  for (const key of Object.keys(source)) {
    const value = Object.hasOwn(changed, key) ? changed[key] : source[key];
    if (value !== undefined) next[key] = value;
  }
  for (const key of Object.keys(changed)) {
    if (!Object.hasOwn(source, key) && changed[key] !== undefined) next[key] = changed[key];
  }
  return Object.freeze(next) as unknown as Conversation;
}
