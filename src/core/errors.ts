/**
 * Stable error codes. The SDK's numeric code, when there is one, is kept in `InboxError.sdkCode`. `TIMEOUT`: a
 * backend call did not settle within `commandTimeoutMs`, and its optimistic change was rolled back.
 */
export const INBOX_ERROR_CODES = [
  'GROUP_NOT_FOUND',
  'GROUP_LIMIT_EXCEEDED',
  'GROUP_NAME_INVALID',
  'GROUP_EXISTS',
  'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
  'PIN_LIMIT_EXCEEDED',
  'CONVERSATION_NOT_FOUND',
  'NOT_SUPPORTED',
  'NOT_READY',
  'ADAPTER_FAILED',
  'INVALID_ARGUMENT',
  'TIMEOUT',
] as const;

export type InboxErrorCode = (typeof INBOX_ERROR_CODES)[number];

const QUOTE_MAX = 40;

/**
 * A value for an error message: strings quoted and cut to about 40 characters (never inside a surrogate pair), so
 * a 1 MB name or id does not make a 1 MB message.
 */
export function quote(value: unknown): string {
  if (typeof value !== 'string') return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
  if (value.length <= QUOTE_MAX) return JSON.stringify(value);
  let end = QUOTE_MAX;
  const last = value.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end--;
  return `${JSON.stringify(value.slice(0, end))}… (${value.length} characters)`;
}

export interface InboxErrorOptions {
  sdkCode?: number;
  cause?: unknown;
}

/** The one error type every public call rejects with. Match on `code`, never on `message`. */
export class InboxError extends Error {
  readonly code: InboxErrorCode;
  readonly sdkCode?: number;
  override readonly cause?: unknown;

  constructor(code: InboxErrorCode, message: string, options: InboxErrorOptions = {}) {
    super(message);
    this.name = 'InboxError';
    this.code = code;
    if (options.sdkCode !== undefined) this.sdkCode = options.sdkCode;
    if (options.cause !== undefined) this.cause = options.cause;
  }
}

export function isInboxError(value: unknown): value is InboxError {
  return value instanceof InboxError;
}

/**
 * Wraps anything thrown by a backend into an `InboxError` (`ADAPTER_FAILED` unless it already is one), keeping a
 * numeric `code` (or OpenIM-style `errCode`) as `sdkCode` and the original as `cause`.
 */
export function toInboxError(value: unknown, fallbackMessage = 'The backend call failed.'): InboxError {
  if (value instanceof InboxError) return value;
  const { message, errMsg, code, errCode } = (typeof value === 'object' && value ? value : {}) as Record<string, unknown>;
  const text = [message, errMsg, value].find((candidate): candidate is string => typeof candidate === 'string' && candidate !== '');
  const sdkCode = [code, errCode].find((candidate): candidate is number => typeof candidate === 'number');
  return new InboxError('ADAPTER_FAILED', text ?? fallbackMessage, { sdkCode, cause: value });
}
