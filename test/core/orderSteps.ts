import type { OrderedList } from '../../src/core/order.js';
import type { Conversation } from '../../src/core/types.js';
import { conv } from './scriptedAdapter.js';

/**
 * One random step of a property test, applied to an order and to the map that models it: conversation `c<n>`
 * removed, or put at `time` (inserted, or moved from where it was).
 */
export function applyStep(list: OrderedList<Conversation>, current: Map<string, Conversation>, n: number, time: number, remove: boolean): void {
  const id = `c${n}`;
  const prev = current.get(id);
  if (remove) {
    if (prev) list.remove(prev);
    current.delete(id);
    return;
  }
  const next = conv(id, { lastActivityAt: time });
  if (prev) list.update(prev, next);
  else list.insert(next);
  current.set(id, next);
}
