'use client';
import { useLayoutEffect, useRef, useState, type CSSProperties, type KeyboardEvent, type ReactNode, type RefObject, type SyntheticEvent } from 'react';
import { focusIfConnected, supportsModalDialog } from './controls-platform.js';

export interface ControlsDialogProps {
  open: boolean;
  /** Escape, or the platform's close request (`cancel`). The owner closes the dialog by setting `open` to false. */
  onDismiss: () => void;
  className: string;
  style?: CSSProperties;
  'aria-labelledby': string;
  'aria-describedby'?: string;
  /** `alertdialog` for confirmations of destructive actions. @default 'dialog' */
  role?: 'dialog' | 'alertdialog';
  /** Focused on open; else the first `[data-autofocus]`, else the first focusable element. */
  initialFocusRef?: RefObject<HTMLElement | null>;
  /** Focused on close; else the element that had focus when the dialog opened. */
  returnFocusRef?: RefObject<HTMLElement | null>;
  children: ReactNode;
}

const FOCUSABLE = 'input:not([disabled]), textarea:not([disabled]), select:not([disabled]), button:not([disabled]), [href], [tabindex]:not([tabindex="-1"])';

/**
 * A `<dialog>` opened with `showModal()` where the platform has it (top layer, inert page, focus trapped by the
 * browser) and rendered inline as a non-modal `<dialog open>` where it does not (jsdom, old browsers). Either way
 * focus moves in on open and back to the trigger on close, and Escape dismisses.
 */
export function ControlsDialog(props: ControlsDialogProps) {
  return props.open ? <DialogSurface {...props} /> : null;
}

function DialogSurface({
  onDismiss,
  className,
  style,
  role = 'dialog',
  initialFocusRef,
  returnFocusRef,
  children,
  'aria-labelledby': labelledBy,
  'aria-describedby': describedBy,
}: ControlsDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [isModal] = useState(supportsModalDialog);

  useLayoutEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const previouslyFocused = document.activeElement;
    if (isModal && !dialog.open) dialog.showModal();
    const target = initialFocusRef?.current ?? dialog.querySelector('[data-autofocus]') ?? dialog.querySelector(FOCUSABLE);
    focusIfConnected(target);
    // Read when the dialog closes, not now: the owner may point it elsewhere meanwhile.
    const returnTarget = returnFocusRef;
    return () => {
      if (isModal && dialog.open) dialog.close();
      if (!focusIfConnected(returnTarget?.current)) focusIfConnected(previouslyFocused);
    };
  }, [isModal, initialFocusRef, returnFocusRef]);

  const onKeyDown = (event: KeyboardEvent<HTMLDialogElement>) => {
    if (event.key !== 'Escape' || event.nativeEvent.isComposing) return;
    // Handled here in both modes, so that an enclosing menu or dialog does not close too.
    event.preventDefault();
    event.stopPropagation();
    onDismiss();
  };
  const onCancel = (event: SyntheticEvent<HTMLDialogElement>) => {
    event.preventDefault();
    onDismiss();
  };

  return (
    <dialog
      ref={ref}
      className={className}
      style={style}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      aria-labelledby={labelledBy}
      aria-describedby={describedBy}
      aria-modal={isModal ? 'true' : undefined}
      open={isModal ? undefined : true}
      data-modal={isModal ? '' : undefined}
      onKeyDown={onKeyDown}
      onCancel={onCancel}
    >
      {children}
    </dialog>
  );
}
