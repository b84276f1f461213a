import { checkConversation, isRefusal } from '../boundary.js';
import type { DraftQueue } from '../draftQueue.js';
import type { DraftStorage } from '../drafts.js';
import { InboxError, toInboxError } from '../errors.js';
import { failureError } from '../failureError.js';
import { isRecord } from '../isRecord.js';
import type { Conversation, ConversationId } from '../types.js';
import { assertBoolean, assertConversationId, assertMark, assertMuteMode, assertString } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Patch } from './optimisticLayer.js';
import { hasUnreadMessages, readPatch } from './readPatch.js';
import { runBatch, type BatchLimits } from './runBatch.js';
import { fail, requireConversation, runCommand } from './runCommand.js';
import { withUndo, type UndoWindow } from './undoWindow.js';
import type { InboxActions } from './types.js';

type ConversationCommands = Pick<
  InboxActions,
  'openConversation' | 'pin' | 'setMuteMode' | 'markRead' | 'markAllRead' | 'setDraft' | 'setMark' | 'deleteConversation' | 'dismissFailure'
>;

/** The commands on conversations: validated first (a bad call changes nothing), then optimistic. */
export function createConversationCommands(
  ctx: StoreContext,
  drafts: { queue: DraftQueue; storage: DraftStorage | null; now: () => number },
  undo: UndoWindow,
  limits: BatchLimits,
): ConversationCommands {
  const { adapter, indexes, layer, status } = ctx;
  const name = () => adapter.name;

  return {
    openConversation: async (target) => {
      if (!isRecord(target) || (target.kind !== 'direct' && target.kind !== 'group')) {
        throw new InboxError('INVALID_ARGUMENT', 'openConversation needs { kind: "direct" | "group", targetId }.');
      }
      assertConversationId(target.targetId, 'targetId');
      let conversation: Conversation;
      try {
        const opened = await ctx.guard.run('openConversation', () => adapter.openConversation({ kind: target.kind, targetId: target.targetId }));
        const checked = checkConversation(opened);
        if (isRefusal(checked)) throw checked.error;
        conversation = checked;
      } catch (cause) {
        throw fail(ctx, cause, { operation: 'openConversation' });
      }
      layer.ingest(conversation);
      ctx.commit();
      return conversation.id;
    },

    pin: async (id, isPinned) => {
      const conversation = requireConversation(ctx, id);
      assertBoolean(isPinned, 'isPinned');
      if (conversation.isPinned === isPinned) return;
      const { maxPinned } = ctx.capabilities;
      if (isPinned && indexes.pinnedCount >= maxPinned) {
        throw new InboxError('PIN_LIMIT_EXCEEDED', `At most ${maxPinned} conversations can be pinned.`, { sdkCode: 51012 });
      }
      await runCommand(ctx, 'pin', [id], { patch: (c) => (c.isPinned === isPinned ? c : { ...c, isPinned }) }, () => adapter.pin(id, isPinned));
    },

    setMuteMode: async (id, mode) => {
      const conversation = requireConversation(ctx, id);
      assertMuteMode(mode);
      // Nothing to do only when the backend has the mode too (an earlier mute may still be undone).
      if (conversation.muteMode === mode && (layer.confirmed(id)?.muteMode ?? mode) === mode) return;
      const allowed = ctx.capabilities.muteModes?.[conversation.kind];
      if (allowed && !allowed.includes(mode)) {
        throw new InboxError('NOT_SUPPORTED', `The ${name()} backend cannot set "${mode}" on a ${conversation.kind} conversation.`);
      }
      const patch: Patch = (c) => (c.muteMode === mode ? c : { ...c, muteMode: mode });
      const before = conversation.muteMode;
      const ticket = undo.open({ operation: 'setMuteMode', ids: [id], muteMode: mode, inverse: () => ctx.getState().actions.setMuteMode(id, before) });
      await withUndo(ticket, (gate) => runCommand(ctx, 'setMuteMode', [id], { patch }, () => adapter.setMuteMode(id, mode), {}, false, gate));
    },

    markRead: async (id) => {
      const conversation = requireConversation(ctx, id);
      // A conversation marked unread by hand is read too once opened (WeChat-like), where the backend has the mark.
      const unmark = Boolean(conversation.marks?.includes('unread')) && ctx.capabilities.marks.includes('unread');
      // Read on the backend too: an earlier read still waiting in its undo window may be undone.
      const backend = layer.confirmed(id) ?? conversation;
      const hasUnread = [conversation, backend].some(hasUnreadMessages);
      if (!hasUnread && !unmark) return;
      const readUpTo = conversation.lastActivityAt;
      const patch: Patch = readPatch(() => readUpTo, () => unmark);
      await runCommand(ctx, 'markRead', [id], { patch }, async () => {
        if (hasUnread) await adapter.markRead(id);
        if (unmark) {
          const result = await adapter.setMark([id], 'unread', false);
          if (result.failed[0]) throw failureError(result.failed[0], 'markRead');
        }
      });
    },

    markAllRead: async () => {
      const readUpTo = new Map<ConversationId, number>();
      for (const c of indexes.values()) if (hasUnreadMessages(c)) readUpTo.set(c.id, c.lastActivityAt);
      const patch = readPatch((id) => readUpTo.get(id), () => false);
      await runCommand(ctx, 'markAllRead', [...readUpTo.keys()], { patch }, () => adapter.markAllRead());
    },

    setDraft: async (id, text) => {
      assertConversationId(id);
      assertString(text, 'the draft text');
      const current = indexes.get(id)?.draft?.text ?? layer.localDraftText(id) ?? '';
      if (current === text) return;
      const draft = text ? { text, updatedAt: drafts.now() } : undefined;
      // The draft is the user's words: it is written locally first and never rolled back, even for a conversation
      // that is not loaded yet (it shows when it arrives) or that the server removed (it stays in `drafts`).
      layer.setLocalDraft(id, draft);
      try {
        drafts.storage?.set(id, draft);
      } catch (cause) {
        ctx.reportError(toInboxError(cause, 'Keeping the draft in draft storage failed.'), { operation: 'setDraft', ids: [id] });
      }
      ctx.commit();
      try {
        await drafts.queue.save(id, text);
      } catch (cause) {
        const error = fail(ctx, cause, { operation: 'setDraft', ids: [id] });
        status.recordFailure([id], { operation: 'setDraft', error });
        ctx.commit();
        throw error;
      }
      status.recordFailure([id], undefined);
      ctx.commit();
    },

    setMark: async (ids, mark, enabled) => {
      assertMark(mark);
      assertBoolean(enabled, 'enabled');
      if (!ctx.capabilities.marks.includes(mark)) {
        throw new InboxError('NOT_SUPPORTED', `The ${name()} backend does not support the "${mark}" mark.`);
      }
      const patch: Patch = (c) => {
        const marks = c.marks ?? [];
        if (marks.includes(mark) === enabled) return c;
        return { ...c, marks: enabled ? [...marks, mark] : marks.filter((m) => m !== mark) };
      };
      return runBatch(
        ctx,
        ids,
        {
          operation: 'setMark',
          op: { patch },
          call: (known) => adapter.setMark(known, mark, enabled),
          // Hiding is disruptive (rows leave every list): it can be undone; unhiding is its inverse.
          undo: (applied) =>
            mark === 'hide' && enabled
              ? undo.open({ operation: 'setMark', ids: applied, mark, inverse: (succeeded) => ctx.getState().actions.setMark(succeeded, 'hide', false) })
              : undefined,
        },
        limits,
      );
    },

    deleteConversation: async (id, options = {}) => {
      requireConversation(ctx, id);
      if (typeof options !== 'object' || options === null) {
        throw new InboxError('INVALID_ARGUMENT', 'deleteConversation options must be an object.');
      }
      const call = () => adapter.deleteConversations([id], options);
      // No backend brings a deleted conversation back: undo only ever cancels before the call is sent.
      const ticket = undo.open({ operation: 'deleteConversation', ids: [id] });
      const result = await withUndo(ticket, (gate) => runCommand(ctx, 'deleteConversation', [id], { patch: () => null }, call, {}, true, gate));
      const failure = result.failed[0];
      if (failure) throw fail(ctx, failureError(failure, 'deleteConversation'), { operation: 'deleteConversation', ids: [id] });
    },

    dismissFailure: (id) => {
      assertConversationId(id);
      status.recordFailure([id], undefined);
      ctx.commit();
    },
  };
}
