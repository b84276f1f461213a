'use client';
import { useCallback, useRef, useSyncExternalStore } from 'react';
import type { InboxState, InboxStore } from '../core/store.js';

/**
 * Subscribes to a slice of the store. The component re-renders only when `isEqual` says the slice changed,
 * and the previous reference is returned while it is equal, so derived arrays stay stable. `watch` replaces
 * `store.subscribe` (to look at changes less often, say).
 */
export function useInboxSelector<T>(
  store: InboxStore,
  selector: (state: InboxState) => T,
  isEqual: (a: T, b: T) => boolean = Object.is,
  watch?: (store: InboxStore, onChange: () => void) => () => void,
): T {
  const cacheRef = useRef<{ state: InboxState; selector: (state: InboxState) => T; value: T } | null>(null);
  const getSnapshot = (): T => {
    const state = store.getState();
    const previous = cacheRef.current;
    if (previous && previous.state === state && previous.selector === selector) return previous.value;
    const next = selector(state);
    const value = previous && isEqual(previous.value, next) ? previous.value : next;
    cacheRef.current = { state, selector, value };
    return value;
  };
  const subscribe = useCallback((onChange: () => void) => (watch ? watch(store, onChange) : store.subscribe(onChange)), [store, watch]);
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}

/** Equality for arrays compared item by item. */
export function shallowArrayEqual<T>(a: readonly T[], b: readonly T[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
