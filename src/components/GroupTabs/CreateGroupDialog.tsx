'use client';
import { useRef, useState, type RefObject } from 'react';
import type { AdapterCapabilities } from '../../core/adapter.js';
import type { ConversationId, GroupSummary } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import type { GroupTabsTitleId, Translate } from '../internal/i18n.js';
import { ConversationPicker } from './ConversationPicker.js';
import { GroupNameDialog } from './GroupNameDialog.js';
import { useChosenConversations } from './useChosenConversations.js';
import { useGroupedLimit } from './useGroupedLimit.js';

interface CreateGroupDialogProps {
  baseId: string;
  groups: readonly GroupSummary[];
  capabilities: AdapterCapabilities;
  canCreate: boolean;
  /** Chosen when the dialog opens: the conversations the app has selected (those the store holds). */
  initialIds: readonly ConversationId[];
  returnFocusRef: RefObject<HTMLElement | null>;
  t: Translate<GroupTabsTitleId>;
  onDismiss: () => void;
  /** Resolves when created (the dialog then closes); a rejection is shown in the dialog. */
  onCreate: (name: string, ids: readonly ConversationId[]) => Promise<void>;
}

const NO_IDS: readonly ConversationId[] = [];

/**
 * "New group": a name, and which conversations go in. Where the backend creates a group only with a conversation in
 * it (`capabilities.emptyGroups === false`, Tencent), Create stays disabled with that reason until one is chosen;
 * elsewhere choosing is optional. The backend's grouped-conversation limit blocks further choices as it is reached.
 */
export function CreateGroupDialog({ baseId, groups, capabilities, canCreate, initialIds, returnFocusRef, t, onDismiss, onCreate }: CreateGroupDialogProps) {
  const store = useInboxStore(undefined, 'GroupTabs');
  // An id the store does not hold could be neither shown nor saved: it is left out from the start.
  const [selected] = useState(() => initialIds.filter((id) => store.getState().conversations.has(id)));
  const { chosen, toggle } = useChosenConversations(selected);
  const limit = useGroupedLimit(chosen, NO_IDS, null);
  const searchRef = useRef<HTMLInputElement>(null);
  const needsOne = capabilities.emptyGroups === false;
  const limitText = limit.isReached ? t('groupTabs.groupedLimit', { count: limit.count, max: limit.max }) : null;
  const blockedReason = limit.isOver ? limitText : needsOne && chosen.size === 0 ? t('groupTabs.pickerRequired') : null;
  return (
    <GroupNameDialog
      baseId={baseId}
      initialName={null}
      groups={groups}
      maxBytes={capabilities.groupNameMaxBytes}
      maxGroups={capabilities.maxGroups}
      maxGroupedConversations={capabilities.maxGroupedConversations}
      canCreate={canCreate}
      returnFocusRef={returnFocusRef}
      t={t}
      onDismiss={onDismiss}
      onSubmit={(name) => onCreate(name, [...chosen])}
      blockedReason={blockedReason}
      onBlocked={() => searchRef.current?.focus()}
    >
      <ConversationPicker
        id={`${baseId}-picker`}
        chosen={chosen}
        onToggle={toggle}
        first={selected}
        isBlocked={limit.blocks}
        limitText={limitText}
        // Required: the reason stays beside the disabled Create button instead, where it explains the button.
        hint={needsOne ? null : t('groupTabs.pickerOptional')}
        searchRef={searchRef}
        t={t}
      />
    </GroupNameDialog>
  );
}
