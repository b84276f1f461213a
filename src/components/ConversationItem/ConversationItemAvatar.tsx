'use client';
import { forwardRef, useState } from 'react';
import { safeAvatarUrl } from '../../core/validate.js';
import { useInboxLocale } from '../../react/context.js';
import { avatarColorIndex, getInitials } from '../internal/initials.js';
import { renderChildren, type PartProps } from '../internal/parts.js';
import { resolveStyleProps } from '../internal/renderProps.js';
import { useConversationItemContext, type ConversationItemRenderProps } from './context.js';

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
  { src: srcProp, alt = '', className, style, children, ...rest },
  ref,
) {
  const { state: item } = useConversationItemContext('<ConversationItem.Avatar>');
  const { locale } = useInboxLocale();
  const conversation = item.conversation;
  const src = safeAvatarUrl(srcProp ?? conversation?.avatarUrl);
  // Keyed by URL: a new URL starts loading again without an effect.
  const [loadState, setLoadState] = useState<{ src: string; status: 'loaded' | 'error' } | null>(null);
  if (!conversation) return null;

  const imageStatus: AvatarImageStatus = !src ? 'none' : loadState?.src === src ? loadState.status : 'loading';
  const state: ConversationItemAvatarRenderProps = {
    ...item,
    src,
    imageStatus,
    initials: getInitials(conversation.title, locale),
    colorIndex: avatarColorIndex(conversation.id),
  };
  const resolved = resolveStyleProps('ik-ConversationItem-avatar', { className, style }, state);
  const fallback = (
    <>
      {imageStatus !== 'loaded' && (
        <span className="ik-ConversationItem-initials" aria-hidden="true">
          {state.initials}
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
          onLoad={() => setLoadState({ src, status: 'loaded' })}
          onError={() => setLoadState({ src, status: 'error' })}
        />
      )}
    </>
  );

  return (
    <span
      aria-hidden={alt ? undefined : true}
      {...rest}
      ref={ref}
      className={resolved.className}
      style={resolved.style}
      data-color={state.colorIndex}
      data-image-status={imageStatus}
    >
      {renderChildren(children, state, fallback)}
    </span>
  );
});
