/**
 * Conversation marks on OpenIM. The SDK has one of the kit's four marks at most (`isMarked`, on commercial builds),
 * so the others are emulated where emulated groups live: in the conversation's `ex` (per user, server-synced,
 * multi-device; see `ex.ts`), as `{"inboxkit":{"marks":["unread","fold"]}}`. Per mark:
 *
 * - `star`: `isMarked` where the build backs it (the `starMark` option; commercial builds also list such
 *   conversations in a built-in filter group), else `ex`.
 * - `unread` ("mark as unread"): no OpenIM field, so `ex`. A flag, as on Tencent: the unread count is untouched.
 * - `fold`: no OpenIM field, so `ex`.
 * - `hide`: `ex` too, not OpenIM's own `hideConversation`, which is local to one device, cannot be undone except by
 *   a new message, and takes the row out of every read, so the store could not keep it readable by id or unhide it.
 *   OpenIM does show a hidden conversation again when a message arrives, and so does this one: the mark keeps the
 *   time of the last message when it was set (`hiddenAt`), and a later message ends it.
 */
import { InboxError } from '../../core/errors.js';
import type { ConversationMark } from '../../core/types.js';
import { readEx, writeEx } from './ex.js';
import type { OpenIMConversationItem } from './sdk.js';

/** Marks in the order every adapter lists them. */
const MARK_ORDER: readonly ConversationMark[] = ['star', 'unread', 'fold', 'hide'];

type MarkedRow = Pick<OpenIMConversationItem, 'ex' | 'latestMsgSendTime'>;

function storedMarks(own: Record<string, unknown>): Set<ConversationMark> {
  const list = Array.isArray(own.marks) ? (own.marks as unknown[]) : [];
  return new Set(MARK_ORDER.filter((mark) => list.includes(mark)));
}

const hiddenAtOf = (own: Record<string, unknown>): number | undefined =>
  typeof own.hiddenAt === 'number' && Number.isFinite(own.hiddenAt) ? own.hiddenAt : undefined;

/** Whether a stored `hide` still holds: no message came after it was set. */
function stillHidden(own: Record<string, unknown>, row: MarkedRow): boolean {
  const hiddenAt = hiddenAtOf(own);
  return hiddenAt === undefined || !(row.latestMsgSendTime > hiddenAt);
}

/** The marks a row's `ex` holds now, in order (a `hide` that a later message ended is left out). */
export function readExMarks(row: MarkedRow): ConversationMark[] {
  const read = readEx(row.ex);
  if (!read.ok) return [];
  const marks = storedMarks(read.own);
  if (marks.has('hide') && !stillHidden(read.own, row)) marks.delete('hide');
  return MARK_ORDER.filter((mark) => marks.has(mark));
}

/**
 * The row's next `ex` with `mark` set or cleared, every other key kept (an ended `hide` is cleared on the way), or
 * `undefined` when nothing changes. Throws `INVALID_ARGUMENT` when `ex` is someone else's text or would overflow.
 */
export function writeExMark(row: MarkedRow & { conversationID: string }, mark: ConversationMark, enabled: boolean): string | undefined {
  const read = readEx(row.ex);
  if (!read.ok) {
    throw new InboxError('INVALID_ARGUMENT', `Conversation "${row.conversationID}" cannot be marked: ${read.reason}, and InboxKit keeps marks there. Its content was left untouched.`);
  }
  const own: Record<string, unknown> = { ...read.own };
  const marks = storedMarks(own);
  if (marks.has('hide') && !stillHidden(own, row)) marks.delete('hide');
  if (enabled) marks.add(mark);
  else marks.delete(mark);
  const next = MARK_ORDER.filter((m) => marks.has(m));
  if (next.length > 0) own.marks = next;
  else delete own.marks;
  if (marks.has('hide')) own.hiddenAt = mark === 'hide' && enabled ? row.latestMsgSendTime : (hiddenAtOf(own) ?? row.latestMsgSendTime);
  else delete own.hiddenAt;
  const written = writeEx(read.data, own);
  if (!written.ok) throw new InboxError('INVALID_ARGUMENT', `Conversation "${row.conversationID}" cannot be marked: ${written.reason}.`);
  return written.ex === (row.ex ?? '') ? undefined : written.ex;
}
