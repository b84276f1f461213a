import { useState, type ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, type ConversationId, ConversationItem, UnreadJump, useConversationList } from '../src/index.js';
import { sourceCode } from './support/docs.js';
import { mentionsOf, minutesAgo, storyConversation } from './support/fixtures.js';
import type { InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

const NAMES = ['Ada', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Alan', 'Hedy'];

/**
 * Twelve chats, newest first; Linus (3rd) and Ken (5th) are unread, Ken mentions the user, Radia (10th) is unread.
 * Ken is a group chat: Tencent keeps @-mentions for groups only, and the story runs on every backend.
 */
function seed(
  count = NAMES.length,
  unread: Record<number, Partial<Conversation>> = { 2: { unreadCount: 2 }, 4: { kind: 'group', unreadCount: 1, mentions: mentionsOf('me') }, 9: { unreadCount: 3 } },
): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    storyConversation({
      id: `${unread[i]?.kind === 'group' ? 'GROUP' : 'C2C'}jump_${i}`,
      title: `${NAMES[i % NAMES.length]}${i >= NAMES.length ? ` ${Math.floor(i / NAMES.length) + 1}` : ''}`,
      lastActivityAt: minutesAgo(i + 1),
      lastMessage: { preview: unread[i] ? 'Are you there?' : 'Thanks!', sentAt: minutesAgo(i + 1) },
      ...unread[i],
    }),
  );
}

/** The control above the loaded rows; the row it jumped to is the selected one. */
function JumpStage(props: Omit<ComponentProps<typeof UnreadJump>, 'fromId' | 'onJump'>) {
  const [current, setCurrent] = useState<ConversationId | null>(null);
  const { ids } = useConversationList(props.groupName, { store: props.store });
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 480, display: 'grid', gap: 12 }}>
      <UnreadJump {...props} fromId={current} onJump={setCurrent} />
      <div style={{ display: 'grid' }}>
        {ids.map((id) => (
          <ConversationItem key={id} id={id} isSelected={id === current} data-current={id === current ? '' : undefined} />
        ))}
      </div>
    </div>
  );
}

const meta = {
  title: 'Controls/UnreadJump',
  component: UnreadJump,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: () => seed() } satisfies InboxParameters,
    docs: {
      description: {
        component: `Buttons that jump to the previous / next unread conversation and to the next @-mention, in the
order on screen, loading more pages when the next one is further down (\`aria-busy\` meanwhile). With nothing to jump
to, a button is \`aria-disabled\` and its description says why. "Unread" is what the row shows as unread: unread
messages, muted conversations included, or marked unread. Pair it with \`useInboxShortcuts\` for the keys
(Alt+Shift+↓ / ↑, Alt+Shift+M by default).

\`\`\`tsx
import { UnreadJump, useInboxShortcuts, useUnreadNavigation } from 'inboxkit';

<UnreadJump groupName={group} fromId={openId} onJump={(id) => open(id)} />

const { next } = useUnreadNavigation({ groupName: group });
useInboxShortcuts({
  nextUnread: () => void next(openId, 1, 'unread').then((id) => id && open(id)),
  previousUnread: () => void next(openId, -1, 'unread').then((id) => id && open(id)),
  nextMention: () => void next(openId, 1, 'mention').then((id) => id && open(id)),
});
\`\`\``,
      },
    },
  },
  argTypes: { fromId: { control: false }, onJump: { control: false }, store: { control: false } },
  args: { fromId: null, onJump: () => {} },
  render: function Render({ fromId: _fromId, onJump: _onJump, ...props }) {
    return <JumpStage {...props} />;
  },
} satisfies Meta<typeof UnreadJump>;

export default meta;
type Story = StoryObj<typeof meta>;

const current = (canvasElement: HTMLElement) => canvasElement.querySelector('[data-current]');

export const NextUnread: Story = {
  parameters: sourceCode(`<UnreadJump fromId={openId} onJump={(id) => setOpenId(id)} />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const next = await canvas.findByRole('button', { name: t('jump.nextUnread') });
    await waitFor(() => expect(next).not.toHaveAttribute('aria-disabled'));
    await userEvent.click(next);
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('Linus'));
    await userEvent.click(next);
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('Ken'));
    await userEvent.click(canvas.getByRole('button', { name: t('jump.previousUnread') }));
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('Linus'));
    await userEvent.click(canvas.getByRole('button', { name: t('jump.nextMention') }));
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('Ken'));
  },
};

export const NothingUnread: Story = {
  parameters: { inbox: { conversations: () => seed(6, {}) } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const next = await canvas.findByRole('button', { name: t('jump.nextUnread') });
    await waitFor(() => expect(next).toHaveAttribute('aria-disabled', 'true'));
    await expect(next).toHaveAccessibleDescription(t('jump.noUnread'));
    await expect(canvas.getByRole('button', { name: t('jump.nextMention') })).toHaveAccessibleDescription(t('jump.noMention'));
  },
};

export const AcrossPages: Story = {
  parameters: {
    inbox: {
      conversations: () => seed(60, { 45: { unreadCount: 1 } }),
      latencyMs: 150,
      storeOptions: { pageSize: 20 },
      backends: ['memory', 'openim'],
      backendsReason: "Tencent's Web SDK gives its whole list as one page",
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const next = await canvas.findByRole('button', { name: t('jump.nextUnread') }, { timeout: 10_000 });
    // Nothing unread in the first page of 20: the search loads two more pages and finds row 46.
    await waitFor(() => expect(canvasElement.querySelectorAll('.ik-ConversationItem').length).toBe(20), { timeout: 10_000 });
    await userEvent.click(next);
    await waitFor(() => expect(current(canvasElement)).toHaveTextContent('Radia 4'), { timeout: 15_000 });
    await expect(canvas.getByRole('group', { name: t('jump.label') })).not.toHaveAttribute('aria-busy');
  },
};
