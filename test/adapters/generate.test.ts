import { describe, expect, it } from 'vitest';
import { generateConversations } from '../../src/adapters/memory/index.js';
import { getInitials } from '../../src/components/internal/initials.js';
import { formatConversationTime } from '../../src/components/internal/formatTime.js';
import type { Conversation } from '../../src/core/types.js';

// Demo data that looks like a real inbox (issue 14): what a person sees on the first screen of the README's example.

const HOUR = 3600_000;
const DAY = 24 * HOUR;
// A Wednesday afternoon, so "today", "yesterday", weekdays and dates all fall in the same week's maths.
const NOW = Date.UTC(2026, 10, 25, 15, 30);

/** The list as the kit orders it: pinned first, then the most recent. */
const ordered = (list: Conversation[]) =>
  [...list].sort((a, b) => Number(b.isPinned) - Number(a.isPinned) || b.lastActivityAt - a.lastActivityAt || (a.id < b.id ? -1 : 1));

describe('generateConversations: a realistic inbox', () => {
  it('is deterministic for a seed and a now, and differs between seeds', () => {
    expect(generateConversations(500, { seed: 7, now: NOW })).toEqual(generateConversations(500, { seed: 7, now: NOW }));
    expect(generateConversations(500, { seed: 7, now: NOW })).not.toEqual(generateConversations(500, { seed: 8, now: NOW }));
  });

  it('places times relative to now (Date.now() by default), never in the future', () => {
    const before = Date.now();
    const list = generateConversations(500, { seed: 7 });
    const newest = Math.max(...list.map((c) => c.lastActivityAt));
    expect(newest).toBeLessThanOrEqual(Date.now());
    expect(newest).toBeGreaterThan(before - 2 * HOUR);
  });

  it.each([20, 500, 100_000])('with %i conversations, the first screen reads times of today, then this week, then older', (count) => {
    const list = generateConversations(count, { seed: 7, now: NOW });
    const times = list.map((c) => c.lastActivityAt).filter((t) => t > 0);
    expect(Math.max(...times)).toBeLessThanOrEqual(NOW);
    expect(Math.min(...times)).toBeGreaterThanOrEqual(NOW - 60 * DAY);
    expect(times.every((t) => t % 1000 === 0)).toBe(true);
    const recent = ordered(list).filter((c) => !c.isPinned && c.lastActivityAt > 0).map((c) => NOW - c.lastActivityAt);
    // The newest is minutes to an hour or two old; a handful are from today; the first dozen reach back about a day or two.
    expect(recent[0]!).toBeLessThan(2 * HOUR);
    expect(recent.filter((age) => age < 12 * HOUR).length).toBeGreaterThanOrEqual(Math.min(4, count - 4));
    expect(recent[11]!).toBeGreaterThan(DAY);
    expect(recent[11]!).toBeLessThan(3 * DAY);
    if (count >= 500) expect(recent.some((age) => age > 14 * DAY)).toBe(true);
    // 100,000 conversations generated and sorted take 1-3 s of CPU here, past Vitest's 5 s on a shared 2-core machine.
  }, 20_000);

  it('formats the first rows as a person expects: times, then weekdays, never a full date', () => {
    const list = ordered(generateConversations(500, { seed: 7, now: NOW })).slice(0, 12);
    const ranges = list.map((c) => formatConversationTime(c.lastActivityAt, NOW, 'en').range);
    expect(ranges.filter((r) => r === 'today').length).toBeGreaterThanOrEqual(4);
    expect(ranges).toContain('week');
    expect(ranges).not.toContain('older');
  });

  it.each([10, 500, 100_000])('pins two or three of %i conversations, among recent ones', (count) => {
    const list = generateConversations(count, { seed: 11, now: NOW });
    const pinned = list.filter((c) => c.isPinned);
    expect(pinned.length).toBeGreaterThanOrEqual(2);
    expect(pinned.length).toBeLessThanOrEqual(3);
    for (const c of pinned) expect(NOW - c.lastActivityAt).toBeLessThan(30 * DAY);
  }, 20_000);

  it('has unread counts as people have them: mostly none, a few, rarely dozens, groups more than one-to-one', () => {
    const list = generateConversations(5000, { seed: 3, now: NOW });
    const direct = list.filter((c) => c.kind === 'direct');
    const groups = list.filter((c) => c.kind === 'group');
    const share = (of: Conversation[], predicate: (c: Conversation) => boolean) => of.filter(predicate).length / of.length;
    expect(share(list, (c) => c.unreadCount === 0)).toBeGreaterThan(0.6);
    expect(share(list, (c) => c.unreadCount >= 1 && c.unreadCount <= 9)).toBeGreaterThan(0.03);
    expect(share(list, (c) => c.unreadCount >= 20)).toBeLessThan(0.02);
    expect(Math.max(...direct.map((c) => c.unreadCount))).toBeLessThan(40);
    expect(Math.max(...list.map((c) => c.unreadCount))).toBeLessThan(200);
    const mean = (of: Conversation[]) => of.reduce((sum, c) => sum + c.unreadCount, 0) / of.length;
    expect(mean(groups)).toBeGreaterThan(2 * mean(direct));
    // The first screen of the README's inbox: a few badges, none in the thousands.
    const firstScreen = ordered(generateConversations(500, { seed: 7, now: NOW })).slice(0, 10);
    expect(firstScreen.every((c) => c.unreadCount < 100)).toBe(true);
  });

  it('needs no network for avatars: no URL, so the kit paints initials that match each name', () => {
    const list = generateConversations(2000, { seed: 5, now: NOW });
    expect(list.every((c) => c.avatarUrl === undefined)).toBe(true);
    for (const c of list.filter((c) => c.kind === 'direct' && /^[A-Z][a-z]+ [A-Z][a-z]+$/.test(c.title))) {
      const [first, last] = c.title.split(' ');
      expect(getInitials(c.title)).toBe(first![0]! + last![0]!);
    }
    expect(getInitials('Priya Lewis')).toBe('PL');
  });

  it('keeps the variety the stories rely on: groups, mutes, drafts, mentions, CJK and emoji', () => {
    const list = generateConversations(3000, { seed: 3, now: NOW });
    const share = (predicate: (c: Conversation) => boolean) => list.filter(predicate).length / list.length;
    expect(list.filter((c) => c.kind === 'system')).toHaveLength(1);
    expect(share((c) => c.kind === 'group')).toBeGreaterThan(0.2);
    expect(share((c) => c.muteMode !== 'none')).toBeGreaterThan(0.05);
    expect(share((c) => c.draft !== undefined)).toBeGreaterThan(0.01);
    expect(list.some((c) => c.mentions.length > 0)).toBe(true);
    expect(list.some((c) => c.lastMessage?.isRevoked)).toBe(true);
    const titles = list.map((c) => c.title).join('\n');
    expect(titles).toMatch(/[\u4e00-\u9fff]/);
    expect(titles).toMatch(/[\u3040-\u30ff]/);
    expect(titles).toMatch(/\p{Extended_Pictographic}/u);
  });
});
