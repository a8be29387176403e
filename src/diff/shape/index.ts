// Where a kind's merge semantics come from, in order: its CRD, the schema
// lookup given to the diff (generated from the OpenAPI spec), built-in names.
import type { KubeObject } from "../../types.js";
import type { MergeKeyLookup, ShapeNode } from "../types.js";
import { crdShapes } from "./crd-shape.js";
import { fallbackShape } from "./fallback-shape.js";

export { shapeFromSchema, type RefResolver } from "./schema-shape.js";
export { fallbackShape } from "./fallback-shape.js";
export { crdSchemas, crdShapes } from "./crd-shape.js";

/** A lookup that never fails: CRDs first, then `lookup`, then the built-in table. */
export function shapeResolver(objects: readonly KubeObject[], lookup?: MergeKeyLookup): (apiVersion: string, kind: string) => ShapeNode {
  const fromCrds = crdShapes(objects);
  const cache = new Map<string, ShapeNode>();
  return (apiVersion, kind) => {
    const key = `${apiVersion}|${kind}`;
    let shape = cache.get(key);
    if (!shape) {
      shape = safely(() => fromCrds(apiVersion, kind)) ?? safely(() => lookup?.(apiVersion, kind)) ?? fallbackShape(kind);
      cache.set(key, shape);
    }
    return shape;
  };
}

/** A schema that cannot be read must not stop the plan: fall back to what is known. */
function safely<T>(read: () => T | undefined): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}
