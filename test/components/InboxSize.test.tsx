import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { Inbox } from '../../src/components/Inbox/index.js';
import { resetSizeWarning, SIZE_WARNING } from '../../src/components/Inbox/useSizeCheck.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';

/**
 * jsdom has no layout, so each case gives the inbox the heights a browser would: `collapsed` while the check takes
 * the panel's fallback height away (`flex-basis: 0px`), `full` otherwise.
 */
function layout(full: number, collapsed: number) {
  vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
    const panel = this.querySelector<HTMLElement>(':scope > .ik-Inbox-panel');
    const height = this.classList.contains('ik-Inbox') ? (panel?.style.flexBasis === '0px' ? collapsed : full) : 0;
    return DOMRect.fromRect({ width: 320, height });
  });
}

async function renderInbox() {
  const store = makeStore(createMemoryAdapter({ conversations: [makeConversation({ id: 'C2Ca', title: 'A' })] }));
  await store.connect();
  return renderWithStore(<Inbox />, store);
}

beforeEach(() => resetSizeWarning());
afterEach(() => vi.restoreAllMocks());

describe('Inbox without a sized parent', () => {
  it('says once in development how to size its parent, and leaves the fallback height in place', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    layout(488, 41);
    const first = await renderInbox();
    await renderInbox();
    const calls = warn.mock.calls.filter(([message]) => String(message).startsWith('[inboxkit] <Inbox>'));
    expect(calls).toEqual([[SIZE_WARNING]]);
    expect(SIZE_WARNING).toMatch(/height: 100vh/);
    // The measurement put the stylesheet's flex-basis back.
    expect(first.container.querySelector<HTMLElement>('.ik-Inbox-panel')!.style.flexBasis).toBe('');
  });

  it('says nothing when the parent (or the inbox itself) has a height', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    layout(480, 480);
    await renderInbox();
    expect(warn.mock.calls.filter(([message]) => String(message).includes('<Inbox>'))).toEqual([]);
  });

  it('says nothing where nothing is laid out (hidden, or no layout engine)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    layout(0, 0);
    await renderInbox();
    expect(warn.mock.calls.filter(([message]) => String(message).includes('<Inbox>'))).toEqual([]);
  });
});
