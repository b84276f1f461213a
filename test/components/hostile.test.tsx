import { act, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox, type InboxProps } from '../../src/components/Inbox/index.js';
import { ROW_TEXT_MAX } from '../../src/components/internal/clampText.js';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { InboxProvider } from '../../src/react/InboxProvider.js';
import { useInboxStore } from '../../src/react/context.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { createScriptedAdapter } from '../core/scriptedAdapter.js';
import { makeStore, overscanRendered, renderWithStore } from '../utils/render.js';

// The acceptance: <Inbox> with ids `constructor`, `__proto__` and `toString`, a lone-surrogate group name
// from the backend and a 1 MB title renders with no error, and its per-row work is bounded by a constant.

const VIRTUALIZER: InboxProps['virtualizerOptions'] = {
  initialRect: { width: 360, height: 640 },
  observeElementRect: (_instance, callback) => {
    callback({ width: 360, height: 640 });
    return () => {};
  },
};

const ODD_GROUP = 'R&D\uD800';
const MEGABYTE_TITLE = `${'Priya'.repeat(200_000)} Lewis`;

function hostileAdapter() {
  const rows = [
    makeConversation({ id: 'constructor', title: 'Constructor Crew', unreadCount: 2, lastActivityAt: 3_000, groupNames: [ODD_GROUP] }),
    makeConversation({ id: '__proto__', title: MEGABYTE_TITLE, lastActivityAt: 2_000, lastMessage: { preview: 'x'.repeat(1 << 20), sentAt: 2_000 } }),
    makeConversation({ id: 'toString', title: 'To String', lastActivityAt: 1_000, groupNames: [ODD_GROUP] }),
  ];
  return createScriptedAdapter({ conversations: rows, groups: [{ name: ODD_GROUP, conversationIds: ['constructor', 'toString'] }] });
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('<Inbox> with hostile data', () => {
  it('renders prototype-name ids, a lone-surrogate group and a 1 MB title without an error', async () => {
    const s = hostileAdapter();
    const store = makeStore(s.adapter);
    await store.connect();
    const onError = vi.spyOn(console, 'error');
    const segmented: number[] = [];
    const segment = Intl.Segmenter.prototype.segment;
    vi.spyOn(Intl.Segmenter.prototype, 'segment').mockImplementation(function (this: Intl.Segmenter, input: string) {
      segmented.push(input.length);
      return segment.call(this, input);
    });
    renderWithStore(<Inbox aria-label="Conversations" virtualizerOptions={VIRTUALIZER} />, store);
    await screen.findAllByRole('row');
    await overscanRendered();
    const rows = screen.getAllByRole('row');
    expect(rows).toHaveLength(3);
    // Each row shows at most ROW_TEXT_MAX characters of its title and preview, and initials read a bounded window.
    const huge = rows[1]!;
    expect(huge.textContent.length).toBeLessThan(3 * ROW_TEXT_MAX);
    expect(Math.max(...segmented)).toBeLessThanOrEqual(64);
    expect(within(huge).getByText('PL')).toBeDefined();
    expect(screen.getByRole('tab', { name: /R&D/ })).toBeDefined();
    expect(onError).not.toHaveBeenCalled();
  });

  it('shows a failure on the `constructor` row only, and none on the others', async () => {
    const s = hostileAdapter();
    const store = makeStore(s.adapter);
    await store.connect();
    renderWithStore(<Inbox aria-label="Conversations" virtualizerOptions={VIRTUALIZER} />, store);
    await screen.findAllByRole('row');
    await overscanRendered();
    s.setAuto(false);
    const pin = store.getState().actions.pin('constructor', true).catch(() => undefined);
    await act(async () => {
      s.last('pin').reject(s.failure());
      await pin;
    });
    const failed = document.querySelectorAll('[data-failed], .ik-ConversationItem-failure, [role="alert"]');
    expect(failed.length).toBeGreaterThan(0);
    expect(store.getState().failures.size).toBe(1);
    expect(store.getState().failures.has('toString')).toBe(false);
  });
});

describe('<InboxProvider> and accounts', () => {
  it('a new adapter (an account switch) gets a new store: nothing of the old account shows', async () => {
    const alice = createMemoryAdapter({ conversations: [makeConversation({ id: 'C2Cbob', title: 'Bob for Alice' })], account: 'alice' });
    const bob = createMemoryAdapter({ conversations: [makeConversation({ id: 'C2Calice', title: 'Alice for Bob' })], account: 'bob' });
    const stores: unknown[] = [];
    function Probe() {
      stores.push(useInboxStore(undefined, 'Probe'));
      return null;
    }
    function App() {
      const [adapter, setAdapter] = useState(alice);
      return (
        <InboxProvider adapter={adapter} draftStorage={createMemoryDraftStorage()}>
          <button onClick={() => setAdapter(bob)}>switch</button>
          <Probe />
          <Inbox aria-label="Conversations" virtualizerOptions={VIRTUALIZER} />
        </InboxProvider>
      );
    }
    render(<App />);
    expect(await screen.findByText('Bob for Alice')).toBeDefined();
    await act(async () => screen.getByText('switch').click());
    expect(await screen.findByText('Alice for Bob')).toBeDefined();
    expect(screen.queryByText('Bob for Alice')).toBeNull();
    expect(new Set(stores).size).toBe(2);
  });
});
