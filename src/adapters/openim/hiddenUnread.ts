/**
 * What conversations hidden by the kit add to OpenIM's own counts. The `hide` mark lives in `ex` (see `marks.ts`), so
 * to the SDK those rows are visible and `getTotalUnreadMsgCount` (`recv_msg_opt < 2 and latest_msg_send_time > 0`),
 * its total events and a native group's `unreadCount` all count them; the kit does not. This keeps, per hidden
 * conversation, its unread under OpenIM's rule, from every row the adapter maps, so that those numbers can be
 * reported less it. It knows every hidden row only after one full read (`complete`); rows seen after that, through
 * events and reads, keep it current.
 */
import type { UnreadRule } from '../../core/adapter.js';
import { unreadContribution } from '../../core/order.js';
import type { Conversation, ConversationId } from '../../core/types.js';

export function createHiddenUnread(rule: UnreadRule) {
  const byId = new Map<ConversationId, number>();
  let sum = 0;
  let complete = false;

  function set(id: ConversationId, value: number): void {
    sum += value - (byId.get(id) ?? 0);
    if (value > 0) byId.set(id, value);
    else byId.delete(id);
  }

  return {
    /** A row as mapped now. Returns whether the sum moved. */
    note(conversation: Conversation): boolean {
      const before = sum;
      set(conversation.id, conversation.marks?.includes('hide') ? unreadContribution(conversation, rule) : 0);
      return sum !== before;
    },
    /** Rows that left the list (hidden by the SDK, deleted): they count nowhere. Returns whether the sum moved. */
    forget(ids: readonly ConversationId[]): boolean {
      const before = sum;
      for (const id of ids) set(id, 0);
      return sum !== before;
    },
    /** Every visible row was just read: hidden rows not among them are gone. Returns whether the sum moved. */
    replaceAll(conversations: readonly Conversation[]): boolean {
      const before = sum;
      byId.clear();
      sum = 0;
      for (const conversation of conversations) set(conversation.id, conversation.marks?.includes('hide') ? unreadContribution(conversation, rule) : 0);
      complete = true;
      return sum !== before;
    },
    /** What hidden conversations add, in total or among `ids`. */
    sum: (ids?: Iterable<ConversationId>): number => {
      if (!ids) return sum;
      let part = 0;
      for (const id of ids) part += byId.get(id) ?? 0;
      return part;
    },
    get complete(): boolean {
      return complete;
    },
  };
}

export type HiddenUnread = ReturnType<typeof createHiddenUnread>;
