const MEANINGFUL = /[\p{L}\p{N}\p{Extended_Pictographic}\p{Regional_Indicator}]/u;
const LETTER = /[\p{L}\p{N}]/u;
const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Bopomofo}]/u;
const EMOJI = /[\p{Extended_Pictographic}\p{Regional_Indicator}]/u;

type GraphemeSegmenter = { segment(input: string): Iterable<{ segment: string }> };
let segmenter: GraphemeSegmenter | null | undefined;

const INITIALS_WINDOW = 64;

/**
 * A word whose first character is a grapheme alone, told without `Intl.Segmenter`: a letter or digit followed by the
 * end, a letter, digit, punctuation or space that cannot join it. Excluded are the letters the Unicode grapheme rules
 * (Unicode 17) join to what follows (Prepend) or to what precedes (Hangul jamo, Thai and Lao AM, halfwidth kana voicing
 * marks, Kirat Rai vowels); a mark, joiner or emoji after the letter takes the segmenter's path. Checked against the
 * segmenter for every code point before and after a set of neighbours (test/components/initials.test.ts).
 * Why: segmenting costs about 15 µs a word (ICU makes an iterator and a segment), and a list mounting a screen of new
 * rows, as while a batch deletes, asks for every row.
 */
const LONE_FIRST_CHARACTER =
  /^(?![\u0D4E\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\u{111C2}\u{111C3}\u{113D1}\u{1193F}\u{11941}\u{11A84}-\u{11A89}\u{11D46}\u{11F02}])[\p{L}\p{N}](?=$|(?![\u0E33\u0EB3\u1100-\u11FF\uA960-\uA97F\uD7B0-\uD7FF\uFF9E\uFF9F\u{16D63}\u{16D67}-\u{16D6A}])[\p{L}\p{N}\p{P}\p{Z}])/u;

/** The first grapheme of `word` that is a letter, digit or emoji (`Intl.Segmenter`, else code points). Exported for tests. */
export function firstMeaningful(word: string): string {
  // Graphemes are short: the first meaningful one is within the first few dozen units of any real word.
  word = word.slice(0, INITIALS_WINDOW);
  const lone = LONE_FIRST_CHARACTER.exec(word);
  if (lone) return lone[0];
  segmenter ??= 'Segmenter' in Intl ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
  // Stops at the first grapheme that fits: one segment made, not 64.
  if (segmenter) {
    for (const { segment } of segmenter.segment(word)) if (MEANINGFUL.test(segment)) return segment;
    return '';
  }
  // Without Intl.Segmenter, code points are the closest approximation (keeps surrogate pairs whole).
  for (const codePoint of word) if (MEANINGFUL.test(codePoint)) return codePoint;
  return '';
}

/**
 * Initials for an avatar fallback. A CJK name or an emoji gives its first character alone ("张三" → "张");
 * other names give the first letters of the first and last words ("ada lovelace" → "AL"). Grapheme-aware
 * (`Intl.Segmenter`), so combining marks and emoji sequences are never split. `"?"` when nothing is usable.
 */
export function getInitials(title: string, locale?: string): string {
  // Only the first and last words matter: a megabyte-long title is read at its two ends, in constant time.
  const bounded = title.length > 2 * INITIALS_WINDOW ? `${title.slice(0, INITIALS_WINDOW)} ${title.slice(-INITIALS_WINDOW)}` : title;
  const words = bounded
    .trim()
    .split(/\s+/u)
    .filter((word) => MEANINGFUL.test(word));
  if (!words.length) return '?';
  const first = firstMeaningful(words[0]!);
  if (!first) return '?';
  if (CJK.test(first) || EMOJI.test(first)) return first;
  const last = words.length > 1 ? firstMeaningful(words.at(-1)!) : '';
  const initials = LETTER.test(last) && !CJK.test(last) ? first + last : first;
  try {
    return initials.toLocaleUpperCase(locale);
  } catch {
    return initials.toUpperCase();
  }
}

/** A colour slot in `[0, count)` derived from the id (FNV-1a), the same on every render and device. */
export function avatarColorIndex(id: string, count = 8): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 0) % count;
}
