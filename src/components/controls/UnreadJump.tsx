'use client';
import { useStore } from 'zustand';
import { useId, useState, type CSSProperties, type ReactNode } from 'react';
import type { UnreadJumpKind } from '../../core/findUnread.js';
import type { InboxStore, ListFilter } from '../../core/store.js';
import type { ConversationId } from '../../core/types.js';
import { useInboxStore } from '../../react/context.js';
import { useUnreadNavigation } from '../../react/useUnreadNavigation.js';
import { useMessages } from '../internal/i18n.js';
import { jumpMessages } from '../internal/messages/jump.js';
import { dataFlag } from '../internal/renderProps.js';

export interface UnreadJumpProps {
  /** The group whose list is navigated; all conversations when undefined. */
  groupName?: string;
  /** The filter of the list on screen, so that jumps follow the rows shown. */
  filter?: ListFilter;
  /** A store to use instead of the provider's. */
  store?: InboxStore;
  /** The conversation the user is on (open or focused); jumps start after it, or at the top when `null`. */
  fromId: ConversationId | null;
  /** Called with the conversation to go to: open it, scroll to it, focus its row. */
  onJump: (id: ConversationId) => void;
  /** Added to the default class `ik-UnreadJump`. */
  className?: string;
  style?: CSSProperties;
}

type JumpMessageId = keyof typeof jumpMessages;

interface JumpButton {
  action: 'nextUnread' | 'previousUnread' | 'nextMention';
  direction: 1 | -1;
  kind: UnreadJumpKind;
  label: JumpMessageId;
  icon: ReactNode;
}

const icon = (path: string) => (
  <svg className="ik-icon" aria-hidden="true" focusable="false" viewBox="0 0 16 16" width="1em" height="1em">
    <path d={path} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinecap="round" strokeLinejoin="round" />
  </svg>
);

const BUTTONS: readonly JumpButton[] = [
  { action: 'previousUnread', direction: -1, kind: 'unread', label: 'jump.previousUnread', icon: icon('M4 10l4-4 4 4') },
  { action: 'nextUnread', direction: 1, kind: 'unread', label: 'jump.nextUnread', icon: icon('M4 6l4 4 4-4') },
  {
    action: 'nextMention',
    direction: 1,
    kind: 'mention',
    label: 'jump.nextMention',
    icon: icon('M10.5 8a2.5 2.5 0 1 1-5 0 2.5 2.5 0 0 1 5 0zm0 0v1a1.75 1.75 0 0 0 3.5 0V8a6 6 0 1 0-2.4 4.8'),
  },
];

/**
 * Buttons that jump to the previous / next unread conversation and the next @-mention, in the order on screen and
 * across pages (it loads more when needed, `aria-busy` meanwhile). A button with nothing to jump to is
 * `aria-disabled`, stays focusable and says why in its accessible description. When a search finds nothing in its
 * direction, a polite status says so. Themed by `ik-UnreadJump` in `inboxkit/styles.css`.
 *
 * "Unread" is what the row shows as unread: unread messages (muted conversations included) or marked unread.
 */
export function UnreadJump({ groupName, filter, store: storeProp, fromId, onJump, className, style }: UnreadJumpProps) {
  const store = useInboxStore(storeProp, 'UnreadJump');
  const { next, hasUnread, hasMention, isSearching } = useUnreadNavigation({ groupName, filter, store });
  const hasMore = useStore(store, (state) => state.hasMore);
  const t = useMessages(jumpMessages);
  const reasonId = useId();
  const [status, setStatus] = useState('');

  // Going down, more pages may hold a target even when the loaded rows hold none.
  const reasonOf = ({ kind, direction }: JumpButton): JumpMessageId | undefined =>
    kind === 'mention' ? (hasMention || hasMore ? undefined : 'jump.noMention') : hasUnread || (direction === 1 && hasMore) ? undefined : 'jump.noUnread';

  const jump = async (button: JumpButton) => {
    if (isSearching || reasonOf(button)) return;
    setStatus('');
    try {
      const id = await next(fromId, button.direction, button.kind);
      if (id === null) setStatus(t('jump.notFound'));
      else onJump(id);
    } catch {
      // A failed page load is already reported through the store's `onError`; the user may simply press again.
      setStatus('');
    }
  };

  return (
    <div
      role="group"
      aria-label={t('jump.label')}
      aria-busy={isSearching || undefined}
      className={className ? `ik-UnreadJump ${className}` : 'ik-UnreadJump'}
      style={style}
      data-busy={dataFlag(isSearching)}
    >
      {BUTTONS.map((button) => {
        const reason = reasonOf(button);
        const label = t(button.label);
        return (
          <button
            key={button.action}
            type="button"
            className="ik-UnreadJump-button"
            data-action={button.action}
            // The title is both the tooltip and the name (an aria-label too would repeat it as the description).
            title={label}
            aria-disabled={reason || isSearching ? true : undefined}
            aria-describedby={reason ? `${reasonId}-${reason}` : undefined}
            onClick={() => void jump(button)}
          >
            {button.icon}
          </button>
        );
      })}
      {/* The reasons, referenced by the disabled buttons' aria-describedby. */}
      <span hidden>
        <span id={`${reasonId}-jump.noUnread`}>{t('jump.noUnread')}</span>
        <span id={`${reasonId}-jump.noMention`}>{t('jump.noMention')}</span>
      </span>
      <span className="ik-UnreadJump-status" role="status">
        {isSearching ? t('jump.loading') : status}
      </span>
    </div>
  );
}
