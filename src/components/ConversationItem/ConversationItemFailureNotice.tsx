'use client';
import { forwardRef, useContext } from 'react';
import type { InboxOperation } from '../../core/store.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { InGridContext } from '../internal/gridContext.js';
import { useMessages } from '../internal/i18n.js';
import { AlertIcon, CloseIcon } from '../internal/icons.js';
import { renderChildren, type PartProps } from '../internal/parts.js';
import { resolveStyleProps } from '../internal/renderProps.js';
import { useConversationItemContext, type ConversationItemRenderProps } from './context.js';
import { conversationItemMessages, type ConversationItemMessageId } from './messages.js';

export interface ConversationItemFailureNoticeRenderProps extends ConversationItemRenderProps {
  /** The localized sentence shown, e.g. "Couldn’t change pin: At most 50 conversations can be pinned." */
  text: string;
  /** Forgets the failure (`dismissFailure(id)`), removing the notice. */
  dismiss: () => void;
}

export type ConversationItemFailureNoticeProps = PartProps<HTMLDivElement, ConversationItemFailureNoticeRenderProps>;

const ACTION_MESSAGE: Partial<Record<InboxOperation, ConversationItemMessageId>> = {
  pin: 'item.failure.pin',
  setMuteMode: 'item.failure.setMuteMode',
  markRead: 'item.failure.markRead',
  markAllRead: 'item.failure.markRead',
  deleteConversation: 'item.failure.deleteConversation',
  setDraft: 'item.failure.setDraft',
  setMark: 'item.failure.setMark',
  createGroup: 'item.failure.groups',
  renameGroup: 'item.failure.groups',
  deleteGroup: 'item.failure.groups',
  addToGroup: 'item.failure.groups',
  removeFromGroup: 'item.failure.groups',
};

/**
 * The last failed command on the conversation, inline on the row: what failed, the error's message (as text)
 * and a Dismiss button that calls `dismissFailure(id)`. The optimistic change was already rolled back.
 * Default class `ik-ConversationItem-failureNotice`; carries `data-operation`.
 */
export const ConversationItemFailureNotice = forwardRef<HTMLDivElement, ConversationItemFailureNoticeProps>(
  function ConversationItemFailureNotice({ className, style, children, ...rest }, ref) {
    const { state: item, store } = useConversationItemContext('<ConversationItem.FailureNotice>');
    const t = useMessages(conversationItemMessages);
    const { dismissFailure } = useConversationActions(store);
    const inGrid = useContext(InGridContext);
    const failure = item.failure;
    if (!failure) return null;

    const action = t(ACTION_MESSAGE[failure.operation] ?? 'item.failure.other');
    const text = t('item.failure', { action, message: failure.error.message });
    const dismiss = () => dismissFailure(item.id);
    const state: ConversationItemFailureNoticeRenderProps = { ...item, text, dismiss };
    const resolved = resolveStyleProps('ik-ConversationItem-failureNotice', { className, style }, state);
    return (
      <div {...rest} ref={ref} className={resolved.className} style={resolved.style} data-operation={failure.operation}>
        {renderChildren(
          children,
          state,
          <>
            <AlertIcon />
            <span className="ik-ConversationItem-failureMessage">{text}</span>
            <button
              type="button"
              className="ik-ConversationItem-dismiss"
              aria-label={t('item.failure.dismiss')}
              title={t('item.failure.dismiss')}
              tabIndex={inGrid ? -1 : undefined}
              onClick={(event) => {
                // The button disappears with the notice: inside the list, keep focus in the grid instead of losing it.
                const button = event.currentTarget;
                if (inGrid && button.ownerDocument.activeElement === button) button.closest<HTMLElement>('[role="grid"]')?.focus();
                dismiss();
              }}
            >
              <CloseIcon />
            </button>
          </>,
        )}
      </div>
    );
  },
);
