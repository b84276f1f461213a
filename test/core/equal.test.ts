import { describe, expect, it } from 'vitest';
import { conversationsEqual } from '../../src/core/equal.js';
import { conv } from './scriptedAdapter.js';

describe('conversationsEqual', () => {
  const base = conv('a', { mentions: [{ kind: 'me', messageId: 'm1' }], lastMessage: { preview: 'hi', sentAt: 5 }, groupNames: ['G'], raw: { x: 1 } });

  it('ignores raw and treats undefined fields as absent', () => {
    expect(conversationsEqual(base, { ...base, raw: { x: 2 } })).toBe(true);
    expect(conversationsEqual(base, { ...base, draft: undefined })).toBe(true);
    expect(conversationsEqual(base, structuredClone({ ...base, raw: undefined }))).toBe(true);
  });

  it.each([
    ['title', { title: 'B' }],
    ['unread', { unreadCount: 1 }],
    ['a mention', { mentions: [{ kind: 'all' as const, messageId: 'm1' }] }],
    ['the preview', { lastMessage: { preview: 'hey', sentAt: 5 } }],
    ['revoked', { lastMessage: { preview: 'hi', sentAt: 5, isRevoked: true } }],
    ['groups', { groupNames: ['G', 'H'] }],
    ['a draft', { draft: { text: 'x', updatedAt: 1 } }],
    ['marks', { marks: ['star' as const] }],
  ])('sees a change of %s', (_label, change) => {
    expect(conversationsEqual(base, { ...base, ...change })).toBe(false);
  });
});
