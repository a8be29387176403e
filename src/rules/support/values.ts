// Defensive readers for manifest values: a rule reads only what has the
// expected type and silently skips the rest (the schema layer reports types).

export type JsonRecord = Record<string, unknown>;

export function isRecord(value: unknown): value is JsonRecord {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function asRecord(value: unknown): JsonRecord | undefined {
  return isRecord(value) ? value : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** An integer as YAML gives it (a JS number without fraction). */
export function asInteger(value: unknown): number | undefined {
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** A map whose values are all strings (labels, selectors, annotations); undefined otherwise. */
export function asStringMap(value: unknown): Record<string, string> | undefined {
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

/** Reads `object[a][b]...`, or undefined as soon as a step is missing. */
export function dig(value: unknown, ...path: Array<string | number>): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === "number") {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[step];
    }
  }
  return current;
}

/** API group of an object's apiVersion ("" for core). */
export function apiGroup(apiVersion: unknown): string {
  if (typeof apiVersion !== "string" || !apiVersion.includes("/")) return "";
  return apiVersion.slice(0, apiVersion.indexOf("/"));
}

/** Length in bytes of the UTF-8 encoding: what Go's len() counts. */
export function byteLength(text: string): number {
  return Buffer.byteLength(text, "utf8");
}
