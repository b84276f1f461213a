// The simulator alone (src/adapters/memory/simulator.ts): the messages it makes up, and pushes that throw.
// What every push emits is asserted through the adapter in memory.test.ts ('simulate').
import { describe, expect, it } from 'vitest';
import { TENCENT_UNREAD_RULE, type AdapterEvent } from '../../src/core/adapter.js';
import type { Conversation } from '../../src/core/types.js';
import { createChanges } from '../../src/adapters/memory/changes.js';
import { readOptions } from '../../src/adapters/memory/options.js';
import { checkSeed } from '../../src/adapters/memory/seed.js';
import { createSimulator } from '../../src/adapters/memory/simulator.js';
import { MemoryTables } from '../../src/adapters/memory/tables.js';
import { makeConversation } from '../../src/testing/helpers.js';

const NOW = 1_700_000_000_000;

function setup(conversations: Conversation[]) {
  const { capabilities } = readOptions({});
  const seed = checkSeed({ conversations, groups: [], deleted: [] }, capabilities, 'options');
  const tables = new MemoryTables(seed, 'lastActivity', TENCENT_UNREAD_RULE);
  const changes = createChanges(tables, { capabilities, now: () => NOW, save: () => undefined });
  const events: AdapterEvent[] = [];
  changes.subscribe((event) => events.push(event));
  const simulate = createSimulator({ tables, changes, now: () => NOW, wait: () => Promise.resolve(), groupNameMaxBytes: 32 });
  return { tables, changes, simulate, events };
}

function thrownBy(fn: () => unknown): { code: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string };
  }
  throw new Error('expected a throw');
}

describe('createSimulator', () => {
  it('makes up a message: numbered ids, the clock as its time, its mentions tied to it', () => {
    const { simulate } = setup([makeConversation({ id: 'a', mentions: [{ kind: 'me', messageId: 'old' }] })]);
    const first = simulate.message('a', { preview: 'one' });
    expect(first.lastMessage).toEqual({ id: 'msg_1', preview: 'one', sentAt: NOW });
    expect(first.lastActivityAt).toBe(NOW);
    const second = simulate.message('a', { preview: 'two', mentions: ['all', 'me'], senderId: 'u1', senderName: 'Ann', isRevoked: true, at: 5 });
    expect(second.lastMessage).toEqual({ id: 'msg_2', preview: 'two', sentAt: 5, senderId: 'u1', senderName: 'Ann', isRevoked: true });
    expect(second.mentions).toEqual([
      { kind: 'me', messageId: 'old' },
      { kind: 'all', messageId: 'msg_2' },
      { kind: 'me', messageId: 'msg_2' },
    ]);
    expect(second.unreadCount).toBe(2);
    expect(Object.isFrozen(second.lastMessage) && Object.isFrozen(second.mentions)).toBe(true);
    expect(simulate.message('a', { preview: 'three', id: 'given' }).lastMessage!.id).toBe('given');
  });

  it('brings a deleted conversation back with the message', () => {
    const { tables, changes, simulate } = setup([makeConversation({ id: 'a' })]);
    changes.remove(['a'], false);
    expect(simulate.message('a', { preview: 'back' }).unreadCount).toBe(1);
    expect(tables.has('a') && tables.getDeleted('a') === undefined).toBe(true);
  });

  it('throws for a push that is wrong, before changing or emitting anything', () => {
    const { simulate, events } = setup([makeConversation({ id: 'a' })]);
    expect(thrownBy(() => simulate.message('a', { preview: 'x', at: -1 })).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.message('a', { preview: 'x', mentions: 'all' } as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.message('a', { preview: 'x', isRevoked: 'yes' } as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.message('a', null as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.update('a', { id: 'b' } as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.update('a', [] as never)).code).toBe('INVALID_ARGUMENT');
    expect(thrownBy(() => simulate.groupRenamed('Nowhere', 'Else')).code).toBe('GROUP_NOT_FOUND');
    expect(thrownBy(() => simulate.groupCreated('New', ['nobody'])).code).toBe('CONVERSATION_NOT_FOUND');
    expect(events).toEqual([]);
  });

  it('emits syncing, then ready once the wait is over, and a failed sync with its error', async () => {
    const { simulate, events } = setup([]);
    await simulate.sync();
    simulate.syncFailed(new Error('offline') as never);
    expect(events.map((e) => (e.type === 'syncStateChanged' ? e.status : e.type))).toEqual(['syncing', 'ready', 'failed']);
    expect(events[2]).toMatchObject({ error: { message: expect.stringContaining('offline') as unknown } });
  });
});
