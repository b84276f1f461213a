import type { Conversation } from './types.js';

/** Keys with a defined value; `raw` (the backend's object) is never compared. */
function defined(value: object, top: boolean): string[] {
  return Object.keys(value).filter((key) => (value as Record<string, unknown>)[key] !== undefined && !(top && key === 'raw'));
}

/** Structural equality down to `depth` levels; keys whose value is `undefined` count as absent. */
function same(a: unknown, b: unknown, depth: number): boolean {
  if (Object.is(a, b)) return true;
  if (depth === 0 || typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = defined(a, depth === 3);
  if (keys.length !== defined(b, depth === 3).length) return false;
  for (const key of keys) {
    if (!same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], depth - 1)) return false;
  }
  return true;
}

/**
 * Whether two conversations show the same thing. `raw` is ignored, so an unchanged conversation keeps its
 * object identity when a backend sends it again (full snapshots), and its row does not re-render.
 */
export function conversationsEqual(a: Conversation, b: Conversation): boolean {
  return same(a, b, 3);
}
