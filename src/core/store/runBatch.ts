import { checkOperationResult } from '../boundary.js';
import { quote, toInboxError, type InboxError } from '../errors.js';
import { failureError } from '../failureError.js';
import type { CommandResult, ConversationId, OperationResult } from '../types.js';
import { assertConversationId, assertIdList } from '../validate.js';
import type { StoreContext } from './context.js';
import type { Op } from './optimisticLayer.js';
import { applyOp, type AppliedOp } from './runCommand.js';
import type { InboxErrorContext, InboxOperation } from './types.js';
import type { UndoTicket } from './undoWindow.js';

/**
 * Gives the browser a turn between chunks, so a batch over 100,000 ids never blocks input or paint for long: a real
 * task (MessageChannel), not `scheduler.yield()`, whose continuations Chromium runs ahead of every other task (input,
 * timers and frames then starve for the whole batch).
 */
export function yieldToMain(): Promise<void> {
  if (typeof MessageChannel === 'function') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Ids looked up between two checks of the time (about a millisecond's worth). */
export const LOOKUPS_PER_SLICE = 1000;

const now = () => (typeof performance === 'object' && typeof performance.now === 'function' ? performance.now() : Date.now());

/**
 * Time slices for a batch's steps (a slice of ids sorted out, a chunk applied or settled): the steps run together,
 * with no await between them, until `sliceMs` has passed since the page's last turn, so that React renders once for
 * several chunks instead of once per chunk. `if (turns.due()) await turns.take()` between steps; a `sliceMs` of 0
 * gives a turn between every two steps.
 */
export interface Turns {
  /** Whether the slice is spent (so the next step should wait for a turn). */
  due(): boolean;
  /** Gives the page a turn (a task) and starts a new slice. */
  take(): Promise<void>;
}

export function createTurns(sliceMs: number): Turns {
  let since = now();
  return {
    due: () => now() - since >= sliceMs,
    take: async () => {
      await yieldToMain();
      since = now();
    },
  };
}

/** Splits ids into chunks of at most `size`. */
function chunksOf(ids: readonly ConversationId[], size: number): ConversationId[][] {
  const chunks: ConversationId[][] = [];
  for (let i = 0; i < ids.length; i += size) chunks.push(ids.slice(i, i + size));
  return chunks;
}

/**
 * The order a batch applies its chunks in: the first one, then the others from the last one back.
 *
 * A large selection is usually a list read from its top, where the user is looking. Its first chunk goes at once, so
 * the rows on screen answer the click; the rows that then move into view are the second chunk's, and they hold still
 * until the end. Applied front to back instead, each chunk would bring the next rows into view only for the next chunk
 * to remove them: a rendering and a layout of new rows for every chunk (at 100,000 rows, a delete's turns then ran
 * past 50 ms), and rows flickering past for the whole batch.
 */
function applyOrder(count: number): number[] {
  return count === 0 ? [] : [0, ...Array.from({ length: count - 1 }, (_, k) => count - 1 - k)];
}

/** The per-id failure of an error that failed a whole chunk. */
function failuresOf(ids: readonly ConversationId[], cause: unknown): OperationResult['failed'] {
  const error = toInboxError(cause);
  return ids.map((id) => ({ id, code: error.code, message: error.message, ...(error.sdkCode !== undefined && { sdkCode: error.sdkCode }) }));
}

/** The failure of an id the store does not hold. */
function notFound(id: ConversationId): OperationResult['failed'][number] {
  return { id, code: 'CONVERSATION_NOT_FOUND', message: `No conversation with id ${quote(id)} is loaded.`, sdkCode: 2500 };
}

/**
 * Runs one id's backend call for each id and answers per id, for the adapter methods that take one id (pin,
 * mute, mark read). The calls of a chunk run together; one id's failure does not fail the others.
 */
export async function perId(ids: readonly ConversationId[], call: (id: ConversationId) => Promise<unknown>): Promise<OperationResult> {
  const settled = await Promise.allSettled(ids.map((id) => Promise.resolve().then(() => call(id))));
  const result: OperationResult = { succeeded: [], failed: [] };
  settled.forEach((outcome, i) => {
    const id = ids[i]!;
    if (outcome.status === 'fulfilled') result.succeeded.push(id);
    else result.failed.push(...failuresOf([id], outcome.reason));
  });
  return result;
}

export interface BatchPlan {
  operation: InboxOperation;
  op: Op;
  /** Calls the backend for one chunk of known ids; must answer per id. */
  call: (chunk: ConversationId[]) => Promise<OperationResult>;
  context?: Omit<InboxErrorContext, 'operation' | 'ids'>;
  /** Runs on the known ids before anything changes: a throw rejects the whole command, changing nothing. */
  check?: (known: ConversationId[]) => void;
  /** Runs on each chunk just before it is applied (per-id bookkeeping that need not hold up the first chunk). */
  prepare?: (chunk: readonly ConversationId[]) => void;
  /** Ids that fail before reaching the backend (a pin limit, a mode the conversation cannot take). */
  refuse?: (known: ConversationId[]) => OperationResult['failed'];
  /**
   * Registers the command for undo once validated (undefined when undo is off or the command is not undoable).
   * May take turns while it looks at many ids.
   */
  undo?: (applied: ConversationId[], turns: Turns) => UndoTicket | undefined | Promise<UndoTicket | undefined>;
}

/** How a store chunks a batch: ids per chunk, chunks in flight at once, and how long it works between turns. */
export interface BatchLimits {
  chunkSize: number;
  concurrency: number;
  /**
   * The longest the batch works before it gives the page a turn (ms): chunks are applied and settled together until
   * then. Short enough that a frame is never missed for it, long enough that the list is not re-rendered per chunk.
   */
  sliceMs: number;
}

/**
 * Runs a command over many conversations as one batch with per-id results:
 * - ids the store does not hold fail per id (`CONVERSATION_NOT_FOUND`) without reaching the backend;
 * - the change is applied chunk by chunk, yielding between chunks, so selecting 100,000 rows and acting on them
 *   never blocks the page; each chunk is sent as one call (the adapter splits it further to its SDK's limits);
 * - a chunk's failure rolls back exactly that chunk's failed ids, and they are kept as failures on their rows; when
 *   every call failed as a whole, the command rejects with the first error;
 * - with an undo ticket, nothing is sent until its window ends, and an undo rolls everything back unsent.
 */
export async function runBatch(ctx: StoreContext, rawIds: unknown, plan: BatchPlan, limits: BatchLimits): Promise<CommandResult> {
  if (!Array.isArray(rawIds)) assertIdList(rawIds); // throws the typed error every command gives for a non-array
  const ids: readonly unknown[] = rawIds;
  const { operation, op, context = {} } = plan;
  let known: ConversationId[] = [];
  const failed: OperationResult['failed'] = [];
  const seen = new Set<ConversationId>();
  const turns = createTurns(limits.sliceMs);
  // Checking and sorting out the ids is split too: 100,000 at once would hold the click's task up. A bad id still
  // rejects the command before anything changed. Read by index, not copied: a list's lazy id array (a whole-list
  // selection) is then read in place instead of being built whole in the click's task.
  for (let start = 0; start < ids.length; start += LOOKUPS_PER_SLICE) {
    if (start > 0 && turns.due()) await turns.take();
    const end = Math.min(ids.length, start + LOOKUPS_PER_SLICE);
    for (let i = start; i < end; i++) {
      const id = ids[i];
      assertConversationId(id);
      if (seen.has(id)) continue;
      seen.add(id);
      if (ctx.indexes.has(id)) known.push(id);
      else failed.push(notFound(id));
    }
  }
  plan.check?.(known);
  const refused = plan.refuse?.(known) ?? [];
  if (refused.length) {
    const refusedIds = new Set(refused.map((f) => f.id));
    known = known.filter((id) => !refusedIds.has(id));
    failed.push(...refused);
    for (const f of refused) ctx.status.recordFailure([f.id], { operation, error: failureError(f, operation) });
  }
  const result: CommandResult = { succeeded: [], failed };
  if (known.length === 0) {
    if (refused.length) ctx.commit();
    return result;
  }
  const opened = plan.undo?.(known, turns);
  // Awaited only when it took turns: otherwise the first chunk is applied in the caller's task, as one-id commands are.
  const ticket = opened instanceof Promise ? await opened : opened;
  const chunks = chunksOf(known, limits.chunkSize);
  const applied = new Array<AppliedOp>(chunks.length);
  for (const [step, i] of applyOrder(chunks.length).entries()) {
    if (step > 0 && turns.due()) await turns.take();
    const chunk = chunks[i]!;
    // A conversation may have gone while the page had a turn (deleted here or by the server).
    const present = chunk.filter((id) => ctx.indexes.has(id));
    if (present.length < chunk.length) {
      for (const id of chunk) if (!ctx.indexes.has(id)) failed.push(notFound(id));
      chunks[i] = present;
    }
    plan.prepare?.(chunks[i]!);
    applied[i] = applyOp(ctx, operation, chunks[i]!, op, context);
  }
  if (ticket?.gate && !(await ticket.gate)) {
    for (const [i, a] of applied.entries()) {
      if (i > 0 && turns.due()) await turns.take();
      a.cancel();
    }
    result.undone = chunks.flat(); // the ids applied: not those that went while the batch waited (they failed)
    ticket.finished(result);
    return result;
  }

  let next = 0;
  const chunkErrors: InboxError[] = [];
  let sent = 0;
  const sendNext = async (): Promise<void> => {
    while (next < chunks.length) {
      const i = next++;
      const chunk = chunks[i]!;
      if (chunk.length === 0) continue;
      sent++;
      try {
        const raw = await ctx.guard.run(operation, () => plan.call(chunk));
        // A backend that answers at once (the memory adapter) would otherwise settle every chunk in one task.
        if (chunks.length > 1 && turns.due()) await turns.take();
        const answer = checkOperationResult(raw, chunk, operation);
        applied[i]!.settle(answer);
        result.succeeded.push(...answer.succeeded);
        result.failed.push(...answer.failed);
      } catch (cause) {
        const error = applied[i]!.fail(cause);
        chunkErrors.push(error);
        result.failed.push(...failuresOf(chunk, error));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limits.concurrency, chunks.length) }, sendNext));
  ticket?.finished(result);
  // When no call got through at all (the backend is down, the answer was malformed), the command rejects, as a
  // one-call command does; otherwise the failed chunks are per-id failures in the result.
  if (sent > 0 && chunkErrors.length === sent) throw chunkErrors[0]!;
  return result;
}
