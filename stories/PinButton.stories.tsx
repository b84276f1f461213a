import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, PinButton } from '../src/index.js';
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

const ID = 'C2Cgrace';

interface PinArgs extends ServerArgs {
  /** Whether the conversation starts pinned. */
  startsPinned: boolean;
}

function seed(args: PinArgs): Conversation[] {
  return [
    storyConversation({
      id: ID,
      title: 'Grace Kim',
      isPinned: args.startsPinned,
      unreadCount: 1,
      lastMessage: { preview: 'The contract is signed ✍️', sentAt: minutesAgo(3) },
    }),
  ];
}

const meta = {
  title: 'Controls/PinButton',
  component: PinButton,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: (args) => seed(args as PinArgs) } satisfies InboxParameters,
    docs: {
      description: {
        component: `A toggle button (\`aria-pressed\`) that pins or unpins one conversation. The change shows at
once; while the server works the button is \`aria-disabled\`, and if the server refuses, the pin is rolled back and
the reason appears next to the button (\`role="alert"\`). The row above it is a \`ConversationItem\` of the same
conversation, so the optimistic change and its rollback are visible.

\`\`\`tsx
import { PinButton } from 'inboxkit';

<PinButton id={conversationId} onError={(error) => report(error)} />

// custom content from its state; keep the name stable, aria-pressed says the state
<PinButton id={conversationId}>
  {({ isPinned }) => (
    <>
      <PinIcon filled={isPinned} aria-hidden /> Pin
    </>
  )}
</PinButton>
\`\`\``,
      },
    },
  },
  argTypes: {
    ...serverArgTypes,
    startsPinned: { control: 'boolean', description: 'Initial state on the server (applies on reload).', table: { category: 'Simulated server' } },
    id: { control: false },
  },
  args: { ...serverArgs, startsPinned: false, id: ID },
  render: function Render({ latencyMs, failEveryPress, startsPinned: _startsPinned, ...props }, context) {
    const adapter = storyServer(context);
    useServerLatency(adapter, latencyMs);
    return (
      <ControlStage id={ID}>
        <PinButton {...props} onClick={failingPress(adapter, 'pin', failEveryPress)} />
      </ControlStage>
    );
  },
} satisfies Meta<PinArgs & ComponentProps<typeof PinButton>>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Unpinned: Story = {
  parameters: sourceCode(`<PinButton id="C2Cgrace" />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('pinButton.label') });
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    // The row's pin mark, by its data attribute: in Japanese the button and the mark read the same word.
    await expect(canvasElement.querySelector('.ik-ConversationItem')).toHaveAttribute('data-pinned');
  },
};

export const Pinned: Story = {
  args: { startsPinned: true },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('pinButton.label') });
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await userEvent.click(button);
    await waitFor(() => expect(button).toHaveAttribute('aria-pressed', 'false'));
    await expect(canvasElement.querySelector('.ik-ConversationItem')).not.toHaveAttribute('data-pinned');
  },
};

export const SlowServer: Story = {
  args: { latencyMs: 1500 },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('pinButton.label') });
    await userEvent.click(button);
    // Optimistic: pressed at once, while the row and the button say the command is in flight.
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveAttribute('aria-disabled', 'true');
    await expect(canvas.getByText(t('item.pending'))).toBeInTheDocument();
    await waitFor(() => expect(button).not.toHaveAttribute('aria-disabled'), { timeout: 4000 });
    await expect(button).toHaveAttribute('aria-pressed', 'true');
  },
};

export const ServerRefuses: Story = {
  args: { failEveryPress: true, latencyMs: 300 },
  parameters: sourceCode(`<PinButton id="C2Cgrace" onError={(error) => console.warn(error.code, error.message)} />`),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('pinButton.label') });
    await userEvent.click(button);
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Injected failure of pin.');
    // Rolled back.
    await expect(button).toHaveAttribute('aria-pressed', 'false');
    await userEvent.click(within(alert).getByRole('button', { name: t('controls.dismiss') }));
    await waitFor(() => expect(canvas.queryByRole('alert')).toBeNull());
  },
};

export const PinLimitReached: Story = {
  parameters: {
    inbox: {
      conversations: (args) => [
        ...seed(args as PinArgs),
        ...Array.from({ length: 50 }, (_, i) =>
          storyConversation({ id: `C2Cpinned_${i}`, title: `Pinned ${i + 1}`, isPinned: true, lastActivityAt: minutesAgo(100 + i) }),
        ),
      ],
      backends: ['memory', 'tencent'],
      backendsReason: 'OpenIM documents no pin limit',
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const button = await canvas.findByRole('button', { name: t('pinButton.label') });
    await userEvent.click(button);
    await expect(await canvas.findByRole('alert')).toHaveTextContent(t('controls.pinLimitError', { max: 50 }));
    await expect(button).toHaveAttribute('aria-pressed', 'false');
  },
};

export const CustomContent: Story = {
  render: function Render({ latencyMs, failEveryPress: _fail, startsPinned: _startsPinned, ...props }, context) {
    useServerLatency(storyServer(context), latencyMs);
    return (
      <ControlStage id={ID}>
        <PinButton {...props} className={({ isPinned }) => (isPinned ? 'is-pinned' : undefined)}>
          {({ isPinned }) => (
            <>
              <span aria-hidden="true" data-icon={isPinned ? 'pinned' : 'unpinned'}>
                {isPinned ? '📌' : '📍'}
              </span>{' '}
              Pin to top
            </>
          )}
        </PinButton>
      </ControlStage>
    );
  },
  parameters: sourceCode(`<PinButton id={id} className={({ isPinned }) => (isPinned ? 'is-pinned' : undefined)}>
  {({ isPinned }) => (
    <>
      <span aria-hidden="true">{isPinned ? '📌' : '📍'}</span> Pin to top
    </>
  )}
</PinButton>`),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The accessible name stays the same; aria-pressed carries the state.
    const button = await canvas.findByRole('button', { name: 'Pin to top' });
    await expect(button.querySelector('[data-icon]')).toHaveAttribute('data-icon', 'unpinned');
    await userEvent.click(button);
    await waitFor(() => expect(button.querySelector('[data-icon]')).toHaveAttribute('data-icon', 'pinned'));
    await expect(button).toHaveAttribute('aria-pressed', 'true');
    await expect(button).toHaveClass('ik-PinButton', 'is-pinned');
  },
};
