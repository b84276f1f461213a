#!/usr/bin/env node
// The README's first Usage snippet, pasted verbatim into a fresh Vite React + TypeScript app, shows conversations.
//
// What a new user does, in a temp dir: `npm pack` this package (prepack builds it), `npm create vite` from the
// react-ts template (its default styles kept, `#root { text-align: center }` included), install the tarball and its
// peers, make the snippet the app's App, `npm run build` (tsc -b, then vite build), serve the build on 127.0.0.1 and
// open it in headless Chromium: rows must be on screen, with no console error and no request to another host, and
// triage must work there (jump to the first unread, select three, mark them read from the bar, clear).
// Needs the npm registry (create-vite, the template's dependencies, the peers). Exits non-zero on any failure.
//
//   node scripts/fresh-app.mjs [--keep]     (--keep leaves the temp dir for a look)
import { spawn, execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
/* global fetch, URL */
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './chromium.mjs';

/** Pinned, so the check does not change under us when a new template is published. */
const CREATE_VITE = 'vite@9.3.0'; // `npm create vite@9.3.0` runs create-vite 9.3.0
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const VIEWPORT = { width: 1280, height: 800 };
const started = Date.now();
const keep = process.argv.includes('--keep');

const log = (message) => console.log(`fresh-app: ${message} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
const NPM_ENV = { ...process.env, npm_config_yes: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
/** Runs a command; on failure the error carries what it printed (a build's type errors go to stdout). */
function run(cmd, args, cwd) {
  try {
    return execFileSync(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', env: NPM_ENV });
  } catch (error) {
    throw new Error(`${cmd} ${args.join(' ')} failed:\n${`${error.stdout ?? ''}${error.stderr ?? ''}`.trim().split('\n').slice(-25).join('\n')}`, { cause: error });
  }
}

/** The first ```tsx block under "## Usage" in the README, exactly as written there. */
export function usageSnippet(readme) {
  const usage = readme.indexOf('\n## Usage');
  if (usage < 0) throw new Error('README.md has no "## Usage" section.');
  const match = /```tsx\n([\s\S]*?)```/.exec(readme.slice(usage));
  if (!match) throw new Error('README.md\'s Usage section has no ```tsx block.');
  return match[1];
}

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitForHttp(url, child, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`vite preview exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s`);
}

/**
 * Triage as a user meets it in the packed package (issue 17): from the list, Alt+Shift+↓ jumps to the first unread
 * row, Shift+↓ twice selects it and the two below, the bar's "Mark read" reads them, and × clears the selection.
 */
async function triage(page, problems) {
  /* global CSS */
  const focusedRow = () =>
    page.evaluate(() => {
      const grid = document.querySelector('[role="grid"]');
      const row = grid && document.getElementById(grid.getAttribute('aria-activedescendant') ?? '');
      return row ? { id: row.dataset.conversationId, unread: row.querySelector('[data-unread]') !== null || row.hasAttribute('data-unread') } : null;
    });
  await page.focus('[role="grid"]');
  // Focus makes the first row active; the jump (a promise: it may load pages) moves it, so wait for the move.
  const before = await page.evaluate(() => document.querySelector('[role="grid"]')?.getAttribute('aria-activedescendant') ?? null);
  await page.keyboard.press('Alt+Shift+ArrowDown');
  await page
    .waitForFunction((was) => (document.querySelector('[role="grid"]')?.getAttribute('aria-activedescendant') ?? null) !== was, before, { timeout: 5_000 })
    .catch(() => {});
  const first = await focusedRow();
  if (!first?.unread) return problems.push(`Alt+Shift+↓ did not go to an unread row (focused: ${JSON.stringify(first)})`);
  await page.keyboard.press('Shift+ArrowDown');
  await page.keyboard.press('Shift+ArrowDown');
  const bar = await page.waitForSelector('.ik-BatchActionBar[data-count="3"]', { timeout: 5_000 }).catch(() => null);
  if (!bar) return problems.push('Shift+↓ twice from a row did not select three rows (no batch bar saying 3)');
  await page.click('.ik-BatchActionBar [data-action="markRead"]');
  const read = await page
    .waitForFunction(
      (id) => {
        const row = document.querySelector(`[data-conversation-id="${CSS.escape(id)}"]`);
        return row && !row.hasAttribute('data-unread') && row.querySelector('[data-unread], .ik-ConversationItem-unreadBadge') === null;
      },
      first.id,
      { timeout: 5_000 },
    )
    .then(() => true, () => false);
  if (!read) return problems.push(`"Mark read" in the batch bar left ${first.id} unread`);
  const summary = await page.textContent('.ik-BatchActionBar-status');
  await page.click('.ik-BatchActionBar-clear');
  const cleared = await page.waitForSelector('.ik-BatchActionBar', { state: 'detached', timeout: 5_000 }).then(() => true, () => false);
  if (!cleared) return problems.push('× in the batch bar did not clear the selection');
  log(`triage: jumped to unread ${first.id}, selected 3, marked them read ("${summary?.trim()}"), cleared the selection`);
}

async function main() {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(HOW_TO_INSTALL);
  const snippet = usageSnippet(readFileSync(path.join(ROOT, 'README.md'), 'utf8'));
  const dir = mkdtempSync(path.join(tmpdir(), 'inboxkit-fresh-app-'));
  let preview;
  let browser;
  try {
    // 1. The package, as `npm publish` would make it (prepack builds dist/).
    run('npm', ['pack', '--silent', '--pack-destination', dir], ROOT);
    const tarball = path.join(dir, readdirSync(dir).find((name) => name.endsWith('.tgz')));
    log(`packed ${path.basename(tarball)}`);

    // 2. A fresh app from the template, with its own styles left alone.
    run('npm', ['create', '--yes', CREATE_VITE, 'app', '--', '--template', 'react-ts', '--no-interactive'], dir);
    const app = path.join(dir, 'app');
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error'], app);
    run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', tarball, 'zustand', '@tanstack/react-virtual'], app);
    log('created the app and installed the tarball with its peers');

    // 3. The README's snippet, verbatim, as the app's App; main.tsx keeps index.css and also loads App.css, the
    //    template's other stylesheet, which the template's App imported.
    writeFileSync(path.join(app, 'src', 'App.tsx'), snippet);
    const mainFile = path.join(app, 'src', 'main.tsx');
    writeFileSync(mainFile, readFileSync(mainFile, 'utf8').replace("import './index.css'", "import './index.css'\nimport './App.css'"));
    run('npm', ['run', 'build', '--silent'], app);
    log('built the app (tsc -b and vite build)');

    // 4. Served on 127.0.0.1 and opened in Chromium.
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/`;
    preview = spawn(path.join(app, 'node_modules', '.bin', 'vite'), ['preview', '--host', '127.0.0.1', '--port', String(port), '--strictPort'], {
      cwd: app,
      stdio: 'ignore',
      detached: true,
    });
    await waitForHttp(url, preview);
    browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, headless: true });
    const page = await browser.newPage({ viewport: VIEWPORT });
    const problems = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('request', (request) => {
      const { protocol, hostname } = new URL(request.url());
      if ((protocol === 'http:' || protocol === 'https:') && hostname !== '127.0.0.1') problems.push(`request to another host: ${request.url()}`);
    });
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForSelector('[role="row"]', { timeout: 15_000 }).catch(() => {});
    await page.waitForTimeout(500); // late requests and errors (avatars, effects) have their turn

    const seen = await page.evaluate(({ width, height }) => {
      /* global document */
      const grid = document.querySelector('[role="grid"]');
      const inside = (r) => r.width > 0 && r.height > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= height && r.right <= width;
      const rows = [...document.querySelectorAll('[role="row"]')].map((row) => row.getBoundingClientRect());
      const gridRect = grid?.getBoundingClientRect();
      return {
        gridHeight: gridRect ? Math.round(gridRect.height) : 0,
        rows: rows.length,
        rowsOnScreen: rows.filter((r) => inside(r) && (!gridRect || (r.top >= gridRect.top - 1 && r.bottom <= gridRect.bottom + 1))).length,
        firstRowText: document.querySelector('[role="row"]')?.textContent?.slice(0, 60) ?? '',
      };
    }, VIEWPORT);
    log(`list ${seen.gridHeight} px tall, ${seen.rowsOnScreen} of ${seen.rows} rendered rows wholly on screen; first: "${seen.firstRowText}"`);
    if (seen.gridHeight <= 0) problems.push('the conversation list is 0 px tall');
    if (seen.rowsOnScreen < 3) problems.push(`only ${seen.rowsOnScreen} conversation rows are wholly on screen (want at least 3)`);
    if (keep) await page.screenshot({ path: path.join(dir, 'fresh-app.png') });
    if (!problems.length) await triage(page, problems);

    if (problems.length) throw new Error(`the README's snippet in a fresh Vite app is broken:\n  ${problems.join('\n  ')}`);
    log('OK: rows on screen, no console error, no request to another host');
  } finally {
    await browser?.close();
    if (preview?.pid) {
      try {
        process.kill(-preview.pid, 'SIGTERM'); // its process group: vite and anything it started
      } catch {
        // already gone
      }
    }
    if (keep) console.log(`fresh-app: kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`fresh-app: FAILED after ${((Date.now() - started) / 1000).toFixed(1)} s: ${error.message}`);
  process.exit(1);
});
