import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type ConversationAdapter, Inbox } from '../../src/index.js';
import {
  createMemoryGroupRegistry,
  createOpenIMAdapter,
  OPENIM_GROUP_AT_TYPE,
  OPENIM_RECV_MSG_OPT,
} from '../../src/adapters/openim/index.js';
// The fakes' entry (`inboxkit/testing/fakes`) in source form: unlike `src/testing/index.ts`, it does not import Vitest.
import {
  createFakeOpenIMSdk,
  fakeOpenIMTextMessage,
  type FakeOpenIMSdk,
  type FakeOpenIMSdkOptions,
} from '../../src/testing/fakes.js';
import { storyAdapter, type InboxParameters } from '../support/storyAdapter.js';
import { storyMessages } from '../support/storyMessages.js';

const minutesAgo = (minutes: number) => Date.now() - minutes * 60_000;
const inGroups = (...names: string[]) => JSON.stringify({ inboxkit: { groups: names } });

/** A small account in OpenIM's own shapes: `si_`/`sg_` ids, JSON `latestMsg`, `recvMsgOpt`, `groupAtType`. */
function seed(): FakeOpenIMSdkOptions {
  const at = [minutesAgo(2), minutesAgo(6), minutesAgo(15), minutesAgo(50)] as const;
  return {
    selfUserId: 'maya',
    conversations: [
      {
        conversationID: 'sg_product',
        conversationType: 3,
        groupID: 'product',
        showName: '产品讨论群',
        unreadCount: 5,
        groupAtType: OPENIM_GROUP_AT_TYPE.atAll,
        latestMsg: fakeOpenIMTextMessage('@所有人 下午三点评审', at[0], { sessionType: 3, senderNickname: '李娜', groupID: 'product' }),
        latestMsgSendTime: at[0],
        ex: inGroups('Work'),
      },
      {
        conversationID: 'si_leo_maya',
        conversationType: 1,
        userID: 'leo',
        showName: 'Leo Martin',
        unreadCount: 1,
        latestMsg: fakeOpenIMTextMessage('Did you see the demo?', at[1]),
        latestMsgSendTime: at[1],
      },
      {
        conversationID: 'sg_runners',
        conversationType: 3,
        groupID: 'runners',
        showName: '週末ランニング🏃',
        unreadCount: 12,
        recvMsgOpt: OPENIM_RECV_MSG_OPT.notNotify,
        latestMsg: fakeOpenIMTextMessage('明日は7時スタート', at[2], { sessionType: 3, senderNickname: '結衣', groupID: 'runners' }),
        latestMsgSendTime: at[2],
        ex: inGroups('Friends'),
      },
      {
        conversationID: 'si_maya_sara',
        conversationType: 1,
        userID: 'sara',
        showName: 'Sara Lindholm',
        unreadCount: 0,
        draftText: 'Thanks! I will check and',
        draftTextTime: at[3],
        latestMsg: fakeOpenIMTextMessage('Here is the contract', at[3] - 3_600_000),
        latestMsgSendTime: at[3] - 3_600_000,
      },
    ],
  };
}

/** The fake behind each story's adapter, for the play function to play the server. */
const sdks = new WeakMap<ConversationAdapter, FakeOpenIMSdk>();
function fakeSdkOf(adapter: ConversationAdapter): FakeOpenIMSdk {
  const sdk = sdks.get(adapter);
  if (!sdk) throw new Error('No fake SDK behind this adapter.');
  return sdk;
}

function openIMStory(options: FakeOpenIMSdkOptions): InboxParameters {
  return {
    adapter: () => {
      const sdk = createFakeOpenIMSdk(options);
      // Emulated groups keep their names in a registry; memory here, so stories never share them.
      const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(['Work', 'Friends']) });
      sdks.set(adapter, sdk);
      return adapter;
    },
  };
}

const INTEGRATION = `import { Inbox, InboxProvider } from 'inboxkit';
import { createMemoryGroupRegistry, createOpenIMAdapter } from 'inboxkit/adapters/openim';
import { createFakeOpenIMSdk, fakeOpenIMTextMessage } from 'inboxkit/testing/fakes';

// In your app: const sdk = getSDK(); await sdk.login({ userID, token, platformID, apiAddr, wsAddr });
const sdk = createFakeOpenIMSdk({
  selfUserId: 'maya',
  conversations: [
    {
      conversationID: 'si_leo_maya',
      conversationType: 1,
      userID: 'leo',
      showName: 'Leo Martin',
      unreadCount: 1,
      latestMsg: fakeOpenIMTextMessage('Did you see the demo?', Date.now()),
      latestMsgSendTime: Date.now(),
    },
  ],
});
const adapter = createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(['Work', 'Friends']) });

export function App() {
  return (
    <InboxProvider adapter={adapter}>
      <div style={{ height: 520, inlineSize: '100%', maxInlineSize: 480 }}>
        <Inbox />
      </div>
    </InboxProvider>
  );
}

// The fake plays the server: a message arrives (OnConversationChanged with the changed row).
sdk.simulateMessage('si_leo_maya', 'Call in 5?', Date.now(), { senderId: 'leo' });`;

interface OpenIMArgs {
  onOpen: (id: string) => void;
}

const meta = {
  title: 'Adapters/OpenIM',
  tags: ['autodocs'],
  parameters: {
    inbox: openIMStory(seed()),
    docs: {
      description: {
        component: `\`createOpenIMAdapter({ sdk })\` over an OpenIM wasm SDK instance — here the kit's fake
(\`inboxkit/testing/fakes\`), which reproduces \`@openim/wasm-client-sdk\` 3.8.5 with no network: \`si_\`/\`sg_\`
ids, JSON \`latestMsg\`, delta events, \`recvMsgOpt\` and \`groupAtType\`. Open-source OpenIM has no conversation
groups, so the adapter emulates them (membership in each conversation's \`ex\`, names in a registry). OpenIM orders
by the later of the last message and the draft, and counts unread its own way (only \`silent\` is excluded).`,
      },
      source: { language: 'tsx', code: INTEGRATION },
    },
  },
  args: { onOpen: fn() },
  render: ({ onOpen }) => (
    <div style={{ height: 520, inlineSize: '100%', maxInlineSize: 480, display: 'flex', flexDirection: 'column' }}>
      <Inbox onOpen={onOpen} style={{ flex: 1, minHeight: 0 }} />
    </div>
  ),
} satisfies Meta<OpenIMArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const titleAt = (canvasElement: HTMLElement, index: number) =>
  canvasElement.querySelector(`[role="row"][aria-rowindex="${index}"] .ik-ConversationItem-title`)?.textContent ?? '';

export const InboxOnOpenIM: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: t('inbox.listAll') });
    await waitFor(() => expect(titleAt(canvasElement, 1)).toBe('产品讨论群'));
    // groupAtType → an @all mention; recvMsgOpt 2 → muted, shown as a dot; a draft with its prefix.
    await expect(canvas.getByText(t('item.mention.all'))).toBeVisible();
    await expect(canvas.getByText('週末ランニング🏃').closest('.ik-ConversationItem')).toHaveAttribute('data-muted');
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    // OpenIM's rule: only silent conversations are excluded from the total.
    await expect(within(canvas.getByRole('tablist')).getByRole('tab', { name: `${t('groupTabs.all')} ${t('groupTabs.unreadSuffix', { count: 6 })}` })).toBeVisible();

    // A message arrives: the row moves to the top.
    fakeSdkOf(storyAdapter(context)).simulateMessage('si_maya_sara', 'Signed ✍️', Date.now(), { senderId: 'sara' });
    await waitFor(() => expect(titleAt(canvasElement, 1)).toBe('Sara Lindholm'));
  },
};

export const EmulatedGroups: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const tabs = within(await canvas.findByRole('tablist'));
    await userEvent.click(await tabs.findByRole('tab', { name: /^Friends/ }));
    const grid = await canvas.findByRole('grid', { name: t('inbox.listGroup', { name: 'Friends' }) });
    await waitFor(() => expect(grid.querySelectorAll('[role="row"]')).toHaveLength(1));
    await expect(within(grid).getByText('週末ランニング🏃')).toBeVisible();

    // Move Leo into Friends from the actions menu: the adapter writes it into the row's `ex`.
    await userEvent.click(tabs.getByRole('tab', { name: new RegExp(`^${t('groupTabs.all')}`) }));
    const all = await canvas.findByRole('grid', { name: t('inbox.listAll') });
    all.focus();
    await userEvent.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: 'Leo Martin' }) });
    await userEvent.click(within(menu).getByRole('menuitemcheckbox', { name: 'Friends' }));
    await waitFor(() => expect(fakeSdkOf(storyAdapter(context)).row('si_leo_maya')?.ex).toBe(inGroups('Friends')));
  },
};

export const MuteThroughTheSdk: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(titleAt(canvasElement, 2)).toBe('Leo Martin'));
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}');
    await userEvent.click(within(await canvas.findByRole('menu')).getByRole('menuitem', { name: t('actions.mute') }));
    await waitFor(() => expect(fakeSdkOf(storyAdapter(context)).row('si_leo_maya')?.recvMsgOpt).toBe(OPENIM_RECV_MSG_OPT.notNotify));
    await expect(canvas.getByText('Leo Martin').closest('.ik-ConversationItem')).toHaveAttribute('data-muted');
  },
};

export const SyncFromTheServer: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const canvas = within(context.canvasElement);
    await canvas.findByRole('grid');
    const sdk = fakeSdkOf(storyAdapter(context));
    // The Go core reports a server sync: start, progress, then finish (or failure).
    sdk.emit('OnSyncServerStart', false);
    sdk.emit('OnSyncServerProgress', 40);
    await expect(await canvas.findByText(t('list.syncing'))).toBeVisible();
    sdk.emit('OnSyncServerFinish', false);
    await waitFor(() => expect(canvas.queryByText(t('list.syncing'))).toBeNull());
    await expect(canvas.getByText('Leo Martin')).toBeVisible();
  },
};
