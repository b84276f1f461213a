/**
 * `inboxkit/testing`: the adapter conformance suite and helpers for test authors. Importing this entry imports
 * Vitest (an optional peer dependency); the helpers alone live in `./helpers.js`, which does not.
 */
export { describeAdapterConformance } from './conformance.js';
export { buildConformanceFixture, collectPages, makeConversation } from './helpers.js';
export type { ConformanceFixtureOptions } from './helpers.js';
export type {
  ConformanceFixture,
  ConformanceFixtureConversation,
  ConformanceHarness,
  ConformanceOptions,
  CreateConformanceHarness,
} from './types.js';
export { createFakeTencentChat, FakeTencentChat, FakeTencentCloudChat, FAKE_TENCENT_TYPES, FAKE_TENCENT_EVENT } from './fakeTencentChat.js';
export type {
  FakeTencentChatOptions,
  FakeTencentConversation,
  FakeTencentConversationSeed,
  FakeTencentLastMessage,
  FakeTencentGroupAtInfo,
  FakeTencentCall,
  FakeTencentError,
  FakeTencentEvent,
  FakeTencentMessageOptions,
} from './fakeTencentChat.js';
export { createFakeOpenIMSdk, fakeOpenIMConversationId, fakeOpenIMTextMessage } from './fakeOpenIMSdk.js';
export type { FakeOpenIMSdk, FakeOpenIMSdkOptions, FakeOpenIMConversationSeed, FakeOpenIMFailure, FakeOpenIMMessageOptions } from './fakeOpenIMSdk.js';
