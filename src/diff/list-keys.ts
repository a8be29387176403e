// Aligning list items by their merge key, so that reordering is not a change
// and a diff names the item (`containers[name=app]`).
import type { ShapeNode } from "./types.js";
import { isRecord } from "../util/object-access.js";
import { lookupTable } from "../util/lookup-table.js";

/** Key fields with a default: a port without `protocol` is the TCP port (SetDefaults_ContainerPort). */
const KEY_DEFAULTS: Readonly<Record<string, string>> = lookupTable({ protocol: "TCP" });

/** An item's label by its key fields (`port=80,protocol=TCP`), or undefined when a key is missing. */
export function keyLabel(item: unknown, keys: readonly string[]): string | undefined {
  if (!isRecord(item)) return undefined;
  const first = item[keys[0]!];
  if (first === undefined || (typeof first !== "string" && typeof first !== "number" && typeof first !== "boolean")) return undefined;
  return keys
    .map((key) => {
      const value = item[key] ?? KEY_DEFAULTS[key] ?? "";
      return `${key}=${typeof value === "object" ? JSON.stringify(value) : String(value)}`;
    })
    .join(",");
}

/**
 * Items by key label, in list order; undefined when the list cannot be keyed
 * (an item that is not an object, a missing key, a duplicate): it then merges whole.
 */
export function indexByKey(list: readonly unknown[], keys: readonly string[]): Map<string, unknown> | undefined {
  const index = new Map<string, unknown>();
  for (const item of list) {
    const label = keyLabel(item, keys);
    if (label === undefined || index.has(label)) return undefined;
    index.set(label, item);
  }
  return index;
}

/** A set item's label: the scalar itself. */
export function setLabel(item: unknown): string {
  return typeof item === "string" ? item : JSON.stringify(item);
}

/** The merge keys of a list, when it is a keyed list (not atomic, not a set). */
export function keysOf(shape: ShapeNode | undefined): readonly string[] | undefined {
  if (!shape || shape.listType === "atomic" || shape.listType === "set") return undefined;
  return shape.listKeys && shape.listKeys.length > 0 ? shape.listKeys : undefined;
}

export function isSetList(shape: ShapeNode | undefined, list: readonly unknown[]): boolean {
  return shape?.listType === "set" && list.every((item) => item === null || typeof item !== "object");
}
