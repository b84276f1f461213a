/**
 * The GroupTabs tests' backends: one small account on the memory adapter, on the Tencent adapter over the Tencent
 * fake, and on the OpenIM adapter over the OpenIM fake (emulated groups), each behind a connected store. The same
 * people and groups on each, in each SDK's own shapes, so a test names conversations by title and runs on all three;
 * `backendGroupsOf` reads what the backend itself holds (not the store), to see that a flow reached it.
 */
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../src/adapters/openim/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
import type { ConversationAdapter } from '../../src/core/adapter.js';
import type { InboxStore } from '../../src/core/store.js';
import { createFakeOpenIMSdk, fakeOpenIMTextMessage, type FakeOpenIMSdk } from '../../src/testing/fakeOpenIMSdk.js';
import { createFakeTencentChat, FakeTencentCloudChat, type FakeTencentChat } from '../../src/testing/fakeTencentChat.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

export type BackendName = 'memory' | 'tencent' | 'openim';
export const BACKENDS: readonly BackendName[] = ['memory', 'tencent', 'openim'];

/** The account: Alice is in Work; Bob, Carol and the Dev team are in no group. Times in minutes ago. */
const PEOPLE = [
  { key: 'alice', title: 'Alice', unread: 3, minutesAgo: 1, groups: ['Work'] },
  { key: 'bob', title: 'Bob', unread: 0, minutesAgo: 5, groups: [] },
  { key: 'carol', title: 'Carol', unread: 2, minutesAgo: 9, groups: [] },
] as const;
const TEAM = { key: 'dev', title: 'Dev team', unread: 0, minutesAgo: 20 } as const;
const GROUPS = ['Work', 'Friends'] as const;

const NOW = 1_741_953_600_000;

export interface Backend {
  name: BackendName;
  adapter: ConversationAdapter;
  /** The conversation id of a title, in this backend's format. */
  idOf: (title: string) => string;
  /** The groups a conversation is in, as the backend itself holds them. */
  backendGroupsOf: (title: string) => readonly string[];
  /** The group names the backend holds. */
  backendGroupNames: () => readonly string[];
}

function memoryBackend(adjust: (adapter: ConversationAdapter) => ConversationAdapter): Backend {
  const ids = new Map<string, string>([...PEOPLE.map((p) => [p.title, `C2C${p.key}`] as const), [TEAM.title, `GROUP${TEAM.key}`]]);
  const memory = createMemoryAdapter({
    storage: null,
    conversations: [
      ...PEOPLE.map((p) =>
        makeConversation({ id: ids.get(p.title)!, title: p.title, unreadCount: p.unread, lastActivityAt: NOW - p.minutesAgo * 60_000, groupNames: [...p.groups] }),
      ),
      makeConversation({ id: ids.get(TEAM.title)!, kind: 'group', title: TEAM.title, lastActivityAt: NOW - TEAM.minutesAgo * 60_000 }),
    ],
    groups: GROUPS.map((name) => ({ name, conversationIds: PEOPLE.filter((p) => (p.groups as readonly string[]).includes(name)).map((p) => ids.get(p.title)!) })),
  });
  const byId = (title: string) => memory.getSnapshot().conversations.find((c) => c.id === ids.get(title));
  return {
    name: 'memory',
    adapter: adjust(memory),
    idOf: (title) => ids.get(title)!,
    backendGroupsOf: (title) => byId(title)?.groupNames ?? [],
    backendGroupNames: () => memory.getSnapshot().groups.map((g) => g.name),
  };
}

function tencentBackend(adjust: (adapter: ConversationAdapter) => ConversationAdapter): Backend & { chat: FakeTencentChat } {
  const seconds = (minutesAgo: number) => Math.floor(NOW / 1000) - minutesAgo * 60;
  const chat = createFakeTencentChat({
    throttleMs: 0,
    groups: [...GROUPS],
    conversations: [
      ...PEOPLE.map((p) => ({
        conversationID: `C2C${p.key}`,
        unreadCount: p.unread,
        userProfile: { userID: p.key, nick: p.title, avatar: '' },
        lastMessage: { lastTime: seconds(p.minutesAgo), messageForShow: 'hi', fromAccount: p.key },
        conversationGroupList: [...p.groups],
      })),
      {
        conversationID: `GROUP${TEAM.key}`,
        groupProfile: { groupID: TEAM.key, name: TEAM.title, type: 'Private' },
        lastMessage: { lastTime: seconds(TEAM.minutesAgo), messageForShow: 'build is green', fromAccount: 'bob' },
      },
      // Tencent's group system notices: a row like the others, which the SDK refuses to group (2503).
      { conversationID: '@TIM#SYSTEM', unreadCount: 0, lastMessage: { lastTime: seconds(30), messageForShow: 'notice' } },
    ],
  });
  const ids = new Map<string, string>([...PEOPLE.map((p) => [p.title, `C2C${p.key}`] as const), [TEAM.title, `GROUP${TEAM.key}`]]);
  return {
    name: 'tencent',
    chat,
    adapter: adjust(createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat })),
    idOf: (title) => ids.get(title) ?? title,
    backendGroupsOf: (title) => chat.peek(ids.get(title) ?? title)?.conversationGroupList ?? [],
    backendGroupNames: () => chat.groupNames(),
  };
}

function openIMBackend(adjust: (adapter: ConversationAdapter) => ConversationAdapter): Backend & { sdk: FakeOpenIMSdk } {
  const self = 'me';
  const ids = new Map<string, string>([...PEOPLE.map((p) => [p.title, `si_${[self, p.key].sort().join('_')}`] as const), [TEAM.title, `sg_${TEAM.key}`]]);
  const sdk = createFakeOpenIMSdk({
    selfUserId: self,
    now: () => NOW,
    conversations: [
      ...PEOPLE.map((p) => ({
        conversationID: ids.get(p.title)!,
        conversationType: 1,
        userID: p.key,
        showName: p.title,
        unreadCount: p.unread,
        latestMsg: fakeOpenIMTextMessage('hi', NOW - p.minutesAgo * 60_000),
        latestMsgSendTime: NOW - p.minutesAgo * 60_000,
        ex: p.groups.length > 0 ? JSON.stringify({ inboxkit: { groups: [...p.groups] } }) : '',
      })),
      {
        conversationID: ids.get(TEAM.title)!,
        conversationType: 3,
        groupID: TEAM.key,
        showName: TEAM.title,
        latestMsg: fakeOpenIMTextMessage('build is green', NOW - TEAM.minutesAgo * 60_000, { sessionType: 3, groupID: TEAM.key }),
        latestMsgSendTime: NOW - TEAM.minutesAgo * 60_000,
      },
    ],
  });
  const registry = createMemoryGroupRegistry([...GROUPS]);
  const groupsInEx = (ex: string | undefined): string[] => {
    if (!ex) return [];
    const parsed = JSON.parse(ex) as { inboxkit?: { groups?: string[] } };
    return parsed.inboxkit?.groups ?? [];
  };
  return {
    name: 'openim',
    sdk,
    adapter: adjust(createOpenIMAdapter({ sdk, groupRegistry: registry })),
    idOf: (title) => ids.get(title)!,
    backendGroupsOf: (title) => groupsInEx(sdk.row(ids.get(title)!)?.ex),
    backendGroupNames: () => registry.load() as string[],
  };
}

/** The backend, its adapter changed by `adjust` (capabilities narrowed, a result rewritten). */
export function makeBackend(name: BackendName, adjust: (adapter: ConversationAdapter) => ConversationAdapter = (a) => a): Backend {
  return name === 'memory' ? memoryBackend(adjust) : name === 'tencent' ? tencentBackend(adjust) : openIMBackend(adjust);
}

/** Renders `ui` over a connected store on the backend, in a locale, with a user-event session. */
export async function renderOn(backend: Backend, ui: ReactElement, locale = 'en'): Promise<{ store: InboxStore; user: ReturnType<typeof userEvent.setup> } & ReturnType<typeof renderWithStore>> {
  const store = makeStore(backend.adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  return { store, user, ...renderWithStore(ui, store, withLocale(locale)) };
}
