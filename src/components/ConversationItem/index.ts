'use client';
export { ConversationItem } from './ConversationItem.js';
export type { ConversationItemComponents, ConversationItemProps } from './ConversationItem.js';
export { ConversationItemRoot } from './ConversationItemRoot.js';
export type { ConversationItemRootProps } from './ConversationItemRoot.js';
export { ConversationItemAvatar } from './ConversationItemAvatar.js';
export type { AvatarImageStatus, ConversationItemAvatarProps, ConversationItemAvatarRenderProps } from './ConversationItemAvatar.js';
export { ConversationItemPreview, ConversationItemTime, ConversationItemTitle } from './ConversationItemText.js';
export type {
  ConversationItemPreviewProps,
  ConversationItemPreviewRenderProps,
  ConversationItemTimeProps,
  ConversationItemTimeRenderProps,
  ConversationItemTitleProps,
} from './ConversationItemText.js';
export {
  ConversationItemMuteIndicator,
  ConversationItemPendingIndicator,
  ConversationItemPinIndicator,
  ConversationItemUnreadBadge,
} from './ConversationItemIndicators.js';
export type {
  ConversationItemMuteIndicatorProps,
  ConversationItemMuteIndicatorRenderProps,
  ConversationItemPendingIndicatorProps,
  ConversationItemPinIndicatorProps,
  ConversationItemUnreadBadgeProps,
  ConversationItemUnreadBadgeRenderProps,
} from './ConversationItemIndicators.js';
export { ConversationItemFailureNotice } from './ConversationItemFailureNotice.js';
export type { ConversationItemFailureNoticeProps, ConversationItemFailureNoticeRenderProps } from './ConversationItemFailureNotice.js';
export { useConversationItemState } from './context.js';
export type { ConversationItemRenderProps } from './context.js';
export { conversationItemMessages } from './messages.js';
export type { ConversationItemMessageId } from './messages.js';
export { formatConversationTime } from '../internal/formatTime.js';
export type { TimeRange } from '../internal/formatTime.js';
export { getInitials, avatarColorIndex } from '../internal/initials.js';
