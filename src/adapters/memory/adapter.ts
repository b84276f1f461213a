/**
 * `createMemoryAdapter`: puts the memory backend together from its parts, one idea each: the options
 * (`options.ts`), the seed that turns raw data into tables (`seed.ts`), the tables with their order and paging
 * (`tables.ts`, `paging.ts`), the server's behaviour (`changes.ts`), the contract's commands (`commands.ts`), the
 * simulator of server pushes (`simulator.ts`), fault injection and latency (`faults.ts`) and persistence
 * (`storage.ts`).
 */
import type { ConversationAdapter } from '../../core/adapter.js';
import { toInboxError, type InboxError } from '../../core/errors.js';
import type { ConversationId, MuteMode, OperationResult } from '../../core/types.js';
import { createChanges } from './changes.js';
import { createCommands } from './commands.js';
import { invalid } from './errors.js';
import { withCallLog, type MemoryCall } from './callLog.js';
import { createCallGate, type FailNextOptions, type MemoryOperation } from './faults.js';
import { readOptions, type MemoryAdapterOptions } from './options.js';
import { chooseSeed } from './seed.js';
import { createSimulator, type MemorySimulator } from './simulator.js';
import { readStored, withoutDrafts, writeStored, type MemorySnapshot } from './storage.js';
import { runWhenIdle } from './steps.js';
import { MemoryTables } from './tables.js';

export { MEMORY_OPERATIONS } from './faults.js';
export type { FailNextOptions, MemoryOperation } from './faults.js';
export type { MemoryCall } from './callLog.js';
export type { MemoryAdapterOptions, MemoryGroupSeed } from './options.js';
export type { MemorySimulator, SimulatedMessage } from './simulator.js';

/** The in-memory backend: the whole adapter contract plus controls for demos and tests. */
export interface MemoryAdapter extends ConversationAdapter {
  /** Resolves the total unread under `capabilities.unreadRule`, hidden conversations left out, as the store counts. */
  getTotalUnread(): Promise<number>;
  /** The account-wide receive option (kept in memory only, `'none'` at first). */
  getGlobalReceiveOption(): Promise<MuteMode>;
  setGlobalReceiveOption(mode: MuteMode): Promise<void>;
  /** Removes every conversation from the list, history kept: a new message brings one back. */
  clearAllConversations(): Promise<void>;
  /** Sets the app's custom data (at most `capabilities.customDataMaxLength` characters) with per-id results. */
  setCustomData(ids: readonly ConversationId[], data: string): Promise<OperationResult>;
  readonly simulate: MemorySimulator;
  /**
   * Makes the next call(s) of `operation` reject with `error` (default an `ADAPTER_FAILED` InboxError) and change
   * nothing. Calls rejected for invalid arguments do not use up an injected failure. Failures queue up in order.
   */
  failNext(operation: MemoryOperation, error?: InboxError, options?: FailNextOptions): void;
  /** Changes the latency of later calls. */
  setLatency(ms: number): void;
  /** The backend's data now (conversations in list order), without latency or events. */
  getSnapshot(): MemorySnapshot;
  /** Every adapter method called so far, in order, with its arguments (what reached the backend). */
  calls(): readonly MemoryCall[];
  /** Empties the call log. */
  clearCalls(): void;
}

/**
 * Creates the in-memory backend: the embedded default for Storybook, demos and tests. It implements the whole
 * adapter contract, optional methods included (the account-wide receive option, clearing the list, custom data of
 * up to 256 characters, every mark), with Tencent Cloud Chat's documented limits and error codes (20 groups →
 * 51010, names of 1 to 32 UTF-8 bytes → 51011, missing group → 51009, 50 pinned → 51012, 1,000 grouped
 * conversations → 51008), pages its list, emits full conversation objects after every change, and offers latency,
 * fault injection, an injectable clock, `simulate` for server pushes and optional persistence.
 *
 * Unread, honestly: `getTotalUnread` and `unreadTotalChanged` count every conversation under `unreadRule` except
 * hidden ones (mark `hide`), and `loadGroups` gives each group's count the same way (`ConversationGroup.unreadCount`),
 * which is exactly how the store counts: while pages remain the store shows these numbers, and once every page is
 * loaded its own, which are then equal. Marks are flags, as on Tencent: a message to a hidden conversation leaves it
 * hidden.
 *
 * The seed is checked here (a bad conversation or group throws) but not copied: the first page, the groups and the
 * counts are answered from it, and the backend's copies and order are built in idle time right after the first
 * page, or at once when a call needs them. An id given twice is found then: the backend reports a sync error and
 * every later call rejects with it. Do not change the objects passed until then.
 *
 * Conversation ids follow Tencent Web: `C2C<userID>`, `GROUP<groupID>`.
 *
 * @example
 * const adapter = createMemoryAdapter({ conversations: generateConversations(500), latencyMs: 150 });
 * const store = createInboxStore({ adapter });
 * adapter.simulate.message('C2Cuser_3', { preview: 'Hi!' });
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const settings = readOptions(options);
  const { capabilities, storage, storageKey } = settings;

  const stored = storage ? readStored(storage, storageKey) : undefined;
  const seed = chooseSeed(options, stored, capabilities);
  const tables = new MemoryTables(seed, settings.orderBy, capabilities.unreadRule);

  function save(): void {
    if (!storage) return;
    const snapshot = tables.unorderedSnapshot();
    writeStored(storage, storageKey, settings.persistDrafts ? snapshot : withoutDrafts(snapshot));
  }

  const gate = createCallGate(settings.latencyMs);
  const log: MemoryCall[] = [];
  const changes = createChanges(tables, { capabilities, now: settings.now, save });
  // The first page is answered from the checked seed; the tables (copies, maps, the order) are built right after it
  // in steps over idle time while connected, or at once when something needs them sooner. A seed that fails then (an
  // id given twice) fails the backend: the store shows it as a sync error, and every later call rejects with it.
  let stopBuilding: (() => void) | undefined;
  function buildSoon(): void {
    stopBuilding ??= runWhenIdle(
      () => tables.buildStep(),
      (error) => changes.emit({ type: 'syncStateChanged', status: 'failed', error: toInboxError(error) }),
    );
  }
  const commands = createCommands({
    tables,
    changes,
    gate,
    capabilities,
    pageSize: settings.pageSize,
    name: settings.name,
    answeredFromSeed: buildSoon,
  });
  const simulate = createSimulator({ tables, changes, now: settings.now, wait: gate.wait, groupNameMaxBytes: capabilities.groupNameMaxBytes });

  return {
    name: settings.name,
    ...(settings.account !== undefined ? { account: settings.account } : {}),
    capabilities,
    simulate,

    /** Stops building the tables in idle time (a later call that needs them builds them). */
    disconnect() {
      stopBuilding?.();
      stopBuilding = undefined;
    },

    subscribe(listener) {
      if (typeof listener !== 'function') throw invalid('subscribe needs a listener function.');
      return changes.subscribe(listener);
    },

    ...withCallLog(commands, log),
    failNext: gate.failNext,
    setLatency: gate.setLatency,
    getSnapshot: () => tables.snapshot(),
    calls: () => Object.freeze([...log]),
    clearCalls: () => void log.splice(0),
  };
}
