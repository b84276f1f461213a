import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useGroupEditing, type GroupEditingOptions } from '../../src/components/GroupTabs/useGroupEditing.js';

/** The hook over a plain value standing in for the active group, and commands that succeed unless replaced. */
function setup(overrides: Partial<GroupEditingOptions> = {}, initialValue: string | null = 'Work') {
  let value = initialValue;
  const options: GroupEditingOptions = {
    createGroup: vi.fn(() => Promise.resolve({ succeeded: [], failed: [] })),
    renameGroup: vi.fn(() => Promise.resolve()),
    deleteGroup: vi.fn(() => Promise.resolve()),
    addToGroup: vi.fn(() => Promise.resolve({ succeeded: [], failed: [] })),
    removeFromGroup: vi.fn(() => Promise.resolve({ succeeded: [], failed: [] })),
    membersOf: () => ['C2Calice', 'C2Cbob'],
    setValue: vi.fn((next: string | null) => {
      value = next;
    }),
    latestValue: () => value,
    isEditable: true,
    triggerRef: { current: null },
    ...overrides,
  };
  const { result } = renderHook(() => useGroupEditing(options));
  return { result, options, value: () => value };
}

describe('useGroupEditing', () => {
  it('opens a menu from its trigger, and a dialog from the menu in its place', () => {
    const { result, options } = setup();
    const tab = document.createElement('button');
    act(() => result.current.openMenu('Work', tab, 'last'));
    expect(result.current.menu).toEqual({ name: 'Work', initialFocus: 'last', fromOptionsButton: false, point: undefined });
    expect(options.triggerRef.current).toBe(tab);
    act(() => result.current.openDialog('rename', 'Work'));
    expect(result.current.menu).toBeNull();
    expect(result.current.dialog).toEqual({ kind: 'rename', name: 'Work' });
    // Focus still returns to the tab that opened the menu.
    expect(options.triggerRef.current).toBe(tab);
  });

  it('selects a created group', async () => {
    const { result, options, value } = setup({}, null);
    act(() => result.current.openDialog('create', ''));
    await act(() => result.current.submitName('Suppliers', ['C2Calice']));
    expect(options.createGroup).toHaveBeenCalledWith('Suppliers', ['C2Calice']);
    expect(value()).toBe('Suppliers');
    expect(result.current.failures).toBeNull();
  });

  it('keeps the conversations a create could not add, for the tabs to report, until dismissed', async () => {
    const failed = [{ id: 'C2Cbob', code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', message: 'Too many' }];
    const { result, value } = setup({ createGroup: vi.fn(() => Promise.resolve({ succeeded: ['C2Calice'], failed })) }, null);
    act(() => result.current.openDialog('create', ''));
    await act(() => result.current.submitName('Suppliers', ['C2Calice', 'C2Cbob']));
    // The group exists: it is selected, and the refusal is kept with its code.
    expect(value()).toBe('Suppliers');
    expect(result.current.failures).toEqual({ name: 'Suppliers', kind: 'add', failed });
    act(() => result.current.dismissFailures());
    expect(result.current.failures).toBeNull();
  });

  it('saves a members choice as the difference from the members, removing before adding', async () => {
    const calls: string[] = [];
    const { result, options } = setup({
      addToGroup: vi.fn((_name: string, ids: readonly string[]) => {
        calls.push(`add ${ids.join()}`);
        return Promise.resolve({ succeeded: [...ids], failed: [] });
      }),
      removeFromGroup: vi.fn((_name: string, ids: readonly string[]) => {
        calls.push(`remove ${ids.join()}`);
        return Promise.resolve({ succeeded: [...ids], failed: [] });
      }),
    });
    act(() => result.current.openDialog('members', 'Work'));
    await act(() => result.current.saveMembers(new Set(['C2Calice', 'C2Ccarol'])));
    // Bob left (freeing room under the grouped-conversation limit first), Carol joined, Alice stayed.
    expect(calls).toEqual(['remove C2Cbob', 'add C2Ccarol']);
    expect(options.addToGroup).toHaveBeenCalledWith('Work', ['C2Ccarol']);
    expect(result.current.failures).toBeNull();
  });

  it('reports the per-id refusals of a members save as changes', async () => {
    const failed = [{ id: 'C2Ccarol', code: 'NOT_SUPPORTED', message: 'Invalid conversation ID.' }];
    const { result } = setup({ addToGroup: vi.fn(() => Promise.resolve({ succeeded: [], failed })) });
    act(() => result.current.openDialog('members', 'Work'));
    await act(() => result.current.saveMembers(new Set(['C2Calice', 'C2Cbob', 'C2Ccarol'])));
    expect(result.current.failures).toEqual({ name: 'Work', kind: 'change', failed });
  });

  it('keeps a renamed active group active, and returns to the old name when the rename fails', async () => {
    let reject!: (error: Error) => void;
    const { result, value } = setup({ renameGroup: vi.fn(() => new Promise<void>((_, fail) => (reject = fail))) });
    act(() => result.current.openDialog('rename', 'Work'));
    let saving!: Promise<void>;
    act(() => {
      saving = result.current.submitName('Office');
    });
    // Optimistic, as the store shows the new name at once.
    expect(value()).toBe('Office');
    reject(new Error('Name taken'));
    await expect(saving).rejects.toThrow('Name taken');
    expect(value()).toBe('Work');
  });

  it('selects All when the active group is deleted, and sends focus to the active tab rather than the deleted one', async () => {
    const { result, options, value } = setup();
    const tab = document.createElement('button');
    tab.setAttribute('role', 'tab');
    act(() => result.current.openDialog('delete', 'Work', tab));
    await act(() => result.current.confirmDelete());
    expect(options.deleteGroup).toHaveBeenCalledWith('Work');
    expect(value()).toBeNull();
    expect(options.triggerRef.current).toBeNull();
  });

  it('opens the menu at the pointer on a right click on a group tab; All keeps the browser menu', () => {
    const { result } = setup();
    expect(result.current.tabContextMenu(null)).toBeUndefined();
    const preventDefault = vi.fn();
    const currentTarget = document.createElement('button');
    act(() => result.current.tabContextMenu('Work')!({ preventDefault, currentTarget, clientX: 10, clientY: 20 } as never));
    expect(preventDefault).toHaveBeenCalled();
    expect(result.current.menu).toMatchObject({ name: 'Work', point: { clientX: 10, clientY: 20 } });
  });

  it('offers no tab menu when editing is off', () => {
    const { result } = setup({ isEditable: false });
    expect(result.current.tabContextMenu('Work')).toBeUndefined();
  });
});
