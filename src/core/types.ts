/** Opaque conversation id, exactly as the backend spells it (`C2Calice`, `GROUPdev`, `si_a_b`, `sg_x`, ...). Never build one by hand. */
export type ConversationId = string;

/** Every conversation kind. */
export const CONVERSATION_KINDS = ['direct', 'group', 'system'] as const;

/** `direct` is a one-to-one chat, `group` a group chat, `system` a notice stream (Tencent `@TIM#SYSTEM`, OpenIM `sn_`). */
export type ConversationKind = (typeof CONVERSATION_KINDS)[number];

/**
 * How the user receives a conversation.
 * - `none`: receive and notify.
 * - `silent`: receive without notifications (Tencent `AcceptNotNotify`, OpenIM `recvMsgOpt` 2).
 * - `silentExceptMention`: silent except @-mentions (Tencent only).
 * - `blocked`: do not receive (Tencent `Discard`, OpenIM `recvMsgOpt` 1).
 */
export type MuteMode = (typeof MUTE_MODES)[number];

/** Every mute mode. */
export const MUTE_MODES = ['none', 'silent', 'silentExceptMention', 'blocked'] as const;

/** Kind of an unread @-mention. `allAndMe` is one message that mentions everyone and the user. */
export type MentionKind = (typeof MENTION_KINDS)[number];

/** Every kind of @-mention. */
export const MENTION_KINDS = ['me', 'all', 'allAndMe', 'announcement'] as const;

/** Flags a backend may keep on a conversation (Tencent `markList`, OpenIM `isMarked`). */
export type ConversationMark = (typeof CONVERSATION_MARKS)[number];

/** Every mark. */
export const CONVERSATION_MARKS = ['star', 'unread', 'fold', 'hide'] as const;

export interface Mention {
  kind: MentionKind;
  messageId?: string;
}

/**
 * What a last message is, for the row to say in the user's language: `text` shows `preview` itself; the others
 * show a localised label (`[Image]`, `[图片]`, ...) followed by `detail` when there is one (a file name, a card's
 * name, a place). Adapters never put English labels in `preview`.
 */
export const PREVIEW_KINDS = [
  'text',
  'image',
  'voice',
  'video',
  'file',
  'card',
  'location',
  'custom',
  'sticker',
  'chatHistory',
  'revoked',
  'friendAdded',
  'privateChatChanged',
  'groupNotice',
  'unsupported',
] as const;

export type PreviewKind = (typeof PREVIEW_KINDS)[number];

export interface LastMessage {
  id?: string;
  senderId?: string;
  senderName?: string;
  /**
   * The message's own text (for `text`, and for kinds that carry one, such as a custom message's description).
   * Rendered as text, never as HTML. Empty when the message has no text of its own.
   */
  preview: string;
  /** What the message is; absent means `text`. */
  kind?: PreviewKind;
  /** A detail shown after the kind's label: a file name, a card's name, a place's description. */
  detail?: string;
  /** Milliseconds since the epoch. */
  sentAt: number;
  isRevoked?: boolean;
}

export interface Draft {
  text: string;
  /** Milliseconds since the epoch. */
  updatedAt: number;
}

/** The neutral conversation: one shape for every backend. Objects are immutable; a change is a new object. */
export interface Conversation {
  id: ConversationId;
  kind: ConversationKind;
  peerUserId?: string;
  groupId?: string;
  groupType?: string;
  /** Display name, already resolved by the adapter (remark > nickname > id). Rendered as text. */
  title: string;
  /** Only `https:`, `http:`, `blob:` and `data:image/` URLs are rendered (see `safeAvatarUrl`). */
  avatarUrl?: string;
  unreadCount: number;
  muteMode: MuteMode;
  lastMessage?: LastMessage;
  /** Milliseconds since the epoch; the time of the last message, 0 when there is none. */
  lastActivityAt: number;
  mentions: readonly Mention[];
  draft?: Draft;
  isPinned: boolean;
  /** Names of the conversation groups ("folders") it belongs to. */
  groupNames: readonly string[];
  /**
   * Backend marks; absent means none. `hide` takes the conversation out of every list and count; `fold` collapses it
   * into the list's one "Folded" row (see `ListIndex.folded`); `unread` shows it as unread; `star` flags it.
   */
  marks?: readonly ConversationMark[];
  /** The user is no longer a member (left or dismissed group): render read-only. */
  isReadOnly?: boolean;
  /** OpenIM private chat ("burn after reading"), with its duration in seconds. */
  privateChat?: { enabled: boolean; burnDurationSec?: number };
  customData?: string;
  /** The backend's original object, as an escape hatch. Never compared or rendered. */
  raw?: unknown;
}

/** A conversation group ("folder") as a backend reports it. */
export interface ConversationGroup {
  name: string;
  conversationIds: readonly ConversationId[];
  /** The group's unread total as the backend counts it (OpenIM native groups), when it does. */
  unreadCount?: number;
}

/** A group as the UI shows it. */
export interface GroupSummary {
  name: string;
  /** Conversations of the group the store holds (hidden ones left out). */
  conversationCount: number;
  /**
   * Unread messages in the group under the adapter's unread rule: the backend's own count when it reports one and
   * the store has not loaded every conversation, else the store's count (hidden conversations left out).
   */
  unreadCount: number;
  /** The store has not loaded every conversation and the backend gives no count of its own: there may be more. */
  isPartial?: boolean;
}

/** Per-id outcome of a batch command. */
export interface OperationResult {
  succeeded: ConversationId[];
  /** `code` is an `InboxErrorCode` where one fits, else the backend's code as a string; `sdkCode` is the backend's number. */
  failed: { id: ConversationId; code: string; message: string; sdkCode?: number }[];
}

/**
 * What a store command did to each id. `undone`: ids whose change was undone before it was sent to the backend
 * (nothing was sent for them).
 */
export interface CommandResult extends OperationResult {
  undone?: ConversationId[];
}

/** Target of `openConversation`: a user (direct chat) or a group (group chat). */
export interface ConversationTarget {
  kind: 'direct' | 'group';
  targetId: string;
}
