// Merge keys of custom resources, from the openAPIV3Schema of their
// CustomResourceDefinition (in the manifests or in the cluster snapshot).
import type { KubeObject } from "../../types.js";
import { arrayAt, objectAt, stringAt } from "../../util/object-access.js";
import type { MergeKeyLookup, ShapeNode } from "../types.js";
import { shapeFromSchema } from "./schema-shape.js";

/** The openAPIV3Schema of each custom resource version (`group/version|Kind`) among `objects`; later definitions win. */
function schemasOf(objects: readonly KubeObject[]): Map<string, object> {
  const schemas = new Map<string, object>();
  for (const object of objects) {
    if (object.kind !== "CustomResourceDefinition") continue;
    const spec = objectAt(object, "spec");
    const group = stringAt(spec, "group");
    const kind = objectAt(spec, "names")?.kind;
    const versions = arrayAt(spec, "versions");
    if (!group || typeof kind !== "string" || !versions) continue;
    for (const version of versions) {
      const schema = objectAt(objectAt(version, "schema"), "openAPIV3Schema");
      const name = stringAt(version, "name");
      if (schema && name !== undefined) schemas.set(`${group}/${name}|${kind}`, schema);
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
