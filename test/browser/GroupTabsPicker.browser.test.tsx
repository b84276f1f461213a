/**
 * The group picker with real layout, focus and keys (Chromium): the create dialog is modal, so Tab never leaves it;
 * the list keeps its own scroll box, so a long list leaves the dialog's buttons on screen and the keyboard's option
 * is scrolled into view; in right to left the checks sit at the start edge, by the titles.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { GroupTabs } from '../../src/components/GroupTabs/index.js';
import type { InboxStore } from '../../src/core/store.js';
import { arMessages } from '../../src/locales/ar.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/controls.css';
import '../../src/styles/groupPicker.css';

const NOW = 1_700_000_000_000;
let store: InboxStore | undefined;

afterEach(() => {
  store?.disconnect();
  store = undefined;
  document.body.innerHTML = '';
});

async function setup(dir: 'ltr' | 'rtl' = 'ltr') {
  const conversations = Array.from({ length: 300 }, (_, i) =>
    makeConversation({ id: `C2Cu${i}`, title: i % 2 ? `Contact ${i}` : `جهة اتصال ${i}`, lastActivityAt: NOW - i * 1000, groupNames: i === 0 ? ['Work'] : [] }),
  );
  store = makeStore(createMemoryAdapter({ storage: null, conversations, groups: [{ name: 'Work', conversationIds: [] }] }));
  await store.connect();
  const rtl = dir === 'rtl' ? { locale: 'ar', messages: arMessages } : {};
  renderWithStore(
    <div dir={dir} style={{ padding: 16, inlineSize: 560 }}>
      <GroupTabs />
    </div>,
    store,
    rtl,
  );
  const create = document.querySelector<HTMLButtonElement>('.ik-GroupTabs-create')!;
  await userEvent.click(create);
  const dialog = document.querySelector<HTMLDialogElement>('dialog.ik-Dialog')!;
  await expect.poll(() => dialog.open).toBe(true);
  return { dialog, list: dialog.querySelector<HTMLElement>('[role="listbox"]')! };
}

describe('the group picker in a browser', () => {
  it('is modal: Tab cycles inside the dialog and never reaches the tabs behind it', async () => {
    const { dialog } = await setup();
    expect(dialog.matches(':modal')).toBe(true);
    for (let i = 0; i < 12; i++) {
      await userEvent.keyboard('{Tab}');
      const active = document.activeElement;
      // Past the last control focus may rest on the document itself for a step (the browser's own UI), never on the page.
      if (active && active !== document.body) expect(dialog.contains(active)).toBe(true);
    }
  });

  it('keeps a long list in its own scroll box, with the buttons on screen, and scrolls the keyboard’s option into view', async () => {
    const { dialog, list } = await setup();
    const box = dialog.getBoundingClientRect();
    expect(box.bottom).toBeLessThanOrEqual(window.innerHeight);
    expect(list.scrollHeight).toBeGreaterThan(list.clientHeight);
    list.focus();
    await userEvent.keyboard('{End}');
    const last = document.getElementById(list.getAttribute('aria-activedescendant')!)!;
    await expect.poll(() => last.getBoundingClientRect().bottom <= list.getBoundingClientRect().bottom + 1).toBe(true);
    expect(list.scrollTop).toBeGreaterThan(0);
    const confirm = dialog.querySelector('.ik-Dialog-confirm')!.getBoundingClientRect();
    expect(confirm.bottom).toBeLessThanOrEqual(window.innerHeight);
  });

  it('puts the checks and the titles at the start edge in right to left, whatever the title’s script', async () => {
    const { list } = await setup('rtl');
    const listBox = list.getBoundingClientRect();
    for (const option of Array.from(list.querySelectorAll<HTMLElement>('[role="option"]')).slice(0, 4)) {
      const check = option.querySelector('.ik-GroupTabs-pickerCheck')!.getBoundingClientRect();
      const title = option.querySelector('.ik-GroupTabs-pickerTitle bdi')!.getBoundingClientRect();
      expect(listBox.right - check.right).toBeLessThan(16);
      // The title ends at the check, Latin or Arabic.
      expect(check.left - title.right).toBeGreaterThanOrEqual(0);
      expect(check.left - title.right).toBeLessThan(16);
    }
  });
});
