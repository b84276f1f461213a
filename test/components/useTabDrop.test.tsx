import { act, renderHook } from '@testing-library/react';
import type { DragEvent } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { CONVERSATION_DRAG_TYPE, useTabDrop } from '../../src/components/GroupTabs/useTabDrop.js';
import type { OperationResult } from '../../src/core/types.js';

/** A drag event as React hands it to a handler, carrying `types` and, for a drop, a conversation id. */
function dragEvent(types: string[], id = '') {
  const event = {
    dataTransfer: { types, dropEffect: 'none', getData: (type: string) => (type === CONVERSATION_DRAG_TYPE ? id : '') },
    preventDefault: vi.fn(),
  };
  return event as typeof event & DragEvent<HTMLElement>;
}

const succeeded = (): Promise<OperationResult> => Promise.resolve({ succeeded: ['C2Calice'], failed: [] });

function setup(addToGroup = vi.fn(succeeded), isEnabled = true) {
  const { result, rerender } = renderHook(({ enabled }) => useTabDrop(addToGroup, enabled), { initialProps: { enabled: isEnabled } });
  return { result, rerender, addToGroup };
}

describe('useTabDrop', () => {
  it('accepts a dragged conversation over a group tab and marks that tab', () => {
    const { result } = setup();
    const over = dragEvent([CONVERSATION_DRAG_TYPE]);
    act(() => result.current.dropHandlers('Work').onDragOver!(over));
    expect(over.preventDefault).toHaveBeenCalled();
    expect(over.dataTransfer.dropEffect).toBe('copy');
    expect(result.current.dropTarget).toBe('Work');
    // Leaving another tab does not unmark this one; leaving this one does.
    act(() => result.current.dropHandlers('Family').onDragLeave!(dragEvent([CONVERSATION_DRAG_TYPE])));
    expect(result.current.dropTarget).toBe('Work');
    act(() => result.current.dropHandlers('Work').onDragLeave!(dragEvent([CONVERSATION_DRAG_TYPE])));
    expect(result.current.dropTarget).toBeNull();
  });

  it('refuses other drags (files, text), so the browser shows "no drop"', () => {
    const { result } = setup();
    const over = dragEvent(['Files', 'text/plain']);
    act(() => result.current.dropHandlers('Work').onDragOver!(over));
    expect(over.preventDefault).not.toHaveBeenCalled();
    expect(result.current.dropTarget).toBeNull();
  });

  it('adds the dropped conversation to the group', async () => {
    const { result, addToGroup } = setup();
    act(() => result.current.dropHandlers('Work').onDragOver!(dragEvent([CONVERSATION_DRAG_TYPE])));
    const drop = dragEvent([CONVERSATION_DRAG_TYPE], 'C2Calice');
    await act(async () => result.current.dropHandlers('Work').onDrop!(drop));
    expect(drop.preventDefault).toHaveBeenCalled();
    expect(addToGroup).toHaveBeenCalledWith('Work', ['C2Calice']);
    expect(result.current.dropTarget).toBeNull();
    expect(result.current.dropFailure).toBeNull();
  });

  it("keeps a failed add's reason, per id or rejected, until dismissed", async () => {
    const perId = setup(vi.fn(() => Promise.resolve({ succeeded: [], failed: [{ id: 'C2Calice', code: 'GROUP_FULL', message: 'The group is full' }] })));
    await act(async () => perId.result.current.dropHandlers('Work').onDrop!(dragEvent([CONVERSATION_DRAG_TYPE], 'C2Calice')));
    expect(perId.result.current.dropFailure).toBe('The group is full');
    act(() => perId.result.current.dismissDropFailure());
    expect(perId.result.current.dropFailure).toBeNull();

    const rejected = setup(vi.fn(() => Promise.reject(new Error('Network down'))));
    await act(async () => rejected.result.current.dropHandlers('Work').onDrop!(dragEvent([CONVERSATION_DRAG_TYPE], 'C2Calice')));
    expect(rejected.result.current.dropFailure).toBe('Network down');
  });

  it('has no drop on All, which is no group, nor while editing is off', () => {
    const { result, rerender } = setup();
    expect(result.current.dropHandlers(null)).toEqual({});
    act(() => result.current.dropHandlers('Work').onDragOver!(dragEvent([CONVERSATION_DRAG_TYPE])));
    rerender({ enabled: false });
    expect(result.current.dropHandlers('Work')).toEqual({});
    // A drag that was over a tab when editing was turned off no longer marks it.
    expect(result.current.dropTarget).toBeNull();
  });
});
