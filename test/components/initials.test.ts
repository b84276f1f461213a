import { describe, expect, it } from 'vitest';
import { firstMeaningful, getInitials } from '../../src/components/internal/initials.js';

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });
const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
/** What the segmenter alone says: the first grapheme that is a letter, digit or emoji. */
const bySegmenter = (word: string) => Array.from(segmenter.segment(word), (s) => s.segment).find((g) => MEANINGFUL.test(g)) ?? '';

/** Every code point of the Basic Multilingual Plane, and supplementary ones the grapheme rules single out. */
function* codePoints(): Generator<string> {
  for (let cp = 0; cp <= 0xffff; cp++) if (cp < 0xd800 || cp > 0xdfff) yield String.fromCodePoint(cp);
  for (const cp of [0x111c2, 0x111c3, 0x113d1, 0x1193f, 0x11941, 0x11a84, 0x11a89, 0x11d46, 0x11f02, 0x16d63, 0x16d67, 0x16d6a, 0x20000, 0x1f600]) {
    yield String.fromCodePoint(cp);
  }
}

describe('avatar initials', () => {
  it('find the same first grapheme as Intl.Segmenter, shortcut or not, for any character beside the ones the rules join', () => {
    const after = ['', 'a', '1', ' ', '.', '가', 'ก', 'ำ', 'ﾞ', 'ᅡ', 'ᆨ', '\u0301', '\u0345', '\u200d', '\ufe0f', '😀'];
    const before = ['a', '1', '张', '가', 'ᄀ', 'ก', 'क', 'ｶ', '\u0d4e', '𠀀'];
    const wrong: string[] = [];
    const check = (word: string) => {
      if (firstMeaningful(word) !== bySegmenter(word)) wrong.push(word);
    };
    for (const c of codePoints()) {
      for (const next of after) check(c + next);
      for (const first of before) check(first + c);
    }
    expect(wrong.slice(0, 10)).toEqual([]);
  }, 120_000);

  it('keep graphemes whole in the scripts that join letters', () => {
    expect(getInitials('กำไร', 'th')).toBe('กำ');
    expect(getInitials('ｶﾞｲﾄﾞ', 'ja')).toBe('ｶﾞ');
    expect(getInitials('\u1100\u1161\u11a8', 'ko')).toBe('\u1100\u1161\u11a8');
    expect(getInitials('क्षमा शर्मा', 'hi')).toBe('क्षश');
    expect(getInitials('ada lovelace', 'en')).toBe('AL');
  });
});
