'use client';
import { useStore } from 'zustand';
import type { AdapterCapabilities } from '../../core/adapter.js';
import type { InboxState } from '../../core/store.js';
import { useInboxStore } from '../../react/context.js';
import type { GroupTabsMessageId, Translate } from '../internal/i18n.js';

export interface CreateAvailability {
  canCreate: boolean;
  /** Why "New group" is disabled, shown beside it and as its description; null while it is enabled. */
  reason: string | null;
  /** The backend's group limit is what stops it (`isAtLimit`, `data-at-limit`). */
  isAtLimit: boolean;
}

/** Nothing the user can see to put in a group: no rows and no folded conversations. */
const hasNoConversations = (state: InboxState) =>
  (state.status === 'ready' || state.status === 'syncing') && state.lists.view(undefined).size === 0 && !state.lists.folded(undefined);

/**
 * Whether "New group" can be used now, and if not why, before the user tries: the backend's group limit
 * (`maxGroups`), or a backend that creates a group only with a conversation in it (`emptyGroups === false`) while
 * there is none to put in.
 */
export function useCreateAvailability(canCreateGroup: boolean, capabilities: AdapterCapabilities, t: Translate<GroupTabsMessageId>): CreateAvailability {
  const store = useInboxStore(undefined, 'GroupTabs');
  const isEmpty = useStore(store, hasNoConversations);
  const needsConversation = capabilities.emptyGroups === false && isEmpty;
  const isAtLimit = !canCreateGroup;
  const reason = isAtLimit ? t('groupTabs.limitReached', { max: capabilities.maxGroups }) : needsConversation ? t('groupTabs.needsConversation') : null;
  return { canCreate: reason === null, reason, isAtLimit };
}
