import { afterEach, describe, expect, it, vi } from 'vitest';
import { createMemoryAdapter, type MemoryAdapter } from '../../src/adapters/memory/index.js';
import { InboxError } from '../../src/core/errors.js';
import { createInboxStore, type InboxStoreOptions } from '../../src/core/store.js';
import type { ConversationId, OperationResult } from '../../src/core/types.js';
import { conv } from './scriptedAdapter.js';

const ids = (n: number, from = 0) => Array.from({ length: n }, (_, i) => `C2Cu${String(i + from).padStart(4, '0')}`);

function rows(n: number) {
  return ids(n).map((id, i) => conv(id, { lastActivityAt: 1_000_000 - i * 10, unreadCount: 1 + (i % 3), groupNames: i < 40 ? ['Work'] : [] }));
}

/** A memory backend of `n` unread conversations (the first 40 in "Work") and a connected store over it. */
async function setup(n = 500, options: Partial<InboxStoreOptions> = {}, wrap: (adapter: MemoryAdapter) => MemoryAdapter = (a) => a) {
  const memory = createMemoryAdapter({
    conversations: rows(n),
    groups: [{ name: 'Work', conversationIds: ids(Math.min(n, 40)) }],
    pageSize: n,
  });
  const adapter = wrap(memory);
  const store = createInboxStore({ adapter, draftStorage: null, pageSize: n, ...options });
  await store.connect();
  memory.clearCalls();
  return { memory, store, actions: () => store.getState().actions };
}

const callsOf = (memory: MemoryAdapter, operation: string) => memory.calls().filter((c) => c.operation === operation);
/** The memory backend, refusing `failed` ids per id; `asked` records the size of each delete call. */
const failing = (failed: ReadonlySet<ConversationId>, asked: number[] = []) => (memory: MemoryAdapter): MemoryAdapter => ({
  ...memory,
  markRead: (id) => (failed.has(id) ? Promise.reject(new InboxError('ADAPTER_FAILED', `no read receipt for ${id}`, { sdkCode: 6013 })) : memory.markRead(id)),
  deleteConversations: async (list, options) => {
    asked.push(list.length);
    const result = await memory.deleteConversations(
      list.filter((id) => !failed.has(id)),
      options,
    );
    const refused: OperationResult['failed'] = list.filter((id) => failed.has(id)).map((id) => ({ id, code: '51003', message: 'busy', sdkCode: 51003 }));
    return { succeeded: result.succeeded, failed: [...result.failed, ...refused] };
  },
});

afterEach(() => {
  vi.useRealTimers();
});

describe('batch commands', () => {
  it('a batch of 500 where 7 ids fail rolls back exactly those 7 and keeps their failures', async () => {
    const seven = new Set(ids(500).filter((_, i) => i % 71 === 5).slice(0, 7));
    expect(seven.size).toBe(7);
    const { store, memory, actions } = await setup(500, {}, failing(seven));
    const result = await actions().markReadMany(ids(500));
    expect(new Set(result.failed.map((f) => f.id))).toEqual(seven);
    expect(result.failed.every((f) => f.code === 'ADAPTER_FAILED' && f.sdkCode === 6013)).toBe(true);
    expect(result.succeeded).toHaveLength(493);
    const state = store.getState();
    for (const id of ids(500)) {
      expect(state.conversations.get(id)!.unreadCount > 0).toBe(seven.has(id));
      expect(state.failures.has(id)).toBe(seven.has(id));
    }
    expect(state.failures.get([...seven][0]!)!.error.sdkCode).toBe(6013);
    expect(state.pending.size).toBe(0);
    // The 7 were refused by the (wrapped) backend itself; the other 493 reached the memory backend.
    expect(callsOf(memory, 'markRead')).toHaveLength(493);
  });

  it('deletes 500 in chunks of the batch size; per-id refusals come back', async () => {
    const seven = new Set(ids(7, 100));
    const asked: number[] = [];
    const { store, actions } = await setup(500, { batch: { chunkSize: 100 } }, failing(seven, asked));
    const result = await actions().deleteConversations(ids(500));
    expect(new Set(result.failed.map((f) => f.id))).toEqual(seven);
    expect([...store.getState().lists.ids()]).toEqual([...seven]);
    expect(asked).toEqual([100, 100, 100, 100, 100]);
  });

  it('applies a large batch chunk by chunk, giving the page a turn between chunks', async () => {
    const { store, actions } = await setup(1000, { batch: { chunkSize: 250, sliceMs: 0 } });
    const done = actions().markReadMany(ids(1000));
    // Only the first chunk is applied before the batch yields; the rest follow on later turns.
    expect(store.getState().pending.size).toBe(250);
    await done;
    expect(store.getState().unreadTotal).toBe(0);
  });

  it('works through several chunks before it gives the page a turn, up to its time slice', async () => {
    // A slice far longer than the work: every chunk is applied in the calling task, each in a commit of its own.
    const { store, actions } = await setup(1000, { batch: { chunkSize: 250, sliceMs: 60_000 } });
    const applied: number[] = [];
    store.subscribe((state, previous) => {
      if (state.pending.size > previous.pending.size) applied.push(state.pending.size);
    });
    const done = actions().markReadMany(ids(1000));
    expect(applied).toEqual([250, 500, 750, 1000]);
    expect((await done).succeeded).toHaveLength(1000);
    expect(store.getState().unreadTotal).toBe(0);
  });

  it('applies its first chunk first, then the others from the last one back, so rows that move into view hold still', async () => {
    const { store, actions } = await setup(1000, { batch: { chunkSize: 250, sliceMs: 60_000 } });
    const listed = ids(1000);
    const appliedChunks: number[] = [];
    store.subscribe((state, previous) => {
      // Deleted optimistically: the chunk whose ids this commit took out of the list.
      const gone = listed.filter((id) => previous.conversations.has(id) && !state.conversations.has(id));
      if (gone.length) appliedChunks.push(listed.indexOf(gone[0]!) / 250);
    });
    const done = actions().deleteConversations(listed);
    // The top rows (on screen) go at once; the rows then in view (the second chunk) stay until the last commit.
    expect(appliedChunks).toEqual([0, 3, 2, 1]);
    expect((await done).succeeded).toHaveLength(1000);
    expect(store.getState().lists.ids()).toHaveLength(0);
  });

  it('a bad id anywhere in a long list rejects the batch before it changes anything, even past its first turn', async () => {
    const { store, memory, actions } = await setup(3000, { batch: { chunkSize: 100, sliceMs: 0 } });
    const before = store.getState();
    const list: unknown[] = ids(3000);
    list[2500] = 42;
    await expect(actions().deleteConversations(list as string[])).rejects.toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('got number') as unknown });
    expect(store.getState()).toBe(before);
    expect(memory.calls()).toEqual([]);
  });

  it('a conversation that goes while the batch has its turn fails alone, as not found', async () => {
    const { store, memory, actions } = await setup(300, { batch: { chunkSize: 100, sliceMs: 0 } });
    const gone = ids(1, 250)[0]!;
    const done = actions().markReadMany(ids(300));
    // The first chunk is applied; the last one's conversation is deleted before its chunk comes.
    await actions().deleteConversation(gone);
    const result = await done;
    expect(result.failed).toMatchObject([{ id: gone, code: 'CONVERSATION_NOT_FOUND' }]);
    expect(result.succeeded).toHaveLength(299);
    expect(store.getState().conversations.has(gone)).toBe(false);
    expect(callsOf(memory, 'markRead').map((c) => c.args[0])).not.toContain(gone);
  });

  it('rejects a batch option that is not a usable number, naming it', () => {
    const adapter = createMemoryAdapter();
    const errorOf = (batch: InboxStoreOptions['batch']) => {
      try {
        createInboxStore({ adapter, batch });
      } catch (error) {
        return error instanceof InboxError ? { code: error.code, message: error.message } : error;
      }
      return 'no error';
    };
    expect(errorOf({ sliceMs: -1 })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('batch.sliceMs') as unknown });
    expect(errorOf({ sliceMs: Number.NaN })).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf({ chunkSize: 0 })).toMatchObject({ code: 'INVALID_ARGUMENT', message: expect.stringContaining('batch.chunkSize') as unknown });
    expect(errorOf({ sliceMs: 0 })).toBe('no error');
  });

  it('ids the store does not hold fail per id without reaching the backend', async () => {
    const { memory, actions } = await setup(10);
    const result = await actions().pinMany(['__proto__', ids(1)[0]!], true);
    expect(result.failed).toMatchObject([{ id: '__proto__', code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 }]);
    expect(callsOf(memory, 'pin').map((c) => c.args[0])).toEqual([ids(1)[0]]);
  });

  it('pinning past the limit fails per id for the ids beyond the free slots, without a call for them', async () => {
    const { store, memory, actions } = await setup(60);
    const result = await actions().pinMany(ids(60), true);
    expect(result.succeeded).toHaveLength(50);
    expect(result.failed.map((f) => f.code)).toEqual(Array(10).fill('PIN_LIMIT_EXCEEDED'));
    expect(store.getState().pinnedCount).toBe(50);
    expect(store.getState().failures.get(ids(60)[59]!)?.error.code).toBe('PIN_LIMIT_EXCEEDED');
    expect(callsOf(memory, 'pin')).toHaveLength(50);
  });

  it('a mode a conversation cannot take fails for that conversation alone', async () => {
    const { actions } = await setup(5);
    // The memory backend takes every mode: narrow it the way Tencent narrows its system conversation.
    const narrowed = createInboxStore({
      adapter: { ...createMemoryAdapter({ conversations: rows(3) }), capabilities: { ...createMemoryAdapter().capabilities, muteModes: { direct: ['none'], group: ['none', 'silent'] } } },
      draftStorage: null,
    });
    await narrowed.connect();
    const result = await narrowed.getState().actions.setMuteModeMany(ids(3), 'silent');
    expect(result.failed.map((f) => f.code)).toEqual(['NOT_SUPPORTED', 'NOT_SUPPORTED', 'NOT_SUPPORTED']);
    expect(await actions().setMuteModeMany(ids(5), 'silent')).toEqual({ succeeded: ids(5), failed: [] });
  });

  it('rejects a bad argument and changes nothing', async () => {
    const { store, memory, actions } = await setup(5);
    const before = store.getState();
    await expect(actions().pinMany('a' as unknown as string[], true)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions().setMuteModeMany(ids(2), 'loud' as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    await expect(actions().deleteConversations(ids(2), null as never)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(store.getState()).toBe(before);
    expect(memory.calls()).toEqual([]);
  });

  it('rejects when every call failed as a whole, as a one-call command does', async () => {
    const { store, memory, actions } = await setup(5);
    memory.failNext('deleteConversations');
    await expect(actions().deleteConversations(ids(5))).rejects.toMatchObject({ code: 'ADAPTER_FAILED' });
    expect(store.getState().lists.ids()).toHaveLength(5);
  });
});

describe('marking read while messages arrive', () => {
  it('a message the backend gets after applying the read stays unread, even when the read is confirmed after it', async () => {
    const first = ids(1)[0]!;
    // The backend applies the read, then a message arrives, and only then does the read's answer reach the store.
    const { store, memory, actions } = await setup(3, {}, (m) => ({
      ...m,
      markRead: async (id) => {
        await m.markRead(id);
        m.simulate.message(id, { preview: 'one more' });
        store.flush();
      },
    }));
    await actions().markRead(first);
    store.flush();
    expect(memory.getSnapshot().conversations.find((c) => c.id === first)!.unreadCount).toBe(1);
    expect(store.getState().conversations.get(first)!.unreadCount).toBe(1);
    expect(store.getState().unreadTotal).toBe(memory.getSnapshot().conversations.reduce((sum, c) => sum + c.unreadCount, 0));
  });
});

describe('undo', () => {
  it('within the window sends nothing to the backend; after it, the command is sent', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(20, { undo: { windowMs: 5000 } });
    const twelve = ids(12);
    const first = actions().deleteConversations(twelve);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().lists.ids()).toHaveLength(8);
    expect(store.getState().undoable).toEqual([expect.objectContaining({ operation: 'deleteConversation', ids: twelve, phase: 'waiting' })]);
    await vi.advanceTimersByTimeAsync(4000);
    await actions().undo();
    expect(await first).toEqual({ succeeded: [], failed: [], undone: twelve });
    expect(store.getState().lists.ids()).toHaveLength(20);
    expect(store.getState().undoable).toEqual([]);
    expect(store.getState().pending.size).toBe(0);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(callsOf(memory, 'deleteConversations')).toEqual([]);

    const second = actions().deleteConversations(twelve);
    await vi.advanceTimersByTimeAsync(4999);
    expect(callsOf(memory, 'deleteConversations')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect((await second).succeeded).toEqual(twelve);
    expect(callsOf(memory, 'deleteConversations')).toHaveLength(1);
    expect(store.getState().undoable).toEqual([]);
    expect(memory.getSnapshot().conversations).toHaveLength(8);
  });

  it('after the command was sent, undo sends the inverse, and both show as pending', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(6, { undo: { windowMs: 5000, deferSend: false } });
    await actions().setMuteModeMany([ids(6)[0]!], 'silent');
    await vi.advanceTimersByTimeAsync(5000);
    memory.clearCalls();
    memory.setLatency(100);
    const targets = ids(6);
    const done = actions().setMuteModeMany(targets, 'blocked');
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().undoable[0]).toMatchObject({ phase: 'sent', muteMode: 'blocked' });
    expect(callsOf(memory, 'setMuteMode')).toHaveLength(6);
    const undone = actions().undo();
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().undoable[0]!.phase).toBe('undoing');
    expect(store.getState().pending.get(targets[0]!)).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await done;
    // The inverse goes after the command's answer: now it is in flight, pending again.
    expect(store.getState().pending.get(targets[0]!)).toBe(1);
    await vi.advanceTimersByTimeAsync(100);
    await undone;
    const inverse = callsOf(memory, 'setMuteMode').slice(6).map((c) => c.args);
    expect(inverse).toEqual([[targets[0], 'silent'], ...targets.slice(1).map((id) => [id, 'none'])]);
    expect(targets.map((id) => store.getState().conversations.get(id)!.muteMode)).toEqual(['silent', 'none', 'none', 'none', 'none', 'none']);
    expect(store.getState().undoable).toEqual([]);
    expect(store.getState().pending.size).toBe(0);
  });

  it('delete always waits for the window, even when other commands are sent at once (no backend undeletes)', async () => {
    vi.useFakeTimers();
    const { memory, actions } = await setup(3, { undo: { windowMs: 3000, deferSend: false } });
    const done = actions().deleteConversation(ids(1)[0]!);
    await vi.advanceTimersByTimeAsync(2999);
    expect(callsOf(memory, 'deleteConversations')).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    await done;
    expect(callsOf(memory, 'deleteConversations')).toHaveLength(1);
  });

  it('moving out of a group, once sent, is undone by adding back', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(50, { undo: { windowMs: 4000, deferSend: false } });
    const moved = ids(3);
    await actions().removeFromGroup('Work', moved);
    expect(store.getState().lists.ids('Work')).toHaveLength(37);
    await actions().undo();
    expect(callsOf(memory, 'addToGroup').map((c) => c.args)).toEqual([['Work', moved]]);
    expect(store.getState().lists.ids('Work')).toHaveLength(40);
    expect(store.getState().undoable).toEqual([]);
  });

  it('marking many read, once sent, is undone by marking them unread (read counts cannot come back)', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(10, { undo: { windowMs: 4000, deferSend: false } });
    await actions().markReadMany(ids(4));
    await actions().undo();
    expect(callsOf(memory, 'setMark').map((c) => c.args)).toEqual([[ids(4), 'unread', true]]);
    expect(ids(4).every((id) => store.getState().conversations.get(id)!.marks?.includes('unread'))).toBe(true);
  });

  it('hiding is undoable; a single mute is too, and an undo does not offer its own undo', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(5, { undo: { windowMs: 4000 } });
    const hiding = actions().setMark(ids(2), 'hide', true);
    await vi.advanceTimersByTimeAsync(0);
    expect(store.getState().lists.ids()).toHaveLength(3);
    expect(store.getState().undoable[0]).toMatchObject({ operation: 'setMark', mark: 'hide' });
    await actions().undo();
    expect((await hiding).undone).toEqual(ids(2));
    expect(store.getState().lists.ids()).toHaveLength(5);

    const muting = actions().setMuteMode(ids(1)[0]!, 'silent');
    await vi.advanceTimersByTimeAsync(5000);
    await muting;
    expect(callsOf(memory, 'setMuteMode')).toHaveLength(1);
    expect(callsOf(memory, 'setMark')).toEqual([]);
    expect(store.getState().undoable).toEqual([]);
  });

  it('dismissing sends a waiting command at once; a star or a pin offers no undo', async () => {
    vi.useFakeTimers();
    const { store, memory, actions } = await setup(5, { undo: { windowMs: 60_000 } });
    const done = actions().deleteConversations(ids(2));
    await vi.advanceTimersByTimeAsync(0);
    actions().dismissUndo();
    await vi.advanceTimersByTimeAsync(0);
    expect((await done).succeeded).toEqual(ids(2));
    expect(callsOf(memory, 'deleteConversations')).toHaveLength(1);
    await actions().setMark(ids(1, 2), 'star', true);
    await actions().pinMany(ids(1, 3), true);
    expect(store.getState().undoable).toEqual([]);
  });

  it('is off by default, and its options are checked', async () => {
    const { store, memory, actions } = await setup(3);
    await actions().deleteConversations(ids(1));
    expect(callsOf(memory, 'deleteConversations')).toHaveLength(1);
    expect(store.getState().undoable).toEqual([]);
    const adapter = createMemoryAdapter();
    expect(() => createInboxStore({ adapter, undo: { windowMs: -1 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => createInboxStore({ adapter, undo: { deferSend: 'yes' as never } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    expect(() => createInboxStore({ adapter, batch: { chunkSize: 0 } })).toThrow(expect.objectContaining({ code: 'INVALID_ARGUMENT' }));
    await expect(actions().undo(42)).rejects.toMatchObject({ code: 'INVALID_ARGUMENT' });
  });
});
