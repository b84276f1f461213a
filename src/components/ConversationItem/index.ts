'use client';
export { ConversationItem } from './ConversationItem.js';
export type { ConversationItemComponents, ConversationItemProps } from './ConversationItem.js';
export { ConversationItemRoot } from './ConversationItem.js';
export type { ConversationItemRootProps } from './ConversationItem.js';
export {
  ConversationItemAvatar,
  ConversationItemFailureNotice,
  ConversationItemMuteIndicator,
  ConversationItemPendingIndicator,
  ConversationItemPinIndicator,
  ConversationItemPreview,
  ConversationItemPrivateChatIndicator,
  ConversationItemStarIndicator,
  ConversationItemTime,
  ConversationItemTitle,
  ConversationItemUnreadBadge,
} from './ConversationItem.js';
export type {
  AvatarImageStatus,
  ConversationItemAvatarProps,
  ConversationItemAvatarRenderProps,
  ConversationItemFailureNoticeProps,
  ConversationItemFailureNoticeRenderProps,
  ConversationItemMuteIndicatorProps,
  ConversationItemMuteIndicatorRenderProps,
  ConversationItemPendingIndicatorProps,
  ConversationItemPinIndicatorProps,
  ConversationItemPreviewProps,
  ConversationItemPreviewRenderProps,
  ConversationItemPrivateChatIndicatorProps,
  ConversationItemPrivateChatIndicatorRenderProps,
  ConversationItemStarIndicatorProps,
  ConversationItemTimeProps,
  ConversationItemTimeRenderProps,
  ConversationItemTitleProps,
  ConversationItemUnreadBadgeProps,
  ConversationItemUnreadBadgeRenderProps,
} from './ConversationItem.js';
export { useConversationItemState } from './ConversationItem.js';
export type { ConversationItemRenderProps } from './ConversationItem.js';
export type { ConversationItemMessageId } from '../internal/i18n.js';
export { formatConversationTime } from '../internal/formatTime.js';
export type { TimeRange } from '../internal/formatTime.js';
export { getInitials, avatarColorIndex } from '../internal/initials.js';
