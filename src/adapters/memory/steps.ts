/**
 * Work in steps: a generator that yields between slices of its work, so that the same code can run to its end at
 * once (`finish`, when something needs the result now) or spread over a page's idle time (`runWhenIdle`), where no
 * slice holds the main thread long enough to cost a frame. The memory backend builds its tables so at 100,000
 * conversations: about half a second of work in one piece.
 */

/** Work that yields between slices and returns its result. */
export type Steps<T> = Generator<void, T, void>;

/** Runs `steps` to their end now. */
export function finish<T>(steps: Steps<T>): T {
  for (;;) {
    const next = steps.next();
    if (next.done) return next.value;
  }
}

/** How long one run of steps may keep the main thread when the platform cannot say how idle it is. */
const SLICE_MS = 8;

interface IdleDeadline {
  timeRemaining(): number;
}

/** Schedules `run`; returns what cancels it. */
type IdleScheduler = (run: (deadline: IdleDeadline) => void) => () => void;

/**
 * The platform's idle callback where there is one (browsers), else a timer with a fixed slice (Node, jsdom). The
 * idle callback has a timeout: a page that is never idle still gets the work done.
 */
function idleScheduler(): IdleScheduler {
  const platform = globalThis as {
    requestIdleCallback?: (run: (deadline: IdleDeadline) => void, options?: { timeout: number }) => number;
    cancelIdleCallback?: (handle: number) => void;
  };
  const { requestIdleCallback: requestIdle, cancelIdleCallback: cancelIdle } = platform;
  if (typeof requestIdle === 'function' && typeof cancelIdle === 'function') {
    return (run) => {
      const handle = requestIdle(run, { timeout: 500 });
      return () => cancelIdle(handle);
    };
  }
  return (run) => {
    const timer = setTimeout(() => {
      const end = Date.now() + SLICE_MS;
      run({ timeRemaining: () => end - Date.now() });
    }, 0);
    return () => clearTimeout(timer);
  };
}

/**
 * Advances `step` (which returns true once the work is done) in idle time until it is done: at least one step per
 * callback, more while time remains. `onError` gets what a step throws; nothing runs after it. Returns what stops it.
 */
export function runWhenIdle(step: () => boolean, onError: (error: unknown) => void): () => void {
  const schedule = idleScheduler();
  let cancel: () => void;
  const run = (deadline: IdleDeadline) => {
    try {
      do {
        if (step()) return;
      } while (deadline.timeRemaining() > 1);
    } catch (error) {
      onError(error);
      return;
    }
    cancel = schedule(run);
  };
  cancel = schedule(run);
  return () => cancel();
}
