import type { MessageTable } from '../internal/i18n.js';

export type ConversationItemMessageId =
  | 'item.draft'
  | 'item.mention.me'
  | 'item.mention.all'
  | 'item.mention.announcement'
  | 'item.senderSeparator'
  | 'item.revoked'
  | 'item.revokedBy'
  | 'item.unread.one'
  | 'item.unread.other'
  | 'item.unreadMuted'
  | 'item.unreadMarked'
  | 'item.pinned'
  | 'item.muted.silent'
  | 'item.muted.silentExceptMention'
  | 'item.muted.blocked'
  | 'item.pending'
  | 'item.failure'
  | 'item.failure.pin'
  | 'item.failure.setMuteMode'
  | 'item.failure.markRead'
  | 'item.failure.deleteConversation'
  | 'item.failure.setDraft'
  | 'item.failure.setMark'
  | 'item.failure.groups'
  | 'item.failure.other'
  | 'item.failure.dismiss';

/**
 * Built-in strings of the conversation row, overridable by id through `<InboxProvider messages>`.
 * `{name}`, `{count}`, `{action}` and `{message}` are placeholders.
 */
export const conversationItemMessages: MessageTable<ConversationItemMessageId> = {
  en: {
    'item.draft': '[Draft]',
    'item.mention.me': '[@me]',
    'item.mention.all': '[@all]',
    'item.mention.announcement': '[Announcement]',
    'item.senderSeparator': ': ',
    'item.revoked': 'Message recalled',
    'item.revokedBy': '{name} recalled a message',
    'item.unread.one': '{count} unread message',
    'item.unread.other': '{count} unread messages',
    'item.unreadMuted': 'Unread messages, notifications muted',
    'item.unreadMarked': 'Marked as unread',
    'item.pinned': 'Pinned',
    'item.muted.silent': 'Muted',
    'item.muted.silentExceptMention': 'Muted except @mentions',
    'item.muted.blocked': 'Messages blocked',
    'item.pending': 'Updating…',
    'item.failure': '{action}: {message}',
    'item.failure.pin': 'Couldn’t change pin',
    'item.failure.setMuteMode': 'Couldn’t change notifications',
    'item.failure.markRead': 'Couldn’t mark as read',
    'item.failure.deleteConversation': 'Couldn’t delete',
    'item.failure.setDraft': 'Couldn’t save the draft',
    'item.failure.setMark': 'Couldn’t update the mark',
    'item.failure.groups': 'Couldn’t update groups',
    'item.failure.other': 'Something went wrong',
    'item.failure.dismiss': 'Dismiss',
  },
  'zh-CN': {
    'item.draft': '[草稿]',
    'item.mention.me': '[有人@我]',
    'item.mention.all': '[@所有人]',
    'item.mention.announcement': '[群公告]',
    'item.senderSeparator': '：',
    'item.revoked': '消息已撤回',
    'item.revokedBy': '{name}撤回了一条消息',
    'item.unread.one': '{count} 条未读消息',
    'item.unread.other': '{count} 条未读消息',
    'item.unreadMuted': '有未读消息，已开启免打扰',
    'item.unreadMarked': '已标为未读',
    'item.pinned': '已置顶',
    'item.muted.silent': '消息免打扰',
    'item.muted.silentExceptMention': '免打扰（@我时提醒）',
    'item.muted.blocked': '已屏蔽消息',
    'item.pending': '正在更新…',
    'item.failure': '{action}：{message}',
    'item.failure.pin': '置顶操作失败',
    'item.failure.setMuteMode': '免打扰设置失败',
    'item.failure.markRead': '标记已读失败',
    'item.failure.deleteConversation': '删除失败',
    'item.failure.setDraft': '草稿保存失败',
    'item.failure.setMark': '标记失败',
    'item.failure.groups': '分组操作失败',
    'item.failure.other': '操作失败',
    'item.failure.dismiss': '关闭',
  },
  ja: {
    'item.draft': '[下書き]',
    'item.mention.me': '[@あなた]',
    'item.mention.all': '[@全員]',
    'item.mention.announcement': '[お知らせ]',
    'item.senderSeparator': '：',
    'item.revoked': 'メッセージの送信が取り消されました',
    'item.revokedBy': '{name}がメッセージの送信を取り消しました',
    'item.unread.one': '未読メッセージ {count} 件',
    'item.unread.other': '未読メッセージ {count} 件',
    'item.unreadMuted': '未読メッセージあり（通知オフ）',
    'item.unreadMarked': '未読にしました',
    'item.pinned': 'ピン留め',
    'item.muted.silent': '通知オフ',
    'item.muted.silentExceptMention': '通知オフ（メンションを除く）',
    'item.muted.blocked': 'メッセージを受信しない',
    'item.pending': '更新中…',
    'item.failure': '{action}：{message}',
    'item.failure.pin': 'ピン留めを変更できませんでした',
    'item.failure.setMuteMode': '通知設定を変更できませんでした',
    'item.failure.markRead': '既読にできませんでした',
    'item.failure.deleteConversation': '削除できませんでした',
    'item.failure.setDraft': '下書きを保存できませんでした',
    'item.failure.setMark': 'マークを変更できませんでした',
    'item.failure.groups': 'グループを変更できませんでした',
    'item.failure.other': '操作に失敗しました',
    'item.failure.dismiss': '閉じる',
  },
};
