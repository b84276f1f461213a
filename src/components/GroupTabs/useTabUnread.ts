'use client';
import { useStore } from 'zustand';
import { useCallback } from 'react';
import { selectUnreadIsPartial, selectUnreadTotal } from '../../core/selectors.js';
import type { InboxState } from '../../core/store.js';
import { useInboxStore } from '../../react/context.js';

/** A tab's unread count, and whether it may be short. */
export interface TabUnread {
  count: number;
  /** Not every conversation is loaded and the backend gave no count of its own: there may be more (shown "52+"). */
  isPartial: boolean;
}

/**
 * The unread count of a tab (`null`: All) as the badge shows it. All shows the backend's own total while pages remain
 * (`selectUnreadTotal`); a group's count is partial while the store has not loaded every conversation and the backend
 * counts no unread per group, and the tab says so rather than show a number that may be short as if it were exact.
 * Two primitives from the store, so a tab re-renders only when its own count or flag changes.
 */
export function useTabUnread(name: string | null): TabUnread {
  const store = useInboxStore(undefined, 'GroupTabs');
  const group = name ?? undefined;
  const count = useStore(store, useCallback((state: InboxState) => selectUnreadTotal(state, group), [group]));
  const isPartial = useStore(store, useCallback((state: InboxState) => selectUnreadIsPartial(state, group), [group]));
  return { count, isPartial };
}
