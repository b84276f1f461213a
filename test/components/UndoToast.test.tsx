/**
 * The undo toast (issue 17, "Undo"): "Deleted 12 conversations — Undo" while the window is open, by button or
 * Ctrl/⌘+Z; within the window nothing reaches the backend, after it the command is sent; on every backend.
 */
import { act, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, onTestFinished, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { BatchActionBar } from '../../src/components/BatchActionBar/index.js';
import { UndoToast, type UndoToastProps } from '../../src/components/UndoToast/index.js';
import { InboxError } from '../../src/core/errors.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { AXE_TIMEOUT, axeViolations } from '../utils/axe.js';
import { makeStore, renderWithStore, withLocale } from '../utils/render.js';
import { CONTROLS_BACKENDS, makeControlsBackend } from './controlsBackends.js';

afterEach(() => {
  vi.useRealTimers();
});

const WINDOW = 5000;

async function setup(count = 12, locale = 'en', deferSend = true) {
  vi.useFakeTimers();
  const ids = Array.from({ length: count }, (_, i) => `C2Cu${i}`);
  const adapter = createMemoryAdapter({
    storage: null,
    conversations: ids.map((id, i) => makeConversation({ id, title: `User ${i}`, unreadCount: 1, lastActivityAt: 10_000 - i })),
  });
  const store = makeStore(adapter, { undo: { windowMs: WINDOW, deferSend } });
  await store.connect();
  adapter.clearCalls();
  const view = renderWithStore(
    <>
      <input aria-label="Message" />
      <UndoToast />
    </>,
    store,
    withLocale(locale),
  );
  return { adapter, store, ids, view };
}

const toast = () => screen.getByRole('status');
const deletes = (adapter: ReturnType<typeof createMemoryAdapter>) => adapter.calls().filter((c) => c.operation === 'deleteConversations');

describe('UndoToast', () => {
  it('offers undo for a delete; undoing within the window sends nothing and brings the rows back', async () => {
    const { adapter, store, ids } = await setup();
    let done!: Promise<unknown>;
    act(() => {
      done = store.getState().actions.deleteConversations(ids);
    });
    expect(toast()).toHaveTextContent('Deleted 12 conversations');
    expect(store.getState().lists.ids()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(3000));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    await act(() => done);
    expect(store.getState().lists.ids()).toHaveLength(12);
    expect(toast()).toHaveTextContent('');
    await act(() => vi.advanceTimersByTimeAsync(WINDOW * 2));
    expect(deletes(adapter)).toEqual([]);
  });

  it('undoes with Ctrl+Z (not while typing), and leaves by itself when the window ends, sending the command', async () => {
    const { adapter, store, ids } = await setup(3);
    act(() => void store.getState().actions.deleteConversations(ids.slice(0, 1)));
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveAttribute('aria-keyshortcuts', 'Control+Z');
    // Keys are dispatched on the element that has them (user-event stalls under fake timers here).
    const ctrlZ = (target: Element) => act(() => void fireEvent.keyDown(target, { key: 'z', code: 'KeyZ', ctrlKey: true }));
    ctrlZ(screen.getByRole('textbox', { name: 'Message' }));
    expect(store.getState().lists.ids()).toHaveLength(2);
    ctrlZ(document.body);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(store.getState().lists.ids()).toHaveLength(3);

    act(() => void store.getState().actions.deleteConversations(ids.slice(0, 2)));
    expect(toast()).toHaveTextContent('Deleted 2 conversations');
    await act(() => vi.advanceTimersByTimeAsync(WINDOW));
    expect(toast()).toHaveTextContent('');
    expect(deletes(adapter).map((c) => c.args[0])).toEqual([ids.slice(0, 2)]);
    expect(store.getState().lists.ids()).toHaveLength(1);
  });

  it('after a command was sent, undo sends the inverse and says so while it runs', async () => {
    const { adapter, store, ids } = await setup(4, 'en', false);
    adapter.setLatency(200);
    act(() => void store.getState().actions.setMuteModeMany(ids, 'silent'));
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(toast()).toHaveTextContent('Changed notifications of 4 conversations');
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    expect(screen.getByRole('button', { name: 'Undoing…' })).toHaveAttribute('aria-disabled', 'true');
    await act(() => vi.advanceTimersByTimeAsync(0));
    // The inverse is in flight: its rows show as pending.
    expect(store.getState().pending.size).toBe(4);
    await act(() => vi.advanceTimersByTimeAsync(200));
    expect(ids.every((id) => store.getState().conversations.get(id)!.muteMode === 'none')).toBe(true);
    expect(adapter.calls().filter((c) => c.operation === 'setMuteMode')).toHaveLength(8);
    expect(toast()).toHaveTextContent('');
  });

  it('dismiss sends a waiting command at once', async () => {
    const { adapter, store, ids } = await setup(2);
    act(() => void store.getState().actions.deleteConversations(ids));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Dismiss' })));
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(deletes(adapter)).toHaveLength(1);
  });

  it.each([
    ['zh-CN', '已删除 12 个会话', '撤销'],
    ['ja', '12 件の会話を削除しました', '元に戻す'],
    ['ar', 'حُذفت 12 محادثة', 'تراجع'],
  ])('speaks %s', async (locale, text, undo) => {
    const { store, ids } = await setup(12, locale);
    act(() => void store.getState().actions.deleteConversations(ids));
    expect(toast()).toHaveTextContent(text);
    expect(screen.getByRole('button', { name: undo })).toBeInTheDocument();
  });

  it(
    'has no axe violations while it shows',
    async () => {
      const { store, ids, view } = await setup(2);
      act(() => void store.getState().actions.deleteConversations(ids));
      vi.useRealTimers();
      expect(await axeViolations(view.container)).toEqual([]);
    },
    AXE_TIMEOUT,
  );

  it.each([
    ['', 'Invalid key binding "" for the "undo" shortcut: expected a string such as "Alt+Shift+KeyM".'],
    [90, 'Invalid key binding number for the "undo" shortcut: expected a string such as "Alt+Shift+KeyM".'],
    [
      'Mod+Zed',
      'Invalid key binding "Mod+Zed" for the "undo" shortcut: unknown key "Zed" (use a KeyboardEvent.code such as "KeyM" or "ArrowDown", or one character).',
    ],
    [['Mod+KeyZ', 'Hyper+KeyZ'], 'Invalid key binding "Hyper+KeyZ" for the "undo" shortcut: unknown modifier "Hyper" (use Alt, Shift, Ctrl, Meta or Mod).'],
  ])('undoKeys %o fails with a typed INVALID_ARGUMENT error and changes nothing', async (undoKeys, message) => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    onTestFinished(() => spy.mockRestore());
    const adapter = createMemoryAdapter({ storage: null, conversations: [makeConversation({ id: 'C2Cu0', title: 'User 0' })] });
    const store = makeStore(adapter, { undo: { windowMs: WINDOW } });
    await store.connect();
    adapter.clearCalls();
    const before = store.getState();
    let caught: unknown;
    try {
      renderWithStore(<UndoToast undoKeys={undoKeys as UndoToastProps['undoKeys']} />, store);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(InboxError);
    expect(caught).toMatchObject({ code: 'INVALID_ARGUMENT', message });
    expect(screen.queryByRole('status')).toBeNull();
    expect(adapter.calls()).toEqual([]);
    expect(store.getState()).toBe(before);
  });
});

describe.each(CONTROLS_BACKENDS)('undo from the batch bar on %s', (name) => {
  it('deleting the selection can be undone: nothing reaches the backend', async () => {
    vi.useFakeTimers();
    const backend = makeControlsBackend(name);
    const deleteCalls: unknown[] = [];
    const original = backend.adapter.deleteConversations.bind(backend.adapter);
    backend.adapter.deleteConversations = (list, options) => {
      deleteCalls.push(list);
      return original(list, options);
    };
    const store = makeStore(backend.adapter, { undo: { windowMs: WINDOW } });
    await store.connect();
    store.flush();
      const ids = [backend.idOf('Alice'), backend.idOf('Bob')];
    renderWithStore(
      <>
        <BatchActionBar ids={ids} />
        <UndoToast />
      </>,
      store,
    );
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Delete…' })));
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Delete' })));
    expect(store.getState().lists.ids()).toHaveLength(0);
    expect(screen.getByText('Deleted 2 conversations')).toBeInTheDocument();
    act(() => void fireEvent.click(screen.getByRole('button', { name: 'Undo' })));
    await act(() => vi.advanceTimersByTimeAsync(WINDOW * 2));
    expect(store.getState().lists.ids()).toHaveLength(2);
    expect(deleteCalls).toEqual([]);
    expect(screen.getByText('Undone')).toBeInTheDocument();
  });
});
