/**
 * The layout of a conversation's `ex`, the one field of an OpenIM conversation a client may write that is per user,
 * server-synced and multi-device (sdk-semantics §3.2): InboxKit keeps what OpenIM lacks there (emulated groups and
 * marks) under its own key of a JSON object, `{"inboxkit":{...}}`, and the app's custom data is everything else.
 *
 * - `ex` that is not a JSON object is the app's (or another client's) text: the kit never writes its key into it.
 * - The app sees `ex` without the kit's key as `customData`, byte for byte when the kit keeps nothing there.
 * - Every write is read-modify-write and keeps the other side's keys; the result must fit the SDK's
 *   `varchar(1024)` column.
 */
import { isRecord } from '../../core/isRecord.js';

/** The SDK's local `ex` column is `varchar(1024)`. */
export const OPENIM_EX_MAX_LENGTH = 1024;
/** The key under which InboxKit keeps its own data in a conversation's `ex` JSON. */
export const OPENIM_EX_NAMESPACE = 'inboxkit';

type Json = Record<string, unknown>;

/** `ex` read: the kit's part (`own`, `{}` when absent) and the whole object, or why the kit cannot use it. */
export type ExRead = { ok: true; own: Json; data: Json } | { ok: false; reason: string };

export type ExWrite = { ok: true; ex: string } | { ok: false; reason: string };

/** Reads `ex`. Empty is an empty object; text that is not a JSON object belongs to someone else (not ok). */
export function readEx(ex: unknown): ExRead {
  if (ex === undefined || ex === null || (typeof ex === 'string' && ex.trim() === '')) return { ok: true, own: {}, data: {} };
  if (typeof ex !== 'string') return { ok: false, reason: 'its `ex` field is not a string' };
  let parsed: unknown;
  try {
    parsed = JSON.parse(ex);
  } catch {
    return { ok: false, reason: 'its `ex` field holds text that is not JSON' };
  }
  if (!isRecord(parsed)) return { ok: false, reason: 'its `ex` field holds JSON that is not an object' };
  const own = parsed[OPENIM_EX_NAMESPACE];
  if (own !== undefined && !isRecord(own)) return { ok: false, reason: `the "${OPENIM_EX_NAMESPACE}" key of its \`ex\` field is not an object` };
  return { ok: true, own: own ?? {}, data: parsed };
}

/**
 * `ex` with the kit's part replaced by `own`, every other key of `data` kept. The kit's key goes when `own` is
 * empty, and `ex` is `''` when nothing is left at all. Not ok when the result does not fit the column.
 */
export function writeEx(data: Json, own: Json): ExWrite {
  const next: Json = { ...data };
  if (Object.keys(own).length > 0) next[OPENIM_EX_NAMESPACE] = own;
  else delete next[OPENIM_EX_NAMESPACE];
  return fitting(Object.keys(next).length > 0 ? JSON.stringify(next) : '');
}

function fitting(ex: string): ExWrite {
  if (ex.length > OPENIM_EX_MAX_LENGTH) {
    return { ok: false, reason: `its \`ex\` field would grow to ${ex.length} characters, over the ${OPENIM_EX_MAX_LENGTH}-character column` };
  }
  return { ok: true, ex };
}

/** The app's part of `ex` (its `customData`): all of it when the kit keeps nothing there, else the other keys. */
export function appPartOf(ex: unknown): string {
  if (typeof ex !== 'string') return '';
  const read = readEx(ex);
  if (!read.ok || Object.keys(read.own).length === 0) return ex;
  const rest: Json = { ...read.data };
  delete rest[OPENIM_EX_NAMESPACE];
  return Object.keys(rest).length > 0 ? JSON.stringify(rest) : '';
}

/**
 * `ex` with the app's part set to `data`. Where the kit keeps nothing, `data` is the whole `ex`, as the app wrote
 * it. Where it keeps groups or marks, they must share one JSON object, so `data` must be `''` or a JSON object
 * without the kit's key; anything else is refused rather than losing either side.
 */
export function withAppPart(ex: unknown, data: string): ExWrite {
  const read = readEx(ex);
  if (!read.ok || Object.keys(read.own).length === 0) return fitting(data);
  if (data === '') return writeEx({}, read.own);
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    parsed = undefined;
  }
  if (!isRecord(parsed)) {
    return { ok: false, reason: `its \`ex\` field holds InboxKit's groups or marks, so custom data for it must be a JSON object (or empty)` };
  }
  if (OPENIM_EX_NAMESPACE in parsed) return { ok: false, reason: `custom data must not use the "${OPENIM_EX_NAMESPACE}" key, which InboxKit keeps` };
  return writeEx(parsed, read.own);
}
