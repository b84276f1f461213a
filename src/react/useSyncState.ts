'use client';
import type { AdapterCapabilities } from '../core/adapter.js';
import { selectSyncState, type SyncState } from '../core/selectors.js';
import type { InboxStore } from '../core/store.js';
import { useInboxStore } from './context.js';
import { useInboxSelector } from './useInboxSelector.js';

/** Load and sync status (`loading`, `syncing`, `ready`, `error`), the last error and whether more pages exist. */
export function useSyncState(store?: InboxStore): SyncState {
  const resolved = useInboxStore(store, 'useSyncState');
  return useInboxSelector(resolved, selectSyncState);
}

/** What the backend can do, to hide what it cannot. */
export function useCapabilities(store?: InboxStore): AdapterCapabilities {
  const resolved = useInboxStore(store, 'useCapabilities');
  return useInboxSelector(resolved, (s) => s.capabilities);
}
