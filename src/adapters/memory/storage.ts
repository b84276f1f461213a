/**
 * Persistence: the format the memory adapter saves its data in (a versioned JSON document), and reading and writing
 * it through a storage that may be missing, full or hostile. Storage never breaks a session: unreadable data reads
 * as nothing stored, and a write that fails leaves the session going on in memory.
 */
import type { Conversation, ConversationGroup } from '../../core/types.js';
import { derive } from './normalize.js';

/**
 * Where the memory adapter keeps its data between page loads. `localStorage` and `sessionStorage` fit as they are;
 * anything with these two synchronous methods does.
 */
export interface MemoryAdapterStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** What the memory adapter writes to storage. */
export interface MemorySnapshot {
  conversations: readonly Conversation[];
  groups: readonly ConversationGroup[];
  /** Conversations deleted from the list that a new message (or `openConversation`) brings back. */
  deleted: readonly Conversation[];
}

const FORMAT = 'inboxkit-memory';
const VERSION = 1;

/** What storage held, in shape only: the conversations themselves are checked when the backend is seeded from them. */
export interface StoredData {
  conversations: unknown[];
  groups: { name: string; conversationIds: string[] }[];
  deleted: unknown[];
}

/** The document written to storage: the data, tagged with its format and version. */
interface StoredDocument extends StoredData {
  format: typeof FORMAT;
  version: typeof VERSION;
}

/** Serializes a snapshot. Returns `undefined` when it cannot be serialized (for example a cyclic `raw`). */
export function serializeSnapshot(snapshot: MemorySnapshot): string | undefined {
  const stored: StoredDocument = {
    format: FORMAT,
    version: VERSION,
    conversations: [...snapshot.conversations],
    groups: snapshot.groups.map((group) => ({ name: group.name, conversationIds: [...group.conversationIds] })),
    deleted: [...snapshot.deleted],
  };
  try {
    return JSON.stringify(stored);
  } catch {
    return undefined;
  }
}

/**
 * Reads what `serializeSnapshot` wrote. Returns `undefined` for anything else (missing, not JSON, another format or
 * version, wrong shapes); the conversations themselves are checked by the adapter when it seeds itself.
 */
export function parseSnapshot(text: string | null): StoredData | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Partial<StoredDocument>;
  if (record.format !== FORMAT || record.version !== VERSION) return undefined;
  if (!Array.isArray(record.conversations) || !Array.isArray(record.groups) || !Array.isArray(record.deleted)) return undefined;
  for (const group of record.groups as unknown[]) {
    const g = group as { name?: unknown; conversationIds?: unknown };
    if (typeof group !== 'object' || group === null || typeof g.name !== 'string') return undefined;
    if (!Array.isArray(g.conversationIds) || g.conversationIds.some((id) => typeof id !== 'string')) return undefined;
  }
  return { conversations: record.conversations, groups: record.groups, deleted: record.deleted };
}

/** What `storage` holds under `key`, or `undefined` when it holds nothing readable or throws when read. */
export function readStored(storage: MemoryAdapterStorage, key: string): StoredData | undefined {
  let text: string | null;
  try {
    text = storage.getItem(key);
  } catch {
    return undefined;
  }
  return parseSnapshot(text);
}

/** Writes `snapshot` under `key`. A snapshot that cannot be serialized, or a storage that refuses it, is skipped. */
export function writeStored(storage: MemoryAdapterStorage, key: string, snapshot: MemorySnapshot): void {
  const text = serializeSnapshot(snapshot);
  if (text === undefined) return;
  try {
    storage.setItem(key, text);
  } catch {
    // quota or privacy mode: the session goes on in memory
  }
}

/** The snapshot with every draft left out, for a backend whose drafts live in memory only. */
export function withoutDrafts(snapshot: MemorySnapshot): MemorySnapshot {
  const strip = (conversation: Conversation) => (conversation.draft ? derive(conversation, { draft: undefined }) : conversation);
  return { ...snapshot, conversations: snapshot.conversations.map(strip), deleted: snapshot.deleted.map(strip) };
}
