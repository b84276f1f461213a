'use client';
import { useMemo } from 'react';
import type { InboxActions, InboxStore } from '../core/store.js';
import { useInboxStore } from './context.js';

export type ConversationActionCommands = Pick<
  InboxActions,
  'openConversation' | 'pin' | 'setMuteMode' | 'markRead' | 'markAllRead' | 'deleteConversation' | 'setMark' | 'dismissFailure'
>;

/**
 * The conversation commands, as one object that keeps its identity for the life of the store. Each is
 * optimistic and rejects with `InboxError` after rolling back.
 */
export function useConversationActions(store?: InboxStore): ConversationActionCommands {
  const resolved = useInboxStore(store, 'useConversationActions');
  return useMemo(() => {
    const a = resolved.getState().actions;
    return {
      openConversation: a.openConversation,
      pin: a.pin,
      setMuteMode: a.setMuteMode,
      markRead: a.markRead,
      markAllRead: a.markAllRead,
      deleteConversation: a.deleteConversation,
      setMark: a.setMark,
      dismissFailure: a.dismissFailure,
    };
  }, [resolved]);
}
