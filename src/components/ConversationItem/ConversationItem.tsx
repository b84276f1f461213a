'use client';
import { forwardRef, memo, type ComponentType } from 'react';
import { ConversationItemAvatar, type ConversationItemAvatarProps } from './ConversationItemAvatar.js';
import { ConversationItemFailureNotice, type ConversationItemFailureNoticeProps } from './ConversationItemFailureNotice.js';
import {
  ConversationItemMuteIndicator,
  ConversationItemPendingIndicator,
  ConversationItemPinIndicator,
  ConversationItemUnreadBadge,
  type ConversationItemMuteIndicatorProps,
  type ConversationItemPendingIndicatorProps,
  type ConversationItemPinIndicatorProps,
  type ConversationItemUnreadBadgeProps,
} from './ConversationItemIndicators.js';
import { ConversationItemRoot, type ConversationItemRootProps } from './ConversationItemRoot.js';
import { useConversationItemState } from './context.js';
import {
  ConversationItemPreview,
  ConversationItemTime,
  ConversationItemTitle,
  type ConversationItemPreviewProps,
  type ConversationItemTimeProps,
  type ConversationItemTitleProps,
} from './ConversationItemText.js';

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
  PendingIndicator?: ComponentType<ConversationItemPendingIndicatorProps>;
  FailureNotice?: ComponentType<ConversationItemFailureNoticeProps>;
}

export interface ConversationItemProps extends ConversationItemRootProps {
  /** Parts to use instead of the defaults; keep the object stable. */
  components?: ConversationItemComponents;
}

function DefaultLayout({ components = {} }: { components?: ConversationItemComponents }) {
  const { conversation } = useConversationItemState();
  const {
    Avatar = ConversationItemAvatar,
    Title = ConversationItemTitle,
    Time = ConversationItemTime,
    Preview = ConversationItemPreview,
    UnreadBadge = ConversationItemUnreadBadge,
    PinIndicator = ConversationItemPinIndicator,
    MuteIndicator = ConversationItemMuteIndicator,
    PendingIndicator = ConversationItemPendingIndicator,
    FailureNotice = ConversationItemFailureNotice,
  } = components;
  if (!conversation) return null;
  return (
    <>
      <Avatar />
      <div className="ik-ConversationItem-body">
        <div className="ik-ConversationItem-header">
          <Title />
          <PinIndicator />
          <MuteIndicator />
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
 * One conversation row: avatar, title, pin and mute indicators, time, preview, pending spinner, unread badge and
 * an inline failure notice. Memoized and driven by primitive props (`id`, `isSelected`, `isFocused`, ...), it
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
  PendingIndicator: ConversationItemPendingIndicator,
  FailureNotice: ConversationItemFailureNotice,
});
