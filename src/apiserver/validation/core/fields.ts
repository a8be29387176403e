// Reading a decoded core/v1 object the way Go reads its internal struct: an
// absent (or wrong-typed) string is "", an absent list is empty, an absent
// pointer is undefined. The schema layer reports wrong types; here they only
// must not crash or add noise.
import { isRecord, type JsonRecord } from "../../../util/object-access.js";

/** A string field; "" when absent or not a string. */
export function str(record: JsonRecord | undefined, key: string): string {
  const value = record?.[key];
  return typeof value === "string" ? value : "";
}

/** An integer field (a pointer in Go); undefined when absent or not a whole number. */
export function int(record: JsonRecord | undefined, key: string): number | undefined {
  const value = record?.[key];
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

/** A boolean field; undefined when absent or not a boolean. */
export function bool(record: JsonRecord | undefined, key: string): boolean | undefined {
  const value = record?.[key];
  return typeof value === "boolean" ? value : undefined;
}

/** A struct field (a pointer in Go); undefined when absent or not an object. */
export function obj(record: JsonRecord | undefined, key: string): JsonRecord | undefined {
  const value = record?.[key];
  return isRecord(value) ? value : undefined;
}

/** A list of structs; items that are not objects read as empty structs, so indexes stay upstream's. */
export function list(record: JsonRecord | undefined, key: string): JsonRecord[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : [];
}

/** A list of strings; other items read as "". */
export function strings(record: JsonRecord | undefined, key: string): string[] {
  const value = record?.[key];
  return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : [];
}

/** Whether a field is set (a non-nil pointer, slice or map in Go). */
export function isSet(record: JsonRecord | undefined, key: string): boolean {
  return record?.[key] !== undefined && record[key] !== null;
}

/** A map of strings (labels, annotations); values of other types read as "". */
export function stringMap(record: JsonRecord | undefined, key: string): Record<string, string> {
  const value = record?.[key];
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [name, item] of Object.entries(value)) out[name] = typeof item === "string" ? item : "";
  return out;
}

