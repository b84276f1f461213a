import { isRecord as isPlainRecord } from '../../core/isRecord.js';
import { InboxError } from '../../core/errors.js';
import type { Conversation, ConversationMark, Draft, LastMessage, Mention, MentionKind, PreviewKind } from '../../core/types.js';
import { CONVERSATION_KINDS, CONVERSATION_MARKS, MENTION_KINDS, MUTE_MODES, PREVIEW_KINDS } from '../../core/types.js';

/** Every mention kind (core has no such list yet). */
export { MENTION_KINDS };

type Loose = Record<string, unknown>;

function invalid(where: string, message: string): InboxError {
  return new InboxError('INVALID_ARGUMENT', `${where}: ${message}`);
}

const isRecord = (value: unknown): value is Loose => isPlainRecord(value);

function isTime(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0;
}

function optionalString(source: Loose, key: string, where: string): string | undefined {
  const value = source[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'string') throw invalid(where, `"${key}" must be a string.`);
  return value;
}

function toLastMessage(value: unknown, where: string): LastMessage | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw invalid(where, '"lastMessage" must be an object.');
  if (typeof value.preview !== 'string') throw invalid(where, '"lastMessage.preview" must be a string.');
  if (!isTime(value.sentAt)) throw invalid(where, '"lastMessage.sentAt" must be a time in ms.');
  const out: LastMessage = { preview: value.preview, sentAt: value.sentAt };
  const id = optionalString(value, 'id', where);
  const senderId = optionalString(value, 'senderId', where);
  const senderName = optionalString(value, 'senderName', where);
  if (id !== undefined) out.id = id;
  if (senderId !== undefined) out.senderId = senderId;
  if (senderName !== undefined) out.senderName = senderName;
  if (value.isRevoked !== undefined) {
    if (typeof value.isRevoked !== 'boolean') throw invalid(where, '"lastMessage.isRevoked" must be a boolean.');
    out.isRevoked = value.isRevoked;
  }
  if (value.kind !== undefined) {
    if (!PREVIEW_KINDS.includes(value.kind as PreviewKind)) throw invalid(where, `"lastMessage.kind" must be one of ${PREVIEW_KINDS.join(', ')}.`);
    out.kind = value.kind as PreviewKind;
  }
  const detail = optionalString(value, 'detail', where);
  if (detail !== undefined) out.detail = detail;
  return Object.freeze(out);
}

function toDraft(value: unknown, where: string): Draft | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value) || typeof value.text !== 'string' || !isTime(value.updatedAt)) {
    throw invalid(where, '"draft" must be { text: string, updatedAt: ms }.');
  }
  // An empty draft is no draft: the contract clears drafts with ''.
  if (value.text === '') return undefined;
  return Object.freeze({ text: value.text, updatedAt: value.updatedAt });
}

/**
 * The one empty list every conversation without mentions, groups or marks shares: most conversations have none,
 * and seeding 100,000 of them allocated (and later collected) three empty arrays and a Set each.
 */
const EMPTY: readonly never[] = Object.freeze([]);

/** The optional string fields of a conversation, copied as they are. */
const OPTIONAL_STRING_FIELDS = ['peerUserId', 'groupId', 'groupType', 'avatarUrl', 'customData'] as const;

function toMentions(value: unknown, where: string): readonly Mention[] {
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value)) throw invalid(where, '"mentions" must be an array.');
  if (value.length === 0) return EMPTY;
  return Object.freeze(
    value.map((mention: unknown) => {
      if (!isRecord(mention) || !MENTION_KINDS.includes(mention.kind as MentionKind)) {
        throw invalid(where, `each mention needs a kind among ${MENTION_KINDS.join(', ')}.`);
      }
      const out: Mention = { kind: mention.kind as MentionKind };
      const messageId = optionalString(mention, 'messageId', where);
      if (messageId !== undefined) out.messageId = messageId;
      return Object.freeze(out);
    }),
  );
}

/** A frozen copy of a list of strings, without duplicates. */
function toStrings(value: unknown, key: string, where: string): readonly string[] {
  if (value === undefined) return EMPTY;
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) {
    throw invalid(where, `"${key}" must be an array of strings.`);
  }
  if (value.length === 0) return EMPTY;
  return Object.freeze(value.length === 1 ? [value[0] as string] : [...new Set(value as string[])]);
}

/**
 * Checks a conversation given by a user (options, `simulate`, storage) and returns a frozen copy that shares
 * nothing mutable with the input. `mentions`, `groupNames` and `marks` may be omitted (they default to empty).
 * Throws `INVALID_ARGUMENT` naming the first problem.
 */
export function toConversation(value: unknown, where = 'conversation'): Conversation {
  if (!isRecord(value)) throw invalid(where, 'expected a conversation object.');
  if (typeof value.id !== 'string' || value.id.length === 0) throw invalid(where, '"id" must be a non-empty string.');
  const at = `${where} "${value.id}"`;
  if (!CONVERSATION_KINDS.includes(value.kind as Conversation['kind'])) {
    throw invalid(at, `"kind" must be one of ${CONVERSATION_KINDS.join(', ')}.`);
  }
  if (typeof value.title !== 'string') throw invalid(at, '"title" must be a string.');
  if (typeof value.unreadCount !== 'number' || !Number.isInteger(value.unreadCount) || value.unreadCount < 0) {
    throw invalid(at, '"unreadCount" must be a non-negative integer.');
  }
  if (!MUTE_MODES.includes(value.muteMode as Conversation['muteMode'])) {
    throw invalid(at, `"muteMode" must be one of ${MUTE_MODES.join(', ')}.`);
  }
  if (!isTime(value.lastActivityAt)) throw invalid(at, '"lastActivityAt" must be a time in ms (0 when there is no message).');
  if (typeof value.isPinned !== 'boolean') throw invalid(at, '"isPinned" must be a boolean.');

  const out: Conversation = {
    id: value.id,
    kind: value.kind as Conversation['kind'],
    title: value.title,
    unreadCount: value.unreadCount,
    muteMode: value.muteMode as Conversation['muteMode'],
    lastActivityAt: value.lastActivityAt,
    mentions: toMentions(value.mentions, at),
    isPinned: value.isPinned,
    groupNames: toStrings(value.groupNames, 'groupNames', at),
  };
  for (const key of OPTIONAL_STRING_FIELDS) {
    const text = optionalString(value, key, at);
    if (text !== undefined) out[key] = text;
  }
  const lastMessage = toLastMessage(value.lastMessage, at);
  if (lastMessage) out.lastMessage = lastMessage;
  const draft = toDraft(value.draft, at);
  if (draft) out.draft = draft;
  if (value.marks !== undefined) {
    const marks = toStrings(value.marks, 'marks', at);
    const unknown = marks.find((mark) => !CONVERSATION_MARKS.includes(mark as ConversationMark));
    if (unknown !== undefined) throw invalid(at, `unknown mark "${unknown}".`);
    if (marks.length > 0) out.marks = marks as readonly ConversationMark[];
  }
  if (value.isReadOnly !== undefined) {
    if (typeof value.isReadOnly !== 'boolean') throw invalid(at, '"isReadOnly" must be a boolean.');
    out.isReadOnly = value.isReadOnly;
  }
  if (value.privateChat !== undefined) {
    const chat = value.privateChat;
    if (!isRecord(chat) || typeof chat.enabled !== 'boolean') throw invalid(at, '"privateChat" must be { enabled: boolean }.');
    const privateChat: { enabled: boolean; burnDurationSec?: number } = { enabled: chat.enabled };
    if (chat.burnDurationSec !== undefined) {
      if (!isTime(chat.burnDurationSec)) throw invalid(at, '"privateChat.burnDurationSec" must be a number of seconds.');
      privateChat.burnDurationSec = chat.burnDurationSec;
    }
    out.privateChat = Object.freeze(privateChat);
  }
  if (value.raw !== undefined) out.raw = value.raw;
  return Object.freeze(out);
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
