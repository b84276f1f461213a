'use client';
import { useStore } from 'zustand';
import { useMemo } from 'react';
import type { AdapterCapabilities } from '../core/adapter.js';
import type { SyncState } from '../core/selectors.js';
import type { InboxStore } from '../core/store.js';
import { useInboxStore } from './context.js';

/** Load and sync status (`loading`, `syncing`, `ready`, `error`), the last error and whether more pages exist. */
export function useSyncState(store?: InboxStore): SyncState {
  const resolved = useInboxStore(store, 'useSyncState');
  const status = useStore(resolved, (s) => s.status);
  const error = useStore(resolved, (s) => s.error);
  const hasMore = useStore(resolved, (s) => s.hasMore);
  return useMemo(() => (error ? { status, error, hasMore } : { status, hasMore }), [status, error, hasMore]);
}

/** What the backend can do, to hide what it cannot. */
export function useCapabilities(store?: InboxStore): AdapterCapabilities {
  const resolved = useInboxStore(store, 'useCapabilities');
  return useStore(resolved, (s) => s.capabilities);
}
