'use client';
import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * State that a parent may own (`isControlled`) or leave to the component (`defaultValue`). `setValue` updates the
 * internal copy when uncontrolled and reports every change through `onChange`. `latest` reads the value of the
 * last render, for handlers that run after an `await`.
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
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    latestRef.current = current;
    onChangeRef.current = onChange;
  });
  const setValue = useCallback(
    (next: T) => {
      if (Object.is(next, latestRef.current)) return;
      latestRef.current = next;
      if (!isControlled) setInternal(next);
      onChangeRef.current?.(next);
    },
    [isControlled],
  );
  const latest = useCallback(() => latestRef.current, []);
  return [current, setValue, latest];
}
