'use client';
import type { RefObject } from 'react';
import type { AdapterCapabilities } from '../../core/adapter.js';
import { describeFailure } from '../controls/errorText.js';
import { Dialog, useSubmission } from '../internal/Dialog.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { settingsMessages } from '../internal/messages/settings.js';

export interface ClearAllDialogProps {
  id: string;
  capabilities: AdapterCapabilities;
  returnFocusRef: RefObject<HTMLElement | null>;
  onDismiss: () => void;
  /** Clears the list; resolves when done (the dialog then closes), a rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
}

/**
 * Asks before clearing every conversation from the list: an `alertdialog` that says the messages are kept, with
 * Cancel focused so that a stray Enter clears nothing. A refusal is told in the user's language, in the dialog.
 */
export function ClearAllDialog({ id, capabilities, returnFocusRef, onDismiss, onConfirm }: ClearAllDialogProps) {
  const t = useMessages(settingsMessages, controlsMessages);
  const { busy, failure, submit } = useSubmission(onDismiss, describeFailure(t, capabilities));
  return (
    <Dialog
      scope="ik-InboxSettingsMenu"
      id={id}
      title={t('settings.clearAllTitle')}
      body={t('settings.clearAllBody')}
      cancelLabel={t('settings.cancel')}
      confirmLabel={t(busy ? 'settings.clearing' : 'settings.clearAllConfirm')}
      busy={busy}
      error={failure}
      onDismiss={onDismiss}
      onConfirm={() => submit(onConfirm)}
      returnFocusRef={returnFocusRef}
    />
  );
}
