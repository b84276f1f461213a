'use client';
import { useCallback } from './runtime.js';
import type { InboxError } from '../core/errors.js';
import type { InboxState, InboxStatus, InboxStore } from '../core/store.js';
import type { Conversation, ConversationId } from '../core/types.js';
import { useInboxStore } from './context.js';
import { shallowArrayEqual, useInboxSelector } from './useInboxSelector.js';

export interface ConversationListOptions {
  /** Only conversations with unread messages. @default false */
  unreadOnly?: boolean;
  /** Only conversations with an unread @-mention. @default false */
  mentionsOnly?: boolean;
  /** Only conversations whose title contains this text (case-, width- and kana-insensitive; CJK works). */
  query?: string;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
}

export interface ConversationListResult {
  /** Ordered ids; the same array while the visible order is unchanged. */
  ids: readonly ConversationId[];
  /** `loading` until the first page arrives (also during server rendering). */
  status: Exclude<InboxStatus, 'idle'>;
  error: InboxError | undefined;
  hasMore: boolean;
  isLoadingMore: boolean;
  /** Loads the next page; resolves when it arrived. Safe to call repeatedly. */
  loadMore: () => Promise<void>;
}

/** Folds case, full/half width (NFKC) and katakana to hiragana, so a query matches the way users type. */
export function normalizeForSearch(text: string): string {
  return text
    .normalize('NFKC')
    .toLocaleLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0x60));
}

/** Titles are searched in their first 1,000 characters: enough for any real name, and bounded per row. */
const SEARCHED_TITLE_MAX = 1000;

function matches(conversation: Conversation | undefined, options: ConversationListOptions, query: string): boolean {
  if (!conversation) return false;
  if (options.unreadOnly && conversation.unreadCount === 0 && !conversation.marks?.includes('unread')) return false;
  if (options.mentionsOnly && conversation.mentions.length === 0) return false;
  if (query && !normalizeForSearch(conversation.title.slice(0, SEARCHED_TITLE_MAX)).includes(query)) return false;
  return true;
}

/** The selector of `useConversationList`'s ids: the list's own array, or a filtered copy. */
export function useIdsSelector(groupName: string | undefined, options: ConversationListOptions) {
  const query = options.query ? normalizeForSearch(options.query.trim()) : '';
  const { unreadOnly, mentionsOnly } = options;
  return useCallback(
    (state: InboxState): readonly ConversationId[] => {
      const ids = state.lists.ids(groupName);
      if (!unreadOnly && !mentionsOnly && !query) return ids;
      return ids.filter((id) => matches(state.conversations.get(id), { unreadOnly, mentionsOnly }, query));
    },
    [groupName, unreadOnly, mentionsOnly, query],
  );
}

/** Load state and paging, shared by the list hooks. */
export function useListState(store: InboxStore): Omit<ConversationListResult, 'ids'> {
  const status = useInboxSelector(store, (s) => s.status);
  const error = useInboxSelector(store, (s) => s.error);
  const hasMore = useInboxSelector(store, (s) => s.hasMore);
  const isLoadingMore = useInboxSelector(store, (s) => s.isLoadingMore);
  const loadMore = useCallback(() => store.getState().actions.loadMore(), [store]);
  return { status: status === 'idle' ? 'loading' : status, error, hasMore, isLoadingMore, loadMore };
}

/**
 * The ordered conversation ids of a group (all conversations when `groupName` is undefined), with load state.
 * Re-renders when the order or the set changes, not when a conversation changes in place.
 */
export function useConversationList(groupName?: string, options: ConversationListOptions = {}): ConversationListResult {
  const store = useInboxStore(options.store, 'useConversationList');
  const ids = useInboxSelector(store, useIdsSelector(groupName, options), shallowArrayEqual);
  return { ids, ...useListState(store) };
}
