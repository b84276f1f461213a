/**
 * SDK events to adapter events. Tencent sends full snapshots, so:
 * - `CONVERSATION_LIST_UPDATED` (`{ data: Conversation[], isSyncCompleted }`, throttled to 1 s by the SDK) becomes a
 *   `replaced` event; whatever is missing from it is gone, and the store keeps unchanged conversations as they were;
 * - `CONVERSATION_GROUP_LIST_UPDATED` (`data: string[]`) becomes `groupsChanged`;
 * - `CONVERSATION_IN_GROUP_UPDATED` (`data: { groupName, conversationList }`, the whole membership) becomes
 *   `groupMembershipChanged`, which the store diffs against what it holds;
 * - `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED` (`data: number`) becomes `unreadTotalChanged`, less what hidden
 *   conversations add (`total.ts`; each snapshot tells it which are hidden);
 * - `SDK_READY` / `SDK_NOT_READY` and `isSyncCompleted` become `syncStateChanged`.
 *
 * SDK listeners are registered with `chat.on` when the first adapter listener subscribes and removed with
 * `chat.off` when the last one leaves.
 */
import { createEmitter } from '../../core/emitter.js';
import type { AdapterEvent, AdapterListener, SyncStatus } from '../../core/adapter.js';
import { InboxError } from '../../core/errors.js';
import type { Conversation } from '../../core/types.js';
import { conversationIdsOf, groupNamesOf } from './map.js';
import type { TencentTotal } from './total.js';
import type { TencentChatLike, TencentEventHandler, TencentEvents, TencentSdkEvent } from './types.js';

/** What the bridge needs from the adapter. */
export interface TencentEventBridgeOptions {
  chat: TencentChatLike;
  events: TencentEvents;
  mapList(list: unknown): Conversation[];
  /** The total the adapter reports, told of every SDK total and full list. */
  total: TencentTotal;
  /** Called on `SDK_READY` (the adapter refreshes its snapshot). */
  onReady?(): void;
  /** Called on `SDK_NOT_READY`. */
  onNotReady?(): void;
}

/** The adapter's side of the SDK events. */
export interface TencentEventBridge {
  subscribe(listener: AdapterListener): () => void;
  /** Sends an event to every adapter listener; a throwing listener does not stop the others. */
  emit(event: AdapterEvent): void;
  /** Reports a sync state, once per change. */
  reportSync(status: SyncStatus, error?: InboxError): void;
  /** Reports `isSyncCompleted` from a snapshot: `ready` when true, `syncing` when false. */
  noteSyncCompleted(isSyncCompleted: unknown): void;
  /** Number of adapter listeners. */
  readonly size: number;
}

function payload(event: unknown): TencentSdkEvent {
  return typeof event === 'object' && event !== null ? event : {};
}

/** Creates the bridge between one `chat` instance and the adapter's listeners. */
export function createTencentEventBridge(options: TencentEventBridgeOptions): TencentEventBridge {
  const { chat, events } = options;
  const listeners = createEmitter<[AdapterEvent]>();
  let syncStatus: SyncStatus | undefined;

  function emit(event: AdapterEvent): void {
    listeners.emit(event);
  }

  function reportSync(status: SyncStatus, error?: InboxError): void {
    if (status === syncStatus) return;
    syncStatus = status;
    emit(error ? { type: 'syncStateChanged', status, error } : { type: 'syncStateChanged', status });
  }

  function noteSyncCompleted(isSyncCompleted: unknown): void {
    if (typeof isSyncCompleted === 'boolean') reportSync(isSyncCompleted ? 'ready' : 'syncing');
  }

  const handlers: Record<keyof TencentEvents, TencentEventHandler> = {
    CONVERSATION_LIST_UPDATED(event) {
      const { data, isSyncCompleted } = payload(event);
      if (Array.isArray(data)) {
        const conversations = options.mapList(data);
        emit({ type: 'replaced', conversations });
        options.total.noteList(conversations);
      }
      noteSyncCompleted(isSyncCompleted);
    },
    CONVERSATION_GROUP_LIST_UPDATED(event) {
      const { data } = payload(event);
      if (!Array.isArray(data)) return;
      emit({ type: 'groupsChanged', names: groupNamesOf(data) });
    },
    CONVERSATION_IN_GROUP_UPDATED(event) {
      const data = payload(event).data as { groupName?: unknown; conversationList?: unknown } | undefined;
      if (typeof data?.groupName !== 'string' || !data.groupName) return;
      emit({ type: 'groupMembershipChanged', name: data.groupName, conversationIds: conversationIdsOf(data.conversationList) });
    },
    TOTAL_UNREAD_MESSAGE_COUNT_UPDATED(event) {
      const { data } = payload(event);
      if (typeof data === 'number' && Number.isFinite(data)) options.total.noteSdkTotal(data);
    },
    SDK_READY() {
      options.onReady?.();
    },
    SDK_NOT_READY() {
      reportSync(
        'failed',
        new InboxError('NOT_READY', 'Tencent Cloud Chat is not ready: the user logged out, was kicked out or the login expired.'),
      );
      options.onNotReady?.();
    },
  };
  const names = Object.keys(handlers) as (keyof TencentEvents)[];

  return {
    subscribe(listener) {
      const off = listeners.on(listener);
      if (listeners.size === 1) for (const name of names) chat.on(events[name], handlers[name]);
      let active = true;
      return () => {
        if (!active) return;
        active = false;
        off();
        if (listeners.size === 0) {
          for (const name of names) chat.off(events[name], handlers[name]);
          syncStatus = undefined;
        }
      };
    },
    emit,
    reportSync,
    noteSyncCompleted,
    get size() {
      return listeners.size;
    },
  };
}
