// The TypeMeta and ObjectMeta of resources inside a CRD's values
// (apiextensions-apiserver pkg/apiserver/schema/objectmeta: coerce.go and
// validation.go), as the API server checks a default: Coerce reads each
// embedded resource's apiVersion, kind and metadata as Go types and stops at
// the first that does not read (GetObjectMeta's decoding errors), Validate
// then requires apiVersion and kind, checks them, and checks the metadata as
// ObjectMeta with names that are path segments.
import { validateObjectMeta } from "../../apiserver/apimachinery/objectmeta.js";
import { isDNS1035Label, isPathSegmentName, isPathSegmentPrefix } from "../../apiserver/apimachinery/validation.js";
import { invalid, required, type ErrorList, type FieldError } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";
import { appendAll } from "../../util/append.js";
import { atLeast } from "../../util/release.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";
import { parsePointer } from "../../util/pointer.js";
import { childNode, type StructuralNode } from "./structural.js";

const MAX_DEPTH = 64;
/** ObjectMeta's fields of type string, and its maps of strings (the fields a default is likely to set). */
const STRING_FIELDS = ["name", "generateName", "namespace", "selfLink", "uid", "resourceVersion"];
const STRING_MAPS = ["labels", "annotations"];

/** Go's name of a JSON value's type as the API server decodes it (numbers: int64 when whole). */
function goType(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "boolean") return "bool";
  if (typeof value === "number") return Number.isInteger(value) ? "int64" : "float64";
  if (Array.isArray(value)) return "[]interface {}";
  return "map[string]interface {}";
}

/** The converter's error for a value that does not go into a Go string (FromUnstructured). */
function stringError(value: unknown): string | undefined {
  if (value === null || value === undefined || typeof value === "string") return undefined;
  // Go converts an integer to a string type but the converter refuses it; other types it does not recognise.
  return typeof value === "number" && Number.isInteger(value) ? "cannot convert int64 to string" : "unrecognized type: string";
}

/** GetObjectMeta's error for metadata that does not decode into ObjectMeta (the fields kubeplan reads). */
export function objectMetaError(metadata: unknown): string | undefined {
  if (metadata === null || metadata === undefined) return undefined;
  if (!isRecord(metadata)) return `invalid metadata: expected object, got ${goType(metadata)}`;
  for (const key of STRING_FIELDS) {
    const problem = stringError(metadata[key]);
    if (problem) return problem;
  }
  for (const key of STRING_MAPS) {
    const map = metadata[key];
    if (map === null || map === undefined) continue;
    if (!isRecord(map)) return `cannot restore map from ${Array.isArray(map) ? "slice" : goType(map)}`;
    for (const value of Object.values(map)) {
      const problem = stringError(value);
      if (problem) return problem;
    }
  }
  return undefined;
}

const childOf = (schema: JsonRecord | undefined, key: string): JsonRecord | undefined => {
  if (!schema) return undefined;
  if (isRecord(schema.properties) && isRecord(schema.properties[key])) return schema.properties[key] as JsonRecord;
  return isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined;
};

/** A path below `path`, or from nothing (upstream's nil path: errors named from the value's root). */
type Where = FieldPath | undefined;
/** Upstream's path below `path` (none at a resource's root): a property by name, a map value by key, an item by index. */
export function pathStep(path: Where, key: string | number, isProperty: boolean): FieldPath {
  if (typeof key === "number") return path ? path.index(key) : FieldPath.root(`[${key}]`);
  if (isProperty) return path ? path.child(key) : FieldPath.root(key);
  return path ? path.key(key) : FieldPath.root(`[${key}]`);
}

const childOfPath = (path: Where, name: string): FieldPath => pathStep(path, name, true);
const stepOf = (schema: JsonRecord, path: Where, key: string): FieldPath => pathStep(path, key, isRecord(schema.properties) && isRecord(schema.properties[key]));

/** coercer.coerce: the first apiVersion, kind or metadata of an embedded resource that does not read. */
function coerce(path: Where, value: unknown, schema: JsonRecord | undefined, embedded: boolean, depth: number): FieldError | undefined {
  if (!schema || depth > MAX_DEPTH) return undefined;
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? schema.items : undefined;
    for (let i = 0; i < value.length; i++) {
      const found = coerce(pathStep(path, i, false), value[i], items, items?.["x-kubernetes-embedded-resource"] === true, depth + 1);
      if (found) return found;
    }
    return undefined;
  }
  if (!isRecord(value)) return undefined;
  for (const key of Object.keys(value).sort()) {
    const item = value[key];
    if (embedded && (key === "apiVersion" || key === "kind") && typeof item !== "string") return invalid(childOfPath(path, key), item, "must be a string");
    if (embedded && key === "metadata") {
      const problem = objectMetaError(item);
      if (problem) return invalid(childOfPath(path, "metadata"), item, problem);
    }
    const child = childOf(schema, key);
    if (!child) continue;
    const found = coerce(stepOf(schema, path, key), item, child, child["x-kubernetes-embedded-resource"] === true, depth + 1);
    if (found) return found;
  }
  return undefined;
}

/** ParseGroupVersion's refusal: more than one slash. */
const groupVersionError = (apiVersion: string): string | undefined => ((apiVersion.match(/\//g) ?? []).length > 1 ? `unexpected GroupVersion string: ${apiVersion}` : undefined);

const pathSegmentName = (name: string, prefix: boolean) => (prefix ? isPathSegmentPrefix(name) : isPathSegmentName(name));

/** Until 1.34 an absent apiVersion or kind was `Required value: must not be empty`; since, the detail is left out. */
const absentDetail = (kubernetesVersion: string): string => (atLeast(kubernetesVersion, "1.34") ? "" : "must not be empty");

/** validateEmbeddedResource: apiVersion and kind required and well formed, metadata as ObjectMeta with path-segment names. */
export function validateEmbeddedResource(path: Where, value: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (!Object.hasOwn(value, "apiVersion")) errors.push(required(childOfPath(path, "apiVersion"), absentDetail(kubernetesVersion)));
  if (!Object.hasOwn(value, "kind")) errors.push(required(childOfPath(path, "kind"), absentDetail(kubernetesVersion)));
  const { apiVersion, kind, metadata } = value;
  if (typeof apiVersion === "string") {
    const problem = apiVersion === "" ? "must not be empty" : groupVersionError(apiVersion);
    if (problem) errors.push(invalid(childOfPath(path, "apiVersion"), apiVersion, problem));
  } else if (apiVersion !== undefined) errors.push(invalid(childOfPath(path, "apiVersion"), apiVersion, "must be a string"));
  if (typeof kind === "string") {
    const problems = isDNS1035Label(kind.toLowerCase());
    if (kind === "") errors.push(invalid(childOfPath(path, "kind"), kind, "must not be empty"));
    else if (problems.length > 0) errors.push(invalid(childOfPath(path, "kind"), kind, `may have mixed case, but should otherwise match: ${problems.join(",")}`));
  } else if (kind !== undefined) errors.push(invalid(childOfPath(path, "kind"), kind, "must be a string"));
  if (Object.hasOwn(value, "metadata")) {
    const problem = objectMetaError(metadata);
    if (problem) errors.push(invalid(childOfPath(path, "metadata"), metadata, problem));
    else {
      const meta: JsonRecord = isRecord(metadata) ? { ...metadata } : {};
      // upstream sets a name when there is none, so that ObjectMeta validation does not ask for one.
      if (typeof meta.name !== "string" || meta.name === "") meta.name = "fakename";
      const namespaced = typeof meta.namespace === "string" && meta.namespace !== "";
      appendAll(errors, validateObjectMeta(meta, namespaced, pathSegmentName, childOfPath(path, "metadata"), kubernetesVersion));
    }
  }
  return errors;
}

function validateValue(path: Where, value: unknown, schema: JsonRecord | undefined, embedded: boolean, kubernetesVersion: string, depth: number): ErrorList {
  if (!schema || depth > MAX_DEPTH) return [];
  const errors: ErrorList = [];
  if (Array.isArray(value)) {
    const items = isRecord(schema.items) ? schema.items : undefined;
    value.forEach((item, i) => appendAll(errors, validateValue(pathStep(path, i, false), item, items, items?.["x-kubernetes-embedded-resource"] === true, kubernetesVersion, depth + 1)));
    return errors;
  }
  if (!isRecord(value)) return errors;
  if (embedded) appendAll(errors, validateEmbeddedResource(path, value, kubernetesVersion));
  for (const key of Object.keys(value).sort()) {
    const child = childOf(schema, key);
    if (child) appendAll(errors, validateValue(stepOf(schema, path, key), value[key], child, child["x-kubernetes-embedded-resource"] === true, kubernetesVersion, depth + 1));
  }
  return errors;
}

/** Coerce: the first TypeMeta or ObjectMeta below `path` that does not read; `isResourceRoot`: the value is itself a resource. */
export function coerceObjectMeta(path: Where, value: unknown, schema: JsonRecord, isResourceRoot: boolean): FieldError | undefined {
  return coerce(path, value, schema, isResourceRoot || schema["x-kubernetes-embedded-resource"] === true, 0);
}

/** Validate: the TypeMeta and ObjectMeta of the embedded resources below `path` (and of the value, when it is a resource). */
export function validateObjectMetaOf(path: Where, value: unknown, schema: JsonRecord, isResourceRoot: boolean, kubernetesVersion: string): ErrorList {
  return validateValue(path, value, schema, isResourceRoot || schema["x-kubernetes-embedded-resource"] === true, kubernetesVersion, 0);
}

/**
 * Whether `pointer` lies in the metadata of the resource or of an embedded
 * resource: the API server reads it as ObjectMeta and checks it with
 * ValidateObjectMetaAccessor, not with ObjectMeta's OpenAPI `required` lists.
 */
export function isInObjectMeta(root: StructuralNode, pointer: string): boolean {
  const segments = parsePointer(pointer);
  let node: StructuralNode | undefined = root;
  for (let i = 0; i < segments.length && node; i++) {
    if ((node === root || node.embeddedResource) && segments[i] === "metadata") return true;
    node = childNode(node, node.items ? Number(segments[i]) : segments[i]!);
  }
  return false;
}
