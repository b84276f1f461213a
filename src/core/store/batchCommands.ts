import type { DeleteOptions } from '../adapter.js';
import { InboxError } from '../errors.js';
import type { ConversationId, MuteMode, OperationResult } from '../types.js';
import { assertBoolean, assertMuteMode } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Patch } from './optimisticLayer.js';
import { hasUnreadMessages, readPatch } from './readPatch.js';
import { LOOKUPS_PER_SLICE, perId, runBatch, type BatchLimits } from './runBatch.js';
import type { InboxActions } from './types.js';
import type { UndoWindow } from './undoWindow.js';

type BatchCommands = Pick<InboxActions, 'pinMany' | 'setMuteModeMany' | 'markReadMany' | 'deleteConversations'>;


/** A refusal per id, before the backend is asked. */
function refusal(id: ConversationId, code: string, message: string, sdkCode?: number): OperationResult['failed'][number] {
  return { id, code, message, ...(sdkCode !== undefined && { sdkCode }) };
}

/**
 * The commands over many conversations at once, for a selection: each is one batch with per-id results (see
 * `runBatch`), and the disruptive ones (mute, mark read, delete) can be undone while the undo window is open.
 */
export function createBatchCommands(ctx: StoreContext, undo: UndoWindow, limits: BatchLimits): BatchCommands {
  const { adapter, indexes } = ctx;

  return {
    pinMany: async (ids, isPinned) => {
      assertBoolean(isPinned, 'isPinned');
      const patch: Patch = (c) => (c.isPinned === isPinned ? c : { ...c, isPinned });
      return runBatch(
        ctx,
        ids,
        {
          operation: 'pin',
          op: { patch },
          call: (chunk) => perId(chunk, (id) => adapter.pin(id, isPinned)),
          // Pinning past the backend's limit fails per id, for the ids beyond the free slots, without a call.
          refuse: (known) => {
            if (!isPinned) return [];
            let free = ctx.capabilities.maxPinned - indexes.pinnedCount;
            const refused: OperationResult['failed'] = [];
            for (const id of known) {
              if (indexes.get(id)?.isPinned) continue;
              if (free > 0) free--;
              else refused.push(refusal(id, 'PIN_LIMIT_EXCEEDED', `At most ${ctx.capabilities.maxPinned} conversations can be pinned.`, 51012));
            }
            return refused;
          },
        },
        limits,
      );
    },

    setMuteModeMany: async (ids, mode) => {
      assertMuteMode(mode);
      const previous = new Map<ConversationId, MuteMode>();
      const patch: Patch = (c) => (c.muteMode === mode ? c : { ...c, muteMode: mode });
      return runBatch(
        ctx,
        ids,
        {
          operation: 'setMuteMode',
          op: { patch },
          // Sent for every id, even one that shows the mode already: an earlier command that set it may still be
          // waiting in its undo window (and be undone, or be sent after this one).
          call: (chunk) => perId(chunk, (id) => adapter.setMuteMode(id, mode)),
          // A conversation that cannot take the mode (Tencent's system conversation takes none) fails alone.
          refuse: (known) => {
            const refused: OperationResult['failed'] = [];
            for (const id of known) {
              const conversation = indexes.get(id)!;
              previous.set(id, conversation.muteMode);
              const allowed = ctx.capabilities.muteModes?.[conversation.kind];
              if (allowed && !allowed.includes(mode)) {
                refused.push(refusal(id, 'NOT_SUPPORTED', `The ${adapter.name} backend cannot set "${mode}" on a ${conversation.kind} conversation.`));
              }
            }
            return refused;
          },
          undo: (applied) =>
            undo.open({
              operation: 'setMuteMode',
              ids: applied,
              muteMode: mode,
              // Each conversation goes back to the mode it had, one batch per mode.
              inverse: (succeeded) => {
                const byMode = new Map<MuteMode, ConversationId[]>();
                for (const id of succeeded) {
                  const before = previous.get(id)!;
                  if (before !== mode) byMode.set(before, [...(byMode.get(before) ?? []), id]);
                }
                const { actions } = ctx.getState();
                return Promise.all([...byMode].map(([before, group]) => actions.setMuteModeMany(group, before)));
              },
            }),
        },
        limits,
      );
    },

    markReadMany: async (ids) => {
      const unread = new Set<ConversationId>();
      const marked = new Set<ConversationId>();
      const readUpTo = new Map<ConversationId, number>();
      const canUnmark = ctx.capabilities.marks.includes('unread');
      const patch: Patch = readPatch((id) => readUpTo.get(id), (id) => marked.has(id));
      return runBatch(
        ctx,
        ids,
        {
          operation: 'markRead',
          op: { patch },
          call: async (chunk) => {
            const result = await perId(chunk, (id) => (unread.has(id) ? adapter.markRead(id) : Promise.resolve()));
            // A conversation marked unread by hand is read once read, as `markRead` does.
            const toUnmark = result.succeeded.filter((id) => marked.has(id));
            if (toUnmark.length === 0) return result;
            const unmarked = await adapter.setMark(toUnmark, 'unread', false);
            const failedIds = new Set(unmarked.failed.map((f) => f.id));
            return { succeeded: result.succeeded.filter((id) => !failedIds.has(id)), failed: [...result.failed, ...unmarked.failed] };
          },
          prepare: (chunk) => {
            for (const id of chunk) {
              const conversation = indexes.get(id)!;
              readUpTo.set(id, conversation.lastActivityAt);
              // What to send is decided by what the backend has: an earlier read still waiting in its undo window
              // may be undone, and this one must not have relied on it.
              if (hasUnreadMessages(conversation) || hasUnreadMessages(ctx.layer.confirmed(id) ?? conversation)) unread.add(id);
              if (canUnmark && conversation.marks?.includes('unread')) marked.add(id);
            }
          },
          undo: !undo.isEnabled ? undefined : async (applied, turns) => {
            // Undoable when it reads more than one conversation (the chunks' bookkeeping comes later, as each is applied).
            // Looked at a slice at a time: 100,000 lookups at once would hold the click's task up.
            const changed: ConversationId[] = [];
            for (let start = 0; start < applied.length; start += LOOKUPS_PER_SLICE) {
              if (start > 0 && turns.due()) await turns.take();
              for (const id of applied.slice(start, start + LOOKUPS_PER_SLICE)) {
                const c = indexes.get(id);
                if (c && (hasUnreadMessages(c) || (canUnmark && Boolean(c.marks?.includes('unread'))))) changed.push(id);
              }
            }
            // Read counts cannot be restored on any backend; once sent, undo marks the conversations unread instead.
            const inverse = canUnmark ? (succeeded: readonly ConversationId[]) => ctx.getState().actions.setMark(succeeded, 'unread', true) : undefined;
            return changed.length > 1 ? undo.open({ operation: 'markRead', ids: changed, inverse }) : undefined;
          },
        },
        limits,
      );
    },

    deleteConversations: async (ids, options: DeleteOptions = {}) => {
      if (typeof options !== 'object' || options === null) {
        throw new InboxError('INVALID_ARGUMENT', 'deleteConversations options must be an object.');
      }
      return runBatch(
        ctx,
        ids,
        {
          operation: 'deleteConversation',
          op: { patch: () => null },
          call: (chunk) => adapter.deleteConversations(chunk, options),
          // No backend brings a deleted conversation back: undo only ever cancels before the call is sent.
          undo: (applied) => undo.open({ operation: 'deleteConversation', ids: applied }),
        },
        limits,
      );
    },
  };
}
