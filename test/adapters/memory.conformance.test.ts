import { OPENIM_UNREAD_RULE } from '../../src/core/adapter.js';
import type { Conversation } from '../../src/core/types.js';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { describeAdapterConformance, makeConversation, type ConformanceFixture, type ConformanceHarness } from '../../src/testing/index.js';

/** The fixture as memory conversations: ids mimic Tencent Web, titles are the keys. */
function toConversations(fixture: ConformanceFixture): Conversation[] {
  return fixture.conversations.map((c) =>
    makeConversation({
      id: c.kind === 'direct' ? `C2C${c.key}` : `GROUP${c.key}`,
      kind: c.kind,
      ...(c.kind === 'direct' ? { peerUserId: c.key } : { groupId: c.key }),
      title: c.key,
      unreadCount: c.unreadCount,
      muteMode: c.muteMode,
      isPinned: c.isPinned,
      lastActivityAt: c.lastActivityAt,
      lastMessage: { id: `m-${c.key}`, preview: `last message of ${c.key}`, sentAt: c.lastActivityAt },
      groupNames: c.groupNames,
    }),
  );
}

function memoryHarness(options: MemoryAdapterOptions = {}) {
  return (fixture: ConformanceFixture): ConformanceHarness => {
    const conversations = toConversations(fixture);
    const adapter = createMemoryAdapter({
      ...options,
      conversations,
      groups: fixture.groups.map((name) => ({ name, conversationIds: [] })),
      now: () => fixture.now,
    });
    const idOf = (key: string) => conversations.find((c) => c.title === key)!.id;
    return {
      adapter,
      receiveMessage: (key, preview, at) => {
        adapter.simulate.message(idOf(key), { preview, at });
      },
    };
  };
}

describeAdapterConformance('memory', memoryHarness(), { muteModes: ['none', 'silent', 'silentExceptMention', 'blocked'] });

describeAdapterConformance(
  'memory (OpenIM rule and order, no marks, with latency)',
  memoryHarness({ unreadRule: OPENIM_UNREAD_RULE, orderBy: 'lastActivityOrDraft', marks: [], latencyMs: 2 }),
  { muteModes: ['none', 'silent', 'blocked'] },
);
