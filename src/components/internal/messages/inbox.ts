/**
 * English strings of `Inbox`: the labels of its regions.
 */
export const inboxMessages = {
  'inbox.label': 'Inbox',
  'inbox.listAll': 'All conversations',
  'inbox.listGroup': 'Conversations in {name}',
} as const satisfies Record<string, string>;
