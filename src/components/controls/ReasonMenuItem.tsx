'use client';
import { MenuItem, type MenuItemProps } from '../internal/Menu.js';
import { dataFlag } from '../internal/renderProps.js';

export interface ReasonMenuItemProps extends Omit<MenuItemProps, 'id' | 'isDisabled'> {
  /** Prefix of the ids of the label (`-label`) and the reason (`-reason`). */
  id: string;
  /** Why the backend cannot do this. Given, the item is disabled and says so under its label. */
  reason?: string;
}

/**
 * A menu item that stays in the menu when the backend cannot do it: disabled (`aria-disabled`, still focusable so
 * it can be read), named by its label and described by the reason, which is shown under the label too. A user sees
 * why a command is missing instead of a menu that differs from backend to backend without a word.
 */
export function ReasonMenuItem({ id, reason, children, ...props }: ReasonMenuItemProps) {
  if (reason === undefined) return <MenuItem {...props}>{children}</MenuItem>;
  return (
    <MenuItem {...props} isDisabled aria-labelledby={`${id}-label`} aria-describedby={`${id}-reason`} data-has-reason={dataFlag(true)}>
      <span className="ik-Menu-itemText">
        <span id={`${id}-label`} className="ik-Menu-itemLabel">
          {children}
        </span>
        <span id={`${id}-reason`} className="ik-Menu-itemReason">
          {reason}
        </span>
      </span>
    </MenuItem>
  );
}
