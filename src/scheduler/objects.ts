// Readers of the parts of a Kubernetes object the scheduler looks at. The
// generic defensive readers are in util/object-access.ts.
import { recordOf } from "../util/object-access.js";

export function metadataOf(object: unknown): Record<string, unknown> {
  return recordOf(recordOf(object).metadata);
}

export function specOf(object: unknown): Record<string, unknown> {
  return recordOf(recordOf(object).spec);
}
