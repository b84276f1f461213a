import type { Args, StoryContext } from '@storybook/react-vite';
import type { Conversation, ConversationAdapter, InboxProviderProps } from '../../src/index.js';
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryOperation,
} from '../../src/adapters/memory/index.js';

/**
 * What a story tells the global decorator through `parameters.inbox`. Everything is built fresh for each render
 * (in the global loader), so no two stories ever share an adapter or a store.
 */
export interface InboxParameters {
  /** Render the story without an `InboxProvider` (for stories that bring their own). */
  disable?: boolean;
  /**
   * Seed conversations, or a function of the story's args returning them (use a function for big lists: it runs
   * in the loader, once per render).
   */
  conversations?: readonly Conversation[] | ((args: Args) => readonly Conversation[]);
  /** Seed groups in order. */
  groups?: MemoryAdapterOptions['groups'];
  /** Latency of every adapter call, in ms. */
  latencyMs?: number;
  /** Other options of `createMemoryAdapter` (clock, unread rule, page size...). */
  memory?: Omit<MemoryAdapterOptions, 'conversations' | 'groups' | 'latencyMs'>;
  /** Operations that fail the next time they are called (e.g. `['loadConversations']` for the error state). */
  failNext?: readonly MemoryOperation[];
  /** A whole adapter instead of the memory one; called once per render. */
  adapter?: () => ConversationAdapter;
  /** Options of the store the provider creates (page size, comparator...). */
  storeOptions?: InboxProviderProps['storeOptions'];
  /** String overrides passed to `InboxProvider messages`. */
  messages?: Readonly<Record<string, string>>;
}

/** What the global loader puts in `context.loaded`. */
export interface InboxLoaded {
  adapter?: ConversationAdapter;
}

/** Builds the adapter a story asked for. Called by the global loader on every render. */
export function createStoryAdapter(parameters: InboxParameters | undefined, args: Args = {}): ConversationAdapter | undefined {
  if (parameters?.disable) return undefined;
  if (parameters?.adapter) return parameters.adapter();
  const seed = typeof parameters?.conversations === 'function' ? parameters.conversations(args) : parameters?.conversations;
  const adapter = createMemoryAdapter({
    // Stories never persist: a reload (or the next story) starts from the seed again.
    storage: null,
    ...parameters?.memory,
    conversations: seed ?? [],
    groups: parameters?.groups ?? [],
    latencyMs: parameters?.latencyMs ?? 0,
  });
  for (const operation of parameters?.failNext ?? []) adapter.failNext(operation);
  return adapter;
}

/** The adapter the decorator's provider runs on, for play functions that drive the simulated server. */
export function storyAdapter(context: Pick<StoryContext, 'loaded'>): ConversationAdapter {
  const adapter = (context.loaded as InboxLoaded).adapter;
  if (!adapter) throw new Error('This story has no adapter: is parameters.inbox.disable set?');
  return adapter;
}

/** The memory adapter of a story, with `simulate`, `failNext` and `setLatency`. */
export function storyMemoryAdapter(context: Pick<StoryContext, 'loaded'>): MemoryAdapter {
  const adapter = storyAdapter(context);
  if (!('simulate' in adapter)) throw new Error('This story does not run on the memory adapter.');
  return adapter as MemoryAdapter;
}

/** An adapter whose first load never answers: the list stays in its loading state. */
export function createNeverLoadingAdapter(): ConversationAdapter {
  const inner = createMemoryAdapter({ storage: null });
  return { ...inner, name: 'never-loading', loadConversations: () => new Promise<never>(() => undefined) };
}

/**
 * A memory adapter that reports a sync in progress as soon as a store subscribes, as an SDK does right after
 * login. `simulate.sync()` later reports it done.
 */
export function createSyncingAdapter(options: MemoryAdapterOptions): MemoryAdapter {
  const inner = createMemoryAdapter({ storage: null, ...options });
  return {
    ...inner,
    subscribe(listener) {
      const unsubscribe = inner.subscribe(listener);
      listener({ type: 'syncStateChanged', status: 'syncing' });
      return unsubscribe;
    },
  };
}
