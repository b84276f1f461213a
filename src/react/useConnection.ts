'use client';
import { useEffect, useLayoutEffect, useReducer, useRef } from 'react';
import { flushSync } from 'react-dom';
import type { InboxStore } from '../core/store.js';

/**
 * Connects `store` while the component is mounted, and disconnects it on unmount.
 *
 * It connects during the commit (a layout effect), so that loading starts before the browser paints. The kit's hooks
 * subscribe to the store in passive effects, which React 19 runs only after the browser had a chance to paint: a
 * backend that answers at once (the memory one, a cache) would have its first rows painted a frame late, after a frame
 * of loading skeleton. So until those effects have run, a change of the store makes React render at once, in a
 * microtask before the paint (`flushSync`, which runs the pending effects first): the first rows are in the first
 * painted frame. A backend that answers later finds the hooks subscribed, and nothing is forced.
 */
export function useConnection(store: InboxStore): void {
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  // Stops the early watch; set while the hooks' own subscriptions may not be in place yet.
  const stopEarlyWatch = useRef<(() => void) | null>(null);

  useLayoutEffect(() => {
    // connect() never rejects: failures show as the error state and reach onError.
    void store.connect();
    // The first change ends the watch (a store's unsubscribe may be called again: it removes nothing twice).
    const stopWatch = store.subscribe(() => {
      stopWatch();
      // Never inside React's own render or commit (a command run from a layout effect, say): in a microtask.
      queueMicrotask(() => flushSync(rerender));
    });
    stopEarlyWatch.current = stopWatch;
    return () => {
      stopWatch();
      store.disconnect();
    };
  }, [store]);

  useEffect(() => {
    // The hooks below subscribed in this same pass of effects (children's run first).
    stopEarlyWatch.current?.();
  }, [store]);
}
