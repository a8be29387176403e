// Merge keys of custom resources, from the openAPIV3Schema of their
// CustomResourceDefinition (in the manifests or in the cluster snapshot).
import type { KubeObject } from "../../types.js";
import type { MergeKeyLookup, ShapeNode } from "../types.js";
import { shapeFromSchema } from "./schema-shape.js";

function record(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The openAPIV3Schema of each custom resource version (`group/version|Kind`) among `objects`; later definitions win. */
function schemasOf(objects: readonly KubeObject[]): Map<string, object> {
  const schemas = new Map<string, object>();
  for (const object of objects) {
    if (object.kind !== "CustomResourceDefinition") continue;
    const spec = record(object.spec);
    const group = typeof spec?.group === "string" ? spec.group : undefined;
    const kind = record(spec?.names)?.kind;
    if (!group || typeof kind !== "string" || !Array.isArray(spec?.versions)) continue;
    for (const version of spec.versions) {
      const schema = record(record(record(version)?.schema)?.openAPIV3Schema);
      const name = record(version)?.name;
      if (schema && typeof name === "string") schemas.set(`${group}/${name}|${kind}`, schema);
    }
  }
  return schemas;
}

/** The CRD schema of a custom resource kind, for its structural defaults. */
export function crdSchemas(objects: readonly KubeObject[]): (apiVersion: string, kind: string) => object | undefined {
  const schemas = schemasOf(objects);
  return (apiVersion, kind) => schemas.get(`${apiVersion}|${kind}`);
}

/** A lookup over the CRDs among `objects`; later definitions win (the manifests come after the snapshot). */
export function crdShapes(objects: readonly KubeObject[]): MergeKeyLookup {
  const schemas = schemasOf(objects);
  const shapes = new Map<string, ShapeNode>();
  return (apiVersion, kind) => {
    const key = `${apiVersion}|${kind}`;
    const cached = shapes.get(key);
    if (cached) return cached;
    const schema = schemas.get(key);
    if (!schema) return undefined;
    const shape = shapeFromSchema(schema);
    shapes.set(key, shape);
    return shape;
  };
}
