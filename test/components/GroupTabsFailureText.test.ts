import { describe, expect, it } from 'vitest';
import { failuresText, groupErrorText, groupReason } from '../../src/components/GroupTabs/groupFailureText.js';
import { enMessages, type GroupTabsMessageId } from '../../src/components/internal/i18n.js';
import { InboxError } from '../../src/core/errors.js';
import { arMessages } from '../../src/locales/ar.js';
import { jaMessages } from '../../src/locales/ja.js';

const fill = (table: Readonly<Record<string, string>>) => (id: GroupTabsMessageId, values?: Record<string, string | number>) =>
  (table[id] ?? enMessages[id]).replace(/\{(\w+)\}/g, (match, name: string) => (values && name in values ? String(values[name]) : match));
const limits = { maxGroups: 20, maxGroupedConversations: 1000 };

describe('group failure text', () => {
  it('words every code a group command can fail with, and keeps the backend’s words only for the others', () => {
    const t = fill(enMessages);
    expect(groupReason(t, 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', 'x', limits)).toBe('At most 1000 conversations can be in groups.');
    expect(groupReason(t, 'GROUP_LIMIT_EXCEEDED', 'x', limits)).toBe('You already have 20 groups, the most allowed.');
    expect(groupReason(t, 'NOT_SUPPORTED', 'x', limits)).toBe('Not available on this chat service.');
    expect(groupReason(t, 'TIMEOUT', 'x', limits)).toBe('The server did not answer in time. Try again.');
    expect(groupReason(t, 'ADAPTER_FAILED', 'Boom (70001).', limits)).toBe('The server refused: Boom (70001).');
    expect(groupErrorText(t, new InboxError('GROUP_NOT_FOUND', 'x'), limits)).toBe('The group no longer exists.');
    expect(groupErrorText(t, new Error('Network down'), limits)).toBe('The server refused: Network down');
  });

  it('names the refused conversations per reason, briefly, in the locale’s list style', () => {
    const titles: Record<string, string> = { a: 'Alice', b: 'Bob', c: 'Carol', d: 'Dave', e: 'Eve', f: 'ルームA' };
    const failed = ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, code: 'CONVERSATION_NOT_FOUND', message: 'gone' }));
    failed.push({ id: 'f', code: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED', message: 'limit' });
    const titleOf = (id: string) => titles[id] ?? id;
    expect(failuresText(fill(enMessages), 'en', 'Head.', failed, titleOf, limits)).toBe(
      'Head. Alice, Bob, Carol, and 2 more: The conversation is not available. ルームA: At most 1000 conversations can be in groups.',
    );
    // Four names are all shown: "and 1 more" would be no shorter.
    expect(failuresText(fill(enMessages), 'en', 'Head.', failed.slice(0, 4), titleOf, limits)).toBe(
      'Head. Alice, Bob, Carol, and Dave: The conversation is not available.',
    );
    expect(failuresText(fill(jaMessages), 'ja', '見出し。', failed.slice(0, 2), titleOf, limits)).toBe('見出し。 Alice、Bob：この会話は利用できません。');
    expect(failuresText(fill(arMessages), 'ar', 'عنوان.', failed.slice(0, 2), titleOf, limits)).toBe('عنوان. Alice وBob: المحادثة غير متاحة.');
  });

  it('cuts a long title in a notice', () => {
    const text = failuresText(fill(enMessages), 'en', 'Head.', [{ id: 'x', code: 'NOT_SUPPORTED', message: '' }], () => 'x'.repeat(500), limits);
    expect(text).toBe(`Head. ${'x'.repeat(40)}…: Not available on this chat service.`);
  });
});
