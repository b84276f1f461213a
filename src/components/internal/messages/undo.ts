/**
 * English strings of `UndoToast`: what each undoable command says, and its button.
 */
export const undoMessages = {
  'undo.deleteConversation.one': 'Deleted {count} conversation',
  'undo.deleteConversation.other': 'Deleted {count} conversations',
  'undo.removeFromGroup.one': 'Removed {count} conversation from “{group}”',
  'undo.removeFromGroup.other': 'Removed {count} conversations from “{group}”',
  'undo.setMuteMode.one': 'Changed notifications of {count} conversation',
  'undo.setMuteMode.other': 'Changed notifications of {count} conversations',
  'undo.markRead.one': 'Marked {count} conversation read',
  'undo.markRead.other': 'Marked {count} conversations read',
  'undo.setMark.one': 'Hid {count} conversation',
  'undo.setMark.other': 'Hid {count} conversations',
  'undo.action': 'Undo',
  'undo.undoing': 'Undoing…',
  'undo.failed': 'Couldn’t undo: {message}',
  'undo.dismiss': 'Dismiss',
} as const satisfies Record<string, string>;
