'use client';
import { toInboxError, type InboxError } from '../../core/errors.js';
import { failureError } from '../../core/failureError.js';
import type { OperationResult } from '../../core/types.js';
import { useState } from 'react';

export interface Command {
  isPending: boolean;
  error: InboxError | null;
  /** Runs a store command: pending while in flight; a rejection (or a per-id failure) becomes `error`. */
  run: (command: () => Promise<unknown>) => Promise<void>;
  dismiss: () => void;
  /** Shows a failure that did not come from `run` (a per-id failure after a dialog closed). */
  report: (error: InboxError) => void;
}

/**
 * Pending and failure state of the commands one control starts. The store has already rolled the optimistic change
 * back when a command rejects; this keeps the reason on screen until the next command or a dismissal.
 */
export function useCommand(onError?: (error: InboxError) => void): Command {
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<InboxError | null>(null);
  const report = (inboxError: InboxError) => {
    setError(inboxError);
    onError?.(inboxError);
  };
  const run = async (command: () => Promise<unknown>) => {
    setPending((n) => n + 1);
    setError(null);
    try {
      const failed = ((await command()) as Partial<OperationResult> | undefined)?.failed?.[0];
      // A per-id failure keeps its code (PIN_LIMIT_EXCEEDED, ...) so that the control can say what to do.
      if (failed) throw failureError(failed);
    } catch (cause) {
      report(toInboxError(cause));
    } finally {
      setPending((n) => n - 1);
    }
  };
  return { isPending: pending > 0, error, run, dismiss: () => setError(null), report };
}

/** An inline failure (`role="alert"`, announced as it appears) with a dismiss button. */
export function ErrorNotice({ className, message, dismissLabel, onDismiss }: { className: string; message: string; dismissLabel: string; onDismiss: () => void }) {
  return (
    <p role="alert" className={`${className} ik-Error`}>
      <span className="ik-Error-message">{message}</span>{' '}
      <button type="button" className="ik-Error-dismiss" aria-label={dismissLabel} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </p>
  );
}
