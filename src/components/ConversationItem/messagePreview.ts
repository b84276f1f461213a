import type { LastMessage, PreviewKind } from '../../core/types.js';
import type { ConversationItemMessageId } from '../internal/i18n.js';

/** The kinds a row names with a label of their own: `text` shows the message itself, `revoked` has its own sentence. */
export type LabelledPreviewKind = Exclude<PreviewKind, 'text' | 'revoked'>;

const LABELS = {
  image: 'item.preview.image',
  voice: 'item.preview.voice',
  video: 'item.preview.video',
  file: 'item.preview.file',
  card: 'item.preview.card',
  location: 'item.preview.location',
  custom: 'item.preview.custom',
  sticker: 'item.preview.sticker',
  chatHistory: 'item.preview.chatHistory',
  friendAdded: 'item.preview.friendAdded',
  privateChatChanged: 'item.preview.privateChatChanged',
  groupNotice: 'item.preview.groupNotice',
  unsupported: 'item.preview.unsupported',
} as const satisfies Record<LabelledPreviewKind, ConversationItemMessageId>;

/** How a row describes a last message: what it is, and the backend's own words about it (text, never HTML). */
export interface MessagePreview {
  kind: PreviewKind;
  /** The message id of the localised label (`[Image]`, `[图片]`), for every kind but `text` and `revoked`. */
  labelId: ConversationItemMessageId | undefined;
  /** What follows the label, or the whole preview for text: the detail (a file name) and the message's own text. */
  text: string;
}

/**
 * Reads a last message as the row shows it. Adapters describe what a message is (`kind`, `detail`) and never put
 * labels in a language into `preview`, so the label comes from the provider's message table here. A kind this
 * version does not know (a newer adapter) reads as `unsupported` rather than as an empty line.
 */
export function messagePreview(message: LastMessage): MessagePreview {
  const kind: PreviewKind = message.isRevoked ? 'revoked' : (message.kind ?? 'text');
  if (kind === 'text' || kind === 'revoked') return { kind, labelId: undefined, text: kind === 'text' ? message.preview : '' };
  const labelId = (LABELS as Record<string, ConversationItemMessageId | undefined>)[kind] ?? LABELS.unsupported;
  // The detail names the thing (a file, a place); the preview is the message's own text, such as a custom message's
  // description. Either may be empty.
  const text = [message.detail, message.preview].filter((part) => part !== undefined && part.trim() !== '').join(' ');
  return { kind, labelId, text };
}
