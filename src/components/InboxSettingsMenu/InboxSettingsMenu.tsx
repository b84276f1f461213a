'use client';
import type { HTMLAttributes, ReactNode } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { InboxStore } from '../../core/store.js';
import type { MuteMode } from '../../core/types.js';
import { useInboxSettings } from '../../react/useInboxSettings.js';
import { useCapabilities } from '../../react/useSyncState.js';
import { errorText } from '../controls/errorText.js';
import { ReasonMenuItem } from '../controls/ReasonMenuItem.js';
import { ErrorNotice } from '../controls/shared.js';
import { useControllableState, useIdent } from '../internal/hooks.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { settingsMessages } from '../internal/messages/settings.js';
import { Menu, MenuItem, menuTriggerKeyDown } from '../internal/Menu.js';
import { dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { forwardRef, useRef, useState } from 'react';
import { ClearAllDialog } from './ClearAllDialog.js';

/** State of `InboxSettingsMenu`, for `className` and `style` functions. */
export interface InboxSettingsMenuRenderProps {
  /** The menu is open. @selector [data-open] */
  isOpen: boolean;
  /** A setting is being saved; the new value already shows. @selector [data-pending] */
  isPending: boolean;
  /** The last change failed (it was put back) and the reason is shown. @selector [data-error] */
  hasError: boolean;
}

export interface InboxSettingsMenuProps
  extends StyleRenderProps<InboxSettingsMenuRenderProps>,
    Omit<HTMLAttributes<HTMLDivElement>, 'className' | 'style' | 'children' | 'onError' | 'dir'> {
  /** Whether the menu is open (controlled). */
  open?: boolean;
  /** Whether the menu starts open when uncontrolled. @default false */
  defaultOpen?: boolean;
  /** Called when the menu asks to open or close (trigger, Escape, Tab, a choice, a press outside). */
  onOpenChange?: (open: boolean) => void;
  /** Content of the trigger button; its accessible name stays "Inbox settings". @default a sliders icon */
  triggerContent?: ReactNode;
  /** Text direction of the menu. Inherited when absent. */
  dir?: 'ltr' | 'rtl';
  /** Called after every conversation was cleared from the list. */
  onCleared?: () => void;
  /** Called when a change fails, after the store put it back (the reason is also shown). */
  onError?: (error: InboxError) => void;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
}

const SLIDERS_ICON = (
  <svg viewBox="0 0 16 16" width="1em" height="1em" aria-hidden="true" focusable="false" className="ik-icon">
    <path d="M2 4h12M2 8h12M2 12h12" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" fill="none" />
    <circle cx="5.5" cy="4" r="2" fill="currentColor" />
    <circle cx="10.5" cy="8" r="2" fill="currentColor" />
    <circle cx="6.5" cy="12" r="2" fill="currentColor" />
  </svg>
);

/**
 * A menu button for the account-wide settings of the inbox: how messages of every conversation are received
 * (radio items from `capabilities.globalReceiveModes`, the current one checked, OpenIM's global receive option)
 * and "Clear all conversations…" (`capabilities.clearAll`, after a confirmation). What the backend lacks stays in
 * the menu, disabled, with the reason. A change shows at once; while it is saved the trigger says "Saving…" (a polite
 * status), and a refusal puts it back and is told beside the trigger (`role="alert"`) in the user's language.
 *
 * The menu is a roving-focus `role="menu"`: arrows, Home/End and type-ahead move; Enter or Space choose; Escape and
 * Tab close and return focus. Build your own with `useInboxSettings`. The ref is the wrapper's.
 */
export const InboxSettingsMenu = forwardRef<HTMLDivElement, InboxSettingsMenuProps>(function InboxSettingsMenu(
  { open: openProp, defaultOpen = false, onOpenChange, triggerContent, dir, onCleared, onError, store, className, style, ...rest },
  ref,
) {
  const t = useMessages(settingsMessages, controlsMessages);
  const settings = useInboxSettings(store);
  const capabilities = useCapabilities(store);
  const [isOpen, setOpen] = useControllableState(openProp !== undefined, openProp ?? false, defaultOpen, onOpenChange);
  const [initialFocus, setInitialFocus] = useState<'first' | 'last'>('first');
  const [isConfirming, setConfirming] = useState(false);
  const triggerRef = useRef<HTMLButtonElement>(null);
  const baseId = useIdent('ik-settings');
  const menuId = `${baseId}-menu`;

  const { globalReceiveOption, globalReceiveModes, pendingReceiveOption, receiveOptionError } = settings;
  const isPending = pendingReceiveOption !== undefined || settings.isClearing;
  const hasError = !!receiveOptionError;
  const state: InboxSettingsMenuRenderProps = { isOpen, isPending, hasError };
  const openMenu = (focus: 'first' | 'last') => {
    setInitialFocus(focus);
    setOpen(true);
  };
  const choose = (mode: MuteMode) => {
    // A choice closes the menu, so that the saving status and a refusal beside the trigger are not under it.
    setOpen(false);
    if (mode === globalReceiveOption) return;
    settings.setGlobalReceiveOption(mode).catch((error: InboxError) => onError?.(error));
  };

  const receiveLabel = t('settings.receive');
  const menu = isOpen && (
    <Menu
      id={menuId}
      className="ik-InboxSettingsMenu-menu"
      aria-label={t('settings.menu')}
      initialFocus={initialFocus}
      onClose={() => setOpen(false)}
      anchorRef={triggerRef}
      returnFocusRef={triggerRef}
      dir={dir}
    >
      {globalReceiveModes.length === 0 ? (
        <ReasonMenuItem id={`${baseId}-receive`} data-action="receive" reason={t('settings.unsupported')}>
          {receiveLabel}
        </ReasonMenuItem>
      ) : (
        <div role="group" aria-label={receiveLabel} className="ik-Menu-group">
          <div role="none" aria-hidden="true" className="ik-Menu-groupLabel">
            {receiveLabel}
          </div>
          {globalReceiveModes.map((mode) => {
            const isChecked = mode === globalReceiveOption;
            const isSaving = mode === pendingReceiveOption;
            return (
              <MenuItem
                key={mode}
                role="menuitemradio"
                isChecked={isChecked}
                data-mode={mode}
                data-pending={dataFlag(isSaving)}
                // Named by its label alone; "Saving…" describes it.
                aria-labelledby={`${baseId}-mode-${mode}`}
                aria-describedby={isSaving ? `${baseId}-saving-${mode}` : undefined}
                onSelect={() => choose(mode)}
              >
                <span className="ik-Menu-check" aria-hidden="true">
                  {isChecked ? '●' : ''}
                </span>
                <span id={`${baseId}-mode-${mode}`} className="ik-Menu-itemLabel">
                  {t(`settings.receive.${mode}`)}
                </span>
                {isSaving && (
                  <span id={`${baseId}-saving-${mode}`} className="ik-Menu-itemStatus">
                    {t('settings.saving')}
                  </span>
                )}
              </MenuItem>
            );
          })}
        </div>
      )}
      <div role="separator" className="ik-Menu-separator" />
      <ReasonMenuItem
        id={`${baseId}-clearAll`}
        data-action="clearAll"
        data-danger={dataFlag(settings.canClearAll)}
        reason={settings.canClearAll ? undefined : t('settings.unsupported')}
        onSelect={() => {
          settings.dismissError();
          setConfirming(true);
        }}
      >
        {t('settings.clearAll')}
      </ReasonMenuItem>
    </Menu>
  );

  return (
    <div
      {...rest}
      ref={ref}
      {...resolveStyleProps('ik-InboxSettingsMenu', className, style, state)}
      data-open={dataFlag(isOpen)}
      data-pending={dataFlag(isPending)}
      data-error={dataFlag(hasError)}
    >
      <div className="ik-InboxSettingsMenu-bar">
        <button
          ref={triggerRef}
          type="button"
          className="ik-InboxSettingsMenu-trigger"
          aria-label={t('settings.trigger')}
          aria-haspopup="menu"
          aria-expanded={isOpen}
          aria-controls={isOpen ? menuId : undefined}
          onClick={() => (isOpen ? setOpen(false) : openMenu('first'))}
          onKeyDown={menuTriggerKeyDown(openMenu)}
        >
          {triggerContent ?? SLIDERS_ICON}
        </button>
        {/* Always in the page, so that screen readers hear "Saving…" when it appears. */}
        <span role="status" className="ik-InboxSettingsMenu-status">
          {pendingReceiveOption !== undefined ? t('settings.saving') : ''}
        </span>
      </div>
      {menu}
      {receiveOptionError && (
        <ErrorNotice
          className="ik-InboxSettingsMenu-error"
          message={t('settings.receiveFailed', { message: errorText(receiveOptionError, t, capabilities) })}
          dismissLabel={t('settings.dismiss')}
          onDismiss={settings.dismissError}
        />
      )}
      {isConfirming && (
        <ClearAllDialog
          id={`${baseId}-clearAll-dialog`}
          capabilities={capabilities}
          returnFocusRef={triggerRef}
          onDismiss={() => setConfirming(false)}
          onConfirm={async () => {
            try {
              await settings.clearAllConversations();
            } catch (error) {
              onError?.(error as InboxError);
              throw error;
            }
            onCleared?.();
          }}
        />
      )}
    </div>
  );
});
