import type { ComponentProps } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, fireEvent, fn, userEvent, waitFor, within } from 'storybook/test';
import { Inbox } from '../src/index.js';
import { generateConversations } from '../src/adapters/memory/index.js';
import { docsOf, sourceCode } from './support/docs.js';
import { SHOWCASE_GROUPS, showcaseConversations } from './support/fixtures.js';
import { withLocalAvatars } from './support/localAvatars.js';
import {
  createNeverLoadingAdapter,
  createSyncingAdapter,
  storyMemoryAdapter,
  type InboxParameters,
} from './support/storyAdapter.js';
import { storyMessages } from './support/storyMessages.js';

/** The showcase rows first, then generated ones, in three groups. */
function inboxData(count: number): InboxParameters {
  return {
    conversations: () => [
      ...showcaseConversations(),
      ...withLocalAvatars(generateConversations(count, { seed: 5, now: Date.now() - 3_600_000 })).map((c, i) => ({
        ...c,
        isPinned: false,
        groupNames: i % 7 === 0 ? ['Work'] : i % 11 === 0 ? ['家人'] : [],
      })),
    ],
    groups: [...SHOWCASE_GROUPS, { name: '家人', conversationIds: [] }],
  };
}

/** `width` caps the story's width; without it the inbox fills its frame, as it fills its parent in an app. */
type InboxArgs = ComponentProps<typeof Inbox> & { height: number; width?: number };

const meta = {
  title: 'Inbox/Inbox',
  component: Inbox,
  tags: ['autodocs'],
  parameters: {
    inbox: inboxData(300),
    docs: {
      description: {
        component: `The common case in one component: \`GroupTabs\` over a \`ConversationList\` (as its tab panel),
and the \`ConversationActions\` menu of a row, opened with Shift+F10, the ContextMenu key or a right click. Tune the
parts with \`groupTabsProps\`, \`listProps\` and \`actionsProps\`, or compose them yourself.

\`\`\`tsx
import { Inbox, InboxProvider } from 'inboxkit';
import { createMemoryAdapter, generateConversations } from 'inboxkit/adapters/memory';
import 'inboxkit/styles.css';

const adapter = createMemoryAdapter({ conversations: generateConversations(500) });

export function App() {
  return (
    <InboxProvider adapter={adapter} locale="en">
      <div style={{ height: '100vh', width: 380 }}>
        <Inbox onOpen={(id) => openChat(id)} actionsProps={{ onDeleted: closeChat }} />
      </div>
    </InboxProvider>
  );
}
\`\`\``,
      },
    },
  },
  argTypes: {
    height: { control: { type: 'range', min: 240, max: 900, step: 20 }, table: { category: 'Story' } },
    width: { control: { type: 'range', min: 280, max: 720, step: 20 }, table: { category: 'Story' } },
    defaultGroupName: { control: 'select', options: [null, 'Work', 'Friends', '家人'] },
    hideGroupTabs: { control: 'boolean' },
    groupName: { control: false },
    header: { control: false },
    footer: { control: false },
  },
  args: { height: 560, hideGroupTabs: false, onOpen: fn(), onSelect: fn(), onGroupNameChange: fn() },
  render: ({ height, width, ...props }) => (
    <div style={{ height, inlineSize: '100%', maxInlineSize: width, display: 'flex', flexDirection: 'column' }}>
      <Inbox {...props} style={{ flex: 1, minHeight: 0 }} />
    </div>
  ),
} satisfies Meta<InboxArgs>;

export default meta;
type Story = StoryObj<typeof meta>;

const rows = (canvasElement: HTMLElement) => canvasElement.querySelectorAll<HTMLElement>('[role="row"]');

export const Default: Story = {
  parameters: sourceCode(`<Inbox onOpen={(id) => openChat(id)} />`),
  play: async ({ canvasElement, args, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const inbox = await canvas.findByRole('region', { name: t('inbox.label') });
    const tabs = within(within(inbox).getByRole('tablist'));
    await expect(await canvas.findByRole('grid', { name: t('inbox.listAll') })).toBeVisible();
    await userEvent.click(await tabs.findByRole('tab', { name: /^Work/ }));
    const grid = await canvas.findByRole('grid', { name: t('inbox.listGroup', { name: 'Work' }) });
    // The list is the tabs' panel, named by the active tab.
    await expect(canvas.getByRole('tabpanel', { name: /^Work/ })).toContainElement(grid);
    await expect(args.onGroupNameChange).toHaveBeenCalledWith('Work');
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(2));
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{Enter}');
    await expect(args.onOpen).toHaveBeenCalledTimes(1);
  },
};

export const RowActionsFromKeyboard: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', { name: t('inbox.listAll') });
    await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(3));
    const aliciaRow = () => canvas.getByText('Alicia Fernández').closest<HTMLElement>('[role="row"]')!;
    await expect(within(aliciaRow()).getByText('99+')).toBeVisible();
    grid.focus();
    // The second row (after the pinned one) is Alicia's: open its actions from the keyboard.
    await userEvent.keyboard('{ArrowDown}');
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: 'Alicia Fernández' }) });
    await userEvent.click(within(menu).getByRole('menuitem', { name: t('actions.markRead') }));
    await waitFor(() => expect(within(aliciaRow()).queryByText('99+')).toBeNull());
    await waitFor(() => expect(grid).toHaveFocus());
  },
};

export const RightClickMenu: Story = {
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await fireEvent.contextMenu(await canvas.findByText('Acme Suppliers'));
    const menu = await canvas.findByRole('menu', { name: t('actions.menu', { title: 'Acme Suppliers' }) });
    await userEvent.click(within(menu).getByRole('menuitem', { name: t('actions.pin') }));
    // Pinned conversations go first: Acme Suppliers is now second, after the pinned R&D.
    await waitFor(() => expect(canvasElement.querySelector('[aria-rowindex="2"] .ik-ConversationItem-title')).toHaveTextContent('Acme Suppliers'));
  },
};

export const MoveToGroupFromActions: Story = {
  args: { defaultGroupName: '家人' },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const tabs = within(await canvas.findByRole('tablist'));
    await userEvent.click(await tabs.findByRole('tab', { name: new RegExp(`^${t('groupTabs.all')}`) }));
    await fireEvent.contextMenu(await canvas.findByText('Alicia Fernández'));
    await userEvent.click(await canvas.findByRole('menuitemcheckbox', { name: '家人' }));
    await userEvent.keyboard('{Escape}');
    await userEvent.click(tabs.getByRole('tab', { name: /^家人/ }));
    await expect(await canvas.findByRole('grid', { name: t('inbox.listGroup', { name: '家人' }) })).toBeVisible();
    await expect(await canvas.findByText('Alicia Fernández')).toBeVisible();
  },
};

export const Empty: Story = {
  parameters: { inbox: { conversations: [], groups: [] } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('list.empty'))).toBeVisible();
    await expect(canvas.getByRole('tab', { name: t('groupTabs.all') })).toHaveAttribute('aria-selected', 'true');
  },
};

export const Loading: Story = {
  parameters: { inbox: { adapter: createNeverLoadingAdapter } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByText(t('list.loading'))).toBeInTheDocument();
    await expect(canvasElement.querySelector('.ik-ConversationList')).toHaveAttribute('aria-busy', 'true');
  },
};

export const Syncing: Story = {
  parameters: {
    inbox: { adapter: () => createSyncingAdapter({ conversations: showcaseConversations(), groups: SHOWCASE_GROUPS }) } satisfies InboxParameters,
  },
  play: async (context) => {
    const t = storyMessages(context.globals);
    const canvas = within(context.canvasElement);
    await expect(await canvas.findByText(t('list.syncing'))).toBeVisible();
    await expect(await canvas.findByText('Alicia Fernández')).toBeVisible();
    await storyMemoryAdapter(context).simulate.sync();
    await waitFor(() => expect(canvas.queryByText(t('list.syncing'))).toBeNull());
  },
};

export const ErrorWithRetry: Story = {
  parameters: { inbox: { ...inboxData(20), failNext: ['loadConversations'] } satisfies InboxParameters },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent(t('list.error'));
    await userEvent.click(within(alert).getByRole('button', { name: t('list.retry') }));
    await expect(await canvas.findByText('Alicia Fernández')).toBeVisible();
  },
};

export const HundredThousandRows: Story = {
  tags: ['!autodocs'],
  parameters: {
    inbox: {
      ...inboxData(100_000),
      storeOptions: { pageSize: 200_000 },
      backends: ['memory', 'tencent'],
      backendsReason: 'the play counts 100,008 rows; OpenIM lists no conversation without a message, and about 1% of the generated ones have none',
    } satisfies InboxParameters,
    ...docsOf('100,008 conversations in three groups; the DOM keeps only the visible rows.', `<InboxProvider adapter={createMemoryAdapter({ conversations: generateConversations(100_000) })}>
  <Inbox />
</InboxProvider>`),
  },
  play: async ({ canvasElement, globals }) => {
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    const grid = await canvas.findByRole('grid', { name: t('inbox.listAll') }, { timeout: 10_000 });
    await expect(grid).toHaveAttribute('aria-rowcount', '100008');
    await expect(rows(canvasElement).length).toBeLessThan(100);
    await userEvent.click(within(canvas.getByRole('tablist')).getByRole('tab', { name: /^Work/ }));
    const work = await canvas.findByRole('grid', { name: t('inbox.listGroup', { name: 'Work' }) });
    await waitFor(() => expect(Number(work.getAttribute('aria-rowcount'))).toBeGreaterThan(14_000));
    await expect(rows(canvasElement).length).toBeLessThan(100);
  },
};

export const Japanese: Story = {
  globals: { locale: 'ja' },
  play: async ({ canvasElement, globals }) => {
    // The story pins its locale to ja; the strings still come from the table.
    const t = storyMessages(globals);
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('region', { name: t('inbox.label') })).toBeVisible();
    await expect(await canvas.findByRole('grid', { name: t('inbox.listAll') })).toBeVisible();
    await expect(canvas.getByRole('tab', { name: new RegExp(`^${t('groupTabs.all')}`) })).toBeVisible();
    await expect((await canvas.findAllByText(t('item.draft')))[0]).toBeVisible();
  },
};

export const DarkTheme: Story = {
  globals: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('grid');
    const list = canvasElement.querySelector('.ik-ConversationList')!;
    // The dark palette: a dark background under light text.
    const [r, g, b] = getComputedStyle(list).backgroundColor.match(/\d+/g)!.map(Number);
    await expect(r! + g! + b!).toBeLessThan(150);
  },
};

export const WithHeaderAndFooter: Story = {
  args: {
    header: <h2 style={{ margin: '8px 12px', fontSize: 18 }}>Chats</h2>,
    footer: <p style={{ margin: '8px 12px' }}>Synced with the in-memory backend</p>,
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('heading', { name: 'Chats' })).toBeVisible();
    await expect(canvas.getByText('Synced with the in-memory backend')).toBeVisible();
  },
};

/** Every part of a row and of the tab strip lies inside its box: nothing is clipped at this width. */
async function expectNothingClipped(canvasElement: HTMLElement) {
  await waitFor(() => expect(rows(canvasElement).length).toBeGreaterThan(4));
  const inside = (inner: Element, outer: Element) => {
    const a = inner.getBoundingClientRect();
    const b = outer.getBoundingClientRect();
    return a.left >= b.left - 0.5 && a.right <= b.right + 0.5;
  };
  for (const row of canvasElement.querySelectorAll('.ik-ConversationItem')) {
    for (const part of row.querySelectorAll('.ik-ConversationItem-time, .ik-ConversationItem-unreadBadge')) {
      await expect(inside(part, row)).toBe(true);
    }
  }
  const strip = canvasElement.querySelector('.ik-GroupTabs')!;
  const create = strip.querySelector('.ik-GroupTabs-create');
  if (create) await expect(inside(create, strip)).toBe(true);
}

/**
 * On a phone: the inbox fills a 390 px screen (an iPhone 12 to 15). The tab strip scrolls with the fade and the
 * snapping, and times, badges and "New group" stay whole.
 */
export const Phone: Story = {
  render: (props) => (
    <div style={{ inlineSize: 390, blockSize: 700, margin: '0 auto', display: 'flex', flexDirection: 'column', outline: '1px solid var(--ik-color-border)' }}>
      <Inbox {...props} style={{ flex: 1, minHeight: 0 }} />
    </div>
  ),
  play: async ({ canvasElement }) => expectNothingClipped(canvasElement),
};

/** The narrowest phone the kit supports: 320 px (an iPhone SE of the first generation). */
export const SmallPhone: Story = {
  render: (props) => (
    <div style={{ inlineSize: 320, blockSize: 568, margin: '0 auto', display: 'flex', flexDirection: 'column', outline: '1px solid var(--ik-color-border)' }}>
      <Inbox {...props} style={{ flex: 1, minHeight: 0 }} />
    </div>
  ),
  play: async ({ canvasElement }) => expectNothingClipped(canvasElement),
};
