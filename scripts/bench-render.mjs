// Render benchmark: a production build of bench/render in headless Chromium (Debian's, or $CHROMIUM_PATH).
/* global window */
import { build, preview } from 'vite';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './chromium.mjs';

/** Budgets that do not depend on machine speed; CI fails when one regresses. */
export const RENDER_BUDGETS = {
  rowsPerEvent: 1,
  listOrderChangesPerEvent: 1,
  domNodes: 900,
};

/**
 * Without a frame-rate limit Chromium starts the next frame as soon as the last one is done, so the time between
 * two animation frames is what the frame cost (script, style, layout, paint), instead of the 16.7 ms vsync
 * interval plus its jitter that a plain div cannot get under either.
 */
const UNTHROTTLED = ['--disable-frame-rate-limit', '--disable-gpu-vsync'];

/** The scrolling scenarios: messages per second, and whether a conversation is selected (an app with one open). */
const SCROLLS = [
  { rate: 0, selected: false },
  { rate: 100, selected: false },
  { rate: 500, selected: false },
  { rate: 100, selected: true },
  { rate: 500, selected: true },
];

async function openPage(browser, url, log) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  page.on('pageerror', (error) => log(`  page error: ${error.message}`));
  await page.goto(url);
  await page.waitForFunction(() => Boolean(window.__bench));
  return page;
}

/** Scrolls a plain div, then the mounted list in each scenario, for `seconds` each. */
async function runScrolls(page, size, seconds) {
  const results = [await page.evaluate((s) => window.__bench.scrollPlain(s), seconds)];
  let mountedSelected;
  for (const { rate, selected } of SCROLLS) {
    if (mountedSelected !== selected) {
      // The selected conversation sits in the middle of the list, so messages keep moving rows above and below it.
      await page.evaluate((index) => window.__bench.mount(index), selected ? Math.floor(size / 2) : undefined);
      mountedSelected = selected;
    }
    results.push({ ...(await page.evaluate(([s, r]) => window.__bench.scroll(s, r), [seconds, rate])), selected });
  }
  return results;
}

export async function runRenderBench({ quick = false, log = console.log } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  await build({ configFile: 'bench/render/vite.config.ts', mode: 'production', logLevel: 'error' });
  const server = await preview({ configFile: 'bench/render/vite.config.ts', preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls.local[0];
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const largest = sizes[sizes.length - 1];
  const seconds = quick ? 1 : 5;
  const rows = [];
  const scrolls = [];
  let browser;
  try {
    // 1. Mount, events and vsync-paced scrolling in an ordinary headless Chromium.
    browser = await chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    let page = await openPage(browser, url, log);
    for (const size of sizes) {
      const setup = await page.evaluate((n) => window.__bench.setup(n), size);
      const mount = await page.evaluate(() => window.__bench.mount());
      const events = await page.evaluate((rounds) => window.__bench.events(rounds), quick ? 10 : 30);
      rows.push({ size, loadMs: setup.loadMs, ...mount, ...events });
      log(`  render ${size}: mount ${mount.mountMs.toFixed(1)} ms, ${mount.domNodes} DOM nodes, ${events.rowsPerEvent} rows/event`);
    }
    const paced = await runScrolls(page, largest, seconds);
    await browser.close();

    // 2. The same scrolling without a frame-rate limit: the frame cost itself.
    browser = await chromium.launch({ executablePath, headless: true, args: [...CHROMIUM_ARGS, ...UNTHROTTLED] });
    page = await openPage(browser, url, log);
    await page.evaluate((n) => window.__bench.setup(n), largest);
    const unthrottled = await runScrolls(page, largest, seconds);
    paced.forEach((vsync, i) => {
      const cost = unthrottled[i];
      const row = {
        size: vsync.rate < 0 ? 0 : largest,
        seconds,
        rate: vsync.rate,
        selected: Boolean(vsync.selected),
        messagesSent: cost.messagesSent,
        frames: cost.frames,
        p50FrameCostMs: cost.p50FrameMs,
        p95FrameCostMs: cost.p95FrameMs,
        maxFrameCostMs: cost.maxFrameMs,
        longTasks: cost.longTasks,
        longestTaskMs: cost.longestTaskMs,
        vsyncP95FrameMs: vsync.p95FrameMs,
        vsyncLongTasks: vsync.longTasks,
        vsyncLongestTaskMs: vsync.longestTaskMs,
      };
      scrolls.push(row);
      const label = row.rate < 0 ? 'plain div' : `${row.rate}/s${row.selected ? ', selected' : ''}`;
      log(`  scroll ${label}: frame cost p95 ${row.p95FrameCostMs.toFixed(1)} ms, vsync p95 ${row.vsyncP95FrameMs.toFixed(1)} ms, ${row.longTasks + row.vsyncLongTasks} long tasks`);
    });
  } finally {
    await browser?.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  return { rows, scrolls };
}
