import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

const NOW = new Date(2024, 2, 15, 14, 30).getTime();

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  vi.restoreAllMocks();
});

function conversations(): Conversation[] {
  return Array.from({ length: 12 }, (_, i) =>
    makeConversation({
      id: `C2C${i}`,
      title: `Contact ${i}`,
      isPinned: i < 2,
      lastActivityAt: NOW - i * 60_000,
      lastMessage: { preview: `Message ${i}`, sentAt: NOW - i * 60_000 },
    }),
  );
}

async function mount(theme: 'light' | 'dark') {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  const adapter = createMemoryAdapter({ conversations: conversations() });
  const store = makeStore(adapter);
  await store.connect();
  disconnect = () => store.disconnect();
  const view = renderWithStore(
    <div data-theme={theme} style={{ width: 390, height: 600, display: 'flex', flexDirection: 'column' }}>
      <Inbox aria-label="Inbox" listProps={{ now: NOW }} />
    </div>,
    store,
  );
  const grid = await vi.waitFor(() => {
    const found = view.container.querySelector<HTMLElement>('[role="grid"]');
    expect(found?.querySelectorAll('[role="row"]').length).toBeGreaterThan(6);
    return found!;
  });
  return { ...view, adapter, store, grid };
}

const row = (grid: HTMLElement, id: string) => grid.querySelector<HTMLElement>(`[data-conversation-id="${id}"] .ik-ConversationItem`)!;
const overlaps = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

describe('pinned rows', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`are visibly distinct from other rows: a tinted background and an accent pin (${theme})`, async () => {
      const { grid } = await mount(theme);
      const pinned = getComputedStyle(row(grid, 'C2C0'));
      const plain = getComputedStyle(row(grid, 'C2C5'));
      expect(pinned.backgroundColor).not.toBe(plain.backgroundColor);
      const pin = row(grid, 'C2C0').querySelector('.ik-ConversationItem-pinIndicator')!;
      const time = row(grid, 'C2C0').querySelector('.ik-ConversationItem-time')!;
      // The pin is coloured (the accent), not the grey of the time.
      expect(getComputedStyle(pin).color).not.toBe(getComputedStyle(time).color);
    });
  }
});

describe('a failed command', () => {
  it('shows once, on its row; the menu\'s notice is announced but not drawn, so nothing covers the rows', async () => {
    const { grid, adapter, store, container } = await mount('light');
    adapter.failNext('pin');
    await store.getState().actions.pin('C2C3', true).catch(() => {});
    const notice = await vi.waitFor(() => {
      const found = grid.querySelector<HTMLElement>('.ik-ConversationItem-failureNotice');
      expect(found).not.toBeNull();
      return found!;
    });
    expect(notice.getBoundingClientRect().height).toBeGreaterThan(10);
    expect(notice).toHaveTextContent('Couldn’t change pin');
    // What ConversationActions renders inside an Inbox when its command fails: the same failure, in other words,
    // with a Dismiss button (built here as it is there, so this checks the Inbox's stylesheet alone).
    const actions = document.createElement('div');
    actions.className = 'ik-ConversationActions';
    actions.innerHTML =
      '<p role="alert" class="ik-ConversationActions-error ik-Error"><span class="ik-Error-message">Injected failure of pin.</span> <button type="button" class="ik-Error-dismiss" aria-label="Dismiss">×</button></p>';
    container.querySelector('.ik-Inbox')!.append(actions);
    const toast = actions.firstElementChild!;
    const box = toast.getBoundingClientRect();
    expect(box.width * box.height).toBeLessThanOrEqual(1);
    expect(toast.querySelector('button')!.getClientRects()).toHaveLength(0);
    for (const r of grid.querySelectorAll('[role="row"]')) expect(overlaps(box, r.getBoundingClientRect()) && box.width > 1).toBe(false);
    // Still in the accessibility tree, so role="alert" announces it.
    expect(getComputedStyle(toast).display).not.toBe('none');
    expect(getComputedStyle(toast).visibility).toBe('visible');
  });
});
