'use client';
import { useStore } from 'zustand';
import { useMemo, useState } from 'react';
import type { InboxState } from '../../core/store.js';
import type { Conversation, ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';

export interface GroupedLimit {
  /** Conversations in at least one group if the picker's choice were saved. */
  count: number;
  /** `capabilities.maxGroupedConversations`. */
  max: number;
  /** No other conversation outside every group can be chosen. */
  isReached: boolean;
  /** The choice itself is past the limit (a preselection can be): saving it would be refused. */
  isOver: boolean;
  /** Whether choosing this (unchosen) conversation would pass the limit: it is in no group yet. */
  blocks: (conversation: Conversation) => boolean;
}

/** Counted once per dialog: a pass over every conversation, which at 100,000 is too much for every change. */
function countGrouped(state: InboxState): number {
  let count = 0;
  for (const conversation of state.conversations.values()) if (conversation.groupNames.length > 0) count++;
  return count;
}

/**
 * The backend's limit on conversations that are in groups at all (`maxGroupedConversations`: Tencent's 1000), applied
 * to a picker's choice as it changes, so the limit shows before the user tries: a chosen conversation that is in no
 * group yet adds one; a member of `groupName` that leaves it and is in no other group frees one. Counts what the store
 * has loaded: the server still has the last word, and its per-id refusals are shown after a save.
 */
export function useGroupedLimit(chosen: ReadonlySet<ConversationId>, initial: readonly ConversationId[], groupName: string | null): GroupedLimit {
  const store = useInboxStore(undefined, 'GroupTabs');
  const max = useStore(store, (state) => state.capabilities.maxGroupedConversations);
  const [groupedAtOpen] = useState(() => countGrouped(store.getState()));
  const had = useMemo(() => new Set(initial), [initial]);
  const { conversations } = store.getState();
  let count = groupedAtOpen;
  for (const id of chosen) if (!had.has(id) && conversations.get(id)?.groupNames.length === 0) count++;
  for (const id of initial) {
    const names = conversations.get(id)?.groupNames;
    if (!chosen.has(id) && names?.length === 1 && names[0] === groupName) count--;
  }
  const isReached = count >= max;
  return { count, max, isReached, isOver: count > max, blocks: (conversation) => isReached && conversation.groupNames.length === 0 };
}
