// "Select all + batch at 100k" (issue 17): the whole list selected through useConversationSelection, then one
// batch from the BatchActionBar on every selected conversation, with the main thread watched throughout.
import { useLayoutEffect } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { BatchActionBar, type BatchActionResult } from '../../src/components/BatchActionBar/index.js';
import { ConversationList } from '../../src/components/ConversationList/index.js';
import { createInboxStore, type InboxState, type InboxStore } from '../../src/core/store.js';
import type { Conversation } from '../../src/core/types.js';
import { InboxProvider } from '../../src/react/index.js';
import { useConversationSelection, type ConversationSelection } from '../../src/react/useConversationSelection.js';
import { nextFrame, nextTask, painted } from './frames.js';

/** The store's batch limits, as its defaults are (and as the adapters' chunk limits ask). */
export const BATCH_LIMITS = { chunkSize: 100, concurrency: 2, sliceMs: 8 } as const;

/** A task over this long is a long task (the browser's definition and the target). */
const LONG_TASK_MS = 50;

/** A phase that does not finish in this long fails the scenario instead of hanging the bench. */
const PHASE_TIMEOUT_MS = 300_000;

/** The main thread as seen while a phase ran. */
/** A stretch of a phase (the batch's optimistic apply, its settling): what the main thread did inside it. */
export interface Stretch {
  ms: number;
  /** Renders of ConversationList in the stretch (React's scheduled work getting its turn). */
  listRenders: number;
  longTasks: number;
  longestTaskMs: number;
  maxHeartbeatGapMs: number;
  maxFrameGapMs: number;
}

export interface MainThread {
  ms: number;
  /** Long tasks (over 50 ms) reported by PerformanceObserver('longtask') inside the phase. */
  longTasks: number;
  longestTaskMs: number;
  /** Largest gap between two turns of a MessageChannel heartbeat: the longest slice that ran without a break. */
  maxHeartbeatGapMs: number;
  /** Largest gap between two animation frames (60 Hz: 16.7 ms when nothing blocks). */
  maxFrameGapMs: number;
  frames: number;
}

/** Long-task entries, heartbeat turns and frames with their times, to cut a phase into stretches afterwards. */
interface Timeline {
  listRenders: number[];
  longTasks: Array<[start: number, duration: number]>;
  beats: number[];
  frameTimes: number[];
}

/** The largest gap between consecutive times that overlaps [from, to] (the edges count as times). */
function maxGapIn(times: number[], from: number, to: number): number {
  let max = 0;
  let last = from;
  for (const t of times) {
    if (t <= from) continue;
    if (t >= to) break;
    max = Math.max(max, t - last);
    last = t;
  }
  return Math.max(max, to - last);
}

/**
 * What ran in [from, to]. `within`: only long tasks that started and ended inside it (the apply stretch, whose first
 * chunk runs in the click's task and whose last one in the task that then settles every chunk).
 */
function stretch(timeline: Timeline, from: number, to: number, within = false): Stretch {
  const tasks = timeline.longTasks
    .filter(([start, duration]) => (within ? start >= from && start + duration <= to : start + duration > from && start < to))
    .map(([, d]) => d);
  return {
    ms: to - from,
    listRenders: timeline.listRenders.filter((t) => t >= from && t <= to).length,
    longTasks: tasks.length,
    longestTaskMs: tasks.length ? Math.max(...tasks) : 0,
    maxHeartbeatGapMs: maxGapIn(timeline.beats, from, to),
    maxFrameGapMs: maxGapIn(timeline.frameTimes, from, to),
  };
}

/**
 * Watches the main thread: long-task entries (buffered, so one that started the phase counts), a MessageChannel
 * heartbeat (each of its turns is a task: a gap between two is the work that ran in between, split or not) and
 * animation frames. `stop` returns what was seen between `start` and `stop`.
 */
function watchMainThread() {
  const entries: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => entries.push(...list.getEntries()));
  observer.observe({ type: 'longtask', buffered: true });
  const t0 = performance.now();
  let running = true;
  let lastBeat = t0;
  let maxGap = 0;
  const beats: number[] = [];
  const frameTimes: number[] = [];
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    const now = performance.now();
    beats.push(now);
    maxGap = Math.max(maxGap, now - lastBeat);
    lastBeat = now;
    if (running) channel.port2.postMessage(null);
  };
  channel.port2.postMessage(null);
  let lastFrame = t0;
  let maxFrameGap = 0;
  let frames = 0;
  const frame = (now: number) => {
    if (!running) return;
    frames++;
    frameTimes.push(now);
    maxFrameGap = Math.max(maxFrameGap, now - lastFrame);
    lastFrame = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  return {
    t0,
    stop(): MainThread & { timeline: Timeline } {
      const t1 = performance.now();
      running = false;
      maxGap = Math.max(maxGap, t1 - lastBeat);
      // Entries are delivered after the task that ended; take the ones already queued.
      entries.push(...observer.takeRecords());
      observer.disconnect();
      channel.port1.close();
      const inPhase = entries.filter((e) => e.startTime + e.duration > t0 && e.startTime < t1 && e.duration > LONG_TASK_MS);
      return {
        ms: t1 - t0,
        longTasks: inPhase.length,
        longestTaskMs: inPhase.length ? Math.max(...inPhase.map((e) => e.duration)) : 0,
        maxHeartbeatGapMs: maxGap,
        maxFrameGapMs: maxFrameGap,
        frames,
        timeline: { listRenders: listRenderTimes.filter((t) => t >= t0), longTasks: entries.filter((e) => e.duration > LONG_TASK_MS).map((e) => [e.startTime, e.duration]), beats, frameTimes },
      };
    },
  };
}

/** Waits (a task at a time, then a frame at a time) until `done` is true. */
async function until(done: () => boolean, what: string) {
  const start = performance.now();
  while (!done()) {
    if (performance.now() - start > PHASE_TIMEOUT_MS) throw new Error(`Timed out waiting for ${what}.`);
    await nextFrame();
  }
}

/**
 * What each published state says while a batch runs, counted from the store's subscription (speed-independent):
 * commits that made ids pending (the optimistic change, one per chunk) and that settled them, the largest of each,
 * and the most ids one commit changed.
 */
function countCommits(store: InboxStore) {
  const counts = { commits: 0, applyCommits: 0, maxApplied: 0, settleCommits: 0, maxSettled: 0, maxChangedIds: 0 };
  // When the first and last chunk was applied and settled (performance.now()), to cut the batch into its two stretches.
  const times = { firstApply: NaN, lastApply: NaN, firstSettle: NaN, lastSettle: NaN };
  let pending = store.getState().pending.size;
  const unsubscribe = store.subscribe((state: InboxState) => {
    counts.commits++;
    const delta = state.pending.size - pending;
    pending = state.pending.size;
    const now = performance.now();
    if (delta > 0) {
      if (!counts.applyCommits) times.firstApply = now;
      times.lastApply = now;
      counts.applyCommits++;
      counts.maxApplied = Math.max(counts.maxApplied, delta);
    } else if (delta < 0) {
      if (!counts.settleCommits) times.firstSettle = now;
      times.lastSettle = now;
      counts.settleCommits++;
      counts.maxSettled = Math.max(counts.maxSettled, -delta);
    }
    counts.maxChangedIds = Math.max(counts.maxChangedIds, state.changedIds.length);
  });
  return { counts, times, unsubscribe };
}

/** The list and the bar over one selection; the bench drives the selection it is handed through `onSelection`. */
function Harness({ onSelection, onResult }: { onSelection: (s: ConversationSelection) => void; onResult: (r: BatchActionResult) => void }) {
  const selection = useConversationSelection();
  useLayoutEffect(() => {
    onSelection(selection);
  }, [onSelection, selection]);
  return (
    <div style={{ display: 'flex', flexDirection: 'column', height: '100%' }}>
      <BatchActionBar ids={selection.selectedIds} onResult={onResult} onClearSelection={selection.clear} />
      <div style={{ flex: 1, minHeight: 0 }}>
        {/* Without selection props: ConversationList takes selectionMode/selectedIds once issue 17's list work lands. */}
        <ConversationList aria-label="Conversations" className={countListRender} />
      </div>
    </div>
  );
}

/** When ConversationList rendered: its `className` function is called once per render of the list. */
const listRenderTimes: number[] = [];
const countListRender = () => {
  listRenderTimes.push(performance.now());
  return 'bench-list';
};

export type BatchCase = 'markRead' | 'delete';

let root: Root | undefined;
let store: InboxStore | undefined;
let adapter: MemoryAdapter | undefined;

function teardown() {
  root?.unmount();
  root = undefined;
  store?.disconnect();
  store = undefined;
  adapter = undefined;
}

/** The machine's floor: the same watch over a page doing nothing but the watch itself, for `ms`. */
export async function idleBaseline(ms: number): Promise<MainThread> {
  const watch = watchMainThread();
  const start = performance.now();
  while (performance.now() - start < ms) await nextFrame();
  const { timeline: _timeline, ...idle } = watch.stop();
  return idle;
}

/**
 * One case at `count` conversations: a fresh store and page, select all, then the batch from the bar (mark read, or
 * delete confirmed in its dialog), until it has settled.
 */
export async function selectAllAndBatch(kind: BatchCase, conversations: () => Conversation[], collectGarbage: () => void) {
  teardown();
  listRenderTimes.length = 0;
  collectGarbage();
  const raw = conversations();
  const count = raw.length;
  const ids = raw.map((c) => c.id);
  const unreadIds = raw.filter((c) => c.unreadCount > 0 || c.mentions.length > 0).length;
  adapter = createMemoryAdapter({ conversations: raw, pageSize: count });
  store = createInboxStore({ adapter, draftStorage: null, pageSize: count, batch: BATCH_LIMITS });
  await store.connect();
  const s = store;
  const a = adapter;
  const handle: { current?: ConversationSelection } = {};
  const onSelection = (selection: ConversationSelection) => {
    handle.current = selection;
  };
  let result: BatchActionResult | undefined;
  root = createRoot(document.getElementById('root')!);
  root.render(
    <InboxProvider store={s}>
      <Harness onSelection={onSelection} onResult={(r) => (result = r)} />
    </InboxProvider>,
  );
  await until(() => document.querySelector('[role="row"]') !== null, 'the list to mount');
  await painted();
  // A few frames for the mount's JIT and collection to settle.
  for (let i = 0; i < 10; i++) await nextFrame();
  collectGarbage();
  await painted();
  const bar = () => document.querySelector<HTMLElement>('.ik-BatchActionBar');

  // The bare cost of materialising the ids: a Set of 100,000 strings from an array, nothing else.
  const b0 = performance.now();
  const bareSet = new Set(ids);
  const bareSetMs = performance.now() - b0;
  if (bareSet.size !== count) throw new Error('bare set');

  // (a) Select all, until the bar shows the count and the frame after it was painted.
  let watch = watchMainThread();
  const s0 = performance.now();
  handle.current!.selectAll();
  const selectAllCallMs = performance.now() - s0;
  await until(() => bar()?.dataset.count === String(count), 'the bar to show the selection');
  await painted();
  const { timeline: _selectTimeline, ...selected } = watch.stop();
  const selectAll = { ...selected, callMs: selectAllCallMs, selected: handle.current!.count, bareSetMs };

  await painted();
  await nextTask();
  // (b) The batch, from the click until every id settled.
  const { counts, times, unsubscribe } = countCommits(s);
  const callsBefore = a.calls().length;
  watch = watchMainThread();
  const c0 = performance.now();
  if (kind === 'markRead') {
    bar()!.querySelector<HTMLElement>('[data-action="markRead"]')!.click();
  } else {
    bar()!.querySelector<HTMLElement>('[data-action="delete"]')!.click();
    // The dialog: not part of the batch's cost, but the same watch keeps it honest.
    await until(() => document.querySelector('.ik-Dialog-confirm') !== null, 'the delete dialog');
    document.querySelector<HTMLElement>('.ik-Dialog-confirm')!.click();
  }
  const clickMs = performance.now() - c0;
  await until(() => result !== undefined && s.getState().pending.size === 0, 'the batch to settle');
  await painted();
  const { timeline, ...batch } = watch.stop();
  unsubscribe();
  // The batch's two stretches: its chunks applied (optimistic, a turn for the page between chunks), then settled as
  // the backend answered. Chunks may start settling before the last one is applied; the stretches then overlap.
  const stretches = {
    click: stretch(timeline, c0, times.firstApply),
    apply: stretch(timeline, times.firstApply, times.lastApply, true),
    settle: stretch(timeline, times.firstSettle, times.lastSettle),
  };

  // Final state and what reached the backend: speed-independent facts.
  const state = s.getState();
  const calls = a.calls().slice(callsBefore);
  const backendCalls = calls.filter((c) => c.operation === (kind === 'markRead' ? 'markRead' : 'deleteConversations'));
  const idsPerCall = backendCalls.map((c) => (Array.isArray(c.args[0]) ? (c.args[0] as unknown[]).length : 1));
  let wrong = 0;
  for (const id of ids) {
    const c = state.conversations.get(id);
    if (kind === 'markRead' ? !c || c.unreadCount !== 0 || c.mentions.length !== 0 : c !== undefined) wrong++;
  }
  const facts = {
    size: count,
    unreadBefore: unreadIds,
    selected: selectAll.selected,
    succeeded: result!.result.succeeded.length,
    failed: result!.result.failed.length,
    pendingAfter: state.pending.size,
    failuresAfter: state.failures.size,
    wrongAfter: wrong,
    listSizeAfter: state.lists.view().size,
    selectedAfter: handle.current!.count,
    unreadTotalAfter: state.unreadTotal,
    backendCalls: backendCalls.length,
    maxIdsPerBackendCall: Math.max(0, ...idsPerCall),
    ...counts,
  };
  teardown();
  return { kind, selectAll, batch: { ...batch, clickMs, stretches }, facts, limits: BATCH_LIMITS };
}
