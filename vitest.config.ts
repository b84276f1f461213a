import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { CHROMIUM_ARGS, findChromium, HOW_TO_INSTALL } from './scripts/chromium.mjs';
import { isStoryBackend, STORY_BACKENDS, type StoryBackend } from './stories/support/backends.js';

const dirname = path.dirname(fileURLToPath(import.meta.url));
const chromiumPath: string | undefined = findChromium();
const wantsBrowser = process.argv.some((arg) => /browser|storybook|screenshots/.test(arg)) || !process.argv.includes('--project');
if (!chromiumPath && wantsBrowser) {
  throw new Error(HOW_TO_INSTALL);
}

/** `STORY_BACKEND`, checked here: a typo would otherwise run every story on the default backend and pass. */
function storyBackendFromEnv(value: string): StoryBackend {
  if (!isStoryBackend(value)) throw new Error(`STORY_BACKEND=${value}: expected one of ${STORY_BACKENDS.join(', ')}.`);
  return value;
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
        // The stories as pictures (issue 14): every story in light and dark, the first-look ones also in zh-CN, ja,
        // ar (RTL) and at 390 px, compared with the baselines in test/screenshots/__screenshots__. Its own project
        // because the pictures need a pinned browser context (time zone, locale, reduced motion, 1x pixels) that
        // the other browser tests should not inherit. See test/screenshots/stories.screenshot.test.tsx.
        extends: true,
        test: {
          name: 'screenshots',
          include: ['test/screenshots/**/*.screenshot.test.{ts,tsx}'],
          setupFiles: ['test/setup.dom.ts'],
          // CPU time on a busy 2-core machine (rendering, two captures per picture, the comparison), never logic.
          testTimeout: 60_000,
          browser: {
            ...browser(),
            provider: playwright({
              launchOptions: { executablePath: chromiumPath, args: CHROMIUM_ARGS },
              contextOptions: {
                timezoneId: 'UTC',
                locale: 'en-US',
                reducedMotion: 'reduce',
                deviceScaleFactor: 1,
                colorScheme: 'light',
                // The window the tests' iframe sits in (Playwright's default is 1280 x 720): room for a story taller
                // than 700 px, which Vitest would otherwise scale down to fit, and the picture with it.
                viewport: { width: 1280, height: 1500 },
              },
            }),
            // Each test sets its own viewport (1024 x 700 on a desktop, 390 x 700 on a phone) and grows it for a story
            // taller than that, as Chromium paints nothing below the viewport.
            viewport: { width: 1024, height: 700 },
            expect: {
              toMatchScreenshot: {
                comparatorName: 'pixelmatch',
                comparatorOptions: {
                  // Per pixel: anti-aliased pixels are recognised and ignored (includeAA: false), so glyph edges
                  // that rasterise a shade differently do not count. The colour distance is stricter than
                  // pixelmatch's default 0.1, which let a hover tint on a tab (#f1f5f9 on white) pass unnoticed;
                  // 0.025 counts a change of about 7 levels of luminance: a tint, a moved border, a different glyph.
                  threshold: 0.025,
                  includeAA: false,
                  // Per picture: at most 0.1 % of pixels (about 700 on a 1024 x 700 capture, less than one short
                  // word of text); the smaller of the two limits applies.
                  allowedMismatchedPixelRatio: 0.001,
                  allowedMismatchedPixels: 800,
                },
                // Time to get two matching captures in a row (each takes about 0.2 s here, and a page that matches its
                // baseline needs one): Vitest's 5 s. Longer is no safer in practice and costs more: Vitest 4.1 leaves
                // this timer running after the capture, so a 30 s one held the process open 10 s after the run.
                timeout: 5_000,
              },
            },
          },
        },
      },
      {
        extends: true,
        // STORY_LOCALE=ja (or zh-CN, ar, en) runs every play with the toolbar's locale global forced to it (stories
        // that set their own locale keep it): plays find elements by role, data attributes and the locale's message
        // table, never English text, and this proves it. Unset, the preview's default (auto) applies.
        // STORY_BACKEND=tencent (or openim, memory) runs every story on that backend's real adapter over its SDK fake,
        // seeded with the story's data; a story that lists other backends is skipped with its reason as the note.
        plugins: [
          storybookTest({
            configDir: path.join(dirname, '.storybook'),
            initialGlobals: {
              ...(process.env.STORY_LOCALE ? { locale: process.env.STORY_LOCALE } : {}),
              ...(process.env.STORY_BACKEND ? { backend: storyBackendFromEnv(process.env.STORY_BACKEND) } : {}),
            },
          }),
        ],
        // The setup lets the preview's loader skip a story that does not run on this run's backend.
        test: { name: 'storybook', browser: browser(), setupFiles: ['.storybook/vitest.setup.ts'] },
      },
    ],
  },
});
