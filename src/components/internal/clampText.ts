/**
 * The most characters a row shows of a text from the backend. A row is one line wide, so nothing past this is ever
 * visible, and laying out (or segmenting) a megabyte-long title on every render would cost a second a row.
 */
export const ROW_TEXT_MAX = 300;

/** `text` cut to `max` UTF-16 units (never inside a surrogate pair), with an ellipsis when it was cut. */
export function clampText(text: string, max = ROW_TEXT_MAX): string {
  if (text.length <= max) return text;
  let end = max;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${text.slice(0, end)}…`;
}
