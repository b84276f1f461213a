// Finds a Chromium for the browser tests: $CHROMIUM_PATH, the system's, or one Playwright installed.
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';

function playwrightChromium() {
  const root = process.env.PLAYWRIGHT_BROWSERS_PATH || path.join(homedir(), '.cache', 'ms-playwright');
  if (!existsSync(root)) return undefined;
  for (const dir of readdirSync(root).sort().reverse()) {
    if (!dir.startsWith('chromium')) continue;
    for (const rel of ['chrome-linux/chrome', 'chrome-linux64/chrome', 'chrome-headless-shell-linux64/chrome-headless-shell']) {
      const candidate = path.join(root, dir, rel);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/** Flags for headless Chromium on a closed network (no background connections, no GPU, no sandbox as root). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** The path of a Chromium executable, or undefined. */
export function findChromium() {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) return existsSync(fromEnv) ? fromEnv : undefined;
  for (const candidate of ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable']) {
    if (existsSync(candidate)) return candidate;
  }
  return playwrightChromium();
}

export const HOW_TO_INSTALL = [
  'No Chromium found for the browser tests.',
  'Install one, then run the tests again:',
  '  Debian/Ubuntu: sudo apt-get install -y chromium',
  '  macOS:         brew install --cask chromium (or use Google Chrome)',
  '  anywhere:      npx playwright install chromium',
  'or point CHROMIUM_PATH at an existing Chrome/Chromium executable.',
].join('\n');
