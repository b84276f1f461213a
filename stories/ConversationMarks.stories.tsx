import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConversationList } from '../src/index.js';
import type { Conversation } from '../src/core/types.js';
import { makeConversation } from '../src/testing/fakes.js';
import { docsOf } from './support/docs.js';
import { storyMessages } from './support/storyMessages.js';
import type { InboxParameters } from './support/storyAdapter.js';

/** One conversation of each kind of mark, newest first, as of now. */
function markedConversations(): Conversation[] {
  const now = Date.now();
  const at = (minutes: number) => now - minutes * 60_000;
  const chat = (id: string, title: string, minutes: number, extra: Partial<Conversation> = {}) =>
    makeConversation({ id, title, lastActivityAt: at(minutes), lastMessage: { preview: `Hi from ${title}`, sentAt: at(minutes) }, ...extra });
  return [
    chat('C2Calice', 'Alice', 1, { unreadCount: 1 }),
    chat('C2Chidden', 'Hidden Harry', 2, { marks: ['hide'], unreadCount: 4 }),
    chat('C2Cnews', 'Newsletter', 3, { marks: ['fold'], unreadCount: 2, lastMessage: { preview: 'Weekly digest', sentAt: at(3) } }),
    chat('C2Cmarked', 'Marked Mia', 4, { marks: ['unread'] }),
    chat('C2Cshop', 'Shop offers', 5, { marks: ['fold'], unreadCount: 3 }),
    chat('C2Cburn', 'Burning Bo', 6, { privateChat: { enabled: true, burnDurationSec: 30 } }),
    chat('C2Cbob', 'Bob', 7),
  ];
}

const meta = {
  title: 'Components/ConversationList/Marks',
  component: ConversationList,
  parameters: { inbox: { conversations: () => markedConversations(), groups: [] } satisfies InboxParameters },
  args: { 'aria-label': 'Conversations' },
  render: (props) => (
    <div style={{ height: 480, inlineSize: '100%', maxInlineSize: 480, border: '1px solid var(--ik-color-border)' }}>
      <ConversationList {...props} />
    </div>
  ),
} satisfies Meta<typeof ConversationList>;

export default meta;
type Story = StoryObj<typeof meta>;

const titles = (grid: HTMLElement) => [...grid.querySelectorAll('[role="row"]')].map((row) => row.querySelector('.ik-ConversationItem-title')?.textContent);

/**
 * The marks with their meaning, on the Backend toolbar's backend: the hidden conversation is absent, the two folded
 * ones are one muted "Folded chats" row where the newer of them would be (their unread summed), which opens them;
 * "mark as unread" is a dot; burn after reading (OpenIM) has its indicator. Tencent stores every mark itself; OpenIM
 * has no field for `unread` and `fold`, which its adapter keeps in the conversation's `ex`; Tencent has no burn after
 * reading.
 */
export const MarksOnEachBackend: Story = {
  parameters: docsOf(
    'Hidden (absent), folded (one "Folded chats" row that opens them), marked unread (a dot) and burn after reading, on each backend.',
    `<ConversationList aria-label="Conversations" />`,
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(titles(grid)).toEqual(['Alice', t('folded.title'), 'Marked Mia', 'Burning Bo', 'Bob']));
    // Hidden: in no list.
    await expect(canvas.queryByText('Hidden Harry')).toBeNull();
    // Folded: one muted row, with the newest folded conversation's preview and the unread of both.
    const folded = grid.querySelector<HTMLElement>('[data-folded-row]')!;
    await expect(folded).toHaveTextContent('Newsletter');
    await expect(folded.querySelector('.ik-ConversationItem-unreadBadge[data-muted]')).toHaveTextContent('5');
    // Marked unread: a dot.
    const marked = grid.querySelector('[data-conversation-id="C2Cmarked"]')!;
    await expect(marked.querySelector('.ik-ConversationItem-unreadBadge[data-dot]')).not.toBeNull();
    // Burn after reading, where the backend has it.
    const burn = grid.querySelector('[data-conversation-id="C2Cburn"] .ik-ConversationItem-privateChatIndicator');
    if (globals.backend === 'openim') await expect(burn).not.toBeNull();
    if (globals.backend === 'tencent') await expect(burn).toBeNull();

    // Opening the folded row lists the folded conversations; Back returns to it.
    await userEvent.click(folded);
    await waitFor(() => expect(grid).toHaveAccessibleName(t('folded.title')));
    await expect(titles(grid)).toEqual(['Newsletter', 'Shop offers']);
    await userEvent.click(canvas.getByRole('button', { name: t('folded.backLabel') }));
    await waitFor(() => expect(grid.querySelector('[data-folded-row]')).not.toBeNull());
    await expect(grid).toHaveFocus();
  },
};
