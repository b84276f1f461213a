'use client';
import { createContext, useContext } from 'react';
import type { ConversationFailure, InboxStore } from '../../core/store.js';
import type { Conversation, ConversationId, ConversationKind } from '../../core/types.js';

/**
 * The state of one row, given to `className`, `style` and `children` functions of every part. Each flag is also
 * written on the root (and on the parts it concerns) as a present/absent data attribute.
 */
export interface ConversationItemRenderProps {
  /** The conversation id the row shows. */
  id: ConversationId;
  /** The conversation, or `undefined` while it is not (or no longer) in the store. @selector [data-missing] */
  conversation: Conversation | undefined;
  /** The row is the list's selection. @selector [data-selected] */
  isSelected: boolean;
  /** The row is the list's focused row (its active descendant while the list has focus). @selector [data-focused] */
  isFocused: boolean;
  /** The row is focused and focus came from the keyboard, so a focus ring should show. @selector [data-focus-visible] */
  isFocusVisible: boolean;
  /** @selector [data-pinned] */
  isPinned: boolean;
  /** Any mute mode other than `none`. @selector [data-muted] */
  isMuted: boolean;
  /** Unread messages, or marked unread. @selector [data-unread] */
  isUnread: boolean;
  /** An unread @-mention (of the user, of everyone, or an announcement). @selector [data-mentioned] */
  isMentioned: boolean;
  /** A non-empty draft. @selector [data-has-draft] */
  hasDraft: boolean;
  /** A command on the conversation is in flight; its optimistic change is shown. @selector [data-pending] */
  isPending: boolean;
  /** The last command on the conversation failed and was rolled back. @selector [data-failed] */
  isFailed: boolean;
  /** The user is no longer a member (left or dismissed group). @selector [data-readonly] */
  isReadOnly: boolean;
  /** @selector [data-kind="direct" | "group" | "system"] */
  kind: ConversationKind | undefined;
  /** The failure shown on the row, with the error's message. */
  failure: ConversationFailure | undefined;
}

export interface ConversationItemContextValue {
  state: ConversationItemRenderProps;
  /** Reference time for relative dates, when injected. */
  now: number | undefined;
  store: InboxStore | undefined;
}

export const ConversationItemContext = createContext<ConversationItemContextValue | null>(null);

/** The context of the enclosing `ConversationItem.Root`; throws, naming the part, outside one. */
export function useConversationItemContext(consumer: string): ConversationItemContextValue {
  const value = useContext(ConversationItemContext);
  if (!value) throw new Error(`[inboxkit] ${consumer} must be used within <ConversationItem.Root> (or <ConversationItem>).`);
  return value;
}

/**
 * The render state of the enclosing row, for custom parts passed through `components` or children:
 * `const { conversation, isSelected } = useConversationItemState()`.
 */
export function useConversationItemState(): ConversationItemRenderProps {
  return useConversationItemContext('useConversationItemState').state;
}
