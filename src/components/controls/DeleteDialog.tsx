'use client';
import type { RefObject } from 'react';
import { useState } from 'react';
import { Dialog, useSubmission } from '../internal/Dialog.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { actionsMessages } from '../internal/messages/actions.js';
import { describeFailure } from './errorText.js';

export interface DeleteDialogProps {
  id: string;
  /** The question, naming what is deleted ("Delete the conversation “Alice”?", "Delete 12 conversations?"). */
  title: string;
  /** Whether clearing the history also deletes it on the server (`capabilities.serverDelete`). */
  isServerDelete: boolean;
  returnFocusRef: RefObject<HTMLElement | null>;
  onDismiss: () => void;
  onConfirm: (clearHistory: boolean) => Promise<void>;
  /** The class prefix of the component that opens it. @default 'ik-ConversationActions' */
  scope?: string;
}

/**
 * Asks before deleting one conversation or many, offering to clear the history too. Cancel has focus; a failure is
 * said in the user's language and the dialog stays open.
 */
export function DeleteDialog({ onConfirm, isServerDelete, title, scope = 'ik-ConversationActions', ...props }: DeleteDialogProps) {
  const t = useMessages(actionsMessages, controlsMessages);
  const [clearHistory, setClearHistory] = useState(false);
  const { busy, failure, submit } = useSubmission(props.onDismiss, describeFailure(t));
  return (
    <Dialog
      {...props}
      scope={scope}
      title={title}
      body={t('actions.deleteBody')}
      cancelLabel={t('actions.cancel')}
      confirmLabel={t(busy ? 'actions.deleting' : 'actions.deleteConfirm')}
      busy={busy}
      error={failure}
      onConfirm={() => submit(() => onConfirm(clearHistory))}
    >
      <div className="ik-Dialog-option">
        <input
          id={`${props.id}-clear`}
          type="checkbox"
          className="ik-Dialog-checkbox"
          checked={clearHistory}
          onChange={(event) => setClearHistory(event.target.checked)}
        />{' '}
        <label htmlFor={`${props.id}-clear`}>{t(isServerDelete ? 'actions.clearHistory' : 'actions.clearHistoryLocal')}</label>
      </div>
    </Dialog>
  );
}
