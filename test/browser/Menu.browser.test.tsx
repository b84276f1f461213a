import { act } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, generateConversations } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

// Where the row actions menu opens (issue 14): at the pointer for a right click and a long press, at the focused row
// for Shift+F10, flipped and shifted so it stays fully on screen, in both directions. Measured in real layout.

const WIDTH = 800;
const HEIGHT = 600;
const MARGIN = 8;
const NOW = Date.UTC(2026, 10, 23, 12);

let cleanupStore: (() => void) | undefined;
beforeEach(async () => {
  await page.viewport(WIDTH, HEIGHT);
});
afterEach(() => {
  cleanupStore?.();
  cleanupStore = undefined;
});

/** An inbox filling the viewport (so rows reach every edge), in the given direction. */
async function setup(dir: 'ltr' | 'rtl' = 'ltr', selectionMode: 'single' | 'multiple' = 'multiple') {
  const conversations = generateConversations(200, { seed: 3, now: NOW });
  const store = makeStore(createMemoryAdapter({ conversations, pageSize: 200 }), { pageSize: 200 });
  await store.connect();
  cleanupStore = () => store.disconnect();
  const view = renderWithStore(
    <div dir={dir} style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column' }}>
      <Inbox aria-label="Inbox" hideGroupTabs selectionMode={selectionMode} listProps={{ now: NOW }} style={{ flex: '1 1 auto', minHeight: 0, display: 'flex', flexDirection: 'column' }} />
    </div>,
    store,
  );
  const grid = view.container.querySelector<HTMLElement>('[role="grid"]')!;
  await expect.poll(() => grid.querySelectorAll('[role="row"]').length).toBeGreaterThan(5);
  return { grid, ...view };
}

const openMenu = async () => {
  await expect.poll(() => document.querySelector('[role="menu"]')).not.toBeNull();
  const menu = document.querySelector<HTMLElement>('[role="menu"]')!;
  // Placed again in the frame after it opens; read it after that.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  return menu;
};

/** The whole menu is inside the viewport, with the margin kept. */
function expectOnScreen(rect: DOMRect) {
  expect(rect.width).toBeGreaterThan(100);
  expect(rect.height).toBeGreaterThan(100);
  expect(rect.left).toBeGreaterThanOrEqual(MARGIN - 1);
  expect(rect.top).toBeGreaterThanOrEqual(MARGIN - 1);
  expect(rect.right).toBeLessThanOrEqual(WIDTH - MARGIN + 1);
  expect(rect.bottom).toBeLessThanOrEqual(HEIGHT - MARGIN + 1);
}

/** Right-clicks the grid at a viewport point. */
async function rightClickAt(grid: HTMLElement, x: number, y: number) {
  const box = grid.getBoundingClientRect();
  await userEvent.click(grid, { button: 'right', position: { x: x - box.left, y: y - box.top } });
}

const close = async () => {
  await userEvent.keyboard('{Escape}');
  await expect.poll(() => document.querySelector('[role="menu"]')).toBeNull();
};

describe.each(['ltr', 'rtl'] as const)('row actions menu (%s)', (dir) => {
  const rtl = dir === 'rtl';

  it('opens at the pointer for a right click, on the inline-end side of it', async () => {
    const { grid } = await setup(dir);
    const x = WIDTH / 2;
    const y = 150;
    await rightClickAt(grid, x, y);
    const rect = (await openMenu()).getBoundingClientRect();
    expect(Math.abs(rect.top - y)).toBeLessThanOrEqual(1);
    expect(Math.abs((rtl ? rect.right : rect.left) - x)).toBeLessThanOrEqual(1);
    expectOnScreen(rect);
    await close();
  });

  // Each corner: the menu flips away from the near edges and stays whole on screen.
  it.each([
    ['top-left', 12, 12],
    ['top-right', WIDTH - 12, 12],
    ['bottom-left', 12, HEIGHT - 12],
    ['bottom-right', WIDTH - 12, HEIGHT - 12],
  ])('stays on screen for a right click near the %s corner', async (_corner, x, y) => {
    const { grid } = await setup(dir);
    await rightClickAt(grid, x, y);
    const rect = (await openMenu()).getBoundingClientRect();
    expectOnScreen(rect);
    // Flipped, not just pushed: the pointer is at one of the menu's corners on the block axis...
    if (y > HEIGHT / 2) expect(Math.abs(rect.bottom - y)).toBeLessThanOrEqual(1);
    else expect(Math.abs(rect.top - y)).toBeLessThanOrEqual(1);
    // ...and on the inline axis: the menu lies on the side of the pointer that has room.
    if (x > WIDTH / 2) expect(Math.abs(rect.right - x)).toBeLessThanOrEqual(1);
    else expect(Math.abs(rect.left - x)).toBeLessThanOrEqual(1);
    await close();
  });

  it('opens at the focused row for Shift+F10: its start edge, below it', async () => {
    const { grid } = await setup(dir);
    grid.focus();
    await userEvent.keyboard('{ArrowDown}{ArrowDown}');
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await openMenu();
    const row = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
    const rowRect = row.getBoundingClientRect();
    const rect = menu.getBoundingClientRect();
    expect(Math.abs(rect.top - rowRect.bottom)).toBeLessThanOrEqual(1);
    if (rtl) expect(Math.abs(rect.right - Math.min(rowRect.right, WIDTH - MARGIN))).toBeLessThanOrEqual(1);
    else expect(Math.abs(rect.left - Math.max(rowRect.left, MARGIN))).toBeLessThanOrEqual(1);
    expectOnScreen(rect);
    await close();
    expect(document.activeElement).toBe(grid);
  });

  it('opens above the focused row for Shift+F10 when the row is near the bottom', async () => {
    const { grid } = await setup(dir);
    grid.focus();
    await userEvent.keyboard('{ArrowDown}');
    // The last row that is wholly visible.
    const visible = [...grid.querySelectorAll<HTMLElement>('[role="row"]')].filter((r) => r.getBoundingClientRect().bottom <= HEIGHT);
    const last = Number(visible.at(-1)!.dataset.index);
    await userEvent.keyboard('{ArrowDown}'.repeat(last - 1));
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
    const menu = await openMenu();
    const rowRect = document.getElementById(grid.getAttribute('aria-activedescendant')!)!.getBoundingClientRect();
    const rect = menu.getBoundingClientRect();
    expect(Math.abs(rect.bottom - rowRect.top)).toBeLessThanOrEqual(1);
    expectOnScreen(rect);
    await close();
  });

  it('opens at the finger for a long press on touch, and not when the finger moves', async () => {
    // With one-row selection: in multiple selection a long press starts selecting instead (tested below).
    const { grid } = await setup(dir, 'single');
    const row = grid.querySelectorAll<HTMLElement>('[role="row"]')[3]!;
    const box = row.getBoundingClientRect();
    const x = box.left + box.width / 2;
    const y = box.top + box.height / 2;
    const touch = async (type: string, dx = 0, dy = 0) =>
      act(async () => {
        row.dispatchEvent(
          new PointerEvent(type, { bubbles: true, cancelable: true, pointerId: 7, pointerType: 'touch', isPrimary: true, clientX: x + dx, clientY: y + dy }),
        );
      });

    // A drag of 30 px is a scroll, not a press.
    await touch('pointerdown');
    await touch('pointermove', 0, 30);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(document.querySelector('[role="menu"]')).toBeNull();
    await touch('pointerup', 0, 30);

    // A finger at rest for ~500 ms opens the row's actions at the finger.
    await touch('pointerdown');
    await touch('pointermove', 3, 2);
    const rect = (await openMenu()).getBoundingClientRect();
    expect(Math.abs(rect.top - (y + 2))).toBeLessThanOrEqual(1);
    expect(Math.abs((rtl ? rect.right : rect.left) - (x + 3))).toBeLessThanOrEqual(1);
    expect(document.querySelector('[role="menu"]')!.getAttribute('aria-label')).toContain(row.querySelector('.ik-ConversationItem-title')?.textContent ?? '');
    await touch('pointerup', 3, 2);
    // The release's click did not close or reselect anything: the menu is still open.
    row.click();
    expect(document.querySelector('[role="menu"]')).not.toBeNull();
    await close();
  });

  it('starts selecting for a long press on touch when the inbox selects many (its default)', async () => {
    const { grid } = await setup(dir);
    const row = grid.querySelectorAll<HTMLElement>('[role="row"]')[3]!;
    const box = row.getBoundingClientRect();
    const at = { bubbles: true, cancelable: true, pointerId: 8, pointerType: 'touch', isPrimary: true, clientX: box.left + 20, clientY: box.top + 20 };
    await act(async () => void row.dispatchEvent(new PointerEvent('pointerdown', at)));
    await expect.poll(() => row.getAttribute('aria-selected')).toBe('true');
    await act(async () => void row.dispatchEvent(new PointerEvent('pointerup', at)));
    expect(document.querySelector('[role="menu"]')).toBeNull();
    expect(document.querySelector('.ik-BatchActionBar')).not.toBeNull();
  });
});
