import { afterEach, beforeEach } from 'vitest';

/**
 * For each test of the calling file: React schedules renders as in an app (tasks, microtasks, animation frames), and
 * nothing is flushed inside act(). For tests that count frames.
 */
export function scheduleRendersAsInAnApp(): void {
  const environment = globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean };
  let was: boolean | undefined;
  beforeEach(() => {
    was = environment.IS_REACT_ACT_ENVIRONMENT;
    environment.IS_REACT_ACT_ENVIRONMENT = false;
  });
  afterEach(() => {
    environment.IS_REACT_ACT_ENVIRONMENT = was;
  });
}
