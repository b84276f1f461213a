import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { GroupTabs } from '../../src/components/GroupTabs/index.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';
import '../../src/styles/folded.css';

// In a real Chromium: the folded row's layout (light and dark) and a real mouse drag of a row onto a group tab.

const NOW = new Date(2024, 2, 15, 14, 0).getTime();
const conv = (i: number, extra: Partial<Conversation> = {}): Conversation =>
  makeConversation({
    id: `C2Cu${i}`,
    title: `Conversation ${i}`,
    lastActivityAt: NOW - i * 60_000,
    lastMessage: { preview: `Message ${i}`, sentAt: NOW - i * 60_000 },
    ...extra,
  });

function conversations(): Conversation[] {
  const list = Array.from({ length: 8 }, (_, i) => conv(i));
  list[2] = conv(2, { title: 'Alice', marks: ['fold'], unreadCount: 3, lastMessage: { preview: 'hello', sentAt: NOW - 2 * 60_000 } });
  list[4] = conv(4, { marks: ['fold'], unreadCount: 2 });
  list[1] = conv(1, { unreadCount: 5 });
  return list;
}

let cleanup: (() => void) | undefined;
afterEach(() => {
  cleanup?.();
  cleanup = undefined;
});

async function setup(theme: 'light' | 'dark' = 'light') {
  const adapter = createMemoryAdapter({ conversations: conversations(), groups: [{ name: 'Work', conversationIds: [] }] });
  const store = makeStore(adapter);
  await store.connect();
  cleanup = () => store.disconnect();
  const view = renderWithStore(
    <div data-theme={theme} className="ik-theme-root" style={{ width: 380, background: theme === 'dark' ? '#000' : '#fff' }}>
      <GroupTabs />
      <div style={{ height: 420 }}>
        <ConversationList aria-label="Conversations" now={NOW} />
      </div>
    </div>,
    store,
  );
  const grid = view.container.querySelector<HTMLElement>('[role="grid"]')!;
  await expect.poll(() => grid.querySelectorAll('[role="row"]').length).toBeGreaterThan(0);
  return { store, view, grid };
}

describe('ConversationList in Chromium: the folded row', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`lines up with the rows around it (${theme})`, async () => {
      const { grid } = await setup(theme);
      const rows = [...grid.querySelectorAll<HTMLElement>('[role="row"]')];
      const folded = grid.querySelector<HTMLElement>('[data-folded-row]')!;
      expect(folded.dataset.index).toBe('2');
      // Same height and the same text columns as a conversation row.
      const item = (row: HTMLElement) => row.querySelector<HTMLElement>('.ik-ConversationItem')!;
      expect(item(folded).getBoundingClientRect().height).toBe(item(rows[0]!).getBoundingClientRect().height);
      const title = (row: HTMLElement) => row.querySelector<HTMLElement>('.ik-ConversationItem-title')!.getBoundingClientRect().left;
      expect(title(folded)).toBe(title(rows[0]!));
      const badge = folded.querySelector<HTMLElement>('.ik-ConversationItem-unreadBadge')!;
      expect(badge.textContent).toContain('5');
    });
  }

  it('opens with a click and shows the folded conversations under a Back header', async () => {
    const { grid } = await setup();
    await userEvent.click(grid.querySelector<HTMLElement>('[data-folded-row]')!);
    await expect.poll(() => grid.getAttribute('aria-label')).toBe('Folded chats');
    expect([...grid.querySelectorAll('[role="row"]')].map((row) => row.getAttribute('data-conversation-id'))).toEqual(['C2Cu2', 'C2Cu4']);
  });

  it('drags a row onto a group tab with the mouse (HTML5 drag and drop), which adds it to the group', async () => {
    const { grid, store } = await setup();
    const row = grid.querySelector<HTMLElement>('[data-conversation-id="C2Cu3"]')!;
    const tab = document.querySelector<HTMLElement>('[role="tab"][data-all] ~ [role="tab"]')!;
    await userEvent.dragAndDrop(row, tab);
    await expect.poll(() => store.getState().lists.ids('Work')).toEqual(['C2Cu3']);
  });
});
