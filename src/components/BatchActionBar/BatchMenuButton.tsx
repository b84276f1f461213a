'use client';
import type { ReactNode } from 'react';
import { useRef, useState } from 'react';
import { useIdent } from '../internal/hooks.js';
import { Menu, menuTriggerKeyDown } from '../internal/Menu.js';

export interface BatchMenuButtonProps {
  label: string;
  /** Why the button does nothing (the backend lacks the feature); it stays focusable and says so. */
  reason?: string;
  isBusy: boolean;
  action: string;
  dir?: 'ltr' | 'rtl';
  /** The menu's items (a chosen item closes the menu). */
  children: ReactNode;
}

/** A toolbar button that opens a menu (notifications modes, groups), as the WAI-ARIA menu button pattern has it. */
export function BatchMenuButton({ label, reason, isBusy, action, dir, children }: BatchMenuButtonProps) {
  const [open, setOpen] = useState<'first' | 'last' | null>(null);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const id = useIdent('ik-batch-menu');
  const reasonId = `${id}-reason`;
  const isDisabled = isBusy || reason !== undefined;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="ik-BatchActionBar-button"
        data-action={action}
        aria-haspopup="menu"
        aria-expanded={open !== null}
        aria-controls={open !== null ? id : undefined}
        aria-disabled={isDisabled || undefined}
        aria-describedby={reason !== undefined ? reasonId : undefined}
        onClick={() => isDisabled || setOpen(open ? null : 'first')}
        onKeyDown={isDisabled ? undefined : menuTriggerKeyDown(setOpen)}
      >
        {label}
        <span aria-hidden="true" className="ik-BatchActionBar-caret">
          ▾
        </span>
      </button>
      {reason !== undefined && (
        <span id={reasonId} hidden>
          {reason}
        </span>
      )}
      {open !== null && (
        <Menu
          id={id}
          className="ik-BatchActionBar-menu"
          aria-label={label}
          initialFocus={open}
          onClose={() => setOpen(null)}
          anchorRef={triggerRef}
          returnFocusRef={triggerRef}
          dir={dir}
        >
          {children}
        </Menu>
      )}
    </>
  );
}
