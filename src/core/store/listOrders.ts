import type { ListSnapshot } from '../listSnapshot.js';
import { OrderedList, type ConversationComparator } from '../order.js';
import type { Conversation, ConversationId } from '../types.js';

/** A list's key: a group's name, or undefined for all conversations. */
export type ListKey = string | undefined;

/** Every list's orders as one state published them. */
export interface PublishedOrders {
  /** Per list: the conversations shown as rows (neither hidden nor folded). */
  readonly main: ReadonlyMap<ListKey, ListSnapshot<Conversation>>;
  /** Per list: the folded conversations, which the list shows as one "Folded" row. */
  readonly folded: ReadonlyMap<ListKey, ListSnapshot<Conversation>>;
}

const EMPTY: readonly string[] = Object.freeze([]);

const isFolded = (conversation: Conversation) => Boolean(conversation.marks?.includes('fold'));

/** Moves one conversation within an order: in, out, or to its new place. */
function place(list: OrderedList<Conversation>, prev: Conversation | undefined, next: Conversation | undefined): void {
  if (prev && next) list.update(prev, next);
  else if (prev) list.remove(prev);
  else if (next) list.insert(next);
}

/**
 * The lists a change touches: the whole list, then every group either side names, each once. A small array, not a
 * set: a batch of 100,000 changes made a set and its iterator for each.
 */
function listKeysOf(prev: Conversation | undefined, next: Conversation | undefined): ListKey[] {
  const keys: ListKey[] = [undefined];
  for (const name of prev?.groupNames ?? EMPTY) if (!keys.includes(name)) keys.push(name);
  for (const name of next?.groupNames ?? EMPTY) if (!keys.includes(name)) keys.push(name);
  return keys;
}

/**
 * The order of every list (all conversations, each group), each split in two: the rows, and the folded
 * conversations that collapse into the list's "Folded" row. Hidden conversations are never given here.
 */
export function createListOrders(compare: ConversationComparator) {
  const main = new Map<ListKey, OrderedList<Conversation>>();
  const folded = new Map<ListKey, OrderedList<Conversation>>();
  let published: PublishedOrders = { main: new Map(), folded: new Map() };

  function listOf(lists: Map<ListKey, OrderedList<Conversation>>, key: ListKey): OrderedList<Conversation> {
    let list = lists.get(key);
    if (!list) {
      list = new OrderedList(compare);
      lists.set(key, list);
    }
    return list;
  }
  listOf(main, undefined);
  listOf(folded, undefined);

  /** The same map as before when no order in it changed, so that readers can compare by reference. */
  function freezeAll(lists: Map<ListKey, OrderedList<Conversation>>, before: ReadonlyMap<ListKey, ListSnapshot<Conversation>>) {
    let changed = lists.size !== before.size;
    const frozen = new Map<ListKey, ListSnapshot<Conversation>>();
    for (const [key, list] of lists) {
      const order = list.freeze();
      if (before.get(key) !== order) changed = true;
      frozen.set(key, order);
    }
    return changed ? frozen : before;
  }

  return {
    /** Applies one conversation's change (`prev` → `next`, either absent when not shown) to every order it is in. */
    apply(prev: Conversation | undefined, next: Conversation | undefined): void {
      for (const key of listKeysOf(prev, next)) {
        const was = prev && (key === undefined || prev.groupNames.includes(key)) ? prev : undefined;
        const is = next && (key === undefined || next.groupNames.includes(key)) ? next : undefined;
        place(listOf(main, key), was && !isFolded(was) ? was : undefined, is && !isFolded(is) ? is : undefined);
        place(listOf(folded, key), was && isFolded(was) ? was : undefined, is && isFolded(is) ? is : undefined);
      }
    },

    /** Conversations shown in a list, folded ones included. */
    size: (key: ListKey) => (main.get(key)?.size ?? 0) + (folded.get(key)?.size ?? 0),

    /** Ids of a list's conversations, folded ones included. */
    members: (key: ListKey): ConversationId[] => [...(main.get(key)?.toArray() ?? []), ...(folded.get(key)?.toArray() ?? [])].map((c) => c.id),

    /** Every order as it is now, never to change; the same object as last time when nothing changed. */
    freeze(): PublishedOrders {
      const next = { main: freezeAll(main, published.main), folded: freezeAll(folded, published.folded) };
      if (next.main !== published.main || next.folded !== published.folded) published = next;
      return published;
    },
  };
}
