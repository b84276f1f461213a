'use client';
import { useStore } from 'zustand';
import { useCallback } from 'react';
import type { ConversationFailure, InboxState, InboxStore } from '../core/store.js';
import type { Conversation, ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';

/** One conversation; the same object while it is unchanged, so a memoized row re-renders only for its own changes. */
export function useConversation(id: ConversationId, store?: InboxStore): Conversation | undefined {
  const resolved = useInboxStore(store, 'useConversation');
  const select = useCallback((state: InboxState) => state.conversations.get(id), [id]);
  return useStore(resolved, select);
}

export interface ConversationStatus {
  /** A command on this conversation is in flight (its optimistic change is shown). */
  isPending: boolean;
  /** The last failed command, until a later one succeeds or `dismissFailure(id)` is called. */
  failure: ConversationFailure | undefined;
}

/** Whether an optimistic command on a conversation is in flight, and its last failure. */
export function useConversationStatus(id: ConversationId, store?: InboxStore): ConversationStatus {
  const resolved = useInboxStore(store, 'useConversationStatus');
  const isPending = useStore(resolved, useCallback((s: InboxState) => (s.pending.get(id) ?? 0) > 0, [id]));
  const failure = useStore(resolved, useCallback((s: InboxState) => s.failures.get(id), [id]));
  return { isPending, failure };
}
