/**
 * Triage in the list (issue 17): many rows selected with the mouse, the keyboard and touch; rows that hold still
 * while the user works; jumping to the next unread from the keyboard, across a page boundary.
 */
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import { LONG_PRESS_MS } from '../../src/components/internal/useLongPress.js';
import { InboxError } from '../../src/core/errors.js';
import type { InboxStoreOptions } from '../../src/core/store.js';
import type { Conversation, ConversationId } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { jsdomVirtualizer as jsdomGrid, mockGridLayout } from '../utils/jsdomGrid.js';
import { makeStore, overscanRendered, renderWithStore, withLocale } from '../utils/render.js';

const BASE = 1_741_953_600_000;
const ROW = 64;
const VIEWPORT = 480;

const conv = (i: number, extra: Partial<Conversation> = {}): Conversation =>
  makeConversation({ id: `C2Cu${i}`, title: `Conversation ${i}`, lastActivityAt: BASE - i * 1000, groupNames: i % 2 ? ['Odd'] : [], ...extra });

const jsdomVirtualizer = jsdomGrid(ROW, VIEWPORT);
mockGridLayout(VIEWPORT);

async function setup(props: Partial<ConversationListProps> = {}, options: { conversations?: Conversation[]; storeOptions?: Partial<InboxStoreOptions>; locale?: string; pageSize?: number } = {}) {
  const conversations = options.conversations ?? Array.from({ length: 20 }, (_, i) => conv(i));
  const adapter = createMemoryAdapter({
    storage: null,
    conversations,
    groups: [{ name: 'Odd', conversationIds: conversations.filter((c) => c.groupNames.includes('Odd')).map((c) => c.id) }],
    pageSize: options.pageSize ?? 1000,
  });
  const store = makeStore(adapter, { pageSize: options.pageSize ?? 1000, ...options.storeOptions });
  await store.connect();
  const user = userEvent.setup();
  const changes: ReadonlySet<ConversationId>[] = [];
  const view = renderWithStore(
    <ConversationList virtualizerOptions={jsdomVirtualizer} selectionMode="multiple" onSelectionChange={(ids) => changes.push(ids)} {...props} />,
    store,
    withLocale(options.locale ?? 'en'),
  );
  await overscanRendered();
  return { adapter, store, user, changes, ...view };
}

const grid = () => screen.getByRole('grid');
const rowOf = (title: string) => screen.getByText(title, { selector: '.ik-ConversationItem-title' }).closest<HTMLElement>('[role="row"]')!;
const selectedTitles = () =>
  within(grid())
    .getAllByRole('row')
    .filter((row) => row.getAttribute('aria-selected') === 'true')
    .map((row) => row.querySelector('.ik-ConversationItem-title')!.textContent);
/** The list takes a new order at most once per animation frame: waits for that frame. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
const liveSelection = () => document.querySelector('.ik-ConversationList-selectionStatus')!;

describe('selecting many rows', () => {
  it('Ctrl+click toggles, Shift+click extends a range in on-screen order; the grid is multiselectable and says the count', async () => {
    const { user, changes } = await setup();
    expect(grid()).toHaveAttribute('aria-multiselectable', 'true');
    await user.click(rowOf('Conversation 1'));
    expect(selectedTitles()).toEqual(['Conversation 1']);
    await user.keyboard('{Control>}');
    await user.click(rowOf('Conversation 3'));
    await user.keyboard('{/Control}');
    // The open conversation joins the selection when many are first selected.
    expect(selectedTitles()).toEqual(['Conversation 1', 'Conversation 3']);
    expect(liveSelection()).toHaveTextContent('2 selected');
    await user.keyboard('{Shift>}');
    await user.click(rowOf('Conversation 6'));
    await user.keyboard('{/Shift}');
    expect(selectedTitles()).toEqual(['Conversation 1', 'Conversation 3', 'Conversation 4', 'Conversation 5', 'Conversation 6']);
    expect([...changes.at(-1)!]).toHaveLength(5);
    // A plain click selects one row again.
    await user.click(rowOf('Conversation 2'));
    expect(selectedTitles()).toEqual(['Conversation 2']);
    expect(changes.at(-1)!.size).toBe(0);
  });

  it('Shift+arrows extend from the focused row, Ctrl+A selects the whole list (group and filter), Escape clears', async () => {
    const { user } = await setup({ groupName: 'Odd' });
    await user.click(rowOf('Conversation 1'));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    expect(selectedTitles()).toEqual(['Conversation 1', 'Conversation 3', 'Conversation 5']);
    await user.keyboard('{Control>}a{/Control}');
    expect(liveSelection()).toHaveTextContent('10 selected');
    await user.keyboard('{Escape}');
    expect(liveSelection()).toHaveTextContent('');
    expect(selectedTitles()).toEqual(['Conversation 1']);
  });

  it('Space toggles the focused row while a selection exists', async () => {
    const { user } = await setup();
    await user.click(rowOf('Conversation 0'));
    await user.keyboard('{Shift>}{ArrowDown}{/Shift}{ArrowDown}{ }');
    expect(selectedTitles()).toEqual(['Conversation 0', 'Conversation 1', 'Conversation 2']);
    await user.keyboard('{ }');
    expect(selectedTitles()).toEqual(['Conversation 0', 'Conversation 1']);
  });

  it('on touch, a long press starts selecting and taps toggle', async () => {
    const { user } = await setup({ onItemActions: () => {} });
    const touch = { pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: 10, clientY: 10 };
    fireEvent.pointerDown(rowOf('Conversation 4'), touch);
    await act(() => new Promise((resolve) => setTimeout(resolve, LONG_PRESS_MS + 20)));
    fireEvent.pointerUp(rowOf('Conversation 4'), touch);
    expect(selectedTitles()).toEqual(['Conversation 4']);
    // The click that ends the long press is swallowed; a later tap is a tap.
    await act(() => new Promise((resolve) => setTimeout(resolve, 60)));
    expect(liveSelection()).toHaveTextContent('1 selected');
    fireEvent.pointerDown(rowOf('Conversation 7'), touch);
    fireEvent.pointerUp(rowOf('Conversation 7'), touch);
    fireEvent.click(rowOf('Conversation 7'));
    expect(selectedTitles()).toEqual(['Conversation 4', 'Conversation 7']);
    await user.click(rowOf('Conversation 4')); // a mouse click selects one row
    expect(selectedTitles()).toEqual(['Conversation 4']);
  });

  it('survives reorders and messages; ids that leave the list leave the selection', async () => {
    const { user, store, adapter } = await setup();
    await user.click(rowOf('Conversation 2'));
    await user.keyboard('{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
    await act(async () => {
      adapter.simulate.message('C2Cu3', { preview: 'moved up' });
      store.flush();
    });
    await waitFor(() => expect(store.getState().lists.ids()[0]).toBe('C2Cu3'));
    expect(liveSelection()).toHaveTextContent('3 selected');
    await act(async () => {
      await store.getState().actions.deleteConversation('C2Cu4');
    });
    await waitFor(() => expect(liveSelection()).toHaveTextContent('2 selected'));
  });

  it('controlled: shows the given set and reports changes without keeping its own', async () => {
    function Controlled() {
      const [ids, setIds] = useState<ReadonlySet<ConversationId>>(new Set(['C2Cu5']));
      return (
        <>
          <output data-testid="count">{ids.size}</output>
          <ConversationList virtualizerOptions={jsdomVirtualizer} selectionMode="multiple" selectedIds={ids} onSelectionChange={setIds} />
        </>
      );
    }
    const adapter = createMemoryAdapter({ storage: null, conversations: Array.from({ length: 10 }, (_, i) => conv(i)) });
    const store = makeStore(adapter);
    await store.connect();
    const user = userEvent.setup();
    renderWithStore(<Controlled />, store);
    expect(selectedTitles()).toEqual(['Conversation 5']);
    await user.keyboard('{Control>}');
    await user.click(rowOf('Conversation 6'));
    await user.keyboard('{/Control}');
    expect(screen.getByTestId('count')).toHaveTextContent('2');
    expect(selectedTitles()).toEqual(['Conversation 5', 'Conversation 6']);
  });

  it(
    'has no axe violations with a selection',
    async () => {
      const { user, container } = await setup();
      await user.click(rowOf('Conversation 1'));
      await user.keyboard('{Shift>}{ArrowDown}{/Shift}');
      expect(await axeViolations(container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );
});

describe('rows that hold still', () => {
  it('keeps every row in place through 100 messages, shows "N new — show", then catches up in one go', async () => {
    const { store, adapter } = await setup({ holdOrder: true, selectionMode: 'single' });
    const positions = () => within(grid()).getAllByRole('row').map((row) => row.querySelector('.ik-ConversationItem-title')!.textContent);
    const before = positions();
    await act(async () => {
      // Each message 1 ms after the one before, whatever the machine's speed: the last twenty reverse the order.
      for (let i = 0; i < 100; i++) adapter.simulate.message(`C2Cu${i % 20}`, { preview: `m${i}`, at: BASE + 1 + i });
      store.flush();
    });
    await nextFrame();
    await nextFrame();
    expect(positions()).toEqual(before);
    const pill = screen.getByRole('button', { name: /new — show/ });
    expect(pill.textContent).toMatch(/^↑ \d+ new — show$/);
    expect(Number(/\d+/.exec(pill.textContent)![0])).toBeGreaterThan(0);
    await userEvent.setup().click(pill);
    expect(positions()).toEqual(
      [...store.getState().lists.ids()].slice(0, before.length).map((id) => store.getState().conversations.get(id)!.title),
    );
    expect(positions()).not.toEqual(before);
  });

  it('auto: holds while the mouse is over the list, and catches up when it leaves', async () => {
    const { store, adapter } = await setup({ holdOrder: 'auto', selectionMode: 'single' });
    fireEvent.pointerEnter(grid(), { pointerType: 'mouse' });
    await act(async () => {
      adapter.simulate.message('C2Cu9', { preview: 'hi' });
      store.flush();
    });
    await nextFrame();
    expect(within(grid()).getAllByRole('row')[0]).toHaveTextContent('Conversation 0');
    expect(screen.getByRole('button', { name: '1 new — show' })).toBeInTheDocument();
    fireEvent.pointerLeave(grid(), { pointerType: 'mouse' });
    await nextFrame();
    expect(within(grid()).getAllByRole('row')[0]).toHaveTextContent('Conversation 9');
  });
});

describe('jumping to the next unread', () => {
  it('Alt+Shift+ArrowDown goes to the next unread in on-screen order, loading the next page when needed', async () => {
    const conversations = Array.from({ length: 60 }, (_, i) => conv(i, i === 3 || i === 45 ? { unreadCount: 2 } : {}));
    const { user, store } = await setup({ selectionMode: 'single' }, { conversations, pageSize: 10 });
    // The list loads pages until the end is beyond its rendered rows, not as far as conversation 45.
    await waitFor(() => expect(store.getState().isLoadingMore).toBe(false));
    expect(store.getState().conversations.has('C2Cu45')).toBe(false);
    await user.click(rowOf('Conversation 0'));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    await waitFor(() => expect(rowOf('Conversation 3')).toHaveAttribute('aria-selected', 'true'));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    // Conversation 45 is on the fifth page: the list loads until it finds it.
    await waitFor(() => expect(store.getState().conversations.has('C2Cu45')).toBe(true));
    await waitFor(() => expect(rowOf('Conversation 45')).toHaveAttribute('aria-selected', 'true'));
    expect(grid().getAttribute('aria-activedescendant')).toBe(rowOf('Conversation 45').id);
  });

  it('is off in text fields and when turned off', async () => {
    const conversations = Array.from({ length: 5 }, (_, i) => conv(i, i === 3 ? { unreadCount: 1 } : {}));
    const { user } = await setup({ selectionMode: 'single', shortcuts: false }, { conversations });
    await user.click(rowOf('Conversation 0'));
    await user.keyboard('{Alt>}{Shift>}{ArrowDown}{/Shift}{/Alt}');
    await act(async () => {});
    expect(rowOf('Conversation 3')).toHaveAttribute('aria-selected', 'false');
  });
});

describe('invalid props', () => {
  it.each([
    [{ selectionMode: 'many' }, 'Invalid selectionMode "many" for <ConversationList>: expected "single" or "multiple".'],
    [{ selectionMode: 2 }, 'Invalid selectionMode number for <ConversationList>: expected "single" or "multiple".'],
    [{ holdOrder: 'sometimes' }, 'Invalid holdOrder "sometimes" for <ConversationList>: expected true, false or "auto".'],
    [{ holdOrder: null }, 'Invalid holdOrder null for <ConversationList>: expected true, false or "auto".'],
  ])('%o fails with a typed INVALID_ARGUMENT error and changes nothing', async (props, message) => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const adapter = createMemoryAdapter({ storage: null, conversations: [conv(0), conv(1)] });
    const store = makeStore(adapter, { pageSize: 1000 });
    await store.connect();
    adapter.clearCalls();
    const before = store.getState();
    const changes: ReadonlySet<ConversationId>[] = [];
    let caught: unknown;
    try {
      renderWithStore(
        <ConversationList virtualizerOptions={jsdomVirtualizer} onSelectionChange={(ids) => changes.push(ids)} {...(props as Partial<ConversationListProps>)} />,
        store,
      );
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InboxError);
    expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT', message });
    expect(screen.queryByRole('grid')).toBeNull();
    expect(changes).toEqual([]);
    expect(adapter.calls()).toEqual([]);
    expect(store.getState()).toBe(before);
  });
});
