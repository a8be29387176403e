// What the field manager does to a create request's metadata.managedFields
// before the object is validated (k8s.io/apiserver's create handler calls
// FieldManager.UpdateNoErrors; k8s.io/apimachinery
// pkg/util/managedfields/internal/fieldmanager.go decodeLiveOrNew and
// Update). Entries it cannot decode never reach validation: the request's
// whole list is dropped, silently, and the server records its own. Entries
// that decode are kept unless the create takes all their fields: the
// structured-merge-diff update gives the creating manager every leaf of the
// new object and removes it from the others' sets, and a manager left with
// no field is dropped.
import { decodeManagedFields, sortEncodedManagedFields, type DecodedEntry } from "./managedfields.js";
import type { PathElement } from "./fieldpath-serialize.js";
import { arrayOf, isRecord, type JsonRecord } from "../../util/object-access.js";

/** The request's entries the create keeps, in the order they are stored, each with its index in the request. */
export interface KeptManagedFields {
  entries: JsonRecord[];
  requestIndex: number[];
}

const STRING_FIELDS = ["manager", "operation", "apiVersion", "fieldsType", "subresource"];

/** isResetManagedFields: an empty list, or one entry with nothing set, asks for none. */
function isResetManagedFields(list: readonly unknown[]): boolean {
  if (list.length === 0) return true;
  if (list.length > 1) return false;
  const entry = list[0];
  if (!isRecord(entry)) return true;
  // Null is Go's zero value too.
  return entry.time == null && entry.fieldsV1 == null && STRING_FIELDS.every((field) => entry[field] == null || entry[field] === "");
}

/**
 * Whether the object has a leaf at `path` (a value, or an empty map or list),
 * which the create's comparison with an empty object finds added. Only field
 * names are followed: a path through list items, or to a list or map with
 * content (which may be atomic, hence a leaf), is taken as not added, so its
 * entry is kept.
 */
function isAddedLeaf(object: JsonRecord, path: readonly PathElement[]): boolean {
  let value: unknown = object;
  for (const [depth, element] of path.entries()) {
    // The field manager takes managedFields out of the object before comparing.
    if (element.type !== "f" || !isRecord(value) || (depth === 1 && path[0]!.text === "metadata" && element.text === "managedFields")) return false;
    value = value[element.text];
    if (value === undefined) return false;
  }
  if (Array.isArray(value)) return value.length === 0;
  if (isRecord(value)) return Object.keys(value).length === 0;
  return true;
}

function keptByCreate(entry: DecodedEntry, object: JsonRecord): boolean {
  return entry.members.some((member) => !isAddedLeaf(object, member));
}

/**
 * The managedFields a create request's object carries
 * into validation, but the creating manager's own entry; none when the field
 * manager drops or resets them.
 */
export function managedFieldsOnCreate(object: JsonRecord): KeptManagedFields {
  const metadata = isRecord(object.metadata) ? object.metadata : {};
  const list = arrayOf(metadata.managedFields);
  const none: KeptManagedFields = { entries: [], requestIndex: [] };
  if (isResetManagedFields(list)) return none;
  const decoded = decodeManagedFields(list);
  if ("error" in decoded) return none;
  // The creating manager's entry (time: now) sorts after the request's, unless one is dated in the future.
  const kept = sortEncodedManagedFields(decoded.entries.filter((entry) => keptByCreate(entry, object)));
  return { entries: kept.map((entry) => list[entry.index] as JsonRecord), requestIndex: kept.map((entry) => entry.index) };
}
