/**
 * The simulator: plays what a server would push (a message arriving, another device reading a conversation or
 * renaming a group, a sync) so that demos, stories and tests can drive the UI without a server. Each push changes
 * the backend synchronously and emits its events at once, through the same changes as the commands, so a pushed
 * change obeys the same limits and looks to the app exactly like a real one. Unlike a command, a push that breaks
 * a rule throws: it is the demo or the test that is wrong.
 */
import { InboxError, toInboxError } from '../../core/errors.js';
import { isRecord } from '../../core/isRecord.js';
import type { Conversation, ConversationId, LastMessage, Mention, MentionKind, PreviewKind } from '../../core/types.js';
import { PREVIEW_KINDS } from '../../core/types.js';
import { assertBoolean, assertConversationId, assertGroupName, assertString } from '../../core/validate.js';
import type { MemoryChanges } from './changes.js';
import { checkTime, conversationNotFound, invalid } from './errors.js';
import { derive, MENTION_KINDS, toConversation } from './normalize.js';
import type { MemoryTables } from './tables.js';

const EMPTY: readonly never[] = Object.freeze([]);

/** A message as `simulate.message` receives it. */
export interface SimulatedMessage {
  /** The message's own text (`''` for an image, a sticker...). */
  preview: string;
  /** What the message is, for the row to name it in the user's language. @default 'text' */
  kind?: PreviewKind;
  /** Shown after the kind's label: a file name, a card's name, a place. */
  detail?: string;
  senderName?: string;
  senderId?: string;
  /** @-mentions the message carries; each is appended to the conversation's mentions. */
  mentions?: readonly MentionKind[];
  /** When it was sent, in ms. @default now() */
  at?: number;
  /** @default a generated `msg_<n>` */
  id?: string;
  isRevoked?: boolean;
}

/** Drives what a server would push. Every call changes the backend synchronously and emits its events at once. */
export interface MemorySimulator {
  /**
   * A message arrives: the conversation gets it as its last message at `at`, its unread count grows by one and
   * the mentions are appended. A conversation deleted earlier comes back. Marks stay as they are, as on Tencent
   * Cloud Chat, where a mark is only a flag (trtc.io/document/50291): a hidden conversation stays hidden and out of
   * the counts, whatever arrives (OpenIM's own `hideConversation` differs: a message shows it again). Returns the
   * new conversation.
   */
  message(id: ConversationId, message: SimulatedMessage): Conversation;
  /** A conversation appears (another device, a new chat). Its `groupNames` must name existing groups. */
  newConversation(conversation: Conversation): Conversation;
  /** Any other server-side change of one conversation (title, avatar, mute mode set on another device...). */
  update(id: ConversationId, changes: Partial<Omit<Conversation, 'id' | 'groupNames'>>): Conversation;
  /** The conversation is deleted elsewhere (its history is kept: a new message brings it back). */
  removeConversation(id: ConversationId): void;
  /** The conversation is read on another device. */
  read(id: ConversationId): void;
  /** Another device creates a group. Same limits as `createGroup`, but they throw. */
  groupCreated(name: string, ids?: readonly ConversationId[]): void;
  groupDeleted(name: string): void;
  groupRenamed(oldName: string, newName: string): void;
  /** Sets the whole membership of a group. */
  membership(name: string, ids: readonly ConversationId[]): void;
  /** Emits `syncing`, then `ready` after the latency. Resolves once `ready` is emitted. */
  sync(): Promise<void>;
  /** Emits a failed sync. */
  syncFailed(error?: InboxError): void;
}

export interface SimulatorContext {
  tables: MemoryTables;
  changes: MemoryChanges;
  /** The clock, for messages without `at`. */
  now: () => number;
  /** Resolves after the backend's latency (how long a sync takes). */
  wait: () => Promise<void>;
  groupNameMaxBytes: number;
}

/** Checks the mention kinds of a simulated message. */
function toMentionKinds(value: unknown): MentionKind[] {
  if (!Array.isArray(value)) throw invalid('message.mentions must be an array of mention kinds.');
  const kinds: MentionKind[] = [];
  for (const kind of value as unknown[]) {
    if (!MENTION_KINDS.includes(kind as MentionKind)) throw invalid(`Unknown mention kind ${JSON.stringify(kind)}.`);
    kinds.push(kind as MentionKind);
  }
  return kinds;
}

export function createSimulator({ tables, changes, now, wait, groupNameMaxBytes }: SimulatorContext): MemorySimulator {
  let messageCount = 0;

  return {
    message(id, message) {
      assertConversationId(id);
      if (typeof message !== 'object' || message === null) throw invalid('simulate.message needs { preview, senderName?, mentions?, at? }.');
      assertString(message.preview, 'the message preview');
      for (const key of ['senderName', 'senderId', 'id', 'detail'] as const) if (message[key] !== undefined) assertString(message[key], `message.${key}`);
      if (message.kind !== undefined && !PREVIEW_KINDS.includes(message.kind)) throw invalid(`Unknown message kind ${JSON.stringify(message.kind)}.`);
      if (message.isRevoked !== undefined) assertBoolean(message.isRevoked, 'message.isRevoked');
      const kinds = toMentionKinds(message.mentions ?? EMPTY);
      const at = message.at === undefined ? now() : checkTime(message.at, 'message.at');
      const current = tables.get(id) ?? tables.getDeleted(id);
      if (!current) throw conversationNotFound(id);

      const messageId = message.id ?? `msg_${++messageCount}`;
      const lastMessage: LastMessage = { id: messageId, preview: message.preview, sentAt: at };
      if (message.senderId !== undefined) lastMessage.senderId = message.senderId;
      if (message.senderName !== undefined) lastMessage.senderName = message.senderName;
      if (message.isRevoked) lastMessage.isRevoked = true;
      if (message.kind !== undefined && message.kind !== 'text') lastMessage.kind = message.kind;
      if (message.detail) lastMessage.detail = message.detail;
      const mentions: readonly Mention[] =
        kinds.length > 0 ? Object.freeze([...current.mentions, ...kinds.map((kind) => Object.freeze({ kind, messageId }))]) : current.mentions;
      return changes.upsert(
        derive(current, {
          lastMessage: Object.freeze(lastMessage),
          lastActivityAt: at,
          unreadCount: current.unreadCount + 1,
          mentions,
        }),
      );
    },

    newConversation(value) {
      const conversation = toConversation(value, 'simulate.newConversation');
      if (tables.has(conversation.id)) {
        throw invalid(`The conversation "${conversation.id}" already exists; use simulate.message or simulate.update.`);
      }
      return changes.add(conversation);
    },

    update(id, changed) {
      const current = tables.require(id);
      if (!isRecord(changed)) throw invalid('simulate.update needs an object of changes.');
      if ('id' in changed && changed.id !== id) throw invalid('simulate.update cannot change the id.');
      if ('groupNames' in changed) throw invalid('simulate.update cannot change groupNames; use simulate.membership.');
      return changes.upsert(toConversation({ ...current, ...changed }, 'simulate.update'));
    },

    removeConversation(id) {
      tables.require(id);
      changes.remove([id], false);
    },

    read(id) {
      changes.markRead(id);
    },

    groupCreated(name, ids = EMPTY) {
      assertGroupName(name, groupNameMaxBytes);
      changes.assertKnownIds(ids);
      changes.createGroup(name, ids);
    },

    groupDeleted(name) {
      assertString(name, 'the group name');
      changes.deleteGroup(name);
    },

    groupRenamed(oldName, newName) {
      assertString(oldName, 'the old group name');
      tables.requireGroup(oldName);
      assertGroupName(newName, groupNameMaxBytes);
      changes.renameGroup(oldName, newName);
    },

    membership(name, ids) {
      assertString(name, 'the group name');
      changes.setMembership(name, ids);
    },

    sync() {
      changes.emit({ type: 'syncStateChanged', status: 'syncing' });
      return wait().then(() => changes.emit({ type: 'syncStateChanged', status: 'ready' }));
    },

    syncFailed(error) {
      const failure = error === undefined ? new InboxError('ADAPTER_FAILED', 'The simulated sync failed.') : toInboxError(error);
      changes.emit({ type: 'syncStateChanged', status: 'failed', error: failure });
    },
  };
}
