/** Read-only access to a table keyed by id. */
export interface ReadonlyTable<V> {
  get(id: string): V | undefined;
  has(id: string): boolean;
  readonly size: number;
  values(): IterableIterator<V>;
}

// A hash array mapped trie: each node covers 32 slots chosen by 5 bits of the id's hash, and stores only the slots
// in use (a bitmap says which), so a node copied on write is as small as what it holds. A slot holds one entry or a
// deeper node; ids whose hashes are equal share a list at the bottom.
const BITS = 5;
const MASK = (1 << BITS) - 1;
/** Past this shift the hash has no bits left. */
const MAX_SHIFT = 30;

interface Entry<V> {
  readonly id: string;
  readonly hash: number;
  readonly value: V;
}

/** `owner` is the edit the node was made in: a node of an earlier edit is shared with a snapshot and is copied. */
interface Node<V> {
  owner: object;
  /** Bit `i` is set when slot `i` is in use; `slots` holds the slots in use, in order. */
  bitmap: number;
  slots: Slot<V>[];
}

interface Collision<V> {
  owner: object;
  entries: Entry<V>[];
}

type Slot<V> = Entry<V> | Node<V> | Collision<V>;

// A field read, not `'slots' in slot`: the three slot shapes keep it a fast, polymorphic property load.
const isNode = <V>(slot: Slot<V> | undefined): slot is Node<V> => slot !== undefined && (slot as Node<V>).slots !== undefined;
const isCollision = <V>(slot: Slot<V> | undefined): slot is Collision<V> => slot !== undefined && (slot as Collision<V>).entries !== undefined;

/**
 * FNV-1a over the id's UTF-16 code units: spreads arbitrary strings evenly. Kept to 30 bits, a small integer V8 keeps
 * unboxed: a 32-bit hash is a heap number half the time, and every lookup then read it through a box (lookups took
 * 1.8× as long). The rare ids whose 30-bit hashes are equal share a collision list.
 */
function hashOf(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return hash & 0x3fffffff;
}

function popcount(n: number): number {
  n -= (n >>> 1) & 0x55555555;
  n = (n & 0x33333333) + ((n >>> 2) & 0x33333333);
  return (((n + (n >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Where slot `bit` is stored in a node's compact array. */
const positionOf = (bitmap: number, bit: number) => popcount(bitmap & (bit - 1));

function find<V>(root: Node<V>, id: string): Entry<V> | undefined {
  const hash = hashOf(id);
  let slot: Slot<V> | undefined = root;
  for (let shift = 0; isNode(slot); shift += BITS) {
    const bit = 1 << ((hash >>> shift) & MASK);
    slot = slot.bitmap & bit ? slot.slots[positionOf(slot.bitmap, bit)] : undefined;
  }
  if (isCollision(slot)) return slot.entries.find((entry) => entry.id === id);
  return slot?.id === id ? slot : undefined;
}

function* entriesOf<V>(root: Node<V>): Generator<Entry<V>> {
  const stack: Slot<V>[] = [root];
  while (stack.length > 0) {
    const slot = stack.pop()!;
    if (isNode(slot)) stack.push(...slot.slots);
    else if (isCollision(slot)) yield* slot.entries;
    else yield slot;
  }
}

function* valuesOf<V>(root: Node<V>): IterableIterator<V> {
  for (const entry of entriesOf(root)) yield entry.value;
}

/** Reading a trie, for the table (which changes) and its snapshots (which never do). */
abstract class TrieReader<V> implements ReadonlyTable<V> {
  protected abstract root: Node<V>;
  abstract readonly size: number;

  get(id: string): V | undefined {
    return find(this.root, id)?.value;
  }

  has(id: string): boolean {
    return find(this.root, id) !== undefined;
  }

  values(): IterableIterator<V> {
    return valuesOf(this.root);
  }
}

/**
 * A published table: its nodes are never changed again. It reads as a `ReadonlyMap` too, so a state can publish it
 * where a map is expected (`state.pending`) and a change still copies only the nodes on one id's path.
 */
class TableSnapshot<V> extends TrieReader<V> {
  constructor(
    protected readonly root: Node<V>,
    readonly size: number,
  ) {
    super();
  }

  *entries(): MapIterator<[string, V]> {
    for (const entry of entriesOf(this.root)) yield [entry.id, entry.value];
  }

  *keys(): MapIterator<string> {
    for (const entry of entriesOf(this.root)) yield entry.id;
  }

  forEach(callback: (value: V, key: string, map: ReadonlyMap<string, V>) => void, thisArg?: unknown): void {
    for (const entry of entriesOf(this.root)) callback.call(thisArg, entry.value, entry.id, this);
  }

  [Symbol.iterator](): MapIterator<[string, V]> {
    return this.entries();
  }
}

/**
 * A table keyed by id (ids are arbitrary strings, `__proto__` included: nothing here is a plain object keyed by
 * id) that publishes immutable snapshots cheaply. `freeze()` hands out the current contents; a later change copies
 * only the nodes on its id's path (about log32(n) small nodes), never the whole table, so a state published earlier
 * keeps reading exactly what it held.
 */
export class CopyOnWriteTable<V> extends TrieReader<V> {
  private edit: object = {};
  protected root: Node<V> = { owner: this.edit, bitmap: 0, slots: [] };
  private count = 0;
  private snapshot: TableSnapshot<V> | null = null;

  get size(): number {
    return this.count;
  }

  set(id: string, value: V): void {
    this.snapshot = null;
    this.root = this.setIn(this.root, 0, { id, hash: hashOf(id), value });
  }

  delete(id: string): void {
    if (!this.has(id)) return;
    this.snapshot = null;
    this.root = this.deleteIn(this.root, 0, id, hashOf(id));
    this.count--;
  }

  /** The contents as they are now, never to change, as a `ReadonlyMap`; the same snapshot until the table changes. */
  freezeAsMap(): ReadonlyMap<string, V> {
    return this.freeze() as TableSnapshot<V>;
  }

  /** The contents as they are now, never to change; the same snapshot until the table changes. */
  freeze(): ReadonlyTable<V> {
    if (!this.snapshot) {
      this.snapshot = new TableSnapshot(this.root, this.count);
      // Every node made so far now belongs to the snapshot: the next change copies before it writes.
      this.edit = {};
    }
    return this.snapshot;
  }

  private writable(node: Node<V>): Node<V> {
    return node.owner === this.edit ? node : { owner: this.edit, bitmap: node.bitmap, slots: node.slots.slice() };
  }

  private setIn(node: Node<V>, shift: number, entry: Entry<V>): Node<V> {
    const bit = 1 << ((entry.hash >>> shift) & MASK);
    const position = positionOf(node.bitmap, bit);
    const into = this.writable(node);
    if (!(node.bitmap & bit)) {
      this.count++;
      into.bitmap |= bit;
      into.slots.splice(position, 0, entry);
      return into;
    }
    const slot = node.slots[position]!;
    if (isNode(slot)) {
      into.slots[position] = this.setIn(slot, shift + BITS, entry);
    } else if (isCollision(slot)) {
      const entries = slot.entries.filter((e) => e.id !== entry.id);
      if (entries.length === slot.entries.length) this.count++;
      into.slots[position] = { owner: this.edit, entries: [...entries, entry] };
    } else if (slot.id === entry.id) {
      into.slots[position] = entry;
    } else {
      this.count++;
      into.slots[position] = this.split(slot, entry, shift + BITS);
    }
    return into;
  }

  /** Two entries that share a slot: a deeper node tells them apart, or a collision list when the hashes are equal. */
  private split(a: Entry<V>, b: Entry<V>, shift: number): Node<V> | Collision<V> {
    if (shift > MAX_SHIFT || a.hash === b.hash) return { owner: this.edit, entries: [a, b] };
    const ia = (a.hash >>> shift) & MASK;
    const ib = (b.hash >>> shift) & MASK;
    if (ia === ib) return { owner: this.edit, bitmap: 1 << ia, slots: [this.split(a, b, shift + BITS)] };
    return { owner: this.edit, bitmap: (1 << ia) | (1 << ib), slots: ia < ib ? [a, b] : [b, a] };
  }

  private deleteIn(node: Node<V>, shift: number, id: string, hash: number): Node<V> {
    const bit = 1 << ((hash >>> shift) & MASK);
    const position = positionOf(node.bitmap, bit);
    const slot = node.slots[position]!;
    const into = this.writable(node);
    if (isNode(slot)) {
      const child = this.deleteIn(slot, shift + BITS, id, hash);
      if (child.bitmap !== 0) {
        into.slots[position] = child;
        return into;
      }
    } else if (isCollision(slot)) {
      const entries = slot.entries.filter((e) => e.id !== id);
      into.slots[position] = entries.length === 1 ? entries[0]! : { owner: this.edit, entries };
      return into;
    }
    // the entry itself, or a node left empty: the slot goes
    into.bitmap &= ~bit;
    into.slots.splice(position, 1);
    return into;
  }
}
