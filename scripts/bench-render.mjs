// Render benchmark: a production build of bench/render in headless Chromium (Debian's, or $CHROMIUM_PATH).
/* global window */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './chromium.mjs';

/** Budgets that do not depend on machine speed; CI fails when one regresses. */
export const RENDER_BUDGETS = {
  rowsPerEvent: 1,
  /** Renders of the list component per message (counted by its `className` function). */
  listRendersPerEvent: 1,
  /** List renders between two frames' starts during a burst of 500 messages a second, each in its own task. */
  listRendersPerFrame: 1,
  domNodes: 900,
};

/** The burst the frame budget is checked with: messages per second (a busy group chat). */
export const BURST_RATE = 500;

/** The time one frame may take at 60 Hz. */
export const FRAME_BUDGET_MS = 1000 / 60;

/** The scrolling scenarios: messages per second, and whether a conversation is selected (an app with one open). */
const SCROLLS = [
  { rate: 0, selected: false },
  { rate: 100, selected: false },
  { rate: 500, selected: false },
  { rate: 100, selected: true },
  { rate: 500, selected: true },
];

/**
 * Trace categories for the frame cost: `toplevel` has every task the renderer's main thread runs, `devtools.timeline`
 * the end of each frame's rendering (AnimationFrame::Render) and the collector's work (MinorGC, MajorGC, V8.GC_*).
 * Nothing per function call: sampling or `disabled-by-default-*` categories would slow down what is measured.
 */
const TRACE_CATEGORIES = ['toplevel', 'devtools.timeline'];

const percentile = (values, p) => values.slice().sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))] ?? 0;

/** Sum of the lengths of intervals (µs) that may overlap or nest. */
function unionLength(intervals) {
  let total = 0;
  let end = -Infinity;
  for (const [a, b] of intervals.slice().sort((x, y) => x[0] - y[0])) {
    if (b <= end) continue;
    total += b - Math.max(a, end);
    end = b;
  }
  return total;
}

/**
 * Frame costs from a trace of the page while it scrolled at 60 Hz: for each frame, the time the renderer's main thread
 * was busy (any task: timers, input and scroll events, garbage collection, the frame's own script, style, layout, paint
 * and commit) since the previous frame's rendering ended. That is what producing the frame took; it is not quantized by
 * vsync the way the time between animation frames is, and it is measured at the real cadence (messages per frame,
 * a CPU that idles between frames) instead of in a loop that renders as fast as it can.
 */
export function frameCostsFromTrace(events) {
  const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const byThread = new Map();
  for (const e of events) {
    const key = `${e.pid}:${e.tid}`;
    if (names.get(key) !== 'CrRendererMain') continue;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push(e);
  }
  // The page's main thread is the one that rendered frames (a browser may have other renderers).
  let main = [];
  let frameEnds = [];
  for (const list of byThread.values()) {
    const ends = list.filter((e) => e.name === 'AnimationFrame::Render' && e.ph === 'e').map((e) => e.ts);
    if (ends.length > frameEnds.length) [main, frameEnds] = [list, ends];
  }
  frameEnds.sort((a, b) => a - b);
  const tasks = main.filter((e) => e.ph === 'X' && e.name === 'ThreadControllerImpl::RunTask').sort((a, b) => a.ts - b.ts);
  const costs = [];
  let t = 0;
  for (let i = 1; i < frameEnds.length; i++) {
    const from = frameEnds[i - 1];
    const to = frameEnds[i];
    while (t < tasks.length && tasks[t].ts + tasks[t].dur <= from) t++;
    let busy = 0;
    for (let j = t; j < tasks.length && tasks[j].ts < to; j++) busy += Math.min(to, tasks[j].ts + tasks[j].dur) - Math.max(from, tasks[j].ts);
    costs.push(busy / 1000);
  }
  const first = frameEnds[0] ?? 0;
  const last = frameEnds[frameEnds.length - 1] ?? 0;
  const inWindow = (e) => e.ts >= first && e.ts < last;
  const gc = main.filter((e) => e.ph === 'X' && inWindow(e) && /^(MinorGC|MajorGC|V8\.GC)/.test(e.name)).map((e) => [e.ts, e.ts + e.dur]);
  const longTasks = tasks.filter((e) => inWindow(e) && e.dur > 50_000).map((e) => e.dur / 1000);
  return { costs, seconds: (last - first) / 1e6, gcMs: unionLength(gc) / 1000, longTasks };
}

/**
 * Runs `fn` while the page is traced; returns what it returned and the trace's frame costs. With `file`, the trace is
 * also written there (DevTools' Performance panel and ui.perfetto.dev open it).
 */
async function traced(cdp, fn, file) {
  const events = [];
  const collect = (e) => events.push(...e.value);
  cdp.on('Tracing.dataCollected', collect);
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', {
    traceConfig: { includedCategories: TRACE_CATEGORIES, excludedCategories: ['*'], recordMode: 'recordAsMuchAsPossible' },
    transferMode: 'ReportEvents',
  });
  let result;
  try {
    result = await fn();
  } finally {
    await cdp.send('Tracing.end');
    await complete;
    cdp.off('Tracing.dataCollected', collect);
  }
  if (file) writeFileSync(file, JSON.stringify({ traceEvents: events }));
  return { result, trace: frameCostsFromTrace(events) };
}

/** One scroll, traced: frame costs (main-thread time per frame), time between frames at 60 Hz, long tasks and GC. */
async function measureScroll(cdp, run, file) {
  const { result, trace } = await traced(cdp, run, file);
  const { costs } = trace;
  // Long tasks as the page saw them (PerformanceObserver) and as the trace did; they agree but for tasks at the edges.
  const longTasks = trace.longTasks.length ? trace.longTasks : result.longTaskDurations;
  return {
    rate: result.rate,
    messagesSent: result.messagesSent,
    frames: costs.length,
    p50FrameCostMs: percentile(costs, 0.5),
    p95FrameCostMs: percentile(costs, 0.95),
    maxFrameCostMs: costs.length ? Math.max(...costs) : 0,
    framesOverBudget: costs.filter((c) => c > FRAME_BUDGET_MS).length,
    gcMsPerSecond: trace.seconds > 0 ? trace.gcMs / trace.seconds : 0,
    vsyncP50FrameMs: result.p50FrameMs,
    vsyncP95FrameMs: result.p95FrameMs,
    vsyncMaxFrameMs: result.maxFrameMs,
    longTasks: longTasks.length,
    longestTaskMs: longTasks.length ? Math.max(...longTasks) : 0,
  };
}

async function openPage(browser, url, log) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.__bench));
  return page;
}

/**
 * Sizes per part. The counters (renders per event and per frame, DOM nodes) do not depend on the machine, so even the
 * quick run (CI) takes them at 100,000; the timed parts stay small there so that CI stays short.
 */
function plan(quick) {
  return {
    counterSizes: [1_000, 10_000, 100_000],
    timedSizes: quick ? [1_000, 10_000] : [1_000, 10_000, 100_000],
    paintSizes: quick ? [10_000] : [10_000, 100_000],
    bareMountSizes: quick ? [10_000] : [1_000, 10_000, 100_000],
    groupSize: quick ? 10_000 : 100_000,
    scrollSize: quick ? 10_000 : 100_000,
    eventRounds: quick ? 10 : 30,
    burstSeconds: quick ? 1 : 2,
    paintRounds: quick ? 5 : 15,
    filteredRounds: quick ? 5 : 15,
    typedWords: quick ? 3 : 8,
    groupRounds: quick ? 2 : 5,
    /** A mount is a handful of frames, so one frame more or less moves a median of 3 by a third: 9 each. */
    mountRepeats: quick ? 1 : 9,
    /** Each select-all + batch case: its long tasks are judged on the median run, as timings are (all runs printed). */
    batchRepeats: quick ? 1 : 3,
    scrollSeconds: quick ? 1 : 5,
  };
}

/** The select-all + batch scenario's size (issue 17's acceptance): also in the quick run, whose checks are counted. */
export const BATCH_SIZE = 100_000;

/**
 * Select all + batch at 100k, both cases (mark read; delete, confirmed), each on a fresh store and page, after an idle
 * baseline of the same watch; each case `repeats` times, one after the other. Timings are printed only; `batchFailures`
 * checks the counted facts of every run.
 */
export async function runBatchScenario(page, { log = console.log, repeats = 1 } = {}) {
  const bench = (name, ...args) => page.evaluate(([n, a]) => window.__bench[n](...a), [name, args]);
  const idle = await bench('idleBaseline', 1000);
  log(`  idle page: heartbeat gap max ${idle.maxHeartbeatGapMs.toFixed(1)} ms, frame gap max ${idle.maxFrameGapMs.toFixed(1)} ms, ${idle.longTasks} long tasks`);
  const cases = [];
  for (const kind of ['markRead', 'delete']) {
    for (let i = 0; i < repeats; i++) {
      const run = await bench('selectAllBatch', kind, BATCH_SIZE);
      cases.push({ ...run, run: i + 1 });
      const { selectAll: a, batch: b, facts: f } = run;
      log(
        `  select all + ${kind} at ${BATCH_SIZE}, run ${i + 1}/${repeats}: select all ${a.ms.toFixed(0)} ms (longest task ${a.longestTaskMs.toFixed(0)}), ` +
          `batch ${b.ms.toFixed(0)} ms in ${f.applyCommits} chunk commits (longest task ${b.longestTaskMs.toFixed(0)}, ${b.longTasks} long tasks)`,
      );
    }
  }
  return { size: BATCH_SIZE, idle, repeats, cases };
}

/** The counted facts of the select-all + batch scenario that must hold (speed-independent): failures as text. */
export function batchFailures(batch) {
  const failures = [];
  for (const { kind, facts: f, limits } of batch.cases) {
    const at = `select all + ${kind} at ${f.size}`;
    const minChunks = Math.ceil(f.size / limits.chunkSize);
    if (f.selected !== f.size) failures.push(`${at}: select all selected ${f.selected}`);
    if (f.applyCommits < minChunks) failures.push(`${at}: the change was applied in ${f.applyCommits} commits (< ${minChunks}: not split in chunks)`);
    if (f.maxApplied > limits.chunkSize) failures.push(`${at}: one commit applied ${f.maxApplied} ids (> chunk size ${limits.chunkSize})`);
    if (f.maxSettled > limits.chunkSize) failures.push(`${at}: one commit settled ${f.maxSettled} ids (> chunk size ${limits.chunkSize})`);
    if (f.succeeded !== f.size || f.failed !== 0) failures.push(`${at}: ${f.succeeded} succeeded, ${f.failed} failed`);
    if (f.pendingAfter !== 0 || f.failuresAfter !== 0) failures.push(`${at}: ${f.pendingAfter} pending, ${f.failuresAfter} failures after it settled`);
    if (f.wrongAfter !== 0) failures.push(`${at}: ${f.wrongAfter} conversations not ${kind === 'markRead' ? 'read' : 'deleted'}`);
    if (kind === 'markRead') {
      if (f.unreadTotalAfter !== 0) failures.push(`${at}: unread total ${f.unreadTotalAfter} after it`);
      if (f.backendCalls !== f.unreadBefore) failures.push(`${at}: ${f.backendCalls} markRead calls for ${f.unreadBefore} unread conversations`);
    } else {
      if (f.listSizeAfter !== 0 || f.selectedAfter !== 0) failures.push(`${at}: ${f.listSizeAfter} rows and ${f.selectedAfter} selected after it`);
      if (f.backendCalls < minChunks || f.maxIdsPerBackendCall > limits.chunkSize) {
        failures.push(`${at}: ${f.backendCalls} deleteConversations calls of up to ${f.maxIdsPerBackendCall} ids (want ≥ ${minChunks} of ≤ ${limits.chunkSize})`);
      }
    }
  }
  return failures;
}

/** Only the select-all + batch scenario (`npm run bench -- --batch-only`): build, preview, Chromium, the scenario. */
export async function runBatchBench({ log = console.log, repeats = 3 } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  await build({ configFile: 'bench/render/vite.config.ts', mode: 'production', logLevel: 'error' });
  const server = await preview({ configFile: 'bench/render/vite.config.ts', preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  try {
    const page = await openPage(browser, server.resolvedUrls.local[0], log);
    return await runBatchScenario(page, { log, repeats });
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
}

const medianOf = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** `traceDir`: where to write each scroll's trace (`--traces` in scripts/bench.mjs). */
export async function runRenderBench({ quick = false, log = console.log, traceDir } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  await build({ configFile: 'bench/render/vite.config.ts', mode: 'production', logLevel: 'error' });
  const server = await preview({ configFile: 'bench/render/vite.config.ts', preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls.local[0];
  const p = plan(quick);
  const rows = [];
  const painted = [];
  const filtered = [];
  const scrolls = [];
  const mounts = [];
  let burst;
  let groupSwitch;
  let batch;
  // An ordinary headless Chromium, paced at 60 Hz like a screen; the collector exposed so that parts start clean.
  const browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, '--js-flags=--expose-gc'] });
  try {
    const page = await openPage(browser, url, log);
    const bench = (name, ...args) => page.evaluate(([n, a]) => window.__bench[n](...a), [name, args]);
    for (const size of p.counterSizes) {
      const setup = await bench('setup', size);
      if (setup.loaded !== size || setup.hasMore) throw new Error(`The bench store holds ${setup.loaded} of ${size} conversations after loading.`);
      const mount = await bench('mount');
      const events = await bench('events', p.eventRounds);
      rows.push({ size, loadMs: setup.loadMs, ...mount, ...events });
      log(`  render ${size}: mount ${mount.mountMs.toFixed(1)} ms, ${mount.domNodes} DOM nodes, ${events.rowsPerEvent} rows and ${events.listRendersPerEvent} list renders per event`);
      if (size === p.counterSizes.at(-1)) {
        burst = { size, rate: BURST_RATE, ...(await bench('burst', p.burstSeconds, BURST_RATE)) };
        log(`  burst ${size}: ${burst.messages} messages, ${burst.frames} frames, ${burst.listRenders} list renders, at most ${burst.maxListRendersPerFrame} per frame`);
      }
      if (p.paintSizes.includes(size)) {
        const inboxkit = await bench('messagesToPaint', p.paintRounds);
        const bare = await bench('bareMessagesToPaint', p.paintRounds);
        painted.push({ size, inboxkit, bare });
        log(
          `  new message → painted ${size}: InboxKit ${inboxkit.between.frames} / ${inboxkit.inFrame.frames} frames, ` +
            `bare list ${bare.between.frames} / ${bare.inFrame.frames} frames (between frames / inside a frame)`,
        );
      }
      if (p.timedSizes.includes(size)) {
        const events = await bench('filteredEvents', p.filteredRounds);
        const typing = await bench('typing', p.typedWords);
        filtered.push({ size, events, ...typing });
        log(`  filtered ${size}: ${Object.entries(events).map(([k, v]) => `${k} ${v.toFixed(2)} ms`).join(', ')}; keystroke ${typing.keystrokeMs.toFixed(1)} ms`);
      }
      if (size === p.groupSize) {
        groupSwitch = { size, ...(await bench('groupSwitch', p.groupRounds)) };
        log(`  group switch ${size}: ${groupSwitch.switchMs.toFixed(1)} ms, painted after ${groupSwitch.switchToPaintMs.toFixed(1)} ms`);
      }
      if (size === p.scrollSize) scrolls.push(...(await runScrolls(page, size, p.scrollSeconds, traceDir, log)));
    }
    batch = await runBatchScenario(page, { log, repeats: p.batchRepeats });
    // Mount through the public path, the kit and the bare list in turn so that both see the same machine; one of
    // each unmeasured first, so that the smallest size is not charged for compiling the code the others reuse.
    await bench('mountPublic', p.timedSizes[0], 'inboxkit');
    await bench('mountPublic', p.timedSizes[0], 'bare');
    for (const size of p.timedSizes) {
      const inboxkit = [];
      const bare = [];
      for (let i = 0; i < p.mountRepeats; i++) {
        inboxkit.push(await bench('mountPublic', size, 'inboxkit'));
        if (p.bareMountSizes.includes(size)) bare.push(await bench('mountPublic', size, 'bare'));
      }
      // Each part's own median: the whole, the raw data made into a backend or store, and the rest (provider, store,
      // first page, rows painted).
      const medians = (runs) => ({
        ms: medianOf(runs.map((r) => r.ms)),
        dataMs: medianOf(runs.map((r) => r.dataMs)),
        restMs: medianOf(runs.map((r) => r.ms - r.dataMs)),
      });
      const kit = medians(inboxkit);
      const base = bare.length ? medians(bare) : undefined;
      mounts.push({
        size,
        inboxkitMs: kit.ms,
        inboxkitDataMs: kit.dataMs,
        inboxkitRestMs: kit.restMs,
        bareMs: base?.ms,
        bareDataMs: base?.dataMs,
      });
      log(
        `  mount ${size}: InboxKit ${kit.ms.toFixed(1)} ms (adapter from raw data ${kit.dataMs.toFixed(1)})` +
          (base ? `, bare list ${base.ms.toFixed(1)} ms (store built and sorted ${base.dataMs.toFixed(1)})` : ''),
      );
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  return { rows, burst, painted, filtered, groupSwitch, mounts, scrolls, batch, frameBudgetMs: FRAME_BUDGET_MS, plan: p };
}

/** The plain div, then the list at `size` scrolled with messages arriving, each traced. */
async function runScrolls(page, size, seconds, traceDir, log) {
  const scrolls = [];
  const cdp = await page.context().newCDPSession(page);
  if (traceDir) mkdirSync(traceDir, { recursive: true });
  const traceFile = (name) => traceDir && path.join(traceDir, `scroll-${name}.json`);
  const record = (row) => {
    scrolls.push(row);
    const label = row.size === 0 ? 'plain div' : `${row.rate}/s${row.selected ? ', selected' : ''}`;
    log(
      `  scroll ${label}: frame cost p95 ${row.p95FrameCostMs.toFixed(1)} ms (max ${row.maxFrameCostMs.toFixed(1)}), ` +
        `vsync p95 ${row.vsyncP95FrameMs.toFixed(1)} ms, ${row.longTasks} long tasks`,
    );
  };
  // The platform's own cost first: a plain scrolling div in the same page and browser.
  record({ size: 0, seconds, selected: false, ...(await measureScroll(cdp, () => page.evaluate((s) => window.__bench.scrollPlain(s), seconds), traceFile('plain'))) });
  let mountedSelected;
  for (const { rate, selected } of SCROLLS) {
    if (mountedSelected !== selected) {
      // The selected conversation sits in the middle of the list, so messages keep moving rows above and below it.
      await page.evaluate((index) => window.__bench.mount(index), selected ? Math.floor(size / 2) : undefined);
      mountedSelected = selected;
      // Unmeasured: a fresh mount's JIT and collection settle.
      await page.evaluate(([s, r]) => window.__bench.scroll(s, r), [1, 100]);
    }
    const run = () => page.evaluate(([s, r]) => window.__bench.scroll(s, r), [seconds, rate]);
    const row = await measureScroll(cdp, run, traceFile(`${size}-${rate}${selected ? '-selected' : ''}`));
    record({ size, seconds, selected, ...row });
  }
  await cdp.detach();
  return scrolls;
}
