import { act } from '@testing-library/react';
import type { CSSProperties } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter, generateConversations, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import type { InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';

const COUNT = 10_000;
const ROW = 64;
const HEIGHT = 480;
const OVERSCAN = 8;

let cleanupStore: (() => void) | undefined;
afterEach(() => {
  cleanupStore?.();
  cleanupStore = undefined;
});

/** A store over `conversations`, connected, every conversation on its one page. */
async function connectedStore(conversations: Conversation[] = generateConversations(COUNT, { seed: 7 })) {
  const adapter: MemoryAdapter = createMemoryAdapter({ conversations, pageSize: conversations.length });
  const store = makeStore(adapter, { pageSize: conversations.length });
  await store.connect();
  cleanupStore = () => store.disconnect();
  return { adapter, store };
}

/** The list over `store` in a box `HEIGHT` px high; `style` adds to the box's (theme variables). */
function renderList(store: InboxStore, props: Partial<ConversationListProps> = {}, style: CSSProperties = {}) {
  const view = renderWithStore(
    <div style={{ height: HEIGHT, width: 380, ...style }}>
      <ConversationList aria-label="Conversations" {...props} />
    </div>,
    store,
  );
  return { grid: view.container.querySelector<HTMLElement>('[role="grid"]')!, ...view };
}

async function setup(props: Partial<ConversationListProps> = {}, conversations?: Conversation[]) {
  const { adapter, store } = await connectedStore(conversations);
  const view = renderList(store, props);
  await expect.poll(() => view.grid.querySelectorAll('[role="row"]').length).toBeGreaterThan(0);
  return { adapter, store, ...view };
}

const renderedRows = (grid: HTMLElement) => [...grid.querySelectorAll<HTMLElement>('[role="row"]')];
const indexOf = (row: HTMLElement) => Number(row.dataset.index);
const activeRow = (grid: HTMLElement) => {
  const id = grid.getAttribute('aria-activedescendant');
  return id ? document.getElementById(id) : null;
};
/** The row under a point just inside the top of the viewport: what the user sees first. */
const rowAtTop = (grid: HTMLElement) => {
  const rect = grid.getBoundingClientRect();
  return document.elementFromPoint(rect.left + rect.width / 2, rect.top + 4)!.closest<HTMLElement>('[role="row"]')!;
};
const frames = (n = 2) =>
  new Promise<void>((resolve) => {
    const step = (left: number) => (left === 0 ? resolve() : requestAnimationFrame(() => step(left - 1)));
    step(n);
  });

/** A message for `id`, applied at once: one store commit and its render, before any frame or scroll event. */
function deliverNow(adapter: MemoryAdapter, store: InboxStore, id: string, preview: string) {
  act(() => {
    adapter.simulate.message(id, { preview });
    store.flush();
  });
}

/** Scrolls 20 px into row `index` and waits until the list shows that row at the top. */
async function scrollIntoRow(grid: HTMLElement, index: number) {
  grid.scrollTop = index * ROW + 20;
  await expect.poll(() => indexOf(rowAtTop(grid))).toBe(index);
}

/** Every rendered row lies within the visible range widened by the overscan on each side. */
function expectOnlyVisibleRowsPlusOverscan(grid: HTMLElement) {
  const first = Math.floor(grid.scrollTop / ROW);
  const last = Math.ceil((grid.scrollTop + grid.clientHeight) / ROW) - 1;
  const indexes = renderedRows(grid).map(indexOf);
  expect(Math.min(...indexes)).toBeGreaterThanOrEqual(first - OVERSCAN);
  expect(Math.max(...indexes)).toBeLessThanOrEqual(last + OVERSCAN);
  expect(indexes.length).toBeLessThanOrEqual(last - first + 1 + 2 * OVERSCAN);
  for (let i = first; i <= last; i++) expect(indexes).toContain(i);
}

function expectFullyVisible(grid: HTMLElement, row: HTMLElement) {
  const outer = grid.getBoundingClientRect();
  const inner = row.getBoundingClientRect();
  expect(inner.top).toBeGreaterThanOrEqual(outer.top - 1);
  expect(inner.bottom).toBeLessThanOrEqual(outer.bottom + 1);
}

describe('ConversationList in Chromium', () => {
  it.each([
    ['rows as tall as the estimate', ROW],
    ['rows shorter than the estimate (a compact theme, rowHeight left at 64)', 40],
  ])('paints the rows that fill the viewport first, then adds the overscan rows: %s', async (_, height) => {
    const { store } = await connectedStore();
    // The DOM as the next frame painted it: a task queued from that frame's animation frame runs after its paint, and
    // before the list's own task (queued from a later callback of the same frame) adds the overscan rows.
    const painted = new Promise<{ rows: number[]; lastBottom: number; gridBottom: number }>((resolve) =>
      requestAnimationFrame(() =>
        setTimeout(() => {
          const grid = document.querySelector<HTMLElement>('[role="grid"]')!;
          const rows = renderedRows(grid);
          resolve({ rows: rows.map(indexOf), lastBottom: rows.at(-1)!.getBoundingClientRect().bottom, gridBottom: grid.getBoundingClientRect().bottom });
        }),
      ),
    );
    const { grid } = renderList(store, {}, { ['--ik-row-height' as string]: `${height}px` });
    const first = await painted;
    // The rows' real height: a row's content sets its least height, whatever the theme asks.
    const rowHeight = renderedRows(grid)[0]!.getBoundingClientRect().height;
    if (height < ROW) expect(rowHeight).toBeLessThan(ROW);
    else expect(rowHeight).toBe(ROW);
    // The painted frame is full: the rows from the top down past the bottom edge, and not one more.
    const visible = Math.ceil(HEIGHT / rowHeight);
    expect(first.rows).toEqual(Array.from({ length: visible }, (_, i) => i));
    expect(first.lastBottom).toBeGreaterThanOrEqual(first.gridBottom);

    await expect.poll(() => renderedRows(grid).length).toBe(visible + OVERSCAN);
    expect(renderedRows(grid).map(indexOf)).toEqual(Array.from({ length: visible + OVERSCAN }, (_, i) => i));
  });

  it('scrolls 10,000 conversations with only the visible rows plus overscan in the DOM', async () => {
    const { grid, store } = await setup();
    expect(grid.clientHeight).toBe(HEIGHT);
    expect(grid.scrollHeight).toBe(COUNT * ROW);
    expect(renderedRows(grid)[0]!.getBoundingClientRect().height).toBe(ROW);
    expectOnlyVisibleRowsPlusOverscan(grid);

    await userEvent.wheel(grid, { delta: { y: 40 * ROW } });
    await expect.poll(() => grid.scrollTop).toBe(40 * ROW);
    await expect.poll(() => indexOf(rowAtTop(grid))).toBe(40);
    expectOnlyVisibleRowsPlusOverscan(grid);

    grid.scrollTop = 5000 * ROW;
    const id5000 = store.getState().lists.ids()[5000]!;
    await expect.poll(() => rowAtTop(grid).dataset.conversationId).toBe(id5000);
    expectOnlyVisibleRowsPlusOverscan(grid);
    expect(renderedRows(grid).some((row) => indexOf(row) === 0)).toBe(false);

    grid.scrollTop = grid.scrollHeight;
    await expect.poll(() => renderedRows(grid).some((row) => indexOf(row) === COUNT - 1)).toBe(true);
    expectOnlyVisibleRowsPlusOverscan(grid);
  });

  it('moves a conversation from far down to the top without moving the view or losing the selection', async () => {
    const { grid, store, adapter } = await setup();
    await scrollIntoRow(grid, 300);
    const ids = store.getState().lists.ids();
    const selectedId = ids[303]!;
    const selected = grid.querySelector<HTMLElement>(`[data-conversation-id="${selectedId}"]`)!;
    await userEvent.click(selected);
    await expect.poll(() => selected.getAttribute('aria-selected')).toBe('true');

    const seen = rowAtTop(grid);
    const seenId = seen.dataset.conversationId!;
    const seenTop = seen.getBoundingClientRect().top;
    const selectedTop = selected.getBoundingClientRect().top;
    const movingId = ids[9000]!;

    deliverNow(adapter, store, movingId, 'A new message from far below');
    await expect.poll(() => store.getState().lists.ids().indexOf(movingId)).toBeLessThan(300);
    await frames(3);

    expect(rowAtTop(grid).dataset.conversationId).toBe(seenId);
    expect(grid.querySelector<HTMLElement>(`[data-conversation-id="${seenId}"]`)!.getBoundingClientRect().top).toBeCloseTo(seenTop, 0);
    const selectedNow = grid.querySelector<HTMLElement>(`[data-conversation-id="${selectedId}"]`)!;
    expect(selectedNow).toHaveAttribute('aria-selected', 'true');
    expect(selectedNow.getBoundingClientRect().top).toBeCloseTo(selectedTop, 0);
    expect(grid.scrollTop).toBe(301 * ROW + 20);
    expectOnlyVisibleRowsPlusOverscan(grid);
  });

  it('renders the rows of the kept view in the commit that moves them: nothing changes when the scroll event follows', async () => {
    const { grid, store, adapter } = await setup();
    await scrollIntoRow(grid, 300);
    await frames(2);
    const movingId = store.getState().lists.ids()[9000]!;
    deliverNow(adapter, store, movingId, 'A new message from far below');
    // Right after the commit, before any frame or scroll event: the view moved down one row, and the rows rendered
    // are already those around it (the last one is the new last visible row plus the overscan).
    expect(grid.scrollTop).toBe(301 * ROW + 20);
    const lastVisible = Math.ceil((301 * ROW + 20 + HEIGHT) / ROW) - 1;
    const rendered = renderedRows(grid).map(indexOf);
    expect(Math.max(...rendered)).toBe(lastVisible + OVERSCAN);
    const rowsContainer = grid.querySelector('.ik-ConversationList-rows')!;
    const added: Node[] = [];
    const observer = new MutationObserver((records) => records.forEach((record) => added.push(...record.addedNodes)));
    observer.observe(rowsContainer, { childList: true });
    await frames(3);
    observer.disconnect();
    expect(added).toEqual([]);
    expect(renderedRows(grid).map(indexOf).sort((a, b) => a - b)).toEqual(rendered.sort((a, b) => a - b));
  });

  it("keeps the user's own scroll that has not reached the list yet when a message moves the view", async () => {
    const { grid, store, adapter } = await setup();
    await scrollIntoRow(grid, 300);
    await frames(2);
    const ids = store.getState().lists.ids();
    const movingId = ids[9000]!;
    // The user scrolls 48 px (row 301 is then at the top) and a message arrives in the same task: the scroll's event
    // comes only with the next frame.
    grid.scrollTop += 48;
    deliverNow(adapter, store, movingId, 'A new message from far below');
    await frames(3);
    expect(grid.scrollTop).toBe(301 * ROW + 20 + 48);
    expect(rowAtTop(grid).dataset.conversationId).toBe(ids[301]);
  });

  it('keeps rows of another height placed right when they move: a row with a failure notice jumps to the top', async () => {
    // Unpinned, so that a new message moves the row to the very top.
    const { grid, store, adapter } = await setup({}, generateConversations(COUNT, { seed: 7 }).map((c) => ({ ...c, isPinned: false })));
    const ids = store.getState().lists.ids();
    const tallId = ids[4]!;
    adapter.failNext('pin');
    await act(() => store.getState().actions.pin(tallId, !store.getState().conversations.get(tallId)!.isPinned).catch(() => {}));
    const rowOf = (id: string) => grid.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)!;
    await expect.poll(() => rowOf(tallId).getBoundingClientRect().height).toBeGreaterThan(ROW);
    const contiguous = () => {
      const rows = renderedRows(grid).sort((a, b) => indexOf(a) - indexOf(b));
      return rows.slice(1).every((row, i) => Math.abs(row.getBoundingClientRect().top - rows[i]!.getBoundingClientRect().bottom) < 1);
    };
    expect(contiguous()).toBe(true);

    deliverNow(adapter, store, tallId, 'moves to the top');
    await expect.poll(() => rowOf(tallId).dataset.index).toBe('0');
    await frames(3);
    expect(contiguous()).toBe(true);
    expect(rowOf(ids[0]!).getBoundingClientRect().top).toBeCloseTo(rowOf(tallId).getBoundingClientRect().bottom, 0);
  });

  it('places custom rows of other heights right as they mount and move: sizes follow the conversation, not the index', async () => {
    const conversations = generateConversations(COUNT, { seed: 7 }).map((c) => ({ ...c, isPinned: false }));
    // Every 50th conversation (by generation order, not position) has a row twice as tall.
    const tall = new Set(conversations.filter((_, i) => i % 50 === 0).map((c) => c.id));
    const renderItem = (id: string) => <div style={{ height: tall.has(id) ? 2 * ROW : ROW }}>{id}</div>;
    const { grid, store, adapter } = await setup({ renderItem }, conversations);
    /** Rows from `from` on touch, each starting where the one before ends. */
    const contiguous = (from = 0) => {
      const rows = renderedRows(grid)
        .filter((row) => indexOf(row) >= from)
        .sort((a, b) => indexOf(a) - indexOf(b));
      return rows.slice(1).every((row, i) => Math.abs(row.getBoundingClientRect().top - rows[i]!.getBoundingClientRect().bottom) < 1);
    };
    const heightsRight = () => renderedRows(grid).every((row) => row.getBoundingClientRect().height === (tall.has(row.dataset.conversationId!) ? 2 * ROW : ROW));
    await frames(2);
    expect(heightsRight()).toBe(true);
    expect(contiguous()).toBe(true);

    // Tall rows from far down move to the top, one at a time: each mounts there and shifts the others down.
    const ids = store.getState().lists.ids();
    const movers = ids.slice(-2000).filter((id) => tall.has(id)).slice(0, 5);
    expect(movers).toHaveLength(5);
    for (const id of movers) {
      deliverNow(adapter, store, id, 'up');
      // In the commit that moved them, before any frame: the rows that shifted down kept their sizes. (The new top row
      // is measured when the next frame lays it out.)
      expect(renderedRows(grid).find((row) => indexOf(row) === 0)?.dataset.conversationId).toBe(id);
      expect(contiguous(1)).toBe(true);
      await frames(2);
      expect(contiguous()).toBe(true);
    }
    // A short row takes the top from the tall ones: at once, nothing of the tall row's size stays at index 0.
    const short = ids.slice(-2000).find((id) => !tall.has(id))!;
    deliverNow(adapter, store, short, 'up');
    expect(renderedRows(grid).find((row) => indexOf(row) === 0)?.dataset.conversationId).toBe(short);
    expect(contiguous()).toBe(true);
    // Scrolled further down, the rows that were shifted are still where their sizes put them.
    grid.scrollTop = 20 * ROW;
    await frames(3);
    expect(heightsRight()).toBe(true);
    expect(contiguous()).toBe(true);
  });

  it('runs the keyboard through 10,000 rows: End, Home, and a long ArrowDown run', async () => {
    const { grid, store } = await setup();
    const ids = store.getState().lists.ids();
    await userEvent.click(renderedRows(grid)[0]!);
    expect(grid).toHaveFocus();

    await userEvent.keyboard('{End}');
    await expect.poll(() => activeRow(grid)?.dataset.conversationId).toBe(ids[COUNT - 1]);
    expectFullyVisible(grid, activeRow(grid)!);
    expect(activeRow(grid)).toHaveAttribute('aria-rowindex', String(COUNT));
    expectOnlyVisibleRowsPlusOverscan(grid);

    await userEvent.keyboard('{Home}');
    await expect.poll(() => activeRow(grid)?.dataset.conversationId).toBe(ids[0]);
    expect(grid.scrollTop).toBe(0);

    // 40 rows, five screens down, in one call: 120 separate calls were 120 round trips to the test runner, seconds
    // of waiting on a busy machine that tested nothing more.
    await userEvent.keyboard('{ArrowDown}'.repeat(40));
    await expect.poll(() => activeRow(grid)?.dataset.conversationId).toBe(ids[40]);
    expectFullyVisible(grid, activeRow(grid)!);
    expect(activeRow(grid)).toHaveAttribute('data-focus-visible', '');
    expect(activeRow(grid)!.querySelector('.ik-ConversationItem')).toHaveAttribute('data-focus-visible', '');

    await userEvent.keyboard('{PageDown}{PageDown}');
    await expect.poll(() => activeRow(grid)?.dataset.conversationId).toBe(ids[54]);
    expectFullyVisible(grid, activeRow(grid)!);
    expectOnlyVisibleRowsPlusOverscan(grid);
    // About 45 real key presses over 10,000 rows, each a render in the browser: wall-clock work a busy machine stretches.
  }, 45_000);

  it('renders names and previews containing HTML as text', async () => {
    const evil = '<img src=x onerror="window.__ikPwned=1"><b>bold</b>';
    const base = generateConversations(20, { seed: 3 });
    const conversations = base.map((c, i) =>
      i === 0 ? { ...c, kind: 'group' as const, title: evil, lastMessage: { preview: evil, senderName: evil, sentAt: c.lastActivityAt } } : c,
    );
    const { grid } = await setup({}, conversations);
    await frames(2);
    expect(grid.querySelector('img[onerror], b')).toBeNull();
    const row = grid.querySelector<HTMLElement>(`[data-conversation-id="${conversations[0]!.id}"]`)!;
    expect(row.querySelector('.ik-ConversationItem-title')!.textContent).toBe(evil);
    expect(row.querySelector('.ik-ConversationItem-previewText')!.textContent).toBe(evil);
    expect(row.querySelector('.ik-ConversationItem-sender')!.textContent).toBe(evil);
    expect((window as { __ikPwned?: number }).__ikPwned).toBeUndefined();
  });

  it('lays rows out from the right in right-to-left pages', async () => {
    const { grid } = await setup({ dir: 'rtl' }, generateConversations(20, { seed: 3 }));
    const row = renderedRows(grid)[0]!;
    const avatar = row.querySelector('.ik-ConversationItem-avatar')!.getBoundingClientRect();
    const title = row.querySelector('.ik-ConversationItem-title')!.getBoundingClientRect();
    const time = row.querySelector('.ik-ConversationItem-time')!.getBoundingClientRect();
    expect(avatar.left).toBeGreaterThan(title.left);
    expect(time.right).toBeLessThan(title.left);
  });

  it('re-brands and switches themes through variables alone', async () => {
    const conversations = generateConversations(20, { seed: 3 }).map((c, i) =>
      i === 0 ? { ...c, draft: { text: 'draft', updatedAt: c.lastActivityAt } } : c,
    );
    const { grid, container } = await setup({}, conversations);
    const list = container.querySelector<HTMLElement>('.ik-ConversationList')!;
    const prefix = () => grid.querySelector<HTMLElement>('.ik-ConversationItem-draftPrefix')!;
    await expect.poll(() => prefix()).toBeTruthy();
    const wrapper = list.parentElement!;

    wrapper.style.setProperty('--ik-color-accent', 'rgb(124, 58, 237)');
    expect(getComputedStyle(prefix()).color).toBe('rgb(124, 58, 237)');

    wrapper.dataset.theme = 'dark';
    expect(getComputedStyle(list).backgroundColor).toBe('rgb(15, 23, 42)');
    wrapper.dataset.theme = 'light';
    expect(getComputedStyle(list).backgroundColor).toBe('rgb(255, 255, 255)');
  });
});

