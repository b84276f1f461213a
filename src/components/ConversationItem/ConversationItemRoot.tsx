'use client';
import { forwardRef, useMemo } from 'react';
import type { InboxStore } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useConversation, useConversationStatus } from '../../react/useConversation.js';
import { renderChildren, type PartProps } from '../internal/parts.js';
import { dataFlag, resolveStyleProps } from '../internal/renderProps.js';
import { ConversationItemContext, type ConversationItemContextValue, type ConversationItemRenderProps } from './context.js';

export interface ConversationItemRootProps extends Omit<PartProps<HTMLDivElement, ConversationItemRenderProps>, 'id'> {
  /** The conversation to show. The row subscribes to this conversation only. */
  id: ConversationId;
  /** Whether the row is the selection (`ConversationList` sets it). @default false */
  isSelected?: boolean;
  /** Whether the row is the list's focused row. @default false */
  isFocused?: boolean;
  /** Whether the row is focused from the keyboard. @default false */
  isFocusVisible?: boolean;
  /** Reference time in ms for `Time` ("today", "this week"...). @default the current time, refreshed every minute */
  now?: number;
  /** A store to read instead of the provider's. */
  store?: InboxStore;
}

/**
 * The row's root: reads the conversation and its command status, provides them to the parts, and writes the
 * state as data attributes (`data-selected`, `data-pinned`, `data-unread`, `data-pending`, ...).
 * Default class `ik-ConversationItem`.
 */
export const ConversationItemRoot = forwardRef<HTMLDivElement, ConversationItemRootProps>(function ConversationItemRoot(
  { id, isSelected = false, isFocused = false, isFocusVisible = false, now, store, className, style, children, ...rest },
  ref,
) {
  const conversation = useConversation(id, store);
  const { isPending, failure } = useConversationStatus(id, store);

  const state = useMemo<ConversationItemRenderProps>(
    () => ({
      id,
      conversation,
      isSelected,
      isFocused,
      isFocusVisible: isFocused && isFocusVisible,
      isPinned: conversation?.isPinned ?? false,
      isMuted: conversation !== undefined && conversation.muteMode !== 'none',
      isUnread: conversation !== undefined && (conversation.unreadCount > 0 || conversation.marks?.includes('unread') === true),
      isMentioned: (conversation?.mentions.length ?? 0) > 0,
      hasDraft: Boolean(conversation?.draft?.text),
      isPending,
      isFailed: failure !== undefined,
      isReadOnly: conversation?.isReadOnly ?? false,
      kind: conversation?.kind,
      failure,
    }),
    [id, conversation, isSelected, isFocused, isFocusVisible, isPending, failure],
  );
  const context = useMemo<ConversationItemContextValue>(() => ({ state, now, store }), [state, now, store]);
  const resolved = resolveStyleProps('ik-ConversationItem', { className, style }, state);

  return (
    <ConversationItemContext.Provider value={context}>
      <div
        {...rest}
        ref={ref}
        className={resolved.className}
        style={resolved.style}
        aria-busy={isPending || undefined}
        data-kind={state.kind}
        data-missing={dataFlag(!conversation)}
        data-selected={dataFlag(state.isSelected)}
        data-focused={dataFlag(state.isFocused)}
        data-focus-visible={dataFlag(state.isFocusVisible)}
        data-pinned={dataFlag(state.isPinned)}
        data-muted={dataFlag(state.isMuted)}
        data-unread={dataFlag(state.isUnread)}
        data-mentioned={dataFlag(state.isMentioned)}
        data-has-draft={dataFlag(state.hasDraft)}
        data-pending={dataFlag(state.isPending)}
        data-failed={dataFlag(state.isFailed)}
        data-readonly={dataFlag(state.isReadOnly)}
      >
        {renderChildren(children, state, null)}
      </div>
    </ConversationItemContext.Provider>
  );
});
