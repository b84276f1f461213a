'use client';
import type { RefObject } from 'react';
import type { AdapterCapabilities } from '../../core/adapter.js';
import { isInboxError } from '../../core/errors.js';
import type { GroupSummary } from '../../core/types.js';
import { checkGroupName, normalizeGroupName, utf8ByteLength } from '../../core/validate.js';
import { Dialog, useSubmission } from '../internal/Dialog.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { actionsMessages } from '../internal/messages/actions.js';
import { groupTabsMessages } from '../internal/messages/groupTabs.js';
import { dataFlag } from '../internal/renderProps.js';
import { useRef, useState } from 'react';
import { describeFailure } from './errorText.js';

export interface NewGroupDialogProps {
  /** Prefix of the dialog's element ids. */
  id: string;
  /** The title of the one conversation the group starts with, or the number of selected ones. */
  startsWith: { title: string } | { count: number };
  groups: readonly GroupSummary[];
  capabilities: AdapterCapabilities;
  returnFocusRef: RefObject<HTMLElement | null>;
  onDismiss: () => void;
  /** Creates the group; resolves when it exists (the dialog then closes), a rejection is shown in the dialog. */
  onSubmit: (name: string) => Promise<void>;
}

/**
 * Asks for the name of a group that starts with the row's conversation (or the selection). Made with conversations,
 * it works on backends that refuse an empty group (Tencent, `emptyGroups: false`). The name is checked as the store
 * checks it (normalized, UTF-8 bytes, duplicates) while typing, with the same strings as the tabs' own dialog.
 */
export function NewGroupDialog({ id, startsWith, groups, capabilities, returnFocusRef, onDismiss, onSubmit }: NewGroupDialogProps) {
  const t = useMessages(actionsMessages, groupTabsMessages, controlsMessages);
  const [name, setName] = useState('');
  const [hasAttempted, setHasAttempted] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const { groupNameMaxBytes: maxBytes, maxGroups } = capabilities;

  // What would be saved: the store normalizes names (NFC, trimmed), so the dialog checks that form.
  const value = normalizeGroupName(name);
  const bytes = utf8ByteLength(value);
  const problem = checkGroupName(value, maxBytes);
  const duplicate = () => t('groupTabs.errorDuplicate', { name: value });
  const describe = describeFailure(t, capabilities);
  const { busy, failure, setFailure, submit } = useSubmission(onDismiss, (error) =>
    isInboxError(error) && error.code === 'GROUP_EXISTS' ? duplicate() : describe(error),
  );
  // While saving, the store may list the new group before the dialog closes: that is this dialog's own name.
  const isDuplicate = !busy && groups.some((group) => normalizeGroupName(group.name) === value);
  const isLimitHit = groups.length >= maxGroups;
  const message =
    problem === 'tooLong'
      ? t('groupTabs.errorTooLong', { max: maxBytes })
      : isDuplicate
        ? duplicate()
        : hasAttempted && (problem === 'empty' || problem === 'invisible')
          ? t('groupTabs.errorEmpty')
          : problem === 'malformed'
            ? t('groupTabs.errorInvalid')
            : hasAttempted && isLimitHit
              ? t('groupTabs.errorLimit', { max: maxGroups })
              : failure;
  const focusInput = () => inputRef.current?.focus();
  const inputId = `${id}-input`;

  return (
    <Dialog
      scope="ik-ConversationActions"
      id={id}
      title={t('actions.newGroupTitle')}
      error={message}
      busy={busy}
      cancelLabel={t('groupTabs.cancel')}
      confirmLabel={t(busy ? 'groupTabs.working' : 'groupTabs.createSubmit')}
      onDismiss={onDismiss}
      onConfirm={() => {
        if (busy) return;
        setHasAttempted(true);
        if (problem || isDuplicate || isLimitHit) focusInput();
        else submit(() => onSubmit(value), focusInput);
      }}
      returnFocusRef={returnFocusRef}
    >
      <p id={`${id}-members`} className="ik-Dialog-body">
        {'title' in startsWith
          ? t('actions.newGroupWithOne', { title: startsWith.title })
          : t('actions.newGroupWithMany', { count: startsWith.count })}
      </p>
      <div className="ik-ConversationActions-field">
        <label htmlFor={inputId} className="ik-ConversationActions-fieldLabel">
          {t('groupTabs.nameLabel')}
        </label>
        <input
          ref={inputRef}
          id={inputId}
          type="text"
          className="ik-ConversationActions-input"
          autoComplete="off"
          data-autofocus=""
          value={name}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-members ${id}-hint ${id}-counter${message ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
          }}
        />
        <span id={`${id}-counter`} className="ik-ConversationActions-counter" data-invalid={dataFlag(bytes > maxBytes)}>
          {t('groupTabs.counter', { count: bytes, max: maxBytes })}
        </span>
      </div>
      <p id={`${id}-hint`} className="ik-ConversationActions-hint">
        {t('groupTabs.nameHint', { max: maxBytes })}
      </p>
    </Dialog>
  );
}
