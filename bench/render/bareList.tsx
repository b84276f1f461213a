// The baseline: the least a good design costs for the same list. A plain sorted id array in a zustand vanilla store,
// spliced on each message, and @tanstack/react-virtual with memoized fixed-height rows that each read their own
// conversation. No kit code. Bench page only.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useRef } from 'react';
import { useStore } from 'zustand';
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { Conversation } from '../../src/core/types.js';

const ROW_HEIGHT = 64;

export interface BareState {
  /** Ids, most recent first. A new array whenever the order changes. */
  ids: readonly string[];
  /**
   * Conversations by id. Changed in place (the changed conversation is a new object, so its row sees the change):
   * copying a 100,000-entry table per message would charge the baseline for a cost a careful app avoids.
   */
  conversations: Map<string, Conversation>;
}

export type BareStore = StoreApi<BareState> & { message(id: string, preview: string): void };

const newestFirst = (a: Conversation, b: Conversation) => b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The store from raw conversations: a table and a sorted id array. */
export function createBareStore(raw: readonly Conversation[]): BareStore {
  const conversations = new Map(raw.map((c) => [c.id, c]));
  const ids = raw.slice().sort(newestFirst).map((c) => c.id);
  const store = createStore<BareState>(() => ({ ids, conversations }));
  const message = (id: string, preview: string) => {
    const { ids, conversations } = store.getState();
    const old = conversations.get(id);
    if (!old) return;
    const at = Math.max(Date.now(), (conversations.get(ids[0]!)?.lastActivityAt ?? 0) + 1);
    const next: Conversation = { ...old, lastActivityAt: at, unreadCount: old.unreadCount + 1, lastMessage: { preview, sentAt: at } };
    conversations.set(id, next);
    // Out of its place, into its new one (found by binary search), in a copy so React sees a new order.
    const order = ids.slice();
    order.splice(order.indexOf(id), 1);
    let lo = 0;
    let hi = order.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newestFirst(conversations.get(order[mid]!)!, next) < 0) lo = mid + 1;
      else hi = mid;
    }
    order.splice(lo, 0, id);
    store.setState({ ids: order });
  };
  return Object.assign(store, { message });
}

const timeFormat = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit' });

const BareRow = memo(function BareRow({ store, id, start }: { store: BareStore; id: string; start: number }) {
  const conversation = useStore(store, (s) => s.conversations.get(id));
  if (!conversation) return null;
  return (
    <div role="row" data-conversation-id={id} className="bare-row" style={{ transform: `translateY(${start}px)` }}>
      <span className="bare-avatar">{conversation.title.slice(0, 1)}</span>
      <span className="bare-body">
        <span className="bare-line">
          <span className="bare-title">{conversation.title}</span>
          <time className="bare-time">{timeFormat.format(conversation.lastActivityAt)}</time>
        </span>
        <span className="bare-line">
          <span className="bare-preview">{conversation.lastMessage?.preview ?? ''}</span>
          {conversation.unreadCount > 0 && <span className="bare-badge">{conversation.unreadCount}</span>}
        </span>
      </span>
    </div>
  );
});

/** The baseline list: one subscription to the order, the virtualizer keyed by id, rows memoized. */
export function BareList({ store }: { store: BareStore }) {
  const ids = useStore(store, (s) => s.ids);
  const scrollRef = useRef<HTMLDivElement | null>(null);
  // As the virtualizer's own examples use it; the bench page is not built with React Compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: ids.length,
    getScrollElement: useCallback(() => scrollRef.current, []),
    estimateSize: useCallback(() => ROW_HEIGHT, []),
    getItemKey: useCallback((index: number) => ids[index]!, [ids]),
    overscan: 8,
  });
  return (
    <div ref={scrollRef} role="grid" aria-label="Conversations" className="bare-list">
      <div style={{ position: 'relative', height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((item) => (
          <BareRow key={item.key} store={store} id={ids[item.index]!} start={item.start} />
        ))}
      </div>
    </div>
  );
}
