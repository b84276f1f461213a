import { act, renderHook } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { useActiveGroup, type ActiveGroupOptions } from '../../src/components/GroupTabs/useActiveGroup.js';
import type { GroupSummary } from '../../src/core/types.js';

const group = (name: string): GroupSummary => ({ name, conversationCount: 0, unreadCount: 0 });

function setup(options: Partial<ActiveGroupOptions> & { groups: readonly GroupSummary[] }) {
  const onValueChange = vi.fn();
  const initialProps: ActiveGroupOptions = { isControlled: false, value: null, defaultValue: null, onValueChange, ...options };
  const view = renderHook((props: ActiveGroupOptions) => useActiveGroup(props), { initialProps });
  const setGroups = (groups: readonly GroupSummary[]) => view.rerender({ ...initialProps, groups });
  return { ...view, onValueChange, setGroups };
}

describe('useActiveGroup', () => {
  it('selects a group and reports it', () => {
    const { result, onValueChange } = setup({ groups: [group('Work')] });
    expect(result.current.active).toBeNull();
    act(() => result.current.setValue('Work'));
    expect(result.current.active).toBe('Work');
    expect(onValueChange).toHaveBeenCalledWith('Work');
  });

  it('shows All for a value that names no group, and the group once it loads', () => {
    const { result, setGroups, onValueChange } = setup({ defaultValue: 'Work', groups: [] });
    expect(result.current.active).toBeNull();
    setGroups([group('Work')]);
    expect(result.current.active).toBe('Work');
    expect(onValueChange).not.toHaveBeenCalled();
  });

  it('follows the active group to All when it is deleted elsewhere', () => {
    const { result, setGroups, onValueChange } = setup({ defaultValue: 'Work', groups: [group('Work'), group('Family')] });
    setGroups([group('Family')]);
    expect(result.current.active).toBeNull();
    expect(onValueChange).toHaveBeenCalledWith(null);
  });

  it('follows the active group to its new name when it is renamed elsewhere', () => {
    const { result, setGroups, onValueChange } = setup({ defaultValue: 'Work', groups: [group('Work'), group('Family')] });
    setGroups([group('Office'), group('Family')]);
    expect(result.current.active).toBe('Office');
    expect(onValueChange).toHaveBeenCalledWith('Office');
  });

  it('does not guess a rename when groups were also added or removed', () => {
    const { result, setGroups } = setup({ defaultValue: 'Work', groups: [group('Work'), group('Family')] });
    setGroups([group('Office')]);
    expect(result.current.active).toBeNull();
  });

  it('asks a controlling parent instead of changing by itself', () => {
    const { result, onValueChange } = setup({ isControlled: true, value: null, groups: [group('Work')] });
    act(() => result.current.setValue('Work'));
    expect(onValueChange).toHaveBeenCalledWith('Work');
    expect(result.current.active).toBeNull();
  });
});
