import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, type MuteMode, MuteToggle } from '../src/index.js';
import {
  ControlStage,
  failingPress,
  serverArgs,
  serverArgTypes,
  useServerLatency,
  type ServerArgs,
} from './support/ControlStage.js';
import { sourceCode } from './support/docs.js';
import { minutesAgo, storyConversation } from './support/fixtures.js';
import { storyServer, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

const ID = 'GROUPhiking';

interface MuteArgs extends ServerArgs {
  /** The conversation's mode on the server when the story loads. */
  startMode: MuteMode;
}

function seed(args: MuteArgs): Conversation[] {
  return [
    storyConversation({
      id: ID,
      kind: 'group',
      groupId: 'hiking',
      title: 'Weekend Hiking ⛰️',
      muteMode: args.startMode,
      unreadCount: 6,
      lastMessage: { preview: 'Meet at 7 at the trailhead', senderName: 'Finn', sentAt: minutesAgo(8) },
    }),
  ];
}

const meta = {
  title: 'Controls/MuteToggle',
  component: MuteToggle,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: (args) => seed(args as MuteArgs) } satisfies InboxParameters,
    docs: {
      description: {
        component: `A toggle button (\`aria-pressed\`) between notifying and muted. A press on an unmuted
conversation sets \`mutedMode\` (\`silent\` by default; Tencent also has \`silentExceptMention\`, and
\`blocked\` stops receiving); a press on a conversation muted in any mode unmutes it. Optimistic, with the
backend's reason shown inline when it refuses. A muted row shows a dot instead of its count.

\`\`\`tsx
import { MuteToggle } from 'inboxkit';

<MuteToggle id={conversationId} mutedMode="silentExceptMention" />
\`\`\``,
      },
    },
  },
  argTypes: {
    ...serverArgTypes,
    startMode: {
      control: 'select',
      options: ['none', 'silent', 'silentExceptMention', 'blocked'],
      description: 'Mode on the server when the story loads.',
      table: { category: 'Simulated server' },
    },
    mutedMode: { control: 'radio', options: ['silent', 'silentExceptMention', 'blocked'] },
    id: { control: false },
  },
  args: { ...serverArgs, startMode: 'none', mutedMode: 'silent', id: ID },
  render: function Render({ latencyMs, failEveryPress, startMode: _startMode, ...props }, context) {
    const adapter = storyServer(context);
    useServerLatency(adapter, latencyMs);
    return (
      <ControlStage id={ID}>
        <MuteToggle {...props} onClick={failingPress(adapter, 'setMuteMode', failEveryPress)} />
      </ControlStage>
    );
  },
} satisfies Meta<MuteArgs & ComponentProps<typeof MuteToggle>>;

export default meta;
type Story = StoryObj<typeof meta>;

const badge = (canvasElement: HTMLElement) => canvasElement.querySelector('.ik-ConversationItem-unreadBadge');

export const Notifying: Story = {
  parameters: sourceCode(`<MuteToggle id="GROUPhiking" />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('muteToggle.label') });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(canvas.getByText('6')).toBeVisible();
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveAttribute('data-mute-mode', 'silent');
    // The row now shows a dot, not the count.
    await expect(badge(canvasElement)).toHaveAttribute('data-dot');
    await expect(canvas.queryByText('6')).toBeNull();
  },
};

export const Muted: Story = {
  args: { startMode: 'silent' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('muteToggle.label') });
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    await expect(canvas.getByText('6')).toBeVisible();
  },
};

export const MutedExceptMentions: Story = {
  args: { startMode: 'silentExceptMention' },
  parameters: { inbox: { backends: ['memory', 'tencent'], backendsReason: 'OpenIM has no "silent except @-mentions" receive option' } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('muteToggle.label') });
    // Any mode other than none shows as pressed; a press unmutes.
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(canvas.getByText(t('item.muted.silentExceptMention'))).toBeInTheDocument();
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('data-mute-mode', 'none'));
  },
};

export const BlockMessages: Story = {
  args: { mutedMode: 'blocked' },
  parameters: sourceCode(`<MuteToggle id="GROUPhiking" mutedMode="blocked" />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await userEvent.click(await canvas.findByRole('button', { name: t('muteToggle.label') }));
    await expect(await canvas.findByText(t('item.muted.blocked'))).toBeInTheDocument();
  },
};

export const ServerRefuses: Story = {
  args: { failEveryPress: true, latencyMs: 300 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('muteToggle.label') });
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(await canvas.findByRole('alert')).toHaveTextContent('Injected failure of setMuteMode.');
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await expect(canvas.getByText('6')).toBeVisible();
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  play: async ({ canvasElement, globals }) => {
    // The story pins its locale to zh-CN; the strings still come from the table.
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('muteToggle.label') });
    await userEvent.click(button);
    await expect(await canvas.findByText(t('item.muted.silent'), { selector: '.ik-visually-hidden' })).toBeInTheDocument();
  },
};
