import type { Conversation, LastMessage, Mention } from './types.js';

function sameList<T>(a: readonly T[] | undefined, b: readonly T[] | undefined, same: (x: T, y: T) => boolean = Object.is): boolean {
  if (a === b) return true;
  if (!a || !b || a.length !== b.length) return (a?.length ?? 0) === 0 && (b?.length ?? 0) === 0;
  for (let i = 0; i < a.length; i++) if (!same(a[i]!, b[i]!)) return false;
  return true;
}

const sameMention = (a: Mention, b: Mention) => a.kind === b.kind && a.messageId === b.messageId;

function sameLastMessage(a: LastMessage | undefined, b: LastMessage | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.id === b.id &&
    a.senderId === b.senderId &&
    a.senderName === b.senderName &&
    a.preview === b.preview &&
    a.sentAt === b.sentAt &&
    Boolean(a.isRevoked) === Boolean(b.isRevoked)
  );
}

/**
 * Whether two conversations show the same thing. `raw` is ignored, so an unchanged conversation keeps its
 * object identity when a backend sends it again (full snapshots), and its row does not re-render.
 */
export function conversationsEqual(a: Conversation, b: Conversation): boolean {
  if (a === b) return true;
  return (
    a.id === b.id &&
    a.kind === b.kind &&
    a.title === b.title &&
    a.unreadCount === b.unreadCount &&
    a.muteMode === b.muteMode &&
    a.lastActivityAt === b.lastActivityAt &&
    a.isPinned === b.isPinned &&
    a.peerUserId === b.peerUserId &&
    a.groupId === b.groupId &&
    a.groupType === b.groupType &&
    a.avatarUrl === b.avatarUrl &&
    a.customData === b.customData &&
    Boolean(a.isReadOnly) === Boolean(b.isReadOnly) &&
    a.draft?.text === b.draft?.text &&
    a.draft?.updatedAt === b.draft?.updatedAt &&
    a.privateChat?.enabled === b.privateChat?.enabled &&
    a.privateChat?.burnDurationSec === b.privateChat?.burnDurationSec &&
    sameLastMessage(a.lastMessage, b.lastMessage) &&
    sameList(a.mentions, b.mentions, sameMention) &&
    sameList(a.groupNames, b.groupNames) &&
    sameList(a.marks, b.marks)
  );
}
