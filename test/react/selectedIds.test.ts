import { describe, expect, it } from 'vitest';
import type { ListView } from '../../src/core/store.js';
import { SelectedIds } from '../../src/react/selectedIds.js';

/** A list view over `ids`, counting the lookups and reads made through it. */
function countedList(ids: readonly string[]) {
  const reads = { indexOf: 0, iterated: 0 };
  const view: ListView = {
    size: ids.length,
    at: (i) => ids[i],
    indexOf: (id) => {
      reads.indexOf++;
      return ids.indexOf(id);
    },
  };
  const iterable = {
    [Symbol.iterator]() {
      reads.iterated++;
      return ids[Symbol.iterator]();
    },
  } as unknown as readonly string[];
  return { view, ids: iterable, reads };
}

describe('SelectedIds', () => {
  it('selects a whole list without reading it, and reads it once when iterated', () => {
    const { view, ids, reads } = countedList(['a', 'constructor', '__proto__', 'b']);
    const all = SelectedIds.ofList(view, ids);
    expect(all.size).toBe(4);
    expect(reads).toEqual({ indexOf: 0, iterated: 0 });
    expect(all.has('__proto__')).toBe(true);
    expect(all.has('toString')).toBe(false);
    expect([...all]).toEqual(['a', 'constructor', '__proto__', 'b']);
    expect(reads.iterated).toBe(1);
    expect(all.isWholeList(view)).toBe(true);
  });

  it('hands a whole list to a command as the list’s own array, unread and uncopied; a copy once ids were taken out', () => {
    const listIds = Object.freeze(['a', 'constructor', '__proto__', 'b']);
    const { view, reads } = countedList(listIds);
    const all = SelectedIds.ofList(view, listIds);
    expect(all.toArray()).toBe(listIds);
    expect(reads).toEqual({ indexOf: 0, iterated: 0 });
    const fewer = all.without(['constructor']);
    expect(fewer.toArray()).toEqual(['a', '__proto__', 'b']);
    expect(SelectedIds.ofSet(new Set(['x', 'y'])).toArray()).toEqual(['x', 'y']);
  });

  it('takes ids out in O(removed), and every earlier version still reads as it did', () => {
    const { view, ids } = countedList(['a', 'b', 'c', 'd']);
    const v0 = SelectedIds.ofList(view, ids);
    const v1 = v0.without(['b', 'b', 'nope']);
    const v2 = v1.without(['d']);
    expect([...v0]).toEqual(['a', 'b', 'c', 'd']);
    expect([...v1]).toEqual(['a', 'c', 'd']);
    expect([...v2]).toEqual(['a', 'c']);
    expect([v0.size, v1.size, v2.size]).toEqual([4, 3, 2]);
    expect([v0.has('d'), v1.has('d'), v2.has('d')]).toEqual([true, true, false]);
    expect(v1.isWholeList(view)).toBe(false);
    // Nothing selected among the ids: the same object.
    expect(v2.without(['b', 'zzz'])).toBe(v2);
  });

  it('takes out ids the caller found selected without asking the list again, once each', () => {
    const { view, ids, reads } = countedList(['a', 'b', 'c', 'd']);
    const v0 = SelectedIds.ofList(view, ids);
    const found = ['b', 'd', 'b'].filter((id) => v0.has(id));
    const asked = reads.indexOf;
    const v1 = v0.withoutSelected(found);
    expect(reads.indexOf).toBe(asked);
    expect(v1.size).toBe(2);
    expect([...v1]).toEqual(['a', 'c']);
    expect([...v0]).toEqual(['a', 'b', 'c', 'd']);
  });

  it('an older version built on again copies first, so the newer versions are not changed', () => {
    const base = new Set(['a', 'b', 'c']);
    const v0 = SelectedIds.ofSet(base);
    const v1 = v0.without(['a']);
    const branch = v0.without(['c']);
    expect([...v1]).toEqual(['b', 'c']);
    expect([...branch]).toEqual(['a', 'b']);
    expect([...v0]).toEqual(['a', 'b', 'c']);
    expect([...base]).toEqual(['a', 'b', 'c']);
  });

  it('reads as a Set: keys, values, entries, forEach, spread into a Set, and cannot be changed', () => {
    const v = SelectedIds.ofSet(new Set(['x', 'y', 'z'])).without(['y']);
    expect([...v.keys()]).toEqual(['x', 'z']);
    expect([...v.values()]).toEqual(['x', 'z']);
    expect([...v.entries()]).toEqual([
      ['x', 'x'],
      ['z', 'z'],
    ]);
    const seen: string[] = [];
    v.forEach((value, key, set) => {
      expect(set).toBe(v);
      seen.push(`${value}=${key}`);
    });
    expect(seen).toEqual(['x=x', 'z=z']);
    expect(new Set(v)).toEqual(new Set(['x', 'z']));
    expect(Object.prototype.toString.call(v)).toBe('[object Set]');
    expect(Object.isFrozen(v)).toBe(true);
  });
});
