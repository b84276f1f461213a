import { isRecord } from './isRecord.js';
import type { ConversationId, Draft } from './types.js';

/**
 * Where the kit keeps drafts for backends that do not persist them (Tencent Web keeps them in memory only).
 * Synchronous on purpose: a draft is written before anything else happens, so a reload never loses it.
 */
export interface DraftStorage {
  /**
   * Every stored draft by conversation id. A `Map`, since ids are arbitrary strings (`__proto__` included); a plain
   * object from an older custom storage is still read, through its own keys.
   */
  getAll(): ReadonlyMap<ConversationId, Draft> | Readonly<Record<ConversationId, Draft>>;
  /** Stores a draft, or removes it when `draft` is undefined. */
  set(id: ConversationId, draft: Draft | undefined): void;
}

export function isDraft(value: unknown): value is Draft {
  return isRecord(value) && typeof value.text === 'string' && typeof value.updatedAt === 'number' && Number.isFinite(value.updatedAt);
}

/** Reads any storage's `getAll()` as a Map of well-formed drafts; never throws. */
export function readDrafts(storage: DraftStorage | null): Map<ConversationId, Draft> {
  const drafts = new Map<ConversationId, Draft>();
  let all: unknown;
  try {
    all = storage?.getAll();
  } catch {
    return drafts;
  }
  const entries = all instanceof Map ? all.entries() : isRecord(all) ? Object.entries(all) : [];
  for (const [id, draft] of entries as Iterable<[unknown, unknown]>) {
    if (typeof id === 'string' && id !== '' && isDraft(draft)) drafts.set(id, draft);
  }
  return drafts;
}

/** Keeps drafts in memory: for tests and for environments without `localStorage`. */
export function createMemoryDraftStorage(initial: ReadonlyMap<ConversationId, Draft> | Readonly<Record<ConversationId, Draft>> = {}): DraftStorage {
  const drafts = readDrafts({ getAll: () => initial, set() {} });
  return {
    getAll: () => new Map(drafts),
    set(id, draft) {
      if (draft) drafts.set(id, draft);
      else drafts.delete(id);
    },
  };
}

export interface LocalDraftStorageOptions {
  /**
   * Storage key. The store's default names the backend and the account (`inboxkit:drafts:tencent:alice`), so two
   * accounts on one browser never see each other's drafts. @default 'inboxkit:drafts'
   */
  key?: string;
  /** @default globalThis.localStorage */
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/** The default storage key for an adapter's drafts: per backend, and per account when the adapter names one. */
export function draftStorageKey(adapterName: string, account: string | undefined): string {
  return account ? `inboxkit:drafts:${adapterName}:${account}` : `inboxkit:drafts:${adapterName}`;
}

const sessions = new WeakMap<object, Map<string, Map<ConversationId, Draft | undefined>>>();
const noStorage = {};

function sessionWrites(storage: object | undefined, key: string): Map<ConversationId, Draft | undefined> {
  const owner = storage ?? noStorage;
  const byKey = sessions.get(owner) ?? new Map<string, Map<ConversationId, Draft | undefined>>();
  sessions.set(owner, byKey);
  const writes = byKey.get(key) ?? new Map<ConversationId, Draft | undefined>();
  byKey.set(key, writes);
  return writes;
}

/**
 * Keeps drafts in `localStorage` (one JSON record under `key`), merged with what other tabs wrote. What this
 * session wrote stays authoritative for this session even when storage refuses it (quota, private mode): a
 * remount shows the session's text, never the stale stored one. Corrupt records are ignored, never thrown.
 */
export function createLocalDraftStorage(options: LocalDraftStorageOptions = {}): DraftStorage {
  const key = options.key ?? 'inboxkit:drafts';
  let storage: LocalDraftStorageOptions['storage'];
  try {
    storage = options.storage ?? (globalThis as { localStorage?: Storage }).localStorage;
  } catch {
    // storage access itself can throw (sandboxed iframes)
  }
  // This session's writes (undefined = removed), laid over what storage holds. Shared by every storage object for
  // the same key and backing store, so that a remount after a refused write still shows the session's text.
  const session = sessionWrites(storage, key);
  const read = (): Map<ConversationId, Draft> => {
    let stored = new Map<ConversationId, Draft>();
    try {
      // JSON.parse makes own properties, so even a "__proto__" key is read as a draft id.
      const parsed: unknown = JSON.parse(storage?.getItem(key) ?? 'null');
      if (isRecord(parsed)) stored = readDrafts({ getAll: () => parsed as Record<ConversationId, Draft>, set() {} });
    } catch {
      // corrupt or unreadable: only the session's drafts are known
    }
    for (const [id, draft] of session) {
      if (draft) stored.set(id, draft);
      else stored.delete(id);
    }
    return stored;
  };
  return {
    getAll: read,
    set(id, draft) {
      session.set(id, draft);
      const all = read();
      try {
        if (all.size === 0) storage?.removeItem(key);
        else storage?.setItem(key, JSON.stringify(Object.fromEntries(all)));
      } catch {
        // Quota or privacy mode: the session map still holds the draft, and wins over the stored record.
      }
    },
  };
}
