import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createComparator, OrderedList } from '../../src/core/order.js';
import { applyStep } from './orderSteps.js';
import { conv } from './scriptedAdapter.js';
import type { Conversation } from '../../src/core/types.js';

const compare = createComparator('lastActivity');
/** Chunks per branch: tiny ones make every change cross branch boundaries, split and merge branches; 64 is the default. */
const branchSizes = fc.constantFrom(1, 2, 3, 4, 64);

describe('OrderedList', () => {
  it('stays sorted and complete through random inserts, moves and removals across many chunks and branches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 0, max: 50 }), fc.boolean(), fc.constantFrom('insert', 'move', 'remove')), {
          maxLength: 400,
        }),
        branchSizes,
        (steps, branchSize) => {
          const list = new OrderedList<Conversation>(compare, 4, branchSize);
          const current = new Map<string, Conversation>();
          for (const [n, time, pinned, action] of steps) {
            const id = `c${n}`;
            const prev = current.get(id);
            const next = conv(id, { lastActivityAt: time, isPinned: pinned });
            if (action === 'remove' || (action === 'move' && !prev)) {
              if (prev) list.remove(prev);
              current.delete(id);
            } else if (prev) {
              list.update(prev, next);
              current.set(id, next);
            } else {
              list.insert(next);
              current.set(id, next);
            }
          }
          const expected = [...current.values()].sort(compare).map((c) => c.id);
          expect(list.ids()).toEqual(expected);
          expect(list.size).toBe(current.size);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reports an order change only when an item really moved, and keeps the id array otherwise', () => {
    const list = new OrderedList<Conversation>(compare);
    const items = Array.from({ length: 2000 }, (_, i) => conv(`c${String(i).padStart(4, '0')}`, { lastActivityAt: 10_000 - i }));
    for (const item of items) list.insert(item);
    const before = list.ids();
    const same = { ...items[10]!, title: 'renamed' };
    expect(list.update(items[10]!, same)).toBe(false);
    expect(list.ids()).toBe(before);
    // a tiny time change that keeps its neighbours does not move it either
    const nudged = { ...items[500]!, lastActivityAt: items[500]!.lastActivityAt + 0.5 };
    expect(list.update(items[500]!, nudged)).toBe(false);
    expect(list.ids()).toBe(before);
    const top = { ...items[1999]!, lastActivityAt: 1e9 };
    expect(list.update(items[1999]!, top)).toBe(true);
    expect(list.ids()[0]).toBe(top.id);
    expect(list.indexOf(top)).toBe(0);
  });

  it('reads positions in place: at(i), indexOf and slice agree with ids() through churn', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(80), fc.integer({ min: 0, max: 40 }), fc.boolean()), { maxLength: 300 }), branchSizes, (steps, branchSize) => {
        const list = new OrderedList<Conversation>(compare, 8, branchSize);
        const current = new Map<string, Conversation>();
        for (const [n, time, remove] of steps) applyStep(list, current, n, time, remove);
        const ids = list.ids();
        ids.forEach((id, i) => {
          expect(list.at(i)?.id).toBe(id);
          expect(list.indexOf(current.get(id)!)).toBe(i);
        });
        expect(list.at(ids.length)).toBeUndefined();
        expect(list.slice(2, 5).map((c) => c.id)).toEqual(ids.slice(2, 7));
      }),
      { numRuns: 150 },
    );
  });

  it('reads positions right between changes too, while chunks and branches split, merge and empty', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.nat(70)), { maxLength: 250 }), branchSizes, (steps, branchSize) => {
        const list = new OrderedList<Conversation>(compare, 4, branchSize);
        const current = new Map<string, Conversation>();
        for (const [n, time, remove, probe] of steps) {
          applyStep(list, current, n, time, remove);
          // Read a position after some steps only, so that changes also land on sizes not rebuilt since.
          if (probe % 3 !== 0) continue;
          const expected = [...current.values()].sort(compare).map((c) => c.id);
          const index = probe % (expected.length + 1);
          expect(list.at(index)?.id).toBe(expected[index]);
          if (index < expected.length) expect(list.indexOf(current.get(expected[index]!)!)).toBe(index);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('merges small chunks, so churn never leaves a trail of tiny chunks', () => {
    const list = new OrderedList<Conversation>(compare, 8);
    const items = Array.from({ length: 400 }, (_, i) => conv(`c${String(i).padStart(3, '0')}`, { lastActivityAt: i }));
    for (const item of items) list.insert(item);
    // Remove all but one item in every eight: the old list kept one chunk per survivor.
    for (const [i, item] of items.entries()) if (i % 8 !== 0) list.remove(item);
    expect(list.size).toBe(50);
    expect(list.chunkCount).toBeLessThanOrEqual(Math.ceil((2 * 50) / 8) + 1);
  });

  it('merges small branches too, so that a list emptied by churn is not left with a branch per chunk', () => {
    const list = new OrderedList<Conversation>(compare, 8, 8);
    const items = Array.from({ length: 2000 }, (_, i) => conv(`c${String(i).padStart(4, '0')}`, { lastActivityAt: i }));
    for (const item of items) list.insert(item);
    expect(list.branchCount).toBeGreaterThan(40);
    for (const [i, item] of items.entries()) if (i % 16 !== 0) list.remove(item);
    expect(list.size).toBe(125);
    expect(list.chunkCount).toBeLessThanOrEqual(Math.ceil((2 * 125) / 8) + 1);
    // A branch under a quarter full merges with a neighbour: at most two branches per branch's worth of chunks.
    expect(list.branchCount).toBeLessThanOrEqual(Math.ceil((2 * list.chunkCount) / 8) + 1);
    expect(list.ids()).toEqual(items.filter((_, i) => i % 16 === 0).reverse().map((c) => c.id));
  });

  it('counts the items at or before a probe that is not in the list (for keyset paging)', () => {
    const list = new OrderedList<Conversation>(compare, 4);
    for (let i = 0; i < 20; i++) list.insert(conv(`c${String(i).padStart(2, '0')}`, { lastActivityAt: 100 - i }));
    expect(list.countThrough(conv('zz', { lastActivityAt: 95 }))).toBe(6);
    expect(list.countThrough(conv('a', { lastActivityAt: 1_000 }))).toBe(0);
    expect(list.countThrough(conv('a', { lastActivityAt: -1 }))).toBe(20);
  });
});
