import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import type { Conversation } from '../../src/core/types.js';
import { arMessages } from '../../src/locales/ar.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';
import '../../src/styles/batch.css';
import '../../src/styles/jump.css';

const NOW = new Date(2024, 2, 15, 14, 30).getTime();
const GROUPS = ['Work', 'Friends', 'Family', 'Suppliers', 'R&D', 'Football'];

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  vi.restoreAllMocks();
});

function conversations(): Conversation[] {
  const at = (minutes: number) => NOW - minutes * 60_000;
  return Array.from({ length: 14 }, (_, i) =>
    makeConversation({
      id: `C2C${i}`,
      title: i % 3 ? `A rather long conversation title number ${i}` : `Chat ${i}`,
      unreadCount: [0, 3, 250, 12][i % 4],
      isPinned: i === 0,
      lastActivityAt: at(i * 60 * 24 * 3 + 7),
      lastMessage: { preview: `The last message of conversation ${i}, long enough to be cut`, sentAt: at(i * 60 * 24 * 3 + 7) },
      groupNames: [GROUPS[i % GROUPS.length]!],
    }),
  );
}

async function mount(width: number, dir: 'ltr' | 'rtl' = 'ltr') {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const all = conversations();
  const adapter = createMemoryAdapter({
    conversations: all,
    groups: GROUPS.map((name) => ({ name, conversationIds: all.filter((c) => c.groupNames.includes(name)).map((c) => c.id) })),
  });
  const store = makeStore(adapter);
  await store.connect();
  disconnect = () => store.disconnect();
  const view = renderWithStore(
    <div dir={dir} style={{ width, height: 568, display: 'flex', flexDirection: 'column' }}>
      <Inbox aria-label="Inbox" listProps={{ now: NOW }} />
    </div>,
    store,
    dir === 'rtl' ? { locale: 'ar', messages: arMessages } : {},
  );
  const grid = await vi.waitFor(() => {
    const found = view.container.querySelector<HTMLElement>('[role="grid"]');
    expect(found?.querySelectorAll('[role="row"]').length).toBeGreaterThan(5);
    return found!;
  });
  const strip = view.container.querySelector<HTMLElement>('.ik-GroupTabs')!;
  return { ...view, grid, strip, store };
}

/** The inner box lies within the outer one, horizontally (half a pixel of rounding allowed). */
function expectWithin(inner: Element, outer: Element) {
  const a = inner.getBoundingClientRect();
  const b = outer.getBoundingClientRect();
  expect(a.width).toBeGreaterThan(0);
  expect(a.left).toBeGreaterThanOrEqual(b.left - 0.5);
  expect(a.right).toBeLessThanOrEqual(b.right + 0.5);
}

describe('phones, 320 px and up', () => {
  for (const [width, dir] of [
    [320, 'ltr'],
    [320, 'rtl'],
    [390, 'ltr'],
  ] as const) {
    it(`clips no time, badge or "New group" at ${width} px (${dir})`, async () => {
      const { grid, strip } = await mount(width, dir);
      expect(strip.getBoundingClientRect().width).toBeLessThanOrEqual(width);
      for (const row of grid.querySelectorAll('.ik-ConversationItem')) {
        expectWithin(row.querySelector('.ik-ConversationItem-time')!, row);
        const badge = row.querySelector('.ik-ConversationItem-unreadBadge');
        if (badge) expectWithin(badge, row);
      }
      expectWithin(strip.querySelector('.ik-GroupTabs-create')!, strip);
      // Hidden scroll buttons take no room: the tabs start at the strip's start edge.
      const viewport = strip.querySelector('.ik-GroupTabs-viewport')!.getBoundingClientRect();
      const box = strip.getBoundingClientRect();
      const startGap = dir === 'ltr' ? viewport.left - box.left : box.right - viewport.right;
      expect(startGap).toBeLessThanOrEqual(8.5);
    });
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`puts the active group's ⋯ right after its tab, and scrolls it with the tab (${dir})`, async () => {
      const { strip } = await mount(320, dir);
      await userEvent.click(strip.querySelector<HTMLElement>('[role="tab"]:nth-child(4)')!);
      const tab = await vi.waitFor(() => {
        const found = strip.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
        expect(found?.textContent).toContain('Family');
        return found!;
      });
      const options = strip.querySelector<HTMLElement>('.ik-GroupTabs-options')!;
      const gap = () =>
        dir === 'ltr'
          ? options.getBoundingClientRect().left - tab.getBoundingClientRect().right
          : tab.getBoundingClientRect().left - options.getBoundingClientRect().right;
      await vi.waitFor(() => expect(Math.abs(gap())).toBeLessThan(2));
      // And the tab is in view, not under the fade.
      expectWithin(tab, strip.querySelector('.ik-GroupTabs-viewport')!);
    });
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`keeps the batch bar one row high at 320 px, every action reachable from the keyboard (${dir})`, async () => {
      const { grid, container } = await mount(320, dir);
      grid.focus();
      await userEvent.keyboard('{ArrowDown}{Shift>}{ArrowDown}{ArrowDown}{/Shift}');
      const bar = await vi.waitFor(() => {
        const found = container.querySelector<HTMLElement>('.ik-BatchActionBar');
        expect(found?.dataset.count).toBe('3');
        return found!;
      });
      const toolbar = bar.querySelector<HTMLElement>('[role="toolbar"]')!;
      const strip = bar.querySelector<HTMLElement>('.ik-BatchActionBar-actions')!;
      const markRead = strip.querySelector<HTMLElement>('[data-action="markRead"]')!;
      // One row: the toolbar is no taller than a button and its focus ring, and the count and × stay in view.
      expect(toolbar.getBoundingClientRect().height).toBeLessThan(markRead.getBoundingClientRect().height + 12);
      expectWithin(bar.querySelector('.ik-BatchActionBar-count')!, bar);
      expectWithin(bar.querySelector('.ik-BatchActionBar-clear')!, bar);
      expect(strip.scrollWidth).toBeGreaterThan(strip.clientWidth);
      // A mouse wheel over the actions scrolls them sideways, toward the end.
      strip.dispatchEvent(new WheelEvent('wheel', { deltaY: 120, bubbles: true }));
      await vi.waitFor(() => expect(Math.abs(strip.scrollLeft)).toBeGreaterThan(0));
      expect(Math.sign(strip.scrollLeft)).toBe(dir === 'ltr' ? 1 : -1);
      // End goes to the last action (×), the arrow back to Delete, which scrolls into view.
      markRead.focus();
      await userEvent.keyboard('{End}');
      await userEvent.keyboard(dir === 'ltr' ? '{ArrowLeft}' : '{ArrowRight}');
      const remove = strip.querySelector<HTMLElement>('[data-action="delete"]')!;
      expect(document.activeElement).toBe(remove);
      await vi.waitFor(() => expectWithin(remove, strip));
    });
  }

  for (const dir of ['ltr', 'rtl'] as const) {
    it(`keeps the row focused from the keyboard clear of the floating jump control (${dir})`, async () => {
      const { grid, container } = await mount(320, dir);
      const jump = container.querySelector<HTMLElement>('.ik-UnreadJump')!;
      const focusedRow = () => document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
      grid.focus();
      await userEvent.keyboard('{Home}');
      // Down the list a row at a time: each focused row is scrolled into view above the control, not under it.
      for (let step = 0; step < 10; step++) {
        await userEvent.keyboard('{ArrowDown}');
        await vi.waitFor(() => {
          const row = focusedRow();
          expect(row?.getAttribute('aria-rowindex')).toBe(String(step + 2));
          expect(row!.getBoundingClientRect().bottom).toBeLessThanOrEqual(jump.getBoundingClientRect().top + 0.5);
        });
      }
    });
  }

  it('selects a newly created group and scrolls its tab into view', async () => {
    const { strip, store, container } = await mount(320);
    await userEvent.click(strip.querySelector<HTMLElement>('.ik-GroupTabs-create')!);
    const input = await vi.waitFor(() => {
      const found = document.querySelector<HTMLInputElement>('.ik-GroupTabs-input');
      expect(found).not.toBeNull();
      return found!;
    });
    await userEvent.type(input, 'Clients');
    await userEvent.keyboard('{Enter}');
    await vi.waitFor(() => expect(store.getState().groups.some((g: { name: string }) => g.name === 'Clients')).toBe(true));
    const tab = await vi.waitFor(() => {
      const found = strip.querySelector<HTMLElement>('[role="tab"][aria-selected="true"]');
      expect(found?.textContent).toContain('Clients');
      return found!;
    });
    await vi.waitFor(() => expectWithin(tab, strip.querySelector('.ik-GroupTabs-viewport')!));
    expect(container.querySelector('.ik-Inbox')).toHaveAttribute('data-group', 'Clients');
  });
});
