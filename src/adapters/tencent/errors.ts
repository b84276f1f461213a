import { InboxError, type InboxErrorCode } from '../../core/errors.js';

/**
 * Codes the Web SDK rejects with before `SDK_READY` (its "not ready reason"): 2024 not logged in, 2999 not ready,
 * 3000 logging in, 3001 login failed, 3002–3004 and 3006 kicked out, 3005 logged out.
 */
export const TENCENT_NOT_READY_CODES: ReadonlySet<number> = new Set([2024, 2999, 3000, 3001, 3002, 3003, 3004, 3005, 3006]);

/** How SDK and server codes become neutral codes. Codes not listed become `ADAPTER_FAILED`. */
export const TENCENT_ERROR_CODES: Readonly<Record<number, InboxErrorCode>> = Object.freeze({
  2500: 'CONVERSATION_NOT_FOUND', // not in the local cache
  2501: 'CONVERSATION_NOT_FOUND', // user or group not found (getConversationProfile)
  2503: 'NOT_SUPPORTED', // not a C2C/GROUP conversation, e.g. @TIM#SYSTEM cannot be marked or grouped
  3122: 'NOT_SUPPORTED', // feature not in the purchased package (client check)
  51013: 'NOT_SUPPORTED', // feature not in the purchased package (server)
  51008: 'GROUPED_CONVERSATION_LIMIT_EXCEEDED',
  51009: 'GROUP_NOT_FOUND',
  51010: 'GROUP_LIMIT_EXCEEDED',
  51011: 'GROUP_NAME_INVALID',
  51012: 'PIN_LIMIT_EXCEEDED',
});

/** The message of the Web SDK's synchronous parameter-validation throw. */
export const PARAMS_VALIDATE_FAILED = 'Params validate failed.';

function record(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The numeric code of an SDK error (`{ code, message }`), if any. */
export function sdkCodeOf(value: unknown): number | undefined {
  const code = record(value).code;
  if (typeof code === 'number' && Number.isFinite(code)) return code;
  if (typeof code === 'string' && /^\d+$/.test(code)) return Number(code);
  return undefined;
}

/** The neutral code for an SDK code. */
export function inboxCodeFor(sdkCode: number | undefined): InboxErrorCode {
  if (sdkCode === undefined) return 'ADAPTER_FAILED';
  if (TENCENT_NOT_READY_CODES.has(sdkCode)) return 'NOT_READY';
  return TENCENT_ERROR_CODES[sdkCode] ?? 'ADAPTER_FAILED';
}

/**
 * Turns anything the SDK threw or rejected with into an `InboxError`, keeping the SDK code as `sdkCode` and the
 * original value as `cause`. The synchronous "Params validate failed." throw becomes `INVALID_ARGUMENT`.
 */
export function toTencentError(value: unknown, operation: string): InboxError {
  if (value instanceof InboxError) return value;
  const sdkCode = sdkCodeOf(value);
  const rawMessage = record(value).message;
  const message = typeof rawMessage === 'string' && rawMessage ? rawMessage : typeof value === 'string' ? value : '';
  if (sdkCode === undefined && message === PARAMS_VALIDATE_FAILED) {
    return new InboxError('INVALID_ARGUMENT', `Tencent Cloud Chat rejected the parameters of ${operation}.`, { cause: value });
  }
  const code = inboxCodeFor(sdkCode);
  const text =
    code === 'NOT_READY'
      ? `Tencent Cloud Chat is not ready (${operation}); wait for SDK_READY.${message ? ` ${message}` : ''}`
      : message || `Tencent Cloud Chat ${operation} failed${sdkCode === undefined ? '' : ` (code ${sdkCode})`}.`;
  return new InboxError(code, text, { sdkCode, cause: value });
}

/**
 * Calls an SDK method and normalizes both failure styles: the synchronous throw of its validation middleware and
 * the rejected Promise of everything else.
 */
export async function callSdk<T>(operation: string, call: () => T | PromiseLike<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    throw toTencentError(error, operation);
  }
}
