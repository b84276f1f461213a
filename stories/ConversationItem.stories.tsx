import { useEffect, useRef, type ComponentType } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  type Conversation,
  ConversationItem,
  type ConversationKind,
  type MentionKind,
  type MuteMode,
  useConversation,
  useConversationActions,
} from '../src/index.js';
import type { MemoryAdapter } from '../src/adapters/memory/index.js';
import { sourceCode } from './support/docs.js';
import { BROKEN_AVATAR_URL, mentionsOf, paintedAvatar, showcaseConversations } from './support/fixtures.js';
import { storyMemoryAdapter, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

/** The row's clock in every story: Friday 13 June 2025, 15:30 local time, so dates never depend on the day. */
const NOW = new Date(2025, 5, 13, 15, 30).getTime();
const WHEN = {
  today: new Date(2025, 5, 13, 9, 41).getTime(),
  yesterday: new Date(2025, 5, 12, 18, 5).getTime(),
  'this week': new Date(2025, 5, 10, 12, 0).getTime(),
  'this year': new Date(2025, 2, 3, 8, 0).getTime(),
  older: new Date(2023, 10, 20, 8, 0).getTime(),
} as const;
type When = keyof typeof WHEN;
type Avatar = 'image' | 'none' | 'broken';
type Mention = 'none' | MentionKind;

const ID = 'C2Cstory';

/** The story's controls: one conversation described field by field. */
interface ItemArgs {
  title: string;
  kind: ConversationKind;
  preview: string;
  senderName: string;
  when: When;
  unreadCount: number;
  muteMode: MuteMode;
  isPinned: boolean;
  mention: Mention;
  draft: string;
  avatar: Avatar;
  isRevoked: boolean;
  isSelected: boolean;
  isFocused: boolean;
  isFocusVisible: boolean;
}

function conversationOf(args: ItemArgs): Conversation {
  const sentAt = WHEN[args.when];
  return {
    id: ID,
    kind: args.kind,
    ...(args.kind === 'group' ? { groupId: 'story' } : { peerUserId: 'story' }),
    title: args.title,
    avatarUrl: args.avatar === 'image' ? paintedAvatar('#0f766e', 'M') : args.avatar === 'broken' ? BROKEN_AVATAR_URL : undefined,
    unreadCount: args.unreadCount,
    muteMode: args.muteMode,
    lastMessage: {
      id: 'm1',
      preview: args.preview,
      sentAt,
      ...(args.senderName ? { senderName: args.senderName } : {}),
      ...(args.isRevoked ? { isRevoked: true } : {}),
    },
    lastActivityAt: sentAt,
    mentions: args.mention === 'none' ? [] : mentionsOf(args.mention),
    ...(args.draft ? { draft: { text: args.draft, updatedAt: sentAt } } : {}),
    isPinned: args.isPinned,
    groupNames: [],
  };
}

/** Pushes control changes to the simulated server, which sends the row its new conversation. */
function useArgsOnServer(adapter: MemoryAdapter, args: ItemArgs): void {
  const { isSelected: _s, isFocused: _f, isFocusVisible: _v, ...data } = args;
  const key = JSON.stringify(data);
  const seeded = useRef(key);
  useEffect(() => {
    if (seeded.current === key) return;
    seeded.current = key;
    const { id: _id, groupNames: _g, ...changes } = conversationOf(JSON.parse(key) as ItemArgs);
    adapter.simulate.update(ID, { ...changes, draft: changes.draft, avatarUrl: changes.avatarUrl });
  }, [adapter, key]);
}

function ItemFromArgs({ adapter, args }: { adapter: MemoryAdapter; args: ItemArgs }) {
  useArgsOnServer(adapter, args);
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 480 }}>
      <ConversationItem id={ID} now={NOW} isSelected={args.isSelected} isFocused={args.isFocused} isFocusVisible={args.isFocusVisible} />
    </div>
  );
}

const inbox: InboxParameters = {
  conversations: (args) => [conversationOf(args as ItemArgs)],
  backends: ['memory'],
  backendsReason: "the controls edit the conversation through the memory adapter's simulator",
};

const meta = {
  title: 'Components/ConversationItem',
  // The controls describe the conversation on the server; the row itself takes `id` and its row props.
  component: ConversationItem as unknown as ComponentType<ItemArgs>,
  tags: ['autodocs'],
  parameters: {
    inbox,
    docs: {
      description: {
        component: `One conversation row: avatar, title, pin and mute indicators, time, preview (draft, @-mention and
recalled prefixes), a pending spinner, the unread badge and an inline failure notice. It subscribes to its own
conversation by \`id\`, so a new message re-renders one row. \`ConversationList\` renders it for you; use it
directly for your own list, or override a part through \`components\` or children.

\`\`\`tsx
import { ConversationItem, InboxProvider } from 'inboxkit';

<InboxProvider adapter={adapter}>
  <ConversationItem id="C2Calice" isSelected />
  {/* or compose the parts */}
  <ConversationItem id="C2Calice">
    <ConversationItem.Avatar />
    <ConversationItem.Title />
    <ConversationItem.UnreadBadge max={999} />
  </ConversationItem>
</InboxProvider>
\`\`\`

The controls below edit the conversation on the simulated server; the row follows like it would in an app.`,
      },
      source: { language: 'tsx', code: `<ConversationItem id="C2Cstory" now={Date.now()} />` },
    },
  },
  argTypes: {
    title: { control: 'text', description: 'Conversation title (rendered as text).', table: { category: 'Conversation' } },
    kind: { control: 'radio', options: ['direct', 'group', 'system'], table: { category: 'Conversation' } },
    preview: { control: 'text', description: 'Last message preview.', table: { category: 'Conversation' } },
    senderName: { control: 'text', description: 'Sender shown before the preview in group chats.', table: { category: 'Conversation' } },
    when: { control: 'radio', options: Object.keys(WHEN), description: 'When the last message was sent.', table: { category: 'Conversation' } },
    unreadCount: { control: { type: 'number', min: 0, max: 5000 }, table: { category: 'Conversation' } },
    muteMode: { control: 'select', options: ['none', 'silent', 'silentExceptMention', 'blocked'], table: { category: 'Conversation' } },
    isPinned: { control: 'boolean', table: { category: 'Conversation' } },
    mention: { control: 'select', options: ['none', 'me', 'all', 'allAndMe', 'announcement'], description: 'Unread @-mention.', table: { category: 'Conversation' } },
    draft: { control: 'text', description: 'Draft text (empty: none).', table: { category: 'Conversation' } },
    avatar: { control: 'radio', options: ['image', 'none', 'broken'], table: { category: 'Conversation' } },
    isRevoked: { control: 'boolean', description: 'The last message was recalled.', table: { category: 'Conversation' } },
    isSelected: { control: 'boolean', table: { category: 'Row props' } },
    isFocused: { control: 'boolean', table: { category: 'Row props' } },
    isFocusVisible: { control: 'boolean', table: { category: 'Row props' } },
  },
  args: {
    title: 'Maya Chen',
    kind: 'direct',
    preview: 'See you at the standup tomorrow 👋',
    senderName: '',
    when: 'today',
    unreadCount: 2,
    muteMode: 'none',
    isPinned: false,
    mention: 'none',
    draft: '',
    avatar: 'image',
    isRevoked: false,
    isSelected: false,
    isFocused: false,
    isFocusVisible: false,
  },
  render: (args, context) => <ItemFromArgs adapter={storyMemoryAdapter(context)} args={args} />,
} satisfies Meta<ItemArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const row = (canvasElement: HTMLElement) => {
  const element = canvasElement.querySelector<HTMLElement>('.ik-ConversationItem');
  if (!element) throw new Error('No row rendered.');
  return element;
};

export const Default: Story = {
  parameters: sourceCode(`<ConversationItem id="C2Cmaya" now={Date.now()} />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('Maya Chen')).toBeVisible();
    await expect(canvas.getByText('See you at the standup tomorrow 👋')).toBeVisible();
    await expect(canvas.getByText('2')).toBeVisible();
    await expect(canvas.getByText(t.plural('item.unread', 2))).toBeInTheDocument();
    const time = canvasElement.querySelector('time')!;
    await expect(time).toHaveAttribute('data-range', 'today');
    await expect(time.textContent).toMatch(/9:41/);
  },
};

export const Pinned: Story = {
  args: { isPinned: true },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.pinned'))).toBeInTheDocument();
    await expect(row(canvasElement)).toHaveAttribute('data-pinned');
    await expect(canvasElement.querySelector('.ik-ConversationItem-pinIndicator svg')).toBeVisible();
  },
};

export const Muted: Story = {
  args: { muteMode: 'silent', unreadCount: 14, title: 'Weekend Hiking ⛰️', kind: 'group', senderName: 'Ben', preview: 'Trail is muddy' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.muted.silent'))).toBeInTheDocument();
    // A muted conversation shows a dot, not its count.
    const badge = canvasElement.querySelector('.ik-ConversationItem-unreadBadge')!;
    await expect(badge).toHaveAttribute('data-dot');
    await expect(canvas.queryByText('14')).toBeNull();
    await expect(canvas.getByText(t('item.unreadMuted'))).toBeInTheDocument();
    await expect(canvas.getByText('Ben')).toBeVisible();
  },
};

export const MutedExceptMentions: Story = {
  args: { muteMode: 'silentExceptMention', unreadCount: 3, mention: 'me', kind: 'group', title: '研发部', senderName: '王芳', preview: '@Maya 请看一下' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.muted.silentExceptMention'))).toBeInTheDocument();
    await expect(canvas.getByText(t('item.mention.me'))).toBeVisible();
  },
};

export const Draft: Story = {
  args: { draft: 'I will send the slides tonight', unreadCount: 0 },
  parameters: sourceCode(`// The draft comes from useDraft / DraftEditor; the row shows it with a prefix in the accent colour.
<ConversationItem id="C2Cmaya" />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const prefix = await canvas.findByText(t('item.draft'));
    await expect(prefix).toBeVisible();
    await expect(canvas.getByText('I will send the slides tonight')).toBeVisible();
    // The draft replaces the last message in the preview.
    await expect(canvas.queryByText('See you at the standup tomorrow 👋')).toBeNull();
    await expect(row(canvasElement)).toHaveAttribute('data-has-draft');
    const text = canvas.getByText('I will send the slides tonight');
    await expect(getComputedStyle(prefix).color).not.toBe(getComputedStyle(text).color);
  },
};

export const MentionMe: Story = {
  args: { kind: 'group', title: 'Release Train', senderName: 'Grace', preview: '@Maya can you approve?', mention: 'me', unreadCount: 4 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.mention.me'))).toBeVisible();
    await expect(row(canvasElement)).toHaveAttribute('data-mentioned');
  },
};

export const MentionAll: Story = {
  args: { kind: 'group', title: 'Company announcements 📣', senderName: 'HR', preview: 'Office closed on Friday', mention: 'all', unreadCount: 1 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.mention.all'))).toBeVisible();
    await expect(canvas.queryByText(t('item.mention.me'))).toBeNull();
  },
};

export const UnreadOverflow: Story = {
  args: { unreadCount: 120, title: 'Suppliers', kind: 'group', senderName: 'Ravi', preview: 'Invoice #4821 is attached.' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('99+')).toBeVisible();
    await expect(canvas.getByText(t.plural('item.unread', 120))).toBeInTheDocument();
    await expect(canvasElement.querySelector('.ik-ConversationItem-unreadBadge')).toHaveAttribute('data-capped');
  },
};

export const LongCJKTitle: Story = {
  args: {
    title: '深圳研发中心第三事业部前端架构与性能优化专项讨论组（2025年度第二季度）跨部门协作与发布保障小组',
    kind: 'group',
    senderName: '张伟',
    preview: '已经发版了，大家可以验证一下，有问题随时在群里反馈，谢谢大家的配合与支持',
    when: 'this week',
  },
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const title = await canvas.findByText(/^深圳研发中心/);
    // The whole title is in the DOM (and readable), but it stays on one line, truncated.
    await expect(title.textContent).toContain('（2025年度第二季度）');
    await waitFor(() => expect(title.scrollWidth).toBeGreaterThan(title.clientWidth));
    await expect(canvasElement.querySelector('time')).toHaveAttribute('data-range', 'week');
    await expect(canvasElement.querySelector('time')!.textContent).toMatch(/星期/);
  },
};

export const EmojiTitle: Story = {
  args: { title: '🎉🎂 Family 👨‍👩‍👧‍👦 Birthday Planning 🎈🎁✨', preview: '🥳🥳🥳', avatar: 'none', when: 'this year' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('🎉🎂 Family 👨‍👩‍👧‍👦 Birthday Planning 🎈🎁✨')).toBeVisible();
    // Initials never split a surrogate pair or a ZWJ sequence.
    const initials = canvasElement.querySelector('.ik-ConversationItem-initials')!;
    await expect(initials.textContent).not.toMatch(/[\uD800-\uDFFF]/u);
  },
};

export const MissingAvatar: Story = {
  args: { avatar: 'none', title: 'Olivia Wilson' },
  play: async ({ canvasElement }) => {
    const avatar = canvasElement.querySelector('.ik-ConversationItem-avatar')!;
    await waitFor(() => expect(avatar).toHaveAttribute('data-image-status', 'none'));
    await expect(avatar.querySelector('img')).toBeNull();
    await expect(avatar.textContent).toBe('OW');
  },
};

export const BrokenAvatar: Story = {
  args: { avatar: 'broken', title: '佐藤 健太' },
  play: async ({ canvasElement }) => {
    const avatar = canvasElement.querySelector('.ik-ConversationItem-avatar')!;
    // The image fails to decode: the initials stay, the broken image goes.
    await waitFor(() => expect(avatar).toHaveAttribute('data-image-status', 'error'));
    await expect(avatar.querySelector('img')).toBeNull();
    await expect(avatar.querySelector('.ik-ConversationItem-initials')).toBeVisible();
  },
};

export const WithImage: Story = {
  args: { avatar: 'image' },
  play: async ({ canvasElement }) => {
    const avatar = canvasElement.querySelector('.ik-ConversationItem-avatar')!;
    await waitFor(() => expect(avatar).toHaveAttribute('data-image-status', 'loaded'));
    await expect(avatar.querySelector('img')).toBeVisible();
    // Decorative: the title already names the conversation.
    await expect(avatar).toHaveAttribute('aria-hidden', 'true');
  },
};

export const Revoked: Story = {
  args: { isRevoked: true, kind: 'group', title: 'Design Review', senderName: 'Chloe', unreadCount: 0 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    // The sender's name is put in the locale's sentence where {name} stands.
    const preview = await waitFor(() => canvasElement.querySelector<HTMLElement>('[data-revoked]')!);
    await expect(preview).toBeVisible();
    await expect(preview).toHaveTextContent(t('item.revokedBy', { name: 'Chloe' }));
    await expect(canvas.getByText('Chloe')).toBeVisible();
    await expect(canvas.queryByText('See you at the standup tomorrow 👋')).toBeNull();
  },
};

export const HtmlIsText: Story = {
  args: { title: '<b>bold?</b> <img src=x onerror=alert(1)>', preview: '<script>alert("hi")</script>', avatar: 'none' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('<b>bold?</b> <img src=x onerror=alert(1)>')).toBeVisible();
    await expect(canvasElement.querySelector('b, script, img')).toBeNull();
  },
};

export const Selected: Story = {
  args: { isSelected: true, isFocused: true, isFocusVisible: true },
  play: async ({ canvasElement }) => {
    const element = row(canvasElement);
    await waitFor(() => expect(element).toHaveAttribute('data-selected'));
    await expect(element).toHaveAttribute('data-focus-visible');
    const plain = getComputedStyle(element).backgroundColor;
    await expect(plain).not.toBe('rgba(0, 0, 0, 0)');
  },
};

export const TimeRanges: Story = {
  args: { when: 'older', unreadCount: 0 },
  play: async ({ canvasElement }) => {
    const time = canvasElement.querySelector('time')!;
    await waitFor(() => expect(time).toHaveAttribute('data-range', 'older'));
    await expect(time.textContent).toMatch(/2023/);
    await expect(time).toHaveAttribute('title');
  },
};

export const Japanese: Story = {
  args: { draft: '了解です、あとで', unreadCount: 5, isPinned: true, title: '田中 美咲' },
  globals: { locale: 'ja' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    // The story pins its locale to ja; the strings still come from the table.
    await expect(await canvas.findByText(t('item.draft'))).toBeVisible();
    await expect(canvas.getByText(t('item.pinned'))).toBeInTheDocument();
    await expect(canvas.getByText(t.plural('item.unread', 5))).toBeInTheDocument();
  },
};

export const RightToLeft: Story = {
  args: { title: 'سارة أحمد', preview: 'مرحبا! كيف حالك؟', avatar: 'none', unreadCount: 3 },
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const element = row(canvasElement);
    await waitFor(() => expect(element.querySelector('.ik-ConversationItem-title')).not.toBeNull());
    const avatar = element.querySelector('.ik-ConversationItem-avatar')!.getBoundingClientRect();
    const title = element.querySelector('.ik-ConversationItem-title')!.getBoundingClientRect();
    // In right-to-left the avatar sits on the right of the title.
    await expect(avatar.left).toBeGreaterThan(title.left);
  },
};

/**
 * English in a right-to-left inbox (Arabic strings): the title and the message keep their own direction, the message
 * is cut at its end, "99+" and the time stay whole and the time sits at the row's far edge.
 */
export const RightToLeftMixed: Story = {
  args: {
    title: 'Priya Lewis',
    preview: 'Can you review the PR when you get a minute? The deploy window closes at five and we still need a sign-off',
    avatar: 'none',
    unreadCount: 250,
  },
  globals: { direction: 'rtl' },
  play: async ({ canvasElement }) => {
    const element = row(canvasElement);
    await waitFor(() => expect(element.querySelector('.ik-ConversationItem-previewText')).not.toBeNull());
    const text = element.querySelector<HTMLElement>('.ik-ConversationItem-previewText')!;
    // The message reads left to right inside the right-to-left row, and its first word is on screen.
    await expect(getComputedStyle(text).direction).toBe('ltr');
    const first = document.createRange();
    first.setStart(text.firstChild!, 0);
    first.setEnd(text.firstChild!, 1);
    await expect(first.getBoundingClientRect().left).toBeGreaterThanOrEqual(text.getBoundingClientRect().left - 1);
    await expect(element.querySelector('.ik-ConversationItem-unreadBadge bdi')).toHaveTextContent('99+');
    const time = element.querySelector('.ik-ConversationItem-time')!.getBoundingClientRect();
    const body = element.querySelector('.ik-ConversationItem-body')!.getBoundingClientRect();
    await expect(Math.abs(time.left - body.left)).toBeLessThan(1);
  },
};

/** A command in flight: its change shows at once, with a spinner and `aria-busy` on the row. */
function PinOnMount({ adapter, latencyMs = 0 }: { adapter: MemoryAdapter; latencyMs?: number }) {
  const { pin } = useConversationActions();
  const isLoaded = useConversation(ID) !== undefined;
  const done = useRef(false);
  useEffect(() => {
    if (!isLoaded || done.current) return;
    done.current = true;
    adapter.setLatency(latencyMs);
    pin(ID, true).catch(() => undefined);
  }, [adapter, latencyMs, isLoaded, pin]);
  return null;
}

export const Pending: Story = {
  render: (args, context) => (
    <>
      <PinOnMount adapter={storyMemoryAdapter(context)} latencyMs={600_000} />
      <ItemFromArgs adapter={storyMemoryAdapter(context)} args={args} />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('item.pending'))).toBeInTheDocument();
    await expect(row(canvasElement)).toHaveAttribute('aria-busy', 'true');
    // Optimistic: the row is pinned while the server has not answered.
    await expect(row(canvasElement)).toHaveAttribute('data-pinned');
  },
};

export const Failed: Story = {
  parameters: { inbox: { ...inbox, failNext: ['pin'] } satisfies InboxParameters },
  render: (args, context) => (
    <>
      <PinOnMount adapter={storyMemoryAdapter(context)} />
      <ItemFromArgs adapter={storyMemoryAdapter(context)} args={args} />
    </>
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const failure = t('item.failure', { action: t('item.failure.pin'), message: 'Injected failure of pin.' });
    await expect(await canvas.findByText(failure)).toBeVisible();
    // Rolled back: not pinned.
    await expect(row(canvasElement)).not.toHaveAttribute('data-pinned');
    await expect(row(canvasElement)).toHaveAttribute('data-failed');
    await userEvent.click(canvas.getByRole('button', { name: t('item.failure.dismiss') }));
    await waitFor(() => expect(canvas.queryByText(failure)).toBeNull());
  },
};

/** Every state at once, from `showcaseConversations()`. */
export const Gallery: Story = {
  parameters: {
    inbox: { conversations: () => showcaseConversations(), backends: ['memory', 'tencent', 'openim'] } satisfies InboxParameters,
    controls: { disable: true },
    ...sourceCode(`{ids.map((id) => <ConversationItem key={id} id={id} />)}`),
  },
  render: () => (
    <div style={{ inlineSize: '100%', maxInlineSize: 480, display: 'grid' }}>
      {showcaseConversations().map((conversation) => (
        <ConversationItem key={conversation.id} id={conversation.id} />
      ))}
    </div>
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('R&D 研发部')).toBeVisible();
    await expect(canvasElement.querySelectorAll('.ik-ConversationItem')).toHaveLength(8);
    await expect(canvas.getByText('99+')).toBeVisible();
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    await expect(canvas.getByText(t('item.mention.all'))).toBeVisible();
  },
};

/** Messages that are not text: the adapter says what they are (`lastMessage.kind`, `detail`), the row says it in the user's language. */
function kindConversations(): Conversation[] {
  const at = (minutes: number) => WHEN.today - minutes * 60_000;
  const row = (id: string, title: string, minutes: number, lastMessage: Omit<Conversation['lastMessage'] & object, 'sentAt'>, extra: Partial<Conversation> = {}): Conversation => ({
    id,
    kind: 'direct',
    peerUserId: id.slice(3),
    title,
    unreadCount: 0,
    muteMode: 'none',
    lastMessage: { ...lastMessage, sentAt: at(minutes) },
    lastActivityAt: at(minutes),
    mentions: [],
    isPinned: false,
    groupNames: [],
    ...extra,
  });
  return [
    row('C2Cmaya', 'Maya Chen', 1, { id: 'k1', preview: '', kind: 'image' }, { unreadCount: 1 }),
    row('C2Cleo', 'Leo Martin', 5, { id: 'k2', preview: '', kind: 'file', detail: 'Q3 report.pdf' }),
    row('GROUPdesign', 'Design Review', 9, { id: 'k3', preview: '', kind: 'voice', senderName: 'Chloe' }, { kind: 'group', peerUserId: undefined, groupId: 'design' }),
    row('C2Ckenta', '佐藤 健太', 14, { id: 'k4', preview: '', kind: 'location', detail: '東京駅 丸の内北口' }),
    row('C2Corders', 'Order bot', 20, { id: 'k5', preview: 'Order #4821 shipped', kind: 'custom' }),
    row('C2Comar', 'Omar Haddad', 31, { id: 'k6', preview: '', kind: 'card', detail: 'Sara Lindholm' }),
    // Tencent's system conversation: no title from the adapter, the row names it.
    row('@TIM#SYSTEM', '', 45, { id: 'k7', preview: '', kind: 'groupNotice' }, { kind: 'system', peerUserId: undefined }),
  ];
}

function Rows({ conversations }: { conversations: () => Conversation[] }) {
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 480, display: 'grid' }}>
      {conversations().map((conversation) => (
        <ConversationItem key={conversation.id} id={conversation.id} now={NOW} />
      ))}
    </div>
  );
}

/**
 * Images, files, voice, places, cards, custom messages and a group notice, each named from the message table
 * ("[Image]", "[图片]", "[画像]", "[صورة]") and followed by the detail the backend gave; the untitled system
 * conversation is "System notifications".
 */
export const MessageKinds: Story = {
  parameters: {
    inbox: { conversations: kindConversations, backends: ['memory'], backendsReason: 'the rows are built from the model, kind by kind' } satisfies InboxParameters,
    controls: { disable: true },
    ...sourceCode(`// lastMessage: { kind: 'file', detail: 'Q3 report.pdf', preview: '' } shows "[File] Q3 report.pdf"
<ConversationItem id="C2Cleo" />`),
  },
  render: () => <Rows conversations={kindConversations} />,
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    await waitFor(() => expect(canvasElement.querySelectorAll('.ik-ConversationItem-preview')).toHaveLength(7));
    const previews = [...canvasElement.querySelectorAll<HTMLElement>('.ik-ConversationItem-preview')];
    await expect(previews.map((p) => p.dataset.messageKind)).toEqual(['image', 'file', 'voice', 'location', 'custom', 'card', 'groupNotice']);
    await expect(previews[0]).toHaveTextContent(t('item.preview.image'));
    await expect(previews[1]).toHaveTextContent(`${t('item.preview.file')} Q3 report.pdf`);
    await expect(previews[2]).toHaveTextContent(t('item.preview.voice'));
    await expect(previews[4]).toHaveTextContent(`${t('item.preview.custom')} Order #4821 shipped`);
    const titles = [...canvasElement.querySelectorAll('.ik-ConversationItem-title')].map((title) => title.textContent);
    await expect(titles.at(-1)).toBe(t('item.systemTitle'));
  },
};

function privateChatConversations(): Conversation[] {
  const base = kindConversations()[0]!;
  const at = (minutes: number) => WHEN.today - minutes * 60_000;
  return [
    { ...base, id: 'si_lena', peerUserId: 'lena', title: 'Lena Fischer', unreadCount: 2, privateChat: { enabled: true, burnDurationSec: 30 }, lastMessage: { id: 'p1', preview: 'The door code is 4711', sentAt: at(2) }, lastActivityAt: at(2) },
    { ...base, id: 'si_jun', peerUserId: 'jun', title: '李军', unreadCount: 0, isPinned: true, marks: ['star'], privateChat: { enabled: true, burnDurationSec: 300 }, lastMessage: { id: 'p2', preview: '看完就删', sentAt: at(8) }, lastActivityAt: at(8) },
    { ...base, id: 'si_aiko', peerUserId: 'aiko', title: '高橋 愛子', unreadCount: 0, marks: ['star'], lastMessage: { id: 'p3', preview: '了解です', sentAt: at(20) }, lastActivityAt: at(20) },
  ];
}

/**
 * Burn after reading (OpenIM's private chat) beside the pin and mute indicators: a flame and the time after which a
 * read message is deleted, worded by `Intl` in the user's language, with the whole sentence for screen readers; and
 * the star mark.
 */
export const BurnAfterReadingAndStar: Story = {
  parameters: {
    inbox: {
      conversations: privateChatConversations,
      backends: ['memory', 'openim'],
      backendsReason: 'Tencent Cloud Chat has no burn after reading',
    } satisfies InboxParameters,
    controls: { disable: true },
    ...sourceCode(`// privateChat: { enabled: true, burnDurationSec: 30 } shows a flame and "30 sec"
<ConversationItem id="si_lena" />`),
  },
  render: () => <Rows conversations={privateChatConversations} />,
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    await waitFor(() => expect(canvasElement.querySelectorAll('.ik-ConversationItem-privateChatIndicator')).toHaveLength(2));
    const [first, second] = [...canvasElement.querySelectorAll<HTMLElement>('.ik-ConversationItem-privateChatIndicator')];
    const seconds = new Intl.NumberFormat(t.locale, { style: 'unit', unit: 'second', unitDisplay: 'long' }).format(30);
    await expect(first).toHaveTextContent(t('item.privateChatFor', { duration: seconds }));
    await expect(second!.querySelector('.ik-ConversationItem-duration')).toBeVisible();
    await expect(canvasElement.querySelectorAll('.ik-ConversationItem[data-starred]')).toHaveLength(2);
    await expect(canvasElement.querySelector('.ik-ConversationItem-starIndicator')).toHaveTextContent(t('item.starred'));
  },
};

/** The same rows in Arabic, right to left: labels and details keep their own direction, indicators sit by the title. */
export const MessageKindsRightToLeft: Story = { ...MessageKinds, globals: { direction: 'rtl' } };

/** Burn after reading and the star in Arabic, right to left: "30 ث" stays whole and the flame leads it. */
export const BurnAfterReadingRightToLeft: Story = { ...BurnAfterReadingAndStar, globals: { direction: 'rtl' } };
