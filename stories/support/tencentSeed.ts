/**
 * A story's neutral conversations and groups as a Tencent Cloud Chat account: the records the fake Web SDK starts
 * with, in the SDK's own shapes (seconds, `C2C`/`GROUP` ids, remind types, `groupAtInfoList`, mark bits, message
 * types and payloads), so that the real adapter maps them back. The values are written from the SDK's constants,
 * not taken from the adapter, so that a mapping mistake in the adapter shows up instead of cancelling out.
 *
 * Tencent has every mute mode and mark of the neutral model. What it lacks is approximated and counted (see
 * `Approximations`); an id that does not say its kind cannot be, and is refused.
 */
import type { Conversation, LastMessage, MuteMode, PreviewKind } from '../../src/index.js';
import type { MemoryGroupSeed } from '../../src/adapters/memory/index.js';
import {
  FAKE_TENCENT_TYPES as TYPES,
  type FakeTencentChatOptions,
  type FakeTencentConversationSeed,
  type FakeTencentGroupAtInfo,
  type FakeTencentLastMessage,
} from '../../src/testing/fakes.js';
import { Approximations, durationSeconds, groupMembership, SeedError } from './seedShared.js';

/** `TencentCloudChat.TYPES.MSG_*` of the Web SDK 3.6.6: `lastMessage.type` of each kind of message. */
const MESSAGE_TYPES = {
  text: TYPES.MSG_TEXT,
  image: 'TIMImageElem',
  voice: 'TIMSoundElem',
  video: 'TIMVideoFileElem',
  file: 'TIMFileElem',
  custom: 'TIMCustomElem',
  sticker: 'TIMFaceElem',
  location: 'TIMLocationElem',
  chatHistory: 'TIMRelayElem',
  groupNotice: 'TIMGroupTipElem',
} as const;

const REMIND_TYPES: Readonly<Record<MuteMode, string>> = {
  none: TYPES.MSG_REMIND_ACPT_AND_NOTE,
  silent: TYPES.MSG_REMIND_ACPT_NOT_NOTE,
  silentExceptMention: TYPES.NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT,
  blocked: TYPES.MSG_REMIND_DISCARD,
};

const MARK_BITS = {
  star: TYPES.CONV_MARK_TYPE_STAR,
  unread: TYPES.CONV_MARK_TYPE_UNREAD,
  fold: TYPES.CONV_MARK_TYPE_FOLD,
  hide: TYPES.CONV_MARK_TYPE_HIDE,
} as const;

const AT_TYPES = { me: TYPES.CONV_AT_ME, all: TYPES.CONV_AT_ALL, allAndMe: TYPES.CONV_AT_ALL_AT_ME } as const;

/** The fake's options, the adapter's (the system conversation's title is an adapter option on Tencent), and notes. */
export interface TencentSeed {
  chat: FakeTencentChatOptions;
  systemTitle: string | undefined;
  approximations: string[];
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The id's prefix must say the conversation's kind: Tencent derives the kind, the user and the group from it. */
function targetOf(conversation: Conversation): string {
  const { id, kind } = conversation;
  if (kind === 'system') {
    if (id === TYPES.CONV_SYSTEM) return id;
    throw new SeedError('tencent', id, `the system conversation's id is ${TYPES.CONV_SYSTEM} on Tencent`);
  }
  const prefix = kind === 'direct' ? TYPES.CONV_C2C : TYPES.CONV_GROUP;
  if (id.startsWith(prefix) && id.length > prefix.length) return id.slice(prefix.length);
  throw new SeedError('tencent', id, `a ${kind} conversation's id is ${prefix}<id> on Tencent`);
}

/** One `groupAtInfoList` entry per unread @-message, as the SDK keeps them. */
function atInfo(conversation: Conversation, groupID: string, notes: Approximations): FakeTencentGroupAtInfo[] {
  const out: FakeTencentGroupAtInfo[] = [];
  for (const mention of conversation.mentions) {
    if (mention.kind === 'announcement') notes.note('"announcement" @-mentions left out: Tencent has no such @-state');
    else out.push({ from: '', groupID, topicID: '', messageSequence: out.length + 1, atTypeArray: [AT_TYPES[mention.kind]] });
  }
  return out;
}

/** `type` and `payload` of a last message, as the SDK fills them for each kind. */
function typed(message: LastMessage, notes: Approximations): Pick<FakeTencentLastMessage, 'type' | 'payload' | 'messageForShow'> {
  const kind: PreviewKind = message.kind ?? 'text';
  const detail = message.detail ?? '';
  const of = (type: string, payload: Record<string, unknown> = {}) => ({ type, payload, messageForShow: '' });
  switch (kind) {
    case 'text':
    case 'revoked':
      return { type: MESSAGE_TYPES.text, payload: { text: message.preview }, messageForShow: message.preview };
    case 'image':
    case 'sticker':
      return of(MESSAGE_TYPES[kind]);
    case 'groupNotice':
      // A group tip carries the change, not a name to show: the detail is not part of it.
      return of(MESSAGE_TYPES.groupNotice);
    case 'voice':
      return of(MESSAGE_TYPES.voice, { second: durationSeconds(detail) });
    case 'video':
      return of(MESSAGE_TYPES.video, { videoSecond: durationSeconds(detail) });
    case 'file':
      return of(MESSAGE_TYPES.file, { fileName: detail });
    case 'location':
      return of(MESSAGE_TYPES.location, { description: detail });
    case 'custom':
      return of(MESSAGE_TYPES.custom, { description: message.preview });
    case 'chatHistory':
      return of(MESSAGE_TYPES.chatHistory, { title: detail });
    default:
      // Cards and OpenIM's notifications: Tencent apps send such things as custom messages of their own.
      notes.note(`"${kind}" messages sent as custom messages: Tencent has no such type`);
      return of(MESSAGE_TYPES.custom, { description: '' });
  }
}

function lastMessageOf(conversation: Conversation, notes: Approximations): FakeTencentConversationSeed['lastMessage'] {
  const message = conversation.lastMessage;
  if (!message) return conversation.lastActivityAt > 0 ? { lastTime: seconds(conversation.lastActivityAt) } : undefined;
  return {
    lastTime: seconds(message.sentAt || conversation.lastActivityAt),
    fromAccount: message.senderId ?? '',
    nick: message.senderName ?? '',
    isRevoked: message.isRevoked === true || message.kind === 'revoked',
    ...typed(message, notes),
  };
}

function toTencentConversation(conversation: Conversation, groupNames: readonly string[], notes: Approximations): FakeTencentConversationSeed {
  const { id, kind } = conversation;
  const target = targetOf(conversation);
  // The Web SDK keeps a group one has left without a flag, and has no burn-after-reading chats.
  if (conversation.isReadOnly) notes.note('read-only left out: the Tencent SDK has no such flag');
  if (conversation.privateChat?.enabled) notes.note('burn after reading left out: Tencent has no such chats');
  const seed: FakeTencentConversationSeed = {
    conversationID: id,
    unreadCount: conversation.unreadCount,
    isPinned: conversation.isPinned,
    messageRemindType: REMIND_TYPES[conversation.muteMode],
    markList: (conversation.marks ?? []).map((mark) => MARK_BITS[mark]),
    conversationGroupList: [...groupNames],
    draftText: conversation.draft?.text ?? '',
    customData: conversation.customData ?? '',
  };
  const lastMessage = lastMessageOf(conversation, notes);
  if (lastMessage) seed.lastMessage = lastMessage;
  const avatar = conversation.avatarUrl ?? '';
  if (kind === 'direct') {
    seed.userProfile = { userID: conversation.peerUserId ?? target, nick: conversation.title, avatar };
  } else if (kind === 'group') {
    const groupID = conversation.groupId ?? target;
    seed.groupProfile = { groupID, name: conversation.title, avatar, ...(conversation.groupType ? { type: conversation.groupType } : {}) };
    seed.groupAtInfoList = atInfo(conversation, groupID, notes);
  }
  if (kind !== 'group' && conversation.mentions.length > 0) notes.note('@-mentions outside groups left out: Tencent keeps them for groups');
  return seed;
}

/** The fake's options (no throttle given: the SDK's one-second throttle of list events applies) and the adapter's. */
export function toTencentSeed(conversations: readonly Conversation[], groups: readonly MemoryGroupSeed[]): TencentSeed {
  const membership = groupMembership(conversations, groups);
  const notes = new Approximations();
  const system = conversations.find((conversation) => conversation.kind === 'system');
  return {
    chat: {
      groups: membership.names,
      conversations: conversations.map((conversation) => toTencentConversation(conversation, membership.of(conversation.id), notes)),
    },
    // The SDK gives the system conversation no title; the adapter shows this one, or the kit names it when empty.
    systemTitle: system?.title || undefined,
    approximations: notes.list(),
  };
}
