import type { ConversationAdapter } from '../../src/index.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../src/adapters/openim/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
// The fakes' entry (`inboxkit/testing/fakes`) in source form: unlike `src/testing/index.ts`, it does not import Vitest.
import { createFakeOpenIMSdk, createFakeTencentChat, fakeOpenIMTextMessage, FakeTencentCloudChat } from '../../src/testing/fakes.js';
import { minutesAgo, storyConversation } from './fixtures.js';
import type { InboxParameters } from './storyAdapter.js';

/** The backends GroupTabs' flow stories run on, each with the same small account in its SDK's own shapes. */
export type GroupTabsBackend = 'memory' | 'tencent' | 'openim';

/** Grace and the R&D group are in Work; Friends is empty; Ravi and Kenta are in no group. */
const ACCOUNT = [
  { key: 'grace', title: 'Grace Kim', kind: 'direct', unread: 2, minutes: 3, preview: 'Lunch at noon?', groups: ['Work'] },
  { key: 'rnd', title: '研发部 R&D', kind: 'group', unread: 4, minutes: 6, preview: '看一下这个 PR', groups: ['Work'] },
  { key: 'ravi', title: 'Ravi Patel', kind: 'direct', unread: 0, minutes: 15, preview: 'Invoice attached.', groups: [] },
  { key: 'ken', title: '佐藤 健太', kind: 'direct', unread: 1, minutes: 40, preview: 'よろしくお願いします', groups: [] },
] as const;
const GROUP_NAMES = ['Work', 'Friends'];

function memory(): ConversationAdapter {
  return createMemoryAdapter({
    storage: null,
    conversations: ACCOUNT.map((c) =>
      storyConversation({
        id: c.kind === 'group' ? `GROUP${c.key}` : `C2C${c.key}`,
        kind: c.kind,
        title: c.title,
        unreadCount: c.unread,
        lastMessage: { preview: c.preview, sentAt: minutesAgo(c.minutes) },
        groupNames: [...c.groups],
      }),
    ),
    groups: GROUP_NAMES.map((name) => ({ name, conversationIds: [] })),
  });
}

function tencent(): ConversationAdapter {
  const seconds = (minutes: number) => Math.floor(minutesAgo(minutes) / 1000);
  const chat = createFakeTencentChat({
    // Events at once rather than the SDK's one a second, so a play function's steps need not wait for them.
    throttleMs: 0,
    groups: GROUP_NAMES,
    conversations: ACCOUNT.map((c) => ({
      conversationID: c.kind === 'group' ? `GROUP${c.key}` : `C2C${c.key}`,
      unreadCount: c.unread,
      ...(c.kind === 'group' ? { groupProfile: { groupID: c.key, name: c.title, type: 'Private' } } : { userProfile: { userID: c.key, nick: c.title, avatar: '' } }),
      lastMessage: { lastTime: seconds(c.minutes), messageForShow: c.preview, fromAccount: c.key },
      conversationGroupList: [...c.groups],
    })),
  });
  return createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat });
}

function openIM(): ConversationAdapter {
  const sdk = createFakeOpenIMSdk({
    selfUserId: 'maya',
    conversations: ACCOUNT.map((c) => {
      const at = minutesAgo(c.minutes);
      const isGroup = c.kind === 'group';
      return {
        conversationID: isGroup ? `sg_${c.key}` : `si_${[c.key, 'maya'].sort().join('_')}`,
        conversationType: isGroup ? 3 : 1,
        ...(isGroup ? { groupID: c.key } : { userID: c.key }),
        showName: c.title,
        unreadCount: c.unread,
        latestMsg: fakeOpenIMTextMessage(c.preview, at, isGroup ? { sessionType: 3, groupID: c.key } : {}),
        latestMsgSendTime: at,
        // Emulated groups: membership in the conversation's `ex`, names in the registry.
        ex: c.groups.length > 0 ? JSON.stringify({ inboxkit: { groups: [...c.groups] } }) : '',
      };
    }),
  });
  return createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(GROUP_NAMES) });
}

/**
 * `parameters.inbox` for a backend: a fresh adapter over a fresh account on every render. A whole adapter, so the
 * story is on this backend whatever else picks one.
 */
export function groupTabsBackend(backend: GroupTabsBackend): InboxParameters {
  return { adapter: backend === 'memory' ? memory : backend === 'tencent' ? tencent : openIM };
}
