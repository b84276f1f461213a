/**
 * Fault injection and latency: how a demo or a test makes the memory backend slow or makes one of its calls fail,
 * to see what the UI does then. Every adapter method runs through one gate, in a fixed order: its arguments are
 * checked first (a call rejected for its arguments is the caller's fault and uses up no injected failure), then
 * the injected failure is taken and the latency waited, and only then does the change happen, so a failed call
 * changes nothing.
 */
import { InboxError, toInboxError } from '../../core/errors.js';
import { checkTime, invalid } from './errors.js';

const OPERATION_NAMES = [
  'loadConversations',
  'loadGroups',
  'getTotalUnread',
  'openConversation',
  'pin',
  'setDraft',
  'setMuteMode',
  'markRead',
  'markAllRead',
  'setMark',
  'deleteConversations',
  'getGlobalReceiveOption',
  'setGlobalReceiveOption',
  'clearAllConversations',
  'setCustomData',
  'createGroup',
  'renameGroup',
  'deleteGroup',
  'addToGroup',
  'removeFromGroup',
] as const;

/** Names of the adapter methods `failNext` can make fail. */
export type MemoryOperation = (typeof OPERATION_NAMES)[number];

/** Every operation `failNext` accepts. */
export const MEMORY_OPERATIONS: readonly MemoryOperation[] = Object.freeze([...OPERATION_NAMES]);

/** Options of `failNext`. */
export interface FailNextOptions {
  /** How many consecutive calls fail. @default 1 */
  times?: number;
}

/** The gate every adapter method runs through. */
export interface CallGate {
  /** Checks the arguments with `validate`, then takes an injected failure or waits the latency, then runs `body`. */
  run<T>(operation: MemoryOperation, validate: () => void, body: () => T): Promise<T>;
  /** Resolves after the latency: on a microtask when it is 0. */
  wait(): Promise<void>;
  /** Queues `times` failures of `operation` behind the ones already queued. */
  failNext(operation: MemoryOperation, error?: InboxError, options?: FailNextOptions): void;
  setLatency(ms: number): void;
}

export function createCallGate(initialLatencyMs: number): CallGate {
  let latencyMs = checkTime(initialLatencyMs, 'latencyMs');
  const injected = new Map<MemoryOperation, InboxError[]>();

  function wait(): Promise<void> {
    if (latencyMs > 0) return new Promise((resolve) => setTimeout(resolve, latencyMs));
    return Promise.resolve();
  }

  return {
    wait,

    run(operation, validate, body) {
      try {
        validate();
      } catch (error) {
        return Promise.reject(toInboxError(error));
      }
      const failure = injected.get(operation)?.shift();
      return wait().then(() => {
        if (failure) throw failure;
        return body();
      });
    },

    failNext(operation, error, options = {}) {
      if (!MEMORY_OPERATIONS.includes(operation)) {
        throw invalid(`failNext: unknown operation ${JSON.stringify(operation)}; expected one of ${MEMORY_OPERATIONS.join(', ')}.`);
      }
      const times = options.times ?? 1;
      if (!Number.isInteger(times) || times < 1) throw invalid('failNext: `times` must be a positive integer.');
      const failure = error === undefined ? new InboxError('ADAPTER_FAILED', `Injected failure of ${operation}.`) : toInboxError(error);
      let queue = injected.get(operation);
      if (!queue) injected.set(operation, (queue = []));
      for (let i = 0; i < times; i++) queue.push(failure);
    },

    setLatency(ms) {
      latencyMs = checkTime(ms, 'latencyMs');
    },
  };
}
