/**
 * `inboxkit/testing/fakes`: the SDK fakes and the test helpers, with no test runner. Stories, demos, apps and tests
 * on any runner can import this entry; it must never import Vitest (test/adapters/fakes-entry.test.ts walks its
 * module graph to keep it so). `inboxkit/testing` re-exports all of it, plus the Vitest conformance suite.
 */
export { buildConformanceFixture, collectPages, makeConversation } from './helpers.js';
export type { ConformanceFixtureOptions } from './helpers.js';
export type { ConformanceFixture, ConformanceFixtureConversation } from './types.js';
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
