'use client';
import { useCallback, useEffect, useRef, useState } from 'react';
import { toInboxError, type InboxError } from '../../core/errors.js';
import type { OperationResult } from '../../core/types.js';

export interface CommandState {
  isPending: boolean;
  error: InboxError | null;
  /** Runs a store command: pending while in flight; a rejection (or a per-id failure) becomes `error`. */
  run: (command: () => Promise<unknown>) => Promise<boolean>;
  dismiss: () => void;
}

/**
 * Pending and failure state of the commands one control starts. The store has already rolled the optimistic change
 * back when a command rejects; this keeps the reason on screen until the next command or a dismissal.
 */
export function useCommand(onError?: (error: InboxError) => void): CommandState {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<InboxError | null>(null);
  const onErrorRef = useRef(onError);
  useEffect(() => {
    onErrorRef.current = onError;
  });

  const run = useCallback(async (command: () => Promise<unknown>) => {
    setPending((n) => n + 1);
    setError(null);
    try {
      const result = await command();
      const failed = isOperationResult(result) ? result.failed[0] : undefined;
      if (failed) throw toInboxError({ message: failed.message, code: Number(failed.code) || undefined });
      return true;
    } catch (cause) {
      const inboxError = toInboxError(cause);
      setError(inboxError);
      onErrorRef.current?.(inboxError);
      return false;
    } finally {
      setPending((n) => n - 1);
    }
  }, []);
  const dismiss = useCallback(() => setError(null), []);
  return { isPending: pending > 0, error, run, dismiss };
}

function isOperationResult(value: unknown): value is OperationResult {
  return typeof value === 'object' && value !== null && Array.isArray((value as OperationResult).failed);
}
