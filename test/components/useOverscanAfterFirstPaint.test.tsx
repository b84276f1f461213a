import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useOverscanAfterFirstPaint } from '../../src/components/ConversationList/useOverscanAfterFirstPaint.js';
import { overscanRendered } from '../utils/render.js';

afterEach(() => vi.restoreAllMocks());

describe('useOverscanAfterFirstPaint', () => {
  it('gives no overscan until the rows’ first frame has been painted, then the overscan asked for', async () => {
    const { result } = renderHook(() => useOverscanAfterFirstPaint(8, true, 'all'));
    expect(result.current).toBe(0);
    await overscanRendered();
    expect(result.current).toBe(8);
  });

  it('waits for rows: a list still loading its first page keeps none', async () => {
    const { result, rerender } = renderHook(({ hasRows }) => useOverscanAfterFirstPaint(8, hasRows, 'all'), { initialProps: { hasRows: false } });
    await overscanRendered();
    expect(result.current).toBe(0);
    rerender({ hasRows: true });
    expect(result.current).toBe(0);
    await overscanRendered();
    expect(result.current).toBe(8);
  });

  it('starts again from none for a new set of rows (another group, filter or query), and follows a new overscan at once', async () => {
    const { result, rerender } = renderHook(({ key, overscan }) => useOverscanAfterFirstPaint(overscan, true, key), {
      initialProps: { key: 'all', overscan: 8 },
    });
    await overscanRendered();
    rerender({ key: 'Work', overscan: 8 });
    expect(result.current).toBe(0);
    await overscanRendered();
    expect(result.current).toBe(8);
    rerender({ key: 'Work', overscan: 3 });
    expect(result.current).toBe(3);
  });

  it('cancels its frame when unmounted before it', () => {
    const frames = vi.spyOn(window, 'requestAnimationFrame');
    const cancel = vi.spyOn(window, 'cancelAnimationFrame');
    const { unmount } = renderHook(() => useOverscanAfterFirstPaint(8, true, 'all'));
    const frame = frames.mock.results[0]!.value as number;
    unmount();
    expect(cancel).toHaveBeenCalledWith(frame);
  });

  it('cancels its task when unmounted between the frame and the task', async () => {
    const { unmount } = renderHook(() => useOverscanAfterFirstPaint(8, true, 'all'));
    const timers = vi.spyOn(window, 'setTimeout');
    const clear = vi.spyOn(window, 'clearTimeout');
    // The hook's frame callback was queued first: it has queued its task when this one runs.
    await act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    const task = timers.mock.results[0]!.value as ReturnType<typeof setTimeout>;
    unmount();
    expect(clear).toHaveBeenCalledWith(task);
  });
});
