// Persistence alone (src/adapters/memory/storage.ts): the stored format, and a storage that is full or hostile.
import { describe, expect, it } from 'vitest';
import {
  parseSnapshot,
  readStored,
  serializeSnapshot,
  withoutDrafts,
  writeStored,
  type MemoryAdapterStorage,
  type MemorySnapshot,
} from '../../src/adapters/memory/storage.js';
import { makeConversation } from '../../src/testing/helpers.js';

const drafted = makeConversation({ id: 'a', draft: { text: 'unsent', updatedAt: 1 } });
const plain = makeConversation({ id: 'b' });
const snapshot: MemorySnapshot = {
  conversations: [drafted, plain],
  groups: [{ name: 'Work', conversationIds: ['a'] }],
  deleted: [makeConversation({ id: 'gone', draft: { text: 'old', updatedAt: 2 } })],
};

function storageOf(data = new Map<string, string>()): MemoryAdapterStorage & { data: Map<string, string> } {
  return { data, getItem: (key) => data.get(key) ?? null, setItem: (key, value) => void data.set(key, value) };
}

describe('the stored format', () => {
  it('reads back what it wrote', () => {
    expect(parseSnapshot(serializeSnapshot(snapshot)!)).toEqual({
      conversations: [drafted, plain],
      groups: snapshot.groups,
      deleted: snapshot.deleted,
    });
  });

  it('reads anything else as nothing stored', () => {
    const valid = JSON.parse(serializeSnapshot(snapshot)!) as Record<string, unknown>;
    const variants: unknown[] = [
      { ...valid, format: 'other' },
      { ...valid, version: 2 },
      { ...valid, conversations: {} },
      { ...valid, groups: [{ name: 1, conversationIds: [] }] },
      { ...valid, groups: [{ name: 'G', conversationIds: [1] }] },
      { ...valid, deleted: null },
      [],
      'text',
    ];
    for (const variant of variants) expect(parseSnapshot(JSON.stringify(variant)), JSON.stringify(variant)).toBeUndefined();
    for (const text of [null, '', '{', 'null']) expect(parseSnapshot(text)).toBeUndefined();
  });

  it('cannot serialize a cyclic raw value, and says so instead of throwing', () => {
    const raw: Record<string, unknown> = {};
    raw.self = raw;
    expect(serializeSnapshot({ ...snapshot, conversations: [{ ...plain, raw }] })).toBeUndefined();
  });
});

describe('reading and writing a storage', () => {
  it('writes under its key and reads back from it', () => {
    const storage = storageOf();
    writeStored(storage, 'key', snapshot);
    expect([...storage.data.keys()]).toEqual(['key']);
    expect(readStored(storage, 'key')?.conversations).toEqual([drafted, plain]);
    expect(readStored(storage, 'other')).toBeUndefined();
  });

  it('survives a storage that throws, and skips what cannot be serialized', () => {
    const hostile: MemoryAdapterStorage = {
      getItem: () => {
        throw new Error('denied');
      },
      setItem: () => {
        throw new Error('quota');
      },
    };
    expect(readStored(hostile, 'key')).toBeUndefined();
    expect(() => writeStored(hostile, 'key', snapshot)).not.toThrow();
    const storage = storageOf();
    const raw: Record<string, unknown> = {};
    raw.self = raw;
    writeStored(storage, 'key', { ...snapshot, conversations: [{ ...plain, raw }] });
    expect(storage.data.size).toBe(0);
  });

  it('leaves drafts out for a backend whose drafts live in memory only, and nothing else', () => {
    const stripped = withoutDrafts(snapshot);
    expect(stripped.conversations.map((c) => c.draft)).toEqual([undefined, undefined]);
    expect('draft' in stripped.conversations[0]!).toBe(false);
    expect(stripped.conversations[1]).toBe(plain);
    expect(stripped.deleted[0]!.draft).toBeUndefined();
    expect(stripped.groups).toBe(snapshot.groups);
    expect(snapshot.conversations[0]!.draft).toEqual({ text: 'unsent', updatedAt: 1 });
  });
});
