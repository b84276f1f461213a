import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Inbox } from '../src/index.js';
import { generateConversations } from '../src/adapters/memory/index.js';
import { withLocalAvatars } from './support/localAvatars.js';
import { ServerControlPanel } from './support/ServerControlPanel.js';
import { storyMemoryAdapter, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

interface PlaygroundArgs {
  /** How many conversations the simulated server starts with. */
  conversations: number;
  /** Messages per second when the panel opens. */
  initialRate: number;
  /** Busy server: messages start arriving at `initialRate` as soon as the story opens. */
  busy: boolean;
  onOpen: (id: string) => void;
}

const GROUPS = ['Work', 'Friends', '家人'];

const playground: InboxParameters = {
  conversations: (args) =>
    withLocalAvatars(generateConversations(Number(args.conversations ?? 500), { seed: 21, now: Date.now() })).map((c, i) => ({
      ...c,
      // Start with nothing pinned, so arriving messages visibly reorder the top of the list.
      isPinned: false,
      groupNames: i % 5 === 0 ? [GROUPS[i % 3]!] : [],
    })),
  groups: GROUPS.map((name) => ({ name, conversationIds: [] })),
  // Undo on, as a product would have it: delete, mute, mark many read and remove from a group can be undone for 6 s.
  storeOptions: { undo: { windowMs: 6000 } },
};

const meta = {
  title: 'Inbox/Playground',
  tags: ['autodocs'],
  parameters: {
    inbox: { ...playground, backends: ['memory'], backendsReason: "the server panel drives the memory adapter's simulator" } satisfies InboxParameters,
    docs: {
      description: {
        component: `The full \`Inbox\` on the in-memory backend (undo window on: 6 s), next to a panel that plays the server: messages
arriving at 1 to 500 per second, new conversations, groups created, renamed and deleted on "another device",
conversations moved between groups, latency from 0 to 2 s, and failures injected into the next call of any
operation. Set some latency, arm a failure, then pin, mute or mark a row read: the change shows at once, the
spinner says it is in flight, and when the server refuses it is rolled back with the reason on the row.

\`\`\`tsx
import { Inbox, InboxProvider } from 'inboxkit';
import { createMemoryAdapter, generateConversations } from 'inboxkit/adapters/memory';

const adapter = createMemoryAdapter({ conversations: generateConversations(500), latencyMs: 300 });

adapter.simulate.message('C2Cuser_42', { preview: 'Are we still on for 3pm?', senderName: 'Alice' });
adapter.simulate.groupRenamed('Work', 'Office');
adapter.failNext('pin'); // the next pin is refused and rolled back

<InboxProvider adapter={adapter}>
  <Inbox />
</InboxProvider>
\`\`\``,
      },
    },
  },
  argTypes: {
    conversations: {
      control: 'select',
      options: [50, 500, 5000, 100_000],
      description: 'Conversations on the server at start (applies when the story reloads).',
    },
    initialRate: { control: { type: 'range', min: 1, max: 500 }, description: 'Messages per second when the panel opens.' },
    busy: { control: 'boolean', description: 'Busy server: messages arrive at the initial rate from the start (applies when the story reloads).' },
  },
  args: { conversations: 500, initialRate: 20, busy: false, onOpen: fn() },
  render: ({ initialRate, busy, onOpen }, context) => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 16, alignItems: 'flex-start' }}>
      <div style={{ height: 620, flex: '1 1 320px', maxInlineSize: 560, display: 'flex', flexDirection: 'column', border: '1px solid var(--ik-color-border)' }}>
        <Inbox onOpen={onOpen} style={{ flex: 1, minHeight: 0 }} />
      </div>
      <div style={{ flex: '1 1 300px', maxInlineSize: 420 }}>
        <ServerControlPanel adapter={storyMemoryAdapter(context)} initialRate={initialRate} autoStart={busy} />
      </div>
    </div>
  ),
} satisfies Meta<PlaygroundArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const topTitle = (canvasElement: HTMLElement) =>
  canvasElement.querySelector('[role="row"][aria-rowindex="1"] .ik-ConversationItem-title')?.textContent ?? '';

export const Playground: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const server = within(await canvas.findByRole('region', { name: 'Simulated server' }));
    const grid = await canvas.findByRole('grid', { name: t('inbox.listAll') });
    await waitFor(() => expect(topTitle(canvasElement)).not.toBe(''));
    const topBefore = canvasElement.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]')!.dataset.conversationId;

    // Messages arrive at a low rate for a moment.
    await fireEvent.change(server.getByLabelText(/^Rate:/), { target: { value: '25' } });
    await expect(server.getByText('Rate: 25 per second')).toBeInTheDocument();
    await userEvent.click(server.getByRole('button', { name: 'Start messages' }));
    await waitFor(() => expect(Number(server.getByLabelText('Messages sent').textContent)).toBeGreaterThanOrEqual(8), { timeout: 3000 });
    await userEvent.click(server.getByRole('button', { name: 'Stop messages' }));
    const sent = Number(server.getByLabelText('Messages sent').textContent);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(Number(server.getByLabelText('Messages sent').textContent)).toBe(sent);

    // The list still has rows, and a conversation that just got a message is now on top.
    await expect(grid.querySelectorAll('[role="row"]').length).toBeGreaterThan(5);
    await waitFor(() =>
      expect(canvasElement.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]')!.dataset.conversationId).not.toBe(topBefore),
    );

    // Arm a failure of the next pin, with some latency, and pin the top row from its actions menu.
    await fireEvent.change(server.getByLabelText(/^Latency:/), { target: { value: '400' } });
    await userEvent.selectOptions(server.getByLabelText('Operation'), 'pin');
    await userEvent.click(server.getByRole('button', { name: 'Fail next call' }));
    const top = canvasElement.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]')!;
    const id = top.dataset.conversationId!;
    const title = top.querySelector('.ik-ConversationItem-title')!.textContent;
    grid.focus();
    await userEvent.keyboard('{Home}{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title }) });
    await userEvent.click(within(menu).getByRole('menuitem', { name: t('actions.pin') }));

    const row = () => canvasElement.querySelector<HTMLElement>(`[data-conversation-id="${id}"] .ik-ConversationItem`)!;
    // Optimistic: pinned at once, with the command in flight...
    await waitFor(() => expect(row()).toHaveAttribute('data-pinned'));
    await expect(row()).toHaveAttribute('data-pending');
    // ...then refused: rolled back, and the reason is shown on the row and in the server log.
    await waitFor(() => expect(row()).toHaveAttribute('data-failed'), { timeout: 3000 });
    await expect(row()).not.toHaveAttribute('data-pinned');
    await expect(within(row()).getByText(t('item.failure', { action: t('item.failure.pin'), message: 'Injected failure of pin.' }))).toBeVisible();
    await expect(server.getByRole('log')).toHaveTextContent('pin failed (ADAPTER_FAILED): Injected failure of pin. Rolled back.');
  },
};

export const RemoteGroupChanges: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const server = within(await canvas.findByRole('region', { name: 'Simulated server' }));
    const tabs = within(await canvas.findByRole('tablist'));
    await tabs.findByRole('tab', { name: /^Work/ });

    await userEvent.type(server.getByLabelText('Name'), 'Clients');
    await userEvent.click(server.getByRole('button', { name: 'Create group' }));
    await expect(await tabs.findByRole('tab', { name: 'Clients' })).toBeVisible();

    await userEvent.selectOptions(server.getByLabelText('Group'), 'Clients');
    await userEvent.click(server.getByRole('button', { name: 'Move into group' }));
    await userEvent.click(tabs.getByRole('tab', { name: /^Clients/ }));
    await waitFor(() => expect(canvas.getByRole('grid', { name: t('inbox.listGroup', { name: 'Clients' }) }).querySelectorAll('[role="row"]')).toHaveLength(1));

    await userEvent.type(server.getByLabelText('Name'), '客户');
    await userEvent.click(server.getByRole('button', { name: 'Rename group' }));
    await expect(await tabs.findByRole('tab', { name: /^客户/ })).toBeVisible();

    await userEvent.click(server.getByRole('button', { name: 'Delete group' }));
    await waitFor(() => expect(tabs.queryByRole('tab', { name: /^客户/ })).toBeNull());
    await expect(tabs.getByRole('tab', { name: new RegExp(`^${t('groupTabs.all')}`) })).toHaveAttribute('aria-selected', 'true');
  },
};

export const NewConversation: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const server = within(await canvas.findByRole('region', { name: 'Simulated server' }));
    await canvas.findByRole('grid');
    await userEvent.click(server.getByRole('button', { name: 'New conversation' }));
    await waitFor(() => expect(topTitle(canvasElement)).toBe('Zoe Carter'));
    await expect(canvas.getByText('Hi! 👋 Is this the right place to ask?')).toBeVisible();
  },
};

/**
 * A busy server: 500 conversations and about 50 messages a second from the start, to try triage under load (select,
 * act on the selection, undo, hold the order). The rate slider changes it; Stop messages stops it, and it stops when
 * the story is left.
 */
export const BusyServer: Story = {
  args: { conversations: 500, initialRate: 50, busy: true },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const server = within(await canvas.findByRole('region', { name: 'Simulated server' }));
    await canvas.findByRole('grid', { name: t('inbox.listAll') });
    await waitFor(() => expect(topTitle(canvasElement)).not.toBe(''));

    // Messages are arriving already, at 50 a second.
    await expect(server.getByText('Rate: 50 per second')).toBeInTheDocument();
    const stop = server.getByRole('button', { name: 'Stop messages' });
    await expect(stop).toHaveAttribute('aria-pressed', 'true');
    const sent = () => Number(server.getByLabelText('Messages sent').textContent);
    const before = sent();
    await waitFor(() => expect(sent()).toBeGreaterThanOrEqual(before + 25), { timeout: 4000 });
    // The list keeps up: rows are there and the top one changes as messages land.
    const top = canvasElement.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]')!.dataset.conversationId;
    await waitFor(() => expect(canvasElement.querySelector<HTMLElement>('[role="row"][aria-rowindex="1"]')!.dataset.conversationId).not.toBe(top), {
      timeout: 3000,
    });

    // Stop: nothing more arrives.
    await userEvent.click(stop);
    await expect(server.getByRole('button', { name: 'Start messages' })).toHaveAttribute('aria-pressed', 'false');
    const stopped = sent();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await expect(sent()).toBe(stopped);
  },
};
