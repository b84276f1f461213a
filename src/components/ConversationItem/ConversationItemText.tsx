'use client';
import { forwardRef, type ReactNode } from 'react';
import type { MentionKind } from '../../core/types.js';
import { useInboxLocale } from '../../react/context.js';
import { formatConversationTime, formatFullDateTime, type TimeRange } from '../internal/formatTime.js';
import { useMessages } from '../internal/i18n.js';
import { interpolateNodes } from '../internal/nodes.js';
import { renderChildren, type PartProps } from '../internal/parts.js';
import { dataFlag, resolveStyleProps } from '../internal/renderProps.js';
import { useNow } from '../internal/useNow.js';
import { useConversationItemContext, type ConversationItemRenderProps } from './context.js';
import { conversationItemMessages } from './messages.js';

// ---- Title ---------------------------------------------------------------------------------------

export type ConversationItemTitleProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/**
 * The conversation's name, as text (never HTML), isolated for bidirectional text (`dir="auto"`).
 * Default class `ik-ConversationItem-title`; carries `data-unread`.
 */
export const ConversationItemTitle = forwardRef<HTMLSpanElement, ConversationItemTitleProps>(function ConversationItemTitle(
  { className, style, children, ...rest },
  ref,
) {
  const { state } = useConversationItemContext('<ConversationItem.Title>');
  if (!state.conversation) return null;
  const resolved = resolveStyleProps('ik-ConversationItem-title', { className, style }, state);
  return (
    <span dir="auto" {...rest} ref={ref} className={resolved.className} style={resolved.style} data-unread={dataFlag(state.isUnread)}>
      {renderChildren(children, state, state.conversation.title)}
    </span>
  );
});

// ---- Time ----------------------------------------------------------------------------------------

export interface ConversationItemTimeRenderProps extends ConversationItemRenderProps {
  /** The time shown, in ms since the epoch (the last message, else the last activity). */
  timestamp: number;
  /** The formatted text, in the provider's locale. */
  text: string;
  /** Which rule applied. @selector [data-range="today" | "week" | "year" | "older"] */
  range: TimeRange;
}

export interface ConversationItemTimeProps extends PartProps<HTMLTimeElement, ConversationItemTimeRenderProps> {
  /** Reference time in ms. @default the `now` of the root, else the current time refreshed every minute */
  now?: number;
  /** A BCP 47 locale for the date. @default the provider's locale */
  locale?: string;
}

/**
 * When the conversation was last active: today the time, within the last 6 days the weekday, this year month
 * and day, otherwise the full date, all through `Intl.DateTimeFormat`. Renders `<time dateTime>` with the full
 * date and time as its `title`. Default class `ik-ConversationItem-time`.
 */
export const ConversationItemTime = forwardRef<HTMLTimeElement, ConversationItemTimeProps>(function ConversationItemTime(
  { now: nowProp, locale: localeProp, className, style, children, ...rest },
  ref,
) {
  const { state: item, now: rootNow } = useConversationItemContext('<ConversationItem.Time>');
  const provider = useInboxLocale();
  const now = useNow(nowProp ?? rootNow);
  const conversation = item.conversation;
  const timestamp = conversation ? conversation.lastMessage?.sentAt || conversation.lastActivityAt : 0;
  if (!conversation || !(timestamp > 0)) return null;

  const locale = localeProp ?? provider.locale;
  // now === 0 while hydrating: the relative form waits for the client clock.
  const formatted = now > 0 ? formatConversationTime(timestamp, now, locale) : { text: '', range: 'older' as const };
  const state: ConversationItemTimeRenderProps = { ...item, timestamp, text: formatted.text, range: formatted.range };
  const resolved = resolveStyleProps('ik-ConversationItem-time', { className, style }, state);
  return (
    <time
      dir="auto"
      title={formatFullDateTime(timestamp, locale)}
      {...rest}
      ref={ref}
      className={resolved.className}
      style={resolved.style}
      dateTime={new Date(timestamp).toISOString()}
      data-range={state.range}
    >
      {renderChildren(children, state, state.text)}
    </time>
  );
});

// ---- Preview -------------------------------------------------------------------------------------

export interface ConversationItemPreviewRenderProps extends ConversationItemRenderProps {
  /** The last message was recalled. @selector [data-revoked] */
  isRevoked: boolean;
  /** The strongest unread mention, if any (`me` wins over `all`, `all` over `announcement`). */
  mention: MentionKind | undefined;
}

export type ConversationItemPreviewProps = PartProps<HTMLSpanElement, ConversationItemPreviewRenderProps>;

const MENTION_RANK: Record<MentionKind, number> = { me: 3, allAndMe: 3, all: 2, announcement: 1 };

/**
 * One line about the conversation, as text: a draft with a "[Draft]" prefix (class
 * `ik-ConversationItem-draftPrefix`, accent colour), "[@me]" / "[@all]" prefixes for unread mentions
 * (`ik-ConversationItem-mentionPrefix`), the sender's name in group chats (`ik-ConversationItem-sender`),
 * or a "message recalled" notice. Default class `ik-ConversationItem-preview`; carries `data-has-draft`,
 * `data-mentioned` and `data-revoked`.
 */
export const ConversationItemPreview = forwardRef<HTMLSpanElement, ConversationItemPreviewProps>(function ConversationItemPreview(
  { className, style, children, ...rest },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.Preview>');
  const t = useMessages(conversationItemMessages);
  const conversation = item.conversation;
  if (!conversation) return null;

  let mention: MentionKind | undefined;
  for (const m of conversation.mentions) if (!mention || MENTION_RANK[m.kind] > MENTION_RANK[mention]) mention = m.kind;
  const last = conversation.lastMessage;
  const isRevoked = Boolean(last?.isRevoked);
  const state: ConversationItemPreviewRenderProps = { ...item, isRevoked, mention };
  const resolved = resolveStyleProps('ik-ConversationItem-preview', { className, style }, state);

  const parts: ReactNode[] = [];
  if (mention) {
    const key = mention === 'me' || mention === 'allAndMe' ? 'item.mention.me' : mention === 'all' ? 'item.mention.all' : 'item.mention.announcement';
    parts.push(
      <span key="mention" className="ik-ConversationItem-mentionPrefix" data-mention={mention}>
        {t(key)}
      </span>,
      ' ',
    );
  }
  if (item.hasDraft) {
    parts.push(
      <span key="draft" className="ik-ConversationItem-draftPrefix">
        {t('item.draft')}
      </span>,
      ' ',
      <bdi key="text" className="ik-ConversationItem-previewText">
        {conversation.draft!.text}
      </bdi>,
    );
  } else if (last && isRevoked) {
    const showName = conversation.kind === 'group' && last.senderName;
    parts.push(
      <span key="text" className="ik-ConversationItem-previewText" data-revoked="">
        {showName
          ? interpolateNodes(t('item.revokedBy'), {
              name: <bdi className="ik-ConversationItem-sender">{last.senderName}</bdi>,
            })
          : t('item.revoked')}
      </span>,
    );
  } else if (last) {
    if (conversation.kind === 'group' && last.senderName) {
      parts.push(
        <span key="sender" className="ik-ConversationItem-senderPrefix">
          <bdi className="ik-ConversationItem-sender">{last.senderName}</bdi>
          {t('item.senderSeparator')}
        </span>,
      );
    }
    parts.push(
      <bdi key="text" className="ik-ConversationItem-previewText">
        {last.preview}
      </bdi>,
    );
  }

  return (
    <span
      {...rest}
      ref={ref}
      className={resolved.className}
      style={resolved.style}
      data-has-draft={dataFlag(item.hasDraft)}
      data-mentioned={dataFlag(item.isMentioned)}
      data-revoked={dataFlag(isRevoked && !item.hasDraft)}
    >
      {renderChildren(children, state, parts)}
    </span>
  );
});
