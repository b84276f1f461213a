import { act, render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createInboxStore, type InboxStore, type InboxStoreOptions } from '../../src/core/store.js';
import { createMemoryDraftStorage } from '../../src/core/drafts.js';
import { InboxProvider, type InboxProviderProps } from '../../src/react/InboxProvider.js';
import type { ConversationAdapter } from '../../src/core/adapter.js';
import { resolveShippedLocale } from '../../src/components/internal/i18n.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';

/** Creates a store with in-memory draft storage (tests never touch localStorage unless they mean to). */
export function makeStore(adapter: ConversationAdapter, options: Partial<InboxStoreOptions> = {}): InboxStore {
  return createInboxStore({ adapter, draftStorage: createMemoryDraftStorage(), ...options });
}

/** Renders UI inside an `InboxProvider` over the given store. */
export function renderWithStore(
  ui: ReactElement,
  store: InboxStore,
  providerProps: Omit<InboxProviderProps, 'store' | 'children'> = {},
  options?: RenderOptions,
) {
  return render(
    <InboxProvider store={store} {...providerProps}>
      {ui}
    </InboxProvider>,
    options,
  );
}

const TABLES: Record<string, Readonly<Record<string, string>> | undefined> = { 'zh-CN': zhCNMessages, ja: jaMessages, ar: arMessages };

/** Provider props for a locale as an app sets them: the tag, and the string table the kit ships for it. */
export function withLocale(locale: string): Pick<InboxProviderProps, 'locale' | 'messages'> {
  const messages = TABLES[resolveShippedLocale(locale)];
  return messages ? { locale, messages } : { locale };
}

/**
 * Lets the next animation frame run, then the tasks queued from it: by then a list that has new rows has added their
 * overscan rows (it paints the new rows alone, then renders the rest in a task queued from that frame, see
 * `useOverscanAfterFirstPaint`).
 */
export function overscanRendered(): Promise<void> {
  return act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve))));
}
