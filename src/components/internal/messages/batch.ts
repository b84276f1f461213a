/**
 * English strings of `BatchActionBar`: the bar of a selection of many and its confirmations.
 */
export const batchMessages = {
  'batch.toolbar': 'Actions for the selected conversations',
  'batch.selected.one': '{count} selected',
  'batch.selected.other': '{count} selected',
  'batch.markRead': 'Mark read',
  'batch.markUnread': 'Mark unread',
  'batch.pin': 'Pin',
  'batch.unpin': 'Unpin',
  'batch.notifications': 'Notifications',
  'batch.unmute': 'Notify me',
  'batch.moveTo': 'Move to group',
  'batch.noGroups': 'No groups yet',
  'batch.removeFrom': 'Remove from “{group}”',
  'batch.delete': 'Delete…',
  'batch.deleteTitle.one': 'Delete {count} conversation?',
  'batch.deleteTitle.other': 'Delete {count} conversations?',
  'batch.clear': 'Clear selection',
  'batch.working': 'Working…',
  'batch.result': '{done} done, {failed} failed',
  'batch.allDone': 'Done: {done}',
  'batch.undone': 'Undone',
  'batch.retry': 'Retry',
} as const satisfies Record<string, string>;
