'use client';
import { useState } from 'react';
import { toInboxError, type InboxError } from '../../core/errors.js';
import type { CommandResult, ConversationId } from '../../core/types.js';

/** What the bar offers for a selection. */
export const BATCH_ACTIONS = ['markRead', 'markUnread', 'pin', 'unpin', 'mute', 'moveTo', 'removeFrom', 'delete'] as const;
export type BatchAction = (typeof BATCH_ACTIONS)[number];

/** The outcome of one batch action, given to `onResult`. */
export interface BatchActionResult {
  action: BatchAction;
  result: CommandResult;
}

type Command = (ids: readonly ConversationId[]) => Promise<CommandResult>;

/** The bar's last action: running, or what it did ("10 done, 2 failed"), or why it failed as a whole. */
export type BatchRunState = { status: 'idle' } | ({ action: BatchAction; ids: readonly ConversationId[]; command: Command } & BatchRunOutcome);

type BatchRunOutcome = { status: 'running' } | { status: 'done'; result: CommandResult } | { status: 'failed'; error: InboxError };

/** The ids a retry runs on: the failed ones, or all of them when the whole call failed. */
function retryIds(state: BatchRunState): readonly ConversationId[] {
  if (state.status === 'failed') return state.ids;
  return state.status === 'done' ? state.result.failed.map((f) => f.id) : [];
}

/**
 * Runs the bar's batch commands and keeps the last one's outcome, with a retry that runs the same command again on
 * the ids that failed. The store has already rolled the failed ids back and shows their failures on their rows; this
 * is the summary the bar shows.
 */
export function useBatchRun(onResult?: (result: BatchActionResult) => void) {
  const [state, setState] = useState<BatchRunState>({ status: 'idle' });

  const run = async (action: BatchAction, ids: readonly ConversationId[], command: Command): Promise<void> => {
    setState({ status: 'running', action, ids, command });
    try {
      const result = await command(ids);
      setState({ status: 'done', action, ids, command, result });
      onResult?.({ action, result });
    } catch (cause) {
      setState({ status: 'failed', action, ids, command, error: toInboxError(cause) });
    }
  };

  const failed = retryIds(state);
  return {
    state,
    run,
    /** Runs the last command again on what failed. */
    retry: () => {
      if (state.status !== 'idle' && failed.length) void run(state.action, failed, state.command);
    },
    canRetry: failed.length > 0,
  };
}
