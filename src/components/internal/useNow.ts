'use client';
import { useSyncExternalStore } from 'react';

// One shared minute clock for every row, so "today" turns into a weekday after midnight without a timer per row.
let current = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    current = minuteNow();
    timer = setInterval(() => {
      current = minuteNow();
      for (const notify of listeners) notify();
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// Whole minutes, so two reads in one render agree (useSyncExternalStore requires a stable snapshot).
function minuteNow(): number {
  return Math.floor(Date.now() / 60_000) * 60_000;
}

function getSnapshot(): number {
  return timer ? current : minuteNow();
}

// Rendering on the server and hydrating must agree; 0 renders no relative time until the client clock is read.
function getServerSnapshot(): number {
  return 0;
}

/** The current time in ms, refreshed every minute; `fixed` (tests, stories, server) wins when given. */
export function useNow(fixed?: number): number {
  const live = useSyncExternalStore(fixed === undefined ? subscribe : noopSubscribe, getSnapshot, getServerSnapshot);
  return fixed ?? live;
}

function noopSubscribe(): () => void {
  return () => {};
}
