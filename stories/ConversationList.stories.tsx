import { useCallback, useState, type ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fn, userEvent, waitFor, within } from 'storybook/test';
import { ConversationActions, type ConversationId, ConversationList, useConversation } from '../src/index.js';
import { generateConversations } from '../src/adapters/memory/index.js';
import { docsOf, sourceCode } from './support/docs.js';
import { SHOWCASE_GROUPS, showcaseConversations } from './support/fixtures.js';
import { withLocalAvatars } from './support/localAvatars.js';
import { storyMessages } from './support/storyMessages.js';
import {
  createNeverLoadingAdapter,
  createSyncingAdapter,
  storyMemoryAdapter,
  type InboxParameters,
} from './support/storyAdapter.js';

/** 500 realistic conversations, as of now, with offline avatars. None pinned, so the order is by time alone. */
const generated = (count: number, seed = 3) => () =>
  withLocalAvatars(generateConversations(count, { seed, now: Date.now() })).map((c) => (c.isPinned ? { ...c, isPinned: false } : c));

type ListArgs = ComponentProps<typeof ConversationList> & {
  /** Height of the list's container in px. */
  height: number;
  unreadOnly: boolean;
  mentionsOnly: boolean;
  query: string;
};

const rows = (canvasElement: HTMLElement) => canvasElement.querySelectorAll<HTMLElement>('[role="row"]');
const rowAt = (canvasElement: HTMLElement, index: number) => canvasElement.querySelector<HTMLElement>(`[role="row"][aria-rowindex="${index}"]`);
const firstTitle = (canvasElement: HTMLElement) => rowAt(canvasElement, 1)?.querySelector('.ik-ConversationItem-title')?.textContent ?? '';

const meta = {
  title: 'Components/ConversationList',
  component: ConversationList,
  tags: ['autodocs'],
  parameters: {
    inbox: { conversations: generated(500), groups: [] } satisfies InboxParameters,
    docs: {
      description: {
        component: `The virtualized conversation list: an ARIA \`grid\` of \`ConversationItem\` rows keyed by
conversation id. Only the visible rows plus \`overscan\` are in the DOM, so 100,000 conversations scroll like 100.
Selection is controlled (\`selectedId\` + \`onSelect\`) or not; \`onOpen\` fires on Enter or double click and
marks the conversation read. It keeps the user's view and focus when conversations reorder above them, loads the
next page as the end nears, and shows loading, syncing, empty and error (with Retry) states.

**Keyboard:** ↑/↓, Home/End, PageUp/PageDown move; Enter opens; Space selects; Shift+F10 or the ContextMenu key
asks for the row's actions (\`onItemActions\`); → and ← move into and out of a row's controls.

Give the list a height: it fills its container.

\`\`\`tsx
import { ConversationList, InboxProvider } from 'inboxkit';
import 'inboxkit/styles.css';

<InboxProvider adapter={adapter}>
  <div style={{ height: 600 }}>
    <ConversationList aria-label="Chats" groupName="Work" selectedId={id} onSelect={setId} onOpen={openChat} />
  </div>
</InboxProvider>
\`\`\``,
      },
    },
  },
  argTypes: {
    height: { control: { type: 'range', min: 200, max: 900, step: 20 }, table: { category: 'Story' } },
    groupName: { control: 'select', options: [undefined, 'Work', 'Friends'], labels: { undefined: 'All' } as Record<string, string> },
    unreadOnly: { control: 'boolean', table: { category: 'filter' } },
    mentionsOnly: { control: 'boolean', table: { category: 'filter' } },
    query: { control: 'text', table: { category: 'filter' } },
    rowHeight: { control: 'radio', options: [56, 64, 72] },
    overscan: { control: { type: 'number', min: 0, max: 30 } },
    markReadOnOpen: { control: 'boolean' },
    filter: { control: false },
    store: { control: false },
  },
  args: {
    height: 480,
    unreadOnly: false,
    mentionsOnly: false,
    query: '',
    'aria-label': 'Conversations',
    markReadOnOpen: true,
    onSelect: fn(),
    onOpen: fn(),
  },
  render: ({ height, unreadOnly, mentionsOnly, query, ...props }) => (
    <div style={{ height, inlineSize: '100%', maxInlineSize: 480, border: '1px solid var(--ik-color-border)' }}>
      <ConversationList {...props} filter={{ unreadOnly, mentionsOnly, query }} />
    </div>
  ),
} satisfies Meta<ListArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  parameters: sourceCode(`<div style={{ height: 480 }}>
  <ConversationList aria-label="Conversations" onSelect={(id) => setSelected(id)} onOpen={(id) => openChat(id)} />
</div>`),
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    // Named by the story's own aria-label arg, not by the kit.
    const grid = await canvas.findByRole('grid', { name: args['aria-label'] });
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    // Virtualized: far fewer rows than conversations.
    await expect(rows(canvasElement).length).toBeLessThan(40);
    const first = rowAt(canvasElement, 1)!;
    await userEvent.click(first);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    await expect(args.onSelect).toHaveBeenCalledWith(first.dataset.conversationId);
    await userEvent.keyboard('{ArrowDown}{Enter}');
    const second = rowAt(canvasElement, 2)!;
    await expect(args.onOpen).toHaveBeenCalledWith(second.dataset.conversationId);
    await expect(grid).toHaveAttribute('aria-activedescendant', second.id);
  },
};

export const AllRowStates: Story = {
  parameters: {
    inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters,
    ...docsOf('Pinned, @me, 99+, muted, draft, @all, broken avatar, recalled, CJK and HTML-looking titles together.', `<ConversationList />`),
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(8));
    // Pinned first, even though others are newer.
    await expect(firstTitle(canvasElement)).toBe('R&D 研发部');
    await expect(canvas.getByText(t('item.pinned'))).toBeInTheDocument();
    await expect(canvas.getByText(t('item.mention.me'))).toBeVisible();
    await expect(canvas.getByText('99+')).toBeVisible();
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    await expect(canvas.getByText(t('item.mention.all'))).toBeVisible();
    await expect(canvas.getByText('<b>Not bold</b> & <img src=x>')).toBeVisible();
    await expect(canvasElement.querySelector('.ik-ConversationList b')).toBeNull();
    await expect(canvas.getByRole('grid')).toHaveAttribute('aria-rowcount', '8');
    await expect(rowAt(canvasElement, 8)).not.toBeNull();
  },
};

export const KeyboardNavigation: Story = {
  parameters: {
    inbox: {
      storeOptions: { pageSize: 500 },
      backends: ['memory', 'tencent'],
      backendsReason: 'the play counts 500 rows; OpenIM lists no conversation without a message, and about 1% of the generated ones have none',
    } satisfies InboxParameters,
  },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    await userEvent.tab();
    await expect(grid).toHaveFocus();
    const active = () => canvasElement.ownerDocument.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
    await expect(active()).toHaveAttribute('aria-rowindex', '1');
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await expect(active()).toHaveAttribute('aria-rowindex', '3');
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(active()).toHaveAttribute('aria-rowindex', '500'));
    await userEvent.keyboard('{Home}');
    await waitFor(() => expect(active()).toHaveAttribute('aria-rowindex', '1'));
    await userEvent.keyboard('{PageDown}');
    await waitFor(() => expect(Number(active()?.getAttribute('aria-rowindex'))).toBeGreaterThan(4));
    await userEvent.keyboard(' ');
    await expect(active()).toHaveAttribute('aria-selected', 'true');
    await userEvent.keyboard('{Enter}');
    await expect(args.onOpen).toHaveBeenCalledWith(active()?.dataset.conversationId);
    await expect(rows(canvasElement).length).toBeLessThan(40);
  },
};

export const OpenMarksRead: Story = {
  parameters: { inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters },
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const badge = await canvas.findByText('99+');
    const row = badge.closest<HTMLElement>('[role="row"]')!;
    await userEvent.dblClick(row);
    await expect(args.onOpen).toHaveBeenCalledWith('C2Calice');
    await waitFor(() => expect(canvas.queryByText('99+')).toBeNull());
    await expect(row).toHaveAttribute('aria-selected', 'true');
  },
};

export const Empty: Story = {
  parameters: { inbox: { conversations: [] } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(storyMessages(globals)('list.empty'))).toBeVisible();
    await expect(canvas.queryByRole('grid')).toBeNull();
    await expect(canvasElement.querySelector('.ik-ConversationList')).toHaveAttribute('data-empty');
  },
};

/** A filter that hides everything: the sentence, and "Show all", which asks the list's owner to clear the filter. */
export const EmptyFiltered: Story = {
  args: { query: 'no such name' },
  render: function Render({ height, unreadOnly, mentionsOnly, query, ...props }) {
    const [filter, setFilter] = useState({ unreadOnly, mentionsOnly, query });
    return (
      <div style={{ height, inlineSize: '100%', maxInlineSize: 480, border: '1px solid var(--ik-color-border)' }}>
        <ConversationList {...props} filter={filter} onClearFilter={() => setFilter({ unreadOnly: false, mentionsOnly: false, query: '' })} />
      </div>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('list.emptyFiltered'))).toBeVisible();
    await expect(canvasElement.querySelector('.ik-ConversationList')).toHaveAttribute('data-filtered');
    await userEvent.click(canvas.getByRole('button', { name: t('list.showAll') }));
    await expect(await canvas.findByRole('grid')).toBeVisible();
  },
};

/** An empty group offers "Add conversations" when the app handles it (`onAddConversations`). */
export const EmptyGroup: Story = {
  args: { groupName: 'Friends', onAddConversations: fn() },
  parameters: { inbox: { conversations: generated(50), groups: [{ name: 'Friends', conversationIds: [] }] } satisfies InboxParameters },
  play: async ({ canvasElement, globals, args }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('list.emptyGroup'))).toBeVisible();
    await userEvent.click(canvas.getByRole('button', { name: t('list.addConversations') }));
    await expect(args.onAddConversations).toHaveBeenCalledWith('Friends');
  },
};

export const Filtered: Story = {
  args: { unreadOnly: true },
  parameters: { inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    // The showcase has 4 conversations with unread messages.
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(4));
    await expect(canvas.queryByText('王小明')).toBeNull();
  },
};

export const GroupWork: Story = {
  args: { groupName: 'Work' },
  parameters: { inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement)).toHaveLength(2));
    await expect(canvas.getByText('Acme Suppliers')).toBeVisible();
    await expect(canvas.queryByText('Alicia Fernández')).toBeNull();
  },
};

export const Loading: Story = {
  parameters: {
    inbox: { adapter: createNeverLoadingAdapter } satisfies InboxParameters,
    ...docsOf('The first page never arrives: skeleton rows, a polite "Loading conversations…" and `aria-busy`.', `<ConversationList skeletonRows={8} />`),
  },
  play: async ({ canvasElement, globals }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(storyMessages(globals)('list.loading'))).toBeInTheDocument();
    const list = canvasElement.querySelector('.ik-ConversationList')!;
    await expect(list).toHaveAttribute('aria-busy', 'true');
    await expect(list).toHaveAttribute('data-status', 'loading');
    await expect(canvasElement.querySelectorAll('.ik-ConversationList-skeletonRow')).toHaveLength(8);
  },
};

export const Syncing: Story = {
  parameters: { inbox: { adapter: () => createSyncingAdapter({ conversations: generated(40)() }) } satisfies InboxParameters },
  play: async (context) => {
    const canvas = within(context.canvasElement);
    const syncing = storyMessages(context.globals)('list.syncing');
    await expect(await canvas.findByText(syncing)).toBeVisible();
    // Rows are usable while the backend catches up.
    await waitFor(() => expect(rows(context.canvasElement).length).toBeGreaterThan(3));
    await storyMemoryAdapter(context).simulate.sync();
    await waitFor(() => expect(canvas.queryByText(syncing)).toBeNull());
    await expect(context.canvasElement.querySelector('.ik-ConversationList')).toHaveAttribute('data-status', 'ready');
  },
};

export const ErrorWithRetry: Story = {
  parameters: {
    inbox: { conversations: generated(60), failNext: ['loadConversations'] } satisfies InboxParameters,
    ...docsOf('The first load fails (`adapter.failNext("loadConversations")`); Retry reconnects.', `<ConversationList onRetry={() => reconnect()} />`),
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('list.error'));
    await expect(alert).toHaveTextContent('Injected failure of loadConversations.');
    await userEvent.click(within(alert).getByRole('button', { name: t('list.retry') }));
    await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

export const Paging: Story = {
  parameters: {
    inbox: {
      conversations: generated(1000),
      latencyMs: 250,
      storeOptions: { pageSize: 50 },
      backends: ['memory', 'openim'],
      backendsReason: "Tencent's Web SDK gives its whole list as one page",
    } satisfies InboxParameters,
    ...docsOf('1,000 conversations in pages of 50 with 250 ms latency: the next page loads as the end nears.', `<InboxProvider adapter={adapter} storeOptions={{ pageSize: 50 }}>…`),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The first page takes 250 ms of simulated latency plus rendering: allow for a busy machine.
    const grid = await canvas.findByRole('grid', undefined, { timeout: 10_000 });
    // While more pages exist the size is unknown.
    await waitFor(() => expect(grid).toHaveAttribute('aria-rowcount', '-1'));
    // The list's data attributes, not its English status text, so this runs in every locale; and the loading state is
    // recorded as it happens rather than looked for afterwards (on a busy machine the 250 ms page may already be in).
    const list = grid.closest<HTMLElement>('.ik-ConversationList')!;
    let sawLoadingMore = false;
    const observer = new MutationObserver(() => {
      sawLoadingMore ||= list.hasAttribute('data-loading-more');
    });
    observer.observe(list, { attributes: true, attributeFilter: ['data-loading-more'] });
    const lastIndex = () => Math.max(...Array.from(rows(canvasElement), (row) => Number(row.getAttribute('aria-rowindex'))));
    grid.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(lastIndex()).toBeGreaterThan(50), { timeout: 15_000 });
    await waitFor(() => expect(list).not.toHaveAttribute('data-loading-more'), { timeout: 15_000 });
    observer.disconnect();
    await expect(sawLoadingMore).toBe(true);
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(lastIndex()).toBeGreaterThan(100), { timeout: 15_000 });
  },
};

export const HundredThousandRows: Story = {
  tags: ['!autodocs'],
  parameters: {
    inbox: {
      conversations: generated(100_000, 11),
      storeOptions: { pageSize: 100_000 },
      backends: ['memory', 'tencent'],
      backendsReason: 'the play counts 100,000 rows; OpenIM lists no conversation without a message, and about 1% of the generated ones have none',
    } satisfies InboxParameters,
    ...docsOf(
      '`generateConversations(100_000)`: the DOM holds only the visible rows and the overscan.',
      `const adapter = createMemoryAdapter({ conversations: generateConversations(100_000) });
<InboxProvider adapter={adapter} storeOptions={{ pageSize: 100_000 }}>
  <ConversationList />
</InboxProvider>`,
    ),
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', undefined, { timeout: 10_000 });
    await expect(grid).toHaveAttribute('aria-rowcount', '100000');
    await expect(rows(canvasElement).length).toBeLessThan(100);
    grid.focus();
    await userEvent.keyboard('{End}');
    await waitFor(() => expect(canvasElement.querySelector('[aria-rowindex="100000"]')).not.toBeNull());
    await expect(rows(canvasElement).length).toBeLessThan(100);
    grid.scrollTop = grid.scrollHeight / 2;
    await waitFor(() => expect(canvasElement.querySelector('[aria-rowindex="100000"]')).toBeNull());
    await expect(rows(canvasElement).length).toBeLessThan(100);
  },
};

export const NewMessageKeepsTheView: Story = {
  parameters: {
    ...docsOf(
      'The user scrolled down and selected a row; a message arrives for a conversation far below. It moves to the top, yet the rows the user looks at stay where they are, and so does the selection.',
      `adapter.simulate.message('C2Cuser_480', { preview: 'Hello from far below' });`,
    ),
    inbox: { backends: ['memory'], backendsReason: "the message arrives through the memory adapter's simulator" } satisfies InboxParameters,
  },
  play: async (context) => {
    const { canvasElement } = context;
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(5));
    grid.scrollTop = 64 * 40;
    await waitFor(() => expect(canvasElement.querySelector('[aria-rowindex="45"]')).not.toBeNull());
    const target = canvasElement.querySelector<HTMLElement>('[aria-rowindex="45"]')!;
    await userEvent.click(target);
    const id = target.dataset.conversationId!;
    const before = target.getBoundingClientRect().top;
    const farBelow = storyMemoryAdapter(context).getSnapshot().conversations[480]!.id;
    storyMemoryAdapter(context).simulate.message(farBelow, { preview: 'Hello from far below' });
    // The selected row moved down by one index, but not on screen.
    await waitFor(() => expect(canvasElement.querySelector(`[data-conversation-id="${id}"]`)).toHaveAttribute('aria-rowindex', '46'));
    const after = canvasElement.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)!;
    await expect(after).toHaveAttribute('aria-selected', 'true');
    await waitFor(() => expect(Math.abs(after.getBoundingClientRect().top - before)).toBeLessThan(2));
    grid.scrollTop = 0;
    await waitFor(() => expect(rowAt(canvasElement, 1)).toHaveAttribute('data-conversation-id', farBelow));
  },
};

function TitleAndCount({ id }: { id: ConversationId }) {
  const conversation = useConversation(id);
  return (
    <div style={{ display: 'flex', justifyContent: 'space-between', padding: '10px 12px' }}>
      <strong>{conversation?.title}</strong>
      <span>{conversation?.unreadCount ? `${conversation.unreadCount} new` : 'read'}</span>
    </div>
  );
}

export const CustomRows: Story = {
  parameters: {
    inbox: { conversations: () => showcaseConversations() } satisfies InboxParameters,
    ...sourceCode(`const renderItem = useCallback((id: string) => <TitleAndCount id={id} />, []);
<ConversationList renderItem={renderItem} rowHeight={44} />`),
  },
  render: function Render({ height, unreadOnly: _u, mentionsOnly: _m, query: _q, ...props }) {
    const renderItem = useCallback((id: ConversationId) => <TitleAndCount id={id} />, []);
    return (
      <div style={{ height, inlineSize: '100%', maxInlineSize: 480 }}>
        <ConversationList {...props} renderItem={renderItem} rowHeight={44} />
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('120 new')).toBeVisible();
    // The list keeps the row shell (role, selection) around custom content.
    const row = canvas.getByText('120 new').closest('[role="row"]')!;
    await userEvent.click(row);
    await expect(row).toHaveAttribute('aria-selected', 'true');
  },
};

export const RowActionsKey: Story = {
  parameters: {
    inbox: { conversations: () => showcaseConversations(), groups: SHOWCASE_GROUPS } satisfies InboxParameters,
    ...sourceCode(`const [actionsFor, setActionsFor] = useState<string | null>(null);
<ConversationList onItemActions={(id) => setActionsFor(id)} />
{actionsFor && (
  <ConversationActions id={actionsFor} hideTrigger open onOpenChange={(open) => !open && setActionsFor(null)} />
)}`),
  },
  render: function Render({ height, unreadOnly: _u, mentionsOnly: _m, query: _q, ...props }) {
    const [actionsFor, setActionsFor] = useState<ConversationId | null>(null);
    return (
      <div style={{ height, inlineSize: '100%', maxInlineSize: 480 }}>
        <ConversationList {...props} onItemActions={(id) => setActionsFor(id)} />
        {actionsFor && <ConversationActions id={actionsFor} hideTrigger open onOpenChange={(open) => !open && setActionsFor(null)} />}
      </div>
    );
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid');
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    grid.focus();
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: 'R&D 研发部' }) });
    await expect(within(menu).getByRole('menuitem', { name: t('actions.unpin') })).toHaveFocus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(canvas.queryByRole('menu')).toBeNull());
    // Unpinned, and focus is back on the list.
    await waitFor(() => expect(canvas.queryByText(t('item.pinned'))).toBeNull());
    await expect(rowAt(canvasElement, 1)!.querySelector('.ik-ConversationItem')).not.toHaveAttribute('data-pinned');
    await waitFor(() => expect(grid).toHaveFocus());
  },
};

export const Chinese: Story = {
  globals: { locale: 'zh-CN' },
  args: { 'aria-label': undefined },
  parameters: { inbox: { conversations: () => showcaseConversations() } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    // The story pins its locale to zh-CN; the strings still come from the table, not typed in.
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('grid', { name: t('list.label') })).toBeVisible();
    await expect(canvas.getByText(t('item.draft'))).toBeVisible();
    await expect(canvas.getByText(t('item.mention.me'))).toBeVisible();
  },
};
