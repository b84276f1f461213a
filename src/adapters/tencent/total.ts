/**
 * The total unread the Tencent adapter reports. The SDK's own total (`getTotalUnreadMessageCount`,
 * `TOTAL_UNREAD_MESSAGE_COUNT_UPDATED`) leaves out muted conversations and `@TIM#SYSTEM`, as the kit's
 * `TENCENT_UNREAD_RULE` does, but counts hidden ones: to the SDK a mark is only a flag (trtc.io/document/50291;
 * its `getTotalUnreadCount` reads no mark). The kit leaves hidden conversations out of every count, so the adapter
 * reports the SDK's total minus what the hidden conversations of the latest full list add under the rule.
 */
import type { AdapterEvent, UnreadRule } from '../../core/adapter.js';
import { unreadContribution } from '../../core/order.js';
import type { Conversation } from '../../core/types.js';

/** What hidden conversations add to the SDK's total under `rule`. */
export function hiddenUnread(conversations: readonly Conversation[], rule: UnreadRule): number {
  let sum = 0;
  for (const conversation of conversations) if (conversation.marks?.includes('hide')) sum += unreadContribution(conversation, rule);
  return sum;
}

/**
 * Follows the SDK's total and the latest full list, and emits their difference whenever either moves. `readSdkTotal`
 * reads the SDK's total now (undefined when it cannot say synchronously): hiding a conversation changes no SDK total,
 * so no SDK event would come to pair with the list that shows the mark.
 */
export function createTencentTotal(rule: UnreadRule, emit: (event: AdapterEvent) => void, readSdkTotal: () => number | undefined) {
  let sdkTotal: number | undefined;
  let hidden = 0;

  function report(): void {
    if (sdkTotal !== undefined) emit({ type: 'unreadTotalChanged', total: Math.max(0, sdkTotal - hidden) });
  }

  return {
    /** A full list arrived (a snapshot event or a read): only a change of its hidden unread moves the total. */
    noteList(conversations: readonly Conversation[]): void {
      const next = hiddenUnread(conversations, rule);
      if (next === hidden) return;
      hidden = next;
      sdkTotal = readSdkTotal() ?? sdkTotal;
      report();
    },
    /** The SDK reported its total. */
    noteSdkTotal(total: number): void {
      sdkTotal = total;
      report();
    },
  };
}

export type TencentTotal = ReturnType<typeof createTencentTotal>;
