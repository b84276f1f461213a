import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import type { InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { jsdomVirtualizer as jsdomGrid, mockGridLayout } from '../utils/jsdomGrid.js';
import { BASE, conv } from '../utils/listRows.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const ROW = 64;
const VIEWPORT = 480;

/** Rows 0-9, of which 3, 5 and 8 are folded (3 is the newest folded one); one conversation's id is a tempting sentinel. */
function conversations(): Conversation[] {
  const list = Array.from({ length: 10 }, (_, i) => conv(i));
  list[3] = conv(3, { title: 'Alice', marks: ['fold'], unreadCount: 2, lastMessage: { preview: 'hello', sentAt: BASE - 3000 } });
  list[5] = conv(5, { marks: ['fold'], unreadCount: 4 });
  list[8] = conv(8, { id: 'folded', marks: ['fold'] });
  return list;
}

const jsdomVirtualizer = jsdomGrid(ROW, VIEWPORT);
mockGridLayout(VIEWPORT);

async function setup(props: Partial<ConversationListProps> = {}, locale = 'en') {
  const adapter = createMemoryAdapter({ conversations: conversations() });
  const store: InboxStore = makeStore(adapter, { pageSize: 1000 });
  await store.connect();
  const user = userEvent.setup();
  renderWithStore(<ConversationList virtualizerOptions={jsdomVirtualizer} now={BASE} {...props} />, store, withLocale(locale));
  return { store, user, adapter };
}

const grid = () => screen.getByRole('grid');
const rows = () => within(grid()).getAllByRole('row');
const titles = () => rows().map((row) => row.querySelector('.ik-ConversationItem-title')!.textContent);
const active = () => document.getElementById(grid().getAttribute('aria-activedescendant') ?? '');

describe('ConversationList: the folded row', () => {
  it('shows the folded conversations as one muted row where the newest of them would be, with their unread summed', async () => {
    await setup();
    expect(titles()).toEqual(['Conversation 0', 'Conversation 1', 'Conversation 2', 'Folded chats', 'Conversation 4', 'Conversation 6', 'Conversation 7', 'Conversation 9']);
    expect(grid()).toHaveAttribute('aria-rowcount', '8');
    const folded = rows()[3]!;
    expect(folded).toHaveAttribute('aria-rowindex', '4');
    expect(folded).not.toHaveAttribute('data-conversation-id');
    // The newest folded conversation's preview, as text, and how many are folded, for screen readers.
    expect(folded).toHaveTextContent('Alice: hello');
    expect(folded).toHaveTextContent('3 chats');
    const badge = folded.querySelector('.ik-ConversationItem-unreadBadge')!;
    expect(badge).toHaveAttribute('data-muted');
    expect(badge).toHaveTextContent('6');
    expect(badge).toHaveTextContent('6 unread messages');
  });

  it('leaves a filtered list alone: folded conversations match a search like any other', async () => {
    await setup({ filter: { query: 'Alice' } });
    expect(titles()).toEqual(['Alice']);
  });

  it('opens from the keyboard and Escape returns to it, focused', async () => {
    const { user } = await setup();
    grid().focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(active()).toHaveAttribute('data-folded-row');
    await user.keyboard('{Enter}');
    expect(grid()).toHaveAccessibleName('Folded chats');
    expect(titles()).toEqual(['Alice', 'Conversation 5', 'Conversation 8']);
    expect(active()).toHaveAttribute('data-conversation-id', 'C2Cu3');
    await user.keyboard('{Escape}');
    expect(grid()).toHaveAccessibleName('Conversations');
    expect(grid()).toHaveFocus();
    expect(active()).toHaveAttribute('data-folded-row');
  });

  it('opens with a click; a double click does not also open the folded conversation that takes its place', async () => {
    const onOpen = vi.fn();
    const onSelect = vi.fn();
    const { user } = await setup({ onOpen, onSelect });
    await user.dblClick(screen.getByText('Folded chats'));
    expect(titles()).toEqual(['Alice', 'Conversation 5', 'Conversation 8']);
    expect(onOpen).not.toHaveBeenCalled();
    // A conversation whose id is "folded" is an ordinary conversation.
    await user.dblClick(screen.getByText('Conversation 8'));
    expect(onOpen).toHaveBeenCalledWith('folded');
    await user.click(screen.getByRole('button', { name: 'Back to the conversation list' }));
    expect(titles()).toContain('Folded chats');
    expect(grid()).toHaveFocus();
  });

  it('follows the store: a new message in a folded conversation moves the row and adds to its unread', async () => {
    const { store, adapter } = await setup();
    await act(async () => {
      adapter.simulate.message('C2Cu5', { preview: 'news' });
      store.flush();
      await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    expect(titles()[0]).toBe('Folded chats');
    expect(rows()[0]).toHaveTextContent('Conversation 5: news');
    expect(rows()[0]!.querySelector('.ik-ConversationItem-unreadBadge')).toHaveTextContent('7');
  });

  it('speaks the user’s language', async () => {
    await setup({}, 'zh-CN');
    expect(rows()[3]).toHaveTextContent('折叠的聊天');
    expect(rows()[3]).toHaveTextContent('3 个会话');
  });
});
