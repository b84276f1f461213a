import type { Conversation, ConversationGroup } from '../../core/types.js';

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

interface StoredSnapshot {
  format: typeof FORMAT;
  version: typeof VERSION;
  conversations: unknown[];
  groups: { name: string; conversationIds: string[] }[];
  deleted: unknown[];
}

/** Serializes a snapshot. Returns `undefined` when it cannot be serialized (for example a cyclic `raw`). */
export function serializeSnapshot(snapshot: MemorySnapshot): string | undefined {
  const stored: StoredSnapshot = {
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
export function parseSnapshot(text: string | null): { conversations: unknown[]; groups: { name: string; conversationIds: string[] }[]; deleted: unknown[] } | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null) return undefined;
  const record = parsed as Partial<StoredSnapshot>;
  if (record.format !== FORMAT || record.version !== VERSION) return undefined;
  if (!Array.isArray(record.conversations) || !Array.isArray(record.groups) || !Array.isArray(record.deleted)) return undefined;
  for (const group of record.groups as unknown[]) {
    const g = group as { name?: unknown; conversationIds?: unknown };
    if (typeof group !== 'object' || group === null || typeof g.name !== 'string') return undefined;
    if (!Array.isArray(g.conversationIds) || g.conversationIds.some((id) => typeof id !== 'string')) return undefined;
  }
  return { conversations: record.conversations, groups: record.groups, deleted: record.deleted };
}
