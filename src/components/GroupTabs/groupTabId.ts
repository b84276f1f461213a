/** The id of the tab for a group (`null` = All) in a `GroupTabs` whose `id` is `baseId`, e.g. for `aria-labelledby`. */
export function groupTabId(baseId: string, value: string | null | undefined): string {
  return value == null ? `${baseId}-tab-all` : `${baseId}-tab-g-${idSafe(value)}`;
}

/**
 * Spells any string with id-safe characters, one UTF-16 unit at a time, so that a backend's odd group name (a lone
 * surrogate, spaces, quotes) still gives a unique, valid id. `encodeURIComponent` throws on a lone surrogate.
 */
function idSafe(text: string): string {
  return text.replace(/[^A-Za-z0-9-]/g, (ch) => `_${ch.charCodeAt(0).toString(16)}_`);
}
