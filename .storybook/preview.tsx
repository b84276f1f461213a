/// <reference types="vite/client" />
import type { ReactNode } from 'react';
import type { Decorator, Loader, Preview } from '@storybook/react-vite';
import { type ConversationAdapter, InboxProvider } from '../src/index.js';
import { arMessages } from '../src/locales/ar.js';
import { jaMessages } from '../src/locales/ja.js';
import { zhCNMessages } from '../src/locales/zh-CN.js';
import {
  isStoryTest,
  skipStoryTest,
  STORY_BACKEND_TITLES,
  STORY_BACKENDS,
  storyBackend,
  type StoryBackend,
} from '../stories/support/backends.js';
import { createStoryAdapter, planStoryBackend, type InboxLoaded, type InboxParameters } from '../stories/support/storyAdapter.js';

// The kit's stylesheet: the tokens first, then every component sheet. Globs keep this working while sheets are
// added or renamed.
import.meta.glob('../src/styles/tokens.css', { eager: true });
import.meta.glob(['../src/styles/*.css', '!../src/styles/tokens.css'], { eager: true });
import './storybook.css';

type Theme = 'light' | 'dark' | 'indigo' | 'indigo-dark';
type Direction = 'ltr' | 'rtl';

/**
 * A fresh adapter for every render, on the backend the toolbar (or `STORY_BACKEND`) picks: no two stories (or two
 * renders of one story) share backend state. A story that does not run on that backend is skipped in a test run,
 * with the reason as the test's note; in Storybook it is shown on a backend it runs on, with the reason above it.
 */
const inboxLoader: Loader = (context) => {
  const parameters = context.parameters.inbox as InboxParameters | undefined;
  const plan = planStoryBackend(parameters, storyBackend(context.globals));
  if (plan.unsupported) skipStoryTest(plan.unsupported);
  const loaded: InboxLoaded = createStoryAdapter(parameters, context.args, plan.backend);
  if (plan.unsupported) loaded.notice = plan.unsupported;
  return loaded;
};

// The provider is keyed by its adapter, so a new adapter (a re-run of the story) always gets a new store.
const adapterKeys = new WeakMap<ConversationAdapter, number>();
let nextAdapterKey = 0;
function keyOf(adapter: ConversationAdapter): number {
  let key = adapterKeys.get(adapter);
  if (key === undefined) adapterKeys.set(adapter, (key = ++nextAdapterKey));
  return key;
}

/** The string table an app passes for each toolbar locale (English is built in). */
const LOCALE_MESSAGES: Record<string, Readonly<Record<string, string>>> = { 'zh-CN': zhCNMessages, ja: jaMessages, ar: arMessages };

/**
 * The toolbar's locale; `auto` (the default) is Arabic in right-to-left and English otherwise, so an RTL story shows
 * real RTL strings instead of English sentences laid out backwards.
 */
function storyLocale(globals: Record<string, unknown>): string {
  const chosen = typeof globals.locale === 'string' ? globals.locale : 'auto';
  return chosen !== 'auto' ? chosen : globals.direction === 'rtl' ? 'ar' : 'en';
}

/** Wraps the story in an `InboxProvider` over the loaded adapter, in the toolbar's locale with its string table. */
const withInbox: Decorator = (Story, context) => {
  const parameters = context.parameters.inbox as InboxParameters | undefined;
  const { adapter, notice, approximations = [], backend } = context.loaded as InboxLoaded;
  // Storybook only: a test run skips what the notice would explain, and the approximations are no part of a story.
  const shown =
    !isStoryTest() && (notice || approximations.length > 0) ? (
      <BackendNotice text={notice} approximations={approximations} backend={backend} story={<Story />} />
    ) : (
      <Story />
    );
  if (parameters?.disable || !adapter) return shown;
  const locale = storyLocale(context.globals);
  const table = LOCALE_MESSAGES[locale];
  return (
    <InboxProvider
      key={keyOf(adapter)}
      adapter={adapter}
      storeOptions={parameters?.storeOptions}
      // Stories never restore drafts from another story's session.
      draftStorage={null}
      locale={locale}
      messages={table || parameters?.messages ? { ...table, ...parameters?.messages } : undefined}
    >
      {shown}
    </InboxProvider>
  );
};

/** Why the story is not on the toolbar's backend, and what its data became there, above the story. */
function BackendNotice(props: { text: string | undefined; approximations: readonly string[]; backend: StoryBackend | undefined; story: ReactNode }) {
  const { text, approximations, backend, story } = props;
  return (
    <>
      <div className="sb-ik-backend-notice" role="note">
        {text && <p>{text}</p>}
        {approximations.length > 0 && backend && (
          <details>
            <summary>Seeded with {STORY_BACKEND_TITLES[backend]}'s nearest states</summary>
            <ul>
              {approximations.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          </details>
        )}
      </div>
      {story}
    </>
  );
}

/**
 * Applies the theme and direction toolbars on a wrapper. The Indigo brand is the light theme plus a block of
 * `--ik-*` variables (see `storybook.css`): nothing else changes.
 */
const withTheme: Decorator = (Story, context) => {
  const theme = (context.globals.theme ?? 'light') as Theme;
  const direction = (context.globals.direction ?? 'ltr') as Direction;
  const locale = storyLocale(context.globals);
  return (
    <div
      className="sb-ik-frame"
      data-theme={theme === 'dark' || theme === 'indigo-dark' ? 'dark' : 'light'}
      data-brand={theme.startsWith('indigo') ? 'indigo' : undefined}
      dir={direction}
      lang={locale}
    >
      <Story />
    </div>
  );
};

const preview: Preview = {
  // Decorators run inside out: the provider sits inside the themed frame.
  decorators: [withInbox, withTheme],
  loaders: [inboxLoader],
  globalTypes: {
    theme: {
      description: 'Theme of the kit (data-theme on a wrapper; Indigo re-brands through --ik-* variables only)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'light', title: 'Light', icon: 'sun' },
          { value: 'dark', title: 'Dark', icon: 'moon' },
          { value: 'indigo', title: 'Indigo (custom brand)', icon: 'heart' },
          { value: 'indigo-dark', title: 'Indigo, dark', icon: 'heart' },
        ],
        dynamicTitle: true,
      },
    },
    locale: {
      description: 'Locale of strings and dates (the locale prop of InboxProvider)',
      toolbar: {
        title: 'Locale',
        icon: 'globe',
        items: [
          { value: 'auto', title: 'Auto (Arabic in RTL, else English)', right: 'auto' },
          { value: 'en', title: 'English', right: 'en' },
          { value: 'zh-CN', title: '简体中文', right: 'zh-CN' },
          { value: 'ja', title: '日本語', right: 'ja' },
          { value: 'ar', title: 'العربية', right: 'ar' },
        ],
        dynamicTitle: true,
      },
    },
    backend: {
      description: 'The adapter every story runs on: memory, or the real Tencent or OpenIM adapter over its SDK fake, seeded with the same data',
      toolbar: {
        title: 'Backend',
        icon: 'database',
        items: STORY_BACKENDS.map((value) => ({ value, title: STORY_BACKEND_TITLES[value] })),
        dynamicTitle: true,
      },
    },
    direction: {
      description: 'Text direction (dir on a wrapper)',
      toolbar: {
        title: 'Direction',
        icon: 'transfer',
        items: [
          { value: 'ltr', title: 'Left to right' },
          { value: 'rtl', title: 'Right to left' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { theme: 'light', locale: 'auto', direction: 'ltr', backend: 'memory' },
  parameters: {
    a11y: {
      test: 'error',
    },
    controls: { expanded: true, sort: 'requiredFirst' },
    // The themed frame brings its own padding, so its background reaches the edges.
    layout: 'fullscreen',
    options: {
      storySort: {
        order: ['Docs', ['Getting started', 'Adapters', 'Theming', 'Accessibility'], 'Inbox', 'Components', 'Controls', 'Adapters', 'Theming'],
      },
    },
  },
};

export default preview;
