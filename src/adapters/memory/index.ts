/**
 * `inboxkit/adapters/memory`: the embedded in-memory backend for Storybook, demos and tests, and a generator of
 * realistic conversations.
 */
export { createMemoryAdapter, MEMORY_OPERATIONS } from './adapter.js';
export type {
  FailNextOptions,
  MemoryAdapter,
  MemoryAdapterOptions,
  MemoryGroupSeed,
  MemoryOperation,
  MemorySimulator,
  SimulatedMessage,
} from './adapter.js';
export { generateConversations, GENERATE_DEFAULT_NOW } from './generate.js';
export type { GenerateOptions } from './generate.js';
export type { MemoryAdapterStorage, MemorySnapshot } from './storage.js';
