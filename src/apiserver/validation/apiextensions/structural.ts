// ValidateStructural (apiextensions-apiserver pkg/apiserver/schema/validation.go
// and complete.go): a CRD schema must be structural. Every field is typed,
// the root is an object, metadata says no more than name and generateName,
// and allOf/anyOf/oneOf/not only add value validations to fields the schema
// already declares. Errors come sorted by their text, as upstream sorts them.
import { compileRe2 } from "../../../util/re2.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { NEWEST_BUNDLED_VERSION } from "../../../schema/versions.js";
import { errorMessage, type FieldError } from "../../field/errors.js";
import { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";

type Level = "root" | "item" | "field";

const JUNCTORS = ["allOf", "anyOf", "oneOf"] as const;
const MAX_DEPTH = 64;

const sortedEntries = (value: unknown): Array<[string, JsonRecord]> =>
  isRecord(value) ? Object.keys(value).sort().flatMap((key) => (isRecord(value[key]) ? [[key, value[key] as JsonRecord]] : [])) : [];

/** The keys of a schema's `properties` in Go's map order (sorted), or none. Every node of every CRD is walked: no array of entries. */
const sortedKeys = (properties: unknown): string[] | undefined => (isRecord(properties) ? Object.keys(properties).sort() : undefined);

/** `anyOf: [{type: integer}, {type: string}]`, the int-or-string shape old CRDs spell out. */
function isIntOrStringAnyOf(anyOf: unknown): boolean {
  if (!Array.isArray(anyOf) || anyOf.length !== 2) return false;
  const [a, b] = anyOf;
  return isRecord(a) && isRecord(b) && Object.keys(a).join() === "type" && Object.keys(b).join() === "type" && a.type === "integer" && b.type === "string";
}

function validatePattern(errors: ErrorList, schema: JsonRecord, path: FieldPath): void {
  if (typeof schema.pattern !== "string" || schema.pattern === "") return;
  const compiled = compileRe2(schema.pattern);
  if ("error" in compiled) errors.invalid(path.child("pattern"), schema.pattern, `must be a valid regular expression, but isn't: ${compiled.error}`);
}

/** validateValueValidation: the junctors' schemas and the pattern. */
function validateValueValidation(errors: ErrorList, schema: JsonRecord, path: FieldPath, depth: number, skipAnyOf: boolean, skipFirstAllOfAnyOf: boolean): void {
  // Most nodes have no junctor: nothing is made for them.
  if (!skipAnyOf && Array.isArray(schema.anyOf)) nestedList(schema.anyOf).forEach((nested, i) => validateNestedValueValidation(errors, nested, path.child("anyOf").index(i), depth, false));
  if (Array.isArray(schema.allOf)) nestedList(schema.allOf).forEach((nested, i) => validateNestedValueValidation(errors, nested, path.child("allOf").index(i), depth, skipFirstAllOfAnyOf && i === 0));
  if (Array.isArray(schema.oneOf)) nestedList(schema.oneOf).forEach((nested, i) => validateNestedValueValidation(errors, nested, path.child("oneOf").index(i), depth, false));
  if (isRecord(schema.not)) validateNestedValueValidation(errors, schema.not, path.child("not"), depth, false);
  validatePattern(errors, schema, path);
}

const nestedList = (value: unknown): JsonRecord[] => (Array.isArray(value) ? value.map((item) => (isRecord(item) ? item : {})) : []);

const NESTED_FORBIDDEN: Array<[string, string]> = [
  ["type", "must be empty to be structural"],
  ["additionalProperties", "must be undefined to be structural"],
  ["default", "must be undefined to be structural"],
  ["title", "must be empty to be structural"],
  ["description", "must be empty to be structural"],
  ["nullable", "must be false to be structural"],
  ["x-kubernetes-preserve-unknown-fields", "must be false to be structural"],
  ["x-kubernetes-embedded-resource", "must be false to be structural"],
  ["x-kubernetes-int-or-string", "must be false to be structural"],
  ["x-kubernetes-list-map-keys", "must be empty to be structural"],
  ["x-kubernetes-list-type", "must be undefined to be structural"],
  ["x-kubernetes-map-type", "must be undefined to be structural"],
  ["x-kubernetes-validations", "must be empty to be structural"],
];

function isSet(schema: JsonRecord, key: string): boolean {
  const value = schema[key];
  if (value === undefined || value === null || value === false || value === "") return false;
  return !(Array.isArray(value) && value.length === 0);
}

/** validateNestedValueValidation: a schema under allOf/anyOf/oneOf/not. */
function validateNestedValueValidation(errors: ErrorList, schema: JsonRecord, path: FieldPath, depth: number, skipAnyOf: boolean): void {
  if (depth > MAX_DEPTH) return;
  validateValueValidation(errors, schema, path, depth + 1, skipAnyOf, false);
  if (isRecord(schema.items)) validateNestedValueValidation(errors, schema.items, path.child("items"), depth + 1, false);
  for (const [key, child] of sortedEntries(schema.properties)) validateNestedValueValidation(errors, child, path.child("properties").key(key), depth + 1, false);
  for (const [key, detail] of NESTED_FORBIDDEN) if (isSet(schema, key)) errors.forbidden(path.child(key), detail);
  if (isRecord(schema.properties) && Object.hasOwn(schema.properties, "metadata")) errors.forbidden(path.child("properties").key("metadata"), "must not be specified in a nested context");
}

/** validateStructuralMetadataInvariants. */
function validateMetadata(errors: ErrorList, metadata: JsonRecord, checkMetadata: boolean, level: Level, path: FieldPath): void {
  if (checkMetadata && metadata.type !== "object") errors.invalid(path.child("type"), metadata.type ?? "", "must be object");
  if (level !== "root") return;
  const properties = isRecord(metadata.properties) ? Object.keys(metadata.properties) : [];
  const onlyNames = properties.every((name) => name === "name" || name === "generateName");
  const rest = Object.keys(metadata).filter((key) => key !== "type" && key !== "default" && !(key === "properties" && onlyNames) && isSet(metadata, key));
  if (rest.length > 0) errors.forbidden(path, "must not specify anything other than name and generateName, but metadata is implicitly specified");
}

/** The fields whose type must be string where metadata is checked. */
const TYPE_META_FIELDS = ["kind", "apiVersion"] as const;

/** validateStructuralInvariants. */
function validateInvariants(errors: ErrorList, schema: JsonRecord, level: Level, path: FieldPath, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const type = typeof schema.type === "string" ? schema.type : "";
  const intOrString = schema["x-kubernetes-int-or-string"] === true;
  const preserve = schema["x-kubernetes-preserve-unknown-fields"] === true;
  const embedded = schema["x-kubernetes-embedded-resource"] === true;
  if (type === "array" && !isRecord(schema.items)) errors.required(path.child("items"), "must be specified");
  if (isRecord(schema.items)) validateInvariants(errors, schema.items, "item", path.child("items"), depth + 1);
  const properties = isRecord(schema.properties) ? schema.properties : undefined;
  const keys = sortedKeys(properties);
  if (properties && keys) {
    const inProperties = keys.length > 0 ? path.child("properties") : path;
    for (const key of keys) {
      const child = properties[key];
      if (isRecord(child)) validateInvariants(errors, child, "field", inProperties.key(key), depth + 1);
    }
  }
  if (isRecord(schema.additionalProperties) || typeof schema.additionalProperties === "boolean") {
    if (level === "root") errors.forbidden(path.child("additionalProperties"), "must not be used at the root");
    if (isRecord(schema.additionalProperties)) validateInvariants(errors, schema.additionalProperties, "field", path.child("additionalProperties"), depth + 1);
  }
  if (intOrString && preserve) errors.invalid(path.child("x-kubernetes-preserve-unknown-fields"), true, "must be false if x-kubernetes-int-or-string is true");
  if (intOrString && embedded) errors.invalid(path.child("x-kubernetes-embedded-resource"), true, "must be false if x-kubernetes-int-or-string is true");
  const allOf = Array.isArray(schema.allOf) ? schema.allOf : [];
  validateValueValidation(errors, schema, path, depth, isIntOrStringAnyOf(schema.anyOf), isRecord(allOf[0]) && isIntOrStringAnyOf(allOf[0].anyOf));
  const checkMetadata = level === "root" || embedded;
  if (embedded && type !== "object") {
    if (type === "") errors.required(path.child("type"), "must be object if x-kubernetes-embedded-resource is true");
    else errors.invalid(path.child("type"), type, "must be object if x-kubernetes-embedded-resource is true");
  } else if (type === "" && !intOrString && !preserve) {
    const where = level === "root" ? "at the root" : level === "item" ? "for specified array items" : "for specified object fields";
    errors.required(path.child("type"), `must not be empty ${where}`);
  }
  if (embedded && schema.additionalProperties !== undefined) errors.forbidden(path.child("additionalProperties"), "must not be used if x-kubernetes-embedded-resource is set");
  if (level === "root" && type !== "" && type !== "object") errors.invalid(path.child("type"), type, "must be object at the root");
  if (checkMetadata && properties) {
    for (const name of TYPE_META_FIELDS) {
      const child = properties[name];
      if (isRecord(child) && child.type !== "string") errors.invalid(path.child("properties").key(name).child("type"), child.type ?? "", "must be string");
    }
  }
  if (properties && isRecord(properties.metadata)) validateMetadata(errors, properties.metadata, checkMetadata, level, path.child("properties").key("metadata"));
  if (embedded && !preserve && (!properties || Object.keys(properties).length === 0)) {
    errors.required(path.child("properties"), "must not be empty if x-kubernetes-embedded-resource is true without x-kubernetes-preserve-unknown-fields");
  }
}

/** validateStructuralCompleteness: the root's junctors may only name fields the schema declares. */
function validateCompleteness(errors: ErrorList, value: JsonRecord, schema: JsonRecord | undefined, schemaPath: FieldPath, valuePath: FieldPath, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const nested = (v: JsonRecord, s: JsonRecord | undefined, vPath: FieldPath, sPath: FieldPath) => {
    if (!s) {
      errors.required(sPath, `because it is defined in ${vPath.toString()}`);
      return;
    }
    validateCompleteness(errors, v, s, sPath, vPath, depth + 1);
    if (isRecord(v.items)) nested(v.items, isRecord(s.items) ? s.items : undefined, vPath.child("items"), sPath.child("items"));
    for (const [key, child] of sortedEntries(v.properties)) {
      const declared = isRecord(s.properties) && isRecord(s.properties[key]) ? (s.properties[key] as JsonRecord) : undefined;
      if (!declared) errors.required(sPath.child("properties").key(key), `because it is defined in ${vPath.child("properties").key(key).toString()}`);
      else nested(child, declared, vPath.child("properties").key(key), sPath.child("properties").key(key));
    }
  };
  if (isRecord(value.not)) nested(value.not, schema, valuePath.child("not"), schemaPath);
  for (const junctor of JUNCTORS) nestedList(value[junctor]).forEach((item, i) => nested(item, schema, valuePath.child(junctor).index(i), schemaPath));
}

/**
 * NewStructural fails on a schema with an array of item schemas anywhere: its
 * error is shown only when nothing else is, and the items array itself is
 * always refused (specStandardValidatorV3), so such a schema is simply not checked as structural.
 */
export function convertsToStructural(schema: JsonRecord, depth = 0): boolean {
  if (depth > MAX_DEPTH) return true;
  if (Array.isArray(schema.items)) return false;
  const converts = (child: unknown) => !isRecord(child) || convertsToStructural(child, depth + 1);
  if (!converts(schema.items) || !converts(schema.additionalProperties) || !converts(schema.not)) return false;
  if (isRecord(schema.properties)) for (const key in schema.properties) if (Object.hasOwn(schema.properties, key) && !converts(schema.properties[key])) return false;
  for (let j = 0; j < JUNCTORS.length; j++) {
    const list = schema[JUNCTORS[j]!];
    if (Array.isArray(list)) for (let i = 0; i < list.length; i++) if (!converts(list[i])) return false;
  }
  return true;
}

/** ValidateStructural: the errors that make the schema non-structural, sorted as upstream sorts them. */
export function validateStructural(schema: JsonRecord, path: FieldPath): ErrorList {
  const errors = new ErrorList();
  validateInvariants(errors, schema, "root", path, 0);
  validateCompleteness(errors, schema, schema, path, path, 0);
  // Structural errors carry no value or limit whose wording changed between releases.
  const text = (error: FieldError) => errorMessage(error, NEWEST_BUNDLED_VERSION);
  errors.list.sort((a, b) => (text(a) < text(b) ? -1 : text(a) > text(b) ? 1 : 0));
  return errors;
}
