import { screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { ConversationItem } from '../../src/components/ConversationItem/index.js';
import { enMessages } from '../../src/components/internal/i18n.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';
import { zhCNMessages } from '../../src/locales/zh-CN.js';
import { makeConversation } from '../../src/testing/helpers.js';
import { makeStore, renderWithStore } from '../utils/render.js';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

afterEach(() => vi.restoreAllMocks());

describe('shipped string tables', () => {
  for (const [name, table] of [
    ['zh-CN', zhCNMessages],
    ['ja', jaMessages],
    ['ar', arMessages],
  ] as const) {
    it(`${name} has every English id, no other but extra plural forms, each translated with the same placeholders`, () => {
      // Extra plural forms of any counted message (English has `.one` and `.other`; Arabic all six).
      const isExtraPlural = (id: string) => /\.(zero|two|few|many)$/.test(id) && `${id.replace(/\.\w+$/, '')}.other` in enMessages;
      expect(Object.keys(table).filter((id) => !isExtraPlural(id)).sort()).toEqual(Object.keys(enMessages).sort());
      for (const [id, english] of Object.entries(enMessages)) {
        const text = table[id as keyof typeof enMessages];
        expect(text.trim(), id).not.toBe('');
        // A language may spell out "one" ("رسالة واحدة") instead of writing the number.
        if (id.endsWith('.one')) expect(placeholders(english), id).toEqual(expect.arrayContaining(placeholders(text)));
        else expect(placeholders(text), id).toEqual(placeholders(english));
      }
    });
  }

  it('Arabic unread counts take all six plural forms through Intl.PluralRules', async () => {
    const cases: [number, string][] = [
      [1, 'رسالة واحدة غير مقروءة'],
      [2, 'رسالتان غير مقروءتين'],
      [3, '3 رسائل غير مقروءة'],
      [11, '11 رسالة غير مقروءة'],
      [100, '100 رسالة غير مقروءة'],
    ];
    for (const [unreadCount, expected] of cases) {
      const store = makeStore(createMemoryAdapter({ conversations: [makeConversation({ id: 'C2Ca', title: 'سارة', unreadCount })] }));
      await store.connect();
      const view = renderWithStore(<ConversationItem id="C2Ca" />, store, { locale: 'ar', messages: arMessages });
      expect(view.container.querySelector('.ik-ConversationItem-unreadBadge'), String(unreadCount)).toHaveTextContent(expected);
      view.unmount();
    }
    expect(new Intl.PluralRules('ar').resolvedOptions().pluralCategories).toEqual(
      expect.arrayContaining(['zero', 'one', 'two', 'few', 'many', 'other']),
    );
  });

  async function renderDraftRow(providerProps: Parameters<typeof renderWithStore>[2]) {
    const now = new Date(2024, 2, 15, 14, 30).getTime();
    const store = makeStore(createMemoryAdapter({ conversations: [makeConversation({ id: 'C2Ca', title: 'A', lastActivityAt: now - 86_400_000, draft: { text: 'hi', updatedAt: now } })] }));
    await store.connect();
    renderWithStore(<ConversationItem id="C2Ca" now={now} />, store, providerProps);
  }

  it('a locale without its table formats dates in that locale, keeps English strings and says how to load them, once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    await renderDraftRow({ locale: 'ja-JP' });
    expect(screen.getByText('[Draft]')).toBeInTheDocument();
    expect(document.querySelector('time')).toHaveTextContent('木曜日');
    const calls = warn.mock.calls.filter(([message]) => String(message).includes('inboxkit/locales/ja'));
    expect(calls).toHaveLength(1);
    expect(String(calls[0]![0])).toContain('messages={jaMessages}');
  });

  it('a table and single overrides combine by spreading', async () => {
    await renderDraftRow({ locale: 'zh-CN', messages: { ...zhCNMessages, 'item.draft': '【草稿】' } });
    expect(screen.getByText('【草稿】')).toBeInTheDocument();
    expect(document.querySelector('time')).toHaveTextContent('星期四');
  });
});
