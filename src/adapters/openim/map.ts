import { isRecord as isPlainRecord } from '../../core/isRecord.js';
import type { MuteMode, Conversation, ConversationKind, Mention } from '../../core/types.js';
import { InboxError, type InboxErrorCode } from '../../core/errors.js';
import { appPartOf } from './ex.js';
import { parseJsonObject } from './json.js';
import { readExMarks } from './marks.js';
import { describeOpenIMMessage, type OpenIMPreview } from './preview.js';
import { OPENIM_ERROR_CODE, OPENIM_GROUP_AT_TYPE, OPENIM_RECV_MSG_OPT, OPENIM_SESSION_TYPE, type OpenIMConversationItem } from './sdk.js';

export { parseJsonObject } from './json.js';
export { toPlainText } from './text.js';
export type { OpenIMPreview } from './preview.js';

/**
 * @deprecated Ignored since issue 16: rows name non-text messages by `lastMessage.kind` in the reader's language,
 * from the kit's message tables (`InboxProvider messages`). Kept so that code passing `previewLabels` still compiles.
 */
export interface OpenIMPreviewLabels {
  image: string;
  voice: string;
  video: string;
  file: string;
  card: string;
  location: string;
  custom: string;
  sticker: string;
  chatHistory: string;
  revoked: string;
  notification: string;
  groupNotification: string;
  friendAdded: string;
  privateChatChanged: string;
  pinned: string;
  unsupported: string;
}

/** @deprecated Ignored since issue 16 (see `OpenIMPreviewLabels`): the English labels the adapter used to write. */
export const DEFAULT_OPENIM_PREVIEW_LABELS: Readonly<OpenIMPreviewLabels> = Object.freeze({
  image: '[Image]',
  voice: '[Voice]',
  video: '[Video]',
  file: '[File]',
  card: '[Contact card]',
  location: '[Location]',
  custom: '[Custom message]',
  sticker: '[Sticker]',
  chatHistory: '[Chat history]',
  revoked: '[Message revoked]',
  notification: '[Notification]',
  groupNotification: '[Group update]',
  friendAdded: '[New friend]',
  privateChatChanged: '[Burn after reading changed]',
  pinned: '[Pinned message]',
  unsupported: '[Message]',
});

type Json = Record<string, unknown>;

const isRecord = (value: unknown): value is Json => isPlainRecord(value);

function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined;
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/**
 * `latestMsg` as a message object, or `undefined` when it is empty (`""` after a clear), not JSON, or not an
 * object. With `tryParse: false` the SDK hands over strings, so objects are accepted too.
 */
export function parseLatestMessage(latestMsg: unknown): Json | undefined {
  return parseJsonObject(latestMsg);
}

/**
 * The preview of a message: its kind, its own plain text (`''` when it has none), a detail, and whether it was
 * revoked (see `preview.ts`). `labels` is ignored (deprecated): no label is written into `preview` any more.
 */
export function buildPreview(message: Json, labels?: Partial<OpenIMPreviewLabels>): OpenIMPreview {
  void labels;
  return describeOpenIMMessage(message);
}

/** Whether the row is in the list: OpenIM hides a conversation by setting `latestMsgSendTime` to 0. */
export function isVisibleItem(item: Pick<OpenIMConversationItem, 'latestMsgSendTime'>): boolean {
  return num(item.latestMsgSendTime) > 0;
}

/** `recvMsgOpt` → `MuteMode`: 0 none, 1 blocked (`NotReceive`), 2 silent (`NotNotify`). */
export function toMuteMode(recvMsgOpt: unknown): MuteMode {
  if (recvMsgOpt === OPENIM_RECV_MSG_OPT.notNotify) return 'silent';
  if (recvMsgOpt === OPENIM_RECV_MSG_OPT.notReceive) return 'blocked';
  return 'none';
}

/** `MuteMode` → `recvMsgOpt`, or `undefined` for `silentExceptMention`, which OpenIM does not have. */
export function fromMuteMode(mode: MuteMode): number | undefined {
  switch (mode) {
    case 'none':
      return OPENIM_RECV_MSG_OPT.normal;
    case 'blocked':
      return OPENIM_RECV_MSG_OPT.notReceive;
    case 'silent':
      return OPENIM_RECV_MSG_OPT.notNotify;
    default:
      return undefined;
  }
}

const NO_MENTIONS: readonly Mention[] = Object.freeze([]);
const MENTIONS: Record<number, readonly Mention[]> = {
  [OPENIM_GROUP_AT_TYPE.atMe]: Object.freeze([{ kind: 'me' }]),
  [OPENIM_GROUP_AT_TYPE.atAll]: Object.freeze([{ kind: 'all' }]),
  [OPENIM_GROUP_AT_TYPE.atAllAtMe]: Object.freeze([{ kind: 'allAndMe' }]),
  [OPENIM_GROUP_AT_TYPE.groupNotice]: Object.freeze([{ kind: 'announcement' }]),
};

/** `groupAtType` → mentions: 1 me, 2 all, 3 allAndMe, 4 announcement; anything else none. */
export function toMentions(groupAtType: unknown): readonly Mention[] {
  return (typeof groupAtType === 'number' ? MENTIONS[groupAtType] : undefined) ?? NO_MENTIONS;
}

/** The kind of a row, from `conversationType`, or from the id prefix when the type is unknown. */
export function toKind(item: Pick<OpenIMConversationItem, 'conversationType' | 'conversationID'>): ConversationKind {
  const S = OPENIM_SESSION_TYPE;
  switch (item.conversationType) {
    case S.single:
      return 'direct';
    case S.group:
    case S.legacyGroup:
      return 'group';
    case S.notification:
      return 'system';
  }
  const id = String(item.conversationID);
  if (id.startsWith('sg_') || id.startsWith('g_')) return 'group';
  if (id.startsWith('sn_')) return 'system';
  return 'direct';
}

/** What `toConversation` needs besides the row. */
export interface ConversationMapContext {
  /** Conversation groups of the row (from `ex` when emulated, from the enterprise API when native). */
  groupNames(item: OpenIMConversationItem): readonly string[];
  /** Whether `star` is the SDK's `isMarked` (commercial builds); otherwise it is kept in `ex` like the other marks. */
  starMark: boolean;
  /** @deprecated Ignored (see `OpenIMPreviewLabels`). */
  labels?: Partial<OpenIMPreviewLabels>;
}

const NO_NAMES: readonly string[] = Object.freeze([]);

/** Maps one `ConversationItem` to the neutral `Conversation`. Pure; tolerates missing or malformed fields. */
export function toConversation(item: OpenIMConversationItem, context: ConversationMapContext): Conversation {
  const kind = toKind(item);
  const id = String(item.conversationID);
  const userID = str(item.userID) ?? '';
  const groupID = str(item.groupID) ?? '';
  const showName = (str(item.showName) ?? '').trim();
  const remark = (str(item.remark) ?? '').trim();
  const fallbackName = (kind === 'group' ? groupID : userID) || id;
  // The core writes "UserNotFound" when the profile lookup failed.
  const title = remark || (showName && showName !== 'UserNotFound' ? showName : fallbackName);
  const lastActivityAt = Math.max(0, num(item.latestMsgSendTime));

  const conversation: Conversation = {
    id,
    kind,
    title,
    unreadCount: Math.max(0, Math.trunc(num(item.unreadCount))),
    muteMode: toMuteMode(item.recvMsgOpt),
    lastActivityAt,
    mentions: toMentions(item.groupAtType),
    isPinned: item.isPinned === true,
    groupNames: context.groupNames(item) ?? NO_NAMES,
    privateChat:
      item.isPrivateChat === true
        ? num(item.burnDuration) > 0
          ? { enabled: true, burnDurationSec: num(item.burnDuration) }
          : { enabled: true }
        : { enabled: false },
    raw: item,
  };
  if (kind === 'group') {
    if (groupID) conversation.groupId = groupID;
  } else if (userID) {
    conversation.peerUserId = userID;
  }
  const faceURL = str(item.faceURL);
  if (faceURL) conversation.avatarUrl = faceURL;

  const message = parseLatestMessage(item.latestMsg);
  if (message) {
    const { preview, kind, detail, isRevoked } = describeOpenIMMessage(message);
    const sendTime = num(message.sendTime);
    conversation.lastMessage = {
      preview,
      ...(kind ? { kind } : {}),
      ...(detail ? { detail } : {}),
      sentAt: sendTime > 0 ? sendTime : lastActivityAt,
      ...(str(message.clientMsgID) ? { id: str(message.clientMsgID) } : {}),
      ...(str(message.sendID) ? { senderId: str(message.sendID) } : {}),
      ...(str(message.senderNickname) ? { senderName: str(message.senderNickname) } : {}),
      ...(isRevoked ? { isRevoked } : {}),
    };
  }
  const draftText = str(item.draftText) ?? '';
  if (draftText) conversation.draft = { text: draftText, updatedAt: num(item.draftTextTime) || lastActivityAt };
  if (item.isNotInGroup === true) conversation.isReadOnly = true;
  // Marks: `isMarked` as star where the build backs it, the others (and star elsewhere) emulated in `ex`.
  const stored = readExMarks(item);
  const marks = context.starMark ? [...(item.isMarked === true ? (['star'] as const) : []), ...stored.filter((m) => m !== 'star')] : stored;
  if (marks.length > 0) conversation.marks = marks;
  // The app's custom data is `ex` without the kit's own key.
  const customData = appPartOf(item.ex);
  if (customData) conversation.customData = customData;
  return conversation;
}

/** The rows of a list response: an array, or a JSON string of one when the SDK runs with `tryParse: false`. */
export function toRows(data: unknown): OpenIMConversationItem[] {
  let value = data;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value);
    } catch {
      return [];
    }
  }
  if (!Array.isArray(value)) return [];
  return value.filter((row): row is OpenIMConversationItem => isRecord(row) && typeof row.conversationID === 'string' && row.conversationID !== '');
}

/** One row of a single-item response (`getOneConversation`), tolerating a JSON string. */
export function toRow(data: unknown): OpenIMConversationItem | undefined {
  const row = typeof data === 'string' ? parseJsonObject(data) : data;
  return isRecord(row) && typeof row.conversationID === 'string' && row.conversationID !== ''
    ? (row as unknown as OpenIMConversationItem)
    : undefined;
}

/** How an SDK failure should be read. */
export interface ErrorContext {
  /** The SDK method that failed, for the message. */
  method: string;
  /** The call addresses one existing conversation, so "record not found" means that conversation is missing. */
  conversationScoped?: boolean;
}

const NOT_FOUND_TEXT = /not ?found|no ?record|record/i;

/**
 * Maps an SDK rejection (or an error response) to an `InboxError`:
 * - no `errCode` at all (a call the 3.8.5 wrapper declares but the bundled wasm does not back) → `NOT_SUPPORTED`;
 * - 1004, or 10002 saying "record not found", on a call about one conversation → `CONVERSATION_NOT_FOUND`;
 * - 1001 / 10002 → `INVALID_ARGUMENT`; 10008 / 10009 → `NOT_READY`; 10301 → `NOT_SUPPORTED`;
 * - anything else → `ADAPTER_FAILED`.
 * The numeric code is kept in `sdkCode` and the original value in `cause`.
 */
export function toOpenIMError(cause: unknown, context: ErrorContext): InboxError {
  if (cause instanceof InboxError) return cause;
  const record = isRecord(cause) ? cause : {};
  const errCode = typeof record.errCode === 'number' ? record.errCode : undefined;
  const errMsg = str(record.errMsg) ?? (cause instanceof Error ? cause.message : undefined) ?? (typeof cause === 'string' ? cause : '');
  if (errCode === undefined) {
    const unbacked = cause instanceof Error ? /is not a function/.test(cause.message) : isRecord(cause);
    if (!unbacked) {
      return new InboxError('ADAPTER_FAILED', `OpenIM ${context.method} failed: ${errMsg || 'unknown error'}.`, { cause });
    }
    return new InboxError(
      'NOT_SUPPORTED',
      `OpenIM ${context.method} is not available in this SDK build (it failed without an error code).`,
      { cause },
    );
  }
  const C = OPENIM_ERROR_CODE;
  let code: InboxErrorCode = 'ADAPTER_FAILED';
  if (errCode === C.recordNotFound) code = context.conversationScoped ? 'CONVERSATION_NOT_FOUND' : 'ADAPTER_FAILED';
  else if (errCode === C.sdkArgs) code = context.conversationScoped && NOT_FOUND_TEXT.test(errMsg) ? 'CONVERSATION_NOT_FOUND' : 'INVALID_ARGUMENT';
  else if (errCode === C.args) code = 'INVALID_ARGUMENT';
  else if (errCode === C.notInit || errCode === C.notLogin) code = 'NOT_READY';
  else if (errCode === C.unsupportedOp) code = 'NOT_SUPPORTED';
  const message = `OpenIM ${context.method} failed (${errCode}${errMsg ? `: ${errMsg}` : ''}).`;
  return new InboxError(code, message, { sdkCode: errCode, cause });
}
