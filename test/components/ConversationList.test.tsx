import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { memo, StrictMode, useState, type ReactNode } from 'react';
import { beforeEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { useConversationItemState, type ConversationItemComponents } from '../../src/components/ConversationItem/index.js';
import {
  ConversationList,
  type ConversationListItemState,
  type ConversationListProps,
} from '../../src/components/ConversationList/index.js';
import { InboxError } from '../../src/core/errors.js';
import type { InboxStore, InboxStoreOptions } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { useConversation } from '../../src/react/useConversation.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { jsdomVirtualizer as jsdomGrid, mockGridLayout } from '../utils/jsdomGrid.js';
import { BASE, conv } from '../utils/listRows.js';
import { makeStore, overscanRendered, renderWithStore, withLocale } from '../utils/render.js';

const ROW = 64;
const VIEWPORT = 480; // 7.5 rows
const OVERSCAN = 8;

const many = (n: number) => Array.from({ length: n }, (_, i) => conv(i));

const jsdomVirtualizer = jsdomGrid(ROW, VIEWPORT);
mockGridLayout(VIEWPORT);

interface SetupOptions {
  conversations?: Conversation[];
  adapterOptions?: MemoryAdapterOptions;
  storeOptions?: Partial<InboxStoreOptions>;
  locale?: string;
  /** Connect before rendering (the provider connects again; connections are counted). @default true */
  preconnect?: boolean;
  before?: (adapter: MemoryAdapter) => void;
  /** Return once the list has added its overscan rows (`overscanRendered`), not as soon as it is rendered. @default true */
  withOverscan?: boolean;
  /** Render inside `<StrictMode>`, which runs each render twice. @default false */
  strict?: boolean;
}

async function setup(props: Partial<ConversationListProps> = {}, options: SetupOptions = {}) {
  const adapter = createMemoryAdapter({ conversations: options.conversations ?? many(200), ...options.adapterOptions });
  options.before?.(adapter);
  // One page holds everything unless a test is about paging.
  const store = makeStore(adapter, { pageSize: 1000, ...options.storeOptions });
  if (options.preconnect !== false) await store.connect();
  const user = userEvent.setup();
  const list = <ConversationList virtualizerOptions={jsdomVirtualizer} {...props} />;
  const view = renderWithStore(options.strict ? <StrictMode>{list}</StrictMode> : list, store, withLocale(options.locale ?? 'en'));
  if (options.withOverscan !== false) await overscanRendered();
  return { adapter, store, user, ...view };
}

const grid = () => screen.getByRole('grid');
const rows = () => within(grid()).getAllByRole('row');
const rowOf = (title: string) => screen.getByText(title, { selector: '.ik-ConversationItem-title' }).closest<HTMLElement>('[role="row"]')!;
const titleOf = (row: Element) => row.querySelector('.ik-ConversationItem-title')!.textContent;
/** The row `aria-activedescendant` points at. */
const active = () => {
  const id = grid().getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
/** The row at the top of the viewport. */
const topRow = () => rows().find((row) => Number(row.getAttribute('data-index')) === Math.floor(grid().scrollTop / ROW))!;
const settle = () => act(async () => {});
/** The list takes a new order once per animation frame: waits for that frame. */
const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));

/** Applies adapter events now (the store batches them per microtask), waits for the list's frame, then lets scroll events arrive. */
async function push(store: InboxStore, change: () => void) {
  act(() => {
    change();
    store.flush();
  });
  await nextFrame();
  await settle();
}

async function scrollTo(offset: number) {
  fireEvent.scroll(grid(), { target: { scrollTop: offset } });
  await settle();
}

describe('ConversationList virtualization and ARIA', () => {
  it('renders only the visible rows plus overscan as grid rows with their position among all rows', async () => {
    await setup();
    const rendered = rows();
    expect(rendered).toHaveLength(Math.ceil(VIEWPORT / ROW) + OVERSCAN);
    expect(grid()).toHaveAccessibleName('Conversations');
    expect(grid()).toHaveAttribute('aria-rowcount', '200');
    expect(rendered[0]).toHaveAttribute('aria-rowindex', '1');
    expect(rendered.at(-1)).toHaveAttribute('aria-rowindex', String(rendered.length));
    expect(within(rendered[0]!).getByRole('gridcell')).toBeInTheDocument();
    expect(screen.queryByText('Conversation 20')).toBeNull();
  });

  it('paints its first rows without the overscan, and adds the overscan rows right after that frame', async () => {
    await setup({}, { withOverscan: false });
    const visible = Math.ceil(VIEWPORT / ROW);
    expect(rows()).toHaveLength(visible);
    await overscanRendered();
    expect(rows()).toHaveLength(visible + OVERSCAN);
    expect(rows().map((row) => row.getAttribute('aria-rowindex'))).toEqual(Array.from({ length: visible + OVERSCAN }, (_, i) => String(i + 1)));
  });

  it('paints the first screen of a new query’s matches without the overscan too', async () => {
    const adapter = createMemoryAdapter({ conversations: many(200) });
    const store = makeStore(adapter, { pageSize: 1000 });
    await store.connect();
    function Searchable() {
      const [query, setQuery] = useState('');
      return (
        <>
          <button type="button" onClick={() => setQuery('Conversation 1')}>
            search
          </button>
          <ConversationList virtualizerOptions={jsdomVirtualizer} filter={{ query }} />
        </>
      );
    }
    renderWithStore(<Searchable />, store);
    await overscanRendered();
    const visible = Math.ceil(VIEWPORT / ROW);
    expect(rows()).toHaveLength(visible + OVERSCAN);
    await userEvent.setup().click(screen.getByRole('button', { name: 'search' }));
    // 111 matches: Conversation 1, 10-19 and 100-199.
    expect(grid()).toHaveAttribute('aria-rowcount', '111');
    expect(rows()).toHaveLength(visible);
    await overscanRendered();
    expect(rows()).toHaveLength(visible + OVERSCAN);
    expect(rows().every((row) => titleOf(row).startsWith('Conversation 1'))).toBe(true);
  });

  it('renders the window at the scroll position', async () => {
    await setup();
    await scrollTo(100 * ROW);
    expect(screen.getByText('Conversation 100')).toBeInTheDocument();
    expect(screen.queryByText('Conversation 0')).toBeNull();
    const indexes = rows().map((row) => Number(row.getAttribute('data-index')));
    expect(Math.min(...indexes)).toBe(100 - OVERSCAN);
    expect(Math.max(...indexes)).toBe(107 + OVERSCAN);
  });

  it('takes its label from a prop, or localizes the default', async () => {
    const first = await setup({ 'aria-label': 'Inbox' });
    expect(grid()).toHaveAccessibleName('Inbox');
    first.unmount();
    await setup({}, { locale: 'zh-CN' });
    expect(grid()).toHaveAccessibleName('会话列表');
  });

  it('renders names and previews containing HTML as text', async () => {
    const evil = '<img src=x onerror="window.__pwned=1"><script>alert(1)</script>';
    await setup({}, { conversations: [conv(0, { title: evil, lastMessage: { preview: evil, sentAt: BASE } }), conv(1)] });
    expect(grid().querySelector('img, script')).toBeNull();
    expect(screen.getByText(evil, { selector: '.ik-ConversationItem-title' })).toBeInTheDocument();
    expect(screen.getByText(evil, { selector: '.ik-ConversationItem-previewText' })).toBeInTheDocument();
  });

  it('has no axe violations with rows, focus and selection', async () => {
    const { user, container } = await setup({ defaultSelectedId: 'C2Cu1' }, { conversations: many(30) });
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(await axeViolations(container)).toEqual([]);
  }, AXE_TIMEOUT);
});

describe('ConversationList selection', () => {
  it('selects on click when uncontrolled, starting from defaultSelectedId', async () => {
    const onSelect = vi.fn();
    const { user } = await setup({ defaultSelectedId: 'C2Cu2', onSelect });
    expect(rowOf('Conversation 2')).toHaveAttribute('aria-selected', 'true');
    await user.click(screen.getByText('Conversation 5'));
    expect(onSelect).toHaveBeenCalledWith('C2Cu5');
    expect(rowOf('Conversation 5')).toHaveAttribute('aria-selected', 'true');
    expect(rowOf('Conversation 5')).toHaveAttribute('data-selected', '');
    expect(rowOf('Conversation 5').querySelector('.ik-ConversationItem')).toHaveAttribute('data-selected', '');
    expect(rowOf('Conversation 2')).toHaveAttribute('aria-selected', 'false');
  });

  it('follows selectedId when controlled and only reports clicks', async () => {
    const onSelect = vi.fn();
    const { user, rerender, store } = await setup({ selectedId: 'C2Cu2', onSelect });
    await user.click(screen.getByText('Conversation 5'));
    expect(onSelect).toHaveBeenCalledWith('C2Cu5');
    expect(rowOf('Conversation 2')).toHaveAttribute('aria-selected', 'true');
    expect(rowOf('Conversation 5')).toHaveAttribute('aria-selected', 'false');

    function Controlled() {
      const [selected, setSelected] = useState<string | null>('C2Cu2');
      return <ConversationList virtualizerOptions={jsdomVirtualizer} selectedId={selected} onSelect={setSelected} />;
    }
    rerender(<WithStore store={store}><Controlled /></WithStore>);
    await user.click(screen.getByText('Conversation 6'));
    expect(rowOf('Conversation 6')).toHaveAttribute('aria-selected', 'true');
    expect(rowOf('Conversation 2')).toHaveAttribute('aria-selected', 'false');
  });

  it('opens on double click and marks the conversation read', async () => {
    const onOpen = vi.fn();
    const { user, store } = await setup({ onOpen }, { conversations: [conv(0), conv(1, { unreadCount: 4 })] });
    await user.dblClick(screen.getByText('Conversation 1'));
    expect(onOpen).toHaveBeenCalledWith('C2Cu1');
    await waitFor(() => expect(store.getState().conversations.get('C2Cu1')?.unreadCount).toBe(0));
    expect(rowOf('Conversation 1')).toHaveAttribute('aria-selected', 'true');
  });

  it('leaves the unread count alone when markReadOnOpen is false', async () => {
    const onOpen = vi.fn();
    const { user, store } = await setup({ onOpen, markReadOnOpen: false }, { conversations: [conv(0), conv(1, { unreadCount: 4 })] });
    await user.dblClick(screen.getByText('Conversation 1'));
    await settle();
    expect(onOpen).toHaveBeenCalledWith('C2Cu1');
    expect(store.getState().conversations.get('C2Cu1')?.unreadCount).toBe(4);
  });
});

describe('ConversationList keyboard', () => {
  it('moves focus with arrows, Home/End and PageUp/PageDown, scrolling the focused row into view', async () => {
    const { user } = await setup();
    await user.tab();
    expect(grid()).toHaveFocus();
    expect(titleOf(active()!)).toBe('Conversation 0');
    expect(active()).toHaveAttribute('data-focus-visible', '');

    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(titleOf(active()!)).toBe('Conversation 3');
    await user.keyboard('{ArrowUp}');
    expect(titleOf(active()!)).toBe('Conversation 2');

    // A page is the viewport's height: from row 2 (top 128px) the row at 128 + 480 = 608px is row 9.
    await user.keyboard('{PageDown}');
    expect(titleOf(active()!)).toBe('Conversation 9');
    await user.keyboard('{PageDown}');
    expect(titleOf(active()!)).toBe('Conversation 16');
    expect(grid().scrollTop).toBe(17 * ROW - VIEWPORT);
    await user.keyboard('{PageUp}');
    expect(titleOf(active()!)).toBe('Conversation 9');

    await user.keyboard('{End}');
    await settle();
    expect(titleOf(active()!)).toBe('Conversation 199');
    expect(grid().scrollTop).toBe(200 * ROW - VIEWPORT);
    await user.keyboard('{ArrowDown}');
    expect(titleOf(active()!)).toBe('Conversation 199');

    await user.keyboard('{Home}');
    await settle();
    expect(titleOf(active()!)).toBe('Conversation 0');
    expect(grid().scrollTop).toBe(0);
    await user.keyboard('{ArrowUp}');
    expect(titleOf(active()!)).toBe('Conversation 0');
  });

  it('shows the focus ring for keyboard focus only', async () => {
    const { user, container } = await setup();
    appendButtonAfterList();
    await user.click(screen.getByText('Conversation 2'));
    expect(grid()).toHaveFocus();
    expect(titleOf(active()!)).toBe('Conversation 2');
    expect(active()).toHaveAttribute('data-focused', '');
    expect(active()).not.toHaveAttribute('data-focus-visible');
    expect(container.querySelector('.ik-ConversationList')).not.toHaveAttribute('data-focus-visible');

    await user.tab();
    expect(grid()).not.toHaveFocus();
    expect(grid().querySelector('[data-focused]')).toBeNull();
    await user.tab({ shift: true });
    expect(active()).toHaveAttribute('data-focus-visible', '');
    expect(active()!.querySelector('.ik-ConversationItem')).toHaveAttribute('data-focus-visible', '');

    await user.click(screen.getByText('Conversation 4'));
    expect(active()).not.toHaveAttribute('data-focus-visible');
    await user.keyboard('{ArrowDown}');
    expect(titleOf(active()!)).toBe('Conversation 5');
    expect(active()).toHaveAttribute('data-focus-visible', '');
  });

  it('selects with Space and opens with Enter', async () => {
    const onSelect = vi.fn();
    const onOpen = vi.fn();
    const { user, store } = await setup({ onSelect, onOpen }, { conversations: [conv(0), conv(1), conv(2, { unreadCount: 2 })] });
    await user.tab();
    await user.keyboard('{ArrowDown} ');
    expect(onSelect).toHaveBeenLastCalledWith('C2Cu1');
    expect(rowOf('Conversation 1')).toHaveAttribute('aria-selected', 'true');
    expect(onOpen).not.toHaveBeenCalled();

    await user.keyboard('{ArrowDown}{Enter}');
    expect(onOpen).toHaveBeenCalledWith('C2Cu2');
    expect(onSelect).toHaveBeenLastCalledWith('C2Cu2');
    await waitFor(() => expect(store.getState().conversations.get('C2Cu2')?.unreadCount).toBe(0));
  });

  it('asks for the row actions with Shift+F10, the ContextMenu key and a right click', async () => {
    const onItemActions = vi.fn();
    const { user } = await setup({ onItemActions });
    await user.tab();
    await user.keyboard('{ArrowDown}{Shift>}{F10}{/Shift}');
    expect(onItemActions).toHaveBeenLastCalledWith('C2Cu1', expect.objectContaining({ trigger: 'keyboard', anchor: rowOf('Conversation 1') }));
    await user.keyboard('{ArrowDown}{ContextMenu}');
    expect(onItemActions).toHaveBeenLastCalledWith('C2Cu2', expect.objectContaining({ trigger: 'keyboard' }));
    await user.keyboard('{F10}');
    expect(onItemActions).toHaveBeenCalledTimes(2);

    await user.pointer({ keys: '[MouseRight]', target: screen.getByText('Conversation 5') });
    expect(onItemActions).toHaveBeenLastCalledWith('C2Cu5', expect.objectContaining({ trigger: 'pointer', anchor: rowOf('Conversation 5') }));
  });

  it('keeps focus on the same conversation when rows reorder above it', async () => {
    const { user, adapter, store } = await setup();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    expect(titleOf(active()!)).toBe('Conversation 3');

    await push(store, () => adapter.simulate.message('C2Cu100', { preview: 'hi', at: BASE + 1000 }));
    expect(screen.getByText('Conversation 100')).toBeInTheDocument();
    expect(titleOf(active()!)).toBe('Conversation 3');
    expect(active()).toHaveAttribute('aria-rowindex', '5');
    expect(active()).toHaveAttribute('data-focused', '');

    await user.keyboard('{ArrowDown}');
    expect(titleOf(active()!)).toBe('Conversation 4');
  });

  it('keeps the focused id while its row is scrolled out of the DOM, and brings it back on the next key', async () => {
    const { user } = await setup();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await scrollTo(120 * ROW);
    expect(screen.queryByText('Conversation 3')).toBeNull();
    expect(grid()).not.toHaveAttribute('aria-activedescendant');
    expect(grid()).toHaveFocus();

    await user.keyboard('{ArrowDown}');
    await settle();
    expect(titleOf(active()!)).toBe('Conversation 4');
    expect(grid().scrollTop).toBe(4 * ROW);
  });

  it('moves focus to the row that takes the place of a removed focused conversation', async () => {
    const { user, adapter, store } = await setup();
    await user.tab();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowDown}');
    await push(store, () => adapter.simulate.removeConversation('C2Cu3'));
    expect(screen.queryByText('Conversation 3')).toBeNull();
    expect(titleOf(active()!)).toBe('Conversation 4');
    expect(active()).toHaveAttribute('aria-rowindex', '4');
  });

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`moves into a row's controls with the ${dir === 'ltr' ? 'right' : 'left'} arrow and back out (${dir})`, async () => {
      const { user, adapter, store } = await setup({ dir }, { conversations: many(5) });
      adapter.failNext('pin', new InboxError('PIN_LIMIT_EXCEEDED', 'Too many pins'));
      await act(() => store.getState().actions.pin('C2Cu1', true).catch(() => {}));
      const [into, back] = dir === 'ltr' ? ['{ArrowRight}', '{ArrowLeft}'] : ['{ArrowLeft}', '{ArrowRight}'];
      const dismiss = within(rowOf('Conversation 1')).getByRole('button', { name: 'Dismiss' });
      expect(dismiss).toHaveAttribute('tabindex', '-1');
      await user.tab();
      await user.keyboard(`{ArrowDown}${back}`);
      expect(grid()).toHaveFocus();
      await user.keyboard(into);
      expect(dismiss).toHaveFocus();
      await user.keyboard(back);
      expect(grid()).toHaveFocus();
      await user.keyboard(`${into}{Escape}`);
      expect(grid()).toHaveFocus();

      // Activating the button removes it: focus stays in the grid, on the same row.
      await user.keyboard(`${into}{Enter}`);
      expect(within(rowOf('Conversation 1')).queryByRole('button', { name: 'Dismiss' })).toBeNull();
      expect(grid()).toHaveFocus();
      expect(titleOf(active()!)).toBe('Conversation 1');
      await user.keyboard('{ArrowDown}');
      expect(titleOf(active()!)).toBe('Conversation 2');
    });
  }

  it('leaves arrow keys to text fields inside custom rows, and follows the row of a clicked control', async () => {
    const renderItem = (id: string) => (
      <div>
        {id} <input aria-label={`Note for ${id}`} defaultValue="abc" />
      </div>
    );
    const { user } = await setup({ renderItem }, { conversations: many(10) });
    await user.click(screen.getByRole('textbox', { name: 'Note for C2Cu4' }));
    const field = screen.getByRole<HTMLInputElement>('textbox', { name: 'Note for C2Cu4' });
    expect(field).toHaveFocus();
    await user.keyboard('{ArrowLeft}{ArrowLeft}');
    expect(field).toHaveFocus();
    expect(field.selectionStart).toBe(1);

    await user.keyboard('{Escape}');
    expect(grid()).toHaveFocus();
    expect(active()).toHaveAttribute('data-conversation-id', 'C2Cu4');
    await user.keyboard('{ArrowDown}');
    expect(active()).toHaveAttribute('data-conversation-id', 'C2Cu5');
  });

  it('takes one tab stop: Tab leaves the grid even when rows hold buttons', async () => {
    const { user, adapter, store } = await setup({}, { conversations: many(5) });
    adapter.failNext('pin');
    await act(() => store.getState().actions.pin('C2Cu0', true).catch(() => {}));
    appendButtonAfterList();
    await user.tab();
    expect(grid()).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
  });
});

describe('ConversationList keeps the view when rows reorder', () => {
  it('adjusts the scroll position by id when a conversation from far down moves to the top, and keeps the selection', async () => {
    const { user, adapter, store } = await setup();
    await scrollTo(10 * ROW);
    await user.click(screen.getByText('Conversation 12'));
    expect(titleOf(topRow())).toBe('Conversation 10');

    await push(store, () => adapter.simulate.message('C2Cu150', { preview: 'ping', at: BASE + 1000 }));
    expect(store.getState().lists.ids()[0]).toBe('C2Cu150');
    expect(grid().scrollTop).toBe(11 * ROW);
    expect(titleOf(topRow())).toBe('Conversation 10');
    expect(rowOf('Conversation 12')).toHaveAttribute('aria-selected', 'true');
  });

  it('keeps the view the same way in Strict Mode, which runs each render twice', async () => {
    const { adapter, store } = await setup({}, { strict: true });
    await scrollTo(40 * ROW + 20);
    act(() => {
      adapter.simulate.message('C2Cu150', { preview: 'ping', at: BASE + 1000 });
      store.flush();
    });
    // Both runs of the render made the rows around the view it keeps, one row down (before its scroll event).
    const lastVisible = Math.ceil((41 * ROW + 20 + VIEWPORT) / ROW) - 1;
    expect(Math.max(...rows().map((row) => Number(row.dataset.index)))).toBe(lastVisible + OVERSCAN);
    await nextFrame();
    await settle();
    expect(grid().scrollTop).toBe(41 * ROW + 20);
    expect(titleOf(topRow())).toBe('Conversation 40');
    await scrollTo(5 * ROW);
    await push(store, () => {
      for (const id of ['C2Cu120', 'C2Cu199']) adapter.simulate.message(id, { preview: 'x', at: BASE + 2000 });
    });
    expect(grid().scrollTop).toBe(7 * ROW);
    expect(titleOf(topRow())).toBe('Conversation 4');
  });

  it('does not follow a visible row that itself jumped to the top', async () => {
    const { adapter, store } = await setup();
    await scrollTo(10 * ROW);
    const before = rowOf('Conversation 11').style.transform;
    await push(store, () => adapter.simulate.message('C2Cu10', { preview: 'ping', at: BASE + 1000 }));
    // The rows below the one that left stay exactly where they were; the row above slides into its slot.
    expect(grid().scrollTop).toBe(10 * ROW);
    expect(rowOf('Conversation 11').style.transform).toBe(before);
    expect(titleOf(topRow())).toBe('Conversation 9');
  });

  it('keeps the view when several conversations arrive at once', async () => {
    const { adapter, store } = await setup();
    await scrollTo(40 * ROW + 20);
    await push(store, () => {
      for (const id of ['C2Cu120', 'C2Cu150', 'C2Cu199']) adapter.simulate.message(id, { preview: 'x', at: BASE + 1000 });
    });
    expect(grid().scrollTop).toBe(43 * ROW + 20);
    expect(titleOf(topRow())).toBe('Conversation 40');
  });

  it('starts at the top when the group or filter changes', async () => {
    const { store, rerender } = await setup();
    await scrollTo(50 * ROW);
    rerender(
      <WithStore store={store}>
        <ConversationList virtualizerOptions={jsdomVirtualizer} filter={{ query: 'Conversation 1' }} />
      </WithStore>,
    );
    await settle();
    expect(grid().scrollTop).toBe(0);
    expect(titleOf(topRow())).toBe('Conversation 1');
  });

  it('lets new conversations appear when the user is at the very top', async () => {
    const { adapter, store } = await setup();
    await push(store, () => adapter.simulate.message('C2Cu150', { preview: 'ping', at: BASE + 1000 }));
    expect(grid().scrollTop).toBe(0);
    expect(titleOf(rows()[0]!)).toBe('Conversation 150');
  });
});

describe('ConversationList paging and states', () => {
  it('loads the next page when the last rendered row is within overscan of the end', async () => {
    const { store } = await setup({}, { conversations: many(120), storeOptions: { pageSize: 50 } });
    expect(store.getState().lists.ids()).toHaveLength(50);
    expect(grid()).toHaveAttribute('aria-rowcount', '-1');

    // Rows 20-27 are visible and 35 is the last rendered: more than `overscan` rows from the end (49).
    await scrollTo(20 * ROW);
    await settle();
    expect(store.getState().lists.ids()).toHaveLength(50);

    // Rows 27-34 visible, 42 rendered last: within 8 rows of the end.
    await scrollTo(27 * ROW);
    await waitFor(() => expect(store.getState().lists.ids()).toHaveLength(100));
    await scrollTo(100 * ROW - VIEWPORT);
    await waitFor(() => expect(grid()).toHaveAttribute('aria-rowcount', '120'));
    expect(store.getState().hasMore).toBe(false);
  });

  it('shows a failed page with Retry, and retries', async () => {
    const { adapter, store, user } = await setup({}, { conversations: many(120), storeOptions: { pageSize: 50 } });
    adapter.failNext('loadConversations', new InboxError('ADAPTER_FAILED', 'Gateway timeout'));
    await scrollTo(50 * ROW - VIEWPORT);
    const banner = await screen.findByRole('alert');
    expect(banner).toHaveTextContent('Couldn’t load more conversations: Gateway timeout');
    expect(rows().length).toBeGreaterThan(0);

    await user.click(within(banner).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(store.getState().lists.ids()).toHaveLength(100));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows skeleton rows and a loading status until the first page arrives', async () => {
    const { container } = await setup({}, { adapterOptions: { latencyMs: 20 }, preconnect: false });
    const root = container.querySelector('.ik-ConversationList')!;
    expect(root).toHaveAttribute('data-status', 'loading');
    expect(root).toHaveAttribute('aria-busy', 'true');
    expect(container.querySelectorAll('.ik-ConversationList-skeletonRow')).toHaveLength(8);
    expect(screen.getByRole('status')).toHaveTextContent('Loading conversations…');
    expect(screen.queryByRole('grid')).toBeNull();

    expect(await screen.findByText('Conversation 0')).toBeInTheDocument();
    expect(container.querySelector('.ik-ConversationList-skeleton')).toBeNull();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });

  it('shows a thin status line while syncing', async () => {
    const { adapter } = await setup({}, { conversations: many(5) });
    // Long enough that a busy machine still renders 'syncing' before 'ready' arrives; the status region is always in
    // the DOM (so that screen readers hear it change), so wait for its text, not for the element.
    adapter.setLatency(300);
    let sync!: Promise<void>;
    act(() => {
      sync = adapter.simulate.sync();
    });
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Syncing…'));
    expect(rows()).toHaveLength(5);
    await act(() => sync);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(''));
  });

  it('shows distinct empty messages for no conversations, a filtered list and an empty group', async () => {
    const first = await setup({}, { conversations: [] });
    expect(screen.getByText('No conversations yet')).toBeInTheDocument();
    expect(first.container.querySelector('.ik-ConversationList')).toHaveAttribute('data-empty', '');
    first.unmount();

    const second = await setup({ filter: { query: 'zebra' } }, { conversations: many(5) });
    expect(screen.getByText('No conversations match')).toBeInTheDocument();
    expect(second.container.querySelector('.ik-ConversationList')).toHaveAttribute('data-filtered', '');
    expect(await axeViolations(second.container)).toEqual([]);
    second.unmount();

    await setup({ groupName: 'Work' }, { conversations: many(5), adapterOptions: { groups: [{ name: 'Work', conversationIds: [] }] } });
    expect(screen.getByText('No conversations in this group')).toBeInTheDocument();
  });

  it('localizes the empty message', async () => {
    await setup({}, { conversations: [], locale: 'ja' });
    expect(screen.getByText('会話はまだありません')).toBeInTheDocument();
  });

  it('shows a failed first load with its message and a Retry that reconnects', async () => {
    const { user, container } = await setup(
      {},
      {
        conversations: many(5),
        preconnect: false,
        before: (adapter) => adapter.failNext('loadConversations', new InboxError('ADAPTER_FAILED', 'Network is down')),
      },
    );
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Couldn’t load conversations');
    expect(alert).toHaveTextContent('Network is down');
    expect(container.querySelector('.ik-ConversationList')).toHaveAttribute('data-status', 'error');
    expect(await axeViolations(container)).toEqual([]);

    await user.click(within(alert).getByRole('button', { name: 'Retry' }));
    expect(await screen.findByText('Conversation 0')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows only the filtered conversations', async () => {
    await setup({ filter: { unreadOnly: true } }, { conversations: [conv(0), conv(1, { unreadCount: 1 }), conv(2)] });
    expect(rows().map(titleOf)).toEqual(['Conversation 1']);
  });
});

describe('ConversationList rendering scope', () => {
  const renders = new Map<string, number>();
  const count = (id: string) => renders.set(id, (renders.get(id) ?? 0) + 1);
  const Counted = memo(function Counted({ id }: { id: string }) {
    const conversation = useConversation(id);
    count(id);
    return <span>{conversation?.lastMessage?.preview}</span>;
  });
  const renderItem = (id: string, state: ConversationListItemState) => (
    <Counted key={state.isSelected ? 'selected' : 'plain'} id={id} />
  );

  beforeEach(() => renders.clear());

  it('re-renders one row for one new message (custom renderItem)', async () => {
    const { adapter, store } = await setup({ renderItem });
    renders.clear();
    await push(store, () => adapter.simulate.message('C2Cu0', { preview: 'news', at: BASE + 1000 }));
    expect(screen.getByText('news')).toBeInTheDocument();
    expect(Object.fromEntries(renders)).toEqual({ C2Cu0: 1 });
  });

  it('renders only the moved row when a message brings a conversation from far down to the top', async () => {
    const { adapter, store } = await setup({ renderItem });
    renders.clear();
    await push(store, () => adapter.simulate.message('C2Cu150', { preview: 'from below', at: BASE + 1000 }));
    expect(titleOfCustom(rows()[0]!)).toBe('from below');
    expect(Object.fromEntries(renders)).toEqual({ C2Cu150: 1 });
  });

  it('re-renders one default row for one new message', async () => {
    function CountingTitle() {
      const { id, conversation } = useConversationItemState();
      count(id);
      return <span className="ik-ConversationItem-title">{conversation?.title}</span>;
    }
    const components: ConversationItemComponents = { Title: CountingTitle };
    const { adapter, store } = await setup({ itemComponents: components });
    renders.clear();
    await push(store, () => adapter.simulate.message('C2Cu2', { preview: 'three', at: BASE - 1500 }));
    expect(store.getState().lists.ids().slice(0, 3)).toEqual(['C2Cu0', 'C2Cu1', 'C2Cu2']);
    expect(Object.fromEntries(renders)).toEqual({ C2Cu2: 1 });

    renders.clear();
    await push(store, () => adapter.simulate.message('C2Cu5', { preview: 'six', at: BASE + 1000 }));
    expect(Object.fromEntries(renders)).toEqual({ C2Cu5: 1 });
  });

  it('lets renderItem replace the row content while the list keeps the row shell', async () => {
    const { user } = await setup({
      renderItem: (id, state) => (
        <div className="custom">
          {id} {state.rowIndex}/{state.rowCount}
          {state.isSelected ? ' (selected)' : ''}
        </div>
      ),
    });
    expect(screen.getByText('C2Cu3 4/200')).toBeInTheDocument();
    expect(grid().querySelector('.ik-ConversationItem')).toBeNull();
    await user.click(screen.getByText('C2Cu3 4/200'));
    const row = screen.getByText('C2Cu3 4/200 (selected)').closest('[role="row"]');
    expect(row).toHaveAttribute('aria-selected', 'true');
  });
});

describe('ConversationList render props', () => {
  it('resolves className and style from the list state and writes it as data attributes', async () => {
    const { user, container } = await setup({
      className: ({ isFocusVisible }) => (isFocusVisible ? 'kbd' : 'idle'),
      style: ({ status }) => ({ outlineColor: status === 'ready' ? 'green' : 'gray' }),
    });
    const root = container.querySelector<HTMLElement>('.ik-ConversationList')!;
    expect(root).toHaveClass('idle');
    expect(root.style.outlineColor).toBe('green');
    expect(root).toHaveAttribute('data-status', 'ready');
    await user.tab();
    expect(root).toHaveClass('ik-ConversationList', 'kbd');
    expect(root).toHaveAttribute('data-focus-visible', '');
  });
});

const titleOfCustom = (row: Element) => row.querySelector('[role="gridcell"]')!.textContent;

function WithStore({ store, children }: { store: InboxStore; children: ReactNode }) {
  return <InboxProvider store={store}>{children}</InboxProvider>;
}

/** A focusable element after the list, to prove that Tab leaves the grid in one step. */
function appendButtonAfterList() {
  const button = document.createElement('button');
  button.textContent = 'after';
  document.body.appendChild(button);
  onTestFinished(() => button.remove());
}
