import type { TencentEvents, TencentNamespaceLike, TencentRuntimeConstants, TencentTypes } from './types.js';

/**
 * The runtime values of `TencentCloudChat.TYPES` in `@tencentcloud/chat` 3.6.6 (read from its `index.js`), used
 * when neither the `TencentCloudChat` option nor the instance's class provides them.
 *
 * The marks are bit values STAR=1, UNREAD=2, FOLD=4, HIDE=8. The package's `index.d.ts` declares FOLD=0x3 and
 * HIDE=0x4, which is wrong: never use literals from the typings.
 */
export const TENCENT_TYPES_FALLBACK: Readonly<TencentTypes> = Object.freeze({
  CONV_C2C: 'C2C',
  CONV_GROUP: 'GROUP',
  CONV_SYSTEM: '@TIM#SYSTEM',
  CONV_TOPIC: 'TOPIC',
  CONV_AT_ME: 1,
  CONV_AT_ALL: 2,
  CONV_AT_ALL_AT_ME: 3,
  CONV_MARK_TYPE_STAR: 1,
  CONV_MARK_TYPE_UNREAD: 2,
  CONV_MARK_TYPE_FOLD: 4,
  CONV_MARK_TYPE_HIDE: 8,
  GRP_AVCHATROOM: 'AVChatRoom',
  MSG_REMIND_ACPT_AND_NOTE: 'AcceptAndNotify',
  MSG_REMIND_ACPT_NOT_NOTE: 'AcceptNotNotify',
  MSG_REMIND_DISCARD: 'Discard',
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: 'AcceptNotNotifyExceptAt',
  NOT_RECEIVE_MSG_EXCEPT_AT: 'NotReceiveMsgExceptAt',
  READ_ALL_MSG: 'readAllMessage',
  MSG_TEXT: 'TIMTextElem',
  MSG_IMAGE: 'TIMImageElem',
  MSG_AUDIO: 'TIMSoundElem',
  MSG_VIDEO: 'TIMVideoFileElem',
  MSG_FILE: 'TIMFileElem',
  MSG_CUSTOM: 'TIMCustomElem',
  MSG_FACE: 'TIMFaceElem',
  MSG_LOCATION: 'TIMLocationElem',
  MSG_MERGER: 'TIMRelayElem',
  MSG_GRP_TIP: 'TIMGroupTipElem',
  MSG_GRP_SYS_NOTICE: 'TIMGroupSystemNoticeElem',
});

/** The runtime values of the `TencentCloudChat.EVENT` names the adapter listens to (3.6.6). */
export const TENCENT_EVENT_FALLBACK: Readonly<TencentEvents> = Object.freeze({
  SDK_READY: 'sdkStateReady',
  SDK_NOT_READY: 'sdkStateNotReady',
  CONVERSATION_LIST_UPDATED: 'onConversationListUpdated',
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: 'onTotalUnreadMessageCountUpdated',
  CONVERSATION_GROUP_LIST_UPDATED: 'onConversationGroupListUpdated',
  CONVERSATION_IN_GROUP_UPDATED: 'onConversationInGroupUpdated',
});

const MARK_KEYS = ['CONV_MARK_TYPE_STAR', 'CONV_MARK_TYPE_UNREAD', 'CONV_MARK_TYPE_FOLD', 'CONV_MARK_TYPE_HIDE'] as const;

/** An object or a function (the SDK's namespace is a class): not the plain-record check of `core/isRecord`. */
function isObjectLike(value: unknown): value is Record<string, unknown> {
  return (typeof value === 'object' || typeof value === 'function') && value !== null;
}

/** Takes each key from `source` when it has the same primitive type as the fallback's value. */
function overlay<T extends object>(fallback: Readonly<T>, source: unknown): T {
  const out = { ...fallback } as Record<string, unknown>;
  if (!isObjectLike(source)) return out as T;
  for (const key of Object.keys(fallback)) {
    const value = source[key];
    if (typeof value === typeof out[key]) out[key] = value;
  }
  return out as T;
}

const isPowerOfTwo = (n: number) => Number.isInteger(n) && n > 0 && n <= 2 ** 30 && (n & (n - 1)) === 0;

/**
 * Resolves `TYPES` and `EVENT`: from the `TencentCloudChat` option first, then from static members of the
 * instance's class (`chat.constructor.TYPES`), then {@link TENCENT_TYPES_FALLBACK} / {@link TENCENT_EVENT_FALLBACK}.
 * The real 3.6.6 instance is a null-prototype object, so pass the namespace or rely on the fallback.
 *
 * Mark values that are not distinct single bits (as the typings' FOLD=3 would be) are ignored in favour of the
 * fallback bits, because a mark must be a flag.
 */
export function resolveTencentConstants(chat: unknown, namespace?: TencentNamespaceLike): TencentRuntimeConstants {
  const ctor = isObjectLike(chat) && isObjectLike(chat.constructor) ? chat.constructor : undefined;
  const source = namespace ?? (ctor && (isObjectLike(ctor.TYPES) || isObjectLike(ctor.EVENT)) ? ctor : undefined);
  const record: Record<string, unknown> = isObjectLike(source) ? source : {};
  const types = overlay(TENCENT_TYPES_FALLBACK, record.TYPES);
  const marks = MARK_KEYS.map((key) => types[key]);
  if (!marks.every(isPowerOfTwo) || new Set(marks).size !== marks.length) {
    for (const key of MARK_KEYS) types[key] = TENCENT_TYPES_FALLBACK[key];
  }
  return { TYPES: Object.freeze(types), EVENT: Object.freeze(overlay(TENCENT_EVENT_FALLBACK, record.EVENT)) };
}
