// `npm run bench`: store benchmarks in Node (and, when available, render benchmarks in headless Chromium).
// Prints a table and writes bench/results/*.json. Timings are ratios measured in one run, never absolute limits.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'vite';

const quick = process.argv.includes('--quick');
const server = await createServer({ configFile: false, logLevel: 'error', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true } });
const results = {};
let failed = false;
try {
  const { runStoreBench } = await server.ssrLoadModule('/bench/store.bench.ts');
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  console.log(`Store: one message event and a 1,000-event burst (${quick ? 'quick' : 'full'} run)`);
  const rows = await runStoreBench(sizes, (line) => console.log(line));
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
    })),
  );
  const first = rows[0];
  const last = rows[rows.length - 1];
  const growth = last.eventMedianUs / first.eventMedianUs;
  console.log(`Per-event cost at ${last.size} vs ${first.size}: ${growth.toFixed(2)}× (goal ≤ 3×)`);
  console.log(`Speed-up over naive re-sort at ${last.size}: ${last.eventSpeedup.toFixed(0)}× (goal ≥ 50×)`);
  results.storeSummary = { growth, speedupAtLargest: last.eventSpeedup, goals: { growthMax: 3, speedupMin: 50 } };
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
process.exit(failed ? 1 : 0);
