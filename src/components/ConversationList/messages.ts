import type { MessageTable } from '../internal/i18n.js';

export type ConversationListMessageId =
  | 'list.label'
  | 'list.loading'
  | 'list.syncing'
  | 'list.loadingMore'
  | 'list.empty'
  | 'list.emptyFiltered'
  | 'list.emptyGroup'
  | 'list.error'
  | 'list.loadMoreError'
  | 'list.retry';

/** Built-in strings of the conversation list, overridable by id through `<InboxProvider messages>`. */
export const conversationListMessages: MessageTable<ConversationListMessageId> = {
  en: {
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
  },
  'zh-CN': {
    'list.label': '会话列表',
    'list.loading': '正在加载会话…',
    'list.syncing': '正在同步…',
    'list.loadingMore': '正在加载更多会话…',
    'list.empty': '暂无会话',
    'list.emptyFiltered': '没有符合条件的会话',
    'list.emptyGroup': '该分组中暂无会话',
    'list.error': '会话加载失败',
    'list.loadMoreError': '加载更多会话失败',
    'list.retry': '重试',
  },
  ja: {
    'list.label': '会話一覧',
    'list.loading': '会話を読み込み中…',
    'list.syncing': '同期中…',
    'list.loadingMore': 'さらに会話を読み込み中…',
    'list.empty': '会話はまだありません',
    'list.emptyFiltered': '条件に一致する会話はありません',
    'list.emptyGroup': 'このグループに会話はありません',
    'list.error': '会話を読み込めませんでした',
    'list.loadMoreError': 'これ以上の会話を読み込めませんでした',
    'list.retry': '再試行',
  },
};
