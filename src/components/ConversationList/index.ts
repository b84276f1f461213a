'use client';
export { ConversationList } from './ConversationList.js';
export type {
  ConversationListFilter,
  ConversationListItemActionsDetails,
  ConversationListProps,
  ConversationListRenderProps,
  ConversationListVirtualizerOptions,
} from './ConversationList.js';
export type { ConversationListItemState } from './ConversationListRow.js';
export { conversationListMessages } from './messages.js';
export { useInConversationListRow } from '../internal/gridContext.js';
export type { ConversationListMessageId } from './messages.js';
