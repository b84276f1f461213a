import { act, fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import type { InboxState, InboxStore, ListFilter } from '../../src/core/store.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { jsdomVirtualizer } from '../utils/jsdomGrid.js';
import { makeStore, renderWithStore } from '../utils/render.js';

const NOW = 1_700_000_000_000;

/** The store, with every read of a filtered order (unread only, mentions only) through its states counted. */
function countFilteredReads(store: InboxStore) {
  const reads = { filtered: 0 };
  const wrapped = new WeakMap<InboxState, InboxState>();
  const isFiltered = (filter?: ListFilter) => Boolean(filter?.unreadOnly || filter?.mentionsOnly);
  const wrap = (state: InboxState): InboxState => {
    let counted = wrapped.get(state);
    if (!counted) {
      const { lists } = state;
      counted = {
        ...state,
        lists: {
          ...lists,
          view: (group, filter) => {
            if (isFiltered(filter)) reads.filtered++;
            return lists.view(group, filter);
          },
        },
      };
      wrapped.set(state, counted);
    }
    return counted;
  };
  const counted: InboxStore = {
    ...store,
    getState: () => wrap(store.getState()),
    subscribe: (listener) => store.subscribe((state, previous) => listener(wrap(state), wrap(previous))),
  };
  return { counted, reads };
}

describe('ConversationList: jump keys', () => {
  it('offers the jump keys without reading unread-only or mentions-only lists on each change', async () => {
    const conversations = Array.from({ length: 30 }, (_, i) =>
      makeConversation({ id: `c${i}`, title: `Chat ${i}`, lastActivityAt: NOW - i * 1000, unreadCount: i === 12 ? 2 : 0 }),
    );
    const adapter = createMemoryAdapter({ conversations, now: () => NOW });
    const { counted, reads } = countFilteredReads(makeStore(adapter));
    const onSelect = vi.fn();
    renderWithStore(<ConversationList aria-label="Chats" selectionMode="single" onSelect={onSelect} virtualizerOptions={jsdomVirtualizer(64, 640)} />, counted);
    await waitFor(() => expect(counted.getState().status).toBe('ready'));

    reads.filtered = 0;
    for (let i = 0; i < 5; i++) {
      await act(async () => {
        adapter.simulate.message(`c${20 + i}`, { preview: `hello ${i}` });
        await Promise.resolve();
      });
    }
    expect(reads.filtered).toBe(0);

    // The keys still work: Alt+Shift+↓ goes to the first unread row on screen (the messages share c0's time and follow it).
    fireEvent.keyDown(document.body, { key: 'ArrowDown', code: 'ArrowDown', altKey: true, shiftKey: true });
    // A generous wait: the jump is a promise and two renders, which a loaded CI machine can stretch past a second.
    await waitFor(() => expect(screen.getByRole('row', { name: /Chat 20/ })).toHaveAttribute('aria-selected', 'true'), { timeout: 5_000 });
    expect(onSelect).toHaveBeenCalledWith('c20');
  });
});
