import type { MessageTable } from '../internal/i18n.js';

export type GroupTabsMessageId =
  | 'groupTabs.label'
  | 'groupTabs.all'
  | 'groupTabs.tabWithUnread'
  | 'groupTabs.scrollStart'
  | 'groupTabs.scrollEnd'
  | 'groupTabs.create'
  | 'groupTabs.count'
  | 'groupTabs.limitReached'
  | 'groupTabs.options'
  | 'groupTabs.optionsMenu'
  | 'groupTabs.rename'
  | 'groupTabs.delete'
  | 'groupTabs.createTitle'
  | 'groupTabs.renameTitle'
  | 'groupTabs.nameLabel'
  | 'groupTabs.nameHint'
  | 'groupTabs.counter'
  | 'groupTabs.errorEmpty'
  | 'groupTabs.errorTooLong'
  | 'groupTabs.errorDuplicate'
  | 'groupTabs.errorLimit'
  | 'groupTabs.createSubmit'
  | 'groupTabs.renameSubmit'
  | 'groupTabs.cancel'
  | 'groupTabs.working'
  | 'groupTabs.deleteTitle'
  | 'groupTabs.deleteBody'
  | 'groupTabs.deleteConfirm'
  | 'groupTabs.dismiss';

export const groupTabsMessages: MessageTable<GroupTabsMessageId> = {
  en: {
    'groupTabs.label': 'Conversation groups',
    'groupTabs.all': 'All',
    'groupTabs.tabWithUnread': '{name}, {count} unread',
    'groupTabs.scrollStart': 'Scroll back',
    'groupTabs.scrollEnd': 'Scroll forward',
    'groupTabs.create': 'New group',
    'groupTabs.count': '{count} of {max} groups',
    'groupTabs.limitReached': 'You have {max} groups, the most allowed. Delete one to create another.',
    'groupTabs.options': 'Options for group “{name}”',
    'groupTabs.optionsMenu': 'Group “{name}”',
    'groupTabs.rename': 'Rename',
    'groupTabs.delete': 'Delete',
    'groupTabs.createTitle': 'New group',
    'groupTabs.renameTitle': 'Rename group “{name}”',
    'groupTabs.nameLabel': 'Group name',
    'groupTabs.nameHint': 'Up to {max} bytes; a Chinese or Japanese character takes 3.',
    'groupTabs.counter': '{count}/{max}',
    'groupTabs.errorEmpty': 'Enter a name for the group.',
    'groupTabs.errorTooLong': 'The name is too long: at most {max} bytes.',
    'groupTabs.errorDuplicate': 'A group named “{name}” already exists.',
    'groupTabs.errorLimit': 'You already have {max} groups, the most allowed.',
    'groupTabs.createSubmit': 'Create',
    'groupTabs.renameSubmit': 'Save',
    'groupTabs.cancel': 'Cancel',
    'groupTabs.working': 'Saving…',
    'groupTabs.deleteTitle': 'Delete group “{name}”?',
    'groupTabs.deleteBody': 'Its conversations are not deleted; they stay in All.',
    'groupTabs.deleteConfirm': 'Delete group',
    'groupTabs.dismiss': 'Dismiss',
  },
  'zh-CN': {
    'groupTabs.label': '会话分组',
    'groupTabs.all': '全部',
    'groupTabs.tabWithUnread': '{name}，{count} 条未读',
    'groupTabs.scrollStart': '向前滚动',
    'groupTabs.scrollEnd': '向后滚动',
    'groupTabs.create': '新建分组',
    'groupTabs.count': '已有 {count}/{max} 个分组',
    'groupTabs.limitReached': '分组已达上限（{max} 个）。删除一个分组后才能新建。',
    'groupTabs.options': '分组“{name}”的选项',
    'groupTabs.optionsMenu': '分组“{name}”',
    'groupTabs.rename': '重命名',
    'groupTabs.delete': '删除',
    'groupTabs.createTitle': '新建分组',
    'groupTabs.renameTitle': '重命名分组“{name}”',
    'groupTabs.nameLabel': '分组名称',
    'groupTabs.nameHint': '最多 {max} 字节，一个汉字占 3 字节。',
    'groupTabs.counter': '{count}/{max}',
    'groupTabs.errorEmpty': '请输入分组名称。',
    'groupTabs.errorTooLong': '名称过长：最多 {max} 字节。',
    'groupTabs.errorDuplicate': '已存在名为“{name}”的分组。',
    'groupTabs.errorLimit': '分组已达上限（{max} 个）。',
    'groupTabs.createSubmit': '创建',
    'groupTabs.renameSubmit': '保存',
    'groupTabs.cancel': '取消',
    'groupTabs.working': '正在保存…',
    'groupTabs.deleteTitle': '删除分组“{name}”？',
    'groupTabs.deleteBody': '分组中的会话不会被删除，仍保留在“全部”中。',
    'groupTabs.deleteConfirm': '删除分组',
    'groupTabs.dismiss': '关闭',
  },
  ja: {
    'groupTabs.label': '会話グループ',
    'groupTabs.all': 'すべて',
    'groupTabs.tabWithUnread': '{name}、未読 {count} 件',
    'groupTabs.scrollStart': '前へスクロール',
    'groupTabs.scrollEnd': '次へスクロール',
    'groupTabs.create': '新しいグループ',
    'groupTabs.count': 'グループ {count}/{max}',
    'groupTabs.limitReached': 'グループは最大 {max} 個です。新しく作るには、いずれかを削除してください。',
    'groupTabs.options': 'グループ「{name}」のオプション',
    'groupTabs.optionsMenu': 'グループ「{name}」',
    'groupTabs.rename': '名前を変更',
    'groupTabs.delete': '削除',
    'groupTabs.createTitle': '新しいグループ',
    'groupTabs.renameTitle': 'グループ「{name}」の名前を変更',
    'groupTabs.nameLabel': 'グループ名',
    'groupTabs.nameHint': '最大 {max} バイト（漢字・かなは 1 文字 3 バイト）。',
    'groupTabs.counter': '{count}/{max}',
    'groupTabs.errorEmpty': 'グループ名を入力してください。',
    'groupTabs.errorTooLong': '名前が長すぎます（最大 {max} バイト）。',
    'groupTabs.errorDuplicate': '「{name}」という名前のグループはすでにあります。',
    'groupTabs.errorLimit': 'グループはすでに最大の {max} 個あります。',
    'groupTabs.createSubmit': '作成',
    'groupTabs.renameSubmit': '保存',
    'groupTabs.cancel': 'キャンセル',
    'groupTabs.working': '保存中…',
    'groupTabs.deleteTitle': 'グループ「{name}」を削除しますか？',
    'groupTabs.deleteBody': '会話は削除されず、「すべて」に残ります。',
    'groupTabs.deleteConfirm': 'グループを削除',
    'groupTabs.dismiss': '閉じる',
  },
};
