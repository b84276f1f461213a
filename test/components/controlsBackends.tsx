/**
 * The row menu's and the settings menu's tests run on three backends: the memory adapter, the Tencent adapter over
 * the Tencent fake (every mark; a group needs a conversation, `emptyGroups: false`) and the OpenIM adapter over the
 * OpenIM fake (marks and groups emulated in `ex`). One small account on each, in the SDK's own shapes: Alice has
 * two unread messages and is in Work; Bob is read and in no group. Tests name conversations by title.
 */
import userEvent from '@testing-library/user-event';
import type { ReactElement } from 'react';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../src/adapters/openim/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
import type { ConversationAdapter } from '../../src/core/adapter.js';
import type { InboxStore } from '../../src/core/store.js';
import { createFakeOpenIMSdk, fakeOpenIMTextMessage } from '../../src/testing/fakeOpenIMSdk.js';
import { createFakeTencentChat, FakeTencentCloudChat } from '../../src/testing/fakeTencentChat.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

export type ControlsBackendName = 'memory' | 'tencent' | 'openim';
export const CONTROLS_BACKENDS: readonly ControlsBackendName[] = ['memory', 'tencent', 'openim'];

const NOW = 1_741_953_600_000;
const ACCOUNT = [
  { key: 'alice', title: 'Alice', unread: 2, minutesAgo: 1, groups: ['Work'] },
  { key: 'bob', title: 'Bob', unread: 0, minutesAgo: 5, groups: [] },
] as const;

export interface ControlsBackend {
  name: ControlsBackendName;
  adapter: ConversationAdapter;
  /** The conversation id of a title, in the backend's own format. */
  idOf: (title: string) => string;
}

function memory(): ControlsBackend {
  const id = (key: string) => `C2C${key}`;
  const adapter = createMemoryAdapter({
    storage: null,
    conversations: ACCOUNT.map((p) =>
      makeConversation({ id: id(p.key), title: p.title, unreadCount: p.unread, lastActivityAt: NOW - p.minutesAgo * 60_000, groupNames: [...p.groups] }),
    ),
    groups: [{ name: 'Work', conversationIds: [id('alice')] }],
  });
  return { name: 'memory', adapter, idOf: (title) => id(title.toLowerCase()) };
}

function tencent(): ControlsBackend {
  const seconds = (minutesAgo: number) => Math.floor(NOW / 1000) - minutesAgo * 60;
  const chat = createFakeTencentChat({
    throttleMs: 0,
    groups: ['Work'],
    conversations: ACCOUNT.map((p) => ({
      conversationID: `C2C${p.key}`,
      unreadCount: p.unread,
      userProfile: { userID: p.key, nick: p.title, avatar: '' },
      lastMessage: { lastTime: seconds(p.minutesAgo), messageForShow: 'hi', fromAccount: p.key },
      conversationGroupList: [...p.groups],
    })),
  });
  return { name: 'tencent', adapter: createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat }), idOf: (title) => `C2C${title.toLowerCase()}` };
}

function openIM(): ControlsBackend {
  const id = (key: string) => `si_${['me', key].sort().join('_')}`;
  const sdk = createFakeOpenIMSdk({
    selfUserId: 'me',
    now: () => NOW,
    conversations: ACCOUNT.map((p) => ({
      conversationID: id(p.key),
      conversationType: 1,
      userID: p.key,
      showName: p.title,
      unreadCount: p.unread,
      latestMsg: fakeOpenIMTextMessage('hi', NOW - p.minutesAgo * 60_000),
      latestMsgSendTime: NOW - p.minutesAgo * 60_000,
      ex: p.groups.length > 0 ? JSON.stringify({ inboxkit: { groups: [...p.groups] } }) : '',
    })),
  });
  const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(['Work']) });
  return { name: 'openim', adapter, idOf: (title) => id(title.toLowerCase()) };
}

/** A fresh account on the backend. */
export function makeControlsBackend(name: ControlsBackendName): ControlsBackend {
  return name === 'memory' ? memory() : name === 'tencent' ? tencent() : openIM();
}

/** Renders `ui` (given the backend, to name ids) over a connected store on a fresh account, in a locale. */
export async function renderOnBackend(name: ControlsBackendName, ui: (backend: ControlsBackend) => ReactElement, locale = 'en') {
  const backend = makeControlsBackend(name);
  const store: InboxStore = makeStore(backend.adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  const conversation = (title: string) => store.getState().conversations.get(backend.idOf(title));
  return { backend, store, user, conversation, ...renderWithStore(ui(backend), store, withLocale(locale)) };
}
