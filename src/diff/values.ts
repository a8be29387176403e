// Small helpers over parsed JSON/YAML values, defensive against any shape.

export type PlainObject = Record<string, unknown>;

export function isPlainObject(value: unknown): value is PlainObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The object at `key`, or undefined when absent or not an object. */
export function objectAt(parent: unknown, key: string): PlainObject | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return isPlainObject(value) ? value : undefined;
}

export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return Array.isArray(value) ? value : undefined;
}

export function stringAt(parent: unknown, key: string): string | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === "string" ? value : undefined;
}

export function numberAt(parent: unknown, key: string): number | undefined {
  if (!isPlainObject(parent)) return undefined;
  const value = parent[key];
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** Reads a nested value by field names; undefined as soon as a step is missing. */
export function valueAt(root: unknown, ...path: string[]): unknown {
  let current = root;
  for (const key of path) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

/** Ensures `parent[key]` is an object (creating it when absent); undefined when something else is there. */
export function ensureObject(parent: PlainObject, key: string): PlainObject | undefined {
  const existing = parent[key];
  if (existing === undefined) {
    const created: PlainObject = {};
    parent[key] = created;
    return created;
  }
  return isPlainObject(existing) ? existing : undefined;
}

/** Sets `parent[key]` when it is absent (what the API server's defaulting does). */
export function setDefault(parent: PlainObject | undefined, key: string, value: unknown): void {
  if (parent && parent[key] === undefined) parent[key] = value;
}

/**
 * A deep copy without nulls: JSON `null` decodes as "not set" in the API server,
 * so `creationTimestamp: null` and `field: ~` mean the field is absent.
 */
export function cloneWithoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.filter((v) => v !== null && v !== undefined).map(cloneWithoutNulls);
  if (isPlainObject(value)) {
    const out: PlainObject = {};
    for (const [key, child] of Object.entries(value)) {
      if (child === null || child === undefined) continue;
      out[key] = cloneWithoutNulls(child);
    }
    return out;
  }
  return value;
}

export function deepClone<T>(value: T): T {
  return cloneWithoutNulls(value) as T;
}

/** `{}` and `[]` are the same as absent: Go's omitempty drops them when the server serialises. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isPlainObject(value)) return Object.keys(value).length === 0;
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isPlainObject(a) && isPlainObject(b)) {
    const keysA = Object.keys(a).filter((k) => !isEmptyValue(a[k]));
    const keysB = Object.keys(b).filter((k) => !isEmptyValue(b[k]));
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

function counterpart(item: unknown, index: number, reference: readonly unknown[]): unknown {
  if (isPlainObject(item) && typeof item.name === "string") return reference.find((r) => isPlainObject(r) && r.name === item.name);
  return reference[index];
}

/**
 * A copy of `target` whose keys follow the order of `reference` (its own new
 * keys last), so that the YAML of both lines up in a unified diff.
 */
export function orderLike(target: unknown, reference: unknown): unknown {
  if (Array.isArray(target)) {
    const ref = Array.isArray(reference) ? reference : [];
    return target.map((item, i) => orderLike(item, counterpart(item, i, ref)));
  }
  if (!isPlainObject(target)) return target;
  const ref = isPlainObject(reference) ? reference : {};
  const out: PlainObject = {};
  for (const key of Object.keys(ref)) if (key in target) out[key] = orderLike(target[key], ref[key]);
  for (const key of Object.keys(target)) if (!(key in out)) out[key] = orderLike(target[key], undefined);
  return out;
}
