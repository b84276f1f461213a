'use client';
import { useRef, useState, type RefObject } from 'react';
import type { AdapterCapabilities } from '../../core/adapter.js';
import type { ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { Dialog, useSubmission } from '../internal/Dialog.js';
import type { GroupTabsTitleId, Translate } from '../internal/i18n.js';
import { ConversationPicker } from './ConversationPicker.js';
import { groupErrorText } from './groupFailureText.js';
import { groupMembers } from './groupMembers.js';
import { useChosenConversations } from './useChosenConversations.js';
import { useGroupedLimit } from './useGroupedLimit.js';

interface GroupMembersDialogProps {
  baseId: string;
  name: string;
  capabilities: AdapterCapabilities;
  returnFocusRef: RefObject<HTMLElement | null>;
  t: Translate<GroupTabsTitleId>;
  onDismiss: () => void;
  /**
   * Saves the choice as the group's members. Resolves when saved, per-id failures included (the dialog closes and
   * the tabs report them); a rejection (the whole call failed) is shown in the dialog.
   */
  onSave: (chosen: ReadonlySet<ConversationId>) => Promise<void>;
}

/**
 * "Add or remove conversations" of a group: the picker, starting from the group's members (listed first), saved as
 * the difference. The grouped-conversation limit blocks choices as it is reached, and leaving members free room.
 */
export function GroupMembersDialog({ baseId, name, capabilities, returnFocusRef, t, onDismiss, onSave }: GroupMembersDialogProps) {
  const store = useInboxStore(undefined, 'GroupTabs');
  const [members] = useState(() => groupMembers(store.getState(), name));
  const { chosen, toggle } = useChosenConversations(members);
  const limit = useGroupedLimit(chosen, members, name);
  const searchRef = useRef<HTMLInputElement>(null);
  const { busy, failure, submit } = useSubmission(onDismiss, (error) => groupErrorText(t, error, capabilities));
  const limitText = limit.isReached ? t('groupTabs.groupedLimit', { count: limit.count, max: limit.max }) : null;
  const id = `${baseId}-members`;
  return (
    <Dialog
      scope="ik-GroupTabs"
      id={id}
      title={t('groupTabs.membersTitle', { name })}
      error={failure}
      busy={busy}
      confirmBlockedReason={limit.isOver ? limitText : null}
      cancelLabel={t('groupTabs.cancel')}
      confirmLabel={t(busy ? 'groupTabs.working' : 'groupTabs.renameSubmit')}
      onDismiss={onDismiss}
      onConfirm={() => {
        if (busy) return;
        if (limit.isOver) searchRef.current?.focus();
        else submit(() => onSave(chosen));
      }}
      returnFocusRef={returnFocusRef}
    >
      <ConversationPicker
        id={`${id}-picker`}
        chosen={chosen}
        onToggle={toggle}
        first={members}
        isBlocked={limit.blocks}
        limitText={limitText}
        searchRef={searchRef}
        autoFocus
        t={t}
      />
    </Dialog>
  );
}
