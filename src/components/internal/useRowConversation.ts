'use client';
import { useCallback } from 'react';
import { selectConversation, selectFailure, selectIsPending } from '../../core/selectors.js';
import type { ConversationFailure, InboxState, InboxStore } from '../../core/store.js';
import type { Conversation, ConversationId } from '../../core/types.js';
import { useInboxSelector } from '../../react/useInboxSelector.js';

/** What a row shows of its conversation: the conversation and its command status. */
export interface RowConversation {
  conversation: Conversation | undefined;
  /** A command on it is in flight. */
  isPending: boolean;
  failure: ConversationFailure | undefined;
}

const sameRow = (a: RowConversation, b: RowConversation) =>
  a.conversation === b.conversation && a.isPending === b.isPending && a.failure === b.failure;

/** Once the conversation a row showed has gone, nothing counts as a change until it comes back. */
const sameRowWhileGone = (a: RowConversation, b: RowConversation) =>
  sameRow(a, b) || (a.conversation !== undefined && b.conversation === undefined);

/**
 * A row's conversation and command status in one subscription. With `holdWhenGone`, a conversation that leaves the
 * store keeps its last look instead of re-rendering as an empty row: `ConversationList` uses it for its rows, which
 * it takes away itself by the next frame, so the empty render would be work nobody sees. (A batch that deletes the
 * rows on screen made every row on screen render empty, then unmount, every frame.) Coming back (an undo, a rollback)
 * is a change as usual.
 */
export function useRowConversation(store: InboxStore, id: ConversationId, holdWhenGone: boolean): RowConversation {
  const select = useCallback(
    (state: InboxState): RowConversation => ({
      conversation: selectConversation(state, id),
      isPending: selectIsPending(state, id),
      failure: selectFailure(state, id),
    }),
    [id],
  );
  return useInboxSelector(store, select, holdWhenGone ? sameRowWhileGone : sameRow);
}
