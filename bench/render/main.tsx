// The render benchmark page. scripts/bench.mjs opens it in headless Chromium and calls window.__bench.
import { memo } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryAdapter, generateConversations, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationItem } from '../../src/components/ConversationItem/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import { InboxProvider, useConversation } from '../../src/react/index.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';

declare global {
  interface Window {
    __bench: typeof bench & { scrollPlain: typeof scrollPlain };
  }
}

let rowRenders = 0;

/** Renders the kit's row and counts how often a row re-renders (it subscribes to the same conversation). */
const CountedRow = memo(function CountedRow({ id }: { id: string }) {
  useConversation(id);
  // Counted during render: production React without StrictMode renders each committed row once.
  rowRenders++;
  return <ConversationItem id={id} />;
});

const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const painted = async () => {
  await nextFrame();
  return nextFrame();
};
const median = (values: number[]) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? 0;
const percentile = (values: number[], p: number) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

let root: Root | undefined;
let warmedUp = false;
let store: InboxStore | undefined;
let adapter: MemoryAdapter | undefined;

const bench = {
  async setup(count: number) {
    root?.unmount();
    store?.disconnect();
    root = undefined;
    store = undefined;
    adapter = undefined;
    // Unpinned, so a message moves its conversation to the visible top of the list; no avatar URLs, so the
    // page makes no network requests.
    const conversations = generateConversations(count, { seed: 3 }).map(({ avatarUrl: _avatar, ...c }) => ({ ...c, isPinned: false }));
    adapter = createMemoryAdapter({ conversations, pageSize: count });
    const t0 = performance.now();
    // The whole list in one page: the store's default page is 100, which would leave a "100,000" list at 100 rows
    // that grows by 100 (and re-sorts the adapter's 100,000) each time the scroll reaches its end.
    store = createInboxStore({ adapter, draftStorage: null, pageSize: count });
    await store.connect();
    const loadMs = performance.now() - t0;
    return { count, loadMs, loaded: store.getState().lists.ids().length, hasMore: store.getState().hasMore };
  },

  /** Mounts the list; `selectedIndex` selects the conversation at that position, as an app with one open does. */
  async mount(selectedIndex?: number) {
    const container = document.getElementById('root')!;
    root?.unmount();
    const selectedId = selectedIndex === undefined ? undefined : store!.getState().lists.ids()[selectedIndex];
    // Warm up once (JIT, style recalculation) so that sizes are compared, not the first page load.
    if (!warmedUp) {
      warmedUp = true;
      const warm = createRoot(container);
      warm.render(<InboxProvider store={store}><ConversationList aria-label="Conversations" /></InboxProvider>);
      while (!container.querySelector('[role="row"]')) await new Promise((r) => setTimeout(r, 0));
      await painted();
      warm.unmount();
    }
    const t0 = performance.now();
    root = createRoot(container);
    root.render(
      <InboxProvider store={store}>
        <ConversationList aria-label="Conversations" defaultSelectedId={selectedId} renderItem={(id: string) => <CountedRow id={id} />} />
      </InboxProvider>,
    );
    while (!container.querySelector('[role="option"], [role="row"]')) await new Promise((r) => setTimeout(r, 0));
    const t1 = await painted();
    return { mountMs: t1 - t0, domNodes: document.getElementsByTagName('*').length, rows: container.querySelectorAll('[role="option"], [role="row"]').length };
  },

  /** A message for a conversation far down the list: time to the next painted frame, and rows re-rendered. */
  async events(rounds = 20) {
    const ids = store!.getState().lists.ids();
    const samples: number[] = [];
    const before = rowRenders;
    let listRenders = 0;
    let previousIds = store!.getState().lists.ids();
    const unsubscribe = store!.subscribe((s) => {
      const next = s.lists.ids();
      if (next !== previousIds) listRenders++;
      previousIds = next;
    });
    for (let i = 0; i < rounds; i++) {
      const id = store!.getState().lists.ids()[ids.length - 1 - i]!;
      await painted();
      const t0 = performance.now();
      adapter!.simulate.message(id, { preview: `event ${i}` });
      const t1 = await nextFrame();
      samples.push(t1 - t0);
    }
    // The list takes the last order in the frame that painted it: let that render finish before counting.
    await painted();
    unsubscribe();
    return { eventToFrameMs: median(samples), rowsPerEvent: (rowRenders - before) / rounds, listOrderChangesPerEvent: listRenders / rounds };
  },

  /** Scrolls the list for `seconds` while messages arrive at `rate` per second; frame times and long tasks. */
  async scroll(seconds: number, rate: number) {
    const scroller = document.querySelector<HTMLElement>('.ik-ConversationList-viewport')!;
    const ids = store!.getState().lists.ids();
    let sent = 0;
    const start = performance.now();
    const timer = setInterval(() => {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      for (; sent < due; sent++) adapter!.simulate.message(ids[(sent * 7919) % ids.length]!, { preview: `m${sent}` });
    }, 10);
    const result = await scrollFor(scroller, seconds);
    clearInterval(timer);
    return { rate, messagesSent: sent, ...result };
  },
};

/**
 * Scrolls `scroller` by 48 px each frame (reversing at the ends) for `seconds`: the time between animation frames
 * (p50, p95, max; at 60 Hz that is the vsync interval, what each frame cost is traced by scripts/bench-render.mjs)
 * and the long tasks (over 50 ms) seen meanwhile.
 */
async function scrollFor(scroller: HTMLElement, seconds: number) {
  const longTasks: number[] = [];
  const observer = new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration)));
  observer.observe({ type: 'longtask', buffered: false });
  const frames: number[] = [];
  let last = await nextFrame();
  let direction = 1;
  const start = performance.now();
  while (performance.now() - start < seconds * 1000) {
    scroller.scrollTop += direction * 48;
    if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 || scroller.scrollTop <= 0) direction = -direction;
    const now = await nextFrame();
    frames.push(now - last);
    last = now;
  }
  observer.disconnect();
  return {
    frames: frames.length,
    p50FrameMs: percentile(frames, 0.5),
    p95FrameMs: percentile(frames, 0.95),
    maxFrameMs: Math.max(...frames),
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
    longTaskDurations: longTasks,
  };
}

/** The platform's own frame times: a plain scrolling div of the same size, no React, no kit. */
async function scrollPlain(seconds: number) {
  const outer = document.createElement('div');
  outer.style.cssText = 'position:fixed;inset-block-start:0;inset-inline-start:440px;width:420px;height:720px;overflow:auto';
  const inner = document.createElement('div');
  inner.style.cssText = 'height:6400000px;background:repeating-linear-gradient(#fff 0 63px,#ddd 63px 64px)';
  outer.append(inner);
  document.body.append(outer);
  const result = await scrollFor(outer, seconds);
  outer.remove();
  return { rate: -1, messagesSent: 0, ...result };
}

window.__bench = { ...bench, scrollPlain };
