'use client';
import { MenuItem, type MenuItemProps } from '../internal/Menu.js';
import { dataFlag } from '../internal/renderProps.js';

export interface ReasonMenuItemProps extends Omit<MenuItemProps, 'id' | 'isDisabled'> {
  /** Prefix of the id of the reason (`-reason`). */
  id: string;
  /** Why the backend cannot do this. Given, the item is disabled and the reason is shown under it. */
  reason?: string;
}

/**
 * A menu item that stays in the menu when the backend cannot do it: disabled (`aria-disabled`, still focusable so
 * it can be read) and described by the reason, which is shown under it. A user sees why a command is missing instead
 * of a menu that differs from backend to backend without a word.
 *
 * The reason is a sibling of the item, not inside it: the item's name stays its visible label (a name that leaves
 * out text shown inside the control fails WCAG 2.5.3, label in name), and the menu holds no text of its own for
 * assistive technology to wander into (it is hidden there, and read as the item's description).
 */
export function ReasonMenuItem({ id, reason, children, ...props }: ReasonMenuItemProps) {
  if (reason === undefined) return <MenuItem {...props}>{children}</MenuItem>;
  return (
    <>
      <MenuItem {...props} isDisabled aria-describedby={`${id}-reason`} data-has-reason={dataFlag(true)}>
        {children}
      </MenuItem>
      <div id={`${id}-reason`} role="none" aria-hidden="true" className="ik-Menu-itemReason">
        {reason}
      </div>
    </>
  );
}
