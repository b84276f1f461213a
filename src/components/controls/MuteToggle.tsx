'use client';
import { forwardRef, type ButtonHTMLAttributes, type ReactNode } from 'react';
import type { InboxError } from '../../core/errors.js';
import type { ConversationId, MuteMode } from '../../core/types.js';
import { useConversation } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useMessages } from '../internal/i18n.js';
import { composeHandlers, dataFlag, resolveStyleProps, type StyleRenderProps } from '../internal/renderProps.js';
import { ErrorNotice, useErrorText } from './ErrorNotice.js';
import { controlsMessages } from './messages.js';
import { useCommand } from './useCommand.js';

/** State of a `MuteToggle`, for `className`, `style` and `children` functions. */
export interface MuteToggleRenderProps {
  /**
   * Notifications are off: any mode other than `none` (`silent`, `silentExceptMention`, `blocked`).
   * @selector [aria-pressed="true"], [data-muted]
   */
  isMuted: boolean;
  /**
   * The conversation's exact mode.
   * @selector [data-mute-mode="none|silent|silentExceptMention|blocked"]
   */
  muteMode: MuteMode;
  /**
   * The command is in flight; presses are ignored meanwhile.
   * @selector [data-pending], [aria-disabled="true"]
   */
  isPending: boolean;
  /**
   * The last press failed (rolled back) and the reason is shown.
   * @selector [data-error]
   */
  hasError: boolean;
}

export interface MuteToggleProps
  extends StyleRenderProps<MuteToggleRenderProps>,
    Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'className' | 'style' | 'children' | 'id' | 'onError'> {
  /** The conversation to mute or unmute. */
  id: ConversationId;
  /**
   * The mode a press sets on an unmuted conversation. `silent` works on every backend; Tencent also offers
   * `silentExceptMention`, and `blocked` stops receiving messages altogether.
   * @default 'silent'
   */
  mutedMode?: Exclude<MuteMode, 'none'>;
  /** Content of the button, or a function of its state. @default localized "Mute notifications" */
  children?: ReactNode | ((state: MuteToggleRenderProps) => ReactNode);
  /** Called when the change fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

/**
 * A toggle button (`aria-pressed`) between notifying (`none`) and muted (`mutedMode`). A conversation muted in any
 * other mode shows as pressed, and a press unmutes it. Optimistic, `aria-disabled` while in flight, failures shown
 * inline. Renders nothing for an unknown conversation. The ref is the button's.
 */
export const MuteToggle = forwardRef<HTMLButtonElement, MuteToggleProps>(function MuteToggle(
  { id, mutedMode = 'silent', children, className, style, onError, onClick, ...rest },
  ref,
) {
  const conversation = useConversation(id);
  const { setMuteMode } = useConversationActions();
  const t = useMessages(controlsMessages);
  const errorText = useErrorText();
  const command = useCommand(onError);
  if (!conversation) return null;

  const isMuted = conversation.muteMode !== 'none';
  const state: MuteToggleRenderProps = {
    isMuted,
    muteMode: conversation.muteMode,
    isPending: command.isPending,
    hasError: command.error !== null,
  };
  const resolved = resolveStyleProps('ik-MuteToggle', { className, style }, state);
  const toggle = () => {
    if (!command.isPending) void command.run(() => setMuteMode(id, isMuted ? 'none' : mutedMode));
  };
  return (
    <>
      <button
        type="button"
        {...rest}
        ref={ref}
        className={resolved.className}
        style={resolved.style}
        aria-pressed={isMuted}
        aria-disabled={command.isPending ? 'true' : rest['aria-disabled']}
        data-muted={dataFlag(isMuted)}
        data-mute-mode={conversation.muteMode}
        data-pending={dataFlag(command.isPending)}
        data-error={dataFlag(command.error !== null)}
        onClick={composeHandlers(onClick, toggle)}
      >
        {typeof children === 'function' ? children(state) : (children ?? t('muteToggle.label'))}
      </button>
      {command.error && <ErrorNotice className="ik-MuteToggle-error" message={errorText(command.error)} onDismiss={command.dismiss} />}
    </>
  );
});
