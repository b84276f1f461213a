/// <reference types="vite/client" />
import axe from 'axe-core';
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
import readme from '../../README.md?raw';

const NOW = new Date(2024, 2, 15, 14, 30).getTime();

/** The re-brand of README's theming section, pasted from it (the test reads README to check they match). */
const README_BRAND = `.my-app {
  --ik-color-accent: #4f46e5;
  --ik-color-on-accent: #ffffff;
  --ik-color-row-selected: #e0e7ff;
  --ik-color-on-row-selected: #1e1b4b;
  --ik-row-height: 72px;
  --ik-avatar-size: 44px;
  --ik-avatar-radius: 12px;
  --ik-font-family: 'Inter', system-ui, sans-serif;
}
[data-theme='dark'] .my-app {
  --ik-color-accent: #a5b4fc;
  --ik-color-on-accent: #1e1b4b;
  --ik-color-row-selected: #312e81;
  --ik-color-on-row-selected: #e0e7ff;
}`;

/** The README's old snippet: backgrounds without their text colours, the same in light and dark. */
const BACKGROUNDS_ONLY = `.my-app {
  --ik-color-accent: #4f46e5;
  --ik-color-row-selected: #eef2ff;
  --ik-color-row-pinned: #ccfbf1;
}`;

let disconnect: (() => void) | undefined;
let style: HTMLStyleElement | undefined;
afterEach(() => {
  disconnect?.();
  style?.remove();
  vi.restoreAllMocks();
});

function conversations(): Conversation[] {
  const at = (minutes: number) => NOW - minutes * 60_000;
  const make = (id: string, title: string, minutes: number, extra: Partial<Conversation> = {}) =>
    makeConversation({ id, title, lastActivityAt: at(minutes), lastMessage: { preview: `Message from ${title}`, sentAt: at(minutes) }, ...extra });
  return [
    make('C2Cpinned', 'Pinned and selected', 1, { isPinned: true, unreadCount: 4 }),
    make('C2Cpinned2', 'Pinned', 2, { isPinned: true, draft: { text: 'half a thought', updatedAt: at(2) } }),
    make('C2Cselected', 'Selected', 3, { unreadCount: 120 }),
    make('GROUPmention', 'Mentioned', 4, { kind: 'group', mentions: [{ kind: 'me' }], unreadCount: 1 }),
    make('C2Cmuted', 'Muted', 5, { muteMode: 'silent', unreadCount: 3 }),
    make('C2Cread', 'Read', 6),
  ];
}

async function contrastViolations(theme: 'light' | 'dark', css?: string, selectedId = 'C2Cselected', scope = '.ik-Inbox') {
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  if (css) {
    style = document.createElement('style');
    style.textContent = css;
    document.head.append(style);
  }
  const store = makeStore(createMemoryAdapter({ conversations: conversations(), groups: [{ name: 'Work', conversationIds: ['C2Cread'] }] }));
  await store.connect();
  disconnect = () => store.disconnect();
  const view = renderWithStore(
    <div data-theme={theme}>
      <div className="my-app" style={{ width: 420, height: 560 }}>
        <Inbox aria-label="Inbox" defaultSelectedId={selectedId} listProps={{ now: NOW }} />
      </div>
    </div>,
    store,
  );
  await vi.waitFor(() => expect(view.container.querySelectorAll('[role="row"]').length).toBe(6));
  await vi.waitFor(() => expect(view.container.querySelector('.ik-GroupTabs-tab')).not.toBeNull());
  const results = await axe.run(view.container.querySelector(scope)!, { runOnly: { type: 'rule', values: ['color-contrast'] } });
  // Every kind of row was checked, not skipped as "incomplete".
  expect(results.passes.flatMap((rule) => rule.nodes).length).toBeGreaterThan(15);
  return [...results.violations, ...results.incomplete].flatMap((rule) =>
    rule.nodes.map((node) => `${rule.id}: ${node.target.join(' ')} ${node.any.map((check) => check.message).join(' ')}`),
  );
}

describe('colour contrast (axe, in Chromium)', () => {
  it('the light theme', async () => {
    expect(await contrastViolations('light')).toEqual([]);
  });

  it('the dark theme', async () => {
    expect(await contrastViolations('dark')).toEqual([]);
  });

  it('the re-brand of the README, in light and in dark', async () => {
    expect(readme).toContain(README_BRAND);
    expect(await contrastViolations('light', README_BRAND)).toEqual([]);
    style?.remove();
    expect(await contrastViolations('dark', README_BRAND)).toEqual([]);
  });

  // Rows only: the accent is also text on the page's background (the active tab), which no rule can pick for a brand.
  it('a brand that sets only row backgrounds still gets readable text on them, in dark mode too', async () => {
    expect(await contrastViolations('dark', BACKGROUNDS_ONLY, 'C2Cpinned', '[role="grid"]')).toEqual([]);
    style?.remove();
    expect(await contrastViolations('light', BACKGROUNDS_ONLY, 'C2Cselected', '[role="grid"]')).toEqual([]);
  });

  it('the dialog backdrop dims the page in dark mode', async () => {
    const probe = document.createElement('div');
    probe.setAttribute('data-theme', 'dark');
    document.body.append(probe);
    const backdrop = getComputedStyle(probe).getPropertyValue('--ik-color-backdrop');
    probe.remove();
    const [r, g, b, alpha] = backdrop.match(/[\d.]+/g)!.map(Number);
    expect(Math.max(r!, g!, b!)).toBeLessThan(40);
    expect(alpha).toBeGreaterThan(0.3);
  });
});
