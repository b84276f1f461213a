import { act, renderHook } from '@testing-library/react';
import { StrictMode, type ReactNode } from 'react';
import { describe, expect, it } from 'vitest';
import type { ListView } from '../../src/core/store.js';
import type { ConversationId } from '../../src/core/types.js';
import { useHeldOrder, useInboxSelector, useInboxStore } from '../../src/react/index.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { connectedMemoryStore } from '../utils/memoryStore.js';

const NOW = 1_700_000_000_000;
const id = (i: number) => `c${i}`;

/** `n` conversations c0 (newest) .. c(n-1), `page` at a time. */
async function setup(n = 50, page = n) {
  const conversations = Array.from({ length: n }, (_, i) => makeConversation({ id: id(i), title: `Conversation ${i}`, lastActivityAt: NOW - i * 1000 }));
  return connectedMemoryStore(conversations, { page, startAt: NOW });
}

const idsOf = (view: ListView) => Array.from({ length: view.size }, (_, i) => view.at(i));

/** Renders `useHeldOrder` over the whole list, counting renders. */
function renderHeld(wrapper: (props: { children: ReactNode }) => ReactNode, initial: { held: boolean; listKey?: string }) {
  const counter = { renders: 0 };
  const hook = renderHook(
    ({ held, listKey }: { held: boolean; listKey?: string }) => {
      counter.renders++;
      const store = useInboxStore();
      const live = useInboxSelector(store, (s) => s.lists.view());
      return { live, ...useHeldOrder(live, held, { listKey }) };
    },
    { wrapper, initialProps: initial },
  );
  return { ...hook, counter };
}

describe('useHeldOrder', () => {
  it('passes the live view through while not held', async () => {
    const { wrapper, message } = await setup(5);
    const { result } = renderHeld(wrapper, { held: false });
    message('c3');
    expect(result.current.view).toBe(result.current.live);
    expect(result.current).toMatchObject({ newCount: 0, isHolding: false });
    expect(idsOf(result.current.view)).toEqual(['c3', 'c0', 'c1', 'c2', 'c4']);
  });

  it('keeps every row in place through 100 messages, counts the movers, then catches up in one render', async () => {
    const { wrapper, message, store } = await setup(50);
    const { result, rerender, counter } = renderHeld(wrapper, { held: true });
    const before = idsOf(result.current.view);
    const moved = new Set<ConversationId>();
    for (let i = 0; i < 100; i++) {
      const target = id(10 + ((i * 17) % 40)); // rows below the tenth: each message moves one to the top
      moved.add(target);
      message(target);
      for (let p = 0; p < before.length; p++) expect(result.current.view.at(p)).toBe(before[p]);
    }
    const held = result.current.view;
    expect(held.size).toBe(50);
    for (const [p, target] of before.entries()) expect(held.indexOf(target as string)).toBe(p);
    expect(result.current.newCount).toBe(moved.size);
    expect(result.current.isHolding).toBe(true);
    expect(idsOf(result.current.live)).not.toEqual(before);

    const renders = counter.renders;
    act(() => result.current.release());
    expect(counter.renders - renders).toBe(1);
    expect(result.current.view).toBe(store.getState().lists.view());
    expect(result.current.newCount).toBe(0);
    // Still held: it holds again from the order it caught up with.
    const caughtUp = idsOf(result.current.view);
    message('c49');
    expect(idsOf(result.current.view)).toEqual(caughtUp);
    expect(result.current.view.at(0)).not.toBe('c49');
    expect(result.current.newCount).toBe(1);

    const again = counter.renders;
    rerender({ held: false });
    expect(counter.renders - again).toBe(1);
    expect(result.current.view).toBe(store.getState().lists.view());
    expect(result.current.view.at(0)).toBe('c49');
  });

  it('does not count a row that would stay where it is, nor a change in place', async () => {
    const { wrapper, message, push } = await setup(10);
    const { result } = renderHeld(wrapper, { held: true });
    message('c0'); // already on top
    push((m) => m.simulate.update('c4', { title: 'Renamed' }));
    expect(result.current.newCount).toBe(0);
    message('c5');
    message('c0'); // c0 back on top, above c5
    expect(result.current.newCount).toBe(1);
    expect(idsOf(result.current.view)).toEqual(Array.from({ length: 10 }, (_, i) => id(i)));
  });

  it('drops rows that leave the list, keeps the others in place, and counts arrivals without showing them', async () => {
    const { wrapper, push, message } = await setup(10);
    const { result } = renderHeld(wrapper, { held: true });
    push((m) => m.simulate.removeConversation('c3'));
    push((m) => m.simulate.update('c7', { marks: ['hide'] }));
    message('c8');
    push((m) => m.simulate.newConversation(makeConversation({ id: 'fresh', title: 'Fresh', lastActivityAt: NOW + 10_000_000 })));
    const view = result.current.view;
    expect(idsOf(view)).toEqual(['c0', 'c1', 'c2', 'c4', 'c5', 'c6', 'c8', 'c9']);
    expect(view.size).toBe(8);
    for (const [p, x] of idsOf(view).entries()) expect(view.indexOf(x as string)).toBe(p);
    expect(view.indexOf('c3')).toBe(-1);
    expect(view.indexOf('c7')).toBe(-1);
    expect(view.indexOf('fresh')).toBe(-1);
    expect(view.at(8)).toBeUndefined();
    expect(result.current.newCount).toBe(2); // c8 moved, fresh arrived
  });

  it('shows a page loaded while held below the held rows, without counting it', async () => {
    const { wrapper, store, message } = await setup(30, 10);
    const { result } = renderHeld(wrapper, { held: true });
    expect(result.current.view.size).toBe(10);
    message('c5');
    await act(() => store.getState().actions.loadMore());
    const view = result.current.view;
    expect(idsOf(view)).toEqual([...Array.from({ length: 10 }, (_, i) => id(i)), ...Array.from({ length: 10 }, (_, i) => id(10 + i))]);
    for (const [p, x] of idsOf(view).entries()) expect(view.indexOf(x as string)).toBe(p);
    expect(result.current.newCount).toBe(1);
  });

  it('catches up when the list changes (listKey), and holds again from the new list', async () => {
    const { wrapper, message } = await setup(10);
    const { result, rerender, counter } = renderHeld(wrapper, { held: true, listKey: 'all' });
    message('c9');
    expect(result.current.view.at(0)).toBe('c0');
    const renders = counter.renders;
    rerender({ held: true, listKey: 'other' });
    expect(counter.renders - renders).toBe(1);
    expect(result.current.view).toBe(result.current.live);
    expect(result.current).toMatchObject({ newCount: 0, isHolding: true });
  });

  it('counts a change the rendered view had not shown yet when holding began (a view that lags a frame)', async () => {
    const { wrapper, store, message } = await setup(10);
    const { result, rerender } = renderHook(({ view, held }: { view: ListView; held: boolean }) => useHeldOrder(view, held), {
      wrapper,
      initialProps: { view: store.getState().lists.view(), held: false },
    });
    const shown = result.current.view;
    message('c6'); // in the store, not yet in the view the list renders
    rerender({ view: shown, held: true });
    rerender({ view: store.getState().lists.view(), held: true });
    expect(idsOf(result.current.view)).toEqual(idsOf(shown));
    expect(result.current.newCount).toBe(1);
  });

  it('works under StrictMode', async () => {
    const { wrapper, push, message } = await setup(10);
    const strict = ({ children }: { children: ReactNode }) => <StrictMode>{wrapper({ children })}</StrictMode>;
    const { result, rerender } = renderHeld(strict, { held: true });
    push((m) => m.simulate.removeConversation('c2'));
    message('c9');
    expect(idsOf(result.current.view)).toEqual(['c0', 'c1', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8', 'c9']);
    expect(result.current.newCount).toBe(1);
    rerender({ held: false });
    expect(result.current.view.at(0)).toBe('c9');
  });
});
