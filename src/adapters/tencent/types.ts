/**
 * Structural types for the parts of `@tencentcloud/chat` 3.6.6 the adapter uses. They are written by hand so that
 * the published types do not depend on the SDK package (an optional peer), and they are checked against the real
 * `ChatSDK` type in the tests. Enum-typed SDK fields are `string | number` here, which every `TencentCloudChat.TYPES`
 * member is assignable to.
 */

/** The payload the SDK passes to an event handler: `{ name, data }`, plus `isSyncCompleted` on list events. */
export interface TencentSdkEvent {
  name?: string;
  data?: unknown;
  isSyncCompleted?: boolean;
}

/** A handler registered with `chat.on`. */
export type TencentEventHandler = (event: TencentSdkEvent) => void;

/** `conversationIDList` results of the mark and group APIs. */
export interface TencentBatchResponseData {
  successConversationIDList?: readonly string[];
  failureConversationIDList?: readonly { conversationID?: string; code?: number; message?: string }[];
}

/**
 * The instance the app created with `TencentCloudChat.create(...)`: only the members the adapter calls.
 * The real `ChatSDK` type is assignable to it.
 */
export interface TencentChatLike {
  on(eventName: string, handler: TencentEventHandler): void;
  off(eventName: string, handler: TencentEventHandler): void;
  /** `true` after `SDK_READY`. */
  isReady?(): boolean;

  /** Without options: the full cached list. With ids: those that are cached, in list order. */
  getConversationList(options?: string[]): Promise<unknown>;
  getConversationProfile(conversationID: string): Promise<unknown>;
  deleteConversation(options: { conversationIDList: string[]; clearHistoryMessage?: boolean }): Promise<unknown>;
  setConversationDraft(options: { conversationID: string; draftText: string }): Promise<unknown>;
  pinConversation(options: { conversationID: string; isPinned: boolean }): Promise<unknown>;
  setMessageRead(options: { conversationID: string }): Promise<unknown>;
  setAllMessageRead(options: { scope: string | number }): Promise<unknown>;
  setMessageRemindType(options: { groupID?: string; userIDList?: string[]; messageRemindType: string | number }): Promise<unknown>;
  /** A number once ready; a rejected Promise before `SDK_READY`. */
  getTotalUnreadMessageCount(): number | PromiseLike<unknown>;
  markConversation(options: { conversationIDList: string[]; markType: number; enableMark: boolean }): Promise<unknown>;
  /** Custom data of at most 256 characters; success and failure lists per conversation. Feature-detected. */
  setConversationCustomData?(options: { conversationIDList: string[]; customData: string }): Promise<unknown>;

  getConversationGroupList(): Promise<unknown>;
  createConversationGroup(options: { conversationIDList: string[]; groupName: string }): Promise<unknown>;
  deleteConversationGroup(groupName: string): Promise<unknown>;
  renameConversationGroup(options: { oldName: string; newName: string }): Promise<unknown>;
  addConversationsToGroup(options: { conversationIDList: string[]; groupName: string }): Promise<unknown>;
  deleteConversationsFromGroup(options: { conversationIDList: string[]; groupName: string }): Promise<unknown>;
}

/** The `TencentCloudChat.TYPES` values the adapter reads. */
export interface TencentTypes {
  CONV_C2C: string;
  CONV_GROUP: string;
  CONV_SYSTEM: string;
  CONV_TOPIC: string;
  CONV_AT_ME: number;
  CONV_AT_ALL: number;
  CONV_AT_ALL_AT_ME: number;
  CONV_MARK_TYPE_STAR: number;
  CONV_MARK_TYPE_UNREAD: number;
  CONV_MARK_TYPE_FOLD: number;
  CONV_MARK_TYPE_HIDE: number;
  GRP_AVCHATROOM: string;
  MSG_REMIND_ACPT_AND_NOTE: string;
  MSG_REMIND_ACPT_NOT_NOTE: string;
  MSG_REMIND_DISCARD: string;
  NOT_RECEIVE_OFFLINE_PUSH_EXCEPT_AT: string;
  NOT_RECEIVE_MSG_EXCEPT_AT: string;
  READ_ALL_MSG: string;
  /** Message types (`lastMessage.type`), to describe a last message by kind instead of `messageForShow`'s label. */
  MSG_TEXT: string;
  MSG_IMAGE: string;
  MSG_AUDIO: string;
  MSG_VIDEO: string;
  MSG_FILE: string;
  MSG_CUSTOM: string;
  MSG_FACE: string;
  MSG_LOCATION: string;
  MSG_MERGER: string;
  MSG_GRP_TIP: string;
  MSG_GRP_SYS_NOTICE: string;
}

/** The `TencentCloudChat.EVENT` names the adapter listens to. */
export interface TencentEvents {
  SDK_READY: string;
  SDK_NOT_READY: string;
  CONVERSATION_LIST_UPDATED: string;
  TOTAL_UNREAD_MESSAGE_COUNT_UPDATED: string;
  CONVERSATION_GROUP_LIST_UPDATED: string;
  CONVERSATION_IN_GROUP_UPDATED: string;
}

/** Runtime constants, resolved once per adapter. */
export interface TencentRuntimeConstants {
  TYPES: TencentTypes;
  EVENT: TencentEvents;
}

/**
 * What the app may pass as `TencentCloudChat`: the SDK namespace itself (`import TencentCloudChat from
 * '@tencentcloud/chat'`) or any object with some of its `TYPES` / `EVENT` values.
 */
export interface TencentNamespaceLike {
  TYPES?: Partial<Record<keyof TencentTypes, string | number>>;
  EVENT?: Partial<Record<keyof TencentEvents, string | number>>;
}
