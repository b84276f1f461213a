/**
 * Pure mapping from Tencent Cloud Chat Web SDK data to the neutral model. Deterministic: equal SDK data gives equal
 * neutral data (fields are copied, never shared with the SDK's live objects, and lists come out in a fixed order),
 * so the store keeps the identity of every conversation a full snapshot did not change.
 */
import type {
  Conversation,
  ConversationId,
  ConversationKind,
  ConversationMark,
  Draft,
  LastMessage,
  Mention,
  MentionKind,
  MuteMode,
} from '../../core/types.js';
import { describeTencentMessage } from './preview.js';
import type { TencentTypes } from './types.js';

/** What a mapping needs besides the SDK object. */
export interface TencentMapContext {
  types: TencentTypes;
  /** The time (ms) to show for a draft; the Web SDK keeps no draft time. */
  draftTime(id: ConversationId, text: string): number;
  /** Title of the `@TIM#SYSTEM` conversation: `''` lets the row name it in the reader's language. */
  systemTitle: string;
  /** Keep the SDK object as `raw`. */
  includeRaw: boolean;
}

type Bag = Record<string, unknown>;

function bag(value: unknown): Bag | undefined {
  return typeof value === 'object' && value !== null ? (value as Bag) : undefined;
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

/** Seconds (Tencent) to milliseconds (the neutral model). */
export function secondsToMs(seconds: unknown): number {
  const value = num(seconds);
  return value > 0 ? Math.round(value * 1000) : 0;
}

/** The kind of a conversation id (`C2C…`, `GROUP…`, `@TIM#SYSTEM`), or `undefined` for anything else. */
export function kindOfId(id: string, types: TencentTypes): ConversationKind | undefined {
  if (id === types.CONV_SYSTEM) return 'system';
  if (id.startsWith(types.CONV_C2C) && id.length > types.CONV_C2C.length) return 'direct';
  if (id.startsWith(types.CONV_GROUP) && id.length > types.CONV_GROUP.length) return 'group';
  return undefined;
}

/** The user id of a `C2C…` conversation id or the group id of a `GROUP…` one. */
export function targetIdOf(id: string, types: TencentTypes): string {
  if (id.startsWith(types.CONV_C2C)) return id.slice(types.CONV_C2C.length);
  if (id.startsWith(types.CONV_GROUP)) return id.slice(types.CONV_GROUP.length);
  return id;
}

/** The conversation id of a user (`direct`) or group (`group`): `C2C${id}` / `GROUP${id}`. */
export function conversationIdOf(kind: 'direct' | 'group', targetId: string, types: TencentTypes): ConversationId {
  return `${kind === 'direct' ? types.CONV_C2C : types.CONV_GROUP}${targetId}`;
}

/**
 * `messageRemindType` to `MuteMode`. Empty (not fetched yet) and `AcceptAndNotify` are `none`; any other unknown
 * value is `silent`, because the SDK's total excludes every non-empty value other than `AcceptAndNotify`.
 * The topic-only `NotReceiveMsgExceptAt` is `silentExceptMention`.
 */
export function toMuteMode(remindType: unknown, types: TencentTypes): MuteMode {
  const value = str(remindType);
  if (value === '' || value === types.MSG_REMIND_ACPT_AND_NOTE) return 'none';
  if (value === types.MSG_REMIND_DISCARD) return 'blocked';
  if (value === types.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT || value === types.NOT_RECEIVE_MSG_EXCEPT_AT) return 'silentExceptMention';
  return 'silent';
}

/** `MuteMode` to the `messageRemindType` sent to `setMessageRemindType`. */
export function toRemindType(mode: MuteMode, types: TencentTypes): string {
  switch (mode) {
    case 'none':
      return types.MSG_REMIND_ACPT_AND_NOTE;
    case 'silent':
      return types.MSG_REMIND_ACPT_NOT_NOTE;
    case 'silentExceptMention':
      return types.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT;
    case 'blocked':
      return types.MSG_REMIND_DISCARD;
  }
}

/**
 * `groupAtInfoList` (one entry per @-message, `atTypeArray` of `CONV_AT_*`) to mentions, in list order.
 * The SDK gives a message sequence, not a message id, so `messageId` is left out.
 */
export function toMentions(list: unknown, types: TencentTypes): Mention[] {
  if (!Array.isArray(list)) return [];
  const out: Mention[] = [];
  for (const entry of list) {
    const atTypes: unknown = bag(entry)?.atTypeArray;
    const values = Array.isArray(atTypes) ? atTypes : [];
    const me = values.includes(types.CONV_AT_ME);
    const all = values.includes(types.CONV_AT_ALL);
    const kind: MentionKind | undefined =
      values.includes(types.CONV_AT_ALL_AT_ME) || (me && all) ? 'allAndMe' : me ? 'me' : all ? 'all' : undefined;
    if (kind) out.push({ kind });
  }
  return out;
}

const MARK_ORDER: readonly ConversationMark[] = ['star', 'unread', 'fold', 'hide'];

/** The runtime bit value of a mark (`TencentCloudChat.TYPES.CONV_MARK_TYPE_*`). */
export function markTypeOf(mark: ConversationMark, types: TencentTypes): number {
  switch (mark) {
    case 'star':
      return types.CONV_MARK_TYPE_STAR;
    case 'unread':
      return types.CONV_MARK_TYPE_UNREAD;
    case 'fold':
      return types.CONV_MARK_TYPE_FOLD;
    case 'hide':
      return types.CONV_MARK_TYPE_HIDE;
  }
}

/**
 * `markList` (mark bit values) to marks, always in the order star, unread, fold, hide. Custom marks (2^32 and up)
 * are not part of the neutral model and are ignored; they stay visible through `raw`.
 */
export function toMarks(markList: unknown, types: TencentTypes): ConversationMark[] {
  if (!Array.isArray(markList)) return [];
  let flags = 0;
  for (const value of markList) {
    if (typeof value === 'number' && Number.isInteger(value) && value > 0 && value < 2 ** 31) flags |= value;
  }
  return MARK_ORDER.filter((mark) => (flags & markTypeOf(mark, types)) !== 0);
}

/** The title rule of the Web SDK's UIKit: C2C remark > nickname > userID; group name > groupID. */
export function conversationTitle(conversation: Bag, kind: ConversationKind, ctx: Pick<TencentMapContext, 'types' | 'systemTitle'>): string {
  const id = str(conversation.conversationID);
  if (kind === 'system') return ctx.systemTitle;
  if (kind === 'direct') {
    const profile = bag(conversation.userProfile);
    return str(conversation.remark) || str(profile?.nick) || str(profile?.userID) || targetIdOf(id, ctx.types);
  }
  const profile = bag(conversation.groupProfile);
  return str(profile?.name) || str(profile?.groupID) || targetIdOf(id, ctx.types);
}

function toLastMessage(value: unknown, types: TencentTypes): LastMessage | undefined {
  const message = bag(value);
  if (!message) return undefined;
  const sentAt = secondsToMs(message.lastTime);
  const senderId = str(message.fromAccount);
  // The SDK's empty last message: no time, no text, no sender, no type.
  if (sentAt === 0 && str(message.messageForShow) === '' && senderId === '' && str(message.type) === '') return undefined;
  const out: LastMessage = { ...describeTencentMessage(message, types), sentAt };
  if (senderId) out.senderId = senderId;
  const senderName = str(message.nameCard) || str(message.nick);
  if (senderName) out.senderName = senderName;
  if (message.isRevoked === true) out.isRevoked = true;
  return out;
}

/**
 * Maps one SDK `Conversation` to the neutral model, or returns `undefined` for what the list does not show
 * (topics, malformed entries).
 */
export function mapConversation(input: unknown, ctx: TencentMapContext): Conversation | undefined {
  const conversation = bag(input);
  const id = str(conversation?.conversationID);
  if (!conversation || !id) return undefined;
  const { types } = ctx;
  const type = str(conversation.type);
  if (type === types.CONV_TOPIC) return undefined;
  const kind =
    type === types.CONV_C2C ? 'direct' : type === types.CONV_GROUP ? 'group' : type === types.CONV_SYSTEM ? 'system' : kindOfId(id, types);
  if (!kind) return undefined;

  const userProfile = bag(conversation.userProfile);
  const groupProfile = bag(conversation.groupProfile);
  const groupType = kind === 'group' ? str(groupProfile?.type) || str(conversation.subType) : '';
  const lastMessage = toLastMessage(conversation.lastMessage, types);
  const unread = Math.max(0, Math.floor(num(conversation.unreadCount)));

  const out: Conversation = {
    id,
    kind,
    title: conversationTitle(conversation, kind, ctx),
    // Audio-video groups have no unread count (the SDK forces 0; so do we, whatever the payload says).
    unreadCount: groupType === types.GRP_AVCHATROOM ? 0 : unread,
    muteMode: toMuteMode(conversation.messageRemindType, types),
    lastActivityAt: lastMessage?.sentAt ?? 0,
    mentions: toMentions(conversation.groupAtInfoList, types),
    isPinned: conversation.isPinned === true,
    groupNames: Array.isArray(conversation.conversationGroupList)
      ? conversation.conversationGroupList.filter((name): name is string => typeof name === 'string' && name !== '')
      : [],
  };
  if (kind === 'direct') out.peerUserId = str(userProfile?.userID) || targetIdOf(id, types);
  if (kind === 'group') out.groupId = str(groupProfile?.groupID) || targetIdOf(id, types);
  if (groupType) out.groupType = groupType;
  const avatar = (kind === 'direct' ? str(userProfile?.avatar) : kind === 'group' ? str(groupProfile?.avatar) : '').trim();
  if (avatar) out.avatarUrl = avatar;
  if (lastMessage) out.lastMessage = lastMessage;
  const marks = toMarks(conversation.markList, types);
  if (marks.length > 0) out.marks = marks;
  const draftText = str(conversation.draftText);
  if (draftText) {
    const draft: Draft = { text: draftText, updatedAt: ctx.draftTime(id, draftText) };
    out.draft = draft;
  }
  const customData = str(conversation.customData);
  if (customData) out.customData = customData;
  if (ctx.includeRaw) out.raw = input;
  return out;
}

/** Maps a full SDK list, skipping what the list does not show and repeated ids (the first one wins). */
export function mapConversationList(list: unknown, ctx: TencentMapContext): Conversation[] {
  if (!Array.isArray(list)) return [];
  const seen = new Set<ConversationId>();
  const out: Conversation[] = [];
  for (const item of list) {
    const conversation = mapConversation(item, ctx);
    if (!conversation || seen.has(conversation.id)) continue;
    seen.add(conversation.id);
    out.push(conversation);
  }
  return out;
}

/** The conversation ids of an SDK list (for `CONVERSATION_IN_GROUP_UPDATED`). */
export function conversationIdsOf(list: unknown): ConversationId[] {
  if (!Array.isArray(list)) return [];
  const ids = new Set<ConversationId>();
  for (const item of list) {
    const id = str(bag(item)?.conversationID);
    if (id) ids.add(id);
  }
  return [...ids];
}

/** The group names of `getConversationGroupList()` / `CONVERSATION_GROUP_LIST_UPDATED`. */
export function groupNamesOf(list: unknown): string[] {
  if (!Array.isArray(list)) return [];
  const names = new Set<string>();
  for (const name of list) if (typeof name === 'string' && name !== '') names.add(name);
  return [...names];
}
