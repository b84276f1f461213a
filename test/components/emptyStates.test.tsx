import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

async function setup(props: Partial<ConversationListProps>, locale = 'en') {
  const store = makeStore(
    createMemoryAdapter({
      conversations: [makeConversation({ id: 'C2Ca', title: 'Alice', unreadCount: 0 })],
      groups: [{ name: 'Suppliers', conversationIds: [] }],
    }),
  );
  await store.connect();
  const view = renderWithStore(<ConversationList {...props} />, store, withLocale(locale));
  const empty = await vi.waitFor(() => {
    const found = view.container.querySelector<HTMLElement>('.ik-ConversationList-empty');
    expect(found).not.toBeNull();
    return found!;
  });
  return { ...view, empty, user: userEvent.setup() };
}

describe('empty states', () => {
  it('filtered-empty: an icon, the sentence, and "Show all", which asks the owner to clear the filter', async () => {
    const onClearFilter = vi.fn();
    const { empty, user } = await setup({ filter: { unreadOnly: true }, onClearFilter });
    expect(empty).toHaveAttribute('data-reason', 'filtered');
    expect(empty.querySelector('svg[aria-hidden="true"]')).not.toBeNull();
    expect(screen.getByText('No conversations match')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Show all' }));
    expect(onClearFilter).toHaveBeenCalledTimes(1);
  });

  it('filtered-empty without a way to clear the filter offers no button', async () => {
    await setup({ filter: { query: 'zzz' } });
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('an empty group offers "Add conversations" only when the app handles it, with the group name', async () => {
    const onAddConversations = vi.fn();
    const first = await setup({ groupName: 'Suppliers' });
    expect(first.empty).toHaveAttribute('data-reason', 'group');
    expect(screen.getByText('No conversations in this group')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
    first.unmount();
    const { user } = await setup({ groupName: 'Suppliers', onAddConversations });
    await user.click(screen.getByRole('button', { name: 'Add conversations' }));
    expect(onAddConversations).toHaveBeenCalledWith('Suppliers');
  });

  it.each([
    ['zh-CN', '没有符合条件的会话', '显示全部'],
    ['ja', 'すべて表示', 'すべて表示'],
    ['ar', 'لا توجد محادثات مطابقة', 'عرض الكل'],
  ])('speaks %s through the message tables', async (locale, text, action) => {
    await setup({ filter: { unreadOnly: true }, onClearFilter: () => {} }, locale);
    if (text !== action) expect(screen.getByText(text)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: action })).toBeInTheDocument();
  });
});
