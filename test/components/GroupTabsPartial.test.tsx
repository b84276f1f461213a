/**
 * Issue 16, Found 3: a badge must never show a number the backend contradicts. While pages remain, All shows the
 * backend's own total, and a group whose count may be short says so ("52+", "52 or more unread") instead of passing
 * it off as exact. Run on the memory and OpenIM adapters, which page (Tencent loads its whole list at once); OpenIM
 * counts its groups itself, so its tabs stay exact.
 */
import { act, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryGroupRegistry, createOpenIMAdapter } from '../../src/adapters/openim/index.js';
import { GroupTabs } from '../../src/components/GroupTabs/index.js';
import type { ConversationAdapter } from '../../src/core/adapter.js';
import type { Conversation } from '../../src/core/types.js';
import { createFakeOpenIMSdk, fakeOpenIMTextMessage } from '../../src/testing/fakeOpenIMSdk.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const NOW = 1_700_000_000_000;
const COUNT = 250;

/** 250 conversations in Work, one unread message each; the store loads them 100 at a time. */
function conversations(): Conversation[] {
  return Array.from({ length: COUNT }, (_, i) =>
    makeConversation({ id: `C2Cu${i}`, title: `User ${i}`, unreadCount: 1, lastActivityAt: NOW - i * 1000, groupNames: ['Work'] }),
  );
}

async function setup(adapter: ConversationAdapter, locale = 'en') {
  const store = makeStore(adapter, { pageSize: 100 });
  await store.connect();
  store.flush();
  const view = renderWithStore(<GroupTabs maxBadgeCount={999} />, store, withLocale(locale));
  return { store, ...view };
}

/** The memory backend with per-group counts left out, as a backend that keeps none would give them. */
function memory(): ConversationAdapter {
  const inner = createMemoryAdapter({ storage: null, conversations: conversations(), groups: [{ name: 'Work', conversationIds: [] }] });
  return { ...inner, loadGroups: async () => (await inner.loadGroups()).map(({ name, conversationIds }) => ({ name, conversationIds })) };
}

describe('unread counts while pages remain', () => {
  it('shows a group’s count that may be short as "100+", says so in its name, and the exact count once all is loaded', async () => {
    const { store } = await setup(memory());
    expect(store.getState().hasMore).toBe(true);
    const work = screen.getByRole('tab', { name: 'Work (100 or more unread)' });
    expect(work.querySelector('.ik-GroupTabs-badge')).toHaveTextContent('100+');
    expect(work).toHaveAttribute('data-unread-partial', '');
    // The memory backend reports its own total: All shows it, exact, from the first page on.
    const all = screen.getByRole('tab', { name: 'All (250 unread)' });
    expect(all.querySelector('.ik-GroupTabs-badge')).toHaveTextContent('250');
    expect(all).not.toHaveAttribute('data-unread-partial');
    await act(async () => {
      await store.getState().actions.loadMore();
      await store.getState().actions.loadMore();
      store.flush();
    });
    expect(store.getState().hasMore).toBe(false);
    expect(screen.getByRole('tab', { name: 'Work (250 unread)' })).not.toHaveAttribute('data-unread-partial');
  });

  it('marks All partial too when the backend gives no total of its own', async () => {
    const inner = memory();
    const { getTotalUnread: _omitted, ...withoutTotal } = inner;
    await setup({ ...withoutTotal, subscribe: (listener) => inner.subscribe((event) => event.type !== 'unreadTotalChanged' && listener(event)) });
    const all = screen.getByRole('tab', { name: 'All (100 or more unread)' });
    expect(all.querySelector('.ik-GroupTabs-badge')).toHaveTextContent('100+');
  });

  it('shows a group’s count as exact when the backend counts it itself', async () => {
    const inner = memory();
    await setup({ ...inner, loadGroups: async () => (await inner.loadGroups()).map((group) => ({ ...group, unreadCount: COUNT })) });
    expect(screen.getByRole('tab', { name: 'Work (250 unread)' })).not.toHaveAttribute('data-unread-partial');
  });

  it('shows exact counts on OpenIM while pages remain: the adapter counts each group and the total itself', async () => {
    const sdk = createFakeOpenIMSdk({
      selfUserId: 'me',
      conversations: Array.from({ length: COUNT }, (_, i) => ({
        conversationID: `si_me_u${String(i).padStart(3, '0')}`,
        conversationType: 1,
        userID: `u${i}`,
        showName: `User ${i}`,
        unreadCount: 1,
        latestMsg: fakeOpenIMTextMessage('hi', NOW - i * 1000),
        latestMsgSendTime: NOW - i * 1000,
        ex: JSON.stringify({ inboxkit: { groups: ['Work'] } }),
      })),
    });
    const { store } = await setup(createOpenIMAdapter({ sdk, groupRegistry: createMemoryGroupRegistry(['Work']), pageSize: 100 }), 'ar');
    expect(store.getState().hasMore).toBe(true);
    expect(store.getState().lists.ids('Work').length).toBeLessThan(COUNT);
    // Arabic, as the tabs say it; the badge's digits kept left to right.
    const work = screen.getByRole('tab', { name: `Work (${COUNT} غير مقروءة)` });
    expect(work).not.toHaveAttribute('data-unread-partial');
    expect(work.querySelector('.ik-GroupTabs-badge')).toHaveAttribute('dir', 'ltr');
    expect(screen.getByRole('tab', { name: `الكل (${COUNT} غير مقروءة)` })).not.toHaveAttribute('data-unread-partial');
  });

  it('says "or more" in the user’s language', async () => {
    await setup(memory(), 'ar');
    const work = screen.getByRole('tab', { name: 'Work (100 غير مقروءة أو أكثر)' });
    expect(work.querySelector('.ik-GroupTabs-badge')).toHaveTextContent('100+');
    expect(work.querySelector('.ik-GroupTabs-badge')).toHaveAttribute('dir', 'ltr');
  });
});
