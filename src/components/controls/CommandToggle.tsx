'use client';
import type { ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { composeHandlers, dataFlag, renderChildren, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { ErrorNotice, type Command } from './shared.js';

/** Props of `PinButton` and `MuteToggle` besides the conversation, the error callback and their own options. */
export type ToggleProps<S> = StyleRenderProps<S> &
  Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'children' | 'id' | 'onError'> & {
    /** Content of the button, or a function of its state. */
    children?: ReactNode | ((state: S) => ReactNode);
  };

export interface CommandToggleProps<S extends { isPending: boolean; hasError: boolean }> {
  /** The stable class of the button; the failure notice gets `{defaultClassName}-error`. */
  defaultClassName: string;
  /**
   * The props the user gave the control, spread on the button. Kept apart from this component's own props, so that
   * a DOM attribute (today's or a future one) can never be taken for one of them.
   */
  buttonProps: ToggleProps<S>;
  /** The control's forwarded ref, for the button. */
  buttonRef: Ref<HTMLButtonElement>;
  /** The render state given to the user's `className`, `style` and `children` functions. */
  state: S;
  /** Written as `aria-pressed`. */
  isPressed: boolean;
  /** State attributes written on the button, such as `data-pinned`. */
  stateAttributes: Record<string, string | undefined>;
  /** The command state from `useCommand`; a press is ignored while it is pending. */
  command: Command;
  /** Starts the store command a press runs. */
  onToggle: () => Promise<unknown>;
  /** The button's content when the user gives no children. */
  label: ReactNode;
  /** The failure to show next to the button, until dismissed. */
  errorMessage: string | undefined;
}

/**
 * A toggle button (`aria-pressed`) bound to a command: `aria-disabled` while it is in flight (presses are ignored),
 * and the failure shown next to it until dismissed. `PinButton` and `MuteToggle` differ only in what they read and
 * which command they run.
 */
export function CommandToggle<S extends { isPending: boolean; hasError: boolean }>({
  defaultClassName,
  buttonProps: { className, style, children, onClick, ...rest },
  buttonRef,
  state,
  isPressed,
  stateAttributes,
  command,
  onToggle,
  label,
  errorMessage,
}: CommandToggleProps<S>) {
  const t = useMessages(controlsMessages);
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={buttonRef}
        {...resolveStyleProps(defaultClassName, className, style, state)}
        aria-pressed={isPressed}
        aria-disabled={command.isPending ? 'true' : rest['aria-disabled']}
        {...stateAttributes}
        data-pending={dataFlag(command.isPending)}
        data-error={dataFlag(!!command.error)}
        onClick={composeHandlers(onClick, () => {
          if (!command.isPending) void command.run(onToggle);
        })}
      >
        {/* A `null` child also falls back to the label, as an absent one does. */}
        {renderChildren(children ?? undefined, state, label)}
      </button>
      {errorMessage !== undefined && (
        <ErrorNotice className={`${defaultClassName}-error`} message={errorMessage} dismissLabel={t('controls.dismiss')} onDismiss={command.dismiss} />
      )}
    </>
  );
}
