/**
 * English strings of `PinButton`, `MuteToggle` and `DraftEditor`, and the error texts every control shows.
 */
export const controlsMessages = {
  'pinButton.label': 'Pin',
  'muteToggle.label': 'Mute notifications',
  'draftEditor.label': 'Draft',
  'draftEditor.saving': 'Saving…',
  'draftEditor.saved': 'Draft saved',
  'draftEditor.failed': 'The draft was not saved: {message}',
  'draftEditor.failedPlain': 'The draft was not saved.',
  'controls.dismiss': 'Dismiss',
  'controls.pinLimitError': 'At most {max} conversations can be pinned.',
  'controls.error.pinLimit': 'No more conversations can be pinned.',
  'controls.error.groupLimit': 'You already have {max} groups, the most allowed.',
  'controls.error.groupedLimit': 'At most {max} conversations can be in groups.',
  'controls.error.groupNotFound': 'This group no longer exists.',
  'controls.error.groupExists': 'A group with this name already exists.',
  'controls.error.groupNameInvalid': 'This group name cannot be used.',
  'controls.error.notFound': 'This conversation no longer exists.',
  'controls.error.notSupported': 'Your chat service does not support this.',
  'controls.error.notReady': 'Not connected yet. Try again in a moment.',
  'controls.error.timeout': 'The server did not answer in time. Try again.',
  'controls.error.invalid': 'The request was not valid.',
} as const satisfies Record<string, string>;
