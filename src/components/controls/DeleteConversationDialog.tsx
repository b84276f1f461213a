'use client';
import { useState, type RefObject } from 'react';
import { ControlsDialog } from '../internal/controls-Dialog.js';
import { errorMessage } from '../internal/controls-platform.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from './messages.js';

interface DeleteConversationDialogProps {
  baseId: string;
  title: string;
  /** Whether clearing the history also deletes it on the server (`capabilities.serverDelete`). */
  isServerDelete: boolean;
  returnFocusRef: RefObject<HTMLElement | null>;
  onDismiss: () => void;
  onConfirm: (clearHistory: boolean) => Promise<void>;
}

/** Asks before deleting a conversation, offering to clear its history too. Cancel has focus. */
export function DeleteConversationDialog({ baseId, title, isServerDelete, returnFocusRef, onDismiss, onConfirm }: DeleteConversationDialogProps) {
  const t = useMessages(controlsMessages);
  const [clearHistory, setClearHistory] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [isSubmitting, setIsSubmitting] = useState(false);
  const titleId = `${baseId}-delete-title`;
  const bodyId = `${baseId}-delete-body`;
  const checkboxId = `${baseId}-delete-clear`;

  const confirm = async () => {
    if (isSubmitting) return;
    setIsSubmitting(true);
    setFailure(null);
    try {
      await onConfirm(clearHistory);
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
      className="ik-ConversationActions-dialog ik-Dialog"
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onDismiss={onDismiss}
      returnFocusRef={returnFocusRef}
    >
      <h2 id={titleId} className="ik-Dialog-title">
        {t('actions.deleteTitle', { title })}
      </h2>
      <p id={bodyId} className="ik-Dialog-body">
        {t('actions.deleteBody')}
      </p>
      <div className="ik-Dialog-option">
        <input
          id={checkboxId}
          type="checkbox"
          className="ik-Dialog-checkbox"
          checked={clearHistory}
          onChange={(event) => setClearHistory(event.target.checked)}
        />{' '}
        <label htmlFor={checkboxId}>{isServerDelete ? t('actions.clearHistory') : t('actions.clearHistoryLocal')}</label>
      </div>
      {failure && (
        <p role="alert" className="ik-ConversationActions-error ik-Error">
          {failure}
        </p>
      )}
      <div className="ik-Dialog-actions">
        <button type="button" className="ik-Dialog-cancel" data-autofocus="" onClick={onDismiss}>
          {t('actions.cancel')}
        </button>
        <button
          type="button"
          className="ik-Dialog-confirm"
          data-danger=""
          aria-disabled={isSubmitting ? 'true' : undefined}
          onClick={() => void confirm()}
        >
          {isSubmitting ? t('actions.deleting') : t('actions.deleteConfirm')}
        </button>
      </div>
    </ControlsDialog>
  );
}
