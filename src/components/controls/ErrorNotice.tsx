'use client';
import type { InboxError } from '../../core/errors.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from './messages.js';

/** Localized text for the errors a user can act on; the error's own message otherwise. */
export function useErrorText(): (error: InboxError, maxPinned?: number) => string {
  const t = useMessages(controlsMessages);
  return (error, maxPinned) =>
    error.code === 'PIN_LIMIT_EXCEEDED' && maxPinned !== undefined && Number.isFinite(maxPinned)
      ? t('controls.pinLimitError', { max: maxPinned })
      : error.message;
}

/** An inline failure (`role="alert"`, announced as it appears) with a dismiss button. */
export function ErrorNotice({ className, message, onDismiss }: { className: string; message: string; onDismiss: () => void }) {
  const t = useMessages(controlsMessages);
  return (
    <p role="alert" className={`${className} ik-Error`}>
      <span className="ik-Error-message">{message}</span>{' '}
      <button type="button" className="ik-Error-dismiss" aria-label={t('controls.dismiss')} onClick={onDismiss}>
        <span aria-hidden="true">×</span>
      </button>
    </p>
  );
}
