import type { ConversationId, Draft } from './types.js';

/**
 * Where the kit keeps drafts for backends that do not persist them (Tencent Web keeps them in memory only).
 * Synchronous on purpose: a draft is written before anything else happens, so a reload never loses it.
 */
export interface DraftStorage {
  getAll(): Record<ConversationId, Draft>;
  /** Stores a draft, or removes it when `draft` is undefined. */
  set(id: ConversationId, draft: Draft | undefined): void;
}

/** Keeps drafts in memory: for tests and for environments without `localStorage`. */
export function createMemoryDraftStorage(initial: Record<ConversationId, Draft> = {}): DraftStorage {
  const drafts = new Map(Object.entries(initial));
  return {
    getAll: () => Object.fromEntries(drafts),
    set(id, draft) {
      if (draft) drafts.set(id, draft);
      else drafts.delete(id);
    },
  };
}

export interface LocalDraftStorageOptions {
  /** Storage key; use one per account so two accounts never share drafts. @default 'inboxkit:drafts' */
  key?: string;
  /** @default globalThis.localStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

function isDraft(value: unknown): value is Draft {
  const record = value as Draft | null;
  return typeof record === 'object' && record !== null && typeof record.text === 'string' && typeof record.updatedAt === 'number';
}

/**
 * Keeps drafts in `localStorage` (one JSON record under `key`), merging with what other tabs wrote. Falls back to
 * memory when storage is missing or throws (private mode, quota), so typing never fails; corrupt records are
 * ignored, never thrown.
 */
export function createLocalDraftStorage(options: LocalDraftStorageOptions = {}): DraftStorage {
  const key = options.key ?? 'inboxkit:drafts';
  let storage: LocalDraftStorageOptions['storage'];
  try {
    storage = options.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    // storage access itself can throw (sandboxed iframes)
  }
  let memory: Record<ConversationId, Draft> = {};
  const read = (): Record<ConversationId, Draft> => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
      if (!parsed || typeof parsed !== 'object') return { ...memory };
      return Object.fromEntries(Object.entries(parsed).filter(([, draft]) => isDraft(draft)));
    } catch {
      return { ...memory };
    }
  };
  return {
    getAll: read,
    set(id, draft) {
      const all = read();
      if (draft) all[id] = draft;
      else delete all[id];
      memory = all;
      try {
        if (Object.keys(all).length === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(all));
      } catch {
        // Quota or privacy mode: the memory copy still holds the draft for this session.
      }
    },
  };
}
