import { createStore } from 'zustand/vanilla';
import { checkCapabilities } from './boundary.js';
import { createCallGuard } from './callGuard.js';
import { createDraftQueue } from './draftQueue.js';
import { createLocalDraftStorage, draftStorageKey, readDrafts } from './drafts.js';
import { createEmitter } from './emitter.js';
import { InboxError } from './errors.js';
import { isRecord } from './isRecord.js';
import { createComparator, withIdTieBreak } from './order.js';
import { createCommandStatus } from './store/commandStatus.js';
import type { StoreContext } from './store/context.js';
import { createConversationCommands } from './store/conversationCommands.js';
import { createAccountCommands } from './store/accountCommands.js';
import { createGroupCommands } from './store/groupCommands.js';
import { createIndexes } from './store/indexes.js';
import { createLifecycle } from './store/lifecycle.js';
import { createOptimisticLayer } from './store/optimisticLayer.js';
import { createBatchCommands } from './store/batchCommands.js';
import type { BatchLimits } from './store/runBatch.js';
import { createUndoWindow, readUndoOptions, type UndoEntry } from './store/undoWindow.js';
import type { InboxActions, InboxErrorContext, InboxState, InboxStore, InboxStoreOptions } from './store/types.js';
import type { ConversationId } from './types.js';

export type { ListView } from './order.js';
export type { ListFilter } from './filteredLists.js';
export { INBOX_OPERATIONS } from './store/types.js';
export type {
  ConversationFailure,
  ConversationTable,
  FoldedRow,
  InboxActions,
  InboxErrorContext,
  InboxOperation,
  InboxState,
  InboxStatus,
  InboxStore,
  InboxStoreOptions,
  ListIndex,
} from './store/types.js';
export { UNDOABLE_OPERATIONS } from './store/undoWindow.js';
export type { UndoEntry, UndoOptions, UndoableOperation } from './store/undoWindow.js';
export type { BatchLimits } from './store/runBatch.js';

const NO_IDS: readonly ConversationId[] = Object.freeze([]);
const NO_UNDO: readonly UndoEntry[] = Object.freeze([]);

/** Validated options, with defaults applied. */
function readOptions(options: InboxStoreOptions) {
  if (!isRecord(options)) throw new InboxError('INVALID_ARGUMENT', 'createInboxStore needs options: { adapter }.');
  const { adapter } = options;
  if (!isRecord(adapter) || typeof adapter.subscribe !== 'function' || typeof adapter.loadConversations !== 'function') {
    throw new InboxError('INVALID_ARGUMENT', 'createInboxStore needs an `adapter` that implements ConversationAdapter.');
  }
  const capabilities = checkCapabilities(adapter.capabilities, String(adapter.name));
  const pageSize = options.pageSize ?? 100;
  if (!Number.isInteger(pageSize) || pageSize < 1) throw new InboxError('INVALID_ARGUMENT', `pageSize must be a positive integer, got ${String(pageSize)}.`);
  const timeoutMs = options.commandTimeoutMs ?? 30_000;
  if (typeof timeoutMs !== 'number' || !(timeoutMs > 0)) {
    throw new InboxError('INVALID_ARGUMENT', `commandTimeoutMs must be a positive number of ms, got ${String(timeoutMs)}.`);
  }
  const account = typeof adapter.account === 'string' && adapter.account !== '' ? adapter.account : undefined;
  const draftStorage =
    options.draftStorage !== undefined
      ? options.draftStorage
      : capabilities.draftsPersisted
        ? null
        : createLocalDraftStorage({ key: draftStorageKey(String(adapter.name), account) });
  return {
    adapter,
    capabilities,
    rule: options.unreadRule ?? capabilities.unreadRule,
    compare: options.comparator ? withIdTieBreak(options.comparator) : createComparator(capabilities.orderBy),
    now: options.now ?? Date.now,
    pageSize,
    timeoutMs,
    draftStorage,
    undo: readUndoOptions(options.undo),
    batch: readBatchLimits(options.batch),
  };
}

function readBatchLimits(batch: InboxStoreOptions['batch']): BatchLimits {
  const { chunkSize = 100, concurrency = 2, sliceMs = 8 } = batch ?? {};
  for (const [name, value] of [['chunkSize', chunkSize], ['concurrency', concurrency]] as const) {
    if (!Number.isInteger(value) || value < 1) throw new InboxError('INVALID_ARGUMENT', `batch.${name} must be a positive integer, got ${String(value)}.`);
  }
  if (typeof sliceMs !== 'number' || !(sliceMs >= 0) || !Number.isFinite(sliceMs)) {
    throw new InboxError('INVALID_ARGUMENT', `batch.sliceMs must be a finite number of milliseconds, 0 or more, got ${String(sliceMs)}.`);
  }
  return { chunkSize, concurrency, sliceMs };
}

/**
 * Creates the store for one inbox (one account): a zustand vanilla store whose every published state is immutable
 * (a state read later still shows what it showed), plus the adapter lifecycle. Its parts, one idea each:
 * - `store/optimisticLayer`: confirmed conversations, commands in flight on top, drafts typed through the kit;
 * - `store/indexes`: what is shown, by id, in every order (all, groups, filters), with the counters;
 * - `store/lifecycle` and `store/eventQueue`: connecting, paging, reloading, adapter events;
 * - `store/conversationCommands` and `store/groupCommands`: the optimistic commands.
 */
export function createInboxStore(options: InboxStoreOptions): InboxStore {
  const { adapter, capabilities, rule, compare, now, pageSize, timeoutMs, draftStorage, undo: undoOptions, batch } = readOptions(options);
  const errors = createEmitter<[InboxError, InboxErrorContext]>();
  const guard = createCallGuard(timeoutMs);
  const indexes = createIndexes(compare, rule);
  const layer = createOptimisticLayer(readDrafts(draftStorage), indexes.get, indexes.show, indexes.setGroupNames);
  const status = createCommandStatus();

  const ctx: StoreContext = {
    adapter,
    capabilities,
    compare,
    guard,
    layer,
    indexes,
    status,
    reportError: (error, context) => errors.emit(error, context),
    getState: () => store.getState(),
    // One setState per batch of changes; every part of the new state is frozen as it is published.
    commit(extra = {}) {
      const patch: Partial<InboxState> = { ...extra };
      const published = indexes.publish();
      if (published) Object.assign(patch, published);
      // `changedIds` names what changed in this state only: a state that changed nothing else names nothing.
      else if (store.getState().changedIds.length) patch.changedIds = NO_IDS;
      if (status.takeChanged()) {
        patch.pending = status.pending;
        patch.failures = status.failures;
      }
      const drafts = layer.takeChangedDrafts();
      if (drafts) patch.drafts = drafts;
      if (Object.keys(patch).length === 0) return;
      store.setState({ ...patch, version: store.getState().version + 1 });
    },
  };

  const lifecycle = createLifecycle(ctx, pageSize);
  const undo = createUndoWindow(ctx, undoOptions, now);
  const draftQueue = createDraftQueue((id, text) => guard.run('setDraft', () => adapter.setDraft(id, text)));
  const actions: InboxActions = {
    ...createConversationCommands(ctx, { queue: draftQueue, storage: draftStorage, now }, undo, batch),
    ...createGroupCommands(ctx, undo, batch),
    ...createAccountCommands(ctx),
    ...createBatchCommands(ctx, undo, batch),
    undo: undo.undo,
    dismissUndo: undo.dismiss,
    loadMore: lifecycle.loadMore,
  };

  const store = createStore<InboxState>()(() => ({
    version: 0,
    status: 'idle',
    hasMore: false,
    isLoadingMore: false,
    capabilities,
    ...indexes.publish()!,
    pending: status.pending,
    failures: status.failures,
    drafts: layer.drafts(),
    undoable: NO_UNDO,
    actions,
  }));

  return Object.assign(store, {
    adapter,
    connect: lifecycle.connect,
    disconnect: lifecycle.disconnect,
    reload: lifecycle.reload,
    flush: lifecycle.flush,
    draftStorage,
    onError(listener: (error: InboxError, context: InboxErrorContext) => void) {
      if (typeof listener !== 'function') throw new InboxError('INVALID_ARGUMENT', 'onError needs a listener function.');
      return errors.on(listener);
    },
  });
}
