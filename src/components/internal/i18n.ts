'use client';
import { useInboxLocale } from '../../react/context.js';

/** The locales the kit ships strings for. */
export const SHIPPED_LOCALES = ['en', 'zh-CN', 'ja'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** Strings of one component in every shipped locale. Keys are global message ids such as `list.empty`. */
export type MessageTable<K extends string> = Record<ShippedLocale, Record<K, string>>;

/** Picks the shipped locale for a tag: `zh`, `zh-Hans`, `zh-CN` → `zh-CN`; `ja-JP` → `ja`; anything else → `en`. */
export function resolveShippedLocale(locale: string): ShippedLocale {
  const lower = locale.toLowerCase();
  return lower.startsWith('zh') ? 'zh-CN' : lower.startsWith('ja') ? 'ja' : 'en';
}

/**
 * Every built-in string of the kit by message id, with its text in each shipped locale in the order of
 * `SHIPPED_LOCALES` (en, zh-CN, ja). One table for all components, so each id is written once, next to its
 * translations. Placeholders such as `{name}` are filled in when shown; `<InboxProvider messages>` overrides any
 * string by id.
 */
const MESSAGES = {
  // ConversationItem
  'item.draft': ['[Draft]', '[草稿]', '[下書き]'],
  'item.mention.me': ['[@me]', '[有人@我]', '[@あなた]'],
  'item.mention.all': ['[@all]', '[@所有人]', '[@全員]'],
  'item.mention.announcement': ['[Announcement]', '[群公告]', '[お知らせ]'],
  'item.senderSeparator': [': ', '：', '：'],
  'item.revoked': ['Message recalled', '消息已撤回', 'メッセージの送信が取り消されました'],
  'item.revokedBy': ['{name} recalled a message', '{name}撤回了一条消息', '{name}がメッセージの送信を取り消しました'],
  'item.unread.one': ['{count} unread message', '{count} 条未读消息', '未読メッセージ {count} 件'],
  'item.unread.other': ['{count} unread messages', '{count} 条未读消息', '未読メッセージ {count} 件'],
  'item.unreadMuted': ['Unread messages, notifications muted', '有未读消息，已开启免打扰', '未読メッセージあり（通知オフ）'],
  'item.unreadMarked': ['Marked as unread', '已标为未读', '未読にしました'],
  'item.pinned': ['Pinned', '已置顶', 'ピン留め'],
  'item.muted.silent': ['Muted', '消息免打扰', '通知オフ'],
  'item.muted.silentExceptMention': ['Muted except @mentions', '免打扰（@我时提醒）', '通知オフ（メンションを除く）'],
  'item.muted.blocked': ['Messages blocked', '已屏蔽消息', 'メッセージを受信しない'],
  'item.pending': ['Updating…', '正在更新…', '更新中…'],
  'item.failure': ['{action}: {message}', '{action}：{message}', '{action}：{message}'],
  'item.failure.pin': ['Couldn’t change pin', '置顶操作失败', 'ピン留めを変更できませんでした'],
  'item.failure.setMuteMode': ['Couldn’t change notifications', '免打扰设置失败', '通知設定を変更できませんでした'],
  'item.failure.markRead': ['Couldn’t mark as read', '标记已读失败', '既読にできませんでした'],
  'item.failure.deleteConversation': ['Couldn’t delete', '删除失败', '削除できませんでした'],
  'item.failure.setDraft': ['Couldn’t save the draft', '草稿保存失败', '下書きを保存できませんでした'],
  'item.failure.setMark': ['Couldn’t update the mark', '标记失败', 'マークを変更できませんでした'],
  'item.failure.groups': ['Couldn’t update groups', '分组操作失败', 'グループを変更できませんでした'],
  'item.failure.other': ['Something went wrong', '操作失败', '操作に失敗しました'],
  'item.failure.dismiss': ['Dismiss', '关闭', '閉じる'],
  // ConversationList
  'list.label': ['Conversations', '会话列表', '会話一覧'],
  'list.loading': ['Loading conversations…', '正在加载会话…', '会話を読み込み中…'],
  'list.syncing': ['Syncing…', '正在同步…', '同期中…'],
  'list.loadingMore': ['Loading more conversations…', '正在加载更多会话…', 'さらに会話を読み込み中…'],
  'list.empty': ['No conversations yet', '暂无会话', '会話はまだありません'],
  'list.emptyFiltered': ['No conversations match', '没有符合条件的会话', '条件に一致する会話はありません'],
  'list.emptyGroup': ['No conversations in this group', '该分组中暂无会话', 'このグループに会話はありません'],
  'list.error': ['Couldn’t load conversations', '会话加载失败', '会話を読み込めませんでした'],
  'list.loadMoreError': ['Couldn’t load more conversations', '加载更多会话失败', 'これ以上の会話を読み込めませんでした'],
  'list.retry': ['Retry', '重试', '再試行'],
  // GroupTabs
  'groupTabs.label': ['Conversation groups', '会话分组', '会話グループ'],
  'groupTabs.all': ['All', '全部', 'すべて'],
  'groupTabs.unreadSuffix': ['({count} unread)', '（{count} 条未读）', '（未読 {count} 件）'],
  'groupTabs.scrollStart': ['Scroll back', '向前滚动', '前へスクロール'],
  'groupTabs.scrollEnd': ['Scroll forward', '向后滚动', '次へスクロール'],
  'groupTabs.create': ['New group', '新建分组', '新しいグループ'],
  'groupTabs.count': ['{count} of {max} groups', '已有 {count}/{max} 个分组', 'グループ {count}/{max}'],
  'groupTabs.limitReached': ['You have {max} groups, the most allowed. Delete one to create another.', '分组已达上限（{max} 个）。删除一个分组后才能新建。', 'グループは最大 {max} 個です。新しく作るには、いずれかを削除してください。'],
  'groupTabs.options': ['Options for group “{name}”', '分组“{name}”的选项', 'グループ「{name}」のオプション'],
  'groupTabs.optionsMenu': ['Group “{name}”', '分组“{name}”', 'グループ「{name}」'],
  'groupTabs.rename': ['Rename', '重命名', '名前を変更'],
  'groupTabs.delete': ['Delete', '删除', '削除'],
  'groupTabs.createTitle': ['New group', '新建分组', '新しいグループ'],
  'groupTabs.renameTitle': ['Rename group “{name}”', '重命名分组“{name}”', 'グループ「{name}」の名前を変更'],
  'groupTabs.nameLabel': ['Group name', '分组名称', 'グループ名'],
  'groupTabs.nameHint': ['Up to {max} bytes; a Chinese or Japanese character takes 3.', '最多 {max} 字节，一个汉字占 3 字节。', '最大 {max} バイト（漢字・かなは 1 文字 3 バイト）。'],
  'groupTabs.counter': ['{count}/{max}', '{count}/{max}', '{count}/{max}'],
  'groupTabs.errorEmpty': ['Enter a name for the group.', '请输入分组名称。', 'グループ名を入力してください。'],
  'groupTabs.errorTooLong': ['The name is too long: at most {max} bytes.', '名称过长：最多 {max} 字节。', '名前が長すぎます（最大 {max} バイト）。'],
  'groupTabs.errorDuplicate': ['A group named “{name}” already exists.', '已存在名为“{name}”的分组。', '「{name}」という名前のグループはすでにあります。'],
  'groupTabs.errorLimit': ['You already have {max} groups, the most allowed.', '分组已达上限（{max} 个）。', 'グループはすでに最大の {max} 個あります。'],
  'groupTabs.createSubmit': ['Create', '创建', '作成'],
  'groupTabs.renameSubmit': ['Save', '保存', '保存'],
  'groupTabs.cancel': ['Cancel', '取消', 'キャンセル'],
  'groupTabs.working': ['Saving…', '正在保存…', '保存中…'],
  'groupTabs.deleteTitle': ['Delete group “{name}”?', '删除分组“{name}”？', 'グループ「{name}」を削除しますか？'],
  'groupTabs.deleteBody': ['Its conversations are not deleted; they stay in All.', '分组中的会话不会被删除，仍保留在“全部”中。', '会話は削除されず、「すべて」に残ります。'],
  'groupTabs.deleteConfirm': ['Delete group', '删除分组', 'グループを削除'],
  'groupTabs.dismiss': ['Dismiss', '关闭', '閉じる'],
  // PinButton, MuteToggle, DraftEditor, ConversationActions
  'pinButton.label': ['Pin', '置顶', 'ピン留め'],
  'muteToggle.label': ['Mute notifications', '消息免打扰', '通知をオフ'],
  'draftEditor.label': ['Draft', '草稿', '下書き'],
  'draftEditor.saving': ['Saving…', '正在保存…', '保存中…'],
  'draftEditor.saved': ['Draft saved', '草稿已保存', '下書きを保存しました'],
  'draftEditor.failed': ['The draft was not saved: {message}', '草稿未保存：{message}', '下書きを保存できませんでした：{message}'],
  'draftEditor.failedPlain': ['The draft was not saved.', '草稿未保存。', '下書きを保存できませんでした。'],
  'actions.trigger': ['Actions for {title}', '“{title}”的操作', '「{title}」の操作'],
  'actions.menu': ['Actions for {title}', '“{title}”的操作', '「{title}」の操作'],
  'actions.pin': ['Pin', '置顶', 'ピン留め'],
  'actions.unpin': ['Unpin', '取消置顶', 'ピン留めを外す'],
  'actions.pinLimit': ['Pin (at most {max})', '置顶（最多 {max} 个）', 'ピン留め（最大 {max} 件）'],
  'actions.mute': ['Mute notifications', '消息免打扰', '通知をオフ'],
  'actions.unmute': ['Unmute notifications', '取消免打扰', '通知をオン'],
  'actions.markRead': ['Mark as read', '标为已读', '既読にする'],
  'actions.moveToGroup': ['Move to group', '移至分组', 'グループに移動'],
  'actions.noGroups': ['Move to group (no groups yet)', '移至分组（暂无分组）', 'グループに移動（グループがありません）'],
  'actions.groupsUnsupported': ['Move to group (not available)', '移至分组（不可用）', 'グループに移動（利用できません）'],
  'actions.delete': ['Delete…', '删除…', '削除…'],
  'actions.deleteTitle': ['Delete the conversation “{title}”?', '删除会话“{title}”？', '会話「{title}」を削除しますか？'],
  'actions.deleteBody': ['It is removed from your conversation list.', '该会话将从会话列表中移除。', '会話リストから削除されます。'],
  'actions.clearHistory': ['Also clear the message history', '同时清空聊天记录', 'メッセージ履歴も消去する'],
  'actions.clearHistoryLocal': ['Also clear the message history on this device', '同时清空本设备上的聊天记录', 'この端末のメッセージ履歴も消去する'],
  'actions.deleteConfirm': ['Delete', '删除', '削除'],
  'actions.deleting': ['Deleting…', '正在删除…', '削除中…'],
  'actions.cancel': ['Cancel', '取消', 'キャンセル'],
  'controls.dismiss': ['Dismiss', '关闭', '閉じる'],
  'controls.pinLimitError': ['At most {max} conversations can be pinned.', '最多只能置顶 {max} 个会话。', 'ピン留めできる会話は最大 {max} 件です。'],
  // Inbox
  'inbox.label': ['Inbox', '消息', 'メッセージ'],
  'inbox.listAll': ['All conversations', '全部会话', 'すべての会話'],
  'inbox.listGroup': ['Conversations in {name}', '“{name}”中的会话', '「{name}」の会話'],
} satisfies Record<string, readonly [en: string, zhCN: string, ja: string]>;

/** A message id (`list.empty`, `groupTabs.create`...). */
export type MessageId = keyof typeof MESSAGES;
export type ConversationItemMessageId = Extract<MessageId, `item.${string}`>;
export type ConversationListMessageId = Extract<MessageId, `list.${string}`>;
export type GroupTabsMessageId = Extract<MessageId, `groupTabs.${string}`>;
export type ControlsMessageId = Extract<MessageId, `${'pinButton' | 'muteToggle' | 'draftEditor' | 'actions' | 'controls'}.${string}`>;
export type InboxMessageId = Extract<MessageId, `inbox.${string}`>;

/** The strings whose ids match `ids`, as one record per locale. */
function messageTable<K extends MessageId>(ids: RegExp): MessageTable<K> {
  const entries = Object.entries(MESSAGES).filter(([id]) => ids.test(id));
  return Object.fromEntries(
    SHIPPED_LOCALES.map((locale, i) => [locale, Object.fromEntries(entries.map(([id, texts]) => [id, texts[i]]))]),
  ) as MessageTable<K>;
}

/** Built-in strings of the conversation row, by locale. */
export const conversationItemMessages = messageTable<ConversationItemMessageId>(/^item\./);
/** Built-in strings of the conversation list, by locale. */
export const conversationListMessages = messageTable<ConversationListMessageId>(/^list\./);
/** Built-in strings of the group tabs, by locale. */
export const groupTabsMessages = messageTable<GroupTabsMessageId>(/^groupTabs\./);
/** Built-in strings of `PinButton`, `MuteToggle`, `DraftEditor` and `ConversationActions`, by locale. */
export const controlsMessages = messageTable<ControlsMessageId>(/^(pinButton|muteToggle|draftEditor|actions|controls)\./);
/** Built-in strings of `Inbox`, by locale. */
export const inboxMessages = messageTable<InboxMessageId>(/^inbox\./);

type Values = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders. */
function interpolate(template: string, values?: Values): string {
  return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match)) : template;
}

export type Translate<K extends MessageId = MessageId> = (key: K, values?: Values) => string;

/**
 * A translator for the provider's locale. Provider `messages` override any message by id, so every visible string
 * can be changed.
 */
export function useMessages(): Translate {
  const { locale, messages } = useInboxLocale();
  const index = SHIPPED_LOCALES.indexOf(resolveShippedLocale(locale));
  return (key, values) => interpolate(messages?.[key] ?? MESSAGES[key][index]!, values);
}
