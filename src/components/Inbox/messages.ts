import type { MessageTable } from '../internal/i18n.js';

export type InboxMessageId = 'inbox.label' | 'inbox.listAll' | 'inbox.listGroup';

export const inboxMessages: MessageTable<InboxMessageId> = {
  en: {
    'inbox.label': 'Inbox',
    'inbox.listAll': 'All conversations',
    'inbox.listGroup': 'Conversations in {name}',
  },
  'zh-CN': {
    'inbox.label': '消息',
    'inbox.listAll': '全部会话',
    'inbox.listGroup': '“{name}”中的会话',
  },
  ja: {
    'inbox.label': 'メッセージ',
    'inbox.listAll': 'すべての会話',
    'inbox.listGroup': '「{name}」の会話',
  },
};
