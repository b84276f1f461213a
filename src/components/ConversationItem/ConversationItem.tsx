'use client';
import { clampText } from '../internal/clampText.js';
import type { ComponentType, ReactNode } from 'react';
import type { ConversationFailure, InboxOperation, InboxStore } from '../../core/store.js';
import type { Conversation, ConversationId, ConversationKind, MentionKind, MuteMode, PreviewKind } from '../../core/types.js';
import { visuallyHidden } from '../internal/hidden.js';
import { safeAvatarUrl } from '../../core/validate.js';
import { useInboxLocale, useInboxStore } from '../../react/context.js';
import { useRowConversation } from '../internal/useRowConversation.js';
import { useConversationActions } from '../../react/useConversationActions.js';
import { formatConversationTime, formatFullDateTime, type TimeRange } from '../internal/formatTime.js';
import { InGridContext, useNow } from '../internal/hooks.js';
import { useMessages, usePlural, type ConversationItemMessageId } from '../internal/i18n.js';
import { controlsMessages } from '../internal/messages/controls.js';
import { itemMessages } from '../internal/messages/item.js';
import { avatarColorIndex, getInitials } from '../internal/initials.js';
import { errorText } from '../controls/errorText.js';
import { displayTitle } from './displayTitle.js';
import { formatDuration } from './formatDuration.js';
import { messagePreview } from './messagePreview.js';
import { createContext, forwardRef, Fragment, memo, useContext, useMemo, useState } from 'react';
import { dataFlag, renderChildren, resolveStyleProps, type PartProps } from '../internal/renderProps.js';


// ==== Row state and context ======================================================================

/**
 * The state of one row, given to `className`, `style` and `children` functions of every part. Each flag is also
 * written on the root (and on the parts it concerns) as a present/absent data attribute.
 */
export interface ConversationItemRenderProps {
  /** The conversation id the row shows. */
  id: ConversationId;
  /** The conversation, or `undefined` while it is not (or no longer) in the store. @selector [data-missing] */
  conversation: Conversation | undefined;
  /** The row is the list's selection. @selector [data-selected] */
  isSelected: boolean;
  /** The row is the list's focused row (its active descendant while the list has focus). @selector [data-focused] */
  isFocused: boolean;
  /** The row is focused and focus came from the keyboard, so a focus ring should show. @selector [data-focus-visible] */
  isFocusVisible: boolean;
  /** @selector [data-pinned] */
  isPinned: boolean;
  /** Any mute mode other than `none`. @selector [data-muted] */
  isMuted: boolean;
  /** Unread messages, or marked unread. @selector [data-unread] */
  isUnread: boolean;
  /** An unread @-mention (of the user, of everyone, or an announcement). @selector [data-mentioned] */
  isMentioned: boolean;
  /** A non-empty draft. @selector [data-has-draft] */
  hasDraft: boolean;
  /** A command on the conversation is in flight; its optimistic change is shown. @selector [data-pending] */
  isPending: boolean;
  /** The last command on the conversation failed and was rolled back. @selector [data-failed] */
  isFailed: boolean;
  /** The user is no longer a member (left or dismissed group). @selector [data-readonly] */
  isReadOnly: boolean;
  /** Marked with a star (the `star` mark). @selector [data-starred] */
  isStarred: boolean;
  /** Burn after reading is on (OpenIM private chat): messages are deleted after they are read. @selector [data-private-chat] */
  isPrivateChat: boolean;
  /** @selector [data-kind="direct" | "group" | "system"] */
  kind: ConversationKind | undefined;
  /** The failure shown on the row, with the error's message. */
  failure: ConversationFailure | undefined;
}

export interface ConversationItemContextValue {
  state: ConversationItemRenderProps;
  /** Reference time for relative dates, when injected. */
  now: number | undefined;
  store: InboxStore | undefined;
}

export const ConversationItemContext = createContext<ConversationItemContextValue | null>(null);

/** The context of the enclosing `ConversationItem.Root`; throws, naming the part, outside one. */
export function useConversationItemContext(consumer: string): ConversationItemContextValue {
  const value = useContext(ConversationItemContext);
  if (!value) throw new Error(`[inboxkit] ${consumer} must be used within <ConversationItem.Root> (or <ConversationItem>).`);
  return value;
}

/**
 * The render state of the enclosing row, for custom parts passed through `components` or children:
 * `const { conversation, isSelected } = useConversationItemState()`.
 */
export function useConversationItemState(): ConversationItemRenderProps {
  return useConversationItemContext('useConversationItemState').state;
}

// ==== Root =======================================================================================

export interface ConversationItemRootProps extends Omit<PartProps<HTMLDivElement, ConversationItemRenderProps>, 'id'> {
  /** The conversation to show. The row subscribes to this conversation only. */
  id: ConversationId;
  /** Whether the row is the selection (`ConversationList` sets it). @default false */
  isSelected?: boolean;
  /** Whether the row is the list's focused row. @default false */
  isFocused?: boolean;
  /** Whether the row is focused from the keyboard. @default false */
  isFocusVisible?: boolean;
  /** Reference time in ms for `Time` ("today", "this week"...). @default the current time, refreshed every minute */
  now?: number;
  /** A store to read instead of the provider's. */
  store?: InboxStore;
}

/**
 * The row's root: reads the conversation and its command status, provides them to the parts, and writes the
 * state as data attributes (`data-selected`, `data-pinned`, `data-unread`, `data-pending`, ...).
 * Default class `ik-ConversationItem`.
 */
export const ConversationItemRoot = forwardRef<HTMLDivElement, ConversationItemRootProps>(function ConversationItemRoot(
  { id, isSelected = false, isFocused = false, isFocusVisible = false, now, store, className, style, children, ...rest },
  ref,
) {
  // In a list's row, a conversation that has just gone keeps its look until the list takes the row away.
  const { conversation, isPending, failure } = useRowConversation(useInboxStore(store, 'ConversationItem'), id, useContext(InGridContext));

  const context = useMemo(() => {
    const state: ConversationItemRenderProps = {
      id,
      conversation,
      isSelected,
      isFocused,
      isFocusVisible: isFocused && isFocusVisible,
      isPinned: !!conversation?.isPinned,
      isMuted: !!conversation && conversation.muteMode !== 'none',
      isUnread: !!conversation && (conversation.unreadCount > 0 || !!conversation.marks?.includes('unread')),
      isMentioned: !!conversation?.mentions.length,
      hasDraft: !!conversation?.draft?.text,
      isPending,
      isFailed: !!failure,
      isReadOnly: !!conversation?.isReadOnly,
      isStarred: !!conversation?.marks?.includes('star'),
      isPrivateChat: !!conversation?.privateChat?.enabled,
      kind: conversation?.kind,
      failure,
    };
    return { state, now, store };
  }, [id, conversation, isSelected, isFocused, isFocusVisible, isPending, failure, now, store]);
  const { state } = context;

  return (
    <ConversationItemContext.Provider value={context}>
      <div
        {...rest}
        ref={ref}
        {...resolveStyleProps('ik-ConversationItem', className, style, state)}
        aria-busy={isPending || undefined}
        data-kind={state.kind}
        data-missing={dataFlag(!conversation)}
        data-selected={dataFlag(isSelected)}
        data-focused={dataFlag(isFocused)}
        data-focus-visible={dataFlag(state.isFocusVisible)}
        data-pinned={dataFlag(state.isPinned)}
        data-muted={dataFlag(state.isMuted)}
        data-unread={dataFlag(state.isUnread)}
        data-mentioned={dataFlag(state.isMentioned)}
        data-has-draft={dataFlag(state.hasDraft)}
        data-pending={dataFlag(isPending)}
        data-failed={dataFlag(state.isFailed)}
        data-readonly={dataFlag(state.isReadOnly)}
        data-starred={dataFlag(state.isStarred)}
        data-private-chat={dataFlag(state.isPrivateChat)}
      >
        {renderChildren(children, state, null)}
      </div>
    </ConversationItemContext.Provider>
  );
});

// ==== Parts ======================================================================================
//
// Every part follows the same pattern: read the row from the enclosing root (throwing, naming the part, outside
// one), render nothing when it does not apply, and otherwise render one element with the stable default class
// `ik-ConversationItem-{part}`. The user's DOM props come after the part's defaults so they win; the resolved
// `className`/`style` and the part's state attributes come last so the default class and the state stay true;
// the user's children, when given, replace the part's content.

/**
 * A 16×16 icon filled with `fill` and/or stroked along `stroke`, in the current colour. Decorative only: the state
 * each icon stands for is always given as text next to it.
 */
const icon = (fill: string, stroke?: string, strokeWidth?: number) => (
  <svg viewBox="0 0 16 16" width="1em" height="1em" fill="currentColor" aria-hidden="true" focusable="false" className="ik-icon">
    {fill && <path d={fill} />}
    {stroke && <path d={stroke} stroke="currentColor" strokeWidth={strokeWidth} strokeLinecap="round" fill="none" />}
  </svg>
);
const PIN_ICON = icon('M10 1l5 5-1.5 1.5-1-.5L10 9.5l.5 3L9 14l-3-3-4 4-1-1 4-4-3-3 1.5-1.5 3 .5L9 3.5 8.5 2.5z');
const MUTED_ICON = icon('M8 1.5A4.5 4.5 0 0 0 3.5 6v3.5L2 12h12l-1.5-2.5V6A4.5 4.5 0 0 0 8 1.5zM6.5 13h3a1.5 1.5 0 0 1-3 0z', 'm2 2 12 12', 1.5);
const SPINNER_ICON = icon('', 'M8 1.5a6.5 6.5 0 1 0 6.5 6.5', 2);
const ALERT_ICON = icon('M8 1.5a6.5 6.5 0 1 1 0 13 6.5 6.5 0 0 1 0-13zM7.2 4v5h1.6V4zm0 6.5V12h1.6v-1.5z');
const CLOSE_ICON = icon('', 'M4 4l8 8M12 4l-8 8', 1.75);
const STAR_ICON = icon('M8 1.2l2 4.3 4.7.5-3.5 3.2 1 4.6L8 11.4l-4.2 2.4 1-4.6L1.3 6l4.7-.5z');
const FLAME_ICON = icon('M8.3 1c.4 2.6 4.2 4.3 4.2 8.4A4.5 4.5 0 0 1 3.5 9.6c0-2.2 1.2-3.4 2.2-4.8.3 1.3 1 2.2 1.9 2.6C7.4 5.2 7.6 3 8.3 1z');

/**
 * An icon with its meaning as text for screen readers. The text is hidden by an inline style, so it stays hidden
 * even when the optional stylesheet is not loaded.
 */
const labelledIcon = (svg: ReactNode, label: string) => (
  <>
    {svg}
    {visuallyHidden(label)}
  </>
);

// ---- Avatar --------------------------------------------------------------------------------------

/** `none`: no usable URL; `loading`; `loaded`; `error`: the image failed and the initials show instead. */
export type AvatarImageStatus = 'none' | 'loading' | 'loaded' | 'error';

export interface ConversationItemAvatarRenderProps extends ConversationItemRenderProps {
  /** The image URL after `safeAvatarUrl` (unsafe schemes such as `javascript:` are dropped), if any. */
  src: string | undefined;
  /** @selector [data-image-status="none" | "loading" | "loaded" | "error"] */
  imageStatus: AvatarImageStatus;
  /** The fallback initials (first grapheme of a CJK name, first letters of the first and last words otherwise). */
  initials: string;
  /** Background colour slot derived from the id. @selector [data-color="0".."7"] */
  colorIndex: number;
}

export interface ConversationItemAvatarProps extends PartProps<HTMLSpanElement, ConversationItemAvatarRenderProps> {
  /** Image URL to use instead of the conversation's `avatarUrl`; it goes through `safeAvatarUrl` as well. */
  src?: string;
  /**
   * Alternative text. The avatar is decorative by default (the title names the conversation) and hidden from
   * assistive technology; give `alt` to expose it as an image.
   * @default ''
   */
  alt?: string;
}

/**
 * The conversation's picture: the image when its URL is safe and loads, else initials on a colour derived from
 * the id. Default class `ik-ConversationItem-avatar`.
 */
export const ConversationItemAvatar = forwardRef<HTMLSpanElement, ConversationItemAvatarProps>(function ConversationItemAvatar(
  { src: srcProp, alt = '', className, style, children, ...props },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.Avatar>');
  const { locale } = useInboxLocale();
  const t = useMessages(itemMessages);
  const conversation = item.conversation;
  const src = safeAvatarUrl(srcProp ?? conversation?.avatarUrl);
  // Keyed by URL: a new URL starts loading again without an effect.
  const [load, setLoad] = useState<{ src: string; status: 'loaded' | 'error' } | null>(null);
  if (!conversation) return null;

  const imageStatus: AvatarImageStatus = !src ? 'none' : load?.src === src ? load.status : 'loading';
  const initials = getInitials(displayTitle(conversation, t), locale);
  const colorIndex = avatarColorIndex(conversation.id);
  const state: ConversationItemAvatarRenderProps = { ...item, src, imageStatus, initials, colorIndex };
  return (
    <span
      aria-hidden={alt ? undefined : true}
      {...props}
      ref={ref}
      {...resolveStyleProps('ik-ConversationItem-avatar', className, style, state)}
      data-color={colorIndex}
      data-image-status={imageStatus}
    >
      {renderChildren(
        children,
        state,
        <>
          {imageStatus !== 'loaded' && (
            <span className="ik-ConversationItem-initials" aria-hidden="true">
              {initials}
            </span>
          )}
          {src && imageStatus !== 'error' && (
            <img
              className="ik-ConversationItem-image"
              src={src}
              alt={alt}
              draggable={false}
              decoding="async"
              referrerPolicy="no-referrer"
              onLoad={() => setLoad({ src, status: 'loaded' })}
              onError={() => setLoad({ src, status: 'error' })}
            />
          )}
        </>,
      )}
    </span>
  );
});

// ---- Title ---------------------------------------------------------------------------------------

export type ConversationItemTitleProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/**
 * The conversation's name, as text (never HTML), isolated for bidirectional text (`dir="auto"`). A system
 * conversation without a title (Tencent's) is named "System notifications" in the provider's language.
 * Default class `ik-ConversationItem-title`; carries `data-unread`.
 */
export const ConversationItemTitle = forwardRef<HTMLSpanElement, ConversationItemTitleProps>(function ConversationItemTitle(
  { className, style, children, ...props },
  ref,
) {
  const { state } = useConversationItemContext('<ConversationItem.Title>');
  const t = useMessages(itemMessages);
  if (!state.conversation) return null;
  return (
    <span
      dir="auto"
      {...props}
      ref={ref}
      {...resolveStyleProps('ik-ConversationItem-title', className, style, state)}
      data-unread={dataFlag(state.isUnread)}
    >
      {renderChildren(children, state, clampText(displayTitle(state.conversation, t)))}
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
  { now: nowProp, locale: localeProp, className, style, children, ...props },
  ref,
) {
  const { state: item, now: rootNow } = useConversationItemContext('<ConversationItem.Time>');
  const provider = useInboxLocale();
  const now = useNow(nowProp ?? rootNow);
  const locale = localeProp ?? provider.locale;
  const conversation = item.conversation;
  const timestamp = conversation ? conversation.lastMessage?.sentAt || conversation.lastActivityAt : 0;
  if (!(timestamp > 0)) return null;
  // now === 0 while hydrating: the relative form waits for the client clock.
  const { text, range } = now > 0 ? formatConversationTime(timestamp, now, locale) : { text: '', range: 'older' as const };
  const state: ConversationItemTimeRenderProps = { ...item, timestamp, text, range };
  // The element keeps the row's direction, so its logical margin puts it at the row's far edge in both
  // directions (a `dir="auto"` on it would resolve "9:05 AM" to ltr and flip that margin in a right-to-left
  // row); the text alone is isolated.
  return (
    <time
      title={formatFullDateTime(timestamp, locale)}
      {...props}
      ref={ref}
      {...resolveStyleProps('ik-ConversationItem-time', className, style, state)}
      dateTime={new Date(timestamp).toISOString()}
      data-range={range}
    >
      {renderChildren(children, state, <bdi>{text}</bdi>)}
    </time>
  );
});

// ---- Preview -------------------------------------------------------------------------------------

export interface ConversationItemPreviewRenderProps extends ConversationItemRenderProps {
  /** The last message was recalled. @selector [data-revoked] */
  isRevoked: boolean;
  /**
   * What the last message is (`text` when the adapter does not say), or `undefined` without one.
   * @selector [data-message-kind="text" | "image" | "file" | ...]
   */
  messageKind: PreviewKind | undefined;
  /** The strongest unread mention, if any (`me` wins over `all`, `all` over `announcement`). */
  mention: MentionKind | undefined;
}

export type ConversationItemPreviewProps = PartProps<HTMLSpanElement, ConversationItemPreviewRenderProps>;

const MENTION_RANK: Record<MentionKind, number> = { me: 3, allAndMe: 3, all: 2, announcement: 1 };

/** The strongest of the conversation's unread mentions. */
function strongestMention(mentions: Conversation['mentions']): MentionKind | undefined {
  let strongest: MentionKind | undefined;
  for (const { kind } of mentions) if (!strongest || MENTION_RANK[kind] > MENTION_RANK[strongest]) strongest = kind;
  return strongest;
}

/**
 * One line about the conversation, as text: a draft with a "[Draft]" prefix (class
 * `ik-ConversationItem-draftPrefix`, accent colour), "[@me]" / "[@all]" prefixes for unread mentions
 * (`ik-ConversationItem-mentionPrefix`), the sender's name in group chats (`ik-ConversationItem-sender`),
 * or a "message recalled" notice. A message that is not text is named in the provider's language ("[Image]",
 * "[图片]": `ik-ConversationItem-kindLabel`), followed by its detail (a file name) and its own text, if any.
 * Default class `ik-ConversationItem-preview`; carries `data-has-draft`, `data-mentioned`, `data-revoked` and
 * `data-message-kind`.
 */
export const ConversationItemPreview = forwardRef<HTMLSpanElement, ConversationItemPreviewProps>(function ConversationItemPreview(
  { className, style, children, ...props },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.Preview>');
  const t = useMessages(itemMessages);
  const conversation = item.conversation;
  if (!conversation) return null;
  const mention = strongestMention(conversation.mentions);
  const last = conversation.lastMessage;
  const message = last && messagePreview(last);
  const isRevoked = message?.kind === 'revoked';
  const state: ConversationItemPreviewRenderProps = { ...item, isRevoked, mention, messageKind: message?.kind };
  const sender = conversation.kind === 'group' && last?.senderName && <bdi className="ik-ConversationItem-sender">{clampText(last.senderName)}</bdi>;
  const text = (content: string) => <bdi className="ik-ConversationItem-previewText">{clampText(content)}</bdi>;
  const content = (
    <>
      {mention && (
        <>
          <bdi className="ik-ConversationItem-mentionPrefix" data-mention={mention}>
            {t(mention === 'all' || mention === 'announcement' ? `item.mention.${mention}` : 'item.mention.me')}
          </bdi>{' '}
        </>
      )}
      {item.hasDraft ? (
        <>
          <bdi className="ik-ConversationItem-draftPrefix">{t('item.draft')}</bdi> {text(conversation.draft!.text)}
        </>
      ) : isRevoked ? (
        <span className="ik-ConversationItem-previewText" data-revoked="">
          {sender
            ? t('item.revokedBy')
                .split('{name}')
                .map((part, i) => (
                  <Fragment key={i}>
                    {i > 0 && sender}
                    {part}
                  </Fragment>
                ))
            : t('item.revoked')}
        </span>
      ) : (
        message && (
          <>
            {sender && (
              <span className="ik-ConversationItem-senderPrefix">
                {sender}
                {t('item.senderSeparator')}
              </span>
            )}
            {message.labelId && (
              <>
                <bdi className="ik-ConversationItem-kindLabel">{t(message.labelId)}</bdi>
                {/* A word break for screen readers and copied text; the flex gap spaces it on screen. */}
                {message.text && ' '}
              </>
            )}
            {(message.text || !message.labelId) && text(message.text)}
          </>
        )
      )}
    </>
  );
  return (
    <span
      {...props}
      ref={ref}
      {...resolveStyleProps('ik-ConversationItem-preview', className, style, state)}
      data-has-draft={dataFlag(item.hasDraft)}
      data-mentioned={dataFlag(item.isMentioned)}
      data-revoked={dataFlag(isRevoked && !item.hasDraft)}
      data-message-kind={message?.kind}
    >
      {renderChildren(children, state, content)}
    </span>
  );
});

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
export const ConversationItemUnreadBadge = forwardRef<HTMLSpanElement, ConversationItemUnreadBadgeProps>(function ConversationItemUnreadBadge(
  { max = 99, className, style, children, ...props },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.UnreadBadge>');
  const t = useMessages(itemMessages);
  const plural = usePlural(itemMessages);
  if (!item.conversation || !item.isUnread) return null;
  const count = Math.max(0, item.conversation.unreadCount);
  const isDot = item.isMuted || count === 0;
  const isCapped = !isDot && count > max;
  const text = isDot ? '' : isCapped ? `${max}+` : String(count);
  const label = isDot
    ? t(count > 0 ? 'item.unreadMuted' : 'item.unreadMarked')
    : plural('item.unread', count);
  const state: ConversationItemUnreadBadgeRenderProps = { ...item, count, text, label, isDot, isCapped };
  return (
    <span
      {...props}
      ref={ref}
      {...resolveStyleProps('ik-ConversationItem-unreadBadge', className, style, state)}
      data-dot={dataFlag(isDot)}
      data-capped={dataFlag(isCapped)}
      data-muted={dataFlag(item.isMuted)}
    >
      {renderChildren(
        children,
        state,
        <>
          {/* Isolated left to right: "99+" must not read "+99" in a right-to-left row. */}
          {text && (
            <bdi aria-hidden="true" dir="ltr">
              {text}
            </bdi>
          )}
          {visuallyHidden(label)}
        </>,
      )}
    </span>
  );
});

// ---- PinIndicator, MuteIndicator, PendingIndicator -----------------------------------------------

export type ConversationItemPinIndicatorProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/** A pin icon with the text "Pinned" for screen readers, shown only for pinned conversations. Default class `ik-ConversationItem-pinIndicator`. */
export const ConversationItemPinIndicator = forwardRef<HTMLSpanElement, ConversationItemPinIndicatorProps>(function ConversationItemPinIndicator(
  { className, style, children, ...props },
  ref,
) {
  const { state } = useConversationItemContext('<ConversationItem.PinIndicator>');
  const t = useMessages(itemMessages);
  if (!state.isPinned) return null;
  return (
    <span {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-pinIndicator', className, style, state)} data-pinned="">
      {renderChildren(children, state, labelledIcon(PIN_ICON, t('item.pinned')))}
    </span>
  );
});

export interface ConversationItemMuteIndicatorRenderProps extends ConversationItemRenderProps {
  /** @selector [data-mode="silent" | "silentExceptMention" | "blocked"] */
  muteMode: Exclude<MuteMode, 'none'>;
}

export type ConversationItemMuteIndicatorProps = PartProps<HTMLSpanElement, ConversationItemMuteIndicatorRenderProps>;

/**
 * A muted-bell icon with the mode as text for screen readers ("Muted", "Muted except @mentions", "Messages
 * blocked"), shown only for muted conversations. Default class `ik-ConversationItem-muteIndicator`.
 */
export const ConversationItemMuteIndicator = forwardRef<HTMLSpanElement, ConversationItemMuteIndicatorProps>(function ConversationItemMuteIndicator(
  { className, style, children, ...props },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.MuteIndicator>');
  const t = useMessages(itemMessages);
  const muteMode = item.conversation?.muteMode;
  if (!muteMode || muteMode === 'none') return null;
  const state: ConversationItemMuteIndicatorRenderProps = { ...item, muteMode };
  return (
    <span {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-muteIndicator', className, style, state)} data-muted="" data-mode={muteMode}>
      {renderChildren(children, state, labelledIcon(MUTED_ICON, t(`item.muted.${muteMode}`)))}
    </span>
  );
});

export type ConversationItemStarIndicatorProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/**
 * A star with the text "Starred" for screen readers, shown only for conversations with the `star` mark.
 * Default class `ik-ConversationItem-starIndicator`.
 */
export const ConversationItemStarIndicator = forwardRef<HTMLSpanElement, ConversationItemStarIndicatorProps>(function ConversationItemStarIndicator(
  { className, style, children, ...props },
  ref,
) {
  const { state } = useConversationItemContext('<ConversationItem.StarIndicator>');
  const t = useMessages(itemMessages);
  if (!state.isStarred) return null;
  return (
    <span {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-starIndicator', className, style, state)} data-starred="">
      {renderChildren(children, state, labelledIcon(STAR_ICON, t('item.starred')))}
    </span>
  );
});

export interface ConversationItemPrivateChatIndicatorRenderProps extends ConversationItemRenderProps {
  /** Seconds after reading that a message is deleted, when the backend says. */
  burnDurationSec: number | undefined;
  /** The duration as the row shows it, in the provider's locale ("30 sec", "30秒"); `''` without one. */
  durationText: string;
  /** What a screen reader hears: "Burn after reading: messages are deleted 30 seconds after they are read". */
  label: string;
}

export type ConversationItemPrivateChatIndicatorProps = PartProps<HTMLSpanElement, ConversationItemPrivateChatIndicatorRenderProps>;

/**
 * A flame and the duration ("30 sec") for a conversation with burn after reading on (OpenIM private chat), with the
 * whole sentence for screen readers. The duration is worded by `Intl.NumberFormat` in the provider's locale.
 * Shown only while `privateChat.enabled`. Default class `ik-ConversationItem-privateChatIndicator`.
 */
export const ConversationItemPrivateChatIndicator = forwardRef<HTMLSpanElement, ConversationItemPrivateChatIndicatorProps>(
  function ConversationItemPrivateChatIndicator({ className, style, children, ...props }, ref) {
    const { state: item } = useConversationItemContext('<ConversationItem.PrivateChatIndicator>');
    const { locale } = useInboxLocale();
    const t = useMessages(itemMessages);
    if (!item.isPrivateChat) return null;
    const burnDurationSec = item.conversation?.privateChat?.burnDurationSec;
    const durationText = formatDuration(burnDurationSec, locale, 'short');
    const spoken = formatDuration(burnDurationSec, locale, 'long');
    const label = spoken ? t('item.privateChatFor', { duration: spoken }) : t('item.privateChat');
    const state: ConversationItemPrivateChatIndicatorRenderProps = { ...item, burnDurationSec, durationText, label };
    return (
      <span {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-privateChatIndicator', className, style, state)} data-private-chat="">
        {renderChildren(
          children,
          state,
          <>
            {FLAME_ICON}
            {/* Isolated: "30 ث" must keep its order inside a left-to-right row, and "30 sec" inside a right-to-left one. */}
            {durationText && (
              <bdi className="ik-ConversationItem-duration" aria-hidden="true">
                {durationText}
              </bdi>
            )}
            {visuallyHidden(label)}
          </>,
        )}
      </span>
    );
  },
);

export type ConversationItemPendingIndicatorProps = PartProps<HTMLSpanElement, ConversationItemRenderProps>;

/**
 * A small spinner while a command on the conversation is in flight (its optimistic change is already shown),
 * with "Updating…" for screen readers. Default class `ik-ConversationItem-pendingIndicator`.
 */
export const ConversationItemPendingIndicator = forwardRef<HTMLSpanElement, ConversationItemPendingIndicatorProps>(function ConversationItemPendingIndicator(
  { className, style, children, ...props },
  ref,
) {
  const { state } = useConversationItemContext('<ConversationItem.PendingIndicator>');
  const t = useMessages(itemMessages);
  if (!state.isPending) return null;
  return (
    <span {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-pendingIndicator', className, style, state)} data-pending="">
      {renderChildren(children, state, labelledIcon(SPINNER_ICON, t('item.pending')))}
    </span>
  );
});

// ---- FailureNotice -------------------------------------------------------------------------------

export interface ConversationItemFailureNoticeRenderProps extends ConversationItemRenderProps {
  /** The localized sentence shown, e.g. "Couldn’t change pin: At most 50 conversations can be pinned." */
  text: string;
  /** Forgets the failure (`dismissFailure(id)`), removing the notice. */
  dismiss: () => void;
}

export type ConversationItemFailureNoticeProps = PartProps<HTMLDivElement, ConversationItemFailureNoticeRenderProps>;

/** The message naming what failed, by operation; the other operations are `item.failure.other`. */
function failedAction(operation: InboxOperation): ConversationItemMessageId {
  if (operation === 'markAllRead') return 'item.failure.markRead';
  if (/Group$/.test(operation)) return 'item.failure.groups';
  const id = `item.failure.${operation}`;
  return id in itemMessages ? (id as ConversationItemMessageId) : 'item.failure.other';
}

/**
 * The last failed command on the conversation, inline on the row: what failed and why, in the provider's language
 * where the error's code says why (the backend's own message, as text, where only it does), and a Dismiss button that calls `dismissFailure(id)`. The optimistic change was already rolled back.
 * Default class `ik-ConversationItem-failureNotice`; carries `data-operation`.
 */
export const ConversationItemFailureNotice = forwardRef<HTMLDivElement, ConversationItemFailureNoticeProps>(function ConversationItemFailureNotice(
  { className, style, children, ...props },
  ref,
) {
  const { state: item, store } = useConversationItemContext('<ConversationItem.FailureNotice>');
  const t = useMessages(itemMessages, controlsMessages);
  const { dismissFailure } = useConversationActions(store);
  const resolvedStore = useInboxStore(store, '<ConversationItem.FailureNotice>');
  const inGrid = useContext(InGridContext);
  const failure = item.failure;
  if (!failure) return null;
  // Read, not subscribed to: the limits a message names change (almost) never, and every row renders this part.
  const message = errorText(failure.error, t, resolvedStore.getState().capabilities);
  const text = t('item.failure', { action: t(failedAction(failure.operation)), message });
  const dismiss = () => dismissFailure(item.id);
  const label = t('item.failure.dismiss');
  const state: ConversationItemFailureNoticeRenderProps = { ...item, text, dismiss };
  return (
    <div {...props} ref={ref} {...resolveStyleProps('ik-ConversationItem-failureNotice', className, style, state)} data-operation={failure.operation}>
      {renderChildren(
        children,
        state,
        <>
          {ALERT_ICON}
          <span className="ik-ConversationItem-failureMessage">{text}</span>
          <button
            type="button"
            className="ik-ConversationItem-dismiss"
            aria-label={label}
            title={label}
            tabIndex={inGrid ? -1 : undefined}
            onClick={(event) => {
              // The button disappears with the notice: inside the list, keep focus in the grid instead of losing it.
              const button = event.currentTarget;
              if (inGrid && button.ownerDocument.activeElement === button) button.closest<HTMLElement>('[role="grid"]')?.focus();
              dismiss();
            }}
          >
            {CLOSE_ICON}
          </button>
        </>,
      )}
    </div>
  );
});

// ==== The default row ============================================================================

/**
 * Replacements for the parts of the default row. Each receives no props from the row (it reads the row with
 * `useConversationItemState()`), or wrap a default part: `Avatar: (p) => <ConversationItem.Avatar {...p} alt="" />`.
 * Pass a stable object (a module constant or `useMemo`), or every row re-renders with its parent.
 */
export interface ConversationItemComponents {
  Avatar?: ComponentType<ConversationItemAvatarProps>;
  Title?: ComponentType<ConversationItemTitleProps>;
  Time?: ComponentType<ConversationItemTimeProps>;
  Preview?: ComponentType<ConversationItemPreviewProps>;
  UnreadBadge?: ComponentType<ConversationItemUnreadBadgeProps>;
  PinIndicator?: ComponentType<ConversationItemPinIndicatorProps>;
  MuteIndicator?: ComponentType<ConversationItemMuteIndicatorProps>;
  StarIndicator?: ComponentType<ConversationItemStarIndicatorProps>;
  PrivateChatIndicator?: ComponentType<ConversationItemPrivateChatIndicatorProps>;
  PendingIndicator?: ComponentType<ConversationItemPendingIndicatorProps>;
  FailureNotice?: ComponentType<ConversationItemFailureNoticeProps>;
}

export interface ConversationItemProps extends ConversationItemRootProps {
  /** Parts to use instead of the defaults; keep the object stable. */
  components?: ConversationItemComponents;
}

function DefaultLayout({ components = {} }: { components?: ConversationItemComponents }) {
  const Avatar = components.Avatar ?? ConversationItemAvatar;
  const Title = components.Title ?? ConversationItemTitle;
  const PinIndicator = components.PinIndicator ?? ConversationItemPinIndicator;
  const MuteIndicator = components.MuteIndicator ?? ConversationItemMuteIndicator;
  const StarIndicator = components.StarIndicator ?? ConversationItemStarIndicator;
  const PrivateChatIndicator = components.PrivateChatIndicator ?? ConversationItemPrivateChatIndicator;
  const Time = components.Time ?? ConversationItemTime;
  const Preview = components.Preview ?? ConversationItemPreview;
  const PendingIndicator = components.PendingIndicator ?? ConversationItemPendingIndicator;
  const UnreadBadge = components.UnreadBadge ?? ConversationItemUnreadBadge;
  const FailureNotice = components.FailureNotice ?? ConversationItemFailureNotice;
  if (!useConversationItemState().conversation) return null;
  return (
    <>
      <Avatar />
      <div className="ik-ConversationItem-body">
        <div className="ik-ConversationItem-header">
          <Title />
          <PinIndicator />
          <MuteIndicator />
          <StarIndicator />
          <PrivateChatIndicator />
          <Time />
        </div>
        <div className="ik-ConversationItem-footer">
          <Preview />
          <PendingIndicator />
          <UnreadBadge />
        </div>
        <FailureNotice />
      </div>
    </>
  );
}

const ConversationItemImpl = forwardRef<HTMLDivElement, ConversationItemProps>(function ConversationItem(
  { components, children, ...rootProps },
  ref,
) {
  return (
    <ConversationItemRoot ref={ref} {...rootProps}>
      {children ?? <DefaultLayout components={components} />}
    </ConversationItemRoot>
  );
});

/**
 * One conversation row: avatar, title, pin, mute, star and burn-after-reading indicators, time, preview, pending
 * spinner, unread badge and an inline failure notice. Memoized and driven by primitive props (`id`, `isSelected`, `isFocused`, ...), it
 * re-renders only when its own conversation or those props change.
 *
 * Override a part with `components={{ Avatar: MyAvatar }}`, or compose the parts yourself as children:
 *
 * ```tsx
 * <ConversationItem id={id}>
 *   <ConversationItem.Avatar />
 *   <ConversationItem.Title />
 * </ConversationItem>
 * ```
 */
export const ConversationItem = Object.assign(memo(ConversationItemImpl), {
  Root: ConversationItemRoot,
  Avatar: ConversationItemAvatar,
  Title: ConversationItemTitle,
  Time: ConversationItemTime,
  Preview: ConversationItemPreview,
  UnreadBadge: ConversationItemUnreadBadge,
  PinIndicator: ConversationItemPinIndicator,
  MuteIndicator: ConversationItemMuteIndicator,
  StarIndicator: ConversationItemStarIndicator,
  PrivateChatIndicator: ConversationItemPrivateChatIndicator,
  PendingIndicator: ConversationItemPendingIndicator,
  FailureNotice: ConversationItemFailureNotice,
});
