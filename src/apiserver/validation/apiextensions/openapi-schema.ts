// validateCustomResourceDefinitionValidation and
// ValidateCustomResourceDefinitionOpenAPISchema (apiextensions-apiserver
// pkg/apis/apiextensions/validation/validation.go): the keywords a CRD schema
// may use, the x-kubernetes-* extensions and how they fit together, list
// types and their keys, the x-kubernetes-validations rules (compiled, and
// their cost estimated), after the structural-schema and default checks.
import { notSupported } from "../../field/errors.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { CelSchemaContext, validateRules, StaticEstimatedCRDCostLimit, getCostErrorMessage } from "./cel-validation.js";
import { validateDefaults } from "./defaults.js";
import { ErrorList } from "./error-list.js";
import type { FieldPath } from "../../field/path.js";
import { convertsToStructural, validateStructural } from "./structural.js";
import { appendAll } from "../../../util/append.js";

const OPENAPI_V3_TYPES = ["array", "boolean", "integer", "number", "object", "string"];
const META_FIELDS = new Set(["metadata", "kind", "apiVersion"]);
/** allowedFieldsAtRootSchema, by the names the manifest uses, and Go's names for the message. */
const ALLOWED_AT_ROOT: Record<string, string> = {
  description: "Description", type: "Type", format: "Format", title: "Title", maximum: "Maximum", exclusiveMaximum: "ExclusiveMaximum",
  minimum: "Minimum", exclusiveMinimum: "ExclusiveMinimum", maxLength: "MaxLength", minLength: "MinLength", pattern: "Pattern",
  maxItems: "MaxItems", minItems: "MinItems", uniqueItems: "UniqueItems", multipleOf: "MultipleOf", required: "Required", items: "Items",
  properties: "Properties", externalDocs: "ExternalDocs", example: "Example", "x-kubernetes-preserve-unknown-fields": "XPreserveUnknownFields",
  "x-kubernetes-validations": "XValidations",
};
const MAX_DEPTH = 64;

/** specStandardValidatorV3's state along the walk. */
interface Standard {
  allowDefaults: boolean;
  disallowDefaultsReason: string;
  insideResourceMeta: boolean;
  /** The first ancestor that old and new objects cannot be matched by (oldSelf is forbidden below it). */
  uncorrelatable?: FieldPath;
  /** The release, whose words some errors take. */
  kubernetesVersion: string;
}

interface SchemaErrors {
  schema: ErrorList;
  cel: ErrorList;
}

const sortedEntries = (value: unknown): Array<[string, JsonRecord]> =>
  isRecord(value) ? Object.keys(value).sort().map((key) => [key, isRecord(value[key]) ? (value[key] as JsonRecord) : {}]) : [];
const isEmptyValue = (value: unknown) => value === undefined || value === null || value === false || value === "" || value === 0 || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);

/** The keywords specStandardValidatorV3 refuses wherever they are. */
const UNSUPPORTED_KEYWORDS = ["additionalItems", "patternProperties", "definitions", "dependencies", "$ref"] as const;
const JUNCTORS = ["allOf", "oneOf", "anyOf"] as const;

/** specStandardValidatorV3.validate: keywords OpenAPI v3 schemas of CRDs do not support. */
function validateStandard(errors: ErrorList, schema: JsonRecord, path: FieldPath, standard: Standard): void {
  const type = typeof schema.type === "string" ? schema.type : "";
  if (type !== "" && !OPENAPI_V3_TYPES.includes(type)) errors.add(notSupported(path.child("type"), type, OPENAPI_V3_TYPES));
  if (schema.default !== undefined && schema.default !== null && !standard.allowDefaults) {
    errors.forbidden(path.child("default"), "must not be set" + (standard.disallowDefaultsReason ? ` ${standard.disallowDefaultsReason}` : ""));
  }
  if (typeof schema.id === "string" && schema.id !== "") errors.forbidden(path.child("id"), "id is not supported");
  for (let i = 0; i < UNSUPPORTED_KEYWORDS.length; i++) {
    const key = UNSUPPORTED_KEYWORDS[i]!;
    const value = schema[key];
    // patternProperties and definitions count when they name something; the others when present.
    const present = key === "patternProperties" || key === "definitions" ? isRecord(value) && Object.keys(value).length > 0 : value !== undefined && value !== null;
    if (present) errors.forbidden(path.child(key), `${key} is not supported`);
  }
  if (type === "null") errors.forbidden(path.child("type"), "type cannot be set to null, use nullable as an alternative");
  if (Array.isArray(schema.items) && schema.items.length > 0) errors.forbidden(path.child("items"), "items must be a schema object and not an array");
  if (standard.insideResourceMeta && schema["x-kubernetes-embedded-resource"] === true) errors.forbidden(path.child("x-kubernetes-embedded-resource"), "must not be used inside of resource meta");
}

/** validateMapListKeysMapSet. */
function validateMapListKeysMapSet(errors: ErrorList, schema: JsonRecord, path: FieldPath): void {
  const listType = schema["x-kubernetes-list-type"];
  const items = isRecord(schema.items) ? schema.items : undefined;
  if (!items || (listType !== "set" && listType !== "map")) return;
  if (items.nullable === true) errors.forbidden(path.child("items").child("nullable"), `cannot be nullable when x-kubernetes-list-type is ${listType}`);
  if (listType !== "map") return;
  const required = new Set(Array.isArray(items.required) ? items.required : []);
  const properties = isRecord(items.properties) ? items.properties : {};
  for (const key of Array.isArray(schema["x-kubernetes-list-map-keys"]) ? (schema["x-kubernetes-list-map-keys"] as unknown[]) : []) {
    if (typeof key !== "string" || !isRecord(properties[key])) continue;
    const property = properties[key] as JsonRecord;
    const at = path.child("items").child("properties").key(key);
    if (!required.has(key) && (property.default === undefined || property.default === null)) {
      errors.required(at.child("default"), "this property is in x-kubernetes-list-map-keys, so it must have a default or be a required property");
    }
    if (property.nullable === true) errors.forbidden(at.child("nullable"), "this property is in x-kubernetes-list-map-keys, so it cannot be nullable");
  }
}

/** The x-kubernetes-list-type, -map-type and -list-map-keys rules. */
function validateListAndMapTypes(errors: ErrorList, schema: JsonRecord, path: FieldPath): void {
  const type = typeof schema.type === "string" ? schema.type : "";
  const mapType = schema["x-kubernetes-map-type"];
  const listType = schema["x-kubernetes-list-type"];
  const mapKeys = Array.isArray(schema["x-kubernetes-list-map-keys"]) ? (schema["x-kubernetes-list-map-keys"] as unknown[]) : [];
  const items = isRecord(schema.items) ? schema.items : undefined;
  if (mapType !== undefined && mapType !== null && type !== "object") {
    if (type === "") errors.required(path.child("type"), "must be object if x-kubernetes-map-type is specified");
    else errors.invalid(path.child("type"), type, "must be object if x-kubernetes-map-type is specified");
  }
  if (typeof mapType === "string" && mapType !== "atomic" && mapType !== "granular") errors.add(notSupported(path.child("x-kubernetes-map-type"), mapType, ["atomic", "granular"]));
  if (listType !== undefined && listType !== null && type !== "array") {
    if (type === "") errors.required(path.child("type"), "must be array if x-kubernetes-list-type is specified");
    else errors.invalid(path.child("type"), type, "must be array if x-kubernetes-list-type is specified");
  } else if (listType === "set" && items) {
    if (items.type === "array" && items["x-kubernetes-list-type"] !== undefined && items["x-kubernetes-list-type"] !== "atomic") {
      errors.invalid(path.child("items").child("x-kubernetes-list-type"), items["x-kubernetes-list-type"], "must be atomic as item of a list with x-kubernetes-list-type=set");
    } else if (items.type === "object" && items["x-kubernetes-map-type"] !== "atomic") {
      errors.invalid(path.child("items").child("x-kubernetes-map-type"), items["x-kubernetes-list-type"] ?? null, "must be atomic as item of a list with x-kubernetes-list-type=set");
    }
  }
  if (typeof listType === "string" && !["atomic", "set", "map"].includes(listType)) errors.add(notSupported(path.child("x-kubernetes-list-type"), listType, ["atomic", "set", "map"]));
  if (mapKeys.length > 0) {
    if (listType === undefined || listType === null) errors.required(path.child("x-kubernetes-list-type"), "must be map if x-kubernetes-list-map-keys is non-empty");
    else if (listType !== "map") errors.invalid(path.child("x-kubernetes-list-type"), listType, "must be map if x-kubernetes-list-map-keys is non-empty");
  }
  if (listType !== "map") return;
  if (mapKeys.length === 0) errors.required(path.child("x-kubernetes-list-map-keys"), "must not be empty if x-kubernetes-list-type is map");
  if (schema.items === undefined || schema.items === null) errors.required(path.child("items"), "must have a schema if x-kubernetes-list-type is map");
  if (Array.isArray(schema.items)) errors.invalid(path.child("items"), schema.items, "must only have a single schema if x-kubernetes-list-type is map");
  if (items && items.type !== "object") errors.invalid(path.child("items").child("type"), items.type ?? "", "must be object if parent array's x-kubernetes-list-type is map");
  if (items && items.type === "object") {
    const properties = isRecord(items.properties) ? items.properties : {};
    const seen = new Set<unknown>();
    for (const key of mapKeys) {
      const property = typeof key === "string" && isRecord(properties[key]) ? (properties[key] as JsonRecord) : undefined;
      if (!property) errors.invalid(path.child("x-kubernetes-list-map-keys"), mapKeys, "entries must all be names of item properties");
      else if (property.type === "array" || property.type === "object") {
        errors.invalid(path.child("items").child("properties").key(key as string).child("type"), items.type, "must be a scalar type if parent array's x-kubernetes-list-type is map");
      }
      if (seen.has(key)) errors.invalid(path.child("x-kubernetes-list-map-keys"), mapKeys, "must not contain duplicate entries");
      seen.add(key);
    }
  }
}

/** MapIsCorrelatable: old and new fields of a granular or atomic map (the default is granular) can be matched; of another map type, not. */
function mapIsCorrelatable(mapType: unknown): boolean {
  return mapType === undefined || mapType === null || mapType === "granular" || mapType === "atomic";
}

function withoutDefaults(standard: Standard, reason: string): Standard {
  return { ...standard, allowDefaults: false, disallowDefaultsReason: reason };
}

function withUncorrelatable(standard: Standard, path: FieldPath): Standard {
  return standard.uncorrelatable ? standard : { ...standard, uncorrelatable: path };
}

/**
 * ValidateCustomResourceDefinitionOpenAPISchema. Upstream gathers each node's
 * errors in a list of its own and appends it to its parent's: appended to
 * `errors` as they are found, they come in the same order, and the node's own
 * are those after `schemaErrorsBefore` (every node of every CRD is walked).
 */
function validateOpenAPISchema(errors: SchemaErrors, schema: JsonRecord, path: FieldPath, standard: Standard, isRoot: boolean, cel: CelSchemaContext | undefined, depth: number): void {
  if (depth > MAX_DEPTH) return;
  const schemaErrorsBefore = errors.schema.length;
  validateStandard(errors.schema, schema, path, standard);
  if (schema.uniqueItems === true) errors.schema.forbidden(path.child("uniqueItems"), "uniqueItems cannot be set to true since the runtime complexity becomes quadratic");
  const additional = schema.additionalProperties;
  if (additional !== undefined && additional !== null) {
    const hasProperties = isRecord(schema.properties) && Object.keys(schema.properties).length > 0;
    if (hasProperties && (additional === false || isRecord(additional))) errors.schema.forbidden(path.child("additionalProperties"), "additionalProperties and properties are mutual exclusive");
    if (isRecord(additional)) {
      const sub = standard.insideResourceMeta ? withoutDefaults(standard, "inside additionalProperties applying to object metadata") : standard;
      validateOpenAPISchema(errors, additional, path.child("additionalProperties"), sub, false, cel?.childAdditionalProperties(additional), depth + 1);
    }
  }
  const properties = isRecord(schema.properties) ? schema.properties : undefined;
  const names = properties ? Object.keys(properties).sort() : undefined;
  if (properties && names) for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const child = isRecord(properties[name]) ? (properties[name] as JsonRecord) : {};
    let sub = standard;
    if (!mapIsCorrelatable(schema["x-kubernetes-map-type"])) sub = withUncorrelatable(sub, path);
    if ((isRoot || schema["x-kubernetes-embedded-resource"] === true) && META_FIELDS.has(name)) {
      sub = { ...sub, insideResourceMeta: true };
      if (isRoot) sub = withoutDefaults(sub, `in top-level ${name}`);
    }
    validateOpenAPISchema(errors, child, path.child("properties").key(name), sub, false, cel?.childProperty(child, name), depth + 1);
  }
  if (isRecord(schema.not)) validateOpenAPISchema(errors, schema.not, path.child("not"), standard, false, undefined, depth + 1);
  for (let j = 0; j < JUNCTORS.length; j++) {
    const junctor = JUNCTORS[j]!;
    if (!Array.isArray(schema[junctor])) continue;
    (schema[junctor] as unknown[]).forEach((item, i) => validateOpenAPISchema(errors, isRecord(item) ? item : {}, path.child(junctor).index(i), standard, false, undefined, depth + 1));
  }
  if (isRecord(schema.definitions)) sortedEntries(schema.definitions).forEach(([name, child]) => validateOpenAPISchema(errors, child, path.child("definitions").key(name), standard, false, undefined, depth + 1));
  if (isRecord(schema.items)) {
    const sub = schema["x-kubernetes-list-type"] !== "map" ? withUncorrelatable(standard, path) : standard;
    validateOpenAPISchema(errors, schema.items, path.child("items"), sub, false, cel?.childItems(schema.items), depth + 1);
  } else if (Array.isArray(schema.items)) {
    const sub = schema["x-kubernetes-list-type"] !== "map" ? withUncorrelatable(standard, path) : standard;
    schema.items.forEach((item, i) => validateOpenAPISchema(errors, isRecord(item) ? item : {}, path.child("items").index(i), sub, false, undefined, depth + 1));
  }
  if (isRecord(schema.dependencies)) sortedEntries(schema.dependencies).forEach(([name, child]) => validateOpenAPISchema(errors, child, path.child("dependencies").key(name), standard, false, undefined, depth + 1));
  if (schema["x-kubernetes-preserve-unknown-fields"] === false) errors.schema.invalid(path.child("x-kubernetes-preserve-unknown-fields"), false, "must be true or undefined");
  validateListAndMapTypes(errors.schema, schema, path);
  validateMapListKeysMapSet(errors.schema, schema, path);
  if (Array.isArray(schema["x-kubernetes-validations"]) && schema["x-kubernetes-validations"].length > 0) {
    validateRules(errors, schema, path, standard.uncorrelatable, cel, standard.kubernetesVersion, schemaErrorsBefore);
  }
}

/** Root keywords a status subresource allows (the status schema is taken from properties.status). */
function validateRootWithStatus(errors: ErrorList, schema: JsonRecord, path: FieldPath): void {
  for (const [key, value] of Object.entries(schema)) {
    if (isEmptyValue(value)) continue;
    if (key === "type") {
      if (value !== "object") {
        errors.invalid(path.child("openAPIV3Schema").child("type"), value, `only "object" is allowed as the type at the root of the schema if the status subresource is enabled`);
        return;
      }
      continue;
    }
    if (!Object.hasOwn(ALLOWED_AT_ROOT, key)) {
      errors.invalid(path.child("openAPIV3Schema"), schema, `only [${Object.values(ALLOWED_AT_ROOT).join(" ")}] fields are allowed at the root of the schema if the status subresource is enabled`);
      return;
    }
  }
}

/**
 * validateCustomResourceDefinitionValidation: the schema of a version (or of
 * all versions), `validation` being the object that holds openAPIV3Schema.
 */
export function validateCustomResourceDefinitionValidation(errors: ErrorList, validation: JsonRecord, statusEnabled: boolean, path: FieldPath, kubernetesVersion: string): void {
  const schema = validation.openAPIV3Schema;
  if (!isRecord(schema)) return;
  const schemaPath = path.child("openAPIV3Schema");
  if (statusEnabled) validateRootWithStatus(errors, schema, path);
  if (schema.nullable === true) errors.forbidden(schemaPath.child("nullable"), "nullable cannot be true at the root");
  let cel: CelSchemaContext | undefined;
  const structural = convertsToStructural(schema) ? validateStructural(schema, schemaPath) : undefined;
  if (structural && structural.length > 0) appendAll(errors.list, structural.list);
  else if (structural) {
    const defaults = validateDefaults(schema, schemaPath, kubernetesVersion);
    if (defaults.length > 0) appendAll(errors.list, defaults.list);
    else cel = CelSchemaContext.root(schema, kubernetesVersion);
  }
  const found: SchemaErrors = { schema: new ErrorList(), cel: new ErrorList() };
  validateOpenAPISchema(found, schema, schemaPath, { allowDefaults: true, disallowDefaultsReason: "", insideResourceMeta: false, kubernetesVersion }, true, cel, 0);
  appendAll(errors.list, found.schema.list);
  appendAll(errors.list, found.cel.list);
  if (cel && cel.totalCost.total > StaticEstimatedCRDCostLimit) {
    for (const expensive of cel.totalCost.mostExpensive()) errors.forbidden(expensive, "contributed to estimated rule cost total exceeding cost limit for entire OpenAPIv3 schema");
    errors.forbidden(schemaPath, getCostErrorMessage("x-kubernetes-validations estimated rule cost total for entire OpenAPIv3 schema", cel.totalCost.total, StaticEstimatedCRDCostLimit));
  }
}
