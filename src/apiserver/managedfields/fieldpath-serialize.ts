// A managedFields entry's FieldsV1 read as a set of field paths, as
// structured-merge-diff reads it (fieldpath/serialize.go Set.FromJSON and
// serialize-pe.go DeserializePathElement): each key is "." (the node itself
// is in the set) or a path element `f:<name>`, `v:<JSON value>`,
// `k:<JSON object>` or `i:<integer>`; an element of another letter is
// skipped with what is under it; a node with nothing under it is in the set.
// Any other key, or a value that is neither an object nor null, is an error.
import { parseInt64 } from "../../util/go-strconv.js";
import { isRecord } from "../../util/object-access.js";

export interface PathElement {
  /** f (field name), v (set value), k (list item by keys) or i (list index). */
  type: "f" | "v" | "k" | "i";
  /** What follows the colon. */
  text: string;
}

export type FieldSet = { members: PathElement[][] } | { error: string };

/** Go's name of a JSON value's first byte, as jsoniter's ReadMapCB reports it. */
function jsonStart(value: unknown): string {
  if (typeof value === "string") return '"';
  if (typeof value === "boolean") return value ? "t" : "f";
  if (Array.isArray(value)) return "[";
  const text = String(value);
  return text[0] ?? "";
}

function parsesAsJson(text: string, object: boolean): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return !object || isRecord(value);
  } catch {
    return false;
  }
}

/** DeserializePathElement: the element, undefined for an unknown type (skipped), or the error. */
export function deserializePathElement(key: string): PathElement | undefined | { error: string } {
  if (key.length < 2) return { error: "key must be 2 characters long:" };
  if (key[1] !== ":") return { error: `missing colon: ${key}` };
  const type = key[0]!;
  const text = key.slice(2);
  switch (type) {
    case "f":
      return { type, text };
    case "v":
    case "k":
      return parsesAsJson(text, type === "k") ? { type, text } : { error: `bad ${type === "k" ? "key" : "value"} in path element ${key}` };
    case "i":
      return parseInt64(text) === undefined ? { error: `strconv.Atoi: parsing ${JSON.stringify(text)}: invalid syntax` } : { type, text };
    default:
      return undefined;
  }
}

/**
 * FieldsToSet: the member paths of a FieldsV1 value (null or absent: the
 * empty set), or the first error. Iterative: a set may be deep.
 */
export function fieldsToSet(fieldsV1: unknown): FieldSet {
  if (fieldsV1 === null || fieldsV1 === undefined) return { members: [] };
  const members: PathElement[][] = [];
  const stack: Array<{ value: unknown; path: PathElement[] }> = [{ value: fieldsV1, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null) {
      // ReadMapCB reads null as an empty object: the node is a member.
      if (path.length > 0) members.push(path);
      continue;
    }
    if (!isRecord(value)) return { error: `ReadMapCB: expect { or n, but found ${jsonStart(value)}` };
    let hasChildren = false;
    for (const [key, child] of Object.entries(value)) {
      if (key === ".") {
        if (path.length > 0) members.push(path);
        continue;
      }
      const element = deserializePathElement(key);
      if (element === undefined) continue;
      if ("error" in element) return { error: `parsing key as path element: ${element.error}` };
      hasChildren = true;
      stack.push({ value: child, path: [...path, element] });
    }
    // A node with no path elements under it is a member itself (the root is not a path).
    if (!hasChildren && path.length > 0 && !Object.hasOwn(value, ".")) members.push(path);
  }
  return { members };
}
