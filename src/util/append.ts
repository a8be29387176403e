// Appending one list to another without `push(...items)`, which passes every
// item as an argument and overflows the stack past about 100,000 of them:
// lists that grow with the input (documents, findings, pods, lines) use this.

/** Appends each of `items` to `target`, in order; returns `target`. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  // An array by index: for...of allocates an iterator and a result per item until V8 optimizes the caller.
  if (Array.isArray(items)) for (let i = 0; i < items.length; i++) target.push(items[i] as T);
  else for (const item of items) target.push(item);
  return target;
}

/** The largest of `values` (`fallback` for none), without spreading them as arguments. */
export function maxOf(values: Iterable<number>, fallback = -Infinity): number {
  let max = fallback;
  for (const value of values) if (value > max) max = value;
  return max;
}

/** The smallest of `values` (`fallback` for none), without spreading them as arguments. */
export function minOf(values: Iterable<number>, fallback = Infinity): number {
  let min = fallback;
  for (const value of values) if (value < min) min = value;
  return min;
}
