/**
 * A read-only array of ids that is built only when it is used as a whole.
 *
 * `lists.ids()` at 100,000 conversations would cost a 100,000-id array on every change of the order, more than the
 * change itself. This array reads in place instead: `length` and `ids[i]` cost O(log n) (through `at`), and only
 * what needs every id (iteration, spread, `map`, `includes`, `JSON.stringify`, ...) builds the plain array, once per
 * published order, through `materialize`. It is a real array to `Array.isArray`, and it cannot be written to.
 */
export function lazyIdArray(size: number, at: (index: number) => string | undefined, materialize: () => readonly string[]): readonly string[] {
  let full: readonly string[] | undefined;
  // Frozen, so that the array methods run on it (`push`, `sort`, ...) cannot change it either.
  const all = () => (full ??= Object.freeze(materialize()));

  /** The index a key names (a canonical array index), or -1. Past the end is still an index: it reads undefined. */
  const indexOfKey = (key: string | symbol): number => {
    if (typeof key !== 'string') return -1;
    const index = Number(key);
    return Number.isInteger(index) && index >= 0 && String(index) === key ? index : -1;
  };

  const handler: ProxyHandler<string[]> = {
    get(_target, key) {
      if (key === 'length') return size;
      const index = indexOfKey(key);
      if (index >= size) return undefined;
      if (index >= 0) return full ? full[index] : at(index);
      const value: unknown = Reflect.get(all(), key);
      // Methods run on the plain array (so `ids.map` is Array.prototype.map over every id).
      return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(all()) : value;
    },
    has(_target, key) {
      const index = indexOfKey(key);
      return index >= 0 ? index < size : key === 'length' || Reflect.has(all(), key);
    },
    ownKeys: () => Reflect.ownKeys(all()),
    getOwnPropertyDescriptor(_target, key) {
      if (key === 'length') return { value: size, writable: true, enumerable: false, configurable: false };
      const index = indexOfKey(key);
      return index >= 0 && index < size ? { value: all()[index], writable: false, enumerable: true, configurable: true } : undefined;
    },
    set: () => false,
    defineProperty: () => false,
    deleteProperty: () => false,
    setPrototypeOf: () => false,
  };
  return new Proxy<string[]>([], handler);
}
