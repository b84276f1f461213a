import type { Conversation, ConversationId } from '../types.js';

/** Whether marking a conversation read would change it on the backend: unread messages or an unread @-mention. */
export const hasUnreadMessages = (c: Conversation): boolean => c.unreadCount > 0 || c.mentions.length > 0;

/**
 * The optimistic change of marking read: unread and mentions cleared, for the messages there were when the user
 * read. A conversation whose activity is newer than that (a message arrived while the read was in flight, or
 * after the backend applied it) is left as the backend shows it, whether now or when the command is confirmed:
 * a read never hides a message that came later. At worst the badge shows a count a moment longer, until the
 * backend's own update after the read (every SDK sends one); it never shows less than the backend.
 */
export function readPatch(readUpTo: (id: ConversationId) => number | undefined, unmark: (id: ConversationId) => boolean) {
  return (c: Conversation): Conversation => {
    const upTo = readUpTo(c.id);
    if (upTo !== undefined && c.lastActivityAt > upTo) return c;
    const read = hasUnreadMessages(c) ? { ...c, unreadCount: 0, mentions: [] } : c;
    return unmark(c.id) && read.marks?.includes('unread') ? { ...read, marks: read.marks.filter((m) => m !== 'unread') } : read;
  };
}
