'use client';
import type { ReactNode, RefObject } from 'react';
import { isInboxError } from '../../core/errors.js';
import type { GroupSummary } from '../../core/types.js';
import { checkGroupName, normalizeGroupName, utf8ByteLength } from '../../core/validate.js';
import { Dialog, useSubmission } from '../internal/Dialog.js';
import type { GroupTabsMessageId, Translate } from '../internal/i18n.js';
import { useRef, useState } from 'react';
import { dataFlag } from '../internal/renderProps.js';
import { groupErrorText } from './groupFailureText.js';

interface GroupNameDialogProps {
  baseId: string;
  /** The group renamed; `null` to create one. */
  initialName: string | null;
  groups: readonly GroupSummary[];
  maxBytes: number;
  maxGroups: number;
  /** For the text of a refusal past the backend's grouped-conversation limit. */
  maxGroupedConversations: number;
  canCreate: boolean;
  returnFocusRef: RefObject<HTMLElement | null>;
  t: Translate<GroupTabsMessageId>;
  onDismiss: () => void;
  /** Resolves when saved (the dialog then closes); a rejection is shown in the dialog. */
  onSubmit: (name: string) => Promise<void>;
  /** More of the form, under the name (the create dialog's conversation picker). */
  children?: ReactNode;
  /** Why saving cannot happen yet apart from the name (nothing chosen): the save button says so, disabled. */
  blockedReason?: string | null;
  /** A save asked for while `blockedReason` holds: send focus to what is missing. */
  onBlocked?: () => void;
}

/**
 * The create and rename form: a name field with a live UTF-8 byte counter and inline validation, and whatever else
 * the form needs (`children`) with its own reason to wait (`blockedReason`).
 */
export function GroupNameDialog({
  baseId,
  initialName,
  groups,
  maxBytes,
  maxGroups,
  maxGroupedConversations,
  canCreate,
  returnFocusRef,
  t,
  onDismiss,
  onSubmit,
  children,
  blockedReason,
  onBlocked,
}: GroupNameDialogProps) {
  const [name, setName] = useState(initialName ?? '');
  const [hasAttempted, setHasAttempted] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const id = `${baseId}-name`;
  const isCreate = initialName === null;

  // What would be saved: the store normalizes names (NFC, trimmed), so the dialog checks that form.
  const value = normalizeGroupName(name);
  const bytes = utf8ByteLength(value);
  const problem = checkGroupName(value, maxBytes);
  const isLimitHit = isCreate && !canCreate;
  const duplicate = () => t('groupTabs.errorDuplicate', { name: value });
  const limit = () => t('groupTabs.errorLimit', { max: maxGroups });
  const { busy, failure, setFailure, submit } = useSubmission(onDismiss, (error) =>
    isInboxError(error) && error.code === 'GROUP_EXISTS' ? duplicate() : groupErrorText(t, error, { maxGroups, maxGroupedConversations }),
  );
  // While saving, the store may already list the group being saved (it applies the result before the dialog closes):
  // that is this dialog's own name, not a duplicate.
  const isDuplicate = !busy && value !== initialName && groups.some((group) => normalizeGroupName(group.name) === value);
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
            ? limit()
            : failure;
  const focusInput = () => inputRef.current?.focus();

  return (
    <Dialog
      scope="ik-GroupTabs"
      id={id}
      title={isCreate ? t('groupTabs.createTitle') : t('groupTabs.renameTitle', { name: initialName })}
      error={message}
      busy={busy}
      confirmBlockedReason={blockedReason}
      cancelLabel={t('groupTabs.cancel')}
      confirmLabel={t(busy ? 'groupTabs.working' : isCreate ? 'groupTabs.createSubmit' : 'groupTabs.renameSubmit')}
      onDismiss={onDismiss}
      onConfirm={() => {
        if (busy) return;
        setHasAttempted(true);
        if (problem || isDuplicate || isLimitHit) focusInput();
        else if (blockedReason) onBlocked?.();
        else if (value === initialName) onDismiss();
        else submit(() => onSubmit(value), focusInput);
      }}
      returnFocusRef={returnFocusRef}
    >
      <div className="ik-GroupTabs-field">
        <label htmlFor={`${id}-input`} className="ik-GroupTabs-fieldLabel">
          {t('groupTabs.nameLabel')}
        </label>
        <input
          ref={inputRef}
          id={`${id}-input`}
          type="text"
          className="ik-GroupTabs-input"
          autoComplete="off"
          data-autofocus=""
          value={name}
          aria-invalid={message ? true : undefined}
          aria-describedby={`${id}-hint ${id}-counter${message ? ` ${id}-error` : ''}`}
          onChange={(event) => {
            setName(event.target.value);
            setFailure(null);
          }}
        />
        <span id={`${id}-counter`} className="ik-GroupTabs-counter" data-invalid={dataFlag(bytes > maxBytes)}>
          {t('groupTabs.counter', { count: bytes, max: maxBytes })}
        </span>
      </div>
      <p id={`${id}-hint`} className="ik-GroupTabs-hint">
        {t('groupTabs.nameHint', { max: maxBytes })}
      </p>
      {isCreate && <p className="ik-GroupTabs-count">{t('groupTabs.count', { count: groups.length, max: maxGroups })}</p>}
      {children}
    </Dialog>
  );
}
