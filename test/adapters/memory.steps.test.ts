// Work in steps (src/adapters/memory/steps.ts): run at once, or spread over idle time.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { finish, runWhenIdle, type Steps } from '../../src/adapters/memory/steps.js';

function* countTo(n: number, log: number[]): Steps<string> {
  for (let i = 1; i <= n; i++) {
    log.push(i);
    yield;
  }
  return `counted to ${n}`;
}

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('finish', () => {
  it('runs every step now and returns the result', () => {
    const log: number[] = [];
    expect(finish(countTo(5, log))).toBe('counted to 5');
    expect(log).toEqual([1, 2, 3, 4, 5]);
  });
});

describe('runWhenIdle', () => {
  it('runs at least one step per idle callback and more while the callback says time remains', () => {
    const callbacks: ((deadline: { timeRemaining(): number }) => void)[] = [];
    vi.stubGlobal('requestIdleCallback', (run: (deadline: { timeRemaining(): number }) => void, options: { timeout: number }) => {
      expect(options.timeout).toBeGreaterThan(0);
      callbacks.push(run);
      return callbacks.length;
    });
    vi.stubGlobal('cancelIdleCallback', () => expect.unreachable());
    const log: number[] = [];
    const steps = countTo(6, log);
    let done = false;
    runWhenIdle(() => (done = steps.next().done === true), () => expect.unreachable());
    expect(log).toEqual([]);
    // A busy page: no time remains, one step.
    callbacks.shift()!({ timeRemaining: () => 0 });
    expect(log).toEqual([1]);
    // Time for three steps.
    let left = 3;
    callbacks.shift()!({ timeRemaining: () => (left-- > 0 ? 5 : 0) });
    expect(log).toEqual([1, 2, 3, 4, 5]);
    // Time for the rest: the last count, then the step that finds the work done.
    callbacks.shift()!({ timeRemaining: () => 50 });
    expect(log).toEqual([1, 2, 3, 4, 5, 6]);
    expect(done).toBe(true);
    expect(callbacks).toEqual([]);
  });

  it('stops when told to, between two callbacks', () => {
    const pending = new Map<number, () => void>();
    let next = 0;
    vi.stubGlobal('requestIdleCallback', (run: (deadline: { timeRemaining(): number }) => void) => {
      pending.set(++next, () => run({ timeRemaining: () => 0 }));
      return next;
    });
    vi.stubGlobal('cancelIdleCallback', (handle: number) => pending.delete(handle));
    let steps = 0;
    const stop = runWhenIdle(() => ++steps === 10, () => expect.unreachable());
    pending.get(1)!();
    pending.delete(1);
    expect(steps).toBe(1);
    stop();
    expect(pending.size).toBe(0);
  });

  it('uses timers where there is no idle callback, and hands a failing step to onError once', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('requestIdleCallback', undefined);
    let calls = 0;
    const errors: unknown[] = [];
    runWhenIdle(() => {
      calls++;
      if (calls === 2) throw new Error('bad seed');
      return false;
    }, (error) => errors.push(error));
    expect(calls).toBe(0);
    await vi.runAllTimersAsync();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('bad seed')]);
  });
});
