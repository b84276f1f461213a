import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  BatchActionBar,
  type Conversation,
  type ConversationId,
  useConversationList,
  useConversationSelection,
} from '../src/index.js';
import { docsOf } from './support/docs.js';
import { SelectableRow } from './support/SelectableRow.js';
import { minutesAgo, storyConversation } from './support/fixtures.js';
import { storyServer, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

const GROUP = 'Suppliers';

/** Eight direct chats, newest first; the first five have unread messages; three are in "Suppliers". */
function triageConversations(): Conversation[] {
  const chat = (id: string, title: string, minutes: number, unreadCount: number, preview: string, groupNames: string[] = []) =>
    storyConversation({ id, title, unreadCount, groupNames, lastMessage: { id: `m-${id}`, preview, sentAt: minutesAgo(minutes) } });
  return [
    chat('C2Calice', 'Alice Martin', 1, 3, 'Can you confirm the delivery date?', [GROUP]),
    chat('C2Cbruno', 'Bruno Costa', 2, 1, 'Invoice attached 📎', [GROUP]),
    chat('C2Cchen', 'Chen Wei', 4, 2, '好的，明天发货'),
    chat('C2Cdana', 'Dana Levi', 6, 5, 'Ping me when you are back', [GROUP]),
    chat('C2Cemre', 'Emre Yilmaz', 9, 1, 'Thanks!'),
    chat('C2Cfumi', 'Fumiko Sato', 15, 0, 'また明日'),
    chat('C2Cgus', 'Gus Olsen', 30, 0, 'See you tomorrow!'),
    chat('C2Chana', 'Hana Novak', 60, 0, 'Sounds good.'),
  ];
}

/** The selection each story starts with: the four newest chats with unread messages. */
const PRESET: readonly ConversationId[] = ['C2Calice', 'C2Cbruno', 'C2Cchen', 'C2Cdana'];

const inbox: InboxParameters = { conversations: () => triageConversations(), groups: [{ name: GROUP, conversationIds: [] }] };

interface StageProps {
  /** The list the selection is over, and the group the bar offers to remove from. */
  groupName?: string;
  /** The ids selected at first (those in the list). */
  preset?: readonly ConversationId[];
}

/**
 * The bar above a small list that shows which rows are selected (a checkbox each), as an app that builds its own
 * list from the hooks does: `useConversationSelection` keeps the selection, the bar acts on it.
 */
function TriageStage({ groupName, preset = PRESET }: StageProps) {
  const { ids } = useConversationList(groupName);
  const selection = useConversationSelection({ groupName, defaultSelectedIds: preset });
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 560, border: '1px solid var(--ik-color-border)' }}>
      <BatchActionBar ids={selection.selectedIds} groupName={groupName} onClearSelection={selection.clear} />
      <ul aria-label={groupName ?? 'Conversations'} style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {ids.map((id) => (
          <SelectableRow key={id} id={id} isSelected={selection.isSelected(id)} onToggle={() => selection.toggle(id)} />
        ))}
      </ul>
    </div>
  );
}

const meta = {
  title: 'Components/BatchActionBar',
  component: TriageStage,
  tags: ['autodocs'],
  parameters: {
    inbox,
    docs: {
      description: {
        component: `Actions for many conversations at once, for a selection: mark read or unread, pin or unpin,
notifications, move to or remove from a group, delete (asking first). Each runs as **one batch** with per-id results:
ids that fail are rolled back and show their failure on their own rows, and the bar sums up ("10 done, 2 failed")
with Retry for the failed ones. What the backend cannot do stays visible, disabled, saying why. An ARIA toolbar
(one tab stop, arrow keys between buttons, mirrored right to left); its summary is a polite live region.

\`\`\`tsx
import { BatchActionBar, useConversationSelection } from 'inboxkit';

const selection = useConversationSelection({ groupName });

<BatchActionBar ids={selection.selectedIds} groupName={groupName} onClearSelection={selection.clear} />
\`\`\``,
      },
    },
  },
  args: {},
  render: (args) => <TriageStage {...args} />,
} satisfies Meta<typeof TriageStage>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The row of a conversation (`ConversationItem`'s root, which carries its state as data attributes). */
const rowOf = (canvasElement: HTMLElement, id: ConversationId) => canvasElement.querySelector<HTMLElement>(`li[data-conversation-id="${id}"] .ik-ConversationItem`);

const isUnread = (canvasElement: HTMLElement, id: ConversationId) => rowOf(canvasElement, id)?.hasAttribute('data-unread') === true;

/**
 * Four chats with unread messages selected: "Mark read" reads all four as one batch and says "Done: 4"; Pin pins
 * them; the toolbar is one tab stop with arrow keys between its buttons; Clear selection empties the selection and
 * the bar leaves.
 */
export const Default: Story = {
  parameters: docsOf(
    'Four conversations selected: mark them read, pin them, move between the buttons with the arrow keys, clear the selection.',
    `<BatchActionBar ids={selection.selectedIds} onClearSelection={selection.clear} />`,
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    await expect(toolbar).toHaveAccessibleDescription(t.plural('batch.selected', 4));
    await waitFor(() => expect(PRESET.every((id) => isUnread(canvasElement, id))).toBe(true));
    await expect(canvas.getByRole('checkbox', { name: 'Alice Martin' })).toBeChecked();
    await expect(canvas.getByRole('checkbox', { name: 'Emre Yilmaz' })).not.toBeChecked();

    // Mark read: one batch over the four, summed up in the status line.
    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.markRead') }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('batch.allDone', { done: 4 })));
    await waitFor(() => expect(PRESET.some((id) => isUnread(canvasElement, id))).toBe(false));
    // The one not selected keeps its unread messages.
    await expect(isUnread(canvasElement, 'C2Cemre')).toBe(true);

    // Pin: the four rows are pinned.
    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.pin') }));
    await waitFor(() => expect(PRESET.every((id) => rowOf(canvasElement, id)?.hasAttribute('data-pinned'))).toBe(true));

    // One tab stop: arrows move between the buttons (mirrored right to left).
    within(toolbar).getByRole('button', { name: t('batch.markRead') }).focus();
    // The layout's direction decides, not the language (a Japanese play may run in a right-to-left frame).
    await userEvent.keyboard(getComputedStyle(toolbar).direction === 'rtl' ? '{ArrowLeft}' : '{ArrowRight}');
    await expect(within(toolbar).getByRole('button', { name: t('batch.markUnread') })).toHaveFocus();
    await userEvent.keyboard('{End}');
    await expect(within(toolbar).getByRole('button', { name: t('batch.clear') })).toHaveFocus();

    // Clear selection: nothing selected, the bar leaves.
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.queryByRole('toolbar')).toBeNull());
    await expect(canvas.getByRole('checkbox', { name: 'Alice Martin' })).not.toBeChecked();
  },
};

/** The Default story in the dark theme. */
export const DefaultDark: Story = { ...Default, globals: { theme: 'dark' } };

/** The Default story right to left, in Arabic (the locale follows the direction). */
export const DefaultRightToLeft: Story = { ...Default, globals: { direction: 'rtl' } };

/**
 * The server refuses two of the four "mark read" calls: those two rows roll back (unread again) and show the failure,
 * the other two stay read, and the bar says "2 done, 2 failed" with Retry, which retries the two failed ones only.
 */
export const PartialFailure: Story = {
  parameters: docsOf(
    'The server refuses 2 of the 4 calls: only those roll back and show why; "2 done, 2 failed" with Retry for them.',
    `<BatchActionBar ids={selection.selectedIds} />`,
  ),
  play: async (context) => {
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    await waitFor(() => expect(PRESET.every((id) => isUnread(canvasElement, id))).toBe(true));

    // The next two markRead calls fail (on Tencent and OpenIM: the SDK calls behind them).
    storyServer(context).failNext('markRead', undefined, { times: 2 });
    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.markRead') }));
    const status = canvas.getByRole('status');
    await waitFor(() => expect(status).toHaveTextContent(t('batch.result', { done: 2, failed: 2 })));
    const retry = within(status).getByRole('button', { name: t('batch.retry') });

    // Exactly two rows rolled back: unread again, with their failure; the other two are read.
    const failed = PRESET.filter((id) => rowOf(canvasElement, id)?.hasAttribute('data-failed'));
    await expect(failed).toHaveLength(2);
    await expect(PRESET.filter((id) => isUnread(canvasElement, id))).toEqual(failed);

    // Retry sends the two failed ones again, and they succeed this time.
    await userEvent.click(retry);
    await waitFor(() => expect(status).toHaveTextContent(t('batch.allDone', { done: 2 })));
    await expect(within(status).queryByRole('button', { name: t('batch.retry') })).toBeNull();
    await waitFor(() => expect(PRESET.some((id) => isUnread(canvasElement, id) || rowOf(canvasElement, id)?.hasAttribute('data-failed'))).toBe(false));
  },
};

/** PartialFailure in the dark theme: the failure summary in the danger colour on the dark bar. */
export const PartialFailureDark: Story = { ...PartialFailure, globals: { theme: 'dark' } };

/**
 * The list of a group ("Suppliers"), two of its three members selected: the bar offers "Remove from “Suppliers”",
 * which takes both out of the group; they leave the list, so they leave the selection and the bar with them.
 */
export const WithGroup: Story = {
  args: { groupName: GROUP, preset: ['C2Calice', 'C2Cdana'] },
  parameters: docsOf(
    'The list of one group: "Remove from “Suppliers”" takes the selected conversations out of it.',
    `<BatchActionBar ids={selection.selectedIds} groupName="Suppliers" onClearSelection={selection.clear} />`,
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    const list = canvas.getByRole('list', { name: GROUP });
    await waitFor(() => expect(within(list).getAllByRole('checkbox')).toHaveLength(3));
    await expect(toolbar).toHaveAccessibleDescription(t.plural('batch.selected', 2));

    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.removeFrom', { group: GROUP }) }));
    // Both leave the group's list; the one not selected stays.
    await waitFor(() => expect(within(list).getAllByRole('checkbox').map((box) => box.getAttribute('aria-label'))).toEqual(['Bruno Costa']));
    // They left the list, so they left the selection: nothing is selected, and the bar is gone.
    await waitFor(() => expect(canvas.queryByRole('toolbar')).toBeNull());
  },
};

/**
 * A backend without conversation marks and without groups yet: "Mark unread" and "Move to group" stay in the bar,
 * disabled (`aria-disabled`), with the reason as their description; pressing them does nothing.
 */
export const Unsupported: Story = {
  parameters: {
    inbox: {
      ...inbox,
      groups: [],
      conversations: () => triageConversations().map((c) => ({ ...c, groupNames: [] })),
      memory: { marks: [] },
      backends: ['memory'],
      backendsReason: 'the story needs a backend without conversation marks, which only the memory adapter can be made into (memory: { marks: [] })',
    } satisfies InboxParameters,
    ...docsOf(
      'A backend without marks and with no groups: the buttons it cannot serve stay visible, disabled, saying why.',
      `createMemoryAdapter({ marks: [] }) // no "mark unread"`,
    ),
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    const markUnread = within(toolbar).getByRole('button', { name: t('batch.markUnread') });
    await expect(markUnread).toHaveAttribute('aria-disabled', 'true');
    await expect(markUnread).toHaveAccessibleDescription(t('actions.unsupported'));
    const moveTo = within(toolbar).getByRole('button', { name: t('batch.moveTo') });
    await expect(moveTo).toHaveAttribute('aria-disabled', 'true');
    await expect(moveTo).toHaveAccessibleDescription(t('batch.noGroups'));
    // Pressing them does nothing: no menu, no batch, no status.
    await userEvent.click(markUnread);
    await userEvent.click(moveTo);
    await expect(canvas.queryByRole('menu')).toBeNull();
    // (the empty status line takes no room: hidden from the accessibility tree until it speaks)
    await expect(canvas.getByRole('status', { hidden: true })).toHaveTextContent('');
    // What it can do still works.
    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.markRead') }));
    await waitFor(() => expect(canvas.getByRole('status')).toHaveTextContent(t('batch.allDone', { done: 4 })));
  },
};
