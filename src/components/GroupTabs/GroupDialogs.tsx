'use client';
import { useRef, useState, type FormEvent, type RefObject } from 'react';
import { isInboxError } from '../../core/errors.js';
import type { GroupSummary } from '../../core/types.js';
import { checkGroupName, utf8ByteLength } from '../../core/validate.js';
import { ControlsDialog } from '../internal/controls-Dialog.js';
import { errorMessage } from '../internal/controls-platform.js';
import type { Translate } from '../internal/i18n.js';
import { dataFlag } from '../internal/renderProps.js';
import type { GroupTabsMessageId } from './messages.js';

interface GroupNameDialogProps {
  baseId: string;
  mode: 'create' | 'rename';
  initialName: string;
  groups: readonly GroupSummary[];
  maxBytes: number;
  maxGroups: number;
  canCreate: boolean;
  returnFocusRef: RefObject<HTMLElement | null>;
  t: Translate<GroupTabsMessageId>;
  onDismiss: () => void;
  /** Resolves when saved (the dialog then closes); a rejection is shown in the dialog. */
  onSubmit: (name: string) => Promise<void>;
}

function describeFailure(error: unknown, t: Translate<GroupTabsMessageId>, name: string, maxGroups: number): string {
  if (isInboxError(error)) {
    if (error.code === 'GROUP_EXISTS') return t('groupTabs.errorDuplicate', { name });
    if (error.code === 'GROUP_LIMIT_EXCEEDED') return t('groupTabs.errorLimit', { max: maxGroups });
  }
  return errorMessage(error);
}

/** The create and rename form: a name field with a live UTF-8 byte counter and inline validation. */
export function GroupNameDialog({
  baseId,
  mode,
  initialName,
  groups,
  maxBytes,
  maxGroups,
  canCreate,
  returnFocusRef,
  t,
  onDismiss,
  onSubmit,
}: GroupNameDialogProps) {
  const [name, setName] = useState(initialName);
  const [hasAttempted, setHasAttempted] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);

  // What would be saved: surrounding spaces are invisible in a tab, so they are dropped.
  const value = name.trim();
  const bytes = utf8ByteLength(value);
  const problem = checkGroupName(value, maxBytes);
  const isDuplicate = value !== initialName && groups.some((group) => group.name === value);
  const isLimitHit = mode === 'create' && !canCreate;
  let invalid: string | null = null;
  if (problem === 'tooLong') invalid = t('groupTabs.errorTooLong', { max: maxBytes });
  else if (isDuplicate) invalid = t('groupTabs.errorDuplicate', { name: value });
  else if (hasAttempted && problem === 'empty') invalid = t('groupTabs.errorEmpty');
  else if (hasAttempted && isLimitHit) invalid = t('groupTabs.errorLimit', { max: maxGroups });
  const message = invalid ?? failure;

  const titleId = `${baseId}-name-title`;
  const inputId = `${baseId}-name-input`;
  const hintId = `${baseId}-name-hint`;
  const counterId = `${baseId}-name-counter`;
  const errorId = `${baseId}-name-error`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (isSubmitting) return;
    setHasAttempted(true);
    if (problem !== undefined || isDuplicate || isLimitHit) {
      inputRef.current?.focus();
      return;
    }
    if (mode === 'rename' && value === initialName) {
      onDismiss();
      return;
    }
    setIsSubmitting(true);
    setFailure(null);
    try {
      await onSubmit(value);
      onDismiss();
    } catch (error) {
      setFailure(describeFailure(error, t, value, maxGroups));
      setIsSubmitting(false);
      inputRef.current?.focus();
    }
  };

  return (
    <ControlsDialog
      open
      className="ik-GroupTabs-dialog ik-Dialog"
      aria-labelledby={titleId}
      onDismiss={onDismiss}
      initialFocusRef={inputRef}
      returnFocusRef={returnFocusRef}
    >
      <form className="ik-Dialog-form" noValidate onSubmit={(event) => void submit(event)} data-submitting={dataFlag(isSubmitting)}>
        <h2 id={titleId} className="ik-Dialog-title">
          {mode === 'create' ? t('groupTabs.createTitle') : t('groupTabs.renameTitle', { name: initialName })}
        </h2>
        <div className="ik-GroupTabs-field">
          <label htmlFor={inputId} className="ik-GroupTabs-fieldLabel">
            {t('groupTabs.nameLabel')}
          </label>
          <input
            ref={inputRef}
            id={inputId}
            type="text"
            className="ik-GroupTabs-input"
            autoComplete="off"
            value={name}
            aria-invalid={message ? true : undefined}
            aria-describedby={[hintId, counterId, message ? errorId : ''].filter(Boolean).join(' ')}
            onChange={(event) => {
              setName(event.target.value);
              setFailure(null);
            }}
          />
          <span id={counterId} className="ik-GroupTabs-counter" data-invalid={dataFlag(bytes > maxBytes)}>
            {t('groupTabs.counter', { count: bytes, max: maxBytes })}
          </span>
        </div>
        <p id={hintId} className="ik-GroupTabs-hint">
          {t('groupTabs.nameHint', { max: maxBytes })}
        </p>
        {mode === 'create' && (
          <p className="ik-GroupTabs-count">{t('groupTabs.count', { count: groups.length, max: maxGroups })}</p>
        )}
        {message && (
          <p id={errorId} role="alert" className="ik-GroupTabs-error ik-Error">
            {message}
          </p>
        )}
        <div className="ik-Dialog-actions">
          <button type="button" className="ik-Dialog-cancel" onClick={onDismiss}>
            {t('groupTabs.cancel')}
          </button>
          <button type="submit" className="ik-Dialog-confirm" aria-disabled={isSubmitting ? 'true' : undefined}>
            {isSubmitting ? t('groupTabs.working') : mode === 'create' ? t('groupTabs.createSubmit') : t('groupTabs.renameSubmit')}
          </button>
        </div>
      </form>
    </ControlsDialog>
  );
}

interface DeleteGroupDialogProps {
  baseId: string;
  name: string;
  returnFocusRef: RefObject<HTMLElement | null>;
  t: Translate<GroupTabsMessageId>;
  onDismiss: () => void;
  onConfirm: () => Promise<void>;
}

/** Asks before deleting a group; Cancel has focus, and a failure is shown in the dialog. */
export function DeleteGroupDialog({ baseId, name, returnFocusRef, t, onDismiss, onConfirm }: DeleteGroupDialogProps) {
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const titleId = `${baseId}-delete-title`;
  const bodyId = `${baseId}-delete-body`;

  const confirm = async () => {
    if (isSubmitting) return;
    setIsSubmitting(true);
    setFailure(null);
    try {
      await onConfirm();
      onDismiss();
    } catch (error) {
      setFailure(errorMessage(error));
      setIsSubmitting(false);
    }
  };

  return (
    <ControlsDialog
      open
      role="alertdialog"
      className="ik-GroupTabs-dialog ik-Dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onDismiss={onDismiss}
      returnFocusRef={returnFocusRef}
    >
      <h2 id={titleId} className="ik-Dialog-title">
        {t('groupTabs.deleteTitle', { name })}
      </h2>
      <p id={bodyId} className="ik-Dialog-body">
        {t('groupTabs.deleteBody')}
      </p>
      {failure && (
        <p role="alert" className="ik-GroupTabs-error ik-Error">
          {failure}
        </p>
      )}
      <div className="ik-Dialog-actions">
        <button type="button" className="ik-Dialog-cancel" data-autofocus="" onClick={onDismiss}>
          {t('groupTabs.cancel')}
        </button>
        <button
          type="button"
          className="ik-Dialog-confirm"
          data-danger=""
          aria-disabled={isSubmitting ? 'true' : undefined}
          onClick={() => void confirm()}
        >
          {isSubmitting ? t('groupTabs.working') : t('groupTabs.deleteConfirm')}
        </button>
      </div>
    </ControlsDialog>
  );
}
