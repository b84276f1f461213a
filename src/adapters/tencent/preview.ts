/**
 * A Tencent last message described for the row: what it is (`kind`), its own text (`preview`) and a detail. The SDK's
 * `messageForShow` is a ready label in one language (`[图片]`, or `[Image]` on international sites), which would
 * reach zh-CN and ja users as such; the row names the kind in the reader's language instead, from the message type.
 */
import type { LastMessage, PreviewKind } from '../../core/types.js';
import { durationDetail } from '../durationDetail.js';
import type { TencentTypes } from './types.js';

type Bag = Record<string, unknown>;

const bag = (value: unknown): Bag => (typeof value === 'object' && value !== null ? (value as Bag) : {});
const str = (value: unknown): string => (typeof value === 'string' ? value : '');

/** What a message says for itself: its kind, its text and a detail (a file name, a place, a length). */
export type TencentPreview = Pick<LastMessage, 'preview' | 'kind' | 'detail'>;

function described(kind: PreviewKind, detail = '', preview = ''): TencentPreview {
  const out: TencentPreview = { preview, kind };
  if (detail) out.detail = detail;
  return out;
}

/**
 * Describes `lastMessage` (`{ type, payload, messageForShow, isRevoked }`). A text message, or one whose type the
 * SDK has not filled in (seeds, older caches), keeps its text and no kind; a type this table does not know is
 * `unsupported`, never its label.
 */
export function describeTencentMessage(message: Bag, types: TencentTypes): TencentPreview {
  if (message.isRevoked === true) return described('revoked');
  const type = str(message.type);
  const payload = bag(message.payload);
  switch (type) {
    case '':
      return { preview: str(message.messageForShow) };
    case types.MSG_TEXT:
      return { preview: str(payload.text) || str(message.messageForShow) };
    case types.MSG_IMAGE:
      return described('image');
    case types.MSG_AUDIO:
      return described('voice', durationDetail(payload.second));
    case types.MSG_VIDEO:
      return described('video', durationDetail(payload.videoSecond));
    case types.MSG_FILE:
      return described('file', str(payload.fileName));
    case types.MSG_LOCATION:
      return described('location', str(payload.description));
    case types.MSG_CUSTOM:
      // A custom message's description is the app's own text for it.
      return described('custom', '', str(payload.description));
    case types.MSG_FACE:
      return described('sticker');
    case types.MSG_MERGER:
      return described('chatHistory', str(payload.title));
    case types.MSG_GRP_TIP:
    case types.MSG_GRP_SYS_NOTICE:
      return described('groupNotice');
    default:
      return described('unsupported');
  }
}
