/**
 * English strings of `ConversationList`: its states, the new-rows pill, and the row of folded conversations with the
 * list it opens.
 */
export const listMessages = {
  'list.label': 'Conversations',
  'list.loading': 'Loading conversations…',
  'list.syncing': 'Syncing…',
  'list.loadingMore': 'Loading more conversations…',
  'list.empty': 'No conversations yet',
  'list.emptyFiltered': 'No conversations match',
  'list.emptyGroup': 'No conversations in this group',
  'list.error': 'Couldn’t load conversations',
  'list.loadMoreError': 'Couldn’t load more conversations',
  'list.retry': 'Retry',
  'list.showAll': 'Show all',
  'list.addConversations': 'Add conversations',
  'list.newRows.one': '{count} new — show',
  'list.newRows.other': '{count} new — show',
  // ConversationList: the one row of folded conversations, and the list of them it opens
  'folded.title': 'Folded chats',
  'folded.count.one': '{count} chat',
  'folded.count.other': '{count} chats',
  'folded.back': 'Back',
  'folded.backLabel': 'Back to the conversation list',
} as const satisfies Record<string, string>;
