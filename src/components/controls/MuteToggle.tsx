'use client';
import type { InboxError } from '../../core/errors.js';
import type { ConversationId, MuteMode } from '../../core/types.js';
import { useConversation } from '../../react/useConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { useMessages } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { forwardRef } from 'react';
import { dataFlag } from '../internal/renderProps.js';
import { CommandToggle, type ToggleProps } from './CommandToggle.js';
import { errorText } from './errorText.js';
import { useCommand } from './shared.js';

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

export interface MuteToggleProps extends ToggleProps<MuteToggleRenderProps> {
  /** The conversation to mute or unmute. */
  id: ConversationId;
  /**
   * The mode a press sets on an unmuted conversation. `silent` works on every backend; Tencent also offers
   * `silentExceptMention`, and `blocked` stops receiving messages altogether.
   * @default 'silent'
   */
  mutedMode?: Exclude<MuteMode, 'none'>;
  /** Called when the change fails, after the store rolled it back (the reason is also shown inline). */
  onError?: (error: InboxError) => void;
}

/**
 * A toggle button (`aria-pressed`) between notifying (`none`) and muted (`mutedMode`). A conversation muted in any
 * other mode shows as pressed, and a press unmutes it. Optimistic, `aria-disabled` while in flight, failures shown
 * inline. Renders nothing for an unknown conversation. Its content defaults to the localized "Mute notifications".
 * The ref is the button's.
 */
export const MuteToggle = forwardRef<HTMLButtonElement, MuteToggleProps>(function MuteToggle({ id, mutedMode = 'silent', onError, ...props }, ref) {
  const conversation = useConversation(id);
  const { setMuteMode } = useConversationActions();
  const t = useMessages(controlsMessages);
  const command = useCommand(onError);
  if (!conversation) return null;

  const { muteMode } = conversation;
  const isMuted = muteMode !== 'none';
  return (
    <CommandToggle
      defaultClassName="ik-MuteToggle"
      buttonProps={props}
      buttonRef={ref}
      state={{ isMuted, muteMode, isPending: command.isPending, hasError: !!command.error }}
      isPressed={isMuted}
      stateAttributes={{ 'data-muted': dataFlag(isMuted), 'data-mute-mode': muteMode }}
      command={command}
      onToggle={() => setMuteMode(id, isMuted ? 'none' : mutedMode)}
      label={t('muteToggle.label')}
      errorMessage={command.error ? errorText(command.error, t) : undefined}
    />
  );
});
