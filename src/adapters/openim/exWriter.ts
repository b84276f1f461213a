/**
 * Writes to conversations' `ex`, one at a time per conversation. Emulated groups, emulated marks and the app's
 * custom data all live in that one field (see `ex.ts`) and each write is read-modify-write: two writes that read the
 * same `ex` before either wrote would each drop the other's change, so writes to one conversation queue up here.
 */
import { InboxError } from '../../core/errors.js';
import type { ConversationId } from '../../core/types.js';
import type { OpenIMConversationItem, OpenIMMethod } from './sdk.js';

/** What the writer needs from the adapter. */
export interface ExWriterHost {
  call<T>(method: OpenIMMethod, args: unknown[], conversationScoped?: boolean): Promise<T>;
  /** Current rows (hidden ones included when the SDK can say) by id; missing ids are absent. */
  fetchRows(ids: readonly ConversationId[]): Promise<Map<ConversationId, OpenIMConversationItem>>;
}

/** How one write ended: the row as it now is (written or left alone), or why it was not written. */
export interface ExOutcome {
  id: ConversationId;
  row?: OpenIMConversationItem;
  error?: InboxError;
}

/**
 * `change` gets the row as it is now and returns its next `ex`, `undefined` to leave it alone, or throws an
 * `InboxError` to refuse (the row is then untouched). The outcome never rejects.
 */
export type ExChange = (row: OpenIMConversationItem) => string | undefined;

export function createExWriter(host: ExWriterHost) {
  const queues = new Map<ConversationId, Promise<ExOutcome>>();

  async function write(id: ConversationId, change: ExChange): Promise<ExOutcome> {
    try {
      const row = (await host.fetchRows([id])).get(id);
      if (!row) return { id, error: new InboxError('CONVERSATION_NOT_FOUND', `No OpenIM conversation with id "${id}".`) };
      const ex = change(row);
      if (ex === undefined || ex === row.ex) return { id, row };
      await host.call('setConversation', [{ conversationID: id, ex }], true);
      return { id, row: { ...row, ex } };
    } catch (cause) {
      return { id, error: cause instanceof InboxError ? cause : new InboxError('ADAPTER_FAILED', String(cause), { cause }) };
    }
  }

  return {
    /** Rewrites one conversation's `ex` after every earlier write to it has finished. */
    update(id: ConversationId, change: ExChange): Promise<ExOutcome> {
      const task = (queues.get(id) ?? Promise.resolve()).then(() => write(id, change));
      queues.set(id, task);
      void task.finally(() => {
        if (queues.get(id) === task) queues.delete(id);
      });
      return task;
    },
  };
}

export type ExWriter = ReturnType<typeof createExWriter>;
