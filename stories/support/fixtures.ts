import type { Conversation, Mention, MentionKind } from '../../src/index.js';

const MINUTE = 60_000;

/** A moment a few minutes ago, so rows show today's time. Computed when called, never cached across stories. */
export function minutesAgo(minutes: number): number {
  return Date.now() - minutes * MINUTE;
}

/**
 * A valid conversation with sensible defaults: a direct chat with a recent message, nothing unread, not muted,
 * not pinned, in no group.
 */
export function storyConversation(partial: Partial<Conversation> & { id: string }): Conversation {
  const sentAt = partial.lastMessage?.sentAt ?? partial.lastActivityAt ?? minutesAgo(5);
  return {
    kind: 'direct',
    title: partial.id,
    unreadCount: 0,
    muteMode: 'none',
    lastMessage: { id: `m-${partial.id}`, preview: 'See you tomorrow!', sentAt },
    lastActivityAt: sentAt,
    mentions: [],
    isPinned: false,
    groupNames: [],
    ...partial,
  };
}

/** Mentions as a conversation carries them. */
export function mentionsOf(...kinds: MentionKind[]): Mention[] {
  return kinds.map((kind, i) => ({ kind, messageId: `mention-${i}` }));
}

/** An avatar painted on a canvas and returned as a PNG data URL: a real image, no network. */
export function paintedAvatar(background: string, text: string): string {
  const canvas = document.createElement('canvas');
  canvas.width = 96;
  canvas.height = 96;
  const context = canvas.getContext('2d');
  if (!context) return '';
  context.fillStyle = background;
  context.fillRect(0, 0, 96, 96);
  context.fillStyle = '#ffffff';
  context.font = 'bold 44px sans-serif';
  context.textAlign = 'center';
  context.textBaseline = 'middle';
  context.fillText(text, 48, 50);
  return canvas.toDataURL('image/png');
}

/** A data URL that claims to be a PNG but does not decode: the image fails at once, without the network. */
export const BROKEN_AVATAR_URL = 'data:image/png;base64,AAAA';

/** A handful of conversations covering every row state, for lists and the inbox. */
export function showcaseConversations(): Conversation[] {
  return [
    storyConversation({
      id: 'GROUPrnd',
      kind: 'group',
      groupId: 'rnd',
      title: 'R&D 研发部',
      isPinned: true,
      unreadCount: 3,
      mentions: mentionsOf('me'),
      lastMessage: { preview: 'Can you review the PR when you get a chance? 🙏', senderName: 'Grace', sentAt: minutesAgo(2) },
      groupNames: ['Work'],
    }),
    storyConversation({
      id: 'C2Calice',
      title: 'Alicia Fernández',
      avatarUrl: paintedAvatar('#7c3aed', 'A'),
      unreadCount: 120,
      lastMessage: { preview: 'Happy birthday!!! 🎂🎈', sentAt: minutesAgo(4) },
      groupNames: ['Friends'],
    }),
    storyConversation({
      id: 'GROUPsuppliers',
      kind: 'group',
      groupId: 'suppliers',
      title: 'Acme Suppliers',
      unreadCount: 7,
      muteMode: 'silent',
      lastMessage: { preview: 'Invoice #4821 is attached.', senderName: 'Ravi', sentAt: minutesAgo(9) },
      groupNames: ['Work'],
    }),
    storyConversation({
      id: 'C2Cken',
      title: '佐藤 健太郎',
      draft: { text: 'I will send the slides tonight', updatedAt: minutesAgo(12) },
      lastMessage: { preview: '了解です！', sentAt: minutesAgo(30) },
    }),
    storyConversation({
      id: 'GROUPall',
      kind: 'group',
      groupId: 'all',
      title: 'Company announcements 📣',
      unreadCount: 1,
      mentions: mentionsOf('all'),
      lastMessage: { preview: 'Office closed on Friday.', senderName: 'HR', sentAt: minutesAgo(60) },
    }),
    storyConversation({
      id: 'C2Cbroken',
      title: 'Noah Broken-Avatar',
      avatarUrl: BROKEN_AVATAR_URL,
      lastMessage: { preview: 'Message recalled', sentAt: minutesAgo(90), isRevoked: true, senderName: 'Noah' },
    }),
    storyConversation({
      id: 'C2Cwei',
      title: '王小明',
      lastMessage: { preview: '好的，收到', sentAt: minutesAgo(60 * 26) },
      groupNames: ['Friends'],
    }),
    storyConversation({
      id: 'C2Chtml',
      title: '<b>Not bold</b> & <img src=x>',
      lastMessage: { preview: '<script>alert(1)</script> renders as text', sentAt: minutesAgo(60 * 24 * 9) },
    }),
  ];
}

/** Groups for `showcaseConversations`. */
export const SHOWCASE_GROUPS = [
  { name: 'Work', conversationIds: ['GROUPrnd', 'GROUPsuppliers'] },
  { name: 'Friends', conversationIds: ['C2Calice', 'C2Cwei'] },
];
