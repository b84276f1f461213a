/**
 * The part of `@openim/wasm-client-sdk` 3.8.5 that the adapter uses, typed structurally so that the kit's
 * published types do not depend on the optional peer package. The real `getSDK()` instance is assignable to
 * `OpenIMSdk` (checked by `tsc` in `test/adapters/openim.test.ts`), and so is the fake of `inboxkit/testing`.
 *
 * Numeric and string values of the SDK's enums are repeated here as constants, each documented against the
 * enum member it mirrors (the runtime of the package is never loaded).
 */

/** `CbEvents` names the adapter listens to (values of the SDK's `CbEvents` string enum). */
export const OPENIM_EVENTS = {
  /** `CbEvents.OnNewConversation`: rows inserted into the local table (deltas). */
  OnNewConversation: 'OnNewConversation',
  /** `CbEvents.OnConversationChanged`: rows changed, including hidden rows that re-appear (deltas, may be `[]`). */
  OnConversationChanged: 'OnConversationChanged',
  /** `CbEvents.OnTotalUnreadMessageCountChanged`: `data` is the new total. */
  OnTotalUnreadMessageCountChanged: 'OnTotalUnreadMessageCountChanged',
  /** `CbEvents.OnSyncServerStart`: `data` is `reinstalled: boolean`. */
  OnSyncServerStart: 'OnSyncServerStart',
  /** `CbEvents.OnSyncServerProgress`: `data` is a percentage. */
  OnSyncServerProgress: 'OnSyncServerProgress',
  /** `CbEvents.OnSyncServerFinish`. */
  OnSyncServerFinish: 'OnSyncServerFinish',
  /** `CbEvents.OnSyncServerFailed`. */
  OnSyncServerFailed: 'OnSyncServerFailed',
  /** `CbEvents.OnConversationGroupAdded` (enterprise builds): `ConversationGroup[]`. */
  OnConversationGroupAdded: 'OnConversationGroupAdded',
  /** `CbEvents.OnConversationGroupDeleted` (enterprise builds): `ConversationGroup[]`. */
  OnConversationGroupDeleted: 'OnConversationGroupDeleted',
  /** `CbEvents.OnConversationGroupChanged` (enterprise builds): `ConversationGroup[]`. */
  OnConversationGroupChanged: 'OnConversationGroupChanged',
  /** `CbEvents.OnConversationGroupMemberAdded` (enterprise builds): `{ group, conversationIDs, conversations }`. */
  OnConversationGroupMemberAdded: 'OnConversationGroupMemberAdded',
  /** `CbEvents.OnConversationGroupMemberDeleted` (enterprise builds): `{ group, conversationIDs, conversations }`. */
  OnConversationGroupMemberDeleted: 'OnConversationGroupMemberDeleted',
} as const;

/** One of the event names in `OPENIM_EVENTS`. */
export type OpenIMEventName = (typeof OPENIM_EVENTS)[keyof typeof OPENIM_EVENTS];

/** `SessionType` values: 1 `Single`, 3 `Group`/`WorkingGroup`, 4 `Notification`. 2 is the legacy write-group (`g_` ids), never used. */
export const OPENIM_SESSION_TYPE = {
  /** `SessionType.Single` (`si_` ids). */
  single: 1,
  /** Legacy session type 2 (`g_` ids): not used by 3.x lists; recognised when reading only. */
  legacyGroup: 2,
  /** `SessionType.WorkingGroup` / `SessionType.Group` (`sg_` ids). */
  group: 3,
  /** `SessionType.Notification` (`sn_` ids). */
  notification: 4,
} as const;

/** `GroupAtType` values: the @-state the server keeps on a group conversation. */
export const OPENIM_GROUP_AT_TYPE = {
  /** `GroupAtType.AtNormal`. */
  normal: 0,
  /** `GroupAtType.AtMe`. */
  atMe: 1,
  /** `GroupAtType.AtAll`. */
  atAll: 2,
  /** `GroupAtType.AtAllAtMe`. */
  atAllAtMe: 3,
  /** `GroupAtType.AtGroupNotice` (the announcement changed). */
  groupNotice: 4,
} as const;

/** `MessageReceiveOptType` values (`recvMsgOpt`, `globalRecvMsgOpt`). */
export const OPENIM_RECV_MSG_OPT = {
  /** `MessageReceiveOptType.Normal`: receive and notify. */
  normal: 0,
  /** `MessageReceiveOptType.NotReceive`: do not receive. Still counted in OpenIM's total unread. */
  notReceive: 1,
  /** `MessageReceiveOptType.NotNotify`: receive silently; not counted in the total unread. */
  notNotify: 2,
} as const;

/** `MessageType` values used to build previews (`contentType` of a `MessageItem`). */
export const OPENIM_MESSAGE_TYPE = {
  text: 101,
  picture: 102,
  voice: 103,
  video: 104,
  file: 105,
  atText: 106,
  merge: 107,
  card: 108,
  location: 109,
  custom: 110,
  typing: 113,
  quote: 114,
  face: 115,
  markdown: 118,
  stream: 143,
  friendAdded: 1201,
  oaNotification: 1400,
  groupCreated: 1501,
  groupInfoUpdated: 1502,
  memberQuit: 1504,
  groupOwnerTransferred: 1507,
  memberKicked: 1508,
  memberInvited: 1509,
  memberEnter: 1510,
  groupDismissed: 1511,
  groupMemberMuted: 1512,
  groupMemberCancelMuted: 1513,
  groupMuted: 1514,
  groupCancelMuted: 1515,
  groupAnnouncementUpdated: 1519,
  groupNameUpdated: 1520,
  burnMessageChange: 1701,
  revoke: 2101,
  msgPinned: 2400,
} as const;

/** `ConversationGroupType` values of the enterprise conversation-group API. */
export const OPENIM_CONVERSATION_GROUP_TYPE = {
  /** `ConversationGroupType.ConversationGroupTypeNormal`: a user-made group. */
  normal: 0,
  /** `ConversationGroupType.ConversationGroupTypeFilter`. */
  filter: 1,
  /** `ConversationGroupType.ConversationGroupTypeAll`. */
  all: 2,
} as const;

/** OpenIM error codes the adapter interprets (core `sdkerrs`, server `errs`). */
export const OPENIM_ERROR_CODE = {
  /** Server `errs`: invalid arguments. */
  args: 1001,
  /** Server `errs`: record not found. */
  recordNotFound: 1004,
  /** Core `sdkerrs.ArgsError`; the wasm DB layer also uses 10002 for "record not found". */
  sdkArgs: 10002,
  /** Core: the SDK is not initialised. */
  notInit: 10008,
  /** Core: the user is not logged in. */
  notLogin: 10009,
  /** Core: unsupported operation. */
  unsupportedOp: 10301,
  /** Core: the unread count is already zero (mark-as-read on a read conversation). */
  unreadCountZero: 10303,
} as const;

/**
 * A row of the SDK's local conversation table (`ConversationItem`). Times are in ms; `latestMsg` is a JSON
 * string of a `MessageItem` (or `""`). `latestMsgSendTime` 0 means the conversation is hidden.
 */
export interface OpenIMConversationItem {
  conversationID: string;
  conversationType: number;
  userID: string;
  groupID: string;
  showName: string;
  faceURL: string;
  recvMsgOpt: number;
  unreadCount: number;
  groupAtType: number;
  latestMsg: string;
  latestMsgSendTime: number;
  draftText: string;
  draftTextTime: number;
  burnDuration: number;
  msgDestructTime: number;
  isPinned: boolean;
  isNotInGroup: boolean;
  isPrivateChat: boolean;
  isMsgDestruct: boolean;
  isMarked: boolean;
  attachedInfo: string;
  ex?: string;
  remark?: string;
}

/** An enterprise conversation group (`ConversationGroup`), identified by id. */
export interface OpenIMConversationGroup {
  conversationGroupID: string;
  name: string;
  serial: number;
  version: number;
  ex?: string;
  conversationGroupType: number;
  hidden: boolean;
  unreadCount: number;
  conversationIDs: string[];
}

/**
 * What every SDK call resolves to (`WsResponse`). On success the 3.8.5 wrapper fills only `{ event, data,
 * operationID }`; a failure rejects with `{ event, operationID, errCode, errMsg }`, or without `errCode` when the
 * call is declared by the wrapper but not backed by the bundled wasm.
 */
export interface OpenIMResponse<T> {
  data: T;
  errCode?: number;
  errMsg?: string;
  event?: string;
  operationID?: string;
}

/** The payload of an SDK event (`WSEvent`): the useful part is `data`. */
export interface OpenIMEventPayload {
  data: unknown;
  event?: string;
  errCode?: number;
  errMsg?: string;
  operationID?: string;
}

/** A listener registered with `sdk.on`. */
export type OpenIMEventHandler = (payload: OpenIMEventPayload) => void;

/**
 * The instance returned by `getSDK()` of `@openim/wasm-client-sdk`, reduced to what the adapter uses.
 * Methods marked optional are feature-detected: some are absent from the 3.8.5 wrapper, and some exist as
 * functions but are not backed by the bundled wasm (they reject without `errCode`).
 */
export interface OpenIMSdk {
  on(event: string, handler: OpenIMEventHandler): unknown;
  off(event: string, handler: OpenIMEventHandler): unknown;

  getConversationListSplit(params: { offset: number; count: number }): Promise<OpenIMResponse<OpenIMConversationItem[]>>;
  getAllConversationList?(): Promise<OpenIMResponse<OpenIMConversationItem[]>>;
  getMultipleConversation?(conversationIDs: string[]): Promise<OpenIMResponse<OpenIMConversationItem[]>>;
  getOneConversation(params: { sourceID: string; sessionType: number }): Promise<OpenIMResponse<OpenIMConversationItem>>;
  getTotalUnreadMsgCount(): Promise<OpenIMResponse<number>>;

  setConversation(params: {
    conversationID: string;
    recvMsgOpt?: number;
    groupAtType?: number;
    burnDuration?: number;
    isPinned?: boolean;
    isPrivateChat?: boolean;
    isMarked?: boolean;
    /** Per user and server-synced: emulated groups and marks (under the kit's key) and the app's custom data. */
    ex?: string;
  }): Promise<OpenIMResponse<unknown>>;
  setConversationDraft(params: { conversationID: string; draftText: string }): Promise<OpenIMResponse<unknown>>;
  markConversationMessageAsRead(conversationID: string): Promise<OpenIMResponse<unknown>>;
  hideConversation(conversationID: string): Promise<OpenIMResponse<unknown>>;
  deleteConversationAndDeleteAllMsg(conversationID: string): Promise<OpenIMResponse<unknown>>;

  /** The logged-in user's id; used to key the default group registry. */
  getLoginUserID?(): Promise<OpenIMResponse<string>>;
  /** `setSelfInfo({ globalRecvMsgOpt })`, the current way to set the global receive option. */
  setSelfInfo?(params: { globalRecvMsgOpt?: number }): Promise<OpenIMResponse<unknown>>;
  /** Deprecated alias of `setSelfInfo({ globalRecvMsgOpt })`. */
  setGlobalRecvMessageOpt?(opt: number): Promise<OpenIMResponse<unknown>>;
  /** The user's own profile (`SelfUserInfo`), whose `globalRecvMsgOpt` is the account-wide receive option. */
  getSelfUserInfo?(): Promise<OpenIMResponse<unknown>>;

  // Present in the Go core but not exposed by the 3.8.5 wrapper: used when a later wrapper adds them.
  markAllConversationMessageAsRead?(): Promise<OpenIMResponse<unknown>>;
  hideAllConversations?(): Promise<OpenIMResponse<unknown>>;

  // Enterprise conversation groups: declared by 3.8.5, backed only by commercial cores.
  createConversationGroup?(params: {
    name: string;
    order?: number;
    ex?: string;
    conversationID?: string;
    conversationGroupType?: number;
  }): Promise<OpenIMResponse<OpenIMConversationGroup>>;
  updateConversationGroup?(params: {
    conversationGroupID: string;
    name?: string;
    ex?: string;
    hidden?: boolean;
  }): Promise<OpenIMResponse<OpenIMConversationGroup>>;
  deleteConversationGroup?(conversationGroupID: string): Promise<OpenIMResponse<unknown>>;
  getConversationGroups?(conversationGroupType: number): Promise<OpenIMResponse<OpenIMConversationGroup[]>>;
  addConversationsToGroups?(params: { conversationIDs: string[]; conversationGroupIDs: string[] }): Promise<OpenIMResponse<unknown>>;
  removeConversationsFromGroups?(params: {
    conversationIDs: string[];
    conversationGroupIDs: string[];
  }): Promise<OpenIMResponse<unknown>>;
}

/** Names of the SDK methods the adapter may call (everything but `on`/`off`). */
export type OpenIMMethod = Exclude<keyof OpenIMSdk, 'on' | 'off'>;
