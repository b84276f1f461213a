/**
 * `inboxkit/adapters/memory`: the embedded in-memory backend for Storybook, demos and tests, and a generator of
 * realistic conversations.
 *
 * Where its unread numbers come from: the backend counts them itself, exactly as the store does (under
 * `unreadRule`, hidden conversations left out): the total (`getTotalUnread`, `unreadTotalChanged` after every change
 * that moves it) and each group's count (`ConversationGroup.unreadCount` from `loadGroups`, `groupUnreadChanged` after
 * every change that moves it). While pages remain the
 * store shows these, and once every page is loaded its own, which are then equal. Every mark and every optional
 * command is supported; marks are flags, as on Tencent (a message leaves a hidden conversation hidden).
 */
export { createMemoryAdapter, MEMORY_OPERATIONS } from './adapter.js';
export type {
  MemoryCall,
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
