/**
 * An OpenIM last message (`latestMsg`, a `MessageItem`) described for the row: what it is (`kind`), its own text
 * (`preview`, plain text, `''` when it has none) and a detail. The row names the kind in the reader's language, so
 * nothing here is a label in any language (the old `previewLabels` wrote English ones into `preview`).
 */
import { isRecord } from '../../core/isRecord.js';
import type { LastMessage, PreviewKind } from '../../core/types.js';
import { durationDetail } from '../durationDetail.js';
import { parseJsonObject } from './json.js';
import { OPENIM_MESSAGE_TYPE } from './sdk.js';
import { toPlainText } from './text.js';

type Json = Record<string, unknown>;

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** What a message says for itself, and whether it was revoked. */
export type OpenIMPreview = Pick<LastMessage, 'preview' | 'kind' | 'detail'> & { isRevoked: boolean };

const elem = (message: Json, name: string): Json => parseJsonObject(message[name]) ?? {};

/** The text of a text message: `textElem.content`, or the legacy JSON `content` field. */
function textOf(message: Json): string {
  const fromElem = str(elem(message, 'textElem').content);
  if (fromElem !== undefined) return fromElem;
  const content = message.content;
  const parsed = parseJsonObject(content);
  if (parsed) return str(parsed.content) ?? str(parsed.text) ?? '';
  return str(content) ?? '';
}

/** An @-message: `@userID` tokens are replaced by the names the SDK sends along. */
function atTextOf(message: Json): string {
  const at = elem(message, 'atTextElem');
  let text = str(at.text) ?? '';
  for (const user of Array.isArray(at.atUsersInfo) ? (at.atUsersInfo as unknown[]) : []) {
    if (!isRecord(user)) continue;
    const id = str(user.atUserID);
    const name = str(user.groupNickname);
    if (id && name) text = text.split(`@${id}`).join(`@${name}`);
  }
  return text;
}

function stripMarkdown(text: string): string {
  return text
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s{0,3}(#{1,6}|>|[-*+]|\d+\.)\s+/gm, '')
    .replace(/(\*\*|__|~~|`{1,3})/g, '');
}

/** A message of its own text: an empty one (a quote of nothing, a stream not started) is `unsupported`. */
function text(raw: string): OpenIMPreview {
  const preview = toPlainText(raw);
  return preview ? { preview, isRevoked: false } : described('unsupported');
}

function described(kind: PreviewKind, detail?: string, preview = ''): OpenIMPreview {
  const out: OpenIMPreview = { preview: toPlainText(preview), kind, isRevoked: kind === 'revoked' };
  const clean = detail ? toPlainText(detail) : '';
  if (clean) out.detail = clean;
  return out;
}

/** Describes a `MessageItem` by its `contentType`. Types the kit has no kind for are `unsupported`. */
export function describeOpenIMMessage(message: Json): OpenIMPreview {
  const T = OPENIM_MESSAGE_TYPE;
  const type = typeof message.contentType === 'number' ? message.contentType : 0;
  switch (type) {
    case T.text:
      return { preview: toPlainText(textOf(message)), isRevoked: false };
    case T.atText:
      return { preview: toPlainText(atTextOf(message)), isRevoked: false };
    case T.quote:
      return text(str(elem(message, 'quoteElem').text) ?? '');
    case T.markdown:
      return text(stripMarkdown(str(elem(message, 'markdownTextElem').content) ?? ''));
    case T.stream:
      return text(str(elem(message, 'streamElem').content) ?? '');
    case T.picture:
      return described('image');
    case T.voice:
      return described('voice', durationDetail(elem(message, 'soundElem').duration));
    case T.video:
      return described('video', durationDetail(elem(message, 'videoElem').duration));
    case T.file:
      return described('file', str(elem(message, 'fileElem').fileName));
    case T.card:
      return described('card', str(elem(message, 'cardElem').nickname));
    case T.location:
      return described('location', str(elem(message, 'locationElem').description));
    case T.custom:
      // A custom message's description is the app's own text for it.
      return described('custom', undefined, str(elem(message, 'customElem').description) ?? '');
    case T.face:
      return described('sticker');
    case T.merge:
      return described('chatHistory', str(elem(message, 'mergeElem').title));
    case T.revoke:
      return described('revoked');
    case T.friendAdded:
      return described('friendAdded');
    case T.burnMessageChange:
      return described('privateChatChanged');
    default:
      // 1500-1599: group notifications (created, renamed, members in and out, muted, announcement...).
      if (type >= 1500 && type < 1600) return described('groupNotice');
      // Pinned messages, other notifications and unknown types: the kit has no kind for them yet.
      return described('unsupported');
  }
}
