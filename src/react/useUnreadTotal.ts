'use client';
import { useStore } from 'zustand';
import { useCallback } from 'react';
import { selectUnreadTotal } from '../core/selectors.js';
import type { InboxState, InboxStore } from '../core/store.js';
import { useInboxStore } from './context.js';

/** Total unread under the adapter's rule (muted conversations excluded as the backend does), for all or one group. */
export function useUnreadTotal(groupName?: string, store?: InboxStore): number {
  const resolved = useInboxStore(store, 'useUnreadTotal');
  return useStore(resolved, useCallback((state: InboxState) => selectUnreadTotal(state, groupName), [groupName]));
}
