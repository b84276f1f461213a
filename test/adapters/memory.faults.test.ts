// Fault injection and latency alone (src/adapters/memory/faults.ts): the gate every adapter method runs through.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { InboxError } from '../../src/core/errors.js';
import { createCallGate, MEMORY_OPERATIONS } from '../../src/adapters/memory/faults.js';
import { rejectionOf } from '../utils/rejection.js';

afterEach(() => {
  vi.useRealTimers();
});

const ok = () => undefined;

describe('createCallGate', () => {
  it('runs the body after the arguments check, and resolves with what it returns', async () => {
    const gate = createCallGate(0);
    const order: string[] = [];
    const result = await gate.run(
      'pin',
      () => order.push('validate'),
      () => {
        order.push('body');
        return 42;
      },
    );
    expect(result).toBe(42);
    expect(order).toEqual(['validate', 'body']);
  });

  it('rejects a call whose arguments are bad as an InboxError, without running the body or using up a failure', async () => {
    const gate = createCallGate(0);
    gate.failNext('pin');
    const body = vi.fn();
    const error = await rejectionOf(
      gate.run(
        'pin',
        () => {
          throw new TypeError('bad id');
        },
        body,
      ),
    );
    expect(error.message).toContain('bad id');
    expect(body).not.toHaveBeenCalled();
    expect((await rejectionOf(gate.run('pin', ok, body))).code).toBe('ADAPTER_FAILED');
    expect(body).not.toHaveBeenCalled();
  });

  it('fails the next calls of one operation only, in the order failures were queued, then lets calls through', async () => {
    const gate = createCallGate(0);
    const body = vi.fn(() => 'done');
    const first = new InboxError('TIMEOUT', 'the server did not answer');
    gate.failNext('setDraft', first, { times: 2 });
    gate.failNext('setDraft');
    expect(await gate.run('pin', ok, body)).toBe('done');
    expect(await rejectionOf(gate.run('setDraft', ok, body))).toBe(first);
    expect(await rejectionOf(gate.run('setDraft', ok, body))).toBe(first);
    const injected = await rejectionOf(gate.run('setDraft', ok, body));
    expect(injected).toMatchObject({ code: 'ADAPTER_FAILED', message: 'Injected failure of setDraft.' });
    expect(await gate.run('setDraft', ok, body)).toBe('done');
    expect(body).toHaveBeenCalledTimes(2);
  });

  it('turns a foreign error given to failNext into an InboxError', async () => {
    const gate = createCallGate(0);
    gate.failNext('markRead', new Error('boom') as InboxError);
    const error = await rejectionOf(gate.run('markRead', ok, ok));
    expect(error.message).toContain('boom');
  });

  it('refuses an unknown operation and a bad count of failures', () => {
    const gate = createCallGate(0);
    expect(() => gate.failNext('explode' as 'pin')).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    for (const times of [0, -1, 1.5, Number.NaN]) {
      expect(() => gate.failNext('pin', undefined, { times })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });

  it('waits the latency before the body runs (the failure too), and changes it for later calls only', async () => {
    vi.useFakeTimers();
    const gate = createCallGate(100);
    const body = vi.fn();
    const call = gate.run('pin', ok, body);
    await vi.advanceTimersByTimeAsync(99);
    expect(body).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(body).toHaveBeenCalledOnce();
    await call;

    gate.failNext('pin');
    const failing = gate.run('pin', ok, body);
    let settled = false;
    failing.catch(() => undefined).finally(() => (settled = true));
    await vi.advanceTimersByTimeAsync(99);
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await rejectionOf(failing)).code).toBe('ADAPTER_FAILED');

    gate.setLatency(0);
    const quick = gate.run('pin', ok, body);
    await Promise.resolve();
    await quick;
    expect(body).toHaveBeenCalledTimes(2);
  });

  it('resolves on a microtask without latency, never synchronously', async () => {
    const gate = createCallGate(0);
    const body = vi.fn();
    const call = gate.run('pin', ok, body);
    expect(body).not.toHaveBeenCalled();
    await call;
    expect(body).toHaveBeenCalledOnce();
  });

  it('refuses a latency that is not a non-negative number of ms', () => {
    for (const ms of [-1, Number.NaN, Number.POSITIVE_INFINITY, '5' as unknown as number]) {
      expect(() => createCallGate(ms)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
      expect(() => createCallGate(0).setLatency(ms)).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    }
  });
});

describe('MEMORY_OPERATIONS', () => {
  it('lists each operation once and cannot be changed', () => {
    expect(new Set(MEMORY_OPERATIONS).size).toBe(MEMORY_OPERATIONS.length);
    expect(MEMORY_OPERATIONS).toContain('loadConversations');
    expect(Object.isFrozen(MEMORY_OPERATIONS)).toBe(true);
  });
});
