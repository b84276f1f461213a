import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { type Conversation, type ConversationId, Inbox } from '../src/index.js';
import { docsOf } from './support/docs.js';
import { minutesAgo, storyConversation } from './support/fixtures.js';
import { storyMemoryAdapter, type InboxLoaded, type InboxParameters } from './support/storyAdapter.js';
import { storyMessages, type StoryMessages } from './support/storyMessages.js';

/**
 * Twelve direct chats, newest first. Unread: Alice, Chen, Dana, Fumiko, Ivan and Kofi; the others are read, so that
 * "next unread" has somewhere to go from a read row.
 */
function triageConversations(): Conversation[] {
  const chat = (id: string, title: string, minutes: number, unreadCount: number, preview: string) =>
    storyConversation({ id, title, unreadCount, lastMessage: { id: `m-${id}`, preview, sentAt: minutesAgo(minutes) } });
  return [
    chat('C2Calice', 'Alice Martin', 1, 3, 'Can you confirm the delivery date?'),
    chat('C2Cbruno', 'Bruno Costa', 2, 0, 'Invoice attached 📎'),
    chat('C2Cchen', 'Chen Wei', 4, 2, '好的，明天发货'),
    chat('C2Cdana', 'Dana Levi', 6, 12, 'Ping me when you are back'),
    chat('C2Cemre', 'Emre Yilmaz', 9, 0, 'Thanks!'),
    chat('C2Cfumi', 'Fumiko Sato', 15, 1, 'また明日'),
    chat('C2Cgus', 'Gus Olsen', 30, 0, 'See you tomorrow!'),
    chat('C2Chana', 'Hana Novak', 60, 0, 'Sounds good.'),
    chat('C2Civan', 'Ivan Petrov', 90, 4, 'The shipment left the warehouse this morning'),
    chat('C2Cjade', 'Jade Wong', 120, 0, 'Ok 👍'),
    chat('C2Ckofi', 'Kofi Mensah', 180, 99, 'Team standup notes'),
    chat('C2Clena', 'Lena Fischer', 240, 0, 'Merci !'),
  ];
}

const IDS: readonly ConversationId[] = triageConversations().map((c) => c.id);

const inbox: InboxParameters = { conversations: () => triageConversations(), groups: [] };

/** `width` and `height` size the box the inbox fills, as its parent would in an app. */
type TriageArgs = ComponentProps<typeof Inbox> & { height: number; width?: number };

const meta = {
  title: 'Inbox/Triage',
  component: Inbox,
  tags: ['autodocs'],
  parameters: {
    inbox,
    docs: {
      description: {
        component: `Sweeping a busy inbox with the \`Inbox\`: select many rows (Ctrl/⌘+click, Shift+click, Ctrl/⌘+A,
a long press on touch) and act on them once from the batch bar; undo from the toast or with Ctrl/⌘+Z; jump to the
next unread with Alt+Shift+↓ or the jump control; and rows that hold still while new messages arrive, with a
"N new — show" pill to catch up.

\`\`\`tsx
<InboxProvider adapter={adapter} storeOptions={{ undo: { windowMs: 6000 } }}>
  <Inbox holdOrder="auto" /> {/* multiple selection, the batch bar, the jump control and the undo toast are on by default */}
</InboxProvider>
\`\`\``,
      },
    },
  },
  args: { height: 560, hideGroupTabs: true },
  render: ({ height, width, ...props }) => {
    return (
      <div style={{ blockSize: height, inlineSize: width ?? '100%', maxInlineSize: width ?? 560, display: 'flex', flexDirection: 'column', outline: '1px solid var(--ik-color-border)' }}>
        <Inbox {...props} style={{ flex: 1, minHeight: 0 }} />
      </div>
    );
  },
} satisfies Meta<TriageArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

// ---- helpers ---------------------------------------------------------------------------------------

const rowById = (canvasElement: HTMLElement, id: ConversationId) => canvasElement.querySelector<HTMLElement>(`[role="row"][data-conversation-id="${id}"]`);
const rowOf = (canvasElement: HTMLElement, id: ConversationId) => {
  const row = rowById(canvasElement, id);
  if (!row) throw new Error(`No row for ${id}`);
  return row;
};
/** The ids of the rendered rows, top to bottom (by their place in the grid, not the DOM order). */
const shownOrder = (canvasElement: HTMLElement) =>
  [...canvasElement.querySelectorAll<HTMLElement>('[role="row"][data-conversation-id]')]
    .sort((a, b) => Number(a.getAttribute('aria-rowindex')) - Number(b.getAttribute('aria-rowindex')))
    .map((row) => row.dataset.conversationId!);
const selectedIds = (canvasElement: HTMLElement) =>
  shownOrder(canvasElement).filter((id) => rowOf(canvasElement, id).getAttribute('aria-selected') === 'true');
const isUnread = (canvasElement: HTMLElement, id: ConversationId) => rowById(canvasElement, id)?.querySelector('.ik-ConversationItem')?.hasAttribute('data-unread') === true;

/** The grid of all conversations, once its rows are there. */
async function loadedGrid(canvasElement: HTMLElement, t: StoryMessages, count = IDS.length) {
  const grid = await within(canvasElement).findByRole('grid', { name: t('inbox.listAll') });
  await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', String(count)));
  await waitFor(() => expect(rowById(canvasElement, IDS[0]!)).not.toBeNull());
  return grid;
}

/** A click with a modifier held (one user-event session, so the key stays down for the click). */
async function clickWith(modifier: 'Control' | 'Shift', row: HTMLElement) {
  const user = userEvent.setup();
  await user.keyboard(`{${modifier}>}`);
  await user.click(row);
  await user.keyboard(`{/${modifier}}`);
}

// ---- stories ---------------------------------------------------------------------------------------

const SWEPT: readonly ConversationId[] = ['C2Calice', 'C2Cchen', 'C2Cdana'];

/**
 * Ctrl+click Alice and Chen, Shift+click Dana: three rows selected (the range runs from the last toggled row), the
 * grid says so, and the batch bar appears above the list with "3 selected". "Mark read" reads all three in one batch
 * and says "Done: 3"; the unread rows that were not selected keep their messages.
 */
export const SelectMany: Story = {
  parameters: docsOf(
    'Ctrl/⌘+click two rows, Shift+click a third: the bar above the list acts on all three at once.',
    `<Inbox /> {/* selectionMode="multiple" is the default */}`,
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await loadedGrid(canvasElement, t);
    await expect(grid).toHaveAttribute('aria-multiselectable', 'true');
    await waitFor(() => expect(SWEPT.every((id) => isUnread(canvasElement, id))).toBe(true));
    await expect(canvas.queryByRole('toolbar', { name: t('batch.toolbar') })).toBeNull();

    await clickWith('Control', rowOf(canvasElement, 'C2Calice'));
    await clickWith('Control', rowOf(canvasElement, 'C2Cchen'));
    await expect(selectedIds(canvasElement)).toEqual(['C2Calice', 'C2Cchen']);
    await clickWith('Shift', rowOf(canvasElement, 'C2Cdana'));
    await waitFor(() => expect(selectedIds(canvasElement)).toEqual(SWEPT));
    // Said to screen readers by the list, shown on screen by the bar.
    await expect(canvasElement.querySelector('.ik-ConversationList-selectionStatus')).toHaveTextContent(t.plural('batch.selected', 3));
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    await expect(toolbar).toHaveAccessibleDescription(t.plural('batch.selected', 3));

    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.markRead') }));
    const status = canvasElement.querySelector<HTMLElement>('.ik-BatchActionBar-status')!;
    await waitFor(() => expect(status).toHaveTextContent(t('batch.allDone', { done: 3 })));
    await waitFor(() => expect(SWEPT.some((id) => isUnread(canvasElement, id))).toBe(false));
    // The unread rows left out keep their messages; the selection stays for the next action.
    await expect(isUnread(canvasElement, 'C2Cfumi')).toBe(true);
    await expect(selectedIds(canvasElement)).toEqual(SWEPT);
  },
};

/** SelectMany in the dark theme. */
export const SelectManyDark: Story = { ...SelectMany, globals: { theme: 'dark' } };

/** SelectMany right to left, in Arabic. */
export const SelectManyRightToLeft: Story = { ...SelectMany, globals: { direction: 'rtl' } };

/**
 * SelectMany on a 360 px phone: the bar keeps to one row, its count and × in view, and its actions scroll sideways;
 * each action, focused from the keyboard, scrolls into view. The list keeps most of the screen.
 */
export const SelectManyPhone: Story = {
  ...SelectMany,
  args: { width: 360, height: 640 },
  play: async (context) => {
    await SelectMany.play!(context);
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    const inboxBox = canvasElement.querySelector('.ik-Inbox')!.getBoundingClientRect();
    const toolbar = within(canvasElement).getByRole('toolbar', { name: t('batch.toolbar') });
    const inside = (box: DOMRect, outer: DOMRect) => box.left >= outer.left - 0.5 && box.right <= outer.right + 0.5;
    for (const fixed of [toolbar.querySelector('.ik-BatchActionBar-count')!, toolbar.querySelector('.ik-BatchActionBar-clear')!]) {
      await expect(inside(fixed.getBoundingClientRect(), inboxBox)).toBe(true);
    }
    const strip = toolbar.querySelector<HTMLElement>('.ik-BatchActionBar-actions')!;
    const actions = within(strip).getAllByRole('button');
    // One row: no taller than an action and its focus ring.
    await expect(toolbar.getBoundingClientRect().height).toBeLessThan(actions[0]!.getBoundingClientRect().height + 12);
    for (const action of actions) {
      action.focus();
      await waitFor(() => expect(inside(action.getBoundingClientRect(), strip.getBoundingClientRect())).toBe(true));
    }
    // The bar leaves most of the screen to the rows.
    const bar = canvasElement.querySelector('.ik-BatchActionBar')!.getBoundingClientRect();
    await expect(bar.height).toBeLessThan(inboxBox.height / 6);
  },
};

/**
 * Undo on (a 6 s window). Ctrl+A on the grid selects every row of the list; "Delete…" asks first, then the rows leave
 * at once and the toast over the list's foot says "Deleted 12 conversations". Ctrl+Z brings all twelve back, in their
 * places; the delete was waiting for the window, so nothing reached the backend (the memory adapter's call log).
 */
export const SelectAllAndDelete: Story = {
  parameters: {
    inbox: { ...inbox, storeOptions: { undo: { windowMs: 6000 } } } satisfies InboxParameters,
    ...docsOf(
      'Ctrl/⌘+A selects the whole list; delete it, and undo with Ctrl/⌘+Z while the toast shows.',
      `<InboxProvider adapter={adapter} storeOptions={{ undo: { windowMs: 6000 } }}>\n  <Inbox />\n</InboxProvider>`,
    ),
  },
  play: async (context) => {
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await loadedGrid(canvasElement, t);

    // Focus the grid (a click on a row opens it), then Ctrl+A.
    await userEvent.click(rowOf(canvasElement, 'C2Cbruno'));
    await expect(grid).toHaveFocus();
    await userEvent.keyboard('{Control>}a{/Control}');
    await waitFor(() => expect(selectedIds(canvasElement)).toEqual(shownOrder(canvasElement)));
    const toolbar = await canvas.findByRole('toolbar', { name: t('batch.toolbar') });
    await expect(toolbar).toHaveAccessibleDescription(t.plural('batch.selected', IDS.length));

    await userEvent.click(within(toolbar).getByRole('button', { name: t('batch.delete') }));
    const dialog = await within(document.body).findByRole('alertdialog', { name: t.plural('batch.deleteTitle', IDS.length) });
    await userEvent.click(within(dialog).getByRole('button', { name: t('actions.deleteConfirm') }));

    // Gone at once, offered for undo.
    await waitFor(() => expect(shownOrder(canvasElement)).toEqual([]));
    const toast = canvasElement.querySelector<HTMLElement>('.ik-Inbox-overlay .ik-UndoToast')!;
    await waitFor(() => expect(toast).toHaveTextContent(t.plural('undo.deleteConversation', IDS.length)));
    await expect(toast).toBeVisible();

    // Ctrl+Z from the keyboard (outside any text field): every row comes back, in its place.
    (document.activeElement as HTMLElement | null)?.blur();
    await userEvent.keyboard('{Control>}z{/Control}');
    await waitFor(() => expect(shownOrder(canvasElement)).toEqual(IDS));
    await waitFor(() => expect(toast).toHaveAttribute('data-empty'));
    if ((context.loaded as InboxLoaded).backend === 'memory') {
      await expect(storyMemoryAdapter(context).calls().filter((call) => call.operation === 'deleteConversations')).toEqual([]);
    }
  },
};

/** SelectAllAndDelete in the dark theme. */
export const SelectAllAndDeleteDark: Story = { ...SelectAllAndDelete, globals: { theme: 'dark' } };

/**
 * `holdOrder`: the list holds still. Messages arrive for Hana, Ivan and Kofi (lower rows): their rows update in
 * place (Kofi's preview changes) but nothing moves, and a pill says "3 new — show". Pressing it catches the order up
 * in one go: the three are on top, newest first, and the pill leaves.
 */
export const HoldOrder: Story = {
  args: { holdOrder: true },
  parameters: {
    inbox: {
      ...inbox,
      backends: ['memory'],
      backendsReason: "the play pushes new messages from the server, which only the memory adapter's simulator can do in a story",
    } satisfies InboxParameters,
    ...docsOf(
      'Rows hold still while messages arrive; "3 new — show" catches the order up.',
      `<Inbox holdOrder /> {/* or "auto": while the pointer is over the list or a selection exists */}`,
    ),
  },
  play: async (context) => {
    const { canvasElement, globals } = context;
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await loadedGrid(canvasElement, t);
    const before = shownOrder(canvasElement);
    const tops = () => Object.fromEntries(before.map((id) => [id, rowOf(canvasElement, id).getBoundingClientRect().top]));
    const topsBefore = tops();
    const adapter = storyMemoryAdapter(context);

    // A second apart, so the caught-up order is certain: Kofi newest.
    const now = Date.now();
    adapter.simulate.message('C2Chana', { preview: 'Are we still on for 3pm?', at: now - 2000 });
    adapter.simulate.message('C2Civan', { preview: 'Tracking number inside', at: now - 1000 });
    adapter.simulate.message('C2Ckofi', { preview: 'Moved the standup to 10:30', at: now });

    const pill = await canvas.findByRole('button', { name: t.plural('list.newRows', 3) });
    // Updated in place: the new preview is on Kofi's row, which has not moved; no row has.
    await waitFor(() => expect(rowOf(canvasElement, 'C2Ckofi')).toHaveTextContent('Moved the standup to 10:30'));
    await expect(shownOrder(canvasElement)).toEqual(before);
    await expect(tops()).toEqual(topsBefore);

    await userEvent.click(pill);
    await waitFor(() => expect(shownOrder(canvasElement).slice(0, 4)).toEqual(['C2Ckofi', 'C2Civan', 'C2Chana', 'C2Calice']));
    await waitFor(() => expect(canvas.queryByRole('button', { name: t.plural('list.newRows', 3) })).toBeNull());
  },
};

/** HoldOrder in the dark theme. */
export const HoldOrderDark: Story = { ...HoldOrder, globals: { theme: 'dark' } };

/** HoldOrder right to left, in Arabic. */
export const HoldOrderRightToLeft: Story = { ...HoldOrder, globals: { direction: 'rtl' } };

/**
 * From Bruno (read), Alt+Shift+↓ goes to the next unread row, Chen, and selects it; the jump control floating at the
 * list's foot ("Next unread") does the same from there, to Dana; Alt+Shift+↑ goes back to Chen. Scrolled to the end,
 * the last row clears the floating control.
 */
export const JumpToUnread: Story = {
  parameters: docsOf(
    'Alt+Shift+↓ / ↑ and the floating jump control move to the next / previous unread conversation.',
    `<Inbox /> {/* showUnreadJump and the shortcuts are on by default */}`,
  ),
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await loadedGrid(canvasElement, t);
    await userEvent.click(rowOf(canvasElement, 'C2Cbruno'));
    await expect(selectedIds(canvasElement)).toEqual(['C2Cbruno']);

    await userEvent.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    await waitFor(() => expect(selectedIds(canvasElement)).toEqual(['C2Cchen']));
    await expect(grid).toHaveAttribute('aria-activedescendant', rowOf(canvasElement, 'C2Cchen').id);

    const jump = canvas.getByRole('group', { name: t('jump.label') });
    await expect(jump.closest('.ik-Inbox-overlay')).not.toBeNull();
    await userEvent.click(within(jump).getByRole('button', { name: t('jump.nextUnread') }));
    await waitFor(() => expect(selectedIds(canvasElement)).toEqual(['C2Cdana']));

    grid.focus();
    await userEvent.keyboard('{Alt>}{Shift>}{ArrowUp}{/Shift}{/Alt}');
    await waitFor(() => expect(selectedIds(canvasElement)).toEqual(['C2Cchen']));
    // Nothing was opened, so nothing was read.
    await expect(isUnread(canvasElement, 'C2Cchen')).toBe(true);

    // Scrolled to the end, the last row clears the floating control: its time and badge are not under it.
    grid.scrollTop = grid.scrollHeight;
    const last = IDS.at(-1)!;
    await waitFor(() => expect(rowOf(canvasElement, last).getBoundingClientRect().bottom).toBeLessThanOrEqual(jump.getBoundingClientRect().top));
  },
};

/** JumpToUnread right to left, in Arabic. */
export const JumpToUnreadRightToLeft: Story = { ...JumpToUnread, globals: { direction: 'rtl' } };
