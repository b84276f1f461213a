// The order and keyset paging alone (src/adapters/memory/paging.ts).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { OrderingKey } from '../../src/core/adapter.js';
import { createComparator } from '../../src/core/order.js';
import type { Conversation } from '../../src/core/types.js';
import { isValidCursor, parseCursor, readPage, sortedOrder, sortInSteps, toCursor } from '../../src/adapters/memory/paging.js';
import type { Steps } from '../../src/adapters/memory/steps.js';
import { makeConversation } from '../../src/testing/helpers.js';

/** Conversations with few distinct times, so that ties (broken by id) are common; some pinned, some with drafts. */
const conversationsArbitrary = fc
  .uniqueArray(
    fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      time: fc.integer({ min: 0, max: 6 }),
      pinned: fc.boolean(),
      draftAt: fc.option(fc.integer({ min: 0, max: 9 }), { nil: undefined }),
    }),
    { selector: (row) => row.id, maxLength: 120 },
  )
  .map((rows) =>
    rows.map(({ id, time, pinned, draftAt }) =>
      makeConversation({
        id,
        lastActivityAt: time,
        isPinned: pinned,
        ...(draftAt === undefined ? {} : { draft: { text: 'draft', updatedAt: draftAt } }),
      }),
    ),
  );

function many(count: number): Conversation[] {
  return Array.from({ length: count }, (_, i) => makeConversation({ id: `c${String(i).padStart(3, '0')}`, lastActivityAt: 1000 - i }));
}

/** Every page of `order`, `count` at a time. */
function allPages(order: ReturnType<typeof sortedOrder>, count: number, orderBy: OrderingKey = 'lastActivity'): Conversation[][] {
  const pages: Conversation[][] = [];
  let cursor: string | null = null;
  for (;;) {
    const page = readPage(order, cursor, count, orderBy);
    pages.push([...page.conversations]);
    if (page.isFinished) {
      expect(page.cursor).toBeNull();
      return pages;
    }
    expect(page.cursor).not.toBeNull();
    cursor = page.cursor;
  }
}

describe('sortInSteps', () => {
  /** Runs the steps, counting the yields. */
  function run<T>(steps: Steps<T>): { result: T; yields: number } {
    let yields = 0;
    for (;;) {
      const next = steps.next();
      if (next.done) return { result: next.value, yields };
      yields++;
    }
  }

  it('sorts as Array.prototype.sort does, stably, whatever the step', () => {
    // Pairs compared by key only: equal keys must keep their input order.
    const byKey = (a: [number, number], b: [number, number]) => a[0] - b[0];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 5 }), fc.nat()), { maxLength: 200 }),
        fc.integer({ min: 1, max: 40 }),
        (items, step) => {
          const { result } = run(sortInSteps(items, byKey, step));
          expect(result).toEqual(items.slice().sort(byKey));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('yields after about `step` items of work, and leaves its input as it was', () => {
    const items = Array.from({ length: 1000 }, (_, i) => (i * 7919) % 1000);
    const input = items.slice();
    const { result, yields } = run(sortInSteps(items, (a, b) => a - b, 100));
    expect(result).toEqual(Array.from({ length: 1000 }, (_, i) => i));
    expect(items).toEqual(input);
    // 10 runs sorted, then 4 merge passes of 1,000 items each: about 50 steps of about 100 items.
    expect(yields).toBeGreaterThanOrEqual(40);
    expect(yields).toBeLessThanOrEqual(60);
  });
});

describe('sortedOrder', () => {
  for (const orderBy of ['lastActivity', 'lastActivityOrDraft'] as const) {
    it(`sorts once into the comparator's order (${orderBy}), whatever the input order`, () => {
      fc.assert(
        fc.property(conversationsArbitrary, (conversations) => {
          const expected = [...conversations].sort(createComparator(orderBy)).map((c) => c.id);
          expect(sortedOrder(conversations, orderBy).ids()).toEqual(expected);
          expect(sortedOrder([...conversations].reverse(), orderBy).ids()).toEqual(expected);
        }),
        { numRuns: 150 },
      );
    });
  }

  it('keeps the order through later changes, as the tables make them', () => {
    const conversations = many(10);
    const order = sortedOrder(conversations, 'lastActivity');
    order.update(conversations[7]!, { ...conversations[7]!, lastActivityAt: 5000 });
    order.insert(makeConversation({ id: 'new', lastActivityAt: 995 }));
    order.remove(conversations[0]!);
    expect(order.ids()).toEqual(['c007', 'c001', 'c002', 'c003', 'c004', 'c005', 'new', 'c006', 'c008', 'c009']);
  });
});

describe('cursors', () => {
  it('name the order key and id of a row, and read back', () => {
    const pinned = makeConversation({ id: 'C2C"quoted"', isPinned: true, lastActivityAt: 42 });
    expect(parseCursor(toCursor(pinned, 'lastActivity'))).toEqual([1, 42, 'C2C"quoted"']);
    const drafted = makeConversation({ id: 'd', lastActivityAt: 42, draft: { text: 'x', updatedAt: 99 } });
    expect(parseCursor(toCursor(drafted, 'lastActivity'))).toEqual([0, 42, 'd']);
    expect(parseCursor(toCursor(drafted, 'lastActivityOrDraft'))).toEqual([0, 99, 'd']);
  });

  it('refuse anything toCursor did not make', () => {
    for (const text of ['', 'abc', '{}', '[0,1]', '[2,1,"a"]', '[0,"1","a"]', '[0,1,2]', '[0,1e999,"a"]', '[0,1,"a",4]', 'null']) {
      expect(parseCursor(text), text).toBeUndefined();
      expect(isValidCursor(text), text).toBe(false);
    }
    for (const value of [0, {}, ['0', 1, 'a']]) expect(isValidCursor(value)).toBe(false);
    expect(isValidCursor(undefined) && isValidCursor(null) && isValidCursor('[0,1,"a"]')).toBe(true);
  });
});

describe('readPage', () => {
  it('pages through the whole order, without gaps or repeats, and says when it is finished', () => {
    const conversations = many(25);
    const order = sortedOrder(conversations, 'lastActivity');
    const pages = allPages(order, 10);
    expect(pages.map((page) => page.length)).toEqual([10, 10, 5]);
    expect(pages.flat().map((c) => c.id)).toEqual(order.ids());
  });

  it('finishes on a page that ends exactly at the end, and on an empty list', () => {
    expect(allPages(sortedOrder(many(20), 'lastActivity'), 10).map((page) => page.length)).toEqual([10, 10]);
    expect(readPage(sortedOrder([], 'lastActivity'), null, 10, 'lastActivity')).toEqual({ conversations: [], cursor: null, isFinished: true });
  });

  it('continues right after where the cursor row would stand now, when that row was deleted or moved meanwhile', () => {
    const conversations = many(6);
    const order = sortedOrder(conversations, 'lastActivity');
    const first = readPage(order, null, 3, 'lastActivity');
    expect(first.conversations.map((c) => c.id)).toEqual(['c000', 'c001', 'c002']);

    order.remove(conversations[2]!); // the cursor's own row is deleted
    expect(readPage(order, first.cursor, 3, 'lastActivity').conversations.map((c) => c.id)).toEqual(['c003', 'c004', 'c005']);

    order.update(conversations[1]!, { ...conversations[1]!, lastActivityAt: 0 }); // a row already delivered moves down
    expect(readPage(order, first.cursor, 10, 'lastActivity').conversations.map((c) => c.id)).toEqual(['c003', 'c004', 'c005', 'c001']);
  });

  it('never skips a row that stays put while others move, whatever moves between pages', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(39), fc.integer({ min: 0, max: 2000 })), { maxLength: 30 }),
        fc.integer({ min: 1, max: 12 }),
        (moves, count) => {
          const current = new Map(many(40).map((c) => [c.id, c]));
          const order = sortedOrder(current.values(), 'lastActivity');
          const moved = new Set<string>();
          const delivered = new Set<string>();
          let cursor: string | null = null;
          let step = 0;
          for (;;) {
            const page = readPage(order, cursor, count, 'lastActivity');
            for (const c of page.conversations) delivered.add(c.id);
            if (page.isFinished) break;
            cursor = page.cursor;
            const move = moves[step++];
            if (move) {
              const id = `c${String(move[0]).padStart(3, '0')}`;
              const prev = current.get(id)!;
              const next = { ...prev, lastActivityAt: move[1] };
              order.update(prev, next);
              current.set(id, next);
              moved.add(id);
            }
          }
          for (const id of current.keys()) if (!moved.has(id)) expect(delivered.has(id), id).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });
});
