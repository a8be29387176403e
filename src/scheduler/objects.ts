// Defensive readers for plain Kubernetes objects: malformed values (wrong
// types, missing fields) read as empty instead of throwing.

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asRecord(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string {
  return typeof value === "string" ? value : typeof value === "number" || typeof value === "boolean" ? String(value) : "";
}

/** A string-to-string map (labels, nodeSelector); non-string values are stringified, others dropped. */
export function stringMap(value: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, entry] of Object.entries(asRecord(value))) {
    if (typeof entry === "string" || typeof entry === "number" || typeof entry === "boolean") out[key] = String(entry);
  }
  return out;
}

export function metadataOf(object: unknown): Record<string, unknown> {
  return asRecord(asRecord(object).metadata);
}

export function specOf(object: unknown): Record<string, unknown> {
  return asRecord(asRecord(object).spec);
}

/** Integer value of a field, or undefined when it is not a finite number. */
export function asInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? Math.trunc(value) : undefined;
}

/** Stable JSON for use as a cache key: object keys sorted. */
export function stableKey(value: unknown): string {
  if (Array.isArray(value)) return "[" + value.map(stableKey).join(",") + "]";
  if (isRecord(value)) {
    return "{" + Object.keys(value).sort().map((k) => JSON.stringify(k) + ":" + stableKey(value[k])).join(",") + "}";
  }
  return JSON.stringify(value ?? null);
}

/** Go's sort.Strings order (byte-wise for ASCII, code-unit order otherwise). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
