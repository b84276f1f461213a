import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './scripts/chromium.mjs';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const chromiumPath: string | undefined = findChromium();
const wantsBrowser = process.argv.some((arg) => /browser|storybook/.test(arg)) || !process.argv.includes('--project');
if (!chromiumPath && wantsBrowser) {
  throw new Error(HOW_TO_INSTALL);
}

/** A fresh browser config per project: Vitest mutates `instances`. */
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: CHROMIUM_ARGS,
    },
  }),
  instances: [{ browser: 'chromium' as const }],
  screenshotFailures: false,
});

export default defineConfig({
  plugins: [react()],
  optimizeDeps: {
    include: [
      'react',
      'react-dom',
      'react-dom/client',
      'react/jsx-runtime',
      'react/jsx-dev-runtime',
      'zustand',
      'zustand/vanilla',
      'zustand/shallow',
      '@tanstack/react-virtual',
      '@testing-library/react',
      '@testing-library/jest-dom/vitest',
      'axe-core',
    ],
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'node', environment: 'node', include: ['test/core/**/*.test.ts', 'test/adapters/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'jsdom',
          environment: 'jsdom',
          include: ['test/react/**/*.test.{ts,tsx}', 'test/components/**/*.test.{ts,tsx}'],
          setupFiles: ['test/setup.dom.ts'],
          // The browser projects' 15 s rather than Vitest's 5 s: a jsdom test that renders and queries by role costs
          // 1-2 s of CPU here and 5-8 s beside two CPU-bound processes on 2 cores (GroupTabs' tests timed out so). No
          // test waits on a timer for its logic; a test that hangs still fails, later.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.{ts,tsx}'],
          setupFiles: ['test/setup.dom.ts'],
          browser: browser(),
        },
      },
      {
        extends: true,
        // STORY_LOCALE=ja (or zh-CN, ar, en) runs every play with the toolbar's locale global forced to it (stories
        // that set their own locale keep it): plays find elements by role, data attributes and the locale's message
        // table, never English text, and this proves it. Unset, the preview's default (auto) applies.
        plugins: [
          storybookTest({
            configDir: path.join(dirname, '.storybook'),
            initialGlobals: process.env.STORY_LOCALE ? { locale: process.env.STORY_LOCALE } : {},
          }),
        ],
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
});
