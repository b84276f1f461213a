import type { MessageTable } from '../internal/i18n.js';

export type ControlsMessageId =
  | 'pinButton.label'
  | 'muteToggle.label'
  | 'draftEditor.label'
  | 'draftEditor.saving'
  | 'draftEditor.saved'
  | 'draftEditor.failed'
  | 'draftEditor.failedPlain'
  | 'actions.trigger'
  | 'actions.menu'
  | 'actions.pin'
  | 'actions.unpin'
  | 'actions.pinLimit'
  | 'actions.mute'
  | 'actions.unmute'
  | 'actions.markRead'
  | 'actions.moveToGroup'
  | 'actions.noGroups'
  | 'actions.groupsUnsupported'
  | 'actions.delete'
  | 'actions.deleteTitle'
  | 'actions.deleteBody'
  | 'actions.clearHistory'
  | 'actions.clearHistoryLocal'
  | 'actions.deleteConfirm'
  | 'actions.deleting'
  | 'actions.cancel'
  | 'controls.dismiss'
  | 'controls.pinLimitError';

export const controlsMessages: MessageTable<ControlsMessageId> = {
  en: {
    'pinButton.label': 'Pin',
    'muteToggle.label': 'Mute notifications',
    'draftEditor.label': 'Draft',
    'draftEditor.saving': 'Saving…',
    'draftEditor.saved': 'Draft saved',
    'draftEditor.failed': 'The draft was not saved: {message}',
    'draftEditor.failedPlain': 'The draft was not saved.',
    'actions.trigger': 'Actions for {title}',
    'actions.menu': 'Actions for {title}',
    'actions.pin': 'Pin',
    'actions.unpin': 'Unpin',
    'actions.pinLimit': 'Pin (at most {max})',
    'actions.mute': 'Mute notifications',
    'actions.unmute': 'Unmute notifications',
    'actions.markRead': 'Mark as read',
    'actions.moveToGroup': 'Move to group',
    'actions.noGroups': 'Move to group (no groups yet)',
    'actions.groupsUnsupported': 'Move to group (not available)',
    'actions.delete': 'Delete…',
    'actions.deleteTitle': 'Delete the conversation “{title}”?',
    'actions.deleteBody': 'It is removed from your conversation list.',
    'actions.clearHistory': 'Also clear the message history',
    'actions.clearHistoryLocal': 'Also clear the message history on this device',
    'actions.deleteConfirm': 'Delete',
    'actions.deleting': 'Deleting…',
    'actions.cancel': 'Cancel',
    'controls.dismiss': 'Dismiss',
    'controls.pinLimitError': 'At most {max} conversations can be pinned.',
  },
  'zh-CN': {
    'pinButton.label': '置顶',
    'muteToggle.label': '消息免打扰',
    'draftEditor.label': '草稿',
    'draftEditor.saving': '正在保存…',
    'draftEditor.saved': '草稿已保存',
    'draftEditor.failed': '草稿未保存：{message}',
    'draftEditor.failedPlain': '草稿未保存。',
    'actions.trigger': '“{title}”的操作',
    'actions.menu': '“{title}”的操作',
    'actions.pin': '置顶',
    'actions.unpin': '取消置顶',
    'actions.pinLimit': '置顶（最多 {max} 个）',
    'actions.mute': '消息免打扰',
    'actions.unmute': '取消免打扰',
    'actions.markRead': '标为已读',
    'actions.moveToGroup': '移至分组',
    'actions.noGroups': '移至分组（暂无分组）',
    'actions.groupsUnsupported': '移至分组（不可用）',
    'actions.delete': '删除…',
    'actions.deleteTitle': '删除会话“{title}”？',
    'actions.deleteBody': '该会话将从会话列表中移除。',
    'actions.clearHistory': '同时清空聊天记录',
    'actions.clearHistoryLocal': '同时清空本设备上的聊天记录',
    'actions.deleteConfirm': '删除',
    'actions.deleting': '正在删除…',
    'actions.cancel': '取消',
    'controls.dismiss': '关闭',
    'controls.pinLimitError': '最多只能置顶 {max} 个会话。',
  },
  ja: {
    'pinButton.label': 'ピン留め',
    'muteToggle.label': '通知をオフ',
    'draftEditor.label': '下書き',
    'draftEditor.saving': '保存中…',
    'draftEditor.saved': '下書きを保存しました',
    'draftEditor.failed': '下書きを保存できませんでした：{message}',
    'draftEditor.failedPlain': '下書きを保存できませんでした。',
    'actions.trigger': '「{title}」の操作',
    'actions.menu': '「{title}」の操作',
    'actions.pin': 'ピン留め',
    'actions.unpin': 'ピン留めを外す',
    'actions.pinLimit': 'ピン留め（最大 {max} 件）',
    'actions.mute': '通知をオフ',
    'actions.unmute': '通知をオン',
    'actions.markRead': '既読にする',
    'actions.moveToGroup': 'グループに移動',
    'actions.noGroups': 'グループに移動（グループがありません）',
    'actions.groupsUnsupported': 'グループに移動（利用できません）',
    'actions.delete': '削除…',
    'actions.deleteTitle': '会話「{title}」を削除しますか？',
    'actions.deleteBody': '会話リストから削除されます。',
    'actions.clearHistory': 'メッセージ履歴も消去する',
    'actions.clearHistoryLocal': 'この端末のメッセージ履歴も消去する',
    'actions.deleteConfirm': '削除',
    'actions.deleting': '削除中…',
    'actions.cancel': 'キャンセル',
    'controls.dismiss': '閉じる',
    'controls.pinLimitError': 'ピン留めできる会話は最大 {max} 件です。',
  },
};
