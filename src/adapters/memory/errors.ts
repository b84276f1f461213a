/**
 * The memory backend's refusals, each with the code Tencent Cloud Chat's SDK gives for it, so that a UI tested
 * against this backend meets the errors it will meet in production. In one place because the seed, the changes,
 * the commands and the simulator refuse the same things with the same words.
 */
import { InboxError } from '../../core/errors.js';
import type { ConversationId } from '../../core/types.js';

/** Tencent's SDK codes for the refusals this backend copies. */
const SDK_CODE = {
  conversationNotFound: 2500,
  groupedConversationLimit: 51008,
  groupNotFound: 51009,
  groupLimit: 51010,
  pinLimit: 51012,
} as const;

export function invalid(message: string, sdkCode?: number): InboxError {
  return new InboxError('INVALID_ARGUMENT', message, { sdkCode });
}

export function conversationNotFound(id: ConversationId): InboxError {
  return new InboxError('CONVERSATION_NOT_FOUND', `There is no conversation "${id}".`, { sdkCode: SDK_CODE.conversationNotFound });
}

export function groupNotFound(name: string): InboxError {
  return new InboxError('GROUP_NOT_FOUND', `There is no group named "${name}".`, { sdkCode: SDK_CODE.groupNotFound });
}

export function groupLimitExceeded(message: string): InboxError {
  return new InboxError('GROUP_LIMIT_EXCEEDED', message, { sdkCode: SDK_CODE.groupLimit });
}

export function groupedConversationLimitExceeded(message: string): InboxError {
  return new InboxError('GROUPED_CONVERSATION_LIMIT_EXCEEDED', message, { sdkCode: SDK_CODE.groupedConversationLimit });
}

export function pinLimitExceeded(maxPinned: number): InboxError {
  return new InboxError('PIN_LIMIT_EXCEEDED', `At most ${maxPinned} conversations can be pinned.`, { sdkCode: SDK_CODE.pinLimit });
}

/** Returns `value` when it is a non-negative number of ms (a latency, a message time), else throws `INVALID_ARGUMENT`. */
export function checkTime(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) throw invalid(`${what} must be a non-negative number of ms.`);
  return value;
}
