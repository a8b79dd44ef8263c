/**
 * Reading and writing plain objects by a name that comes from data (a record's source, a manifest's feed
 * names, a page's meta names, a feed's words). `table[name]` would find Object.prototype's `constructor`
 * or `toString`, and `table[name] = value` with `__proto__` would replace the prototype instead of
 * storing the value (issue 14, finding 7a). Fixed tables keyed by our own enums need neither.
 */

/** `table[name]` when `table` has it as its own property, else undefined. */
export function own<T>(table: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(table, name) ? table[name] : undefined;
}

/** Stores `value` as `table`'s own property `name`, even when `name` is `__proto__`. */
export function setOwn<T>(table: Record<string, T>, name: string, value: T): void {
  Object.defineProperty(table, name, { value, enumerable: true, writable: true, configurable: true });
}
