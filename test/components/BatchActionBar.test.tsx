/**
 * The batch action bar (issue 17, "Act once"): each action runs as one batch with per-id results on every backend;
 * partial failures roll back only the failed ids, show on those rows, and the bar sums up with Retry.
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { BatchActionBar } from '../../src/components/BatchActionBar/index.js';
import { InboxError } from '../../src/core/errors.js';
import { SelectedIds } from '../../src/react/selectedIds.js';
import type { ConversationId } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';
import { CONTROLS_BACKENDS, renderOnBackend } from './controlsBackends.js';

const toolbar = () => screen.getByRole('toolbar', { name: 'Actions for the selected conversations' });
const status = () => screen.getByRole('status');

describe.each(CONTROLS_BACKENDS)('BatchActionBar on %s', (name) => {
  it('marks the selection read, pins it, and moves it to a group, each as one batch', async () => {
    const { user, store, backend, conversation } = await renderOnBackend(name, (b) => <BatchActionBar ids={[b.idOf('Alice'), b.idOf('Bob')]} />);
    expect(toolbar()).toHaveAccessibleDescription('2 selected');
    await user.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(status()).toHaveTextContent('Done: 2'));
    expect(conversation('Alice')?.unreadCount).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Pin' }));
    await waitFor(() => expect(store.getState().pinnedCount).toBe(2));

    await user.click(screen.getByRole('button', { name: 'Move to group' }));
    await user.click(within(screen.getByRole('menu', { name: 'Move to group' })).getByRole('menuitem', { name: 'Work' }));
    await waitFor(() => expect(conversation('Bob')?.groupNames).toContain('Work'));
    expect([...store.getState().lists.ids('Work')].sort()).toEqual([backend.idOf('Alice'), backend.idOf('Bob')].sort());
  });

  it('deletes the selection after asking, with the history option', async () => {
    const { user, store, backend } = await renderOnBackend(name, (b) => <BatchActionBar ids={[b.idOf('Alice'), b.idOf('Bob')]} />);
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    const dialog = screen.getByRole('alertdialog', { name: 'Delete 2 conversations?' });
    await user.click(within(dialog).getByRole('checkbox'));
    await user.click(within(dialog).getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(store.getState().conversations.get(backend.idOf('Alice'))).toBeUndefined());
    expect(store.getState().lists.ids()).toHaveLength(0);
    await waitFor(() => expect(status()).toHaveTextContent('Done: 2'));
  });
});

async function memorySetup(n: number, locale = 'en') {
  const ids = Array.from({ length: n }, (_, i) => `C2Cu${i}`);
  const adapter: MemoryAdapter = createMemoryAdapter({
    storage: null,
    conversations: ids.map((id, i) => makeConversation({ id, title: `User ${i}`, unreadCount: 1, lastActivityAt: 10_000 - i })),
    groups: [{ name: 'Suppliers', conversationIds: ids.slice(0, 3) }],
  });
  const store = makeStore(adapter);
  await store.connect();
  const user = userEvent.setup();
  return { adapter, store, user, ids, locale };
}

describe('BatchActionBar: partial failures', () => {
  it('a batch where some ids fail rolls back those ids only, says "10 done, 2 failed", and retries just them', async () => {
    const { adapter, store, user, ids } = await memorySetup(12);
    const failing = new Set(ids.slice(4, 6));
    const markRead = adapter.markRead;
    let refuse = true;
    adapter.markRead = (id: ConversationId) => (refuse && failing.has(id) ? Promise.reject(new InboxError('ADAPTER_FAILED', 'busy', { sdkCode: 6013 })) : markRead(id));
    renderWithStore(<BatchActionBar ids={ids} />, store);
    await user.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(status()).toHaveTextContent('10 done, 2 failed'));
    for (const id of ids) expect(store.getState().conversations.get(id)!.unreadCount).toBe(failing.has(id) ? 1 : 0);
    expect([...store.getState().failures.keys()].sort()).toEqual([...failing].sort());

    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(status()).toHaveTextContent('Done: 2'));
    expect(store.getState().failures.size).toBe(0);
    expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
  });

  it('runs a whole-list selection on the list’s own id array, not a copy made in the click', async () => {
    const { store, user, ids } = await memorySetup(12);
    const { lists } = store.getState();
    const listIds = lists.ids();
    const markReadMany = vi.spyOn(store.getState().actions, 'markReadMany');
    renderWithStore(<BatchActionBar ids={SelectedIds.ofList(lists.view(), listIds)} />, store);
    await user.click(screen.getByRole('button', { name: 'Mark read' }));
    await waitFor(() => expect(status()).toHaveTextContent('Done: 12'));
    expect(markReadMany).toHaveBeenCalledTimes(1);
    expect(markReadMany.mock.calls[0]![0]).toBe(listIds);
    for (const id of ids) expect(store.getState().conversations.get(id)!.unreadCount).toBe(0);
  });

  it('says why a whole batch failed, in the user’s words, and offers Retry', async () => {
    const { adapter, store, user, ids } = await memorySetup(3);
    adapter.failNext('deleteConversations', new InboxError('TIMEOUT', 'late'));
    renderWithStore(<BatchActionBar ids={ids} />, store);
    await user.click(screen.getByRole('button', { name: 'Delete…' }));
    await user.click(screen.getByRole('button', { name: 'Delete' }));
    await waitFor(() => expect(status()).toHaveTextContent('The server did not answer in time. Try again.'));
    expect(store.getState().lists.ids()).toHaveLength(3);
    await user.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(store.getState().lists.ids()).toHaveLength(0));
  });
});

describe('BatchActionBar: the toolbar', () => {
  it('is one tab stop; arrows move between its buttons, mirrored right to left', async () => {
    const { store, user, ids } = await memorySetup(3);
    renderWithStore(
      <>
        <button type="button">before</button>
        <BatchActionBar ids={ids} groupName="Suppliers" onClearSelection={() => {}} />
      </>,
      store,
    );
    await user.tab();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Mark read' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: 'Mark unread' })).toHaveFocus();
    await user.keyboard('{End}');
    expect(screen.getByRole('button', { name: 'Clear selection' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'Mark read' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Remove from “Suppliers”' })).toBeInTheDocument();
    await user.tab({ shift: true });
    expect(screen.getByRole('button', { name: 'before' })).toHaveFocus();
  });

  it('offers only the mute modes the backend has, and sets one on the selection', async () => {
    const { store, user, ids } = await memorySetup(3);
    renderWithStore(<BatchActionBar ids={ids} />, store);
    await user.click(screen.getByRole('button', { name: 'Notifications' }));
    const menu = screen.getByRole('menu', { name: 'Notifications' });
    expect(within(menu).getAllByRole('menuitem').map((item) => item.textContent)).toEqual([
      'Muted',
      'Muted except @mentions',
      'Messages blocked',
      'Notify me',
    ]);
    await user.click(within(menu).getByRole('menuitem', { name: 'Muted' }));
    await waitFor(() => expect(ids.every((id) => store.getState().conversations.get(id)!.muteMode === 'silent')).toBe(true));
  });

  it('keeps what the backend cannot do visible, disabled, with the reason', async () => {
    const adapter = createMemoryAdapter({ storage: null, conversations: [makeConversation({ id: 'C2Ca', title: 'A' })] });
    const narrowed = { ...adapter, capabilities: { ...adapter.capabilities, marks: [] as const, groups: 'none' as const } };
    const store = makeStore(narrowed);
    await store.connect();
    renderWithStore(<BatchActionBar ids={['C2Ca']} />, store);
    const markUnread = screen.getByRole('button', { name: 'Mark unread' });
    expect(markUnread).toHaveAttribute('aria-disabled', 'true');
    expect(markUnread).toHaveAccessibleDescription('Not supported by this chat service');
    expect(screen.getByRole('button', { name: 'Move to group' })).toHaveAccessibleDescription('Not supported by this chat service');
    await userEvent.setup().click(markUnread);
    expect(store.getState().conversations.get('C2Ca')!.marks ?? []).toEqual([]);
  });

  it('renders nothing for an empty selection', async () => {
    const { store } = await memorySetup(1);
    const { container } = renderWithStore(<BatchActionBar ids={new Set()} />, store);
    expect(container).toBeEmptyDOMElement();
  });

  it.each([
    ['zh-CN', '已选择 3 个', '标为已读'],
    ['ja', '3 件選択中', '既読にする'],
    ['ar', '3 محادثات محددة', 'تعليم كمقروءة'],
  ])('speaks %s', async (locale, selected, markRead) => {
    const { store, ids } = await memorySetup(3);
    renderWithStore(<BatchActionBar ids={ids} />, store, withLocale(locale));
    expect(screen.getByRole('toolbar')).toHaveAccessibleDescription(selected);
    expect(screen.getByRole('button', { name: markRead })).toBeInTheDocument();
  });

  it(
    'has no axe violations',
    async () => {
      const { store, ids } = await memorySetup(3);
      const { container } = renderWithStore(<BatchActionBar ids={ids} groupName="Suppliers" onClearSelection={() => {}} />, store);
      await act(async () => {});
      expect(await axeViolations(container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});
