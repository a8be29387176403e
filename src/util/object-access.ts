// Defensive reads of parsed manifests: any value may have any type, and
// nothing here throws on a malformed object.

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** The value as a record, or an empty one. */
export function recordOf(value: unknown): JsonRecord {
  return isRecord(value) ? value : {};
}

/** The value as an array, or an empty one. */
export function arrayOf<T = unknown>(value: unknown): T[] {
  return Array.isArray(value) ? (value as T[]) : [];
}

/** The records of an array value, skipping anything that is not a mapping. */
export function recordsOf(value: unknown): JsonRecord[] {
  return arrayOf(value).filter(isRecord);
}

/** A string field, or undefined when absent or of another type. */
export function stringOf(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** A scalar as text (numbers and booleans stringified); "" for anything else. */
export function textOf(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** A whole number (also from a numeric string), or undefined. */
export function integerOf(value: unknown): number | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  if (typeof value === "string" && /^-?\d+$/.test(value.trim())) return Number(value.trim());
  return undefined;
}

/** A number without fraction, as YAML gives an integer; numeric strings do not count. */
export function strictIntegerOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** A finite number with its fraction dropped, or undefined. */
export function truncatedIntegerOf(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

/** A map of strings (labels, annotations, selectors); numbers and booleans are stringified, other values dropped. */
export function stringMapOf(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(recordOf(value))) {
    if (typeof item === "string" || typeof item === "number" || typeof item === "boolean") out[key] = String(item);
  }
  return out;
}

/** A map whose values are all strings; undefined when it is not a map or any value is not a string. */
export function strictStringMapOf(value: unknown): Record<string, string> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) {
    if (typeof item !== "string") return undefined;
    out[key] = item;
  }
  return out;
}

/** The string entries of a map, ignoring entries of other types. */
export function stringEntries(value: unknown): Array<[string, string]> {
  if (!isRecord(value)) return [];
  return Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === "string");
}

/** Reads a nested field: `dig(obj, "spec", "template", "spec")`; undefined as soon as a step is missing. */
export function dig(value: unknown, ...keys: (string | number)[]): unknown {
  let current = value;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    if (typeof key === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[key];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[key];
    }
  }
  return current;
}

/** An object's metadata.name when it is a string, else "". */
export function nameOf(object: unknown): string {
  return stringOf(dig(object, "metadata", "name")) ?? "";
}

/** `parent[key]` when it is a record; undefined otherwise (also when `parent` is not a record). */
export function objectAt(parent: unknown, key: string): JsonRecord | undefined {
  const value = dig(parent, key);
  return isRecord(value) ? value : undefined;
}

/** `parent[key]` when it is an array; undefined otherwise. */
export function arrayAt(parent: unknown, key: string): unknown[] | undefined {
  const value = dig(parent, key);
  return Array.isArray(value) ? value : undefined;
}

/** `parent[key]` when it is a string; undefined otherwise. */
export function stringAt(parent: unknown, key: string): string | undefined {
  return stringOf(dig(parent, key));
}

/** `parent[key]` when it is a finite number; undefined otherwise. */
export function numberAt(parent: unknown, key: string): number | undefined {
  const value = dig(parent, key);
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** A deep copy of JSON-like data (plain objects, arrays, scalars). */
export function cloneJson<T>(value: T): T {
  return copy(value) as T;
}

/** JSON with sorted keys: the same data always gives the same text (hash inputs, cache keys). */
export function stableJson(value: unknown): string {
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) out += (i > 0 ? "," : "") + stableJson(value[i]);
    return out + "]";
  }
  if (value !== null && typeof value === "object") {
    const keys = Object.keys(value);
    if (keys.length > 1) keys.sort();
    let out = "{";
    for (let i = 0; i < keys.length; i++) out += (i > 0 ? "," : "") + JSON.stringify(keys[i]) + ":" + stableJson((value as Record<string, unknown>)[keys[i]!]);
    return out + "}";
  }
  return JSON.stringify(value) ?? "null";
}

function copy(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = copy(value[i]);
    return out;
  }
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    if (key === "__proto__") Object.defineProperty(out, key, { value: copy(item), enumerable: true, writable: true, configurable: true });
    else out[key] = copy(item);
  }
  return out;
}

/**
 * A deep copy without nulls: JSON `null` decodes as "not set" in the API server,
 * so `creationTimestamp: null` and `field: ~` mean the field is absent.
 */
export function cloneWithoutNulls<T>(value: T): T {
  return withoutNulls(value) as T;
}

// Every document is copied so: plain loops, no arrays of entries.
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) {
    const out: unknown[] = [];
    for (const item of value) if (item !== null && item !== undefined) out.push(withoutNulls(item));
    return out;
  }
  if (isRecord(value)) {
    const out: JsonRecord = {};
    for (const key in value) {
      const child = value[key];
      if (!Object.hasOwn(value, key) || child === null || child === undefined) continue;
      out[key] = withoutNulls(child);
    }
    return out;
  }
  return value;
}
