import type { AdapterCapabilities } from '../../core/adapter.js';
import { isInboxError } from '../../core/errors.js';
import type { ConversationId, OperationResult } from '../../core/types.js';
import { cachedIntl } from '../internal/cachedIntl.js';
import { clampText } from '../internal/clampText.js';
import { errorMessage } from '../internal/dom.js';
import type { GroupTabsMessageId, Translate } from '../internal/i18n.js';

type Limits = Pick<AdapterCapabilities, 'maxGroups' | 'maxGroupedConversations'>;

/**
 * Why a group command failed, in the user's language, from its code: a whole call's `InboxError` and a batch's
 * per-id failure carry the same codes. The backend's own words (English, from the SDK) appear only for a code that
 * says nothing a user can act on.
 */
export function groupReason(t: Translate<GroupTabsMessageId>, code: string, message: string, limits: Limits): string {
  switch (code) {
    case 'GROUPED_CONVERSATION_LIMIT_EXCEEDED':
      return t('groupTabs.reason.groupedLimit', { max: limits.maxGroupedConversations });
    case 'GROUP_LIMIT_EXCEEDED':
      return t('groupTabs.errorLimit', { max: limits.maxGroups });
    case 'GROUP_NAME_INVALID':
      return t('groupTabs.errorInvalid');
    case 'GROUP_NOT_FOUND':
      return t('groupTabs.reason.groupNotFound');
    case 'CONVERSATION_NOT_FOUND':
      return t('groupTabs.reason.conversationNotFound');
    case 'NOT_SUPPORTED':
      return t('groupTabs.reason.notSupported');
    case 'NOT_READY':
      return t('groupTabs.reason.notReady');
    case 'TIMEOUT':
      return t('groupTabs.reason.timeout');
    default:
      return t('groupTabs.reason.other', { message });
  }
}

/** `groupReason` for anything a command rejected with. */
export function groupErrorText(t: Translate<GroupTabsMessageId>, error: unknown, limits: Limits): string {
  return isInboxError(error) ? groupReason(t, error.code, error.message, limits) : t('groupTabs.reason.other', { message: errorMessage(error) });
}

/** Names listed per reason before "and N more": a notice stays a sentence or two, even for a batch of hundreds. */
const NAMES_SHOWN = 3;
/** A title is cut to this in a notice: it names the conversation, it need not show all of it. */
const TITLE_MAX = 40;

/**
 * Per-id failures as text: the head (`groupTabs.failedAdd` or `failedChange`), then one sentence per reason naming
 * its conversations, as "Alice and Bob: At most 1000 conversations can be in groups." in the locale's list style.
 */
export function failuresText(
  t: Translate<GroupTabsMessageId>,
  locale: string,
  head: string,
  failed: OperationResult['failed'],
  titleOf: (id: ConversationId) => string,
  limits: Limits,
): string {
  const byReason = new Map<string, string[]>();
  for (const failure of failed) {
    const reason = groupReason(t, failure.code, failure.message, limits);
    const names = byReason.get(reason) ?? [];
    names.push(clampText(titleOf(failure.id), TITLE_MAX));
    byReason.set(reason, names);
  }
  const list = cachedIntl('ListFormat', locale, { type: 'conjunction' });
  const sentences = [...byReason].map(([reason, names]) => {
    const shown = names.length > NAMES_SHOWN + 1 ? [...names.slice(0, NAMES_SHOWN), t('groupTabs.failedMore', { count: names.length - NAMES_SHOWN })] : names;
    return t('groupTabs.failedItem', { names: list.format(shown), reason });
  });
  return [head, ...sentences].join(' ');
}
