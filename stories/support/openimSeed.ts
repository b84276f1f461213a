/**
 * A story's neutral conversations and groups as an OpenIM account: rows of the wasm SDK's local conversation table
 * (`ConversationItem`: `recvMsgOpt`, `groupAtType`, `latestMsg` as a JSON `MessageItem`, ms times) and enterprise
 * conversation groups, for the fake SDK, so that the real adapter maps them back. Values come from the SDK's enums,
 * not from the adapter, so that a mapping mistake shows up instead of cancelling out.
 *
 * Ids are kept as the story spells them (`C2Calice`, not `si_me_alice`): the adapter treats ids as opaque, and plays
 * find rows by them. What OpenIM lacks is approximated and counted (see `Approximations`).
 */
import type { Conversation, LastMessage, MuteMode, PreviewKind } from '../../src/index.js';
import type { ConversationMark } from '../../src/core/types.js';
import { OPENIM_EX_NAMESPACE, readEx } from '../../src/adapters/openim/ex.js';
import type { MemoryGroupSeed } from '../../src/adapters/memory/index.js';
import { fakeOpenIMTextMessage, type FakeOpenIMConversationSeed, type FakeOpenIMSdkOptions } from '../../src/testing/fakes.js';
import { Approximations, durationSeconds, groupMembership } from './seedShared.js';

/** The logged-in user of every OpenIM story. */
export const OPENIM_STORY_USER = 'me';

/** `SessionType`: 1 single, 3 (working) group, 4 notification. */
const SESSION_TYPES = { direct: 1, group: 3, system: 4 } as const;

/** `MessageReceiveOptType`: 0 normal, 1 do not receive, 2 receive without notifying. OpenIM has no "except @". */
const RECV_MSG_OPTS: Readonly<Record<Exclude<MuteMode, 'silentExceptMention'>, number>> = { none: 0, blocked: 1, silent: 2 };

/** `GroupAtType`: one value per conversation, not one per message. */
const GROUP_AT_TYPES = { none: 0, me: 1, all: 2, allAndMe: 3, announcement: 4 } as const;

/** `MessageType` (`contentType`) of each kind of last message, with the element that carries its detail. */
function content(message: LastMessage): Record<string, unknown> {
  const kind: PreviewKind = message.isRevoked ? 'revoked' : (message.kind ?? 'text');
  const detail = message.detail ?? '';
  switch (kind) {
    case 'text':
      return { contentType: 101, textElem: { content: message.preview } };
    case 'image':
      return { contentType: 102, textElem: undefined, pictureElem: {} };
    case 'voice':
      return { contentType: 103, textElem: undefined, soundElem: { duration: durationSeconds(detail) } };
    case 'video':
      return { contentType: 104, textElem: undefined, videoElem: { duration: durationSeconds(detail) } };
    case 'file':
      return { contentType: 105, textElem: undefined, fileElem: { fileName: detail } };
    case 'chatHistory':
      return { contentType: 107, textElem: undefined, mergeElem: { title: detail } };
    case 'card':
      return { contentType: 108, textElem: undefined, cardElem: { nickname: detail } };
    case 'location':
      return { contentType: 109, textElem: undefined, locationElem: { description: detail } };
    case 'custom':
      return { contentType: 110, textElem: undefined, customElem: { description: message.preview } };
    case 'sticker':
      return { contentType: 115, textElem: undefined, faceElem: {} };
    case 'friendAdded':
      return { contentType: 1201, textElem: undefined };
    // A group's notifications are 1500–1599; 1502 is "group info updated".
    case 'groupNotice':
      return { contentType: 1502, textElem: undefined };
    case 'privateChatChanged':
      return { contentType: 1701, textElem: undefined };
    case 'revoked':
      return { contentType: 2101, textElem: undefined };
    // A type the SDK reports and the kit does not know.
    case 'unsupported':
      return { contentType: 100, textElem: undefined };
  }
}

function groupAtType(conversation: Conversation): number {
  const kinds = new Set(conversation.mentions.map((mention) => mention.kind));
  if (kinds.has('allAndMe') || (kinds.has('me') && kinds.has('all'))) return GROUP_AT_TYPES.allAndMe;
  if (kinds.has('me')) return GROUP_AT_TYPES.me;
  if (kinds.has('all')) return GROUP_AT_TYPES.all;
  return kinds.has('announcement') ? GROUP_AT_TYPES.announcement : GROUP_AT_TYPES.none;
}

/** The user or group id behind a conversation: the story's own, else its id without a Tencent-style prefix. */
function targetOf(conversation: Conversation): { userID: string; groupID: string } {
  const { id, kind } = conversation;
  if (kind === 'group') return { userID: '', groupID: conversation.groupId ?? id.replace(/^GROUP/, '') };
  return { userID: conversation.peerUserId ?? id.replace(/^C2C/, ''), groupID: '' };
}

function recvMsgOpt(conversation: Conversation, notes: Approximations): number {
  if (conversation.muteMode !== 'silentExceptMention') return RECV_MSG_OPTS[conversation.muteMode];
  notes.note('"silentExceptMention" seeded as silent: OpenIM has no exception for @-mentions');
  return RECV_MSG_OPTS.silent;
}

function toOpenIMRow(conversation: Conversation, notes: Approximations): FakeOpenIMConversationSeed {
  const { id } = conversation;
  const marks = conversation.marks ?? [];

  const message = conversation.lastMessage;
  const sentAt = message?.sentAt || conversation.lastActivityAt;
  // OpenIM lists a row only while `latestMsgSendTime` > 0 (hiding a conversation sets it to 0), so a conversation
  // without any message is not in its list at all.
  if (sentAt <= 0 && !marks.includes('hide')) notes.note('not listed: OpenIM lists no conversation without a message');
  return {
    conversationID: id,
    conversationType: SESSION_TYPES[conversation.kind],
    ...targetOf(conversation),
    showName: conversation.title,
    faceURL: conversation.avatarUrl ?? '',
    recvMsgOpt: recvMsgOpt(conversation, notes),
    unreadCount: conversation.unreadCount,
    groupAtType: groupAtType(conversation),
    latestMsg: message
      ? fakeOpenIMTextMessage('', sentAt, {
          clientMsgID: message.id ?? `msg_${id}`,
          sessionType: SESSION_TYPES[conversation.kind],
          sendID: message.senderId ?? '',
          senderNickname: message.senderName ?? '',
          ...content(message),
        })
      : '',
    latestMsgSendTime: marks.includes('hide') ? 0 : Math.max(0, sentAt),
    draftText: conversation.draft?.text ?? '',
    draftTextTime: conversation.draft?.updatedAt ?? 0,
    isPinned: conversation.isPinned,
    isNotInGroup: conversation.isReadOnly === true,
    isPrivateChat: conversation.privateChat?.enabled === true,
    burnDuration: conversation.privateChat?.burnDurationSec ?? 0,
    isMarked: marks.includes('star'),
    ex: exWithMarks(conversation.customData ?? '', marks, notes),
  };
}

/**
 * The conversation's `ex` with the marks OpenIM has no field for (`unread`, `fold`) where the adapter emulates them,
 * under the kit's key beside the app's custom data (see src/adapters/openim/marks.ts).
 */
function exWithMarks(customData: string, marks: readonly ConversationMark[], notes: Approximations): string {
  const emulated = marks.filter((mark) => mark === 'unread' || mark === 'fold');
  if (emulated.length === 0) return customData;
  const read = readEx(customData);
  if (!read.ok) {
    notes.note(`"${emulated.join('", "')}" marks left out: ${read.reason}`);
    return customData;
  }
  return JSON.stringify({ ...read.data, [OPENIM_EX_NAMESPACE]: { ...read.own, marks: emulated } });
}

/**
 * The fake's options: the rows, and the groups as an enterprise build keeps them (native groups, which also give
 * the star mark, as `isMarked` is a commercial feature); and what had to be approximated.
 */
export function toOpenIMSeed(
  conversations: readonly Conversation[],
  groups: readonly MemoryGroupSeed[],
): { sdk: FakeOpenIMSdkOptions; approximations: string[] } {
  const membership = groupMembership(conversations, groups);
  const notes = new Approximations();
  const rows = conversations.map((conversation) => toOpenIMRow(conversation, notes));
  return {
    sdk: {
      selfUserId: OPENIM_STORY_USER,
      conversations: rows,
      nativeGroups: true,
      conversationGroups: membership.names.map((name) => ({
        name,
        conversationIDs: conversations.filter((conversation) => membership.of(conversation.id).includes(name)).map((conversation) => conversation.id),
      })),
    },
    approximations: notes.list(),
  };
}
