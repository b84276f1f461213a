/**
 * Which backend a story runs on. The Backend toolbar (or `STORY_BACKEND` in a test run) picks one; a story lists
 * the backends its play can run on in `parameters.inbox.backends` (every one by default). Off its list, a story is
 * skipped in a test run, with the reason as the test's note, and shown on a backend it supports in Storybook.
 */

/** The values of the Backend toolbar and of `STORY_BACKEND`. */
export const STORY_BACKENDS = ['memory', 'tencent', 'openim'] as const;

export type StoryBackend = (typeof STORY_BACKENDS)[number];

/** Names for the toolbar and for notes. */
export const STORY_BACKEND_TITLES: Readonly<Record<StoryBackend, string>> = {
  memory: 'Memory',
  tencent: 'Tencent Cloud Chat',
  openim: 'OpenIM',
};

export function isStoryBackend(value: unknown): value is StoryBackend {
  return typeof value === 'string' && (STORY_BACKENDS as readonly string[]).includes(value);
}

/** The backend the globals ask for; memory when unset. An unknown value is an error, not a silent fallback. */
export function storyBackend(globals: Record<string, unknown>): StoryBackend {
  const value = globals.backend ?? 'memory';
  if (!isStoryBackend(value)) throw new Error(`Unknown story backend ${JSON.stringify(value)}; expected one of ${STORY_BACKENDS.join(', ')}.`);
  return value;
}

// The Vitest setup file registers the running test's `skip` here; Storybook itself never does. A global rather than
// a module variable, so that the setup file and the preview share it even if they load this module separately.
const SKIP_KEY = Symbol.for('inboxkit.stories.skipTest');

type SkipTest = (reason: string) => never;

/** Called by `.storybook/vitest.setup.ts` before each story test (and with `undefined` after it). */
export function setSkipTest(skip: SkipTest | undefined): void {
  (globalThis as Record<symbol, unknown>)[SKIP_KEY] = skip;
}

/** Whether a story test is running (rather than Storybook showing the story). */
export function isStoryTest(): boolean {
  return (globalThis as Record<symbol, unknown>)[SKIP_KEY] !== undefined;
}

/**
 * Skips the running story test with `reason` as its note (it throws, like Vitest's `context.skip`). Outside a test
 * run it returns, and the caller shows the story another way.
 */
export function skipStoryTest(reason: string): void {
  const skip = (globalThis as Record<symbol, unknown>)[SKIP_KEY] as SkipTest | undefined;
  if (skip) skip(reason);
}
