import type { Args, StoryContext } from '@storybook/react-vite';
import type { Conversation, ConversationAdapter, InboxProviderProps } from '../../src/index.js';
import {
  createMemoryAdapter,
  type MemoryAdapter,
  type MemoryAdapterOptions,
  type MemoryOperation,
} from '../../src/adapters/memory/index.js';
import { createOpenIMAdapter, createMemoryGroupRegistry } from '../../src/adapters/openim/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
// The fakes' entry in source form: it imports no test runner.
import { createFakeOpenIMSdk, createFakeTencentChat, FakeTencentCloudChat } from '../../src/testing/fakes.js';
import { STORY_BACKEND_TITLES, STORY_BACKENDS, type StoryBackend } from './backends.js';
import { OPENIM_STORY_USER, toOpenIMSeed } from './openimSeed.js';
import { withSdkFaults, type SdkFaults } from './sdkFaults.js';
import { toTencentSeed } from './tencentSeed.js';

/**
 * What a story tells the global decorator through `parameters.inbox`. Everything is built fresh for each render
 * (in the global loader), so no two stories ever share an adapter or a store.
 */
export interface InboxParameters {
  /** Render the story without an `InboxProvider` (for stories that bring their own). */
  disable?: boolean;
  /**
   * Seed conversations, or a function of the story's args returning them (use a function for big lists: it runs
   * in the loader, once per render). On Tencent and OpenIM they become the SDK fake's records.
   */
  conversations?: readonly Conversation[] | ((args: Args) => readonly Conversation[]);
  /** Seed groups in order. */
  groups?: MemoryAdapterOptions['groups'];
  /** Latency of every adapter call (on Tencent and OpenIM, of every SDK call behind one), in ms. */
  latencyMs?: number;
  /**
   * Other options of `createMemoryAdapter` (clock, unread rule, capabilities...). Memory only: on Tencent and OpenIM
   * the adapter offers what that backend has, so a play that depends on these lists `backends`.
   */
  memory?: Omit<MemoryAdapterOptions, 'conversations' | 'groups' | 'latencyMs'>;
  /** Operations that fail the next time they are called (e.g. `['loadConversations']` for the error state). */
  failNext?: readonly MemoryOperation[];
  /**
   * A whole adapter instead of the one the Backend toolbar picks; called once per render. Such a story runs in the
   * memory (default) test run only, unless `backends` says otherwise.
   */
  adapter?: () => ConversationAdapter;
  /**
   * The backends the story runs on (default: every one, or only memory with `adapter`). List fewer when the play
   * needs what only some have (the memory simulator, paging, a pin limit), and say why in `backendsReason`.
   */
  backends?: readonly StoryBackend[];
  /** Why the story does not run on the other backends: the note of its skipped tests. */
  backendsReason?: string;
  /** Options of the store the provider creates (page size, comparator...). */
  storeOptions?: InboxProviderProps['storeOptions'];
  /** String overrides passed to `InboxProvider messages`. */
  messages?: Readonly<Record<string, string>>;
}

/**
 * The controls of the stories' "simulated server" (latency, refusals) on any backend: the memory adapter itself,
 * or the SDK fake's on Tencent and OpenIM.
 */
export type StoryServer = SdkFaults;

/** What the global loader puts in `context.loaded`. */
export interface InboxLoaded {
  adapter?: ConversationAdapter;
  /** The story's server controls; absent for a story's own adapter that is not a memory one. */
  server?: StoryServer;
  /** The backend the adapter was built for. */
  backend?: StoryBackend;
  /** Shown above the story in Storybook when it does not run on the backend the toolbar asks for. */
  notice?: string;
  /** What the seed had to approximate on this backend (see `seedShared.ts`), shown in Storybook. */
  approximations?: readonly string[];
}

/** The backend a story runs on for the one asked for, and why not the one asked for when it cannot. */
export interface BackendPlan {
  backend: StoryBackend;
  unsupported?: string;
}

/**
 * Where a story runs when `wanted` is asked for: there when it lists it (every backend by default), else on the
 * first backend it lists, with the reason. A story with its own adapter (or none) lists only memory by default.
 */
export function planStoryBackend(parameters: InboxParameters | undefined, wanted: StoryBackend): BackendPlan {
  const ownAdapter = parameters?.adapter !== undefined || parameters?.disable === true;
  const backends = parameters?.backends ?? (ownAdapter ? ['memory'] : STORY_BACKENDS);
  if (backends.includes(wanted)) return { backend: wanted };
  const reason =
    parameters?.backendsReason ??
    (ownAdapter && !parameters?.backends
      ? 'the story brings its own adapter (parameters.inbox.adapter), so the backend setting does not apply'
      : `the story runs on ${backends.map((backend) => STORY_BACKEND_TITLES[backend]).join(', ')} only (parameters.inbox.backends)`);
  return { backend: backends[0] ?? 'memory', unsupported: `Not run on ${STORY_BACKEND_TITLES[wanted]}: ${reason}.` };
}

/** A memory adapter that forgets everything between renders, with the story's seed, latency and refusals. */
function memoryAdapterFor(parameters: InboxParameters | undefined, seed: readonly Conversation[]): MemoryAdapter {
  const adapter = createMemoryAdapter({
    // Stories never persist: a reload (or the next story) starts from the seed again.
    storage: null,
    ...parameters?.memory,
    conversations: seed,
    groups: parameters?.groups ?? [],
    latencyMs: parameters?.latencyMs ?? 0,
  });
  for (const operation of parameters?.failNext ?? []) adapter.failNext(operation);
  return adapter;
}

/**
 * The real Tencent or OpenIM adapter over the SDK fake, seeded with the story's conversations and groups in the
 * SDK's own shapes (see `tencentSeed.ts`, `openimSeed.ts`), with the latency and refusals on the SDK calls.
 */
function sdkAdapterFor(backend: 'tencent' | 'openim', parameters: InboxParameters | undefined, seed: readonly Conversation[]): InboxLoaded {
  const groups = parameters?.groups ?? [];
  const latencyMs = parameters?.latencyMs ?? 0;
  let adapter: ConversationAdapter;
  let faults: SdkFaults;
  let approximations: string[];
  if (backend === 'tencent') {
    const seeded = toTencentSeed(seed, groups);
    const { sdk: chat, faults: tencentFaults } = withSdkFaults('tencent', createFakeTencentChat(seeded.chat), latencyMs);
    adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat, ...(seeded.systemTitle ? { systemTitle: seeded.systemTitle } : {}) });
    faults = tencentFaults;
    approximations = seeded.approximations;
  } else {
    const seeded = toOpenIMSeed(seed, groups);
    const { sdk, faults: openimFaults } = withSdkFaults('openim', createFakeOpenIMSdk(seeded.sdk), latencyMs);
    // Groups in memory, never in the browser's storage, where one story's would meet the next one's.
    adapter = createOpenIMAdapter({ sdk, selfUserId: OPENIM_STORY_USER, groupRegistry: createMemoryGroupRegistry() });
    faults = openimFaults;
    approximations = seeded.approximations;
  }
  for (const operation of parameters?.failNext ?? []) faults.failNext(operation);
  return { adapter, server: faults, backend, approximations };
}

/** Builds the adapter a story asked for, on `backend`. Called by the global loader on every render. */
export function createStoryAdapter(parameters: InboxParameters | undefined, args: Args = {}, backend: StoryBackend = 'memory'): InboxLoaded {
  if (parameters?.disable) return { backend };
  if (parameters?.adapter) {
    const adapter = parameters.adapter();
    return { adapter, backend, ...(isMemoryAdapter(adapter) ? { server: adapter } : {}) };
  }
  const seed = (typeof parameters?.conversations === 'function' ? parameters.conversations(args) : parameters?.conversations) ?? [];
  if (backend === 'memory') {
    const adapter = memoryAdapterFor(parameters, seed);
    return { adapter, server: adapter, backend };
  }
  return sdkAdapterFor(backend, parameters, seed);
}

function isMemoryAdapter(adapter: ConversationAdapter): adapter is MemoryAdapter {
  return 'simulate' in adapter && 'failNext' in adapter && 'setLatency' in adapter;
}

/** The adapter the decorator's provider runs on, for play functions that drive the simulated server. */
export function storyAdapter(context: Pick<StoryContext, 'loaded'>): ConversationAdapter {
  const adapter = (context.loaded as InboxLoaded).adapter;
  if (!adapter) throw new Error('This story has no adapter: is parameters.inbox.disable set?');
  return adapter;
}

/**
 * The memory adapter of a story, with `simulate`, `failNext` and `setLatency`. A story that uses it runs on memory
 * only: give it `parameters.inbox.backends: ['memory']` and a `backendsReason`.
 */
export function storyMemoryAdapter(context: Pick<StoryContext, 'loaded'>): MemoryAdapter {
  const adapter = storyAdapter(context);
  if (!isMemoryAdapter(adapter)) {
    const backend = (context.loaded as InboxLoaded).backend;
    throw new Error(
      `This story runs on ${backend ? STORY_BACKEND_TITLES[backend] : 'another adapter'}, not on the memory adapter: ` +
        "list parameters.inbox.backends: ['memory'] if it needs the memory simulator, or use storyServer(context) for latency and refusals.",
    );
  }
  return adapter;
}

/** The story's server controls (latency, refusals), on whichever backend it runs. */
export function storyServer(context: Pick<StoryContext, 'loaded'>): StoryServer {
  const server = (context.loaded as InboxLoaded).server;
  if (!server) throw new Error('This story has no server controls: its adapter is its own and not a memory adapter.');
  return server;
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
