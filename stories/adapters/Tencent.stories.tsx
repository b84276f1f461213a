import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { type ConversationAdapter, Inbox } from '../../src/index.js';
import { createTencentAdapter } from '../../src/adapters/tencent/index.js';
// The fakes' entry (`inboxkit/testing/fakes`) in source form: unlike `src/testing/index.ts`, it does not import Vitest.
import {
  createFakeTencentChat,
  FakeTencentCloudChat,
  type FakeTencentChat,
  type FakeTencentChatOptions,
} from '../../src/testing/fakes.js';
import { storyAdapter, type InboxParameters } from '../support/storyAdapter.js';
import { storyMessages } from '../support/storyMessages.js';

/** Seconds, as the Tencent SDK counts them. */
const secondsAgo = (minutes: number) => Math.floor(Date.now() / 1000) - minutes * 60;

/** A small account in the SDK's own shapes: C2C and GROUP ids, seconds, `groupAtInfoList`, remind types. */
function seed(): FakeTencentChatOptions {
  return {
    throttleMs: 1000,
    groups: ['Work', 'Friends'],
    conversations: [
      {
        conversationID: 'GROUPrnd',
        unreadCount: 4,
        isPinned: true,
        groupProfile: { groupID: 'rnd', name: '研发部 R&D', type: 'Private' },
        lastMessage: { lastTime: secondsAgo(3), messageForShow: '@Maya 看一下这个 PR', fromAccount: 'wang', nick: '王芳' },
        groupAtInfoList: [{ from: 'wang', groupID: 'rnd', topicID: '', messageSequence: 11, atTypeArray: [1] }],
        conversationGroupList: ['Work'],
      },
      {
        conversationID: 'C2Cgrace',
        unreadCount: 2,
        userProfile: { userID: 'grace', nick: 'Grace Kim', avatar: '' },
        lastMessage: { lastTime: secondsAgo(5), messageForShow: 'Lunch at noon?', fromAccount: 'grace' },
        conversationGroupList: ['Friends'],
      },
      {
        conversationID: 'GROUPsuppliers',
        unreadCount: 130,
        messageRemindType: 'AcceptNotNotify',
        groupProfile: { groupID: 'suppliers', name: 'Supplier updates', type: 'Public' },
        lastMessage: { lastTime: secondsAgo(9), messageForShow: 'Price list for Q3 attached', fromAccount: 'ravi', nick: 'Ravi' },
        conversationGroupList: ['Work'],
      },
      {
        conversationID: 'C2Cken',
        remark: 'Kenta (design)',
        userProfile: { userID: 'ken', nick: '佐藤 健太', avatar: '' },
        unreadCount: 0,
        lastMessage: { lastTime: secondsAgo(40), messageForShow: 'よろしくお願いします', fromAccount: 'ken' },
      },
      {
        conversationID: '@TIM#SYSTEM',
        unreadCount: 1,
        lastMessage: { lastTime: secondsAgo(120), messageForShow: 'You were added to "Supplier updates"' },
      },
    ],
  };
}

/** The fake behind each story's adapter, for the play function to play the SDK's server. */
const chats = new WeakMap<ConversationAdapter, FakeTencentChat>();
function fakeChatOf(adapter: ConversationAdapter): FakeTencentChat {
  const chat = chats.get(adapter);
  if (!chat) throw new Error('No fake chat behind this adapter.');
  return chat;
}

function tencentStory(options: FakeTencentChatOptions, adapterOptions: { groups?: boolean } = {}): InboxParameters {
  return {
    adapter: () => {
      const chat = createFakeTencentChat(options);
      const adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat, ...adapterOptions });
      chats.set(adapter, chat);
      return adapter;
    },
  };
}

const INTEGRATION = `import { Inbox, InboxProvider } from 'inboxkit';
import { createTencentAdapter } from 'inboxkit/adapters/tencent';
import { createFakeTencentChat, FakeTencentCloudChat } from 'inboxkit/testing/fakes';

// In your app: const chat = TencentCloudChat.create({ SDKAppID }); await chat.login({ userID, userSig });
const chat = createFakeTencentChat({
  groups: ['Work', 'Friends'],
  conversations: [
    {
      conversationID: 'GROUPrnd',
      unreadCount: 4,
      isPinned: true,
      groupProfile: { groupID: 'rnd', name: '研发部 R&D', type: 'Private' },
      lastMessage: { lastTime: Math.floor(Date.now() / 1000), messageForShow: '@Maya 看一下这个 PR', nick: '王芳' },
      groupAtInfoList: [{ from: 'wang', groupID: 'rnd', topicID: '', messageSequence: 11, atTypeArray: [1] }],
      conversationGroupList: ['Work'],
    },
  ],
});
const adapter = createTencentAdapter({ chat, TencentCloudChat: FakeTencentCloudChat });

export function App() {
  return (
    <InboxProvider adapter={adapter}>
      <div style={{ height: 520, inlineSize: '100%', maxInlineSize: 480 }}>
        <Inbox />
      </div>
    </InboxProvider>
  );
}

// The fake plays the server: a message arrives (Tencent sends the whole list, at most once a second).
chat.simulateMessage('C2Cgrace', 'Running 5 minutes late', Math.floor(Date.now() / 1000));`;

interface TencentArgs {
  onOpen: (id: string) => void;
}

const meta = {
  title: 'Adapters/Tencent Cloud Chat',
  tags: ['autodocs'],
  parameters: {
    inbox: tencentStory(seed()),
    docs: {
      description: {
        component: `\`createTencentAdapter({ chat })\` over a Tencent Cloud Chat Web SDK instance — here the kit's fake
(\`inboxkit/testing/fakes\`), which reproduces the SDK's documented behaviour with no network: seconds
timestamps, full-list \`CONVERSATION_LIST_UPDATED\` events throttled to one a second, \`groupAtInfoList\` for
@-mentions, remind types for mute, the \`@TIM#SYSTEM\` conversation and conversation groups. The adapter maps all of
it to the kit's model: remark > nickname for titles, ms timestamps, mute modes, mentions, and Tencent's unread rule
(muted and system conversations are not counted).`,
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
} satisfies Meta<TencentArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const topTitle = (canvasElement: HTMLElement, index = 1) =>
  canvasElement.querySelector(`[role="row"][aria-rowindex="${index}"] .ik-ConversationItem-title`)?.textContent ?? '';

export const InboxOnTencent: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    await canvas.findByRole('grid', { name: t('inbox.listAll') });
    // SDK fields mapped: group name, remark over nickname, the @me mention, a muted group's dot.
    await waitFor(() => expect(topTitle(canvasElement)).toBe('研发部 R&D'));
    await expect(canvas.getByText(t('item.mention.me'))).toBeVisible();
    await expect(canvas.getByText('Kenta (design)')).toBeVisible();
    const suppliers = canvas.getByText('Supplier updates').closest('.ik-ConversationItem')!;
    await expect(suppliers).toHaveAttribute('data-muted');
    await expect(within(suppliers as HTMLElement).queryByText('99+')).toBeNull();
    // Tencent's unread rule: the muted group and the system conversation are not counted.
    await expect(within(canvas.getByRole('tablist')).getByRole('tab', { name: `${t('groupTabs.all')} ${t('groupTabs.unreadSuffix', { count: 6 })}` })).toBeVisible();

    // A message arrives on the server: the fake sends a new full list and the row moves up.
    fakeChatOf(storyAdapter(context)).simulateMessage('C2Cken', 'Slides are ready 🎨', Math.floor(Date.now() / 1000));
    await waitFor(() => expect(topTitle(canvasElement, 2)).toBe('Kenta (design)'), { timeout: 3000 });
    await expect(canvas.getByText('Slides are ready 🎨')).toBeVisible();
  },
};

export const GroupsFromTheSdk: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const tabs = within(await canvas.findByRole('tablist'));
    await userEvent.click(await tabs.findByRole('tab', { name: /^Work/ }));
    const grid = await canvas.findByRole('grid', { name: t('inbox.listGroup', { name: 'Work' }) });
    await waitFor(() => expect(grid.querySelectorAll('[role="row"]')).toHaveLength(2));
    await expect(within(grid).getByText('Supplier updates')).toBeVisible();
  },
};

export const PinThroughTheSdk: Story = {
  play: async (context) => {
    const t = storyMessages(context.globals);
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(topTitle(canvasElement, 2)).toBe('Grace Kim'));
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: 'Grace Kim' }) });
    await userEvent.click(within(menu).getByRole('menuitem', { name: t('actions.pin') }));
    // The SDK was asked, and its own object says pinned.
    await waitFor(() => expect(fakeChatOf(storyAdapter(context)).peek('C2Cgrace')?.isPinned).toBe(true));
    await expect(canvas.getByText('Grace Kim').closest('.ik-ConversationItem')).toHaveAttribute('data-pinned');
  },
};

export const WaitingForSdkReady: Story = {
  parameters: { inbox: tencentStory({ ...seed(), ready: false }) },
  play: async (context) => {
    const t = storyMessages(context.globals);
    const canvas = within(context.canvasElement);
    // Before SDK_READY the list loads instead of failing.
    await expect(await canvas.findByText(t('list.loading'))).toBeInTheDocument();
    fakeChatOf(storyAdapter(context)).simulateReady();
    await expect(await canvas.findByText('Grace Kim')).toBeVisible();
  },
};

export const PlanWithoutGroups: Story = {
  parameters: { inbox: tencentStory(seed(), { groups: false }) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Grace Kim')).toBeVisible();
    // Conversation groups need the Pro plan: no tabs without them.
    await expect(canvas.queryByRole('tablist')).toBeNull();
  },
};
