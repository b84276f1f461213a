/**
 * Screenshot tests (issue 14): every Storybook story, rendered through `composeStories` with the project's own
 * preview (decorators, loaders, theme / locale / direction globals) and compared with a committed baseline by
 * Vitest's `toMatchScreenshot`.
 *
 * - Every story in light and dark at desktop width (a 1024 x 700 viewport, the story's natural height).
 * - The stories a product team looks at first (the inbox, the list, the tab strip's create dialog, the row actions
 *   menu, the draft editor, theming) also in zh-CN, ja and ar (right to left), and on a 390 px phone.
 *
 * The pictures are stable by construction: the clock is frozen (the fixtures and the demo data use `Date.now`), the
 * browser context has a fixed time zone, locale and reduced motion (see the `screenshots` project in
 * vitest.config.ts), animations, transitions and the caret are switched off, and each capture waits for the fonts,
 * the list's first page, the avatars and two frames. Play functions are not run: a screenshot shows the state a story
 * opens in; the open dialog and menu are reached here by real clicks and keys.
 *
 * Update the baselines with `npx vitest run --project screenshots --update`, then open and look at every changed
 * image before committing it (see README, "Screenshot tests").
 */
import type { ComponentType } from 'react';
import { render } from '@testing-library/react';
import { composeStories, setProjectAnnotations } from '@storybook/react-vite';
import { afterAll, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import * as previewAnnotations from '../../.storybook/preview.js';
import * as ConversationActionsStories from '../../stories/ConversationActions.stories.js';
import * as ConversationItemStories from '../../stories/ConversationItem.stories.js';
import * as ConversationListStories from '../../stories/ConversationList.stories.js';
import * as DraftEditorStories from '../../stories/DraftEditor.stories.js';
import * as GroupTabsStories from '../../stories/GroupTabs.stories.js';
import * as InboxStories from '../../stories/Inbox.stories.js';
import * as InboxSettingsMenuStories from '../../stories/InboxSettingsMenu.stories.js';
import * as MuteToggleStories from '../../stories/MuteToggle.stories.js';
import * as PinButtonStories from '../../stories/PinButton.stories.js';
import * as PlaygroundStories from '../../stories/Playground.stories.js';
import * as ThemingStories from '../../stories/Theming.stories.js';
import * as OpenIMStories from '../../stories/adapters/OpenIM.stories.js';
import * as TencentStories from '../../stories/adapters/Tencent.stories.js';

/**
 * Wednesday 11 March 2026, 09:30 UTC: "today", "yesterday", a weekday and a date all occur in the fixtures. Frozen
 * before the imports run (vi.hoisted), so code that keeps a reference to `Date.now` from import time sees it too.
 */
const FROZEN_NOW = vi.hoisted(() => {
  const now = Date.UTC(2026, 2, 11, 9, 30, 0);
  vi.setSystemTime(now);
  return now;
});

// Before any story is composed: composeStories reads the project's annotations when it runs.
setProjectAnnotations([previewAnnotations]);

const DESKTOP = { width: 1024, height: 700 } as const;
const PHONE = { width: 390, height: 700 } as const;
/**
 * How far a test's viewport may grow: the window is 1500 px tall (contextOptions.viewport in vitest.config.ts), and
 * Vitest scales a taller iframe down to fit the window, and the picture with it.
 */
const MAX_HEIGHT = 1400;

type Theme = 'light' | 'dark';
interface Variant {
  /** The file name's suffix. */
  name: string;
  theme: Theme;
  locale?: 'en' | 'zh-CN' | 'ja' | 'ar';
  direction?: 'ltr' | 'rtl';
  viewport: { width: number; height: number };
}

const LIGHT: Variant = { name: 'light', theme: 'light', viewport: DESKTOP };
const DARK: Variant = { name: 'dark', theme: 'dark', viewport: DESKTOP };
/** The first-look stories, on top of light and dark. */
const FIRST_LOOK: Variant[] = [
  { name: 'zh-CN', theme: 'light', locale: 'zh-CN', viewport: DESKTOP },
  { name: 'ja', theme: 'light', locale: 'ja', viewport: DESKTOP },
  { name: 'ar-rtl', theme: 'light', locale: 'ar', direction: 'rtl', viewport: DESKTOP },
  { name: 'phone', theme: 'light', viewport: PHONE },
];

/** The story modules, by the title Storybook shows. */
const MODULES = [
  InboxStories,
  ConversationListStories,
  ConversationItemStories,
  GroupTabsStories,
  ConversationActionsStories,
  InboxSettingsMenuStories,
  DraftEditorStories,
  MuteToggleStories,
  PinButtonStories,
  ThemingStories,
  PlaygroundStories,
  OpenIMStories,
  TencentStories,
] as const;

type Composed = ComponentType & {
  load: () => Promise<void>;
  storyName: string;
  globals: Record<string, unknown>;
};

/** Stories whose picture is not committed, with the reason (listed in the report of issue 14). */
const LEFT_OUT: Record<string, string> = {
  'Inbox/Playground/BusyServer': 'messages arrive at 50 a second from the start (issue 17): no two captures of it match',
};

/** Stories whose list never finishes loading on purpose. */
const NEVER_READY = new Set(['Inbox/Inbox/Loading', 'Components/ConversationList/Loading', 'Adapters/Tencent Cloud Chat/WaitingForSdkReady']);

/** The first-look stories: extra variants, and what to do after rendering (open the dialog, the menu). */
interface FirstLook {
  title: string;
  story: string;
  /** The picture's name when the state differs from the story's own. */
  state?: string;
  open?: (root: HTMLElement) => Promise<void>;
}

const openCreateDialog = async (root: HTMLElement) => {
  const create = await waitForElement(root, '.ik-GroupTabs-create');
  await userEvent.click(create);
  await waitForElement(document.body, 'dialog[open], [role="dialog"]');
};

const openRowMenuFromKeyboard = async (root: HTMLElement) => {
  const grid = await waitForElement(root, '[role="grid"]');
  await waitForElement(root, '[role="row"]');
  grid.focus();
  // The second row (after the pinned one), then the actions key: the menu anchored at the row.
  await userEvent.keyboard('{ArrowDown}');
  await userEvent.keyboard('{Shift>}{F10}{/Shift}');
  await waitForElement(document.body, '[role="menu"]');
};

const FIRST_LOOKS: FirstLook[] = [
  { title: 'Inbox/Inbox', story: 'Default' },
  { title: 'Components/ConversationList', story: 'Default' },
  { title: 'Components/GroupTabs', story: 'Default', state: 'CreateDialogOpen', open: openCreateDialog },
  { title: 'Inbox/Inbox', story: 'Default', state: 'RowActionsMenuOpen', open: openRowMenuFromKeyboard },
  { title: 'Controls/DraftEditor', story: 'ExistingDraft' },
  { title: 'Theming/Re-brand with variables', story: 'VariablesOnly' },
];

/** Turns off what moves: animations, transitions, smooth scrolling and the caret's blink. */
const FREEZE_CSS = `
*, *::before, *::after {
  animation: none !important;
  transition: none !important;
  caret-color: transparent !important;
  scroll-behavior: auto !important;
}
html, body { margin: 0; padding: 0; }
`;

function titleOf(module: { default: { title?: string } }): string {
  return module.default.title ?? 'Untitled';
}

async function waitForElement(root: ParentNode, selector: string): Promise<HTMLElement> {
  await expect.poll(() => root.querySelector(selector), { timeout: 20_000, interval: 50 }).not.toBeNull();
  return root.querySelector<HTMLElement>(selector)!;
}

/** Two animation frames: React's commit and the virtualizer's measurement have painted. */
const frames = () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));

/** Waits until what a person would see is there: fonts, the list's first page, decoded avatars, a settled layout. */
async function settle(root: HTMLElement, key: string): Promise<void> {
  await document.fonts.ready;
  if (!NEVER_READY.has(key)) {
    // A list still loading its first page says so with aria-busy; the rows it shows are rendered by then.
    await expect
      .poll(() => root.querySelector('.ik-ConversationList[aria-busy="true"]'), { timeout: 20_000, interval: 50 })
      .toBeNull();
  }
  await frames();
  await Promise.all(
    Array.from(root.ownerDocument.images).map((image) => (image.complete ? Promise.resolve() : image.decode().catch(() => undefined))),
  );
  await document.fonts.ready;
  await frames();
}

function composedStories(module: (typeof MODULES)[number], variant: Variant): Record<string, Composed> {
  const initialGlobals = {
    theme: variant.theme,
    locale: variant.locale ?? 'auto',
    direction: variant.direction ?? 'ltr',
  };
  return composeStories(module as never, { initialGlobals }) as Record<string, Composed>;
}

/** Renders a story the way Storybook's canvas does (the frame fills the viewport) and returns the frame. */
async function renderStory(Story: Composed): Promise<HTMLElement> {
  await Story.load();
  const container = document.createElement('div');
  container.id = 'storybook-root';
  document.body.append(container);
  render(<Story />, { container });
  return waitForElement(container, '.sb-ik-frame');
}

async function shoot(key: string, Story: Composed, variant: Variant, open?: (root: HTMLElement) => Promise<void>, state?: string) {
  await page.viewport(variant.viewport.width, variant.viewport.height);
  const frame = await renderStory(Story);
  await settle(frame, key);
  if (open) {
    await open(frame);
    await settle(frame, key);
  } else {
    // A story taller than the viewport (the Playground, two stacked panes on a phone): Chromium paints nothing below
    // the viewport, so the viewport grows to the story's height (up to the project's window) for the picture.
    const height = Math.ceil(frame.getBoundingClientRect().height);
    if (height > variant.viewport.height) {
      await page.viewport(variant.viewport.width, Math.min(height, MAX_HEIGHT));
      await settle(frame, key);
    }
  }
  // The pointer rests in the frame's empty top-left corner, so no row or tab shows a hover left by an earlier click.
  // (forced: a modal's backdrop is over it then, and only the pointer's position matters).
  await userEvent.hover(document.getElementById('screenshot-pointer-parking')!, { force: true });
  await frames();
  const name = `${key.replaceAll('/', '-')}${state ? `-${state}` : ''}`;
  // An open modal dialog or menu sits in the top layer; the page shows it with its backdrop.
  const target = open ? page.elementLocator(document.documentElement) : page.elementLocator(frame);
  await expect(target).toMatchScreenshot(`${name}/${variant.name}`);
}

beforeAll(async () => {
  vi.setSystemTime(FROZEN_NOW);
  const style = document.createElement('style');
  style.id = 'screenshot-freeze';
  style.textContent = FREEZE_CSS;
  document.head.append(style);
  const parking = document.createElement('div');
  parking.id = 'screenshot-pointer-parking';
  parking.style.cssText = 'position: fixed; inset-block-start: 0; inset-inline-start: 0; inline-size: 4px; block-size: 4px; z-index: 2147483647;';
  document.body.append(parking);
  await document.fonts.ready;
  assertFonts();
});

// Again before each test: the clock must read the same for every story, whatever an earlier one did with Date.
beforeEach(() => {
  vi.setSystemTime(FROZEN_NOW);
});

afterAll(() => {
  vi.useRealTimers();
});

/**
 * Fails the suite, rather than recording boxes, when the fonts the baselines were made with are missing: each font is
 * measured against monospace, and a missing one falls back to monospace, so to the same width.
 */
function assertFonts(): void {
  const context = document.createElement('canvas').getContext('2d')!;
  const width = (family: string, text: string) => {
    context.font = `32px ${family}`;
    return context.measureText(text).width;
  };
  const missing = [
    // Latin letters too: the system's fallback for CJK characters is the CJK font itself whenever it is there.
    ['Noto Sans CJK SC', '简体中文 Inbox mmmiii', 'fonts-noto-cjk'],
    ['Noto Sans CJK JP', 'すべての会話 Inbox mmmiii', 'fonts-noto-cjk'],
    ['Noto Sans Arabic', 'المحادثات غير المقروءة', 'fonts-noto-core'],
    ['Noto Color Emoji', '🎂🎈📣🚆🙏', 'fonts-noto-color-emoji'],
  ].filter(([family, text]) => width(`"${family}", monospace`, text!) === width('monospace', text!));
  if (missing.length > 0) {
    throw new Error(
      `The screenshot tests need the fonts the baselines were made with; missing: ${missing.map(([family]) => family).join(', ')}.\n` +
        'Install them, then run again: sudo apt-get install -y fonts-noto-cjk fonts-noto-core fonts-noto-color-emoji (see README, "Screenshot tests").',
    );
  }
}

describe.each([LIGHT, DARK])('every story, $name', (variant) => {
  for (const module of MODULES) {
    const title = titleOf(module);
    const stories = composedStories(module, variant);
    describe(title, () => {
      for (const [exportName, Story] of Object.entries(stories)) {
        const key = `${title}/${exportName}`;
        const reason = LEFT_OUT[key];
        if (reason) continue;
        test(exportName, async () => {
          await shoot(key, Story, variant);
        });
      }
    });
  }
});

describe('first look', () => {
  for (const look of FIRST_LOOKS) {
    const module = MODULES.find((m) => titleOf(m) === look.title)!;
    const key = `${look.title}/${look.story}`;
    // Light and dark of a plain story are in "every story" already; an opened state needs its own.
    const variants = look.open ? [LIGHT, DARK, ...FIRST_LOOK] : FIRST_LOOK;
    for (const variant of variants) {
      test(`${key}${look.state ? ` (${look.state})` : ''}, ${variant.name}`, async () => {
        const Story = composedStories(module, variant)[look.story]!;
        await shoot(key, Story, variant, look.open, look.state);
      });
    }
  }
});
