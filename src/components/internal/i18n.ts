'use client';
import { useInboxLocale } from '../../react/context.js';
import { cachedIntl } from './cachedIntl.js';

/** The locales the kit ships strings for: English built in, the others from `inboxkit/locales/*`. */
export const SHIPPED_LOCALES = ['en', 'zh-CN', 'ja', 'ar'] as const;
export type ShippedLocale = (typeof SHIPPED_LOCALES)[number];

/** Picks the shipped locale for a tag: `zh`, `zh-Hans`, `zh-CN` → `zh-CN`; `ja-JP` → `ja`; `ar-EG` → `ar`; anything else → `en`. */
export function resolveShippedLocale(locale: string): ShippedLocale {
  const lower = locale.toLowerCase();
  return lower.startsWith('zh') ? 'zh-CN' : lower.startsWith('ja') ? 'ja' : /^ar(-|$)/.test(lower) ? 'ar' : 'en';
}

/**
 * Every built-in string of the kit by message id, in English, the fallback for any id a `messages` table lacks.
 * Chinese, Japanese and Arabic tables with the same ids ship as `inboxkit/locales/zh-CN`, `inboxkit/locales/ja` and
 * `inboxkit/locales/ar`, so an app pays only for the languages it imports. Placeholders such as `{name}` are filled in
 * when shown.
 */
export const enMessages = {
  // ConversationItem
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
  'item.systemTitle': 'System notifications',
  'item.preview.image': '[Image]',
  'item.preview.voice': '[Voice]',
  'item.preview.video': '[Video]',
  'item.preview.file': '[File]',
  'item.preview.card': '[Contact card]',
  'item.preview.location': '[Location]',
  'item.preview.custom': '[Custom message]',
  'item.preview.sticker': '[Sticker]',
  'item.preview.chatHistory': '[Chat history]',
  'item.preview.friendAdded': '[New friend]',
  'item.preview.privateChatChanged': '[Burn after reading changed]',
  'item.preview.groupNotice': '[Group update]',
  'item.preview.unsupported': '[Message]',
  'item.starred': 'Starred',
  'item.privateChat': 'Burn after reading',
  'item.privateChatFor': 'Burn after reading: messages are deleted {duration} after they are read',
  // ConversationList
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
  'list.showAll': 'Show all',
  'list.addConversations': 'Add conversations',
  'list.newRows.one': '{count} new — show',
  'list.newRows.other': '{count} new — show',
  // ConversationList: the one row of folded conversations, and the list of them it opens
  'folded.title': 'Folded chats',
  'folded.count.one': '{count} chat',
  'folded.count.other': '{count} chats',
  'folded.back': 'Back',
  'folded.backLabel': 'Back to the conversation list',
  // GroupTabs
  'groupTabs.label': 'Conversation groups',
  'groupTabs.all': 'All',
  'groupTabs.unreadSuffix': '({count} unread)',
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
  'groupTabs.errorInvalid': 'This name holds characters that cannot be saved. Type it again.',
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
  'groupTabs.partialBadge': '{count}+',
  'groupTabs.unreadSuffixPartial': '({count} or more unread)',
  'groupTabs.needsConversation': 'This chat service creates a group only with a conversation in it, and there are none yet.',
  'groupTabs.editMembers': 'Add or remove conversations…',
  'groupTabs.membersTitle': 'Conversations in “{name}”',
  'groupTabs.pickerLabel': 'Conversations in the group',
  'groupTabs.pickerSearch': 'Find a conversation',
  'groupTabs.pickerRequired': 'Choose at least one: this chat service creates a group only with a conversation in it.',
  'groupTabs.pickerOptional': 'Optional: you can add conversations later.',
  'groupTabs.pickerChosen': 'Chosen: {count}',
  'groupTabs.pickerCapped': 'Showing {shown} of {total}. Type to narrow.',
  'groupTabs.pickerNoMatch': 'No conversation matches “{query}”.',
  'groupTabs.pickerEmpty': 'No conversations yet.',
  'groupTabs.pickerPartial': 'Only the conversations loaded so far are listed.',
  'groupTabs.pickerLoadMore': 'Load more',
  'groupTabs.groupedLimit': '{count} of {max} conversations are in groups, the most allowed. Take some out of groups to add others.',
  'groupTabs.failedAdd': 'Not every conversation was added to “{name}”.',
  'groupTabs.failedChange': 'Not every change to “{name}” was saved.',
  'groupTabs.failedItem': '{names}: {reason}',
  'groupTabs.failedMore': '{count} more',
  'groupTabs.reason.groupedLimit': 'At most {max} conversations can be in groups.',
  'groupTabs.reason.groupNotFound': 'The group no longer exists.',
  'groupTabs.reason.conversationNotFound': 'The conversation is not available.',
  'groupTabs.reason.notSupported': 'Not available on this chat service.',
  'groupTabs.reason.notReady': 'Not connected yet. Try again in a moment.',
  'groupTabs.reason.timeout': 'The server did not answer in time. Try again.',
  'groupTabs.reason.other': 'The server refused: {message}',
  // PinButton, MuteToggle, DraftEditor, ConversationActions
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
  'actions.muteUnsupported': 'This conversation cannot be muted',
  'actions.markRead': 'Mark as read',
  'actions.markUnread': 'Mark as unread',
  'actions.star': 'Star',
  'actions.unstar': 'Remove star',
  'actions.fold': 'Fold this chat',
  'actions.unfold': 'Unfold this chat',
  'actions.hide': 'Hide from the list',
  'actions.unhide': 'Show in the list',
  'actions.unsupported': 'Not supported by this chat service',
  'actions.newGroup': 'New group with this conversation…',
  'actions.newGroupFromSelection': 'New group from selection…',
  'actions.newGroupTitle': 'New group',
  'actions.newGroupWithOne': 'The group starts with “{title}”.',
  'actions.newGroupWithMany': 'The group starts with the {count} selected conversations.',
  'actions.groupLimit': 'You have {max} groups, the most allowed.',
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
  // InboxSettingsMenu
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
  // Inbox
  'inbox.label': 'Inbox',
  'inbox.listAll': 'All conversations',
  'inbox.listGroup': 'Conversations in {name}',
  // UnreadJump
  'jump.label': 'Jump to unread',
  'jump.nextUnread': 'Next unread',
  'jump.previousUnread': 'Previous unread',
  'jump.nextMention': 'Next mention',
  'jump.noUnread': 'No unread conversations',
  'jump.noMention': 'No unread @mentions',
  'jump.loading': 'Loading more conversations…',
  'jump.notFound': 'Nothing more to jump to in this direction',
  // BatchActionBar
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
  // UndoToast
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

/** A message id (`list.empty`, `groupTabs.create`...). */
export type MessageId = keyof typeof enMessages;
export type ConversationItemMessageId = Extract<MessageId, `item.${string}`>;
export type ConversationListMessageId = Extract<MessageId, `${'list' | 'folded'}.${string}`>;
export type GroupTabsMessageId = Extract<MessageId, `groupTabs.${string}`>;
export type ControlsMessageId = Extract<MessageId, `${'pinButton' | 'muteToggle' | 'draftEditor' | 'actions' | 'controls'}.${string}`>;
export type InboxMessageId = Extract<MessageId, `inbox.${string}`>;
export type SettingsMessageId = Extract<MessageId, `settings.${string}`>;

/** A complete table of the kit's strings in one language, for `<InboxProvider messages>`. */
export type MessageTable = Readonly<Record<MessageId, string>>;

type Values = Readonly<Record<string, string | number>>;

/** Replaces `{name}` placeholders. */
function interpolate(template: string, values?: Values): string {
  return values ? template.replace(/\{(\w+)\}/g, (match, name: string) => (name in values ? String(values[name]) : match)) : template;
}

export type Translate<K extends MessageId = MessageId> = (key: K, values?: Values) => string;

const warned = new Set<ShippedLocale>();

/**
 * A translator for the provider's locale. Provider `messages` override any message by id, so every visible string
 * can be changed.
 */
export function useMessages(): Translate {
  const { locale, messages } = useInboxLocale();
  const shipped = resolveShippedLocale(locale);
  if (shipped !== 'en' && !messages && !warned.has(shipped)) {
    warned.add(shipped);
    console.warn(`[inboxkit] English until you pass messages={${shipped.replace('-', '')}Messages} from 'inboxkit/locales/${shipped}'.`);
  }
  return (key, values) => interpolate(messages?.[key] ?? enMessages[key], values);
}

/** The messages chosen by a count's plural category: English has `.one` and `.other`; a table may add the others. */
export type PluralMessageBase =
  | 'item.unread'
  | 'folded.count'
  | 'list.newRows'
  | 'batch.selected'
  | 'batch.deleteTitle'
  | 'undo.deleteConversation'
  | 'undo.removeFromGroup'
  | 'undo.setMuteMode'
  | 'undo.markRead'
  | 'undo.setMark';

/**
 * The plural form of a counted message in the provider's locale, through `Intl.PluralRules`. English needs only
 * `{base}.one` and `{base}.other`; a table may add `{base}.zero`, `.two`, `.few` and `.many` (Arabic uses all six).
 * A category the table lacks falls back to `.other` (`.one` for `one`).
 */
export function pluralMessage(
  t: Translate,
  messages: Readonly<Record<string, string>> | undefined,
  category: Intl.LDMLPluralRule,
  base: PluralMessageBase,
  values: Values,
): string {
  const extra = category !== 'one' && category !== 'other' ? messages?.[`${base}.${category}`] : undefined;
  return extra !== undefined ? interpolate(extra, values) : t(category === 'one' ? `${base}.one` : `${base}.other`, values);
}

/**
 * A counted message in the provider's locale and messages: `plural('batch.selected', 3)` → "3 selected". It exists so
 * components do not each repeat `pluralMessage(t, messages, cachedIntl('PluralRules', locale).select(n), …)` with
 * `useMessages()` and `useInboxLocale()`. `values` fill the other placeholders; `{count}` is `n`.
 */
export function usePlural(): (base: PluralMessageBase, n: number, values?: Values) => string {
  const t = useMessages();
  const { locale, messages } = useInboxLocale();
  return (base, n, values) => pluralMessage(t, messages, cachedIntl('PluralRules', locale).select(n), base, { ...values, count: n });
}
