import type { AdapterEvent } from '../adapter.js';
import { checkEvent, type Refusal } from '../boundary.js';
import { InboxError, toInboxError } from '../errors.js';
import type { Conversation, ConversationId } from '../types.js';
import type { StoreContext } from './context.js';
import type { InboxOperation, InboxState } from './types.js';

const EMPTY: readonly ConversationId[] = Object.freeze([]);

export interface EventQueueHooks {
  /** The adapter's sync state changed; returns the state fields that follow from it. */
  onSyncState(status: 'syncing' | 'ready' | 'failed', error: unknown): Partial<InboxState>;
  /** The backend listed these conversations (a reload uses it to find the ones it no longer has). */
  onListed(conversations: readonly Conversation[]): void;
}

/** Reports each refused item of an adapter answer, with the operation it came with. */
export function reportRefused(ctx: StoreContext, refused: readonly Refusal[], operation: InboxOperation): void {
  for (const { error, id } of refused) ctx.reportError(error, id === undefined ? { operation } : { operation, ids: [id] });
}

/**
 * Sets a group's members to exactly `ids` in the confirmed state. Also looks at conversations that gained the name
 * earlier in this burst (not yet in the group's order).
 */
export function setMembership(ctx: StoreContext, name: string, ids: readonly ConversationId[]): void {
  const { layer, indexes } = ctx;
  const wanted = new Set(ids);
  const current = new Set(indexes.members(name));
  for (const id of indexes.changedIds()) current.add(id);
  for (const id of current) {
    const conversation = layer.confirmed(id);
    if (!wanted.has(id) && conversation?.groupNames.includes(name)) {
      layer.ingest({ ...conversation, groupNames: conversation.groupNames.filter((n) => n !== name) });
    }
  }
  // Only members the store holds can change: the held conversations when there are fewer of them than members (a
  // first page of 100 against a group of 30,000 looks at 100 rows, not 30,000 ids), else the members.
  const candidates = layer.confirmedCount < wanted.size ? [...layer.confirmedIds()] : wanted;
  for (const id of candidates) {
    const conversation = wanted.has(id) ? layer.confirmed(id) : undefined;
    if (conversation && !conversation.groupNames.includes(name)) {
      layer.ingest({ ...conversation, groupNames: [...conversation.groupNames, name] });
    }
  }
}

/**
 * Adapter events, checked at the boundary and applied in one commit per microtask: a burst of 1,000 messages is
 * one new state, not 1,000.
 */
export function createEventQueue(ctx: StoreContext, hooks: EventQueueHooks) {
  const { layer } = ctx;
  let queue: AdapterEvent[] = [];
  let scheduled = false;

  function apply(event: AdapterEvent, keep: readonly ConversationId[] = EMPTY): Partial<InboxState> {
    switch (event.type) {
      case 'upserted':
        for (const conversation of event.conversations) layer.ingest(conversation);
        return {};
      case 'removed':
        event.ids.forEach(layer.drop);
        return {};
      case 'replaced': {
        const incoming = new Set<ConversationId>(keep);
        for (const conversation of event.conversations) {
          incoming.add(conversation.id);
          layer.ingest(conversation);
        }
        for (const id of [...layer.confirmedIds()]) if (!incoming.has(id)) layer.drop(id);
        return {};
      }
      case 'groupsChanged': {
        const removed = layer.confirmedGroupNames.filter((name) => !event.names.includes(name));
        layer.setConfirmedGroupNames([...event.names]);
        for (const name of removed) setMembership(ctx, name, EMPTY);
        return {};
      }
      case 'groupMembershipChanged':
        setMembership(ctx, event.name, event.conversationIds);
        return {};
      case 'syncStateChanged':
        return hooks.onSyncState(event.status, event.error);
      case 'unreadTotalChanged':
        return { backendUnreadTotal: event.total };
      case 'groupUnreadChanged':
        ctx.indexes.setBackendGroupUnread(event.name, event.unreadCount);
        return {};
    }
  }

  /** Applies every queued event now, in one commit. */
  function flush(): void {
    scheduled = false;
    if (queue.length === 0) return;
    const events = queue;
    queue = [];
    let extra: Partial<InboxState> = {};
    // Each event is checked and applied on its own: a malformed one is reported and never costs the rest of the burst.
    for (const raw of events) {
      const { event, refused, keep } = checkEvent(raw);
      reportRefused(ctx, refused, 'event');
      if (!event) continue;
      try {
        extra = { ...extra, ...apply(event, keep) };
        if (event.type === 'upserted' || event.type === 'replaced') hooks.onListed(event.conversations);
      } catch (cause) {
        ctx.reportError(toInboxError(cause, 'Applying an adapter event failed.'), { operation: 'event' });
      }
    }
    ctx.commit(extra);
  }

  return {
    flush,
    /** The listener given to `adapter.subscribe`. */
    push(event: AdapterEvent): void {
      queue.push(event);
      if (!scheduled) {
        scheduled = true;
        queueMicrotask(flush);
      }
    },
  };
}

/** The error a failed sync reports: the adapter's own when it is an InboxError. */
export function syncError(error: unknown): InboxError {
  return error instanceof InboxError ? error : toInboxError(error, 'The backend failed to sync.');
}
