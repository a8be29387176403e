// ValidateDefaults (apiextensions-apiserver pkg/apiserver/schema/defaulting/validation.go),
// for what kubeplan checks of a default: it is pruned (no field the schema
// would drop) and of the types the schema declares, in kube-openapi's
// words. Enum, bounds and CEL rules over defaults are not checked here.
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { jsonTypeOf } from "../../../schema/schema-walker.js";
import { typeInvalid } from "../../field/errors.js";
import { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";

const MAX_DEPTH = 64;
const EMBEDDED_META = new Set(["apiVersion", "kind", "metadata"]);

function childSchema(schema: JsonRecord, key: string): JsonRecord | undefined {
  if (isRecord(schema.properties) && isRecord(schema.properties[key])) return schema.properties[key] as JsonRecord;
  return isRecord(schema.additionalProperties) ? schema.additionalProperties : undefined;
}

/** Whether pruning would drop part of the value (pruning.Prune). */
function hasUnknownFields(value: unknown, schema: JsonRecord | undefined, depth: number): boolean {
  if (!schema || depth > MAX_DEPTH || schema["x-kubernetes-preserve-unknown-fields"] === true) return false;
  if (Array.isArray(value)) return isRecord(schema.items) && value.some((item) => hasUnknownFields(item, schema.items as JsonRecord, depth + 1));
  if (!isRecord(value)) return false;
  const embedded = schema["x-kubernetes-embedded-resource"] === true;
  return Object.entries(value).some(([key, item]) => {
    if (embedded && EMBEDDED_META.has(key)) return false;
    const child = childSchema(schema, key);
    if (!child && schema.additionalProperties !== true) return true;
    return hasUnknownFields(item, child, depth + 1);
  });
}

/** The type kube-openapi wants here, when the value is not of it. */
function typeMismatch(value: unknown, schema: JsonRecord): string | undefined {
  if (value === null) return undefined;
  const actual = jsonTypeOf(value);
  if (schema["x-kubernetes-int-or-string"] === true) return actual === "integer" || actual === "string" ? undefined : "integer,string";
  const type = typeof schema.type === "string" ? schema.type : "";
  if (type === "" || type === actual || (type === "number" && actual === "integer")) return undefined;
  return type;
}

/** kube-openapi's type errors of the value, the first one per place. */
function typeErrors(errors: ErrorList, value: unknown, schema: JsonRecord | undefined, path: FieldPath, depth: number): void {
  if (!schema || depth > MAX_DEPTH) return;
  const expected = typeMismatch(value, schema);
  if (expected !== undefined) {
    const actual = jsonTypeOf(value);
    errors.add(typeInvalid(path, actual, `${path.toString()} in body must be of type ${expected}: "${actual}"`));
    return;
  }
  if (Array.isArray(value) && isRecord(schema.items)) value.forEach((item, i) => typeErrors(errors, item, schema.items as JsonRecord, path.index(i), depth + 1));
  else if (isRecord(value)) for (const [key, item] of Object.entries(value)) typeErrors(errors, item, childSchema(schema, key), path.child(key), depth + 1);
}

function walk(errors: ErrorList, schema: JsonRecord, path: FieldPath, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (schema.default !== undefined && schema.default !== null) {
    const at = path.child("default");
    if (hasUnknownFields(schema.default, schema, 0)) errors.invalid(at, schema.default, "must not have unknown fields");
    typeErrors(errors, schema.default, schema, at, 0);
  }
  if (isRecord(schema.items)) walk(errors, schema.items, path.child("items"), depth + 1);
  if (isRecord(schema.properties)) for (const key of Object.keys(schema.properties).sort()) if (isRecord(schema.properties[key])) walk(errors, schema.properties[key] as JsonRecord, path.child("properties").key(key), depth + 1);
  if (isRecord(schema.additionalProperties)) walk(errors, schema.additionalProperties, path.child("additionalProperties"), depth + 1);
}

/** The errors of the defaults of a structural schema. */
export function validateDefaults(schema: JsonRecord, path: FieldPath): ErrorList {
  const errors = new ErrorList();
  walk(errors, schema, path, 0);
  return errors;
}
