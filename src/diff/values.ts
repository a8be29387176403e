// How the API server sees JSON values when it stores and compares them: nulls
// are "not set", empty maps and lists are absent, defaults fill what is missing.
// The generic defensive readers are in util/object-access.ts.
import { isRecord, type JsonRecord } from "../util/object-access.js";

/** `{}` and `[]` are the same as absent: Go's omitempty drops them when the server serialises. */
export function isEmptyValue(value: unknown): boolean {
  if (value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return false;
}

export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    return a.every((item, i) => deepEqual(item, b[i]));
  }
  if (isRecord(a) && isRecord(b)) {
    const keysA = Object.keys(a).filter((k) => !isEmptyValue(a[k]));
    const keysB = Object.keys(b).filter((k) => !isEmptyValue(b[k]));
    if (keysA.length !== keysB.length) return false;
    return keysA.every((key) => deepEqual(a[key], b[key]));
  }
  return false;
}

function counterpart(item: unknown, index: number, reference: readonly unknown[]): unknown {
  if (isRecord(item) && typeof item.name === "string") return reference.find((r) => isRecord(r) && r.name === item.name);
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
  if (!isRecord(target)) return target;
  const ref = isRecord(reference) ? reference : {};
  const out: JsonRecord = {};
  for (const key of Object.keys(ref)) if (key in target) out[key] = orderLike(target[key], ref[key]);
  for (const key of Object.keys(target)) if (!(key in out)) out[key] = orderLike(target[key], undefined);
  return out;
}
