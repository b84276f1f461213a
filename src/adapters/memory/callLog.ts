/**
 * The call log: every adapter method the app called, in order, with its arguments as they were then. Tests and
 * demos read it to see what reached the backend (an undone command sends nothing; a batch is split in chunks).
 */

/** One call of an adapter method. */
export interface MemoryCall {
  readonly operation: string;
  readonly args: readonly unknown[];
}

/** Arrays are copied, so that a caller changing its array later does not change the log. */
const copied = (value: unknown): unknown => (Array.isArray(value) ? Object.freeze([...(value as unknown[])]) : value);

/** Wraps each method of `methods` so that its calls are appended to `log`. */
export function withCallLog<T extends object>(methods: T, log: MemoryCall[]): T {
  const wrapped = { ...methods };
  for (const key of Object.keys(methods) as (keyof T & string)[]) {
    const method = methods[key];
    if (typeof method !== 'function') continue;
    const call = (...args: unknown[]): unknown => {
      log.push(Object.freeze({ operation: key, args: Object.freeze(args.map(copied)) }));
      return (method as (...a: unknown[]) => unknown).apply(methods, args);
    };
    wrapped[key] = call as T[keyof T & string];
  }
  return wrapped;
}
