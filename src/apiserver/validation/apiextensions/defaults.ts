// ValidateDefaults (apiextensions-apiserver pkg/apiserver/schema/defaulting/validation.go):
// each default is pruned (no field the schema would drop), then passes the
// value validations of its schema in kube-openapi's words and, when those
// pass, its x-kubernetes-validations rules (src/schema/crd/validate-value.ts).
// The root is a resource, like an embedded one: defaults of its apiVersion,
// kind and metadata (and below) are not pruned, as they stand in TypeMeta
// and ObjectMeta; kubeplan does not check them as ObjectMeta.
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { validateCustomResourceValue } from "../../../schema/crd/validate-value.js";
import { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";

const MAX_DEPTH = 64;
const EMBEDDED_META = new Set(["apiVersion", "kind", "metadata"]);

function childSchema(schema: JsonRecord, key: string): JsonRecord | undefined {
  if (isRecord(schema.properties) && isRecord(schema.properties[key])) return schema.properties[key] as JsonRecord;
  return isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/** Whether pruning would drop part of the value (pruning.Prune); `isResource`: the value is a whole resource. */
function hasUnknownFields(value: unknown, schema: JsonRecord | undefined, depth: number, isResource = false): boolean {
  if (!schema || depth > MAX_DEPTH || schema["x-kubernetes-preserve-unknown-fields"] === true) return false;
  if (Array.isArray(value)) return isRecord(schema.items) && value.some((item) => hasUnknownFields(item, schema.items as JsonRecord, depth + 1));
  if (!isRecord(value)) return false;
  const embedded = isResource || schema["x-kubernetes-embedded-resource"] === true;
  return Object.entries(value).some(([key, item]) => {
    if (embedded && EMBEDDED_META.has(key)) return false;
    const child = childSchema(schema, key);
    if (!child && schema.additionalProperties !== true) return true;
    return hasUnknownFields(item, child, depth + 1);
  });
}

interface Walk {
  errors: ErrorList;
  kubernetesVersion: string;
}

/**
 * `resourceRoot`: the schema of the nearest resource (the root, or an embedded resource);
 * `insideMeta`: the schema is, or is inside, a resource's apiVersion, kind or metadata.
 */
function walk(state: Walk, schema: JsonRecord, path: FieldPath, resourceRoot: JsonRecord, depth: number, insideMeta: boolean): void {
  if (depth > MAX_DEPTH) return;
  const isResource = schema === resourceRoot || schema["x-kubernetes-embedded-resource"] === true;
  const root = isResource ? schema : resourceRoot;
  if (isResource) insideMeta = false;
  if (schema.default !== undefined && schema.default !== null) {
    const at = path.child("default");
    if (!insideMeta && hasUnknownFields(schema.default, schema, 0, isResource)) state.errors.invalid(at, schema.default, "must not have unknown fields");
    for (const found of validateCustomResourceValue(schema.default, schema, schema === root, state.kubernetesVersion)) state.errors.add({ ...found.error, field: found.at(at) });
  }
  // Defaults are forbidden under additionalProperties: upstream does not look there.
  if (isRecord(schema.items)) walk(state, schema.items, path.child("items"), root, depth + 1, insideMeta);
  if (isRecord(schema.properties)) {
    for (const key of Object.keys(schema.properties).sort()) {
      const child = schema.properties[key];
      if (isRecord(child)) walk(state, child, path.child("properties").key(key), root, depth + 1, insideMeta || (isResource && EMBEDDED_META.has(key)));
    }
  }
}

/** The errors of the defaults of a structural schema, in the words of the target release. */
export function validateDefaults(schema: JsonRecord, path: FieldPath, kubernetesVersion: string): ErrorList {
  const state: Walk = { errors: new ErrorList(), kubernetesVersion };
  walk(state, schema, path, schema, 0, false);
  return state.errors;
}
