import { CopyOnWriteTable } from '../copyOnWriteTable.js';
import type { ConversationId } from '../types.js';
import type { ConversationFailure } from './types.js';

/**
 * Commands in flight per conversation, and the last failure per conversation. Published maps are never changed: a
 * state read earlier keeps what it showed. Pending counts live in a copy-on-write table, so marking a chunk of a
 * 100,000-id batch costs the chunk, not a copy of every id already pending.
 */
export function createCommandStatus() {
  const pending = new CopyOnWriteTable<number>();
  let failures = new Map<ConversationId, ConversationFailure>();
  let changed = false;

  return {
    get pending(): ReadonlyMap<ConversationId, number> {
      return pending.freezeAsMap();
    },
    get failures(): ReadonlyMap<ConversationId, ConversationFailure> {
      return failures;
    },

    /** One more (`1`) or one fewer (`-1`) command in flight on each id. */
    markPending(ids: Iterable<ConversationId>, delta: 1 | -1): void {
      for (const id of ids) {
        const count = (pending.get(id) ?? 0) + delta;
        if (count > 0) pending.set(id, count);
        else pending.delete(id);
      }
      changed = true;
    },

    /** Records the failure on each id, or forgets their failures when `failure` is undefined. */
    recordFailure(ids: Iterable<ConversationId>, failure: ConversationFailure | undefined): void {
      let copy: Map<ConversationId, ConversationFailure> | undefined;
      for (const id of ids) {
        if (!failure && !failures.has(id)) continue;
        copy ??= new Map(failures);
        if (failure) copy.set(id, failure);
        else copy.delete(id);
      }
      if (copy) {
        failures = copy;
        changed = true;
      }
    },

    /** Whether the maps changed since the last call. */
    takeChanged(): boolean {
      const was = changed;
      changed = false;
      return was;
    },
  };
}

export type CommandStatus = ReturnType<typeof createCommandStatus>;
