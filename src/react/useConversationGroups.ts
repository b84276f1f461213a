'use client';
import { useStore } from 'zustand';
import { useMemo } from 'react';
import type { AdapterCapabilities } from '../core/adapter.js';
import type { InboxActions, InboxStore } from '../core/store.js';
import type { GroupSummary } from '../core/types.js';
import { useInboxStore } from './context.js';

export interface ConversationGroupsResult extends Pick<InboxActions, 'createGroup' | 'renameGroup' | 'deleteGroup' | 'addToGroup' | 'removeFromGroup'> {
  /** Groups in order with their conversation and unread counts. */
  groups: readonly GroupSummary[];
  /** Whether groups exist on this backend, and its limits (`maxGroups`, `groupNameMaxBytes`). */
  capabilities: AdapterCapabilities;
  /** Whether another group can be created (the limit is shown before the user tries). */
  canCreateGroup: boolean;
}

/** The conversation groups ("folders") and the commands that change them. */
export function useConversationGroups(store?: InboxStore): ConversationGroupsResult {
  const resolved = useInboxStore(store, 'useConversationGroups');
  const groups = useStore(resolved, (s) => s.groups);
  const capabilities = useStore(resolved, (s) => s.capabilities);
  return useMemo(() => {
    const a = resolved.getState().actions;
    return {
      groups,
      capabilities,
      canCreateGroup: capabilities.groups !== 'none' && groups.length < capabilities.maxGroups,
      createGroup: a.createGroup,
      renameGroup: a.renameGroup,
      deleteGroup: a.deleteGroup,
      addToGroup: a.addToGroup,
      removeFromGroup: a.removeFromGroup,
    };
  }, [resolved, groups, capabilities]);
}
