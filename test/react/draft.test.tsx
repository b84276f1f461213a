import { act, render, renderHook, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLocalDraftStorage, createMemoryDraftStorage, type DraftStorage } from '../../src/core/drafts.js';
import { createInboxStore } from '../../src/core/store.js';
import { InboxProvider, useDraft } from '../../src/react/index.js';
import { conv, createScriptedAdapter } from '../core/scriptedAdapter.js';

async function setup(storage: DraftStorage = createMemoryDraftStorage(), auto = true) {
  const scripted = createScriptedAdapter({
    conversations: [conv('a', { draft: { text: 'saved before', updatedAt: 1 } }), conv('b')],
    capabilities: { draftsPersisted: false },
    auto,
  });
  const store = createInboxStore({ adapter: scripted.adapter, draftStorage: storage, now: () => 1234 });
  await store.connect();
  const wrapper = ({ children }: { children: ReactNode }) => <InboxProvider store={store}>{children}</InboxProvider>;
  return { scripted, store, storage, wrapper };
}

afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('useDraft', () => {
  it('starts from the stored draft, types instantly and saves once after the debounce', async () => {
    vi.useFakeTimers();
    const { scripted, wrapper } = await setup();
    const { result } = renderHook(() => useDraft('a', { debounceMs: 300 }), { wrapper });
    expect(result.current.text).toBe('saved before');
    act(() => result.current.setText('h'));
    act(() => result.current.setText('hi'));
    expect(result.current).toMatchObject({ text: 'hi', status: 'dirty' });
    expect(scripted.calls).toHaveLength(0);
    await act(async () => {
      await vi.advanceTimersByTimeAsync(300);
    });
    expect(scripted.calls.map((c) => c.args)).toEqual([['a', 'hi']]);
    expect(result.current.status).toBe('saved');
  });

  it('persists a draft typed just before the component unmounts', async () => {
    const { storage, wrapper } = await setup();
    const { result, unmount } = renderHook(() => useDraft('b', { debounceMs: 10_000 }), { wrapper });
    act(() => result.current.setText('typed then closed'));
    unmount();
    expect((storage.getAll() as ReadonlyMap<string, { text: string; updatedAt: number }>).get('b')).toEqual({ text: 'typed then closed', updatedAt: 1234 });
  });

  it('persists a draft typed just before the page is hidden, into localStorage', async () => {
    const storage = createLocalDraftStorage({ key: 'test:drafts' });
    const { wrapper } = await setup(storage);
    const { result } = renderHook(() => useDraft('b', { debounceMs: 10_000 }), { wrapper });
    act(() => result.current.setText('typed then reloaded'));
    window.dispatchEvent(new Event('pagehide'));
    expect(JSON.parse(localStorage.getItem('test:drafts')!)).toEqual({ b: { text: 'typed then reloaded', updatedAt: 1234 } });
    // a reload: a new store over the same storage shows it
    const again = await setup(createLocalDraftStorage({ key: 'test:drafts' }));
    expect(again.store.getState().conversations.get('b')?.draft?.text).toBe('typed then reloaded');
  });

  it('flushes the old conversation when switching to another one', async () => {
    const { storage, wrapper } = await setup();
    const { result, rerender } = renderHook(({ id }) => useDraft(id, { debounceMs: 10_000 }), { wrapper, initialProps: { id: 'a' } });
    act(() => result.current.setText('for a'));
    rerender({ id: 'b' });
    expect((storage.getAll() as ReadonlyMap<string, { text: string; updatedAt: number }>).get('a')?.text).toBe('for a');
    expect(result.current.text).toBe('');
  });

  it('does not write a draft equal to what the backend has', async () => {
    const { scripted, wrapper } = await setup();
    const { result } = renderHook(() => useDraft('a'), { wrapper });
    act(() => result.current.setText('saved before'));
    await act(() => result.current.flush());
    expect(scripted.calls).toHaveLength(0);
    expect(result.current.status).toBe('saved');
  });

  it('keeps the text and reports an error when the backend refuses', async () => {
    const { scripted, wrapper } = await setup(createMemoryDraftStorage(), false);
    const { result } = renderHook(() => useDraft('b'), { wrapper });
    act(() => result.current.setText('keep me'));
    let flushed!: Promise<void>;
    act(() => {
      flushed = result.current.flush();
    });
    expect(result.current.status).toBe('saving');
    await act(async () => {
      scripted.last('setDraft').reject(new Error('down'));
      await flushed;
    });
    expect(result.current).toMatchObject({ text: 'keep me', status: 'error' });
  });

  it('works in a real textarea with blur flushing', async () => {
    const { scripted, wrapper } = await setup();
    function Editor() {
      const draft = useDraft('b', { debounceMs: 10_000 });
      return <textarea aria-label="Draft" value={draft.text} onChange={(e) => draft.setText(e.target.value)} onBlur={() => void draft.flush()} />;
    }
    render(<Editor />, { wrapper });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Draft'), '你好 world');
    await user.tab();
    expect(scripted.calls.map((c) => c.args)).toEqual([['b', '你好 world']]);
  });
});
