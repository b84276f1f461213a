import { afterEach, describe, expect, it, vi } from 'vitest';
import { Inbox } from '../../src/components/Inbox/index.js';
import { ROW_TEXT_MAX } from '../../src/components/internal/clampText.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { createScriptedAdapter } from '../core/scriptedAdapter.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

// In real Chromium: prototype-name ids, a lone-surrogate group name from the backend and a 1 MB title render with no
// error, and what a row lays out is bounded (the megabyte never reaches layout). Render time is printed, not asserted:
// tests do not depend on the machine's speed; the bound is structural.

const ODD_GROUP = 'R&D\uD800';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<Inbox> with hostile data in Chromium', () => {
  it('renders every row, bounded, with no error', async () => {
    const errors: unknown[] = [];
    vi.spyOn(console, 'error').mockImplementation((...args) => errors.push(args));
    const onWindowError = (event: ErrorEvent) => errors.push(event.error);
    window.addEventListener('error', onWindowError);
    const huge = `${'Priya'.repeat(200_000)} Lewis`;
    const s = createScriptedAdapter({
      conversations: [
        makeConversation({ id: 'constructor', title: 'Constructor', lastActivityAt: 3_000, unreadCount: 3, groupNames: [ODD_GROUP] }),
        makeConversation({ id: '__proto__', title: huge, lastActivityAt: 2_000, lastMessage: { preview: huge, sentAt: 2_000 } }),
        makeConversation({ id: 'toString', title: 'To String', lastActivityAt: 1_000, groupNames: [ODD_GROUP] }),
      ],
      groups: [{ name: ODD_GROUP, conversationIds: ['constructor', 'toString'] }],
    });
    // The same Inbox with ordinary titles first, for the printed comparison.
    const plain = createScriptedAdapter({
      conversations: ['a', 'b', 'c'].map((id, i) => makeConversation({ id, title: `Plain ${id}`, lastActivityAt: 1_000 * (i + 1) })),
    });
    const plainStore = makeStore(plain.adapter);
    await plainStore.connect();
    const plainStarted = performance.now();
    const plainView = renderWithStore(<Inbox aria-label="Plain" />, plainStore);
    await expect.poll(() => plainView.container.querySelectorAll('[role="row"]').length).toBe(3);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const plainElapsed = performance.now() - plainStarted;
    plainView.unmount();
    plainStore.disconnect();

    const store = makeStore(s.adapter);
    await store.connect();
    const started = performance.now();
    const view = renderWithStore(
      <div style={{ height: 480, width: 390 }}>
        <Inbox aria-label="Conversations" />
      </div>,
      store,
    );
    await expect.poll(() => view.container.querySelectorAll('[role="row"]').length).toBe(3);
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    const elapsed = performance.now() - started;
    console.info(`[hostile] 3 rows with a 1 MB title: ${elapsed.toFixed(1)} ms to paint; 3 plain rows: ${plainElapsed.toFixed(1)} ms`);
    const rows = [...view.container.querySelectorAll<HTMLElement>('[role="row"]')];
    for (const row of rows) expect(row.textContent.length).toBeLessThan(3 * ROW_TEXT_MAX);
    // The huge row stays one row tall: nothing of the megabyte wraps or overflows.
    const heights = rows.map((row) => row.getBoundingClientRect().height);
    expect(Math.max(...heights) - Math.min(...heights)).toBeLessThan(1);
    expect(view.getByRole('tab', { name: /R&D/ })).toBeTruthy();
    window.removeEventListener('error', onWindowError);
    expect(errors).toEqual([]);
    store.disconnect();
  });
});
