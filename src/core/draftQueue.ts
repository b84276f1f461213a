import type { ConversationId } from './types.js';

/**
 * Saves drafts to the backend one at a time per conversation, last write wins: while a save is in flight, newer
 * texts replace each other and only the newest is sent after it, so the backend can never end up with an older
 * text because two saves completed out of order. Every caller gets the promise of the save that carries the
 * newest text.
 */
export function createDraftQueue(save: (id: ConversationId, text: string) => Promise<void>) {
  const queued = new Map<ConversationId, { latest: string; done: Promise<void> }>();
  return {
    save(id: ConversationId, text: string): Promise<void> {
      const entry = queued.get(id);
      if (entry) {
        entry.latest = text;
        return entry.done;
      }
      const next = { latest: text, done: Promise.resolve() };
      next.done = (async () => {
        try {
          for (;;) {
            const text = next.latest;
            try {
              await save(id, text);
            } catch (error) {
              // A newer text is still worth sending; the failure of an outdated one is not the caller's news.
              if (next.latest === text) throw error;
              continue;
            }
            if (next.latest === text) return;
          }
        } finally {
          queued.delete(id);
        }
      })();
      queued.set(id, next);
      return next.done;
    },
  };
}

export type DraftQueue = ReturnType<typeof createDraftQueue>;
