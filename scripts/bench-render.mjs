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

export async function runRenderBench({ quick = false, log = console.log } = {}) {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  await build({ configFile: 'bench/render/vite.config.ts', mode: 'production', logLevel: 'error' });
  const server = await preview({ configFile: 'bench/render/vite.config.ts', preview: { host: '127.0.0.1', port: 0, strictPort: false }, logLevel: 'error' });
  const url = server.resolvedUrls.local[0];
  const browser = await chromium.launch({
    executablePath,
    headless: true,
    args: [
      ...CHROMIUM_ARGS,
    ],
  });
  const sizes = quick ? [1_000, 10_000] : [1_000, 10_000, 100_000];
  const rows = [];
  let scrolls = [];
  try {
    const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
    page.on('pageerror', (error) => log(`  page error: ${error.message}`));
    await page.goto(url);
    await page.waitForFunction(() => Boolean(window.__bench));
    for (const size of sizes) {
      const setup = await page.evaluate((n) => window.__bench.setup(n), size);
      const mount = await page.evaluate(() => window.__bench.mount());
      const events = await page.evaluate((rounds) => window.__bench.events(rounds), quick ? 10 : 30);
      rows.push({ size, loadMs: setup.loadMs, ...mount, ...events });
      log(`  render ${size}: mount ${mount.mountMs.toFixed(1)} ms, ${mount.domNodes} DOM nodes, ${events.rowsPerEvent} rows/event`);
    }
    const seconds = quick ? 1 : 5;
    const plain = await page.evaluate((s) => window.__bench.scrollPlain(s), seconds);
    scrolls.push({ size: 0, seconds, ...plain });
    log(`  scroll plain div: p95 frame ${plain.p95FrameMs.toFixed(1)} ms`);
    for (const rate of [0, 100, 500]) {
      const result = await page.evaluate(([s, r]) => window.__bench.scroll(s, r), [seconds, rate]);
      scrolls.push({ size: sizes[sizes.length - 1], seconds, ...result });
      log(`  scroll ${rate}/s: p95 frame ${result.p95FrameMs.toFixed(1)} ms, ${result.longTasks} long tasks`);
    }
  } finally {
    await browser.close();
    await new Promise((resolve) => server.httpServer.close(resolve));
  }
  return { rows, scrolls };
}
