'use client';
export { ConversationList } from './ConversationList.js';
export type {
  ConversationListFilter,
  ConversationListHandle,
  ConversationListItemActionsDetails,
  ConversationListProps,
  ConversationListRenderProps,
  ConversationListVirtualizerOptions,
} from './ConversationList.js';
export type { ConversationListItemState } from './ConversationListRow.js';
export { useInConversationListRow } from '../internal/hooks.js';
export type { ConversationListMessageId } from '../internal/i18n.js';
