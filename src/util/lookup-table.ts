// Tables looked up with strings from the manifests (kinds, groups, field
// names): without a prototype, `constructor`, `toString` or `__proto__` find
// nothing instead of Object.prototype's members.

/** A frozen table whose only keys are its own entries. */
export function lookupTable<T>(entries: Readonly<Record<string, T>>): Readonly<Record<string, T>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, T>, entries));
}
