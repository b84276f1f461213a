import { InboxError, toInboxError } from './errors.js';

/**
 * Every backend call the store makes goes through a guard, so that none can hang the UI: a call that has not
 * settled after `timeoutMs` rejects with `TIMEOUT` (its optimistic change is then rolled back), and
 * `abortAll` settles everything still in flight at once (on disconnect). A late answer from the backend after
 * that is ignored here; the backend's own events bring the truth.
 */
export interface CallGuard {
  run<T>(operation: string, call: () => Promise<T> | T): Promise<T>;
  abortAll(error: InboxError): void;
  /** Calls still in flight. */
  readonly size: number;
}

export function createCallGuard(timeoutMs: number): CallGuard {
  const open = new Set<(error: InboxError) => void>();
  return {
    run<T>(operation: string, call: () => Promise<T> | T): Promise<T> {
      return new Promise<T>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined;
        const finish = (settle: () => void) => {
          if (!open.delete(abort)) return;
          clearTimeout(timer);
          settle();
        };
        const abort = (error: InboxError) => finish(() => reject(error));
        open.add(abort);
        if (Number.isFinite(timeoutMs)) {
          timer = setTimeout(
            () => abort(new InboxError('TIMEOUT', `${operation} did not settle within ${timeoutMs} ms; it was rolled back.`)),
            timeoutMs,
          );
        }
        let promise: Promise<T>;
        try {
          promise = Promise.resolve(call());
        } catch (cause) {
          // An adapter that throws synchronously is treated like one that rejects.
          abort(toInboxError(cause));
          return;
        }
        promise.then(
          (value) => finish(() => resolve(value)),
          // The adapter's rejection is passed on as it is; the store turns it into an InboxError.
          // eslint-disable-next-line @typescript-eslint/prefer-promise-reject-errors
          (cause: unknown) => finish(() => reject(cause)),
        );
      });
    },
    abortAll(error) {
      for (const abort of [...open]) abort(error);
    },
    get size() {
      return open.size;
    },
  };
}
