// ValidateDefaults (apiextensions-apiserver pkg/apiserver/schema/defaulting/validation.go):
// each default is pruned (no field the schema would drop), its embedded
// resources' TypeMeta and ObjectMeta read and checked (objectmeta.ts), then
// it passes the value validations of its schema in kube-openapi's words and,
// when those pass, its x-kubernetes-validations rules, the default being its
// own old object (src/schema/crd/validate-value.ts). The root is a resource,
// like an embedded one: a default of its apiVersion, kind or metadata (or
// below) is not pruned but set into the resource around it, which must then
// have valid metadata.
import { errorMessage, type FieldError } from "../../field/errors.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { coerceObjectMeta, validateObjectMetaOf } from "../../../schema/crd/objectmeta.js";
import { validateCustomResourceValue } from "../../../schema/crd/validate-value.js";
import { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";

const MAX_DEPTH = 64;
const EMBEDDED_META = new Set(["apiVersion", "kind", "metadata"]);
/** The TypeMeta of the resource a default of metadata is set into (NewRootObjectFunc().WithTypeMeta). */
const SURROUNDING_TYPE_META = { apiVersion: "validation/v1", kind: "Validation" };

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

/** SurroundingObjectFunc: the steps from the nearest resource to a schema node (a key, or an item of a list). */
type Steps = Array<string | null>;

/** The resource around a default of its metadata, the default set at its place. */
function surroundingObject(steps: Steps, value: unknown): JsonRecord {
  let inner = value;
  for (let i = steps.length - 1; i >= 1; i--) inner = steps[i] === null ? [inner] : { [steps[i]!]: inner };
  return { ...SURROUNDING_TYPE_META, [steps[0]!]: inner };
}

/** ToAggregate's text: one error as it is, more in brackets. */
function aggregate(errors: FieldError[], kubernetesVersion: string): string {
  const texts = errors.map((error) => errorMessage(error, kubernetesVersion));
  return texts.length === 1 ? texts[0]! : `[${texts.join(", ")}]`;
}

interface Walk {
  errors: ErrorList;
  kubernetesVersion: string;
}

function addValueErrors(state: Walk, schema: JsonRecord, at: FieldPath, isResourceRoot: boolean): void {
  for (const found of validateCustomResourceValue(schema.default, schema, isResourceRoot, state.kubernetesVersion)) state.errors.add({ ...found.error, field: found.at(at) });
}

/** A default of a resource's apiVersion, kind or metadata: the resource around it must have valid metadata. */
function validateMetaDefault(state: Walk, schema: JsonRecord, at: FieldPath, resourceRoot: JsonRecord, steps: Steps): void {
  const object = surroundingObject(steps, schema.default);
  const coerced = coerceObjectMeta(undefined, object, resourceRoot, true);
  const invalidMeta = coerced ? [coerced] : validateObjectMetaOf(undefined, object, resourceRoot, true, state.kubernetesVersion);
  if (invalidMeta.length > 0) state.errors.invalid(at, schema.default, `must result in valid metadata: ${aggregate(invalidMeta, state.kubernetesVersion)}`);
  else addValueErrors(state, schema, at, false);
}

/**
 * `resourceRoot`: the schema of the nearest resource (the root, or an embedded resource);
 * `steps`: from it to this node when the node is, or is inside, its apiVersion, kind or metadata.
 */
function walk(state: Walk, schema: JsonRecord, path: FieldPath, resourceRoot: JsonRecord, depth: number, steps: Steps | undefined): void {
  if (depth > MAX_DEPTH) return;
  const isResource = schema === resourceRoot || schema["x-kubernetes-embedded-resource"] === true;
  const root = isResource ? schema : resourceRoot;
  if (isResource) steps = undefined;
  if (schema.default !== undefined && schema.default !== null) {
    const at = path.child("default");
    if (steps) validateMetaDefault(state, schema, at, root, steps);
    else {
      if (hasUnknownFields(schema.default, schema, 0, isResource)) state.errors.invalid(at, schema.default, "must not have unknown fields");
      const coerced = coerceObjectMeta(at, schema.default, schema, isResource);
      const invalidMeta = coerced ? [coerced] : validateObjectMetaOf(at, schema.default, schema, isResource, state.kubernetesVersion);
      for (const error of invalidMeta) state.errors.add(error);
      if (invalidMeta.length === 0) addValueErrors(state, schema, at, schema === root);
    }
  }
  // Defaults are forbidden under additionalProperties: upstream does not look there.
  if (isRecord(schema.items)) walk(state, schema.items, path.child("items"), root, depth + 1, steps && [...steps, null]);
  if (isRecord(schema.properties)) {
    for (const key of Object.keys(schema.properties).sort()) {
      const child = schema.properties[key];
      const childSteps = steps ? [...steps, key] : isResource && EMBEDDED_META.has(key) ? [key] : undefined;
      if (isRecord(child)) walk(state, child, path.child("properties").key(key), root, depth + 1, childSteps);
    }
  }
}

/** The errors of the defaults of a structural schema, in the words of the target release. */
export function validateDefaults(schema: JsonRecord, path: FieldPath, kubernetesVersion: string): ErrorList {
  const state: Walk = { errors: new ErrorList(), kubernetesVersion };
  walk(state, schema, path, schema, 0, undefined);
  return state.errors;
}
