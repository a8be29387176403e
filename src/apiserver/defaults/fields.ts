// The two moves of API defaulting on a decoded JSON object: fill a field that is
// not set, and make sure a nested struct exists so its own defaults can apply.
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** Ensures `parent[key]` is an object (creating it when absent); undefined when something else is there. */
export function ensureObject(parent: JsonRecord, key: string): JsonRecord | undefined {
  const existing = parent[key];
  if (existing === undefined) {
    const created: JsonRecord = {};
    parent[key] = created;
    return created;
  }
  return isRecord(existing) ? existing : undefined;
}

/** Sets `parent[key]` when it is absent (what the API server's defaulting does). */
export function setDefault(parent: JsonRecord | undefined, key: string, value: unknown): void {
  if (parent && parent[key] === undefined) parent[key] = value;
}

/** Sets a string field when it is absent or empty: Go's defaulters test `if obj.Field == ""`. */
export function setDefaultIfEmpty(parent: JsonRecord | undefined, key: string, value: string): void {
  if (parent && (parent[key] === undefined || parent[key] === "")) parent[key] = value;
}

/** The pod template of a workload spec: a struct, not a pointer, so its pod spec is always defaulted. */
export function podTemplateOf(spec: JsonRecord): JsonRecord | undefined {
  const template = ensureObject(spec, "template");
  if (template) ensureObject(template, "spec");
  return template;
}
