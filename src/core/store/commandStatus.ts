import type { ConversationId } from '../types.js';
import type { ConversationFailure } from './types.js';

/**
 * Commands in flight per conversation, and the last failure per conversation. Published maps are replaced, never
 * changed: a state read earlier keeps what it showed.
 */
export function createCommandStatus() {
  let pending = new Map<ConversationId, number>();
  let failures = new Map<ConversationId, ConversationFailure>();
  let changed = false;

  return {
    get pending(): ReadonlyMap<ConversationId, number> {
      return pending;
    },
    get failures(): ReadonlyMap<ConversationId, ConversationFailure> {
      return failures;
    },

    /** One more (`1`) or one fewer (`-1`) command in flight on each id. */
    markPending(ids: Iterable<ConversationId>, delta: 1 | -1): void {
      pending = new Map(pending);
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
