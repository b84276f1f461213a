import type { AdapterCapabilities } from '../../core/adapter.js';
import { isInboxError, type InboxError } from '../../core/errors.js';
import { errorMessage } from '../internal/dom.js';
import type { ErrorMessageId, Translate } from '../internal/i18n.js';

/** The backend's limits a localised error names ("At most 50 conversations can be pinned."). */
export type ErrorLimits = Partial<Pick<AdapterCapabilities, 'maxPinned' | 'maxGroups' | 'maxGroupedConversations'>>;

const isLimit = (value: number | undefined): value is number => value !== undefined && Number.isFinite(value);

/**
 * What a failed command says to the user, in the provider's language, chosen by the error's code: a per-id code
 * such as `PIN_LIMIT_EXCEEDED` from a batch is kept all the way here, so the user reads what to do rather than an
 * adapter's English. `ADAPTER_FAILED` is the backend's own refusal, which only its message describes: that message
 * is shown as it is.
 */
export function errorText(error: InboxError, t: Translate<ErrorMessageId>, limits: ErrorLimits = {}): string {
  const { maxPinned, maxGroups, maxGroupedConversations } = limits;
  switch (error.code) {
    case 'PIN_LIMIT_EXCEEDED':
      return isLimit(maxPinned) ? t('controls.pinLimitError', { max: maxPinned }) : t('controls.error.pinLimit');
    case 'GROUP_LIMIT_EXCEEDED':
      return isLimit(maxGroups) ? t('controls.error.groupLimit', { max: maxGroups }) : error.message;
    case 'GROUPED_CONVERSATION_LIMIT_EXCEEDED':
      return isLimit(maxGroupedConversations) ? t('controls.error.groupedLimit', { max: maxGroupedConversations }) : error.message;
    case 'GROUP_NOT_FOUND':
      return t('controls.error.groupNotFound');
    case 'GROUP_EXISTS':
      return t('controls.error.groupExists');
    case 'GROUP_NAME_INVALID':
      return t('controls.error.groupNameInvalid');
    case 'CONVERSATION_NOT_FOUND':
      return t('controls.error.notFound');
    case 'NOT_SUPPORTED':
      return t('controls.error.notSupported');
    case 'NOT_READY':
      return t('controls.error.notReady');
    case 'TIMEOUT':
      return t('controls.error.timeout');
    case 'INVALID_ARGUMENT':
      return t('controls.error.invalid');
    default:
      return error.message;
  }
}

/** `errorText` for whatever a dialog's action rejected with (an `InboxError` from the store, in practice). */
export function describeFailure(t: Translate<ErrorMessageId>, limits: ErrorLimits = {}): (error: unknown) => string {
  return (error) => (isInboxError(error) ? errorText(error, t, limits) : errorMessage(error));
}
