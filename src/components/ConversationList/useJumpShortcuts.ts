'use client';
import type { InboxStore, ListFilter } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useInboxShortcuts, type InboxShortcut } from '../../react/useInboxShortcuts.js';
import { useNextUnread } from '../../react/useUnreadNavigation.js';

/** The list's jump keys, rebindable: next / previous unread and next mention (undo belongs to `UndoToast`). */
export type ListShortcut = Exclude<InboxShortcut, 'undo'>;

export interface JumpShortcutsOptions {
  groupName: string | undefined;
  filter: ListFilter;
  store: InboxStore;
  /** Where a jump starts: the focused or selected row. */
  fromId: ConversationId | null;
  /** Keys replacing the defaults; `false` turns the shortcuts off. */
  keys: Partial<Record<ListShortcut, string | readonly string[]>> | false;
  onJump: (id: ConversationId) => void;
}

const noop = () => {};

/**
 * Next / previous unread and next mention from the keyboard (Alt+Shift+↓, Alt+Shift+↑, Alt+Shift+M by default),
 * anywhere on the page but in text fields: in the order on screen, loading pages when the next one is further down.
 * Reads the store only when a key is pressed.
 */
export function useJumpShortcuts({ groupName, filter, store, fromId, keys, onJump }: JumpShortcutsOptions): void {
  // `next` alone: a list must not subscribe to (and make the store keep) unread-only orders for its shortcuts.
  const navigation = useNextUnread({ groupName, filter, store });
  const jump = (direction: 1 | -1, kind: 'unread' | 'mention') => () => {
    // A failed page load is reported by the store (onError, the list's banner); nothing more to say here.
    navigation.next(fromId, direction, kind).then((id) => id !== null && onJump(id), noop);
  };
  useInboxShortcuts(
    { nextUnread: jump(1, 'unread'), previousUnread: jump(-1, 'unread'), nextMention: jump(1, 'mention') },
    { keys: keys === false ? undefined : keys, enabled: keys !== false },
  );
}
