// The backend's tables alone (src/adapters/memory/tables.ts): counters, order and membership kept in step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OPENIM_UNREAD_RULE, TENCENT_UNREAD_RULE, type OrderingKey, type UnreadRule } from '../../src/core/adapter.js';
import { createComparator } from '../../src/core/order.js';
import type { Conversation, MuteMode } from '../../src/core/types.js';
import { checkSeed, type SeedInput } from '../../src/adapters/memory/seed.js';
import { MemoryTables } from '../../src/adapters/memory/tables.js';
import { shownUnread } from '../../src/adapters/shownUnread.js';
import { makeConversation } from '../../src/testing/helpers.js';

function tablesOf(input: Partial<SeedInput>, rule: UnreadRule = TENCENT_UNREAD_RULE): MemoryTables {
  const seed = checkSeed({ conversations: [], groups: [], deleted: [], ...input }, { maxGroups: 20, groupNameMaxBytes: 32 }, 'options');
  return new MemoryTables(seed, 'lastActivity', rule);
}

/** Everything the tables keep in step, recomputed from scratch and compared. */
function expectConsistent(tables: MemoryTables, rule: UnreadRule = TENCENT_UNREAD_RULE, orderBy: OrderingKey = 'lastActivity'): void {
  const all = tables.all();
  expect(tables.size).toBe(all.length);
  expect(tables.unreadTotal).toBe(all.reduce((sum, c) => sum + shownUnread(c, rule), 0));
  expect(tables.pinnedCount).toBe(all.filter((c) => c.isPinned).length);
  expect(tables.groupedCount).toBe(all.filter((c) => c.groupNames.length > 0).length);
  expect(tables.page(null, all.length + 1).conversations.map((c) => c.id)).toEqual([...all].sort(createComparator(orderBy)).map((c) => c.id));
  const groups = tables.groups();
  expect(groups.map((g) => g.name)).toEqual(tables.groupNames);
  for (const { name, conversationIds } of groups) {
    const naming = all.filter((c) => c.groupNames.includes(name)).map((c) => c.id);
    expect(new Set(conversationIds), name).toEqual(new Set(naming));
  }
  for (const conversation of all) for (const name of conversation.groupNames) expect(tables.groupNames).toContain(name);
}

describe('MemoryTables', () => {
  it("answers the groups before the build without walking the conversations' groups until a group's members are read", () => {
    let reads = 0;
    /** A conversation that counts how often its groups are read. */
    const counted = (id: string, names: string[]) => {
      const conversation = makeConversation({ id, unreadCount: 1 });
      return Object.defineProperty(conversation, 'groupNames', {
        enumerable: true,
        get: () => {
          reads++;
          return names;
        },
      });
    };
    const conversations = [counted('a', ['Work']), counted('b', []), counted('c', ['Home', 'Work'])];
    const tables = tablesOf({ conversations });
    const created = reads;
    const groups = tables.groups();
    expect(groups.map((g) => [g.name, g.unreadCount])).toEqual([
      ['Work', 2],
      ['Home', 1],
    ]);
    expect(reads).toBe(created);
    expect(groups[0]!.conversationIds).toEqual(['a', 'c']);
    expect(reads).toBeGreaterThan(created);
    // Worked out once, for every group; the same members as the built tables give.
    const afterWalk = reads;
    expect(groups[1]!.conversationIds).toEqual(['c']);
    expect(reads).toBe(afterWalk);
    tables.build();
    expect(tables.groups().map((g) => [...g.conversationIds])).toEqual([['a', 'c'], ['c']]);
  });

  it('counts the unread under its rule, the pinned and the grouped, as seeded', () => {
    const conversations = [
      makeConversation({ id: 'a', unreadCount: 2, isPinned: true }),
      makeConversation({ id: 'b', unreadCount: 5, muteMode: 'silent', groupNames: ['Work'] }),
      makeConversation({ id: 'c', unreadCount: 7, muteMode: 'blocked' }),
      makeConversation({ id: 'd', unreadCount: 1, kind: 'system' }),
    ];
    const tencent = tablesOf({ conversations });
    expect([tencent.unreadTotal, tencent.pinnedCount, tencent.groupedCount]).toEqual([2, 1, 1]);
    expect(tablesOf({ conversations }, OPENIM_UNREAD_RULE).unreadTotal).toBe(10);
  });

  it('lists the groups before it builds, each member once in the order it joined, as after the build', () => {
    const conversations = [
      makeConversation({ id: 'a', groupNames: ['Work', 'Work', 'Family'] }),
      makeConversation({ id: 'constructor', groupNames: ['Work'] }),
      makeConversation({ id: 'c', groupNames: ['Family', 'Work'] }),
    ];
    // Named by the conversations only (kept as plain lists until the build), and listed by a group as well.
    for (const groups of [[], [{ name: 'Work', conversationIds: ['c', 'a'] }]]) {
      const tables = tablesOf({ conversations, groups });
      const before = tables.groups();
      expect(tables.isBuilt).toBe(false);
      expect(Object.isFrozen(before[0]!.conversationIds)).toBe(true);
      expect(before.map((g) => [g.name, g.conversationIds])).toEqual(
        groups.length === 0
          ? [
              ['Work', ['a', 'constructor', 'c']],
              ['Family', ['a', 'c']],
            ]
          : [
              ['Work', ['c', 'a', 'constructor']],
              ['Family', ['a', 'c']],
            ],
      );
      tables.build();
      expect(tables.groups()).toEqual(before);
      expectConsistent(tables);
    }
  });

  it('puts a new conversation into the groups it names, and takes it out of them again', () => {
    const tables = tablesOf({ groups: [{ name: 'Work', conversationIds: [] }] });
    tables.put(makeConversation({ id: '__proto__', groupNames: ['Work'], unreadCount: 3 }));
    expect(tables.membership('Work')).toEqual(['__proto__']);
    expect([tables.unreadTotal, tables.groupedCount]).toEqual([3, 1]);
    const taken = tables.take('__proto__')!;
    expect(taken.groupNames).toEqual(['Work']);
    expect(tables.membership('Work')).toEqual([]);
    expect([tables.size, tables.unreadTotal, tables.groupedCount]).toEqual([0, 0, 0]);
    expect(tables.take('__proto__')).toBeUndefined();
  });

  it('renames a group in place, keeping its members and their other groups', () => {
    const tables = tablesOf({
      conversations: [makeConversation({ id: 'a', groupNames: ['Family', 'Work'] }), makeConversation({ id: 'b', groupNames: ['Work'] })],
    });
    const changed = tables.renameGroup('Work', 'Job');
    expect(tables.groupNames).toEqual(['Family', 'Job']);
    expect(changed.map((c) => [c.id, c.groupNames])).toEqual([
      ['a', ['Family', 'Job']],
      ['b', ['Job']],
    ]);
    expect(tables.membership('Job')).toEqual(['a', 'b']);
    expectConsistent(tables);
  });

  it('adds and removes members once, reporting only the conversations that changed', () => {
    const tables = tablesOf({ conversations: [makeConversation({ id: 'a' })], groups: [{ name: 'Work', conversationIds: [] }] });
    expect(tables.addMember('Work', 'a')!.groupNames).toEqual(['Work']);
    expect(tables.addMember('Work', 'a')).toBeUndefined();
    expect(tables.removeMember('Work', 'a')!.groupNames).toEqual([]);
    expect(tables.removeMember('Work', 'a')).toBeUndefined();
  });

  it('keeps deleted conversations apart from the list', () => {
    const tables = tablesOf({ deleted: [makeConversation({ id: 'gone' })] });
    expect(tables.getDeleted('gone')!.id).toBe('gone');
    expect(tables.has('gone')).toBe(false);
    tables.keepDeleted(makeConversation({ id: 'also', unreadCount: 3, isPinned: true }), { unreadCount: 0, isPinned: false });
    tables.forgetDeleted('gone');
    expect(tables.snapshot().deleted.map((c) => c.id)).toEqual(['also']);
    // The deletion's changes are applied when the conversation is read, once: the same object every time.
    const also = tables.getDeleted('also')!;
    expect(also).toMatchObject({ unreadCount: 0, isPinned: false });
    expect(Object.isFrozen(also)).toBe(true);
    expect(tables.getDeleted('also')).toBe(also);
    expect(tables.snapshot().deleted[0]).toBe(also);
  });

  it('gives the snapshot in list order, and the saved snapshot in table order', () => {
    const tables = tablesOf({
      conversations: [makeConversation({ id: 'old', lastActivityAt: 1 }), makeConversation({ id: 'new', lastActivityAt: 2 })],
    });
    expect(tables.snapshot().conversations.map((c) => c.id)).toEqual(['new', 'old']);
    expect(tables.unorderedSnapshot().conversations.map((c) => c.id)).toEqual(['old', 'new']);
  });

  it('keeps counters, order and both sides of every membership in step through any sequence of changes', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', '__proto__'];
    const names = ['Work', 'Family', 'Clubs'];
    const id = fc.constantFrom(...ids);
    const name = fc.constantFrom(...names);
    const step = fc.oneof(
      fc.record({
        kind: fc.constant('put' as const),
        id,
        unreadCount: fc.nat(5),
        pinned: fc.boolean(),
        time: fc.nat(5),
        muteMode: fc.constantFrom<MuteMode>('none', 'silent', 'blocked'),
      }),
      fc.record({ kind: fc.constant('take' as const), id }),
      fc.record({ kind: fc.constant('addGroup' as const), name }),
      fc.record({ kind: fc.constant('renameGroup' as const), name, newName: fc.constantFrom('Renamed', 'Other') }),
      fc.record({ kind: fc.constant('deleteGroup' as const), name }),
      fc.record({ kind: fc.constant('addMember' as const), name, id }),
      fc.record({ kind: fc.constant('removeMember' as const), name, id }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        const tables = tablesOf({ conversations: [makeConversation({ id: 'a', groupNames: ['Work'] })] });
        for (const s of steps) {
          const hasGroup = tables.groupNames.includes('name' in s ? s.name : '');
          if (s.kind === 'put') {
            const prev = tables.get(s.id);
            const fields: Partial<Conversation> = { unreadCount: s.unreadCount, isPinned: s.pinned, lastActivityAt: s.time, muteMode: s.muteMode };
            tables.put(Object.freeze(prev ? { ...prev, ...fields } : makeConversation({ id: s.id, ...fields })));
          } else if (s.kind === 'take') {
            tables.take(s.id);
          } else if (s.kind === 'addGroup') {
            if (!hasGroup) tables.addGroup(s.name);
          } else if (s.kind === 'renameGroup') {
            if (hasGroup && !tables.groupNames.includes(s.newName)) tables.renameGroup(s.name, s.newName);
          } else if (s.kind === 'deleteGroup') {
            if (hasGroup) tables.deleteGroup(s.name);
          } else if (hasGroup && tables.has(s.id)) {
            if (s.kind === 'addMember') tables.addMember(s.name, s.id);
            else tables.removeMember(s.name, s.id);
          }
        }
        expectConsistent(tables);
      }),
      { numRuns: 200 },
    );
  });

  it('answers a first page shorter than the list, the groups and the counts from the checked seed, as the built tables do', () => {
    const rawConversation = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', '__proto__', 'constructor'),
      isPinned: fc.boolean(),
      lastActivityAt: fc.constantFrom(0, 10, 20, 30),
      unreadCount: fc.nat(5),
      muteMode: fc.constantFrom<MuteMode>('none', 'silent', 'blocked'),
      groupNames: fc.array(fc.constantFrom('Work', 'Family', 'R&D'), { maxLength: 4 }),
      marks: fc.constantFrom(undefined, ['hide' as const], ['star' as const, 'star' as const]),
      draft: fc.constantFrom(undefined, { text: '', updatedAt: 40 }, { text: 'later', updatedAt: 50 }, { text: 'early', updatedAt: 5 }),
    });
    const input = fc.record({
      conversations: fc.uniqueArray(rawConversation, { selector: (c) => c.id, maxLength: 9 }),
      listed: fc.subarray(['a', 'b', 'c']),
      orderBy: fc.constantFrom<OrderingKey>('lastActivity', 'lastActivityOrDraft'),
      rule: fc.constantFrom(TENCENT_UNREAD_RULE, OPENIM_UNREAD_RULE),
      count: fc.integer({ min: 1, max: 11 }),
    });
    fc.assert(
      fc.property(input, ({ conversations: raw, listed, orderBy, rule, count }) => {
        const conversations = raw.map(({ marks, draft, ...c }) =>
          makeConversation({ ...c, ...(marks ? { marks } : {}), ...(draft ? { draft } : {}) }),
        );
        const ids = new Set(conversations.map((c) => c.id));
        const groups = [{ name: 'Listed', conversationIds: listed.filter((id) => ids.has(id)) }];
        const limits = { maxGroups: 20, groupNameMaxBytes: 32 };
        const make = () => new MemoryTables(checkSeed({ conversations, groups, deleted: [] }, limits, 'options'), orderBy, rule);
        const seeded = make();
        const built = make();
        built.build();
        const answers = (tables: MemoryTables) => ({
          page: tables.page(null, count),
          groups: tables.groups(),
          unreadTotal: tables.unreadTotal,
          pinned: tables.pinnedCount,
          size: tables.size,
          groupNames: tables.groupNames,
        });
        expect(answers(seeded)).toEqual(answers(built));
        // A first page that is the whole list is the whole build.
        expect(seeded.isBuilt).toBe(count >= conversations.length);
        // Frozen copies from the seed too, never the caller's objects.
        for (const conversation of seeded.page(null, count).conversations) {
          expect(Object.isFrozen(conversation) && Object.isFrozen(conversation.groupNames)).toBe(true);
          expect(conversations).not.toContain(conversation);
        }
        // What needs the tables builds them.
        expect(seeded.groupedCount).toBe(built.groupedCount);
        expect(seeded.isBuilt).toBe(true);
        expectConsistent(seeded, rule, orderBy);
      }),
    );
  });
});
