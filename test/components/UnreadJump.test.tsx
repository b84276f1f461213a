import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { UnreadJump } from '../../src/components/controls/index.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';

const NOW = 1_700_000_000_000;

function list(count: number, extra: Record<number, Partial<Conversation>> = {}): Conversation[] {
  return Array.from({ length: count }, (_, i) =>
    makeConversation({ id: `c${String(i).padStart(4, '0')}`, lastActivityAt: NOW - i * 1000, ...extra[i] }),
  );
}

async function setup(conversations: Conversation[], options: { fromId?: string | null; locale?: string; pageSize?: number; latencyMs?: number } = {}) {
  const adapter = createMemoryAdapter({ conversations, now: () => NOW });
  const store = makeStore(adapter, { pageSize: options.pageSize ?? 100 });
  const onJump = vi.fn();
  const view = renderWithStore(<UnreadJump fromId={options.fromId ?? null} onJump={onJump} />, store, options.locale ? withLocale(options.locale) : {});
  await waitFor(() => expect(store.getState().status).toBe('ready'));
  if (options.latencyMs) adapter.setLatency(options.latencyMs);
  return { adapter, store, onJump, view };
}

describe('UnreadJump', () => {
  it('is disabled with the reason as the description when there is nothing to jump to', async () => {
    const { onJump } = await setup(list(5));
    const next = screen.getByRole('button', { name: 'Next unread' });
    const previous = screen.getByRole('button', { name: 'Previous unread' });
    const mention = screen.getByRole('button', { name: 'Next mention' });
    for (const button of [next, previous]) {
      expect(button).toHaveAttribute('aria-disabled', 'true');
      expect(button).toHaveAccessibleDescription('No unread conversations');
    }
    expect(mention).toHaveAttribute('aria-disabled', 'true');
    expect(mention).toHaveAccessibleDescription('No unread @mentions');
    expect(next).toHaveAttribute('title', 'Next unread');
    await userEvent.click(next);
    expect(onJump).not.toHaveBeenCalled();
  });

  it('jumps to the next and previous unread and the next mention', async () => {
    const user = userEvent.setup();
    const { onJump, view } = await setup(list(8, { 2: { unreadCount: 1 }, 6: { unreadCount: 1, mentions: [{ kind: 'all' }] } }), { fromId: 'c0003' });
    const next = screen.getByRole('button', { name: 'Next unread' });
    expect(next).not.toHaveAttribute('aria-disabled');
    expect(next).not.toHaveAttribute('aria-describedby');
    await user.click(next);
    expect(onJump).toHaveBeenLastCalledWith('c0006');
    await user.click(screen.getByRole('button', { name: 'Previous unread' }));
    expect(onJump).toHaveBeenLastCalledWith('c0002');
    await user.click(screen.getByRole('button', { name: 'Next mention' }));
    expect(onJump).toHaveBeenLastCalledWith('c0006');
    expect(await axeViolations(view.container)).toEqual([]);
  }, AXE_TIMEOUT);

  it('says so when there is nothing more in that direction', async () => {
    const user = userEvent.setup();
    const { onJump } = await setup(list(5, { 1: { unreadCount: 1 } }), { fromId: 'c0003' });
    await user.click(screen.getByRole('button', { name: 'Next unread' }));
    expect(onJump).not.toHaveBeenCalled();
    expect(screen.getByRole('status')).toHaveTextContent('Nothing more to jump to in this direction');
  });

  it('loads the next page when needed, busy meanwhile', async () => {
    const user = userEvent.setup();
    const { onJump } = await setup(list(150, { 120: { marks: ['unread'] } }), { latencyMs: 200 });
    const next = screen.getByRole('button', { name: 'Next unread' });
    // Nothing unread among the loaded rows, but more pages: down stays enabled, up does not.
    expect(next).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('button', { name: 'Previous unread' })).toHaveAttribute('aria-disabled', 'true');
    await user.click(next);
    const group = screen.getByRole('group', { name: 'Jump to unread' });
    await waitFor(() => expect(group).toHaveAttribute('aria-busy', 'true'));
    expect(screen.getByRole('status')).toHaveTextContent('Loading more conversations…');
    await waitFor(() => expect(onJump).toHaveBeenCalledWith('c0120'));
    expect(group).not.toHaveAttribute('aria-busy');
  });

  it('speaks Chinese', async () => {
    await setup(list(3, { 1: { unreadCount: 2 } }), { locale: 'zh-CN' });
    expect(screen.getByRole('group', { name: '跳转到未读' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '下一条未读' })).not.toHaveAttribute('aria-disabled');
    expect(screen.getByRole('button', { name: '上一条未读' })).toBeInTheDocument();
    const mention = screen.getByRole('button', { name: '下一条@我' });
    expect(mention).toHaveAccessibleDescription('没有未读的@消息');
  });
});
