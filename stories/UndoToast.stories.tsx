import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import {
  BatchActionBar,
  type Conversation,
  type ConversationId,
  UndoToast,
  useConversationList,
  useConversationSelection,
} from '../src/index.js';
import { docsOf } from './support/docs.js';
import { SelectableRow } from './support/SelectableRow.js';
import { minutesAgo, storyConversation } from './support/fixtures.js';
import { storyMemoryAdapter, type InboxLoaded, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

const WINDOW_MS = 6000;

/** Eight direct chats, newest first, some unread. */
function conversations(): Conversation[] {
  const titles = ['Alice Martin', 'Bruno Costa', 'Chen Wei', 'Dana Levi', 'Emre Yilmaz', 'Fumiko Sato', 'Gus Olsen', 'Hana Novak'];
  return titles.map((title, i) =>
    storyConversation({
      id: `C2Cundo${i}`,
      title,
      unreadCount: i < 5 ? i + 1 : 0,
      lastMessage: { id: `m-undo${i}`, preview: ['Invoice attached 📎', 'Thanks!', '好的，明天发货', 'また明日'][i % 4]!, sentAt: minutesAgo(1 + i * 3) },
    }),
  );
}

const IDS = conversations().map((c) => c.id);

interface StageProps {
  /** The ids selected at first. */
  preset?: readonly ConversationId[];
}

/** A list with a selection, the batch bar above it and the undo toast at its foot, where `Inbox` puts it. */
function UndoStage({ preset = [] }: StageProps) {
  const { ids } = useConversationList();
  const selection = useConversationSelection({ defaultSelectedIds: preset });
  return (
    <div style={{ inlineSize: '100%', maxInlineSize: 560, border: '1px solid var(--ik-color-border)', display: 'flex', flexDirection: 'column' }}>
      <BatchActionBar ids={selection.selectedIds} onClearSelection={selection.clear} />
      <ul aria-label="Conversations" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {ids.map((id) => (
          <SelectableRow key={id} id={id} isSelected={selection.isSelected(id)} onToggle={() => selection.toggle(id)} />
        ))}
      </ul>
      <div style={{ padding: 8 }}>
        <UndoToast />
      </div>
    </div>
  );
}

const inbox: InboxParameters = { conversations: () => conversations(), groups: [], storeOptions: { undo: { windowMs: WINDOW_MS } } };

const meta = {
  title: 'Components/UndoToast',
  component: UndoStage,
  tags: ['autodocs'],
  parameters: {
    inbox,
    docs: {
      description: {
        component: `Offers to undo the newest undoable command ("Deleted 3 conversations — Undo") while the store's undo
window is open: the Undo button, or Ctrl/⌘+Z anywhere outside a text field. Undo is honest about the backend: a
command not sent yet is cancelled (nothing reaches the server); one already sent (\`deferSend: false\`) is reversed
by its inverse command, and the rows show as pending meanwhile. The toast is a polite live region.

\`\`\`tsx
<InboxProvider adapter={adapter} storeOptions={{ undo: { windowMs: 6000 } }}>
  <BatchActionBar ids={selection.selectedIds} />
  <ConversationList />
  <UndoToast />
</InboxProvider>
\`\`\``,
      },
    },
  },
  args: {},
  render: (args) => <UndoStage {...args} />,
} satisfies Meta<typeof UndoStage>;

export default meta;
type Story = StoryObj<typeof meta>;

const listed = (canvasElement: HTMLElement) => [...canvasElement.querySelectorAll<HTMLElement>('li[data-conversation-id]')].map((li) => li.dataset.conversationId);
const rowOf = (canvasElement: HTMLElement, id: ConversationId) => canvasElement.querySelector<HTMLElement>(`li[data-conversation-id="${id}"] .ik-ConversationItem`);

/** Deletes the preset selection from the bar, confirming the dialog. */
async function deleteSelection(canvasElement: HTMLElement, t: ReturnType<typeof storyMessages>) {
  const canvas = within(canvasElement);
  const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
  await waitFor(() => expect(listed(canvasElement)).toHaveLength(IDS.length));
  await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.delete') }));
  const dialog = await within(document.body).findByRole('alertdialog', { name: t.plural('batch.deleteTitle', 3) });
  await userEvent.click(within(dialog).getByRole('button', { name: t('actions.deleteConfirm') }));
}

/**
 * Three conversations selected and deleted from the bar: they leave the list at once and the toast says "Deleted 3
 * conversations". Undo brings all three back; the delete was waiting for the window, so nothing reached the backend
 * (checked on the memory adapter's call log).
 */
export const DeleteAndUndo: Story = {
  args: { preset: IDS.slice(1, 4) },
  parameters: docsOf(
    'Delete three from the bar; the toast offers Undo for 6 s; Undo brings them back and nothing was sent.',
    `<InboxProvider adapter={adapter} storeOptions={{ undo: { windowMs: 6000 } }}>…<UndoToast /></InboxProvider>`,
  ),
  play: async (context) => {
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    await deleteSelection(canvasElement, t);

    // Gone at once, offered for undo.
    await waitFor(() => expect(listed(canvasElement)).toEqual([IDS[0], ...IDS.slice(4)]));
    const toast = canvasElement.querySelector<HTMLElement>('.ik-UndoToast')!;
    await waitFor(() => expect(toast).toHaveTextContent(t.plural('undo.deleteConversation', 3)));
    await expect(toast).toHaveAttribute('role', 'status');

    await userEvent.click(within(toast).getByRole('button', { name: t('undo.action') }));
    // All three are back, in their places, and the toast is empty again.
    await waitFor(() => expect(listed(canvasElement)).toEqual(IDS));
    await waitFor(() => expect(toast).toHaveAttribute('data-empty'));
    // Nothing reached the backend (the memory adapter keeps a call log).
    if ((context.loaded as InboxLoaded).backend === 'memory') {
      await expect(storyMemoryAdapter(context).calls().filter((call) => call.operation === 'deleteConversations')).toEqual([]);
    }
  },
};

/** DeleteAndUndo in the dark theme. */
export const DeleteAndUndoDark: Story = { ...DeleteAndUndo, globals: { theme: 'dark' } };

/** DeleteAndUndo right to left, in Arabic. */
export const DeleteAndUndoRightToLeft: Story = { ...DeleteAndUndo, globals: { direction: 'rtl' } };

/**
 * The toast as it shows: three deleted, Undo offered, the window open. The play ends with it on screen so that the
 * accessibility check runs on the visible toast; Ctrl+Z (⌘Z on Apple platforms) is its shortcut.
 */
export const Showing: Story = {
  args: { preset: IDS.slice(1, 4) },
  parameters: {
    inbox: { ...inbox, storeOptions: { undo: { windowMs: 60_000 } } } satisfies InboxParameters,
    ...docsOf('The toast while it offers undo (a 60 s window here, so it stays to be looked at).', `<UndoToast />`),
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    await deleteSelection(canvasElement, t);
    const toast = canvasElement.querySelector<HTMLElement>('.ik-UndoToast')!;
    await waitFor(() => expect(toast).toHaveTextContent(t.plural('undo.deleteConversation', 3)));
    const undo = within(toast).getByRole('button', { name: t('undo.action') });
    await expect(['Control+Z', 'Meta+Z']).toContain(undo.getAttribute('aria-keyshortcuts'));
    await expect(within(toast).getByRole('button', { name: t('undo.dismiss') })).toBeVisible();
  },
};

/** Showing, in the dark theme (the toast is inverted against the page). */
export const ShowingDark: Story = { ...Showing, globals: { theme: 'dark' } };

/** Showing, right to left in Arabic. */
export const ShowingRightToLeft: Story = { ...Showing, globals: { direction: 'rtl' } };

/**
 * `deferSend: false`: commands are sent at once. Mute all eight from the bar; the toast says "Changed notifications
 * of 8 conversations". Undo (here by Ctrl+Z) sends the inverse command, which unmutes them; on the memory backend the
 * call log shows the eight mutes and the eight inverse calls.
 */
export const SentThenUndone: Story = {
  args: { preset: IDS },
  parameters: {
    inbox: { ...inbox, storeOptions: { undo: { windowMs: WINDOW_MS, deferSend: false } } } satisfies InboxParameters,
    ...docsOf(
      'With deferSend: false the mute is sent at once; undo sends the inverse command, and the rows show it pending.',
      `<InboxProvider adapter={adapter} storeOptions={{ undo: { windowMs: 6000, deferSend: false } }}>…</InboxProvider>`,
    ),
  },
  play: async (context) => {
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    await waitFor(() => expect(listed(canvasElement)).toHaveLength(IDS.length));
    await expect(toolbar).toHaveAccessibleDescription(t.plural('batch.selected', IDS.length));

    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.notifications') }));
    const menu = await canvas.findByRole('menu', { name: t('batch.notifications') });
    await userEvent.click(within(menu).getByRole('menuitem', { name: t('item.muted.silent') }));
    await waitFor(() => expect(IDS.every((id) => rowOf(canvasElement, id)?.hasAttribute('data-muted'))).toBe(true));
    const toast = canvasElement.querySelector<HTMLElement>('.ik-UndoToast')!;
    await waitFor(() => expect(toast).toHaveTextContent(t.plural('undo.setMuteMode', IDS.length)));
    // Sent (not waiting for the window): the rows are no longer pending.
    await waitFor(() => expect(IDS.some((id) => rowOf(canvasElement, id)?.hasAttribute('data-pending'))).toBe(false));

    // Ctrl+Z outside a text field: the inverse is sent, and every row is unmuted.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(IDS.some((id) => rowOf(canvasElement, id)?.hasAttribute('data-muted'))).toBe(false));
    await waitFor(() => expect(toast).toHaveAttribute('data-empty'));
    if ((context.loaded as InboxLoaded).backend === 'memory') {
      const mutes = storyMemoryAdapter(context).calls().filter((call) => call.operation === 'setMuteMode');
      await expect(mutes.map((call) => call.args[1])).toEqual([...IDS.map(() => 'silent'), ...IDS.map(() => 'none')]);
    }
  },
};
