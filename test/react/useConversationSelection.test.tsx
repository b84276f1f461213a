import { act, renderHook } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { InboxState, InboxStore, ListView } from '../../src/core/store.js';
import type { ConversationId } from '../../src/core/types.js';
import { useConversationSelection, type ConversationSelectionOptions } from '../../src/react/index.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { connectedMemoryStore } from '../utils/memoryStore.js';

const NOW = 1_700_000_000_000;
const id = (i: number) => `c${i}`;

/** `n` conversations c0 (newest) .. c(n-1), the even ones in group "Even" when `grouped`; all loaded in one page. */
async function setup(n = 10, grouped = true) {
  const conversations = Array.from({ length: n }, (_, i) =>
    makeConversation({ id: id(i), title: `Conversation ${i}`, lastActivityAt: NOW - i * 1000, unreadCount: i % 3 === 0 ? 1 : 0 }),
  );
  const evens = grouped ? conversations.filter((_, i) => i % 2 === 0).map((c) => c.id) : [];
  return connectedMemoryStore(conversations, { startAt: NOW, groups: grouped ? [{ name: 'Even', conversationIds: evens }] : [] });
}

const sorted = (ids: ReadonlySet<ConversationId>) => [...ids].sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));

describe('useConversationSelection: commands', () => {
  it('toggles, extends a range from the anchor, selects all and clears', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    expect(result.current).toMatchObject({ count: 0, anchor: null });

    act(() => result.current.toggle('c2'));
    expect(sorted(result.current.selectedIds)).toEqual(['c2']);
    expect(result.current.anchor).toBe('c2');
    expect(result.current.isSelected('c2')).toBe(true);
    expect(Object.isFrozen(result.current.selectedIds)).toBe(true);

    act(() => result.current.extendTo('c5'));
    expect(sorted(result.current.selectedIds)).toEqual(['c2', 'c3', 'c4', 'c5']);
    expect(result.current.anchor).toBe('c2');
    act(() => result.current.toggle('c2'));
    expect(sorted(result.current.selectedIds)).toEqual(['c3', 'c4', 'c5']);

    act(() => result.current.selectAll());
    expect(result.current.count).toBe(10);
    act(() => result.current.clear());
    expect(result.current).toMatchObject({ count: 0, anchor: null });
  });

  it('replaces the previous range from the same anchor, keeping what was selected before it', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.toggle('c9'));
    act(() => result.current.toggle('c2'));
    act(() => result.current.extendTo('c5'));
    expect(sorted(result.current.selectedIds)).toEqual(['c2', 'c3', 'c4', 'c5', 'c9']);
    act(() => result.current.extendTo('c3'));
    expect(sorted(result.current.selectedIds)).toEqual(['c2', 'c3', 'c9']);
    act(() => result.current.extendTo('c0'));
    expect(sorted(result.current.selectedIds)).toEqual(['c0', 'c1', 'c2', 'c9']);
  });

  it('without an anchor, extendTo selects the one row and anchors there; ids not in the list are not selected', async () => {
    const { wrapper } = await setup();
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.extendTo('c4'));
    expect(sorted(result.current.selectedIds)).toEqual(['c4']);
    expect(result.current.anchor).toBe('c4');
    act(() => result.current.toggle('__proto__'));
    act(() => result.current.set(['c1', 'constructor', 'nope']));
    expect(sorted(result.current.selectedIds)).toEqual(['c1']);
  });

  it('keeps the same set object while unchanged, and selects all of 10,000 in the list order', async () => {
    const { wrapper, store } = await setup(10_000, false);
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.selectAll());
    const all = result.current.selectedIds;
    expect(all.size).toBe(10_000);
    act(() => result.current.selectAll());
    expect(result.current.selectedIds).toBe(all);
    expect([...all]).toEqual([...store.getState().lists.ids()]);
    expect(all.has('c9999') && !all.has('c10000')).toBe(true);
  });

  it('selects all of the current list only: its group and filter', async () => {
    const { wrapper } = await setup();
    const group = renderHook(() => useConversationSelection({ groupName: 'Even' }), { wrapper });
    act(() => group.result.current.selectAll());
    expect(sorted(group.result.current.selectedIds)).toEqual(['c0', 'c2', 'c4', 'c6', 'c8']);
    const unread = renderHook(() => useConversationSelection({ filter: { unreadOnly: true } }), { wrapper });
    act(() => unread.result.current.selectAll());
    expect(sorted(unread.result.current.selectedIds)).toEqual(['c0', 'c3', 'c6', 'c9']);
  });
});

describe('useConversationSelection: in step with the list', () => {
  it('extends in the on-screen order after a reorder', async () => {
    const { wrapper, message } = await setup();
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.toggle('c2'));
    message('c8'); // c8 moves to the top: c8, c0, c1, c2, ...
    act(() => result.current.extendTo('c8'));
    expect(sorted(result.current.selectedIds)).toEqual(['c0', 'c1', 'c2', 'c8']);
  });

  it('survives 100 messages: the same set object throughout', async () => {
    const { wrapper, message } = await setup(20);
    const onSelectionChange = vi.fn();
    const { result } = renderHook(() => useConversationSelection({ onSelectionChange }), { wrapper });
    act(() => result.current.set(['c1', 'c5', 'c7', 'c19']));
    const selected = result.current.selectedIds;
    onSelectionChange.mockClear();
    for (let i = 0; i < 100; i++) message(id((i * 7) % 20));
    expect(result.current.selectedIds).toBe(selected);
    expect(sorted(result.current.selectedIds)).toEqual(['c1', 'c5', 'c7', 'c19']);
    expect(onSelectionChange).not.toHaveBeenCalled();
  });

  it('drops ids that are deleted, hidden, removed from the group or filtered out', async () => {
    const { wrapper, push, store } = await setup();
    const all = renderHook(() => useConversationSelection(), { wrapper });
    act(() => all.result.current.selectAll());
    push((m) => m.simulate.removeConversation('c1'));
    push((m) => m.simulate.update('c3', { marks: ['hide'] }));
    expect(all.result.current.count).toBe(8);
    expect(all.result.current.isSelected('c1') || all.result.current.isSelected('c3')).toBe(false);

    const group = renderHook(() => useConversationSelection({ groupName: 'Even' }), { wrapper });
    act(() => group.result.current.selectAll());
    push((m) => m.simulate.membership('Even', ['c0', 'c2', 'c6', 'c8']));
    expect(sorted(group.result.current.selectedIds)).toEqual(['c0', 'c2', 'c6', 'c8']);

    const unread = renderHook(() => useConversationSelection({ filter: { unreadOnly: true } }), { wrapper });
    act(() => unread.result.current.selectAll());
    await act(() => store.getState().actions.markRead('c6'));
    expect(sorted(unread.result.current.selectedIds)).toEqual(['c0', 'c9']);
  });

  it('forgets an anchor that left the list', async () => {
    const { wrapper, push } = await setup();
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.toggle('c4'));
    act(() => result.current.toggle('c4'));
    expect(result.current).toMatchObject({ anchor: 'c4', count: 0 });
    push((m) => m.simulate.removeConversation('c4'));
    expect(result.current.anchor).toBeNull();
  });

  it('clears when the group or the filter changes, not for an equal new filter object', async () => {
    const { wrapper } = await setup();
    const onSelectionChange = vi.fn();
    const initialProps: ConversationSelectionOptions = { filter: { unreadOnly: false } };
    const { result, rerender } = renderHook((props: ConversationSelectionOptions) => useConversationSelection({ ...props, onSelectionChange }), {
      wrapper,
      initialProps,
    });
    act(() => result.current.set(['c0', 'c2']));
    rerender({ filter: {} });
    expect(result.current.count).toBe(2);
    rerender({ groupName: 'Even' });
    expect(result.current).toMatchObject({ count: 0, anchor: null });
    expect(onSelectionChange).toHaveBeenLastCalledWith(new Set());
    act(() => result.current.set(['c0', 'c2']));
    rerender({ groupName: 'Even', filter: { query: 'Conversation 2' } });
    expect(result.current.count).toBe(0);
  });
});

describe('useConversationSelection: controlled', () => {
  it('reports changes and pruning through onSelectionChange and never changes the set it was given', async () => {
    const { wrapper, push } = await setup();
    const given = new Set(['c1', 'c2', 'c3']);
    const onSelectionChange = vi.fn();
    const { result } = renderHook(() => useConversationSelection({ selectedIds: given, onSelectionChange }), { wrapper });
    expect(result.current.selectedIds).toBe(given);
    act(() => result.current.toggle('c4'));
    expect(onSelectionChange).toHaveBeenLastCalledWith(new Set(['c1', 'c2', 'c3', 'c4']));
    expect(result.current.selectedIds).toBe(given);
    expect([...given]).toEqual(['c1', 'c2', 'c3']);
    // The parent rendered again without taking the change (it refused it): the next change builds on its set.
    push((m) => m.simulate.removeConversation('c2'));
    expect(onSelectionChange).toHaveBeenLastCalledWith(new Set(['c1', 'c3']));
    expect([...given]).toEqual(['c1', 'c2', 'c3']);
  });

  it('does not lose a change when two come before the parent renders again', async () => {
    const { wrapper, store, adapter } = await setup();
    const onSelectionChange = vi.fn();
    renderHook(() => useConversationSelection({ selectedIds: new Set(['c1', 'c2', 'c3']), onSelectionChange }), { wrapper });
    // Two commits in a row, no render between them.
    adapter.simulate.removeConversation('c1');
    store.flush();
    adapter.simulate.removeConversation('c3');
    store.flush();
    expect(onSelectionChange).toHaveBeenCalledTimes(2);
    expect(onSelectionChange).toHaveBeenLastCalledWith(new Set(['c2']));
  });

  it('stays in step with a parent that keeps the selection in its state', async () => {
    const { wrapper, push, message } = await setup();
    const { result } = renderHook(
      () => {
        const [ids, setIds] = useState<ReadonlySet<ConversationId>>(() => new Set(['c1', 'c2', 'c5']));
        return useConversationSelection({ selectedIds: ids, onSelectionChange: setIds });
      },
      { wrapper },
    );
    push((m) => {
      m.simulate.removeConversation('c1');
      m.simulate.update('c5', { marks: ['hide'] });
    });
    expect(sorted(result.current.selectedIds)).toEqual(['c2']);
    message('c2');
    act(() => result.current.toggle('c4'));
    act(() => result.current.extendTo('c3'));
    expect(sorted(result.current.selectedIds)).toEqual(['c2', 'c3', 'c4']);
    expect(result.current.anchor).toBe('c4');
  });
});

describe('useConversationSelection: work per change', () => {
  /** Counts `indexOf` calls on the views the store's listeners are given. */
  function countLookups(store: InboxStore) {
    const counter = { calls: 0 };
    const wrapView = (view: ListView): ListView => ({
      get size() {
        return view.size;
      },
      at: (index) => view.at(index),
      indexOf: (target) => {
        counter.calls++;
        return view.indexOf(target);
      },
    });
    const subscribe = store.subscribe;
    store.subscribe = (listener) =>
      subscribe((state, previous) => {
        const lists = state.lists;
        const counted: InboxState = { ...state, lists: { ...lists, view: (group, filter) => wrapView(lists.view(group, filter)) } };
        listener(counted, previous);
      });
    return counter;
  }

  it('looks up only the changed ids, not the 10,000 selected ones', async () => {
    const { wrapper, store, message, push } = await setup(10_000, false);
    const counter = countLookups(store);
    const { result } = renderHook(() => useConversationSelection(), { wrapper });
    act(() => result.current.selectAll());
    const all = result.current.selectedIds;

    // A selection this large is pruned once per frame (a batch deleting it chunk by chunk copies it once a frame).
    const frame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    counter.calls = 0;
    message('c5000');
    await frame();
    expect(counter.calls).toBe(1);
    expect(result.current.selectedIds).toBe(all);

    counter.calls = 0;
    push((m) => m.simulate.removeConversation('c10'));
    push((m) => m.simulate.removeConversation('c20'));
    expect(result.current.count).toBe(10_000);
    await frame();
    expect(counter.calls).toBe(2);
    expect(result.current.count).toBe(9_998);
  });

  it('does nothing at all for changes while nothing is selected', async () => {
    const { wrapper, store, message } = await setup(100, false);
    const counter = countLookups(store);
    renderHook(() => useConversationSelection(), { wrapper });
    for (let i = 0; i < 10; i++) message(id(i * 3));
    expect(counter.calls).toBe(0);
  });
});
