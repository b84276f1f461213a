'use client';
import { memo } from 'react';
import type { FoldedRow } from '../../core/store.js';
import { useInboxLocale } from '../../react/context.js';
import { displayTitle } from '../ConversationItem/displayTitle.js';
import { messagePreview } from '../ConversationItem/messagePreview.js';
import { clampText } from '../internal/clampText.js';
import { formatConversationTime, formatFullDateTime } from '../internal/formatTime.js';
import { visuallyHidden } from '../internal/hidden.js';
import { useNow } from '../internal/hooks.js';
import { useMessages, usePlural } from '../internal/i18n.js';
import { itemMessages } from '../internal/messages/item.js';
import { listMessages } from '../internal/messages/list.js';
import { dataFlag } from '../internal/renderProps.js';
import { FOLDED_ROW_ATTRIBUTE } from './useFoldedRow.js';

export interface FoldedListRowProps {
  row: FoldedRow;
  index: number;
  start: number;
  /** The row's height: it is not measured, so it takes the list's `rowHeight` (the default theme's row height). */
  height: number;
  domId: string;
  isFocused: boolean;
  isFocusVisible: boolean;
  now: number | undefined;
}

/** A folder, drawn in the current colour. */
const FOLDER = 'M3 7a2 2 0 0 1 2-2h4l2 2h8a2 2 0 0 1 2 2v8a2 2 0 0 1-2 2H5a2 2 0 0 1-2-2z';

/**
 * The "Folded chats" row (WeChat's 折叠的聊天): one grid row for the list's folded conversations, in the muted style of
 * a muted conversation. It shows the newest one's time and preview ("Alice: hello"), and their unread summed in a
 * muted badge. It uses the default row's classes, so it lines up with the rows around it; `data-folded` styles it.
 * Clicking it or pressing Enter opens the folded conversations (the list handles both).
 */
export const FoldedListRow = memo(function FoldedListRow({ row, index, start, height, domId, isFocused, isFocusVisible, now: nowProp }: FoldedListRowProps) {
  const t = useMessages(listMessages, itemMessages);
  const { locale } = useInboxLocale();
  const plural = usePlural(listMessages, itemMessages);
  const now = useNow(nowProp);
  const { newest, unreadCount } = row;
  const count = row.ids.length;
  const timestamp = newest.lastMessage?.sentAt || newest.lastActivityAt;
  const time = timestamp > 0 && now > 0 ? formatConversationTime(timestamp, now, locale).text : '';
  const message = newest.lastMessage && messagePreview(newest.lastMessage);

  return (
    <div
      id={domId}
      role="row"
      className="ik-ConversationList-row"
      data-index={index}
      {...{ [FOLDED_ROW_ATTRIBUTE]: '' }}
      aria-rowindex={index + 1}
      aria-selected={false}
      data-focused={dataFlag(isFocused)}
      data-focus-visible={dataFlag(isFocusVisible)}
      style={{ position: 'absolute', top: 0, insetInlineStart: 0, width: '100%', height, overflow: 'hidden', transform: `translateY(${start}px)` }}
    >
      <div role="gridcell" className="ik-ConversationList-cell">
        <div
          className="ik-ConversationItem ik-ConversationList-folded"
          data-folded=""
          data-muted=""
          data-unread={dataFlag(unreadCount > 0)}
          data-focused={dataFlag(isFocused)}
          data-focus-visible={dataFlag(isFocusVisible)}
        >
          <span className="ik-ConversationItem-avatar ik-ConversationList-foldedIcon" aria-hidden="true">
            <svg viewBox="0 0 24 24" width="55%" height="55%" focusable="false">
              <path d={FOLDER} fill="none" stroke="currentColor" strokeWidth="2" strokeLinejoin="round" />
            </svg>
          </span>
          <div className="ik-ConversationItem-body">
            <div className="ik-ConversationItem-header">
              <span className="ik-ConversationItem-title">{t('folded.title')}</span>
              {/* How many are folded, for screen readers: the row's name is what it reads. */}
              {visuallyHidden(`, ${plural('folded.count', count)}`)}
              {time && (
                <time className="ik-ConversationItem-time" title={formatFullDateTime(timestamp, locale)} dateTime={new Date(timestamp).toISOString()}>
                  <bdi>{time}</bdi>
                </time>
              )}
            </div>
            <div className="ik-ConversationItem-footer">
              <span className="ik-ConversationItem-preview">
                {/* The backend's words, as text. */}
                <span className="ik-ConversationItem-senderPrefix">
                  <bdi className="ik-ConversationItem-sender">{clampText(displayTitle(newest, t))}</bdi>
                  {t('item.senderSeparator')}
                </span>
                {message?.kind === 'revoked' && <span className="ik-ConversationItem-previewText">{t('item.revoked')}</span>}
                {message?.labelId && <bdi className="ik-ConversationItem-kindLabel">{t(message.labelId)}</bdi>}
                {message?.text && <bdi className="ik-ConversationItem-previewText">{clampText(message.text)}</bdi>}
              </span>
              {unreadCount > 0 && (
                <span className="ik-ConversationItem-unreadBadge" data-muted="">
                  <bdi aria-hidden="true" dir="ltr">
                    {unreadCount > 99 ? '99+' : unreadCount}
                  </bdi>
                  {visuallyHidden(plural('item.unread', unreadCount))}
                </span>
              )}
            </div>
          </div>
        </div>
      </div>
    </div>
  );
});

/** Above the open folded conversations: their name, and Back to the list (Escape in the list does the same). */
export function FoldedHeader({ onBack }: { onBack: () => void }) {
  const t = useMessages(listMessages);
  return (
    <div className="ik-ConversationList-foldedHeader">
      <button type="button" className="ik-ConversationList-foldedBack" aria-label={t('folded.backLabel')} onClick={onBack}>
        <span aria-hidden="true" className="ik-ConversationList-foldedBackIcon">
          ‹
        </span>{' '}
        {t('folded.back')}
      </button>
      <span className="ik-ConversationList-foldedTitle">{t('folded.title')}</span>
    </div>
  );
}
