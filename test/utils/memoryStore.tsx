import { act } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import type { Conversation, ConversationId } from '../../src/core/types.js';
import { InboxProvider } from '../../src/react/index.js';
import { makeStore } from './render.js';

/**
 * A connected store over a memory backend holding `conversations` (`page` per page), with a provider wrapper for
 * `renderHook` and two ways to change the backend that the store applies at once: a message that moves a
 * conversation to the top (at increasing times from `startAt`), and any change to the memory adapter.
 */
export async function connectedMemoryStore(
  conversations: Conversation[],
  { page = conversations.length, startAt = Date.now(), ...options }: Omit<MemoryAdapterOptions, 'conversations'> & { page?: number; startAt?: number } = {},
) {
  const adapter = createMemoryAdapter({ storage: null, ...options, conversations, pageSize: page });
  const store = makeStore(adapter, { pageSize: page });
  await act(() => store.connect());
  const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider store={store}>{children}</InboxProvider>;
  let at = startAt;
  const message = (target: ConversationId) =>
    act(() => {
      adapter.simulate.message(target, { preview: 'hi', at: (at += 1000) });
      store.flush();
    });
  const push = (change: (memory: MemoryAdapter) => void) =>
    act(() => {
      change(adapter);
      store.flush();
    });
  return { adapter, store, wrapper, message, push };
}
