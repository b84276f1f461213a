// The render benchmark page. scripts/bench-render.mjs opens it in headless Chromium and calls window.__bench.
import { memo } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryAdapter, generateConversations, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationItem } from '../../src/components/ConversationItem/index.js';
import { ConversationList, type ConversationListProps } from '../../src/components/ConversationList/index.js';
import { createInboxStore, type InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { InboxProvider, useConversation } from '../../src/react/index.js';
import { idleBaseline, selectAllAndBatch, type BatchCase } from './batch.js';
import { BareList, createBareStore, type BareStore } from './bareList.js';
import { FrameClock, median, nextFrame, nextTask, painted, percentile, type Arrival, type PaintTiming } from './frames.js';
import '../../src/styles/tokens.css';
import '../../src/styles/list.css';

declare global {
  interface Window {
    __bench: typeof bench;
    /** V8's collector, when Chromium runs with --js-flags=--expose-gc. */
    gc?: () => void;
  }
}

/** The groups the bench store has, as shares of all conversations (a group-tab switch renders one of them). */
const GROUPS = [
  { name: 'Work', every: 3 },
  { name: 'Family', every: 20 },
  { name: 'Clients', every: 10 },
];

/** Words typed into the query, one letter at a time; each keystroke's query differs from every earlier one. */
const WORDS = ['tom', 'alice', 'ben', 'chloe', 'daniel', 'emma', 'finn', 'grace', 'henry', 'isla', 'jack', 'kate', 'liam'];

let rowRenders = 0;
let listRenders = 0;

/** Renders the kit's row and counts how often a row re-renders (it subscribes to the same conversation). */
const CountedRow = memo(function CountedRow({ id }: { id: string }) {
  useConversation(id);
  // Counted during render: production React without StrictMode renders each committed row once.
  rowRenders++;
  return <ConversationItem id={id} />;
});
const countedRow = (id: string) => <CountedRow id={id} />;

/** `className` as a function is called once per render of the list and never by a row: it counts the list's renders. */
const countListRender = () => {
  listRenders++;
  return 'bench-list';
};

const container = () => document.getElementById('root')!;
const rowOf = (id: string) => container().querySelector<HTMLElement>(`[role="row"][data-conversation-id="${CSS.escape(id)}"]`);
const showsText = (id: string, text: string) => rowOf(id)?.textContent?.includes(text) ?? false;
const hasRows = () => container().querySelector('[role="row"]') !== null;
const grid = () => container().querySelector<HTMLElement>('[role="grid"]');
const collectGarbage = () => window.gc?.();

let root: Root | undefined;
let warmedUp = false;
let store: InboxStore | undefined;
let adapter: MemoryAdapter | undefined;
let raw: Conversation[] = [];
let bare: BareStore | undefined;

function unmount() {
  root?.unmount();
  root = undefined;
}

/** The kit's list over the bench store, re-rendered in place when already shown (a prop change, as in an app). */
function showList(props: Partial<ConversationListProps> = {}) {
  root ??= createRoot(container());
  root.render(
    <InboxProvider store={store}>
      <ConversationList aria-label="Conversations" className={countListRender} {...props} />
    </InboxProvider>,
  );
}

async function untilRows() {
  while (!hasRows()) await nextTask();
}

/** Unpinned, so a message moves its conversation to the visible top; no avatar URLs, so no network requests. */
function conversationsFor(count: number): Conversation[] {
  const groupsOf = (i: number) => GROUPS.filter((g) => i % g.every === 0).map((g) => g.name);
  return generateConversations(count, { seed: 3 }).map(({ avatarUrl: _avatar, ...c }, i) => ({ ...c, isPinned: false, groupNames: groupsOf(i) }));
}

/** Medians of paint timings, with how many samples took each number of frames. */
function summarize(samples: PaintTiming[]) {
  const frames: Record<number, number> = {};
  for (const s of samples) frames[s.frames] = (frames[s.frames] ?? 0) + 1;
  return { frames: median(samples.map((s) => s.frames)), ms: median(samples.map((s) => s.ms)), frameCounts: frames };
}

/**
 * The conversations the painted-message samples go to, the same in both lists: the oldest ones, far down, so a
 * message is painted only once the list has taken the new order. Not ones with a draft, whose row shows the draft
 * instead of the new message.
 */
function farDownWithoutDraft(count: number): string[] {
  return raw
    .filter((c) => !c.draft)
    .sort((a, b) => a.lastActivityAt - b.lastActivityAt)
    .slice(0, count)
    .map((c) => c.id);
}

/**
 * New message → painted, `rounds` times for each arrival (between frames, inside a frame's callbacks), each to a
 * conversation far down the list.
 */
async function messagesToPaint(rounds: number, send: (id: string, preview: string) => void) {
  const clock = new FrameClock();
  const result: Record<Arrival, PaintTiming[]> = { between: [], inFrame: [] };
  const ids = farDownWithoutDraft(rounds * 2);
  try {
    for (let i = 0; i < rounds; i++) {
      for (const arrival of ['between', 'inFrame'] as const) {
        const id = ids[i * 2 + (arrival === 'inFrame' ? 1 : 0)]!;
        const preview = `${arrival} ${i}`;
        result[arrival].push(await clock.change(arrival, () => send(id, preview), () => showsText(id, preview), i % 8));
      }
    }
  } finally {
    clock.stop();
  }
  return { between: summarize(result.between), inFrame: summarize(result.inFrame) };
}

/** Main-thread cost of a change to the shown list: React's render and commit, then style and layout, forced. */
function costOf(change: () => void): number {
  const t0 = performance.now();
  // flushSync also renders the updates the change scheduled for a microtask (the store's subscribers).
  flushSync(change);
  void grid()?.scrollHeight;
  return performance.now() - t0;
}

const bench = {
  /** A store holding `count` conversations, all loaded (the list's and the events' setup). */
  async setup(count: number) {
    unmount();
    store?.disconnect();
    store = undefined;
    bare = undefined;
    collectGarbage();
    raw = conversationsFor(count);
    adapter = createMemoryAdapter({ conversations: raw, pageSize: count });
    const t0 = performance.now();
    // The whole list in one page: the store's default page is 100, which would leave a "100,000" list at 100 rows
    // that grows by 100 (and re-sorts the adapter's 100,000) each time the scroll reaches its end.
    store = createInboxStore({ adapter, draftStorage: null, pageSize: count });
    await store.connect();
    const loadMs = performance.now() - t0;
    return { count, loadMs, loaded: store.getState().lists.view().size, hasMore: store.getState().hasMore };
  },

  /** Mounts the list with counted rows; `selectedIndex` selects the conversation there, as an app with one open does. */
  async mount(selectedIndex?: number) {
    unmount();
    const selectedId = selectedIndex === undefined ? undefined : store!.getState().lists.view().at(selectedIndex);
    // Warm up once (JIT, style recalculation) so that sizes are compared, not the first page load.
    if (!warmedUp) {
      warmedUp = true;
      showList();
      await untilRows();
      await painted();
      unmount();
    }
    const t0 = performance.now();
    showList({ defaultSelectedId: selectedId, renderItem: countedRow });
    await untilRows();
    const t1 = await painted();
    return { mountMs: t1 - t0, domNodes: document.getElementsByTagName('*').length, rows: container().querySelectorAll('[role="row"]').length };
  },

  /** A message for a conversation far down the list, one per frame: rows re-rendered and list renders per message. */
  async events(rounds = 20) {
    const view = store!.getState().lists.view();
    const ids = Array.from({ length: rounds }, (_, i) => view.at(view.size - 1 - i)!);
    await painted();
    const rowsBefore = rowRenders;
    const listBefore = listRenders;
    for (const [i, id] of ids.entries()) {
      adapter!.simulate.message(id, { preview: `event ${i}` });
      await painted();
    }
    return { rowsPerEvent: (rowRenders - rowsBefore) / rounds, listRendersPerEvent: (listRenders - listBefore) / rounds };
  },

  /**
   * `rate` messages a second for `seconds`, each in its own task (as network messages arrive): list renders between
   * two frames' starts (at most one is the budget), against messages.
   */
  async burst(seconds: number, rate: number) {
    const view = store!.getState().lists.view();
    const perFrame: number[] = [];
    let last = listRenders;
    let running = true;
    const loop = () => {
      if (!running) return;
      requestAnimationFrame(loop);
      perFrame.push(listRenders - last);
      last = listRenders;
    };
    requestAnimationFrame(loop);
    await nextFrame();
    const before = listRenders;
    const start = performance.now();
    let sent = 0;
    while (performance.now() - start < seconds * 1000) {
      const due = Math.floor(((performance.now() - start) / 1000) * rate);
      if (sent < due) {
        adapter!.simulate.message(view.at(view.size - 1 - (sent % 1000))!, { preview: `burst ${sent}` });
        sent++;
      }
      // One message per task, as fast as the rate asks; a timer would batch them (4 ms minimum when nested).
      await nextTask();
    }
    await painted();
    running = false;
    return { messages: sent, frames: perFrame.length, listRenders: listRenders - before, maxListRendersPerFrame: Math.max(0, ...perFrame) };
  },

  /** New message → painted in the kit's list (default rows, as an app shows them). */
  async messagesToPaint(rounds: number) {
    showList();
    await untilRows();
    await painted();
    return messagesToPaint(rounds, (id, preview) => adapter!.simulate.message(id, { preview }));
  },

  /** The same messages in the bare zustand + @tanstack/react-virtual list over the same conversations. */
  async bareMessagesToPaint(rounds: number) {
    unmount();
    collectGarbage();
    bare = createBareStore(raw);
    root = createRoot(container());
    root.render(<BareList store={bare} />);
    await untilRows();
    await painted();
    const result = await messagesToPaint(rounds, (id, preview) => bare!.message(id, preview));
    unmount();
    return result;
  },

  /**
   * A message's cost with a filtered list shown (unread only, mentions only, a title query), through the component:
   * store update, the list's render and commit, style and layout. Each message moves a conversation far down into
   * (or to the top of) the filtered list.
   */
  async filteredEvents(rounds: number) {
    const result: Record<string, number> = {};
    const all = store!.getState().lists.view();
    // A few unmeasured messages first in each case: the JIT and the case's first render settle.
    const warmUp = 3;
    const farDown = (match: (c: Conversation) => boolean) => {
      const ids: string[] = [];
      for (let i = all.size - 1; i >= 0 && ids.length < rounds + warmUp; i--) {
        const id = all.at(i)!;
        if (match(store!.getState().conversations.get(id)!)) ids.push(id);
      }
      return ids;
    };
    const cases = [
      { name: 'all', filter: {}, ids: farDown(() => true), mentions: false },
      { name: 'unreadOnly', filter: { unreadOnly: true }, ids: farDown(() => true), mentions: false },
      { name: 'mentionsOnly', filter: { mentionsOnly: true }, ids: farDown(() => true), mentions: true },
      { name: 'query', filter: { query: 'ali' }, ids: farDown((c) => c.title.toLowerCase().includes('ali')), mentions: false },
    ];
    for (const { name, filter, ids, mentions } of cases) {
      showList({ filter });
      await untilRows();
      await painted();
      const costs: number[] = [];
      for (const [i, id] of ids.entries()) {
        costs.push(
          costOf(() => {
            adapter!.simulate.message(id, { preview: `${name} ${i}`, ...(mentions ? { mentions: ['me' as const] } : {}) });
            store!.flush();
          }),
        );
        await painted();
      }
      result[name] = median(costs.slice(warmUp));
    }
    return result;
  },

  /** Typing into the query: each keystroke's cost (the filtered list built, rendered, laid out), and to painted. */
  async typing(words: number) {
    showList();
    await untilRows();
    await painted();
    const clock = new FrameClock();
    const costs: number[] = [];
    const toPaint: number[] = [];
    try {
      // The first word unmeasured: the JIT and the first filtered render settle.
      for (const [w, word] of WORDS.slice(0, words + 1).entries()) {
        for (let length = 1; length <= 3; length++) {
          const query = word.slice(0, length);
          await clock.frameEnd();
          const t0 = performance.now();
          const cost = costOf(() => showList({ filter: { query } }));
          // Rendered synchronously (as a keystroke's update is), so the frame after it paints it.
          const toPainted = await clock.paintedSince(t0, () => true);
          if (w === 0) continue;
          costs.push(cost);
          toPaint.push(toPainted);
        }
        showList();
        await painted();
      }
    } finally {
      clock.stop();
    }
    return { keystrokeMs: median(costs), keystrokeP95Ms: percentile(costs, 0.95), keystrokeMaxMs: Math.max(...costs), keystrokeToPaintMs: median(toPaint) };
  },

  /** Switching group tabs: the list rendered for another group, its cost and the time to its rows painted. */
  async groupSwitch(rounds: number) {
    showList();
    await untilRows();
    await painted();
    const clock = new FrameClock();
    const costs: number[] = [];
    const toPaint: number[] = [];
    try {
      const order = [...GROUPS.map((g) => g.name), undefined];
      // The first round unmeasured: the JIT and each group's first render settle.
      for (let i = 0; i < (rounds + 1) * order.length; i++) {
        const groupName = order[i % order.length];
        await clock.frameEnd();
        const t0 = performance.now();
        // Rendered synchronously, as a click's update is: the frame after it paints the group's rows.
        const cost = costOf(() => showList({ groupName }));
        const toPainted = await clock.paintedSince(t0, () => true);
        if (i < order.length) continue;
        costs.push(cost);
        toPaint.push(toPainted);
      }
    } finally {
      clock.stop();
    }
    return { switchMs: median(costs), switchMaxMs: Math.max(...costs), switchToPaintMs: median(toPaint) };
  },

  /**
   * Mount through the public path: the memory adapter created from raw conversations (default page size), the
   * provider creating and connecting the store, the list mounted, its first rows painted. `bare`: the baseline list
   * over the same conversations (its store built and sorted, mounted, painted). `ms` is the whole; `dataMs` the part
   * that turned the raw data into a backend (`createMemoryAdapter`, which checks every conversation) or into the bare
   * list's store (a map and a sort), the only part that grows with the number of conversations.
   */
  async mountPublic(count: number, kind: 'inboxkit' | 'bare') {
    unmount();
    store?.disconnect();
    store = undefined;
    bare = undefined;
    raw = [];
    // The raw data exists before the clock starts, as an app has it from its server: collected once made, so that
    // the mount does not pay to move the bench's own input out of the young generation.
    const conversations = conversationsFor(count);
    collectGarbage();
    await painted();
    const clock = new FrameClock();
    await clock.frameEnd();
    const t0 = performance.now();
    root = createRoot(container());
    let dataMs: number;
    if (kind === 'inboxkit') {
      const publicAdapter = createMemoryAdapter({ conversations });
      dataMs = performance.now() - t0;
      root.render(
        <InboxProvider adapter={publicAdapter} draftStorage={null}>
          <ConversationList aria-label="Conversations" />
        </InboxProvider>,
      );
    } else {
      const bareStore = createBareStore(conversations);
      dataMs = performance.now() - t0;
      root.render(<BareList store={bareStore} />);
    }
    const ms = await clock.paintedSince(t0, hasRows);
    clock.stop();
    unmount();
    return { ms, dataMs };
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

  scrollPlain,

  /** Select all + batch (issue 17): `count` conversations selected through the hook, then one batch from the bar. */
  async selectAllBatch(kind: BatchCase, count: number) {
    unmount();
    store?.disconnect();
    store = undefined;
    adapter = undefined;
    bare = undefined;
    raw = [];
    return selectAllAndBatch(kind, () => conversationsFor(count), collectGarbage);
  },

  /** The watch of the select-all + batch scenario over an idle page: the machine's floor. */
  idleBaseline,
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

window.__bench = bench;
