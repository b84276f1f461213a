import { InboxError } from './errors.js';
import type { ConversationKind, ConversationMark, MuteMode } from './types.js';

const encoder = new TextEncoder();

/** Length of a string in UTF-8 bytes, the unit the IM servers count group names in. */
export function utf8ByteLength(text: string): number {
  return encoder.encode(text).length;
}

export type GroupNameProblem = 'empty' | 'tooLong' | 'notString';

/** Why a group name is rejected, or `undefined` when it is fine. Shared by the store, adapters and the UI. */
export function checkGroupName(name: unknown, maxBytes = 32): GroupNameProblem | undefined {
  if (typeof name !== 'string') return 'notString';
  if (name.trim().length === 0) return 'empty';
  if (utf8ByteLength(name) > maxBytes) return 'tooLong';
  return undefined;
}

export function assertGroupName(name: unknown, maxBytes = 32): asserts name is string {
  const problem = checkGroupName(name, maxBytes);
  if (problem === undefined) return;
  const message =
    problem === 'notString'
      ? 'A group name must be a string.'
      : problem === 'empty'
        ? 'A group name must not be empty.'
        : `A group name must be at most ${maxBytes} UTF-8 bytes; "${String(name)}" is ${utf8ByteLength(String(name))}.`;
  throw new InboxError('GROUP_NAME_INVALID', message, { sdkCode: 51011 });
}

function invalid(expected: string, value: unknown): InboxError {
  return new InboxError('INVALID_ARGUMENT', `Expected ${expected}, got ${describe(value)}.`);
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

export const MUTE_MODES: readonly MuteMode[] = ['none', 'silent', 'silentExceptMention', 'blocked'];
export const CONVERSATION_KINDS: readonly ConversationKind[] = ['direct', 'group', 'system'];
export const CONVERSATION_MARKS: readonly ConversationMark[] = ['star', 'unread', 'fold', 'hide'];

export function assertMuteMode(mode: unknown): asserts mode is MuteMode {
  if (!MUTE_MODES.includes(mode as MuteMode)) throw invalid(`one of ${MUTE_MODES.join(', ')} as the mute mode`, mode);
}

export function assertMark(mark: unknown): asserts mark is ConversationMark {
  if (!CONVERSATION_MARKS.includes(mark as ConversationMark)) throw invalid(`one of ${CONVERSATION_MARKS.join(', ')} as the mark`, mark);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value;
}

const SAFE_URL = /^(https?:|blob:)/i;
const SAFE_DATA_IMAGE = /^data:image\/(png|jpe?g|gif|webp|avif);/i;

/** Returns the URL when its scheme is safe to load as an image (`https:`, `http:`, `blob:`, raster `data:image/`), else `undefined`. */
export function safeAvatarUrl(url: unknown): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!trimmed) return undefined;
  if (SAFE_URL.test(trimmed) || SAFE_DATA_IMAGE.test(trimmed)) return trimmed;
  // A relative URL (no scheme) resolves against the page, which is safe.
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && !trimmed.startsWith('//')) return trimmed;
  return undefined;
}
