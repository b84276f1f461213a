'use client';
import type { AdapterCapabilities } from '../../core/adapter.js';
import type { ConversationId, OperationResult } from '../../core/types.js';
import { useInboxLocale, useInboxStore } from '../../react/context.js';
import { displayTitle } from '../ConversationItem/displayTitle.js';
import type { GroupTabsTitleId, Translate } from '../internal/i18n.js';
import { failuresText, groupErrorText } from './groupFailureText.js';
import type { DescribeDropFailure } from './useTabDrop.js';
import type { GroupFailures } from './useGroupEditing.js';

export interface FailureText {
  /** A create or members save that the backend took only in part. */
  partialSave: (failures: GroupFailures) => string;
  /** A drop on a tab that failed, per id or whole. */
  drop: DescribeDropFailure;
}

/**
 * Words for the group commands' failures in the provider's locale, naming conversations as their rows do (a refused
 * id the store no longer holds is named by its id).
 */
export function useFailureText(t: Translate<GroupTabsTitleId>, capabilities: AdapterCapabilities): FailureText {
  const store = useInboxStore(undefined, 'GroupTabs');
  const { locale } = useInboxLocale();
  const titleOf = (id: ConversationId) => {
    const conversation = store.getState().conversations.get(id);
    return (conversation && displayTitle(conversation, t)) || id;
  };
  const list = (head: string, failed: OperationResult['failed']) => failuresText(t, locale, head, failed, titleOf, capabilities);
  return {
    partialSave: ({ name, kind, failed }) => list(t(kind === 'add' ? 'groupTabs.failedAdd' : 'groupTabs.failedChange', { name }), failed),
    drop: (name, outcome) => ('failed' in outcome ? list(t('groupTabs.failedAdd', { name }), outcome.failed) : groupErrorText(t, outcome.error, capabilities)),
  };
}
