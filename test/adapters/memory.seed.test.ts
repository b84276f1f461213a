// The seed alone: raw conversations and groups in, checked tables out (src/adapters/memory/seed.ts).
import { describe, expect, it } from 'vitest';
import { buildSeed, checkSeed, chooseSeed, seedMembers, type SeedInput } from '../../src/adapters/memory/seed.js';
import type { StoredData } from '../../src/adapters/memory/storage.js';
import { makeConversation } from '../../src/testing/helpers.js';

const LIMITS = { maxGroups: 20, groupNameMaxBytes: 32 };

function seed(input: Partial<SeedInput>) {
  return buildSeed(checkSeed({ conversations: [], groups: [], deleted: [], ...input }, LIMITS, 'options'));
}

function errorOf(fn: () => unknown): { code: string; sdkCode?: number; message: string } {
  try {
    fn();
  } catch (error) {
    return error as { code: string; sdkCode?: number; message: string };
  }
  throw new Error('expected a throw');
}

describe('buildSeed', () => {
  it('keys conversations by id, ids being any strings, even the names of Object.prototype members', () => {
    const ids = ['__proto__', 'constructor', 'hasOwnProperty', 'C2C 名前', ''.padEnd(3, ' ')];
    const tables = seed({ conversations: ids.map((id) => makeConversation({ id })) });
    expect([...tables.conversations.keys()]).toEqual(ids);
    expect(tables.conversations.get('__proto__')!.id).toBe('__proto__');
  });

  it('copies and freezes each conversation, leaving the input as it was', () => {
    const input = makeConversation({ id: 'a', mentions: [{ kind: 'me' }], groupNames: ['Work'] });
    const tables = seed({ conversations: [input] });
    const stored = tables.conversations.get('a')!;
    expect(stored).not.toBe(input);
    expect(Object.isFrozen(stored) && Object.isFrozen(stored.mentions) && Object.isFrozen(stored.mentions[0])).toBe(true);
    expect(Object.isFrozen(input)).toBe(false);
    (input.mentions as { kind: string }[]).push({ kind: 'all' });
    expect(stored.mentions).toEqual([{ kind: 'me' }]);
  });

  it('joins the groups given with the groups the conversations name: given ones first, then in order of appearance', () => {
    const tables = seed({
      conversations: [
        makeConversation({ id: 'a', groupNames: ['Family', 'Work'] }),
        makeConversation({ id: 'b', groupNames: ['Clubs'] }),
        makeConversation({ id: 'c' }),
      ],
      groups: [
        { name: 'Work', conversationIds: ['c', 'b'] },
        { name: 'Empty', conversationIds: [] },
      ],
    });
    expect(tables.groupNames).toEqual(['Work', 'Empty', 'Family', 'Clubs']);
    expect([...tables.members.get('Work')!]).toEqual(['c', 'b', 'a']);
    expect([...tables.members.get('Family')!]).toEqual(['a']);
    expect([...tables.members.get('Empty')!]).toEqual([]);
  });

  it('works out the members from the checked seed in the order the tables keep them, each once', () => {
    const input: SeedInput = {
      conversations: [
        makeConversation({ id: 'a', groupNames: ['Family', 'Work', 'Family'] }),
        makeConversation({ id: 'b', groupNames: ['Work'] }),
        makeConversation({ id: 'c', groupNames: ['Clubs', 'Work'] }),
      ],
      groups: [
        { name: 'Work', conversationIds: ['c', 'b'] },
        { name: 'Empty', conversationIds: [] },
      ],
      deleted: [],
    };
    const checked = checkSeed(input, LIMITS, 'options');
    const members = seedMembers(checked);
    // Listed first, in the listed order; then the conversations naming the group, in the seed's order.
    expect(Object.fromEntries([...members].map(([name, ids]) => [name, [...ids]]))).toEqual({
      Work: ['c', 'b', 'a'],
      Empty: [],
      Family: ['a'],
      Clubs: ['c'],
    });
    expect(seedMembers(checked)).toBe(members);
    const tables = buildSeed(checked);
    for (const [name, ids] of members) expect([...tables.members.get(name)!], name).toEqual(ids);
  });

  it("rewrites each conversation's groupNames from the membership, in group order, without duplicates", () => {
    const tables = seed({
      conversations: [
        makeConversation({ id: 'a', groupNames: ['Family', 'Family'] }),
        makeConversation({ id: 'b', groupNames: ['Work'] }),
        makeConversation({ id: 'c' }),
      ],
      groups: [{ name: 'Work', conversationIds: ['a', 'b', 'a'] }],
    });
    expect(tables.conversations.get('a')!.groupNames).toEqual(['Work', 'Family']);
    expect(tables.conversations.get('b')!.groupNames).toEqual(['Work']);
    expect(tables.conversations.get('c')!.groupNames).toEqual([]);
    expect(Object.isFrozen(tables.conversations.get('a')!.groupNames)).toBe(true);
  });

  it('keeps deleted conversations out of every group, and drops a deleted one that is also listed', () => {
    const tables = seed({
      conversations: [makeConversation({ id: 'a', title: 'listed' })],
      deleted: [makeConversation({ id: 'a', title: 'old' }), makeConversation({ id: 'gone', groupNames: ['Work'] })],
    });
    expect(tables.conversations.get('a')!.title).toBe('listed');
    expect([...tables.deleted.keys()]).toEqual(['gone']);
    expect(tables.deleted.get('gone')!.groupNames).toEqual([]);
    expect(tables.members.has('Work')).toBe(false);
  });

  it('refuses what the backend would never hold, naming where it came from', () => {
    const a = makeConversation({ id: 'a' });
    const twice = errorOf(() => seed({ conversations: [a, { ...a }] }));
    expect(twice).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(twice.message).toContain('options.conversations');
    expect(errorOf(() => seed({ conversations: [{ id: 'x' }] })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => seed({ groups: ['Work'] })).code).toBe('INVALID_ARGUMENT');
    expect(errorOf(() => seed({ groups: [{ name: 'G', conversationIds: 'a' }] })).code).toBe('INVALID_ARGUMENT');
    expect(
      errorOf(() =>
        seed({
          groups: [
            { name: 'G', conversationIds: [] },
            { name: 'G', conversationIds: [] },
          ],
        }),
      ).code,
    ).toBe('INVALID_ARGUMENT');
    const unknownMember = errorOf(() => seed({ groups: [{ name: 'G', conversationIds: ['nobody'] }] }));
    expect(unknownMember).toMatchObject({ code: 'CONVERSATION_NOT_FOUND', sdkCode: 2500 });
    expect(errorOf(() => seed({ groups: [{ name: '', conversationIds: [] }] })).code).toBe('GROUP_NAME_INVALID');
    expect(errorOf(() => seed({ conversations: [makeConversation({ id: 'a', groupNames: ['研'.repeat(11)] })] })).code).toBe('GROUP_NAME_INVALID');
  });

  it('checks without copying, and finds an id given twice, or a conversation changed since, when it builds', () => {
    const a = makeConversation({ id: 'a', groupNames: ['Work'] });
    const b = makeConversation({ id: 'b' });
    const checked = checkSeed({ conversations: [a, b, { ...a }], groups: [], deleted: [] }, LIMITS, 'options');
    // The user's objects, in a list of the seed's own; the groups found already, their members when read.
    expect(checked.conversations[0]).toBe(a);
    expect(checked.groupNames).toEqual(['Work']);
    expect([...seedMembers(checked).get('Work')!]).toEqual(['a']);
    expect(errorOf(() => buildSeed(checked))).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: 'options.conversations: the id "a" appears twice.',
    });

    const later = checkSeed({ conversations: [b], groups: [], deleted: [] }, LIMITS, 'options');
    (b as { unreadCount: number }).unreadCount = -1;
    expect(errorOf(() => buildSeed(later))).toMatchObject({ code: 'INVALID_ARGUMENT' });
    expect(errorOf(() => buildSeed(later)).message).toContain('"unreadCount" must be a non-negative integer');
  });

  it('refuses a seed that is not lists', () => {
    expect(errorOf(() => seed({ conversations: 'abc' as unknown as unknown[] })).message).toBe('options.conversations must be an array.');
    expect(errorOf(() => seed({ groups: {} as unknown as unknown[] })).message).toBe('options.groups must be an array.');
  });

  it('counts the groups named by conversations toward the group limit', () => {
    const groups = Array.from({ length: 19 }, (_, i) => ({ name: `G${i}`, conversationIds: [] }));
    expect(seed({ groups, conversations: [makeConversation({ id: 'a', groupNames: ['G0', 'Extra'] })] }).groupNames).toHaveLength(20);
    const over = errorOf(() => seed({ groups, conversations: [makeConversation({ id: 'a', groupNames: ['Extra', 'More'] })] }));
    expect(over).toMatchObject({ code: 'GROUP_LIMIT_EXCEEDED', sdkCode: 51010 });
    expect(over.message).toBe('options: 21 groups, but at most 20 can exist.');
  });
});

describe('chooseSeed', () => {
  const options = { conversations: [makeConversation({ id: 'from-options' })] };
  const stored = (conversations: unknown[]): StoredData => ({ conversations, groups: [], deleted: [] });

  it('starts from what storage kept when there is any', () => {
    const seed = chooseSeed(options, stored([makeConversation({ id: 'from-storage' })]), LIMITS);
    expect(seed.conversations.map((c) => c.id)).toEqual(['from-storage']);
  });

  it('starts from the options when nothing is stored, or when what is stored does not seed', () => {
    expect(chooseSeed(options, undefined, LIMITS).conversations.map((c) => c.id)).toEqual(['from-options']);
    expect(chooseSeed(options, stored([{ id: 'broken' }]), LIMITS).conversations.map((c) => c.id)).toEqual(['from-options']);
    expect(chooseSeed({}, undefined, LIMITS).conversations).toHaveLength(0);
  });

  it('throws for bad options, which are the caller’s mistake', () => {
    expect(errorOf(() => chooseSeed({ conversations: [{ id: 'broken' }] }, undefined, LIMITS)).code).toBe('INVALID_ARGUMENT');
  });
});
