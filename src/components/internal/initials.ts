/** Number of avatar background colours; the stylesheet maps `data-color="0".."7"` to `--ik-avatar-color-0..7`. */
export const AVATAR_COLOR_COUNT = 8;

const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const LETTER = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

type GraphemeSegmenter = { segment(input: string): Iterable<{ segment: string }> };
let segmenter: GraphemeSegmenter | null | undefined;

function graphemes(text: string): string[] {
  if (segmenter === undefined) {
    segmenter = typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  }
  if (segmenter) return Array.from(segmenter.segment(text), (s) => s.segment);
  // Without Intl.Segmenter, code points are the closest approximation (keeps surrogate pairs whole).
  return Array.from(text);
}

function firstMeaningful(word: string): string | undefined {
  return graphemes(word).find((g) => MEANINGFUL.test(g));
}

/**
 * Initials for an avatar fallback. A CJK name or an emoji gives its first character alone ("张三" → "张");
 * other names give the first letters of the first and last words ("ada lovelace" → "AL"). Grapheme-aware
 * (`Intl.Segmenter`), so combining marks and emoji sequences are never split. `"?"` when nothing is usable.
 */
export function getInitials(title: string, locale?: string): string {
  const words = title.trim().split(/\s+/u).filter((word) => MEANINGFUL.test(word));
  const firstWord = words[0];
  if (!firstWord) return '?';
  const first = firstMeaningful(firstWord)!;
  if (CJK.test(first) || EMOJI.test(first)) return first;
  let initials = first;
  const lastWord = words.length > 1 ? words[words.length - 1]! : undefined;
  const last = lastWord ? firstMeaningful(lastWord) : undefined;
  if (last && LETTER.test(last) && !CJK.test(last)) initials += last;
  try {
    return initials.toLocaleUpperCase(locale);
  } catch {
    return initials.toUpperCase();
  }
}

/** A colour slot in `[0, AVATAR_COLOR_COUNT)` derived from the id (FNV-1a), the same on every render and device. */
export function avatarColorIndex(id: string, count = AVATAR_COLOR_COUNT): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) {
    hash ^= id.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % count;
}
