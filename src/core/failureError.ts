import { INBOX_ERROR_CODES, InboxError, quote, type InboxErrorCode } from './errors.js';
import type { OperationResult } from './types.js';

/**
 * The `InboxError` of one id's failure in an `OperationResult`: its code kept when it is an `InboxErrorCode`
 * (`PIN_LIMIT_EXCEEDED` stays `PIN_LIMIT_EXCEEDED`, so the UI can say what to do), else `ADAPTER_FAILED` with the
 * backend's numeric code as `sdkCode`.
 */
export function failureError(failed: OperationResult['failed'][number], operation = 'The command'): InboxError {
  const code = (INBOX_ERROR_CODES as readonly string[]).includes(failed.code) ? (failed.code as InboxErrorCode) : 'ADAPTER_FAILED';
  const numeric = Number(failed.code);
  const sdkCode = failed.sdkCode ?? (failed.code !== '' && Number.isFinite(numeric) ? numeric : undefined);
  return new InboxError(code, failed.message || `${operation} failed for ${quote(failed.id)}.`, { sdkCode });
}
