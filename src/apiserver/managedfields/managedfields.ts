// metadata.managedFields read as the field manager reads them
// (k8s.io/apimachinery pkg/util/managedfields/internal/managedfields.go):
// DecodeManagedFields keeps one set per manager identifier, and refuses the
// whole list at the first entry whose operation, apiVersion, fieldsType or
// fieldsV1 it cannot read; sortEncodedManagedFields orders the entries it
// writes back.
import { fieldsToSet, type PathElement } from "./fieldpath-serialize.js";
import { parseRFC3339 } from "../../util/go-time.js";
import { isRecord, stringOf, type JsonRecord } from "../../util/object-access.js";

/** One manager's entry as decoded: its fields as member paths, and where it came from in the request. */
export interface DecodedEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  subresource: string;
  /** The entry's time as written (absent when null or missing). */
  time?: string;
  members: PathElement[][];
  /** The index of the request's entry that gave this manager its set and time. */
  index: number;
}

/** The string a field decodes to (null and absent are ""; kubeplan's decoding reports other types before). */
const text = (entry: JsonRecord, field: string): string => stringOf(entry[field]) ?? "";

/**
 * BuildManagerIdentifier: what names a manager, which is neither its fields,
 * their type nor the time; an Apply manager is the same whatever apiVersion
 * it applied.
 */
function managerIdentifier(entry: DecodedEntry): string {
  return JSON.stringify([entry.manager, entry.operation, entry.operation === "Apply" ? "" : entry.apiVersion, entry.subresource]);
}

/** DecodeManagedFields: the entries by manager, or why the list does not decode. */
export function decodeManagedFields(list: readonly unknown[]): { entries: DecodedEntry[] } | { error: string } {
  const byManager = new Map<string, DecodedEntry>();
  for (const [index, item] of list.entries()) {
    const entry = isRecord(item) ? item : {};
    const operation = text(entry, "operation");
    if (operation !== "Apply" && operation !== "Update") return { error: "operation must be `Apply` or `Update`" };
    const apiVersion = text(entry, "apiVersion");
    if (apiVersion.length < 1) return { error: "apiVersion must not be empty" };
    const fieldsType = text(entry, "fieldsType");
    if (fieldsType === "") return { error: `missing fieldsType in managed fields entry ${index}` };
    if (fieldsType !== "FieldsV1") return { error: `invalid fieldsType ${JSON.stringify(fieldsType)} in managed fields entry ${index}` };
    const set = fieldsToSet(entry.fieldsV1);
    if ("error" in set) return { error: `error decoding set: ${set.error}` };
    const decoded: DecodedEntry = { manager: text(entry, "manager"), operation, apiVersion, subresource: text(entry, "subresource"), members: set.members, index };
    const time = stringOf(entry.time);
    if (time) decoded.time = time;
    // A later entry of the same manager replaces the earlier one.
    byManager.set(managerIdentifier(decoded), decoded);
  }
  return { entries: [...byManager.values()] };
}

/** The seconds of an entry's time; none is 0. */
function unixSeconds(entry: DecodedEntry): number {
  return (entry.time !== undefined ? parseRFC3339(entry.time)?.seconds : undefined) ?? 0;
}

/** Go compares strings byte by byte (UTF-8). */
const compareText = (a: string, b: string): number => Buffer.compare(Buffer.from(a), Buffer.from(b));

/** sortEncodedManagedFields: by operation, time (to the second), manager, apiVersion, subresource. */
export function sortEncodedManagedFields(entries: readonly DecodedEntry[]): DecodedEntry[] {
  return [...entries].sort(
    (p, q) =>
      compareText(p.operation, q.operation) ||
      unixSeconds(p) - unixSeconds(q) ||
      compareText(p.manager, q.manager) ||
      compareText(p.apiVersion, q.apiVersion) ||
      compareText(p.subresource, q.subresource),
  );
}
