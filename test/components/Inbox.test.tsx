import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox, type InboxProps } from '../../src/components/Inbox/index.js';
import type { AdapterCapabilities } from '../../src/core/adapter.js';
import { InboxError } from '../../src/core/errors.js';
import type { Conversation } from '../../src/core/types.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, overscanRendered, renderWithStore, withLocale } from '../utils/render.js';

const NOW = 1_700_000_000_000;

function conv(id: string, title: string, minutesAgo: number, extra: Partial<Conversation> = {}): Conversation {
  const at = NOW - minutesAgo * 60_000;
  return makeConversation({ id, title, lastActivityAt: at, lastMessage: { preview: `Hello from ${title}`, sentAt: at }, ...extra });
}

const CONVERSATIONS = [
  conv('C2Calice', 'Alice', 1, { unreadCount: 2, groupNames: ['Work'] }),
  conv('C2Cbob', 'Bob', 2),
  conv('C2Ccarol', 'Carol', 3, { groupNames: ['Work'] }),
];

/** jsdom has no layout: give the virtualizer a viewport so rows render. */
const VIRTUALIZER: InboxProps['virtualizerOptions'] = {
  initialRect: { width: 320, height: 640 },
  observeElementRect: (_instance, callback) => {
    callback({ width: 320, height: 640 });
    return () => {};
  },
};

async function setup(props: Partial<InboxProps> = {}, options: { locale?: string; capabilities?: Partial<AdapterCapabilities> } = {}) {
  const memory = createMemoryAdapter({ conversations: CONVERSATIONS, groups: [{ name: 'Work', conversationIds: ['C2Calice', 'C2Ccarol'] }] });
  const adapter: MemoryAdapter = options.capabilities ? { ...memory, capabilities: { ...memory.capabilities, ...options.capabilities } } : memory;
  const store = makeStore(adapter);
  await store.connect();
  store.flush();
  const user = userEvent.setup();
  const view = renderWithStore(<Inbox virtualizerOptions={VIRTUALIZER} listProps={{ now: NOW }} {...props} />, store, withLocale(options.locale ?? 'en'));
  await overscanRendered();
  return { memory, store, user, ...view };
}

/** Titles of the rows the list shows, in order. */
function rowTitles(grid: HTMLElement): string[] {
  return within(grid)
    .getAllByRole('row')
    .map((row) => row.getAttribute('data-conversation-id') ?? '');
}

describe('Inbox', () => {
  it('is a labelled region whose tabs control the list as a tab panel', async () => {
    await setup();
    const region = screen.getByRole('region', { name: 'Inbox' });
    const tabs = within(region).getByRole('tablist');
    const all = within(tabs).getByRole('tab', { name: /^All/ });
    const panel = within(region).getByRole('tabpanel');
    expect(all).toHaveAttribute('aria-controls', panel.id);
    expect(panel).toHaveAttribute('aria-labelledby', all.id);
    expect(panel).toHaveAccessibleName(/^All/);
    const grid = within(panel).getByRole('grid', { name: 'All conversations' });
    expect(rowTitles(grid)).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol']);
  });

  it('shows the chosen group in the list', async () => {
    const onGroupNameChange = vi.fn();
    const { user, container } = await setup({ onGroupNameChange });
    await user.click(screen.getByRole('tab', { name: /^Work/ }));
    const grid = screen.getByRole('grid', { name: 'Conversations in Work' });
    expect(rowTitles(grid)).toEqual(['C2Calice', 'C2Ccarol']);
    expect(screen.getByRole('tabpanel')).toHaveAttribute('aria-labelledby', screen.getByRole('tab', { name: /^Work/ }).id);
    expect(onGroupNameChange).toHaveBeenCalledWith('Work');
    expect(container.querySelector('.ik-Inbox')).toHaveAttribute('data-group', 'Work');
  });

  it('follows a controlled group', async () => {
    const memory = createMemoryAdapter({ conversations: CONVERSATIONS, groups: [{ name: 'Work', conversationIds: ['C2Calice', 'C2Ccarol'] }] });
    const store = makeStore(memory);
    await store.connect();
    const user = userEvent.setup();
    function Parent() {
      const [group, setGroup] = useState<string | null>('Work');
      return (
        <>
          <button type="button" onClick={() => setGroup(null)}>
            show all
          </button>
          <Inbox groupName={group} onGroupNameChange={setGroup} virtualizerOptions={VIRTUALIZER} />
        </>
      );
    }
    renderWithStore(<Parent />, store);
    expect(rowTitles(screen.getByRole('grid', { name: 'Conversations in Work' }))).toEqual(['C2Calice', 'C2Ccarol']);
    await user.click(screen.getByRole('button', { name: 'show all' }));
    await overscanRendered();
    expect(screen.getByRole('tab', { name: /^All/ })).toHaveAttribute('aria-selected', 'true');
    expect(rowTitles(screen.getByRole('grid', { name: 'All conversations' }))).toHaveLength(3);
  });

  it('opens the focused row’s actions from the keyboard and returns focus to the list', async () => {
    const { user } = await setup();
    const grid = screen.getByRole('grid', { name: 'All conversations' });
    grid.focus();
    await user.keyboard('{ArrowDown}');
    await user.keyboard('{Shift>}{F10}{/Shift}');
    const menu = screen.getByRole('menu', { name: 'Actions for Bob' });
    expect(within(menu).getByRole('menuitem', { name: 'Pin' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('menu')).toBeNull();
    expect(grid).toHaveFocus();
  });

  it('moves a conversation into a group from the row’s actions', async () => {
    const { user, store } = await setup();
    const grid = screen.getByRole('grid', { name: 'All conversations' });
    await user.pointer({ keys: '[MouseRight]', target: within(grid).getAllByRole('row')[1]! });
    const work = screen.getByRole('menuitemcheckbox', { name: 'Work' });
    expect(work).toHaveAttribute('aria-checked', 'false');
    await user.click(work);
    expect(store.getState().conversations.get('C2Cbob')?.groupNames).toEqual(['Work']);
    await user.keyboard('{Escape}');
    await user.click(screen.getByRole('tab', { name: /^Work/ }));
    await overscanRendered();
    expect(rowTitles(screen.getByRole('grid'))).toEqual(['C2Calice', 'C2Cbob', 'C2Ccarol']);
  });

  it('shows a failed action in the inbox and rolls it back', async () => {
    const { user, memory, store } = await setup();
    memory.failNext('pin', new InboxError('ADAPTER_FAILED', 'Pin service down.'));
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{ContextMenu}');
    await user.click(screen.getByRole('menuitem', { name: 'Pin' }));
    const region = screen.getByRole('region', { name: 'Inbox' });
    expect(await within(region).findByText('Pin service down.')).toBeInTheDocument();
    expect(store.getState().conversations.get('C2Calice')?.isPinned).toBe(false);
  });

  it('deletes a conversation from the row’s actions after confirmation', async () => {
    const onDeleted = vi.fn();
    const { user, store } = await setup({ actionsProps: { onDeleted } });
    const grid = screen.getByRole('grid');
    grid.focus();
    await user.keyboard('{End}{Shift>}{F10}{/Shift}');
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }));
    await user.click(within(screen.getByRole('alertdialog', { name: 'Delete the conversation “Carol”?' })).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(store.getState().conversations.get('C2Ccarol')).toBeUndefined());
    expect(onDeleted).toHaveBeenCalledWith('C2Ccarol');
    expect(rowTitles(screen.getByRole('grid'))).toEqual(['C2Calice', 'C2Cbob']);
  });

  it('passes selection through to the list', async () => {
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    const { user } = await setup({ defaultSelectedId: 'C2Cbob', onSelect, onOpen });
    const rows = within(screen.getByRole('grid')).getAllByRole('row');
    expect(rows[1]).toHaveAttribute('aria-selected', 'true');
    await user.click(rows[2]!);
    expect(onSelect).toHaveBeenCalledWith('C2Ccarol');
    await user.dblClick(rows[0]!);
    expect(onOpen).toHaveBeenCalledWith('C2Calice');
  });

  it('renders the header and footer slots, and class names as functions of state', async () => {
    const { container } = await setup({
      header: <h1>Chats</h1>,
      footer: <p>Synced</p>,
      className: (s) => (s.hasGroupTabs ? 'with-tabs' : 'no-tabs'),
    });
    const region = screen.getByRole('region', { name: 'Inbox' });
    expect(region).toHaveClass('ik-Inbox', 'with-tabs');
    expect(container.querySelector('.ik-Inbox-header')).toContainElement(screen.getByRole('heading', { name: 'Chats' }));
    expect(container.querySelector('.ik-Inbox-footer')).toHaveTextContent('Synced');
  });

  it('shows the list alone when the backend has no groups', async () => {
    const { container } = await setup({}, { capabilities: { groups: 'none' } });
    expect(screen.queryByRole('tablist')).toBeNull();
    expect(screen.queryByRole('tabpanel')).toBeNull();
    expect(screen.getByRole('grid', { name: 'All conversations' })).toBeInTheDocument();
    expect(container.querySelector('.ik-Inbox')).not.toHaveAttribute('data-has-tabs');
  });

  it('speaks Simplified Chinese and Japanese', async () => {
    const zh = await setup({}, { locale: 'zh-CN' });
    expect(screen.getByRole('region', { name: '消息' })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: '全部会话' })).toBeInTheDocument();
    await zh.user.click(screen.getByRole('tab', { name: /^Work/ }));
    expect(screen.getByRole('grid', { name: '“Work”中的会话' })).toBeInTheDocument();
    zh.unmount();
    const ja = await setup({}, { locale: 'ja' });
    expect(screen.getByRole('region', { name: 'メッセージ' })).toBeInTheDocument();
    expect(screen.getByRole('grid', { name: 'すべての会話' })).toBeInTheDocument();
    await ja.user.click(screen.getByRole('tab', { name: /^Work/ }));
    expect(screen.getByRole('grid', { name: '「Work」の会話' })).toBeInTheDocument();
  });

  it('has no axe violations, with and without the actions menu open', async () => {
    const { user, container } = await setup({ header: <h2>Chats</h2> });
    expect(await axeViolations(container)).toEqual([]);
    screen.getByRole('grid').focus();
    await user.keyboard('{Shift>}{F10}{/Shift}');
    expect(screen.getByRole('menu')).toBeInTheDocument();
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});
