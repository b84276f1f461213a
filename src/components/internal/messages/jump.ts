/**
 * English strings of `UnreadJump`: the next-unread and next-mention buttons.
 */
export const jumpMessages = {
  'jump.label': 'Jump to unread',
  'jump.nextUnread': 'Next unread',
  'jump.previousUnread': 'Previous unread',
  'jump.nextMention': 'Next mention',
  'jump.noUnread': 'No unread conversations',
  'jump.noMention': 'No unread @mentions',
  'jump.loading': 'Loading more conversations…',
  'jump.notFound': 'Nothing more to jump to in this direction',
} as const satisfies Record<string, string>;
