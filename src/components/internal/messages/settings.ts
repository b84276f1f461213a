/**
 * English strings of `InboxSettingsMenu` and its clear-all dialog.
 */
export const settingsMessages = {
  'settings.trigger': 'Inbox settings',
  'settings.menu': 'Inbox settings',
  'settings.receive': 'Notifications for all conversations',
  'settings.receive.none': 'Receive and notify',
  'settings.receive.silent': 'Receive without notifications',
  'settings.receive.silentExceptMention': 'Notify only for @mentions',
  'settings.receive.blocked': 'Don’t receive messages',
  'settings.saving': 'Saving…',
  'settings.unsupported': 'Not supported by this chat service',
  'settings.receiveFailed': 'Couldn’t change notifications: {message}',
  'settings.clearAll': 'Clear all conversations…',
  'settings.clearAllTitle': 'Clear all conversations?',
  'settings.clearAllBody': 'Every conversation leaves your list. Their messages are not deleted.',
  'settings.clearAllConfirm': 'Clear all',
  'settings.clearing': 'Clearing…',
  'settings.cancel': 'Cancel',
  'settings.dismiss': 'Dismiss',
} as const satisfies Record<string, string>;
