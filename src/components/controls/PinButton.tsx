'use client';
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { ConversationId } from '../../core/types.js';
import { useConversation } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useCapabilities } from '../../react/useSyncState.js';
import { useMessages } from '../internal/i18n.js';
import { composeHandlers, dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { ErrorNotice, useErrorText } from './ErrorNotice.js';
import { controlsMessages } from './messages.js';
import { useCommand } from './useCommand.js';

/** State of a `PinButton`, for `className`, `style` and `children` functions. */
export interface PinButtonRenderProps {
  /**
   * The conversation is pinned (optimistically, while the command is in flight).
   * @selector [aria-pressed="true"], [data-pinned]
   */
  isPinned: boolean;
  /**
   * The pin command is in flight; presses are ignored meanwhile.
   * @selector [data-pending], [aria-disabled="true"]
   */
  isPending: boolean;
  /**
   * The last press failed (its change was rolled back) and the reason is shown.
   * @selector [data-error]
   */
  hasError: boolean;
}

export interface PinButtonProps
  extends StyleRenderProps<PinButtonRenderProps>,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'children' | 'id' | 'onError'> {
  /** The conversation to pin or unpin. */
  id: ConversationId;
  /** Content of the button, or a function of its state. @default localized "Pin" */
  children?: ReactNode | ((state: PinButtonRenderProps) => ReactNode);
  /** Called when pinning or unpinning fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

/**
 * A toggle button (`aria-pressed`) that pins or unpins a conversation. The change shows at once (optimistic); while
 * it is in flight the button is `aria-disabled`, and a failure is shown next to it with the backend's reason.
 * Renders nothing for an unknown conversation. The ref is the button's.
 */
export const PinButton = forwardRef<HTMLButtonElement, PinButtonProps>(function PinButton(
  { id, children, className, style, onError, onClick, ...rest },
  ref,
) {
  const conversation = useConversation(id);
  const { pin } = useConversationActions();
  const { maxPinned } = useCapabilities();
  const t = useMessages(controlsMessages);
  const errorText = useErrorText();
  const command = useCommand(onError);
  if (!conversation) return null;

  const state: PinButtonRenderProps = { isPinned: conversation.isPinned, isPending: command.isPending, hasError: command.error !== null };
  const resolved = resolveStyleProps('ik-PinButton', { className, style }, state);
  const toggle = () => {
    if (!command.isPending) void command.run(() => pin(id, !conversation.isPinned));
  };
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={ref}
        className={resolved.className}
        style={resolved.style}
        aria-pressed={conversation.isPinned}
        aria-disabled={command.isPending ? 'true' : rest['aria-disabled']}
        data-pinned={dataFlag(conversation.isPinned)}
        data-pending={dataFlag(command.isPending)}
        data-error={dataFlag(command.error !== null)}
        onClick={composeHandlers(onClick, toggle)}
      >
        {typeof children === 'function' ? children(state) : (children ?? t('pinButton.label'))}
      </button>
      {command.error && <ErrorNotice className="ik-PinButton-error" message={errorText(command.error, maxPinned)} onDismiss={command.dismiss} />}
    </>
  );
});
