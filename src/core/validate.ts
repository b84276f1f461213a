import { InboxError, quote } from './errors.js';
import type { ConversationMark, MuteMode } from './types.js';

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes, the unit the IM servers count group names in. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

/**
 * Why a group name is refused: `notString`; `empty` (nothing but spaces); `invisible` (only characters that draw
 * nothing, such as a zero-width space or a word joiner); `malformed` (a lone surrogate or a control character,
 * which no server stores and no URL can encode); `tooLong` (over the backend's UTF-8 byte limit).
 */
export type GroupNameProblem = 'empty' | 'tooLong' | 'notString' | 'invisible' | 'malformed';

const LONE_SURROGATE_OR_CONTROL = /[\p{Cs}\p{Cc}]/u;
const DRAWS_NOTHING = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}]*$/u;

/**
 * The form a group name is stored and compared in: Unicode NFC (so "Café" typed two ways is one name) with white
 * space trimmed at both ends (so "Work " is "Work"). Apply it before counting bytes or looking for duplicates.
 */
export function normalizeGroupName(name: string): string {
  return name.normalize('NFC').trim();
}

/** Why a group name is rejected, or `undefined` when it is fine. Checks the normalized name. Shared by the store, adapters and the UI. */
export function checkGroupName(name: unknown, maxBytes = 32): GroupNameProblem | undefined {
  if (typeof name !== 'string') return 'notString';
  // Malformed text is refused before normalizing it: NFC would keep a lone surrogate as it is anyway.
  if (LONE_SURROGATE_OR_CONTROL.test(name)) return 'malformed';
  const normalized = normalizeGroupName(name);
  if (normalized.length === 0) return 'empty';
  if (DRAWS_NOTHING.test(normalized)) return 'invisible';
  if (utf8ByteLength(normalized) > maxBytes) return 'tooLong';
  return undefined;
}

const GROUP_NAME_MESSAGES: Record<GroupNameProblem, (name: unknown, maxBytes: number) => string> = {
  notString: (name) => `A group name must be a string, got ${quote(name)}.`,
  empty: () => 'A group name must not be empty.',
  invisible: (name) => `A group name must have a visible character; ${quote(name)} has none.`,
  malformed: (name) => `A group name must not hold a lone surrogate or a control character: ${quote(name)}.`,
  tooLong: (name, maxBytes) =>
    `A group name must be at most ${maxBytes} UTF-8 bytes; ${quote(name)} is ${utf8ByteLength(normalizeGroupName(String(name)))}.`,
};

/**
 * Throws `GROUP_EXISTS` when `names` holds `name` (already normalized) in any Unicode form or with surrounding
 * spaces, leaving `except` (the group being renamed) aside. The one duplicate rule of the store and every adapter.
 */
export function assertNoGroupNamed(names: Iterable<string>, name: string, except?: string): void {
  for (const other of names) {
    if (other !== except && normalizeGroupName(other) === name) throw new InboxError('GROUP_EXISTS', `A group named ${quote(name)} already exists.`);
  }
}

/** Throws `GROUP_NAME_INVALID` (SDK code 51011) unless `checkGroupName` accepts the name. */
export function assertGroupName(name: unknown, maxBytes = 32): asserts name is string {
  const problem = checkGroupName(name, maxBytes);
  if (problem === undefined) return;
  throw new InboxError('GROUP_NAME_INVALID', GROUP_NAME_MESSAGES[problem](name, maxBytes), { sdkCode: 51011 });
}

function invalid(expected: string, value: unknown): InboxError {
  return new InboxError('INVALID_ARGUMENT', `Expected ${expected}, got ${quote(value)}.`);
}

export function assertConversationId(id: unknown, what = 'conversation id'): asserts id is string {
  if (typeof id !== 'string' || id.length === 0) throw invalid(`a non-empty string as the ${what}`, id);
}

export function assertIdList(ids: unknown): asserts ids is readonly string[] {
  if (!Array.isArray(ids)) throw invalid('an array of conversation ids', ids);
  for (const id of ids) assertConversationId(id);
}

export function assertBoolean(value: unknown, what: string): asserts value is boolean {
  if (typeof value !== 'boolean') throw invalid(`a boolean for ${what}`, value);
}

export function assertString(value: unknown, what: string): asserts value is string {
  if (typeof value !== 'string') throw invalid(`a string for ${what}`, value);
}

import { CONVERSATION_MARKS, MUTE_MODES } from './types.js';

export { CONVERSATION_KINDS, CONVERSATION_MARKS, MUTE_MODES } from './types.js';

export function assertMuteMode(mode: unknown): asserts mode is MuteMode {
  if (!MUTE_MODES.includes(mode as MuteMode)) throw invalid(`one of ${MUTE_MODES.join(', ')} as the mute mode`, mode);
}

export function assertMark(mark: unknown): asserts mark is ConversationMark {
  if (!CONVERSATION_MARKS.includes(mark as ConversationMark)) throw invalid(`one of ${CONVERSATION_MARKS.join(', ')} as the mark`, mark);
}

const SAFE_SCHEMES = new Set(['https:', 'http:', 'blob:']);
const RASTER_DATA_IMAGE = /^image\/(png|jpe?g|gif|webp|avif)[;,]/i;
// Relative URLs are resolved against this base only to learn their scheme; it never reaches the page.
const PROBE_BASE = 'https://relative.inboxkit.invalid/';

/**
 * Returns the URL when it is safe to load as an image (`https:`, `http:`, `blob:`, raster `data:image/`, or a
 * relative URL), else `undefined`. The URL is parsed as browsers parse it (WHATWG `URL`, which drops tabs and
 * newlines and trims control characters), and only then is its scheme allowed, so `"java\tscript:"` is refused.
 */
export function safeAvatarUrl(url: unknown): string | undefined {
  if (typeof url !== 'string' || url.trim() === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url, PROBE_BASE);
  } catch {
    return undefined;
  }
  if (parsed.href.startsWith(PROBE_BASE)) return url.trim();
  if (SAFE_SCHEMES.has(parsed.protocol)) return parsed.href;
  if (parsed.protocol === 'data:' && RASTER_DATA_IMAGE.test(parsed.pathname)) return parsed.href;
  return undefined;
}
