/**
 * The unread of emulated groups, which OpenIM does not count: each row's contribution (its unread under the store's
 * rule, 0 when hidden or muted) to each group its `ex` names, summed per group, and what the store was last told of
 * each sum. Kept apart from the membership itself because a count moves with every message, a membership rarely.
 */
import type { ConversationId } from '../../core/types.js';

export function createGroupUnread() {
  const byRow = new Map<ConversationId, { groups: readonly string[]; unread: number }>();
  const sums = new Map<string, number>();
  const told = new Map<string, number>();

  function add(name: string, delta: number): void {
    const next = (sums.get(name) ?? 0) + delta;
    if (next === 0) sums.delete(name);
    else sums.set(name, next);
  }

  return {
    /** A row's groups and unread now. */
    set(id: ConversationId, groups: readonly string[], unread: number): void {
      const before = byRow.get(id);
      if (before) for (const name of before.groups) add(name, -before.unread);
      if (groups.length > 0 && unread > 0) {
        byRow.set(id, { groups, unread });
        for (const name of groups) add(name, unread);
      } else byRow.delete(id);
    },
    /** Forgets every row (before a full read). */
    clear(): void {
      byRow.clear();
      sums.clear();
    },
    of: (name: string): number => sums.get(name) ?? 0,
    /** Records that the store knows `count` for `name` (what `loadGroups` returned). */
    told(name: string, count: number): void {
      told.set(name, count);
    },
    /** The groups among `names` whose count moved since the store was last told, each recorded as told now. */
    moved(names: readonly string[]): { name: string; unreadCount: number }[] {
      const out: { name: string; unreadCount: number }[] = [];
      for (const name of names) {
        const unreadCount = sums.get(name) ?? 0;
        if (told.get(name) === unreadCount) continue;
        told.set(name, unreadCount);
        out.push({ name, unreadCount });
      }
      return out;
    },
  };
}
