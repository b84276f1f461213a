const MAX_PREVIEW = 200;

/**
 * Text from a message as one plain line for a row: line breaks, control characters and runs of spaces collapsed,
 * at most 200 code points (then an ellipsis). Never HTML: the row renders it as text.
 */
export function toPlainText(text: string): string {
  // eslint-disable-next-line no-control-regex
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ').replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length > MAX_PREVIEW ? `${chars.slice(0, MAX_PREVIEW - 1).join('')}…` : flat;
}
