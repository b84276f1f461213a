'use client';
import type { InboxError } from '../../core/errors.js';
import type { ConversationId } from '../../core/types.js';
import { useConversation } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useCapabilities } from '../../react/useSyncState.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { forwardRef } from 'react';
import { dataFlag } from '../internal/renderProps.js';
import { CommandToggle, type ToggleProps } from './CommandToggle.js';
import { errorText } from './errorText.js';
import { useCommand } from './shared.js';

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

export interface PinButtonProps extends ToggleProps<PinButtonRenderProps> {
  /** The conversation to pin or unpin. */
  id: ConversationId;
  /** Called when pinning or unpinning fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

/**
 * A toggle button (`aria-pressed`) that pins or unpins a conversation. The change shows at once (optimistic); while
 * it is in flight the button is `aria-disabled`, and a failure is shown next to it with the backend's reason.
 * Renders nothing for an unknown conversation. Its content defaults to the localized "Pin". The ref is the button's.
 */
export const PinButton = forwardRef<HTMLButtonElement, PinButtonProps>(function PinButton({ id, onError, ...props }, ref) {
  const conversation = useConversation(id);
  const { pin } = useConversationActions();
  const { maxPinned } = useCapabilities();
  const t = useMessages(controlsMessages);
  const command = useCommand(onError);
  if (!conversation) return null;

  const { isPinned } = conversation;
  return (
    <CommandToggle
      defaultClassName="ik-PinButton"
      buttonProps={props}
      buttonRef={ref}
      state={{ isPinned, isPending: command.isPending, hasError: !!command.error }}
      isPressed={isPinned}
      stateAttributes={{ 'data-pinned': dataFlag(isPinned) }}
      command={command}
      onToggle={() => pin(id, !isPinned)}
      label={t('pinButton.label')}
      errorMessage={command.error ? errorText(command.error, t, { maxPinned }) : undefined}
    />
  );
});
