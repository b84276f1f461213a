// `npm run bench`: store benchmarks in Node (and, when available, render benchmarks in headless Chromium).
// Prints a table and writes bench/results/*.json. Timings are ratios measured in one run, never absolute limits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const quick = process.argv.includes('--quick');

// `--batch-only`: only the render bench's select-all + batch scenario (issue 17), printed and checked like the rest.
if (process.argv.includes('--batch-only')) {
  process.env.NODE_ENV = 'production';
  const { runBatchBench, batchFailures } = await import('./bench-render.mjs');
  console.log(`Render: select all + batch in headless Chromium (${quick ? 'quick' : 'full'} run)`);
  const batch = await runBatchBench({ repeats: quick ? 1 : 3 });
  printBatch(batch);
  const failures = batchFailures(batch);
  if (failures.length) console.log(`Select all + batch regressed:\n  ${failures.join('\n  ')}`);
  else console.log('Select all + batch (chunks, per-commit sizes, final state, backend calls): all as expected.');
  process.exit(failures.length ? 1 : 0);
}
const server = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true } });
const results = {};
let failed = false;
try {
  const { runStoreBench } = await server.ssrLoadModule('/bench/store.bench.ts');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  console.log(`Store: one message event and a 1,000-event burst (${quick ? 'quick run' : 'full run, the median of 3 stores per size'})`);
  // Three stores per size in the full run, each figure their median; the quick run's counters need one.
  const rows = await runStoreBench(sizes, (line) => console.log(line), quick ? 1 : 3);
  results.store = rows;
  console.table(
    rows.map((r) => ({
      conversations: r.size,
      'event µs (median)': r.eventMedianUs.toFixed(2),
      'event + read ids µs': r.eventWithIdsMedianUs.toFixed(2),
      'naive re-sort µs': r.naiveEventMedianUs.toFixed(0),
      'event speed-up': `${r.eventSpeedup.toFixed(0)}×`,
      'burst ms': r.burstMedianMs.toFixed(2),
      'naive burst ms': r.naiveBurstMedianMs.toFixed(2),
      'burst speed-up': `${r.burstSpeedup.toFixed(1)}×`,
      'filtered event µs': r.filteredEventMedianUs.toFixed(2),
      'query keystroke ms': r.queryKeystrokeMedianMs.toFixed(2),
    })),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.eventMedianUs / first.eventMedianUs;
  console.log(`Per-event cost at ${last.size} vs ${first.size}: ${growth.toFixed(2)}× (goal ≤ 3×)`);
  console.log(`Speed-up over naive re-sort at ${last.size}: ${last.eventSpeedup.toFixed(0)}× (goal ≥ 50×)`);
  const filteredGrowth = last.filteredEventMedianUs / first.filteredEventMedianUs;
  console.log(`Filtered lists (unread, mentions, query) event cost at ${last.size} vs ${first.size}: ${filteredGrowth.toFixed(2)}× (goal ≤ 3×)`);
  console.log(`A query keystroke at ${last.size} (store, Node): ${last.queryKeystrokeMedianMs.toFixed(1)} ms (goal ≤ 16 ms)`);
  // The store's heap per conversation, with V8's collector exposed at run time.
  const { setFlagsFromString } = await import('node:v8');
  const { runInNewContext } = await import('node:vm');
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc');
  const { measureStoreHeap } = await server.ssrLoadModule('/bench/store.bench.ts');
  const heapPerConversation = await measureStoreHeap(last.size, gc);
  console.log(`Store heap per conversation beyond the raw data at ${last.size}: ${Math.round(heapPerConversation)} B (goal ≤ 1024)`);
  results.storeSummary = { growth, speedupAtLargest: last.eventSpeedup, heapPerConversation, goals: { growthMax: 3, speedupMin: 50, heapMaxBytes: 1024 } };
  if (!quick && (growth > 3 || last.eventSpeedup < 50)) {
    console.log('Store goal missed.');
    failed = true;
  }
} finally {
  await server.close();
}

mkdirSync('bench/results', { recursive: true });
writeFileSync('bench/results/store.json', JSON.stringify(results, null, 2));
console.log('Wrote bench/results/store.json');

// The Vite dev server above set NODE_ENV=development; everything below measures production builds.
process.env.NODE_ENV = 'production';

if (!process.argv.includes('--store-only')) {
  const { runRenderBench, RENDER_BUDGETS, batchFailures } = await import('./bench-render.mjs');
  console.log(`\nRender: production build in headless Chromium (${quick ? 'quick' : 'full'} run)`);
  // `--traces`: each scroll's trace goes to bench/results/traces/ too, to open in DevTools' Performance panel.
  const render = await runRenderBench({ quick, traceDir: process.argv.includes('--traces') ? 'bench/results/traces' : undefined });
  printRender(render);
  // Heap per conversation is measured on the store in Node (above): Chromium's heap readings between two GCs
  // were not stable enough here, and the mounted list itself is constant in size (virtualized, ~300 DOM nodes).
  const budgetFailures = [];
  for (const r of render.rows) {
    if (r.rowsPerEvent > RENDER_BUDGETS.rowsPerEvent) budgetFailures.push(`${r.size}: ${r.rowsPerEvent} rows re-rendered per event > ${RENDER_BUDGETS.rowsPerEvent}`);
    if (r.listRendersPerEvent > RENDER_BUDGETS.listRendersPerEvent) budgetFailures.push(`${r.size}: the list rendered ${r.listRendersPerEvent}× per event`);
    if (r.domNodes > RENDER_BUDGETS.domNodes) budgetFailures.push(`${r.size}: ${r.domNodes} DOM nodes > ${RENDER_BUDGETS.domNodes}`);
  }
  const { burst } = render;
  if (burst.maxListRendersPerFrame > RENDER_BUDGETS.listRendersPerFrame) {
    budgetFailures.push(`${burst.size}: the list rendered ${burst.maxListRendersPerFrame}× in one frame during a ${burst.rate} msg/s burst`);
  }
  budgetFailures.push(...batchFailures(render.batch));
  results.render = { ...render, budgets: RENDER_BUDGETS, budgetFailures };
  writeFileSync('bench/results/render.json', JSON.stringify(results.render, null, 2));
  console.log('Wrote bench/results/render.json');
  if (budgetFailures.length) {
    console.log(`Render budgets regressed:\n  ${budgetFailures.join('\n  ')}`);
    failed = true;
  } else {
    console.log(
      'Render budgets (rows per event, list renders per event and per frame in a burst, DOM nodes; select all + batch: ' +
        'chunks, ids per commit, final state): all within budget.',
    );
  }
}

/**
 * The render bench's tables and goal lines. Timed goals compare figures taken in this run and are printed, never
 * failed on (frame times depend on the machine and what else it runs); CI fails on the counted budgets only.
 */
function printRender(render) {
  const k = (n) => (n >= 1000 ? `${n / 1000}k` : String(n));
  const met = (ok) => (ok ? 'met' : 'MISSED');
  console.log('\nPer size (counted rows, the list over all conversations loaded):');
  console.table(
    render.rows.map((r) => ({
      conversations: r.size,
      'store load ms': r.loadMs.toFixed(1),
      'mount ms': r.mountMs.toFixed(1),
      'rows re-rendered / event': r.rowsPerEvent,
      'list renders / event': r.listRendersPerEvent,
      'DOM nodes': r.domNodes,
    })),
  );
  const { burst } = render;
  console.log(
    `Burst at ${k(burst.size)}: ${burst.messages} messages at ${burst.rate}/s, each in its own task, over ${burst.frames} frames: ` +
      `${burst.listRenders} list renders, at most ${burst.maxListRendersPerFrame} between two frames' starts (budget ≤ 1)`,
  );

  console.log('\nNew message → painted (a conversation far down moves to the top; frames: 1 = the next frame, or the current one for a message inside a frame):');
  console.table(
    render.painted.flatMap(({ size, inboxkit, bare }) =>
      ['between', 'inFrame'].map((arrival) => ({
        conversations: size,
        'message arrives': arrival === 'between' ? 'between frames' : "in a frame's callbacks",
        'InboxKit frames': inboxkit[arrival].frames,
        'bare list frames': bare[arrival].frames,
        'InboxKit ms': inboxkit[arrival].ms.toFixed(1),
        'bare list ms': bare[arrival].ms.toFixed(1),
        'ms ratio': `${(inboxkit[arrival].ms / bare[arrival].ms).toFixed(2)}×`,
      })),
    ),
  );
  for (const { size, inboxkit, bare } of render.painted) {
    const same = inboxkit.between.frames === bare.between.frames && inboxkit.inFrame.frames === bare.inFrame.frames;
    console.log(
      `New message painted at ${k(size)}: InboxKit in ${inboxkit.between.frames} / ${inboxkit.inFrame.frames} frames, the bare zustand + ` +
        `@tanstack/react-virtual list in ${bare.between.frames} / ${bare.inFrame.frames} (between frames / inside a frame; goal: the same) — ${met(same)}`,
    );
  }

  console.log('\nFiltered lists through ConversationList (a message: store, render, commit, layout; median ms) and query typing:');
  console.table(
    render.filtered.map((f) => ({
      conversations: f.size,
      'all ms': f.events.all.toFixed(2),
      'unreadOnly ms': f.events.unreadOnly.toFixed(2),
      'mentionsOnly ms': f.events.mentionsOnly.toFixed(2),
      'query ms': f.events.query.toFixed(2),
      'keystroke ms (median)': f.keystrokeMs.toFixed(1),
      'keystroke p95 ms': f.keystrokeP95Ms.toFixed(1),
      'keystroke → painted ms': f.keystrokeToPaintMs.toFixed(1),
    })),
  );
  const small = render.filtered[0];
  const large = render.filtered.at(-1);
  for (const name of ['unreadOnly', 'mentionsOnly', 'query']) {
    const ratio = large.events[name] / small.events[name];
    console.log(`Filtered (${name}) event cost at ${k(large.size)} vs ${k(small.size)}: ${ratio.toFixed(2)}× (goal ≤ 3×) — ${met(ratio <= 3)}`);
  }
  console.log(
    `A query keystroke at ${k(large.size)} (ConversationList, Chromium): ${large.keystrokeMs.toFixed(1)} ms median, ` +
      `${large.keystrokeMaxMs.toFixed(1)} ms max (goal ≤ 16 ms) — ${met(large.keystrokeMs <= 16)}`,
  );

  printBatch(render.batch);

  const g = render.groupSwitch;
  console.log(
    `\nGroup-tab switch at ${k(g.size)}: the list rendered for another group in ${g.switchMs.toFixed(1)} ms median ` +
      `(${g.switchMaxMs.toFixed(1)} max), rows painted ${g.switchToPaintMs.toFixed(1)} ms after the click`,
  );

  console.log('\nMount through the public path (adapter from raw data, provider connects the store, first rows painted):');
  console.table(
    render.mounts.map((m) => ({
      conversations: m.size,
      'InboxKit ms': m.inboxkitMs.toFixed(1),
      'of it createMemoryAdapter ms': m.inboxkitDataMs.toFixed(1),
      'bare list ms': m.bareMs === undefined ? '' : m.bareMs.toFixed(1),
      'of it store built and sorted ms': m.bareDataMs === undefined ? '' : m.bareDataMs.toFixed(1),
      ratio: m.bareMs === undefined ? '' : `${(m.inboxkitMs / m.bareMs).toFixed(2)}×`,
    })),
  );
  const first = render.mounts[0];
  const last = render.mounts.at(-1);
  const growth = last.inboxkitMs / first.inboxkitMs;
  console.log(`Mount at ${k(last.size)} vs ${k(first.size)}: ${growth.toFixed(2)}× (goal ≤ 2×) — ${met(growth <= 2)}`);
  // Where the growth is: createMemoryAdapter checks every raw conversation (a typed error at the call for a bad one)
  // and counts groups and unread from them; the rest reads one page. Shown for the reader, not a goal of its own.
  console.log(
    `  of which createMemoryAdapter (every conversation checked, groups and unread counted): ${first.inboxkitDataMs.toFixed(1)} → ${last.inboxkitDataMs.toFixed(1)} ms; ` +
      `the rest (provider, store, first page, rows painted): ${first.inboxkitRestMs.toFixed(1)} → ${last.inboxkitRestMs.toFixed(1)} ms, ` +
      `${(last.inboxkitRestMs / first.inboxkitRestMs).toFixed(2)}×`,
  );
  const at10k = render.mounts.find((m) => m.size === 10_000 && m.bareMs !== undefined);
  if (at10k) {
    const ratio = at10k.inboxkitMs / at10k.bareMs;
    console.log(`Mount at 10k, InboxKit vs the bare list: ${ratio.toFixed(2)}× (goal ≤ 1.5×) — ${met(ratio <= 1.5)}`);
  }

  console.log('\nScrolling:');
  console.table(
    render.scrolls.map((s) => ({
      scrolling: s.size === 0 ? 'plain div (no React)' : `${s.size} conversations${s.selected ? ', one selected' : ''}`,
      'messages / s': Math.max(0, s.rate),
      frames: s.frames,
      'frame cost p50 ms': s.p50FrameCostMs.toFixed(1),
      'frame cost p95 ms': s.p95FrameCostMs.toFixed(1),
      'frame cost max ms': s.maxFrameCostMs.toFixed(1),
      'frames > 16.7 ms': s.framesOverBudget,
      'GC ms / s': s.gcMsPerSecond.toFixed(1),
      'vsync p95 ms': s.vsyncP95FrameMs.toFixed(1),
      'long tasks': s.longTasks,
      'longest task ms': s.longestTaskMs.toFixed(0),
    })),
  );
  const plain = render.scrolls.find((s) => s.size === 0);
  const scenario = (rate, selected) => render.scrolls.find((s) => s.size > 0 && s.rate === rate && s.selected === selected);
  console.log(
    'Frame cost = main-thread time per frame (every task since the previous frame was rendered: messages, scroll, GC, ' +
      'style, layout, paint), traced while scrolling at 60 Hz; vsync p95 = time between animation frames, which jitter ' +
      'keeps above 16.7 ms even for the plain div.',
  );
  console.log(`Plain div: frame cost p95 ${plain.p95FrameCostMs.toFixed(1)} ms; the list with no messages: ${scenario(0, false).p95FrameCostMs.toFixed(1)} ms`);
  for (const selected of [false, true]) {
    const at100 = scenario(100, selected);
    const ok = at100.p95FrameCostMs <= render.frameBudgetMs && at100.longestTaskMs <= 50;
    console.log(
      `Scrolling at ${k(at100.size)} with 100 msg/s${selected ? ', one selected' : ''}: frame cost p95 ${at100.p95FrameCostMs.toFixed(1)} ms ` +
        `(goal ≤ 16.7; plain div ${plain.p95FrameCostMs.toFixed(1)}), longest task ${at100.longestTaskMs.toFixed(0)} ms ` +
        `(goal none over 50) — ${met(ok)}`,
    );
  }
}
/**
 * Select all + batch at 100k (issue 17): long tasks and the longest slice of work per phase, against the 50 ms
 * target, printed and never failed on; the counted facts (chunks, ids per commit, final state) are checked apart.
 */
function printBatch(batch) {
  const { idle, cases, size, repeats = 1 } = batch;
  const k = `${size / 1000}k`;
  const label = ({ kind, run }) => (repeats > 1 ? `${kind} (run ${run})` : kind);
  const met = (ok) => (ok ? 'met' : 'MISSED');
  console.log(`\nSelect all + batch at ${k} (useConversationSelection().selectAll(), then the BatchActionBar's button; main thread watched):`);
  const row = (label, m, extra = {}) => ({
    phase: label,
    ms: m.ms.toFixed(0),
    'long tasks (> 50 ms)': m.longTasks,
    'longest task ms': m.longestTaskMs.toFixed(0),
    'longest slice ms (heartbeat gap)': m.maxHeartbeatGapMs.toFixed(1),
    'longest frame gap ms': m.maxFrameGapMs.toFixed(1),
    ...extra,
  });
  console.table([
    row('idle page (floor)', idle, { chunks: '', 'ids / commit max': '' }),
    ...cases.flatMap((c) => [
      row(`${label(c)}: select all`, c.selectAll, { chunks: '', 'ids / commit max': '' }),
      row(`${label(c)}: batch`, c.batch, { chunks: c.facts.applyCommits, 'ids / commit max': Math.max(c.facts.maxApplied, c.facts.maxSettled) }),
    ]),
  ]);
  console.log(
    '  The batch in stretches: the click (until its first chunk is applied), the chunks applied (long tasks wholly inside), the chunks settled. ' +
      'The heartbeat is an ordinary task (as React\'s scheduler, timers and network callbacks are): a gap as long as the stretch means none of those ran in it.',
  );
  console.table(
    cases.flatMap((c) =>
      Object.entries(c.batch.stretches).map(([name, st]) => ({
        stretch: `${label(c)}: ${name}`,
        ms: st.ms.toFixed(0),
        'list renders': st.listRenders,
        'long tasks': st.longTasks,
        'longest task ms': st.longestTaskMs.toFixed(0),
        'longest slice ms (heartbeat gap)': st.maxHeartbeatGapMs.toFixed(1),
        'longest frame gap ms': st.maxFrameGapMs.toFixed(1),
      })),
    ),
  );
  for (const c of cases) {
    const { selectAll, batch: b, facts: f } = c;
    console.log(
      `  ${label(c)}: selectAll() itself ${selectAll.callMs.toFixed(1)} ms (a bare new Set of ${k} ids: ${selectAll.bareSetMs.toFixed(1)} ms); ` +
        `the click's own task ${b.clickMs.toFixed(1)} ms; ${f.applyCommits} commits applied and ${f.settleCommits} settled ≤ ${Math.max(f.maxApplied, f.maxSettled)} ids each, ` +
        `${f.backendCalls} backend calls (≤ ${f.maxIdsPerBackendCall} ids each), whole batch ${(b.ms / 1000).toFixed(1)} s`,
    );
  }
  // The goal is the issue's: no task over 50 ms, as the browser's Long Tasks API reports them (a frame's rendering is a
  // task too). The heartbeat gap is printed beside it: how long an ordinary task queued behind the batch waited, which
  // may span two tasks back to back (a batch slice, then a frame), each under 50 ms. With repeats, the verdict is the
  // median run's, as every timed figure here is a median: on a 2-core machine one run in a few catches a collection or
  // the OS taking the CPU mid-frame. Every run is in the tables above, and the count of clean runs is printed.
  for (const kind of [...new Set(cases.map((c) => c.kind))]) {
    const runs = cases
      .filter((c) => c.kind === kind)
      .map(({ selectAll, batch: b }) => ({
        tasks: selectAll.longTasks + b.longTasks,
        longest: Math.max(selectAll.longestTaskMs, b.longestTaskMs),
        wait: Math.max(selectAll.maxHeartbeatGapMs, b.maxHeartbeatGapMs),
      }))
      .sort((x, y) => x.tasks - y.tasks || x.longest - y.longest);
    const median = runs[Math.floor((runs.length - 1) / 2)];
    const clean = runs.filter((r) => r.tasks === 0).length;
    const which = runs.length > 1 ? ` (the median of ${runs.length} runs; ${clean} of ${runs.length} had none)` : '';
    console.log(
      `Select all + ${kind} at ${k}: ${median.tasks} long tasks, longest ${median.longest.toFixed(0)} ms${which} ` +
        `(goal: no task over 50 ms) — ${met(median.tasks === 0)}; ` +
        `longest wait for a queued task ${median.wait.toFixed(0)} ms (idle floor ${idle.maxHeartbeatGapMs.toFixed(0)} ms)`,
    );
  }
}

if (!process.argv.includes('--store-only')) {
  // Bundle: gzip size of each entry point (peers external), from a fresh library build.
  const { execSync, spawnSync } = await import('node:child_process');
  execSync('npm run build --silent', { stdio: 'ignore', env: { ...process.env, NODE_ENV: 'production' } });
  // size-limit exits non-zero when a budget is exceeded; its JSON is on stdout either way.
  const sizes = JSON.parse(spawnSync('npx', ['size-limit', '--json'], { encoding: 'utf8' }).stdout);
  console.log('\nBundle (minified + gzip, peers external):');
  console.table(sizes.map((e) => ({ entry: e.name, 'kB': (e.size / 1000).toFixed(2), passed: e.passed })));
  results.bundle = sizes;
  writeFileSync('bench/results/bundle.json', JSON.stringify(sizes, null, 2));
  if (sizes.some((e) => !e.passed)) {
    console.log('Bundle budget exceeded.');
    failed = true;
  }
}
process.exit(failed ? 1 : 0);
