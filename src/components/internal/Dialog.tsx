'use client';
import type { ReactNode, RefObject } from 'react';
import { errorMessage, focusIfConnected } from './dom.js';
import { useLayoutEffect, useRef, useState } from 'react';
import { dataFlag } from './renderProps.js';

export interface DialogProps {
  /** `ik-GroupTabs` or `ik-ConversationActions`: the dialog is `{scope}-dialog ik-Dialog`, its error `{scope}-error ik-Error`. */
  scope: string;
  /** Prefix of the ids of the title (`-title`), body (`-body`) and error (`-error`). */
  id: string;
  title: string;
  /**
   * The question of a confirmation: it makes an `alertdialog` described by it, with a danger-styled confirm button.
   * Without it the dialog is a form whose confirm button submits it.
   */
  body?: string;
  children?: ReactNode;
  /** Shown in an alert above the buttons. */
  error: string | null;
  /** The confirm action is in flight (`data-submitting`, `aria-disabled`). */
  busy: boolean;
  /**
   * Why the confirm action cannot run yet (say, nothing is chosen): the confirm button is then `aria-disabled` and
   * described by this text, shown above the buttons, so the reason is seen and heard before the user tries. The
   * owner still gets `onConfirm` (Enter in a field submits) and decides what to do, such as moving focus to what is
   * missing.
   */
  confirmBlockedReason?: string | null;
  cancelLabel: string;
  confirmLabel: string;
  /** Escape, Cancel, or the platform's close request. The owner closes the dialog by unmounting it. */
  onDismiss: () => void;
  onConfirm: () => void;
  /** Focused on close; else the element that had focus when the dialog opened. */
  returnFocusRef: RefObject<HTMLElement | null>;
}

/**
 * A `<dialog>` opened with `showModal()` where the platform has it (top layer, inert page, focus trapped by the
 * browser) and rendered inline as a non-modal `<dialog open>` where it does not (jsdom, old browsers). Either way
 * focus moves to its `[data-autofocus]` element on open and back on close, and Escape dismisses. Mounted while open.
 */
export function Dialog({
  scope,
  id,
  title,
  body,
  children,
  error,
  busy,
  confirmBlockedReason,
  cancelLabel,
  confirmLabel,
  onDismiss,
  onConfirm,
  returnFocusRef,
}: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const isConfirmation = body !== undefined;
  const [isModal] = useState(() => typeof HTMLDialogElement.prototype.showModal === 'function');

  useLayoutEffect(() => {
    const dialog = ref.current!;
    const previouslyFocused = document.activeElement;
    if (isModal && !dialog.open) dialog.showModal();
    focusIfConnected(dialog.querySelector('[data-autofocus]'));
    // Read when it closes, not now: the owner may point it elsewhere meanwhile.
    const returnTarget = returnFocusRef;
    return () => {
      if (isModal && dialog.open) dialog.close();
      if (!focusIfConnected(returnTarget.current)) focusIfConnected(previouslyFocused);
    };
  }, [isModal, returnFocusRef]);

  const content = (
    <>
      <h2 id={`${id}-title`} className="ik-Dialog-title">
        {title}
      </h2>
      {isConfirmation && (
        <p id={`${id}-body`} className="ik-Dialog-body">
          {body}
        </p>
      )}
      {children}
      {error && (
        <p id={`${id}-error`} role="alert" className={`${scope}-error ik-Error`}>
          {error}
        </p>
      )}
      {confirmBlockedReason && (
        <p id={`${id}-blocked`} className="ik-Dialog-blocked">
          {confirmBlockedReason}
        </p>
      )}
      <div className="ik-Dialog-actions">
        <button type="button" className="ik-Dialog-cancel" data-autofocus={dataFlag(isConfirmation)} onClick={onDismiss}>
          {cancelLabel}
        </button>
        <button
          type={isConfirmation ? 'button' : 'submit'}
          className="ik-Dialog-confirm"
          data-danger={dataFlag(isConfirmation)}
          aria-disabled={busy || confirmBlockedReason ? 'true' : undefined}
          aria-describedby={confirmBlockedReason ? `${id}-blocked` : undefined}
          onClick={isConfirmation ? onConfirm : undefined}
        >
          {confirmLabel}
        </button>
      </div>
    </>
  );

  return (
    <dialog
      ref={ref}
      className={`${scope}-dialog ik-Dialog`}
      role={isConfirmation ? 'alertdialog' : undefined}
      aria-labelledby={`${id}-title`}
      aria-describedby={isConfirmation ? `${id}-body` : undefined}
      aria-modal={isModal || undefined}
      open={!isModal}
      data-modal={dataFlag(isModal)}
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
        // Handled here in both modes, so that an enclosing menu or dialog does not close too.
        event.preventDefault();
        event.stopPropagation();
        onDismiss();
      }}
      onCancel={(event) => {
        event.preventDefault();
        onDismiss();
      }}
    >
      {isConfirmation ? (
        content
      ) : (
        <form
          className="ik-Dialog-form"
          noValidate
          data-submitting={dataFlag(busy)}
          onSubmit={(event) => {
            event.preventDefault();
            onConfirm();
          }}
        >
          {content}
        </form>
      )}
    </dialog>
  );
}

/**
 * Busy and failure state of a dialog's confirm action. `submit` runs the action unless one is in flight; success
 * calls `onDone` (which closes the dialog), a rejection is kept as `failure` (through `describe`).
 */
export function useSubmission(onDone: () => void, describe: (error: unknown) => string = errorMessage) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const submit = (action: () => Promise<void>, onFailure?: () => void) => {
    if (busy) return;
    setBusy(true);
    setFailure(null);
    action().then(onDone, (error: unknown) => {
      setFailure(describe(error));
      setBusy(false);
      onFailure?.();
    });
  };
  return { busy, failure, setFailure, submit };
}

export interface ConfirmDialogProps extends Omit<DialogProps, 'busy' | 'error' | 'onConfirm' | 'body'> {
  body: string;
  /** The confirm button's text while the action is in flight. */
  busyLabel: string;
  /** Resolves when done (the dialog then closes); a rejection is shown in the dialog. */
  onConfirm: () => Promise<void>;
}

/** Asks before a destructive action; Cancel has focus, and a failure is shown in the dialog. */
export function ConfirmDialog({ busyLabel, confirmLabel, onConfirm, ...props }: ConfirmDialogProps) {
  const { busy, failure, submit } = useSubmission(props.onDismiss);
  return <Dialog {...props} busy={busy} error={failure} confirmLabel={busy ? busyLabel : confirmLabel} onConfirm={() => submit(onConfirm)} />;
}
