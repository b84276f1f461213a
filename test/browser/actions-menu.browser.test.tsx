import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { createMemoryAdapter, generateConversations } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

// Activating an item of <Inbox>'s row actions menu in real Chromium (issue 14): a report said Enter or a click on
// "Pin" did not reach the adapter. Real pointer and keyboard input (Playwright), every way to open the menu crossed
// with every way to choose the item; the pin must land in the store and in the memory adapter's own state.

const NOW = Date.UTC(2026, 10, 23, 12);

let cleanupStore: (() => void) | undefined;
beforeEach(async () => {
  await page.viewport(800, 600);
});
afterEach(() => {
  cleanupStore?.();
  cleanupStore = undefined;
});

async function setup() {
  const conversations = generateConversations(60, { seed: 5, now: NOW });
  const adapter = createMemoryAdapter({ conversations, pageSize: 60 });
  const store = makeStore(adapter, { pageSize: 60 });
  await store.connect();
  cleanupStore = () => store.disconnect();
  const view = renderWithStore(
    <div style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column' }}>
      <Inbox aria-label="Inbox" listProps={{ now: NOW }} style={{ flex: '1 1 auto', minHeight: 0 }} />
    </div>,
    store,
  );
  const grid = view.container.querySelector<HTMLElement>('[role="grid"]')!;
  await expect.poll(() => grid.querySelectorAll('[role="row"]').length).toBeGreaterThan(5);
  // The first unpinned row on screen (pinned rows come first).
  const row = [...grid.querySelectorAll<HTMLElement>('[role="row"]')].find((r) => !store.getState().conversations.get(r.dataset.conversationId!)?.isPinned)!;
  const id = row.dataset.conversationId!;
  const isPinnedInAdapter = () => adapter.getSnapshot().conversations.find((c) => c.id === id)?.isPinned;
  expect(store.getState().conversations.get(id)!.isPinned).toBe(false);
  expect(isPinnedInAdapter()).toBe(false);
  return { grid, row, id, store, isPinnedInAdapter };
}

type Setup = Awaited<ReturnType<typeof setup>>;

const menuOpen = async () => {
  await expect.poll(() => document.querySelector('[role="menu"]')).not.toBeNull();
  return document.querySelector<HTMLElement>('[role="menu"]')!;
};

const OPEN = {
  'a right click': async ({ row }: Setup) => {
    await userEvent.click(row, { button: 'right' });
  },
  'Shift+F10': async ({ grid, row }: Setup) => {
    // Focus the row as a user does (a click selects and focuses it), then ask for its actions.
    await userEvent.click(row);
    expect(document.activeElement).toBe(grid);
    await userEvent.keyboard('{Shift>}{F10}{/Shift}');
  },
};

const CHOOSE = {
  'a click': async (item: HTMLElement) => {
    await userEvent.click(item);
  },
  Enter: async (item: HTMLElement) => {
    // The menu opens with focus on its first item, Pin.
    await expect.poll(() => document.activeElement).toBe(item);
    await userEvent.keyboard('{Enter}');
  },
};

describe('<Inbox> row actions menu in Chromium', () => {
  for (const [openName, open] of Object.entries(OPEN)) {
    for (const [chooseName, choose] of Object.entries(CHOOSE)) {
      it(`pins the conversation: opened by ${openName}, Pin chosen by ${chooseName}`, async () => {
        const context = await setup();
        const { id, store, isPinnedInAdapter } = context;
        await open(context);
        const menu = await menuOpen();
        // The menu is for the row that was asked for.
        expect(menu.getAttribute('aria-label')).toContain(store.getState().conversations.get(id)!.title);
        const pin = menu.querySelector<HTMLElement>('[data-action="pin"]')!;
        expect(pin).not.toBeNull();
        await choose(pin);
        await expect.poll(() => store.getState().conversations.get(id)!.isPinned).toBe(true);
        await expect.poll(isPinnedInAdapter).toBe(true);
        // Settled, not just optimistic: nothing in flight, no failure, and the menu closed.
        await expect.poll(() => store.getState().pending.size).toBe(0);
        expect(store.getState().failures.size).toBe(0);
        expect(document.querySelector('[role="menu"]')).toBeNull();
      });
    }
  }
});

describe('<Inbox> group tab menu in Chromium', () => {
  it('opens at the pointer for a right click on a tab, and Rename chosen by a click opens the rename dialog', async () => {
    const conversations = generateConversations(20, { seed: 5, now: NOW });
    const adapter = createMemoryAdapter({ conversations, groups: [{ name: 'Work', conversationIds: [conversations[0]!.id] }] });
    const store = makeStore(adapter);
    await store.connect();
    cleanupStore = () => store.disconnect();
    renderWithStore(
      <div style={{ position: 'fixed', inset: 0, display: 'flex', flexDirection: 'column' }}>
        <Inbox aria-label="Inbox" groupTabsProps={{ isEditable: true }} listProps={{ now: NOW }} style={{ flex: '1 1 auto', minHeight: 0 }} />
      </div>,
      store,
    );
    await expect.poll(() => document.querySelector('[role="tab"]:not([data-all])')).not.toBeNull();
    const tab = document.querySelector<HTMLElement>('[role="tab"]:not([data-all])')!;
    const box = tab.getBoundingClientRect();
    // A point inside the tab, away from its start edge, so "at the pointer" differs from "at the tab".
    const offset = { x: Math.round(box.width * 0.75), y: Math.round(box.height / 2) };
    await userEvent.click(tab, { button: 'right', position: offset });
    const menu = await menuOpen();
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const rect = menu.getBoundingClientRect();
    expect(Math.abs(rect.left - (box.left + offset.x))).toBeLessThanOrEqual(1);
    expect(Math.abs(rect.top - (box.top + offset.y))).toBeLessThanOrEqual(1);
    // Menu items run in Chromium (their click reaches the item before the menu closes).
    await userEvent.click(menu.querySelector<HTMLElement>('[role="menuitem"]')!);
    await expect.poll(() => document.querySelector('dialog[open] input')).not.toBeNull();
    expect(document.querySelector<HTMLInputElement>('dialog[open] input')!.value).toBe('Work');
    expect(document.querySelector('[role="menu"]')).toBeNull();
  });
});
