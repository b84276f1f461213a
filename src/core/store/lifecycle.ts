import { checkCapabilities, checkGroups, checkPage, checkTotal } from '../boundary.js';
import { InboxError, quote, toInboxError } from '../errors.js';
import { MUTE_MODES } from '../types.js';
import type { Conversation, ConversationId } from '../types.js';
import type { StoreContext } from './context.js';
import { createEventQueue, reportRefused, setMembership, syncError } from './eventQueue.js';
import type { InboxStatus } from './types.js';

/**
 * The store's connection to its adapter: subscribing, loading the first pages and the groups, paging on, reloading
 * (and reconciling what the backend no longer lists), the backend's unread total, and disconnecting. Nothing here
 * rejects: a failure becomes `status: 'error'` plus an `onError` report, and a later `connect` or `reload` retries.
 */
export function createLifecycle(ctx: StoreContext, pageSize: number) {
  const { adapter, guard, layer } = ctx;
  let connections = 0;
  // Bumps on every load and disconnect, so that an answer to an older one is ignored.
  let generation = 0;
  let unsubscribe: (() => void) | undefined;
  let cursor: string | null = null;
  let loaded = false;
  let adapterSync: 'syncing' | 'ready' | 'failed' | undefined;
  let loadingMore: Promise<void> | undefined;
  // While a reload runs: the ids the backend listed (pages and events), to find the ones it no longer has.
  let reloadSeen: Set<ConversationId> | undefined;

  function derivedStatus(): InboxStatus {
    if (!loaded) return connections > 0 ? 'loading' : 'idle';
    return adapterSync === 'syncing' ? 'syncing' : 'ready';
  }

  const events = createEventQueue(ctx, {
    onSyncState(status, error) {
      adapterSync = status;
      return status === 'failed' ? { status: 'error', error: syncError(error) } : { status: derivedStatus(), error: undefined };
    },
    onListed(conversations) {
      if (reloadSeen) for (const conversation of conversations) reloadSeen.add(conversation.id);
    },
  });

  /** Loads one page after `cursor`; returns the page's rows (already applied), or undefined when outdated. */
  async function loadPage(gen: number): Promise<readonly Conversation[] | undefined> {
    const raw = await guard.run('loadConversations', () => adapter.loadConversations({ cursor, count: pageSize }));
    if (gen !== generation) return undefined;
    const { page, refused } = checkPage(raw);
    reportRefused(ctx, refused, cursor === null ? 'connect' : 'loadMore');
    events.flush();
    for (const conversation of page.conversations) layer.ingest(conversation);
    cursor = page.cursor;
    loaded = true;
    ctx.indexes.setComplete(page.isFinished);
    ctx.commit({ hasMore: !page.isFinished, status: derivedStatus(), error: undefined });
    return page.conversations;
  }

  function subscribe(): void {
    if (unsubscribe) return;
    const off: unknown = adapter.subscribe(events.push);
    unsubscribe = typeof off === 'function' ? (off as () => void) : () => {};
  }

  /** Capabilities read again after connect; a malformed answer keeps the old ones and is reported. */
  function rereadCapabilities(): void {
    if (adapter.capabilities === ctx.capabilities) return;
    try {
      ctx.capabilities = checkCapabilities(adapter.capabilities, String(adapter.name));
      ctx.commit({ capabilities: ctx.capabilities });
    } catch (error) {
      ctx.reportError(toInboxError(error), { operation: 'connect' });
    }
  }

  async function load(): Promise<void> {
    const gen = ++generation;
    // What the store held before: the reload covers at least as many rows, then drops the ones the backend lost.
    const heldBefore = layer.confirmedCount;
    cursor = null;
    loaded = false;
    ctx.commit({ status: 'loading', error: undefined });
    try {
      subscribe();
      await guard.run('connect', () => adapter.connect?.());
      if (gen !== generation) return;
      rereadCapabilities();
      // A backend whose conversations name their groups exactly as the group lists do needs no check of every
      // member id (at 100,000 conversations, hashing those ids cost more than the first page): they are not read.
      const namesMatch = ctx.capabilities.groupNamesMatchGroups === true;
      const loadedGroups = checkGroups(await guard.run('loadGroups', () => adapter.loadGroups()), { readMembers: !namesMatch });
      if (gen !== generation) return;
      reportRefused(ctx, loadedGroups.refused, 'connect');
      layer.setConfirmedGroupNames(loadedGroups.groups.map((group) => group.name));
      const backendCounts = new Map<string, number>();
      for (const group of loadedGroups.groups) if (group.unreadCount !== undefined) backendCounts.set(group.name, group.unreadCount);
      ctx.indexes.setComplete(false, backendCounts);
      reloadSeen = new Set();
      let last: Conversation | undefined;
      for (;;) {
        const rows = await loadPage(gen);
        if (!rows) return;
        for (const row of rows) reloadSeen.add(row.id);
        last = rows.at(-1) ?? last;
        if (!ctx.getState().hasMore || reloadSeen.size >= heldBefore) break;
      }
      reconcile(reloadSeen, ctx.getState().hasMore ? last : undefined);
      reloadSeen = undefined;
      // Read and checked above whenever the names do not match.
      if (!namesMatch) for (const group of loadedGroups.groups) setMembership(ctx, group.name, group.conversationIds!);
      ctx.commit();
      await Promise.all([loadTotal(gen), loadGlobalReceiveOption(gen)]);
    } catch (cause) {
      if (gen !== generation) return;
      reloadSeen = undefined;
      const error = toInboxError(cause, 'Loading conversations failed.');
      ctx.commit({ status: 'error', error });
      ctx.reportError(error, { operation: 'connect' });
    }
  }

  /**
   * Drops the conversations the backend no longer lists: every one not seen when the whole list was loaded, or,
   * when more pages remain, the unseen ones ordered before the last row loaded (the range the reload covered).
   */
  function reconcile(seen: ReadonlySet<ConversationId>, last: Conversation | undefined): void {
    for (const id of [...layer.confirmedIds()]) {
      if (seen.has(id)) continue;
      if (last === undefined || ctx.compare(layer.confirmed(id)!, last) < 0) layer.drop(id);
    }
  }

  /** The backend's own total. A failure here is reported, never an error state: the rows did load. */
  async function loadTotal(gen: number): Promise<void> {
    if (typeof adapter.getTotalUnread !== 'function') return;
    try {
      const raw = await guard.run('getTotalUnread', () => adapter.getTotalUnread!());
      if (gen !== generation) return;
      const total = checkTotal(raw);
      if (total === undefined) {
        ctx.reportError(new InboxError('ADAPTER_FAILED', `getTotalUnread resolved ${String(raw)}, not a finite number; it was ignored.`), {
          operation: 'connect',
        });
      } else ctx.commit({ backendUnreadTotal: total });
    } catch (cause) {
      if (gen === generation) ctx.reportError(toInboxError(cause, 'Reading the unread total failed.'), { operation: 'connect' });
    }
  }

  /** The account-wide receive option, where the backend has one. A failure is reported, never an error state. */
  async function loadGlobalReceiveOption(gen: number): Promise<void> {
    if (!ctx.capabilities.globalReceiveModes?.length || typeof adapter.getGlobalReceiveOption !== 'function') return;
    try {
      const mode = await guard.run('getGlobalReceiveOption', () => adapter.getGlobalReceiveOption!());
      if (gen !== generation) return;
      if (!MUTE_MODES.includes(mode)) throw new InboxError('ADAPTER_FAILED', `getGlobalReceiveOption resolved ${quote(mode)}, not a mute mode.`);
      ctx.commit({ globalReceiveOption: mode });
    } catch (cause) {
      if (gen === generation) ctx.reportError(toInboxError(cause, 'Reading the receive option failed.'), { operation: 'connect' });
    }
  }

  function connect(): Promise<void> {
    connections++;
    // A second connect retries when the first one could not subscribe.
    if (connections > 1 && unsubscribe) return Promise.resolve();
    return load();
  }

  return {
    /** Applies queued adapter events now. */
    flush: events.flush,
    connect,

    /** Loads groups and the loaded pages again (after an error, or to reconcile). Connects when not connected. */
    reload(): Promise<void> {
      return connections === 0 ? connect() : load();
    },

    disconnect(): void {
      if (connections === 0) return;
      connections--;
      if (connections > 0) return;
      generation++;
      reloadSeen = undefined;
      try {
        unsubscribe?.();
      } catch (cause) {
        ctx.reportError(toInboxError(cause, 'Unsubscribing from the adapter failed.'), { operation: 'connect' });
      }
      unsubscribe = undefined;
      try {
        adapter.disconnect?.();
      } catch (cause) {
        ctx.reportError(toInboxError(cause, 'Disconnecting the adapter failed.'), { operation: 'connect' });
      }
      // Nothing may stay pending for ever: every call in flight settles now and its optimistic change rolls back.
      guard.abortAll(new InboxError('NOT_READY', 'The inbox disconnected before the call settled; it was rolled back.'));
      events.flush();
      ctx.commit({ status: 'idle' });
    },

    /** Loads the next page when there is one; concurrent calls share one request. */
    loadMore(): Promise<void> {
      if (!ctx.getState().hasMore || connections === 0 || !loaded) return Promise.resolve();
      if (loadingMore) return loadingMore;
      const gen = generation;
      ctx.commit({ isLoadingMore: true });
      loadingMore = loadPage(gen)
        .then(() => undefined)
        .catch((cause: unknown) => {
          const error = toInboxError(cause);
          ctx.reportError(error, { operation: 'loadMore' });
          ctx.commit({ error });
          throw error;
        })
        .finally(() => {
          loadingMore = undefined;
          ctx.commit({ isLoadingMore: false });
        });
      return loadingMore;
    },
  };
}
