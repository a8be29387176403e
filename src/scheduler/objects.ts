// Readers of the parts of a Kubernetes object the scheduler looks at, and the
// order it sorts names in. The generic defensive readers are in util/object-access.ts.
import { recordOf } from "../util/object-access.js";

export function metadataOf(object: unknown): Record<string, unknown> {
  return recordOf(recordOf(object).metadata);
}

export function specOf(object: unknown): Record<string, unknown> {
  return recordOf(recordOf(object).spec);
}

/** Go's sort.Strings order (byte-wise for ASCII, code-unit order otherwise). */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
