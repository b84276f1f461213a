import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import { resetSizeWarning } from '../../src/components/Inbox/useSizeCheck.js';
import type { Conversation } from '../../src/core/types.js';
import { arMessages } from '../../src/locales/ar.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

const ROW = 64;
const NOW = new Date(2024, 2, 15, 14, 30).getTime();
const MINUTE = 60_000;

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  disconnect = undefined;
  vi.restoreAllMocks();
});

const LONG_ENGLISH = 'Please review the PR when you have a minute, the deploy window closes at five and we still need a sign-off';

/** Conversations whose times have different widths ("2:29 PM", "Wed", "Mar 1", "11/20/2023"). */
function conversations(): Conversation[] {
  const at = (minutesAgo: number) => NOW - minutesAgo * MINUTE;
  const make = (id: string, title: string, minutesAgo: number, preview: string, extra: Partial<Conversation> = {}) =>
    makeConversation({ id, title, lastActivityAt: at(minutesAgo), lastMessage: { preview, sentAt: at(minutesAgo) }, ...extra });
  return [
    make('C2Cen', 'Priya Lewis', 1, LONG_ENGLISH, { unreadCount: 250 }),
    make('C2Car', 'سارة أحمد', 60 * 24 * 2, 'مرحبا! كيف حالك اليوم؟ هل انتهيت من المراجعة؟', { unreadCount: 3 }),
    make('GROUPdev', 'R&D', 60 * 24 * 14, 'ok', { kind: 'group', mentions: [{ kind: 'me' }], unreadCount: 1 }),
    make('C2Cold', 'Old friend', 60 * 24 * 400, 'See you next year'),
    ...Array.from({ length: 16 }, (_, i) => make(`C2Cfill${i}`, `Contact ${i}`, 60 * 24 * 600 + i, 'Hello')),
  ];
}

async function mount(ui: (inbox: React.ReactNode) => React.ReactNode, providerProps: Parameters<typeof renderWithStore>[2] = {}) {
  const store = makeStore(createMemoryAdapter({ conversations: conversations(), pageSize: 50 }), { pageSize: 50 });
  await store.connect();
  disconnect = () => store.disconnect();
  const view = renderWithStore(<>{ui(<Inbox aria-label="Inbox" listProps={{ now: NOW }} />)}</>, store, providerProps);
  const grid = await vi.waitFor(() => {
    const found = view.container.querySelector<HTMLElement>('[role="grid"]');
    expect(found?.querySelectorAll('[role="row"]').length).toBeGreaterThan(3);
    return found!;
  });
  return { ...view, grid };
}

const rowOf = (grid: HTMLElement, id: string) => grid.querySelector<HTMLElement>(`[data-conversation-id="${id}"]`)!;
const part = (row: HTMLElement, name: string) => row.querySelector<HTMLElement>(`.ik-ConversationItem-${name}`)!;
const rect = (element: Element) => element.getBoundingClientRect();
/** Where one character of a text node is drawn. */
function charRect(element: Element, index: number) {
  const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
  const text = walker.nextNode() as Text;
  const range = document.createRange();
  range.setStart(text, index);
  range.setEnd(text, index + 1);
  return range.getBoundingClientRect();
}

describe('Inbox on a host page', () => {
  it('shows a usable list inside a parent with no height, and warns once how to size it', async () => {
    resetSizeWarning();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { grid } = await mount((inbox) => <div style={{ width: 390 }}>{inbox}</div>);
    // Six full rows at least (the fallback is seven rows' worth of panel).
    expect(grid.clientHeight).toBeGreaterThan(ROW * 6);
    expect(warn.mock.calls.filter(([m]) => String(m).startsWith('[inboxkit] <Inbox>'))).toHaveLength(1);
  });

  it('fills a sized parent exactly, without warning', async () => {
    resetSizeWarning();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { container } = await mount((inbox) => <div style={{ width: 390, height: 300, display: 'flex', flexDirection: 'column' }}>{inbox}</div>);
    expect(rect(container.querySelector('.ik-Inbox')!).height).toBeCloseTo(300, 0);
    expect(warn.mock.calls.filter(([m]) => String(m).startsWith('[inboxkit] <Inbox>'))).toHaveLength(0);
  });

  it("keeps the host page's text alignment, font and line height out (Vite's #root { text-align: center })", async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { grid } = await mount((inbox) => (
      <div style={{ width: 390, textAlign: 'center', lineHeight: 3, font: 'italic 22px serif', letterSpacing: '3px' }}>{inbox}</div>
    ));
    expect(grid.clientHeight).toBeGreaterThan(ROW * 6);
    const row = rowOf(grid, 'C2Cold');
    const body = part(row, 'body');
    // The title and the preview start at the body's start edge, not in its middle.
    expect(rect(part(row, 'title')).left).toBeCloseTo(rect(body).left, 0);
    expect(rect(part(row, 'previewText')).left).toBeCloseTo(rect(body).left, 0);
    const style = getComputedStyle(part(row, 'title'));
    expect(style.fontStyle).toBe('normal');
    expect(style.letterSpacing).toBe('normal');
    expect(parseFloat(style.lineHeight)).toBeLessThan(22);
    expect(rect(row).height).toBe(ROW);
  });
});

describe('right to left', () => {
  for (const dir of ['ltr', 'rtl'] as const) {
    it(`puts every time at the row's far edge, a straight column (${dir})`, async () => {
      vi.spyOn(console, 'warn').mockImplementation(() => {});
      const { grid } = await mount(
        (inbox) => (
          <div dir={dir} style={{ width: 390, height: 600 }}>
            {inbox}
          </div>
        ),
        dir === 'rtl' ? { locale: 'ar', messages: arMessages } : {},
      );
      const edges = ['C2Cen', 'C2Car', 'GROUPdev', 'C2Cold'].map((id) => {
        const row = rowOf(grid, id);
        const time = rect(part(row, 'time'));
        const body = rect(part(row, 'body'));
        return dir === 'rtl' ? time.left - body.left : body.right - time.right;
      });
      for (const edge of edges) expect(Math.abs(edge)).toBeLessThan(1);
    });
  }

  it('isolates counts and prefixes: "99+" and "[@me]" read the same in a right-to-left row', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { grid } = await mount((inbox) => (
      <div dir="rtl" style={{ width: 390, height: 600 }}>
        {inbox}
      </div>
    ));
    const badge = part(rowOf(grid, 'C2Cen'), 'unreadBadge').querySelector('bdi')!;
    expect(badge.textContent).toBe('99+');
    expect(charRect(badge, 2).left).toBeGreaterThan(charRect(badge, 0).left);
    // The same in the tab strip: the All tab's badge.
    const tabBadge = document.querySelector<HTMLElement>('.ik-GroupTabs-badge')!;
    expect(tabBadge.textContent).toBe('99+');
    expect(charRect(tabBadge, 2).left).toBeGreaterThan(charRect(tabBadge, 0).left);
    const mention = part(rowOf(grid, 'GROUPdev'), 'mentionPrefix');
    expect(mention.textContent).toBe('[@me]');
    // "@" is drawn left of "m", as in English.
    expect(charRect(mention, 1).left).toBeLessThan(charRect(mention, 2).left);
  });

  it('cuts an English preview in a right-to-left row at its end, not its start', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const { grid } = await mount(
      (inbox) => (
        <div dir="rtl" style={{ width: 390, height: 600 }}>
          {inbox}
        </div>
      ),
      { locale: 'ar', messages: arMessages },
    );
    const text = part(rowOf(grid, 'C2Cen'), 'previewText');
    expect(text.scrollWidth).toBeGreaterThan(text.clientWidth);
    const box = rect(text);
    // The first letter is on screen, at the box's left; the end of the sentence is the part cut off.
    const first = charRect(text, 0);
    expect(first.left).toBeGreaterThanOrEqual(box.left - 1);
    expect(first.right).toBeLessThanOrEqual(box.right + 1);
    expect(charRect(text, LONG_ENGLISH.length - 1).left).toBeGreaterThan(box.right);
    // And the Arabic preview, in the same rows, starts at the right.
    const arabic = part(rowOf(grid, 'C2Car'), 'previewText');
    expect(rect(arabic).right).toBeCloseTo(rect(part(rowOf(grid, 'C2Car'), 'body')).right, 0);
  });
});
