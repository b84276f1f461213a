'use client';
import { toIdent } from './dom.js';
import { createContext, useContext, useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';

/** A unique CSS ident starting with `prefix`, stable for the life of the component. */
export function useIdent(prefix: string): string {
  return prefix + toIdent(useId());
}

/**
 * State that a parent may own (`isControlled`) or leave to the component (`defaultValue`). `setValue` updates the
 * internal copy when uncontrolled and reports every change through `onChange`. `latest` reads the value of the
 * last render (or of the last `setValue`), for handlers that run after an `await`.
 */
export function useControllableState<T>(
  isControlled: boolean,
  value: T,
  defaultValue: T,
  onChange: ((value: T) => void) | undefined,
): [T, (next: T) => void, () => T] {
  const [internal, setInternal] = useState<T>(defaultValue);
  const current = isControlled ? value : internal;
  const latestRef = useRef(current);
  useEffect(() => {
    latestRef.current = current;
  });
  const setValue = (next: T) => {
    if (Object.is(next, latestRef.current)) return;
    latestRef.current = next;
    if (!isControlled) setInternal(next);
    onChange?.(next);
  };
  return [current, setValue, () => latestRef.current];
}

// ---- a shared minute clock ------------------------------------------------------------------------

// One clock for every row, so "today" turns into a weekday after midnight without a timer per row.
let minute = 0;
let timer: ReturnType<typeof setInterval> | undefined;
const listeners = new Set<() => void>();

// Whole minutes, so two reads in one render agree (useSyncExternalStore requires a stable snapshot).
const minuteNow = () => Math.floor(Date.now() / 60_000) * 60_000;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) {
    minute = minuteNow();
    timer = setInterval(() => {
      minute = minuteNow();
      for (const notify of listeners) notify();
    }, 60_000);
  }
  return () => {
    listeners.delete(listener);
    if (!listeners.size) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

const getSnapshot = () => (timer ? minute : minuteNow());
const noSubscription = () => () => {};

/**
 * The current time in ms, refreshed every minute; `fixed` (tests, stories, server) wins when given. On the server
 * and while hydrating it is 0, so no relative time renders until the client clock is read.
 */
export function useNow(fixed?: number): number {
  const live = useSyncExternalStore(fixed === undefined ? subscribe : noSubscription, getSnapshot, () => 0);
  return fixed ?? live;
}

// ---- rows of the conversation list ----------------------------------------------------------------

/**
 * True inside a row of `ConversationList`'s grid. Controls inside a row take `tabIndex={-1}` there: the grid is
 * one tab stop and the arrow keys move into a row's controls.
 */
export const InGridContext = createContext(false);

/**
 * Whether the component renders inside a `ConversationList` row. Controls placed in rows (through
 * `renderItem` or `itemComponents`) should then take `tabIndex={-1}`: the grid is a single tab stop, and
 * ArrowRight/ArrowLeft move between a row's controls.
 */
export function useInConversationListRow(): boolean {
  return useContext(InGridContext);
}
