/** Titles are searched in their first 1,000 characters: enough for any real name, and a bounded cost per row. */
export const SEARCHED_TITLE_MAX = 1000;

/** Folds case, full/half width (NFKC) and katakana to hiragana, so a query matches the way users type. */
export function normalizeForSearch(text: string): string {
  return text
    .slice(0, SEARCHED_TITLE_MAX)
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}
