// Bundle budgets, checked in CI by `npx size-limit` (gzip, peers left out). They are guards against regressions,
// not goals: code is never made harder to read to fit them. A feature that needs more says so and raises its limit.

/** Peer dependencies and optional SDKs: the app already has them, so they are not the kit's bytes. */
const peers = [
  'react',
  'react-dom',
  'react/jsx-runtime',
  'react-dom/client',
  'zustand',
  'zustand/vanilla',
  'zustand/traditional',
  '@tanstack/react-virtual',
  '@tanstack/virtual-core',
  '@tencentcloud/chat',
  '@openim/wasm-client-sdk',
];

const entry = (name, path, limit, { importing = '*', ignore = [...peers, 'vitest'] } = {}) => ({
  name,
  path,
  import: importing,
  gzip: true,
  limit,
  ignore,
});

export default [
  entry('inboxkit (root entry, everything)', 'dist/index.js', '40 kB'),
  entry('InboxProvider + ConversationList', 'dist/index.js', '23.5 kB', { importing: '{ InboxProvider, ConversationList }' }),
  entry('InboxProvider + Inbox', 'dist/index.js', '31.5 kB', { importing: '{ InboxProvider, Inbox }' }),
  entry('inboxkit hooks only', 'dist/index.js', '14 kB', {
    importing:
      '{ InboxProvider, useConversationList, useConversation, useUnreadTotal, useConversationGroups, useConversationActions, useDraft, useSyncState }',
  }),
  entry('inboxkit/core', 'dist/core/index.js', '13.5 kB'),
  entry('inboxkit/adapters/memory', 'dist/adapters/memory/index.js', '14 kB'),
  entry('inboxkit/adapters/tencent', 'dist/adapters/tencent/index.js', '10 kB'),
  entry('inboxkit/adapters/openim', 'dist/adapters/openim/index.js', '12.5 kB'),
  // vitest is not left out here on purpose: the fakes entry must never import it (a vitest import blows this budget).
  entry('inboxkit/testing/fakes', 'dist/testing/fakes.js', '12 kB', { ignore: peers }),
  entry('inboxkit/locales/zh-CN', 'dist/locales/zh-CN.js', '2 kB'),
  entry('inboxkit/locales/ja', 'dist/locales/ja.js', '2.5 kB'),
  entry('inboxkit/locales/ar', 'dist/locales/ar.js', '2.5 kB'),
];
