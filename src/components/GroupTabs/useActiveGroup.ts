import { useEffect, useRef } from 'react';
import type { GroupSummary } from '../../core/types.js';
import { useControllableState } from '../internal/hooks.js';

export interface ActiveGroupOptions {
  /** Whether the parent controls the value (it passed `value`, even as `undefined`). */
  isControlled: boolean;
  value: string | null;
  defaultValue: string | null;
  onValueChange: ((value: string | null) => void) | undefined;
  groups: readonly GroupSummary[];
}

export interface ActiveGroup {
  /** The group whose tab is selected: `null` (All) while the value names no existing group. */
  active: string | null;
  /** Selects a group (`null` = All), reporting it through `onValueChange`. */
  setValue: (value: string | null) => void;
  /** The value as of the last `setValue`, for code that runs after an await. */
  latestValue: () => string | null;
}

/**
 * The active group, controlled or not. Groups change under the tabs (on another device, or when an optimistic rename
 * rolls back), so the value is checked against them: a value naming no group shows as All without being forgotten
 * (it may not have loaded yet), and when the active group vanishes the value follows it to its new name (a rename)
 * or to All, and says so through `onValueChange`.
 */
export function useActiveGroup({ isControlled, value, defaultValue, onValueChange, groups }: ActiveGroupOptions): ActiveGroup {
  const [rawValue, setValue, latestValue] = useControllableState<string | null>(isControlled, value, defaultValue, onValueChange);
  const active = rawValue !== null && groups.some((group) => group.name === rawValue) ? rawValue : null;

  const previousGroupsRef = useRef(groups);
  useEffect(() => {
    const before = previousGroupsRef.current;
    previousGroupsRef.current = groups;
    const has = (list: readonly GroupSummary[], name: string | null) => list.some((group) => group.name === name);
    if (rawValue === null || !has(before, rawValue) || has(groups, rawValue)) return;
    // One name that appeared in the vanished one's place, with as many groups as before, is the vanished one renamed.
    const appeared = groups.filter((group) => !has(before, group.name));
    setValue(appeared.length === 1 && groups.length === before.length ? appeared[0]!.name : null);
  }, [groups, rawValue, setValue]);

  return { active, setValue, latestValue };
}
