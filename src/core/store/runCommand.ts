import { checkOperationResult } from '../boundary.js';
import { InboxError, quote, toInboxError } from '../errors.js';
import { failureError } from '../failureError.js';
import type { CommandResult, Conversation, ConversationId, OperationResult } from '../types.js';
import { assertConversationId, assertIdList } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Op } from './optimisticLayer.js';
import type { InboxErrorContext, InboxOperation } from './types.js';

type ExtraContext = Omit<InboxErrorContext, 'operation' | 'ids'>;

/** Reports a failure to `onError` listeners and returns it as an InboxError, to throw. */
export function fail(ctx: StoreContext, error: unknown, context: InboxErrorContext): InboxError {
  const inboxError = toInboxError(error);
  ctx.reportError(inboxError, context);
  return inboxError;
}

/** The conversation shown for `id`, or CONVERSATION_NOT_FOUND (the SDKs' code 2500 where one exists). */
export function requireConversation(ctx: StoreContext, id: unknown): Conversation {
  assertConversationId(id);
  const conversation = ctx.indexes.get(id);
  if (!conversation) throw new InboxError('CONVERSATION_NOT_FOUND', `No conversation with id ${quote(id)} is loaded.`, { sdkCode: 2500 });
  return conversation;
}

/**
 * A command's optimistic change, applied and waiting for its answer: `settle` confirms the ids that succeeded and
 * rolls back exactly this op for the ones that failed; `cancel` rolls it all back without a failure (an undo
 * before the backend call was sent).
 */
export interface AppliedOp {
  settle(result: OperationResult): void;
  fail(cause: unknown): InboxError;
  cancel(): void;
}

/** Applies `op` to `ids` now (shown and pending) and returns how to settle it. */
export function applyOp(ctx: StoreContext, operation: InboxOperation, ids: readonly ConversationId[], op: Op, context: ExtraContext = {}): AppliedOp {
  const { layer, status } = ctx;
  layer.addOp(ids, op);
  status.markPending(ids, 1);
  ctx.commit();
  return {
    settle(result) {
      const failedIds = new Set(result.failed.map((f) => f.id));
      const succeeded = ids.filter((id) => !failedIds.has(id));
      layer.settleOp(succeeded, op, true);
      layer.settleOp([...failedIds], op, false);
      // A group whose every conversation failed was not created (Tencent creates nothing then).
      if (op.registry) layer.settleGroupNames(op, succeeded.length > 0 || ids.length === 0);
      status.markPending(ids, -1);
      status.recordFailure(succeeded, undefined);
      for (const failed of result.failed) status.recordFailure([failed.id], { operation, error: failureError(failed, operation) });
      ctx.commit();
    },
    fail(cause) {
      layer.settleOp(ids, op, false);
      if (op.registry) layer.settleGroupNames(op, false);
      status.markPending(ids, -1);
      const error = fail(ctx, cause, { operation, ids, ...context });
      status.recordFailure(ids, { operation, error });
      ctx.commit();
      return error;
    },
    cancel() {
      layer.settleOp(ids, op, false);
      if (op.registry) layer.settleGroupNames(op, false);
      status.markPending(ids, -1);
      ctx.commit();
    },
  };
}

/**
 * Runs a command on some conversations: applies `op` now, calls the backend, then confirms the ids that
 * succeeded and rolls back exactly this op for the ones that failed. A `batch` call must answer per id.
 * With a `gate` (an undo window), the call waits for it; a gate that answers false cancels the command before
 * anything is sent, and the result lists every id as `undone`.
 */
export async function runCommand(
  ctx: StoreContext,
  operation: InboxOperation,
  ids: readonly ConversationId[],
  op: Op,
  call: () => Promise<OperationResult | void>,
  context: ExtraContext = {},
  batch = false,
  gate?: Promise<boolean>,
): Promise<CommandResult> {
  const applied = applyOp(ctx, operation, ids, op, context);
  if (gate && !(await gate)) {
    applied.cancel();
    return { succeeded: [], failed: [], undone: [...ids] };
  }
  let result: OperationResult;
  try {
    const raw = await ctx.guard.run(operation, call);
    // A batch command must say what happened to each id; a malformed answer fails the whole call.
    result = batch ? checkOperationResult(raw, ids, operation) : { succeeded: [...ids], failed: [] };
  } catch (cause) {
    throw applied.fail(cause);
  }
  applied.settle(result);
  return result;
}

/**
 * Runs a batch command on the loaded ids among `ids`; unknown ids fail per id without reaching the backend.
 * `check` runs on the known ids before anything changes.
 */
export async function runOnKnown(
  ctx: StoreContext,
  operation: InboxOperation,
  ids: unknown,
  op: Op,
  call: (known: ConversationId[]) => Promise<OperationResult>,
  context: ExtraContext = {},
  check?: (known: ConversationId[]) => void,
): Promise<OperationResult> {
  assertIdList(ids);
  const known: ConversationId[] = [];
  const unknown: OperationResult['failed'] = [];
  for (const id of new Set(ids)) {
    if (ctx.indexes.has(id)) known.push(id);
    else unknown.push({ id, code: 'CONVERSATION_NOT_FOUND', message: `No conversation with id ${quote(id)} is loaded.`, sdkCode: 2500 });
  }
  check?.(known);
  if (known.length === 0 && !op.registry) return { succeeded: [], failed: unknown };
  const result = await runCommand(ctx, operation, known, op, () => call(known), context, true);
  return unknown.length ? { succeeded: result.succeeded, failed: [...unknown, ...result.failed] } : result;
}
