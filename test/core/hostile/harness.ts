import { createMemoryAdapter, type MemoryAdapter } from '../../../src/adapters/memory/index.js';
import { createMemoryDraftStorage, readDrafts, type DraftStorage } from '../../../src/core/drafts.js';
import { createInboxStore, type InboxStore } from '../../../src/core/store.js';
import { conv } from '../scriptedAdapter.js';

/** A valid conversation with sensible defaults (the scripted adapter's `conv`). */
export const row = conv;

/** The names a plain object inherits: ids like these broke every object-keyed table. */
export const PROTOTYPE_IDS = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf'] as const;

/**
 * Wraps an adapter so that every method call is logged by name (reads included), to prove that a refused call
 * never reached the backend.
 */
export function logCalls<T extends object>(adapter: T): { adapter: T; calls: string[] } {
  const calls: string[] = [];
  const proxy = new Proxy(adapter, {
    get(target, key, receiver) {
      const value: unknown = Reflect.get(target, key, receiver);
      if (typeof value !== 'function' || typeof key !== 'string') return value;
      return (...args: unknown[]) => {
        calls.push(key);
        return (value as (...a: unknown[]) => unknown).apply(target, args);
      };
    },
  });
  return { adapter: proxy, calls };
}

export interface Fixture {
  memory: MemoryAdapter;
  store: InboxStore;
  storage: DraftStorage;
  calls: string[];
  /** Everything a refused call must leave as it was. */
  observe(): { state: unknown; drafts: unknown; backend: unknown; calls: number };
}

/** A connected store over the memory adapter, with groups Work and Café, three rows and a draft. */
export async function connectedFixture(options: { commandTimeoutMs?: number } = {}): Promise<Fixture> {
  const memory = createMemoryAdapter({
    conversations: [
      row('C2Calice', { unreadCount: 2, groupNames: ['Work'], lastActivityAt: 3_000 }),
      row('GROUPdev', { kind: 'group', isPinned: true, lastActivityAt: 2_000 }),
      row('constructor', { lastActivityAt: 1_000 }),
    ],
    groups: [
      { name: 'Work', conversationIds: ['C2Calice'] },
      { name: 'Café', conversationIds: [] },
    ],
  });
  const storage = createMemoryDraftStorage({ C2Calice: { text: 'kept', updatedAt: 1 } });
  const { adapter, calls } = logCalls(memory);
  const store = createInboxStore({ adapter, draftStorage: storage, ...options });
  await store.connect();
  calls.length = 0;
  return {
    memory,
    store,
    storage,
    calls,
    observe: () => ({
      state: store.getState(),
      drafts: [...readDrafts(storage)],
      backend: JSON.stringify(memory.getSnapshot()),
      calls: calls.length,
    }),
  };
}

/** Resolves with what `promise` rejected with (fails when it resolves). */
export async function rejectionOf(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}
