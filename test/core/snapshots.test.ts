import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CopyOnWriteTable } from '../../src/core/copyOnWriteTable.js';
import { lazyIdArray } from '../../src/core/lazyIdArray.js';
import { createComparator, OrderedList } from '../../src/core/order.js';
import type { Conversation } from '../../src/core/types.js';
import { applyStep } from './orderSteps.js';
import { conv } from './scriptedAdapter.js';

const compare = createComparator('lastActivity');

describe('CopyOnWriteTable', () => {
  it('keeps a frozen snapshot exactly as it was while the table changes, for any id', () => {
    const table = new CopyOnWriteTable<number>();
    const ids = ['__proto__', 'constructor', 'toString', '', 'a', 'b', '😀', 'hasOwnProperty'];
    ids.forEach((id, i) => table.set(id, i));
    const before = table.freeze();
    expect(table.freeze()).toBe(before);
    table.set('__proto__', 100);
    table.delete('constructor');
    table.set('new', 7);
    expect(before.get('__proto__')).toBe(0);
    expect(before.has('constructor')).toBe(true);
    expect(before.has('new')).toBe(false);
    expect(before.size).toBe(ids.length);
    expect([...before.values()].sort()).toEqual(ids.map((_, i) => i).sort());
    const after = table.freeze();
    expect(after).not.toBe(before);
    expect(after.get('__proto__')).toBe(100);
    expect(after.has('constructor')).toBe(false);
    expect(after.size).toBe(ids.length);
  });

  it('copies only what a change touches: a second change before the next freeze writes in place', () => {
    const table = new CopyOnWriteTable<string>();
    for (let i = 0; i < 5000; i++) table.set(`id${i}`, 'v');
    const frozen = table.freeze();
    table.set('id1', 'changed');
    table.set('id1', 'again');
    expect(frozen.get('id1')).toBe('v');
    expect(table.freeze().get('id1')).toBe('again');
    // deleting an id that is not there changes nothing, not even the snapshot
    const same = table.freeze();
    table.delete('missing');
    expect(table.freeze()).toBe(same);
  });
});

describe('CopyOnWriteTable with ids whose hashes are equal', () => {
  // Found by search: each pair has the same 30-bit FNV-1a hash, so they share a collision list at the bottom.
  const pairs = [
    ['useragqe', 'user10nc0'],
    ['useragqd', 'user10nc1'],
  ];

  it('tells them apart, keeps a snapshot of them as it was, and deletes one without the other', () => {
    const table = new CopyOnWriteTable<string>();
    for (let i = 0; i < 2000; i++) table.set(`filler${i}`, 'f');
    for (const [a, b] of pairs) {
      table.set(a!, `${a}-1`);
      table.set(b!, `${b}-1`);
    }
    const before = table.freeze();
    const [[a, b], [c, d]] = pairs as [[string, string], [string, string]];
    table.set(a, `${a}-2`);
    table.delete(d);
    expect(table.get(a)).toBe(`${a}-2`);
    expect(table.get(b)).toBe(`${b}-1`);
    expect(table.get(c)).toBe(`${c}-1`);
    expect(table.has(d)).toBe(false);
    expect(table.size).toBe(2003);
    // the snapshot taken before still reads as it did
    expect([a, b, c, d].map((id) => before.get(id))).toEqual([`${a}-1`, `${b}-1`, `${c}-1`, `${d}-1`]);
    expect(before.size).toBe(2004);
    table.delete(c);
    table.delete(a);
    expect([a, b, c, d].map((id) => table.has(id))).toEqual([false, true, false, false]);
    expect([...table.freeze().values()].filter((v) => v !== 'f')).toEqual([`${b}-1`]);
  });
});

describe('lazyIdArray', () => {
  const ids = ['a', 'b', 'c'];
  const make = () => {
    let built = 0;
    const array = lazyIdArray(ids.length, (i) => ids[i], () => {
      built++;
      return ids.slice();
    });
    return { array, built: () => built };
  };

  it('reads length and items in place, without building the array', () => {
    const { array, built } = make();
    expect(array.length).toBe(3);
    expect(array[0]).toBe('a');
    expect(array[2]).toBe('c');
    expect(array[3]).toBeUndefined();
    expect(built()).toBe(0);
  });

  it('behaves as a plain array for everything else, building it once', () => {
    const { array, built } = make();
    expect(Array.isArray(array)).toBe(true);
    expect([...array]).toEqual(ids);
    expect(array.map((id) => id.toUpperCase())).toEqual(['A', 'B', 'C']);
    expect(array.includes('b')).toBe(true);
    expect(array.indexOf('c')).toBe(2);
    expect(JSON.stringify(array)).toBe('["a","b","c"]');
    expect(Object.keys(array)).toEqual(['0', '1', '2']);
    expect(array).toEqual(ids);
    expect(built()).toBe(1);
  });

  it('cannot be written to', () => {
    const { array } = make();
    expect(() => {
      (array as string[])[0] = 'x';
    }).toThrow(TypeError);
    expect(() => (array as string[]).push('x')).toThrow(TypeError);
    expect([...array]).toEqual(ids);
  });
});

describe('OrderedList snapshots', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => conv(`c${String(i).padStart(4, '0')}`, { lastActivityAt: 100_000 - i }));

  it('a frozen order never changes, whatever the list does afterwards', () => {
    const list = new OrderedList<Conversation>(compare, 8);
    const all = items(100);
    list.appendSorted(all);
    const snapshot = list.freeze();
    const before = [...snapshot.ids()];
    list.update(all[50]!, { ...all[50]!, lastActivityAt: 1e9 });
    list.remove(all[10]!);
    list.insert(conv('new', { lastActivityAt: 50 }));
    list.update(all[70]!, { ...all[70]!, title: 'renamed' });
    expect([...snapshot.ids()]).toEqual(before);
    expect(snapshot.at(70)).toBe(all[70]);
    expect(snapshot.size).toBe(100);
    const after = list.freeze();
    expect(after.ids()[0]).toBe('c0050');
    expect(after.size).toBe(100);
    expect(after.at(after.indexOf(after.at(69)!))?.title).toBe(after.at(69)!.title);
  });

  it('every frozen order reads as it did when frozen, through churn that splits and merges chunks and branches', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(40), fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean()), { maxLength: 200 }),
        fc.constantFrom(1, 2, 3, 64),
        (steps, branchSize) => {
          const list = new OrderedList<Conversation>(compare, 4, branchSize);
          const current = new Map<string, Conversation>();
          const frozen: Array<{ snapshot: ReturnType<typeof list.freeze>; items: Conversation[] }> = [];
          for (const [n, time, remove, freeze] of steps) {
            applyStep(list, current, n, time, remove);
            if (freeze) frozen.push({ snapshot: list.freeze(), items: [...current.values()].sort(compare) });
          }
          for (const { snapshot, items } of frozen) {
            expect(snapshot.size).toBe(items.length);
            expect([...snapshot.ids()]).toEqual(items.map((c) => c.id));
            items.forEach((item, i) => {
              expect(snapshot.at(i)).toBe(item);
              expect(snapshot.indexOf(item)).toBe(i);
            });
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('snapshots with the same order of ids share their view and id array; a move gives new ones', () => {
    const list = new OrderedList<Conversation>(compare, 8);
    const all = items(40);
    list.appendSorted(all);
    const first = list.freeze();
    const lookup = (id: string) => all.find((c) => c.id === id);
    const view = first.view(lookup);
    const ids = first.ids();
    const renamed = { ...all[5]!, title: 'renamed' };
    list.update(all[5]!, renamed);
    const second = list.freeze();
    expect(second).not.toBe(first);
    expect(second.view(lookup)).toBe(view);
    expect(second.ids()).toBe(ids);
    expect(second.at(5)).toBe(renamed);
    expect(first.at(5)).toBe(all[5]);
    list.update(renamed, { ...renamed, lastActivityAt: 1e9 });
    const third = list.freeze();
    expect(third.view(lookup)).not.toBe(view);
    expect(third.ids()).not.toBe(ids);
    expect(third.ids()[0]).toBe(renamed.id);
  });
});
