'use client';
import { forwardRef } from 'react';
import type { MuteMode } from '../../core/types.js';
import { useInboxLocale } from '../../react/context.js';
import { useMessages } from '../internal/i18n.js';
import { MutedIcon, PinIcon, SpinnerIcon } from '../internal/icons.js';
import { pluralCategory } from '../internal/nodes.js';
import { renderChildren, type PartProps } from '../internal/parts.js';
import { dataFlag, resolveStyleProps } from '../internal/renderProps.js';
import { VisuallyHidden } from '../internal/VisuallyHidden.js';
import { useConversationItemContext, type ConversationItemRenderProps } from './context.js';
import { conversationItemMessages } from './messages.js';

// ---- UnreadBadge ---------------------------------------------------------------------------------

export interface ConversationItemUnreadBadgeRenderProps extends ConversationItemRenderProps {
  /** Unread messages (0 when only marked unread). */
  count: number;
  /** The visible text: the count, capped (`"99+"`), or `""` for a dot. */
  text: string;
  /** The accessible text, e.g. "3 unread messages". */
  label: string;
  /** A dot instead of a number: the conversation is muted, or only marked unread. @selector [data-dot] */
  isDot: boolean;
  /** The count is above `max`. @selector [data-capped] */
  isCapped: boolean;
}

export interface ConversationItemUnreadBadgeProps extends PartProps<HTMLSpanElement, ConversationItemUnreadBadgeRenderProps> {
  /** Highest count shown as a number; above it the badge reads `"{max}+"`. @default 99 */
  max?: number;
}

/**
 * The unread count ("99+" above `max`), or a dot without a number for a muted conversation (its messages do
 * not count). Screen readers get a sentence ("3 unread messages"). Renders nothing when read.
 * Default class `ik-ConversationItem-unreadBadge`; carries `data-dot`, `data-capped`, `data-muted`.
 */
export const ConversationItemUnreadBadge = forwardRef<HTMLSpanElement, ConversationItemUnreadBadgeProps>(
  function ConversationItemUnreadBadge({ max = 99, className, style, children, ...rest }, ref) {
    const { state: item } = useConversationItemContext('<ConversationItem.UnreadBadge>');
    const t = useMessages(conversationItemMessages);
    const { locale } = useInboxLocale();
    const conversation = item.conversation;
    if (!conversation || !item.isUnread) return null;

    const count = Math.max(0, conversation.unreadCount);
    const isDot = item.isMuted || count === 0;
    const isCapped = !isDot && count > max;
    const text = isDot ? '' : isCapped ? `${max}+` : String(count);
    const label = isDot
      ? t(count > 0 ? 'item.unreadMuted' : 'item.unreadMarked')
      : t(pluralCategory(count, locale) === 'one' ? 'item.unread.one' : 'item.unread.other', { count });
    const state: ConversationItemUnreadBadgeRenderProps = { ...item, count, text, label, isDot, isCapped };
    const resolved = resolveStyleProps('ik-ConversationItem-unreadBadge', { className, style }, state);
    return (
      <span
        {...rest}
        ref={ref}
        className={resolved.className}
        style={resolved.style}
        data-dot={dataFlag(isDot)}
        data-capped={dataFlag(isCapped)}
        data-muted={dataFlag(item.isMuted)}
      >
        {renderChildren(
          children,
          state,
          <>
            {text && <span aria-hidden="true">{text}</span>}
            <VisuallyHidden>{label}</VisuallyHidden>
          </>,
        )}
      </span>
    );
  },
);

// ---- PinIndicator --------------------------------------------------------------------------------

export type ConversationItemPinIndicatorProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/** A pin icon with the text "Pinned" for screen readers, shown only for pinned conversations. Default class `ik-ConversationItem-pinIndicator`. */
export const ConversationItemPinIndicator = forwardRef<HTMLSpanElement, ConversationItemPinIndicatorProps>(
  function ConversationItemPinIndicator({ className, style, children, ...rest }, ref) {
    const { state } = useConversationItemContext('<ConversationItem.PinIndicator>');
    const t = useMessages(conversationItemMessages);
    if (!state.isPinned) return null;
    const resolved = resolveStyleProps('ik-ConversationItem-pinIndicator', { className, style }, state);
    return (
      <span {...rest} ref={ref} className={resolved.className} style={resolved.style} data-pinned="">
        {renderChildren(
          children,
          state,
          <>
            <PinIcon />
            <VisuallyHidden>{t('item.pinned')}</VisuallyHidden>
          </>,
        )}
      </span>
    );
  },
);

// ---- MuteIndicator -------------------------------------------------------------------------------

export interface ConversationItemMuteIndicatorRenderProps extends ConversationItemRenderProps {
  /** @selector [data-mode="silent" | "silentExceptMention" | "blocked"] */
  muteMode: Exclude<MuteMode, 'none'>;
}

export type ConversationItemMuteIndicatorProps = PartProps<HTMLSpanElement, ConversationItemMuteIndicatorRenderProps>;

/**
 * A muted-bell icon with the mode as text for screen readers ("Muted", "Muted except @mentions", "Messages
 * blocked"), shown only for muted conversations. Default class `ik-ConversationItem-muteIndicator`.
 */
export const ConversationItemMuteIndicator = forwardRef<HTMLSpanElement, ConversationItemMuteIndicatorProps>(
  function ConversationItemMuteIndicator({ className, style, children, ...rest }, ref) {
    const { state: item } = useConversationItemContext('<ConversationItem.MuteIndicator>');
    const t = useMessages(conversationItemMessages);
    const muteMode = item.conversation?.muteMode;
    if (!muteMode || muteMode === 'none') return null;
    const state: ConversationItemMuteIndicatorRenderProps = { ...item, muteMode };
    const resolved = resolveStyleProps('ik-ConversationItem-muteIndicator', { className, style }, state);
    return (
      <span {...rest} ref={ref} className={resolved.className} style={resolved.style} data-muted="" data-mode={muteMode}>
        {renderChildren(
          children,
          state,
          <>
            <MutedIcon />
            <VisuallyHidden>{t(`item.muted.${muteMode}`)}</VisuallyHidden>
          </>,
        )}
      </span>
    );
  },
);

// ---- PendingIndicator ----------------------------------------------------------------------------

export type ConversationItemPendingIndicatorProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/**
 * A small spinner while a command on the conversation is in flight (its optimistic change is already shown),
 * with "Updating…" for screen readers. Default class `ik-ConversationItem-pendingIndicator`.
 */
export const ConversationItemPendingIndicator = forwardRef<HTMLSpanElement, ConversationItemPendingIndicatorProps>(
  function ConversationItemPendingIndicator({ className, style, children, ...rest }, ref) {
    const { state } = useConversationItemContext('<ConversationItem.PendingIndicator>');
    const t = useMessages(conversationItemMessages);
    if (!state.isPending) return null;
    const resolved = resolveStyleProps('ik-ConversationItem-pendingIndicator', { className, style }, state);
    return (
      <span {...rest} ref={ref} className={resolved.className} style={resolved.style} data-pending="">
        {renderChildren(
          children,
          state,
          <>
            <SpinnerIcon />
            <VisuallyHidden>{t('item.pending')}</VisuallyHidden>
          </>,
        )}
      </span>
    );
  },
);
