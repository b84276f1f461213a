/**
 * A listener that threw is reported where a developer will see it (the platform's `reportError`, which fires the
 * window's `error` event, else `console.error`) and the other listeners still run. The kit's one policy for every
 * event source: never swallow silently, never let one listener break the rest or the change that emitted.
 */
export function reportListenerError(error: unknown): void {
  const report = (globalThis as { reportError?: (error: unknown) => void }).reportError;
  if (typeof report === 'function') report(error);
  else console.error('[inboxkit] a listener threw:', error);
}

export interface Emitter<Args extends unknown[]> {
  /** Adds a listener; returns the function that removes it (safe to call twice). */
  on(listener: (...args: Args) => void): () => void;
  /** Calls every listener registered when the emit started, in order. */
  emit(...args: Args): void;
  readonly size: number;
}

/** The one event emitter of the package (store errors, adapters' events). */
export function createEmitter<Args extends unknown[]>(): Emitter<Args> {
  const listeners = new Set<(...args: Args) => void>();
  return {
    on(listener) {
      // A Set would merge the same function added twice; a wrapper keeps each registration its own.
      const entry = (...args: Args) => listener(...args);
      listeners.add(entry);
      return () => {
        listeners.delete(entry);
      };
    },
    emit(...args) {
      for (const listener of [...listeners]) {
        try {
          listener(...args);
        } catch (error) {
          reportListenerError(error);
        }
      }
    },
    get size() {
      return listeners.size;
    },
  };
}
