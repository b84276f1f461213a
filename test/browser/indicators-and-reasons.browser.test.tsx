/**
 * Layout of the row's new parts and of the menus' disabled reasons in real Chromium (issue 16): what jsdom cannot
 * tell, as it lays nothing out. The indicators stay whole beside a title that truncates, in both directions; a kind
 * label keeps its size while the detail after it is cut; a reason sits under its item, inside the menu; the settings
 * menu opens on screen at its trigger.
 */
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ReactNode } from 'react';
import { createMemoryAdapter, type MemoryAdapterOptions } from '../../src/adapters/memory/index.js';
import { ConversationItem } from '../../src/components/ConversationItem/index.js';
import { ConversationActions } from '../../src/components/controls/index.js';
import { InboxSettingsMenu } from '../../src/components/InboxSettingsMenu/index.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';
import '../../src/styles/tokens.css';
import '../../src/styles/base.css';
import '../../src/styles/list.css';
import '../../src/styles/controls.css';

const NOW = new Date(2024, 2, 15, 14, 30).getTime();
const LONG_TITLE = 'A very long conversation title that cannot possibly fit beside its indicators and its time';

let disconnect: (() => void) | undefined;
afterEach(() => {
  disconnect?.();
  disconnect = undefined;
});

async function mount(conversations: Conversation[], ui: ReactNode, options: { locale?: string; dir?: 'ltr' | 'rtl'; memory?: Omit<MemoryAdapterOptions, 'conversations'> } = {}) {
  const store = makeStore(createMemoryAdapter({ storage: null, conversations, ...options.memory }));
  await store.connect();
  disconnect = () => store.disconnect();
  return renderWithStore(
    <div dir={options.dir ?? 'ltr'} style={{ inlineSize: 320, padding: 8 }}>
      {ui}
    </div>,
    store,
    withLocale(options.locale ?? 'en'),
  );
}

const rect = (element: Element) => element.getBoundingClientRect();
const inside = (inner: DOMRect, outer: DOMRect) => inner.left >= outer.left - 0.5 && inner.right <= outer.right + 0.5;

describe.each(['ltr', 'rtl'] as const)('the row with its indicators (%s)', (dir) => {
  it('truncates the title, never the star, the flame, its duration or the time', async () => {
    const locale = dir === 'rtl' ? 'ar' : 'en';
    const { container } = await mount(
      [
        makeConversation({
          id: 'si_a',
          title: LONG_TITLE,
          isPinned: true,
          muteMode: 'silent',
          marks: ['star'],
          privateChat: { enabled: true, burnDurationSec: 30 },
          lastActivityAt: NOW - 60_000,
          lastMessage: { preview: 'hi', sentAt: NOW - 60_000 },
        }),
      ],
      <ConversationItem id="si_a" now={NOW} />,
      { dir, locale },
    );
    const row = container.querySelector<HTMLElement>('.ik-ConversationItem')!;
    const title = row.querySelector<HTMLElement>('.ik-ConversationItem-title')!;
    await vi.waitFor(() => expect(title.scrollWidth).toBeGreaterThan(title.clientWidth));
    const header = rect(row.querySelector('.ik-ConversationItem-header')!);
    const duration = row.querySelector<HTMLElement>('.ik-ConversationItem-duration')!;
    for (const name of ['pinIndicator', 'muteIndicator', 'starIndicator', 'privateChatIndicator', 'time']) {
      const part = row.querySelector(`.ik-ConversationItem-${name}`)!;
      expect(inside(rect(part), header), name).toBe(true);
      expect(rect(part).width, name).toBeGreaterThan(0);
    }
    // "30 sec" / "30 ث" on one line, whole.
    expect(duration.scrollWidth).toBeLessThanOrEqual(duration.clientWidth + 1);
    expect(rect(duration).height).toBeLessThan(20);
    // The flame leads its duration in the row's direction.
    const flame = rect(row.querySelector('.ik-ConversationItem-privateChatIndicator svg')!);
    if (dir === 'ltr') expect(flame.right).toBeLessThanOrEqual(rect(duration).left + 0.5);
    else expect(flame.left).toBeGreaterThanOrEqual(rect(duration).right - 0.5);
    // The indicators follow the title in reading order, and the time is at the far edge.
    const titleBox = rect(title);
    const star = rect(row.querySelector('.ik-ConversationItem-starIndicator')!);
    const time = rect(row.querySelector('.ik-ConversationItem-time')!);
    if (dir === 'ltr') {
      expect(star.left).toBeGreaterThanOrEqual(titleBox.right - 0.5);
      expect(time.right).toBeCloseTo(header.right, 0);
    } else {
      expect(star.right).toBeLessThanOrEqual(titleBox.left + 0.5);
      expect(time.left).toBeCloseTo(header.left, 0);
    }
  });

  it('keeps a kind label whole and cuts the detail after it at its own end', async () => {
    const locale = dir === 'rtl' ? 'ar' : 'en';
    const { container } = await mount(
      [
        makeConversation({
          id: 'C2Cf',
          title: 'Files',
          lastActivityAt: NOW,
          lastMessage: { preview: '', kind: 'file', detail: 'quarterly-report-final-final-v7-with-appendices-and-notes.pdf', sentAt: NOW },
        }),
      ],
      <ConversationItem id="C2Cf" now={NOW} />,
      { dir, locale },
    );
    const preview = container.querySelector<HTMLElement>('.ik-ConversationItem-preview')!;
    const label = await vi.waitFor(() => preview.querySelector<HTMLElement>('.ik-ConversationItem-kindLabel')!);
    const detail = preview.querySelector<HTMLElement>('.ik-ConversationItem-previewText')!;
    expect(label.scrollWidth).toBeLessThanOrEqual(label.clientWidth + 1);
    expect(detail.scrollWidth).toBeGreaterThan(detail.clientWidth);
    expect(inside(rect(label), rect(preview))).toBe(true);
    // The label comes first in the row's direction.
    if (dir === 'ltr') expect(rect(label).right).toBeLessThanOrEqual(rect(detail).left + 0.5);
    else expect(rect(label).left).toBeGreaterThanOrEqual(rect(detail).right - 0.5);
  });
});

describe('the menus in a real browser', () => {
  it('shows a row menu with reasons whole, each reason under its item, Delete reachable without scrolling', async () => {
    await mount(
      [makeConversation({ id: 'C2Cbob', title: 'Bob', lastActivityAt: NOW })],
      <ConversationActions id="C2Cbob" />,
      { memory: { marks: [], groups: [{ name: 'Work', conversationIds: [] }, { name: 'Friends', conversationIds: [] }] } },
    );
    await userEvent.click(document.querySelector('.ik-ConversationActions-trigger')!);
    const menu = await vi.waitFor(() => document.querySelector<HTMLElement>('[role="menu"]')!);
    const menuBox = rect(menu);
    expect(menu.scrollHeight).toBeLessThanOrEqual(menu.clientHeight + 1);
    const reasons = [...menu.querySelectorAll<HTMLElement>('.ik-Menu-itemReason')];
    expect(reasons).toHaveLength(4);
    for (const reason of reasons) {
      const item = menu.querySelector(`[aria-describedby="${reason.id}"]`)!;
      expect(inside(rect(reason), menuBox)).toBe(true);
      expect(rect(reason).top).toBeGreaterThanOrEqual(rect(item).bottom - 0.5);
    }
    const del = menu.querySelector<HTMLElement>('[data-action="delete"]')!;
    expect(rect(del).bottom).toBeLessThanOrEqual(menuBox.bottom);
  });

  it.each(['ltr', 'rtl'] as const)('opens the settings menu on screen at its trigger (%s)', async (dir) => {
    await mount(
      [makeConversation({ id: 'C2Cbob', title: 'Bob', lastActivityAt: NOW })],
      <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
        <InboxSettingsMenu />
      </div>,
      { dir, locale: dir === 'rtl' ? 'ar' : 'en' },
    );
    const trigger = document.querySelector<HTMLElement>('.ik-InboxSettingsMenu-trigger')!;
    await userEvent.click(trigger);
    const menu = await vi.waitFor(() => document.querySelector<HTMLElement>('[role="menu"]')!);
    await vi.waitFor(() => expect(menu.querySelectorAll('[role="menuitemradio"]').length).toBeGreaterThan(0));
    const box = rect(menu);
    const root = document.documentElement;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(root.clientWidth);
    expect(box.bottom).toBeLessThanOrEqual(root.clientHeight);
    // Below the trigger, not over it.
    expect(box.top).toBeGreaterThanOrEqual(rect(trigger).bottom - 1);
  });
});
