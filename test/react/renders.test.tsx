import { act, render } from '@testing-library/react';
import { memo, Profiler } from 'react';
import { describe, expect, it } from 'vitest';
import { createInboxStore } from '../../src/core/store.js';
import { InboxProvider, useConversation, useConversationList, useConversationListView, useUnreadTotal } from '../../src/react/index.js';
import { conv, createScriptedAdapter } from '../core/scriptedAdapter.js';

const N = 1000;

/** Mounts 1,000 memoized rows that each read their own conversation, counting renders per row and of the list. */
async function mountList() {
  const scripted = createScriptedAdapter({
    conversations: Array.from({ length: N }, (_, i) => conv(`c${i}`, { title: `Conversation ${i}`, lastActivityAt: 10_000 - i, unreadCount: 1 })),
  });
  const store = createInboxStore({ adapter: scripted.adapter, draftStorage: null });
  const rowRenders = new Map<string, number>();
  let listRenders = 0;
  let totalRenders = 0;

  const Row = memo(function Row({ id }: { id: string }) {
    const conversation = useConversation(id);
    rowRenders.set(id, (rowRenders.get(id) ?? 0) + 1);
    return <li>{conversation?.title}</li>;
  });
  function List() {
    const { ids } = useConversationList();
    listRenders++;
    return (
      <ul>
        {ids.map((id) => (
          <Row key={id} id={id} />
        ))}
      </ul>
    );
  }
  function Total() {
    const total = useUnreadTotal();
    totalRenders++;
    return <output>{total}</output>;
  }
  const view = render(
    <InboxProvider store={store}>
      <Total />
      <List />
    </InboxProvider>,
  );
  await act(() => store.connect());
  const reset = () => {
    rowRenders.clear();
    listRenders = 0;
    totalRenders = 0;
  };
  reset();
  return {
    scripted,
    store,
    view,
    reset,
    counts: () => ({ rows: Object.fromEntries(rowRenders), list: listRenders, total: totalRenders }),
  };
}

describe('render isolation with 1,000 memoized rows', () => {
  it('a new message re-renders that row and the list once, and no other row', async () => {
    const { scripted, store, counts } = await mountList();
    const c500 = store.getState().conversations.get('c500')!;
    act(() => {
      scripted.emit({ type: 'upserted', conversations: [{ ...c500, lastActivityAt: 99_999, unreadCount: 2, lastMessage: { preview: 'new', sentAt: 99_999 } }] });
      store.flush();
    });
    expect(counts()).toEqual({ rows: { c500: 1 }, list: 1, total: 1 });
    expect(store.getState().lists.ids()[0]).toBe('c500');
  });

  it('a title change re-renders only its row, not the list', async () => {
    const { scripted, store, counts } = await mountList();
    const c7 = store.getState().conversations.get('c7')!;
    act(() => {
      scripted.emit({ type: 'upserted', conversations: [{ ...c7, title: 'Renamed' }] });
      store.flush();
    });
    expect(counts()).toEqual({ rows: { c7: 1 }, list: 0, total: 0 });
  });

  it('useUnreadTotal does not re-render when the total stays the same', async () => {
    const { scripted, store, counts } = await mountList();
    const c1 = store.getState().conversations.get('c1')!;
    const c2 = store.getState().conversations.get('c2')!;
    act(() => {
      // one conversation read elsewhere, another gains one: the total is unchanged
      scripted.emit({ type: 'upserted', conversations: [{ ...c1, unreadCount: 0 }, { ...c2, unreadCount: 2 }] });
      store.flush();
    });
    expect(counts().total).toBe(0);
    expect(counts().list).toBe(0);
    expect(Object.keys(counts().rows).sort()).toEqual(['c1', 'c2']);
  });

  it('a full snapshot with one changed conversation re-renders one row', async () => {
    const { scripted, store, counts } = await mountList();
    const snapshot = [...store.getState().conversations.values()].map((c) => (c.id === 'c3' ? { ...c, unreadCount: 5 } : { ...c, raw: {} }));
    act(() => {
      scripted.emit({ type: 'replaced', conversations: snapshot });
      store.flush();
    });
    expect(counts()).toEqual({ rows: { c3: 1 }, list: 0, total: 1 });
  });

  it('commits one React update for a burst of events', async () => {
    const { scripted, store } = await mountList();
    let commits = 0;
    function Counting() {
      useConversationList();
      return null;
    }
    render(
      <Profiler id="burst" onRender={() => commits++}>
        <InboxProvider store={store}>
          <Counting />
        </InboxProvider>
      </Profiler>,
    );
    commits = 0;
    await act(async () => {
      for (let i = 0; i < 100; i++) {
        const c = store.getState().conversations.get(`c${900 + i}`)!;
        scripted.emit({ type: 'upserted', conversations: [{ ...c, lastActivityAt: 50_000 + i }] });
      }
      await Promise.resolve();
    });
    expect(commits).toBe(1);
  });

  it('useConversationListView: the first change since a frame renders at once, later ones in the same frame together at the frame', async () => {
    const { scripted, store } = await mountList();
    const seen: string[] = [];
    let status = '';
    function FrameList() {
      const list = useConversationListView();
      seen.push(list.view.at(0)!);
      status = list.status;
      return null;
    }
    render(
      <InboxProvider store={store}>
        <FrameList />
      </InboxProvider>,
    );
    const nextFrame = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
    await nextFrame();
    seen.length = 0;
    const message = (id: string, at: number) =>
      act(() => {
        scripted.emit({ type: 'upserted', conversations: [{ ...store.getState().conversations.get(id)!, lastActivityAt: at }] });
        store.flush();
      });
    // Three messages, each applied on its own (as separate network messages are), before the next frame: the first is
    // rendered at once (painted in the coming frame, as a plain subscription would), the other two wait for that frame.
    message('c900', 60_000);
    expect(seen).toEqual(['c900']);
    message('c901', 60_001);
    message('c902', 60_002);
    expect(store.getState().lists.ids()[0]).toBe('c902');
    expect(seen).toEqual(['c900']);
    await nextFrame();
    expect(seen).toEqual(['c900', 'c902']);
    // A frame with no change opens the window again.
    await nextFrame();
    message('c903', 60_003);
    expect(seen).toEqual(['c900', 'c902', 'c903']);
    // Status is never deferred.
    act(() => {
      scripted.emit({ type: 'syncStateChanged', status: 'syncing' });
      store.flush();
    });
    expect(status).toBe('syncing');
  });
});
