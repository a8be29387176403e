// The CEL types of a CRD schema, with the size bounds cost estimation needs
// (k8s.io/apiserver pkg/cel/common/schemas.go SchemaDeclType): a string's
// maxLength (times 4, in bytes), a list's maxItems, a map's maxProperties,
// or else as many as fit in the largest request the API server accepts.
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { celFieldNames } from "./values.js";
import { maxOf } from "../../../util/append.js";

export type CelKind = "string" | "bytes" | "int" | "double" | "bool" | "timestamp" | "duration" | "list" | "map" | "object" | "dyn";

export interface CelType {
  kind: CelKind;
  /** Most elements (characters, items, entries) a value can have. */
  maxElements: number;
  /** Fewest bytes the value takes in JSON. */
  minSerializedSize: number;
  elem?: CelType;
  fields?: Map<string, CelType>;
}

export const MAX_REQUEST_SIZE_BYTES = 3 * 1024 * 1024;
const MAX_DURATION_SIZE_JSON = 32;
const MAX_DATETIME_SIZE_JSON = 32;
const JSON_DATE_SIZE = 12;
const MIN_DATETIME_SIZE_JSON = 21;
const MIN_DURATION_SIZE_JSON = 3;
const MAX_DEPTH = 64;

export const DYN: CelType = { kind: "dyn", maxElements: MAX_REQUEST_SIZE_BYTES - 2, minSerializedSize: 1 };
const scalar = (kind: CelKind, minSerializedSize: number): CelType => ({ kind, maxElements: 1, minSerializedSize });
/** A schema's bool, int or number: Kubernetes gives it no size (DeclType.MaxElements 0), so comparing it costs nothing beyond its operands. */
const schemaScalar = (kind: CelKind, minSerializedSize: number): CelType => ({ kind, maxElements: 0, minSerializedSize });

const count = (value: unknown): number | undefined => (typeof value === "number" && Number.isFinite(value) ? Math.max(0, Math.floor(value)) : undefined);

function maxStringLength(schema: JsonRecord): number {
  if (schema["x-kubernetes-int-or-string"] !== true) {
    if (schema.format === "duration") return MAX_DURATION_SIZE_JSON;
    if (schema.format === "date") return JSON_DATE_SIZE;
    if (schema.format === "date-time") return MAX_DATETIME_SIZE_JSON;
  }
  return MAX_REQUEST_SIZE_BYTES - 2;
}

function stringType(schema: JsonRecord): CelType {
  const maxLength = count(schema.maxLength);
  switch (schema.format) {
    case "byte":
      return { kind: "bytes", maxElements: maxLength ?? maxStringLength(schema), minSerializedSize: 2 };
    case "duration":
      return { kind: "duration", maxElements: maxStringLength(schema), minSerializedSize: MIN_DURATION_SIZE_JSON };
    case "date":
      return { kind: "timestamp", maxElements: maxStringLength(schema), minSerializedSize: JSON_DATE_SIZE };
    case "date-time":
      return { kind: "timestamp", maxElements: maxStringLength(schema), minSerializedSize: MIN_DATETIME_SIZE_JSON };
  }
  let maxElements = maxStringLength(schema);
  if (maxLength !== undefined) maxElements = maxLength * 4;
  else if (Array.isArray(schema.enum) && schema.enum.length > 0) maxElements = maxOf(schema.enum.map((v) => (typeof v === "string" ? Buffer.byteLength(v) : 0)), 0);
  return { kind: "string", maxElements, minSerializedSize: 2 };
}

function withTypeMeta(schema: JsonRecord): JsonRecord {
  const properties: JsonRecord = { ...(isRecord(schema.properties) ? schema.properties : {}) };
  properties.apiVersion ??= { type: "string" };
  properties.kind ??= { type: "string" };
  properties.metadata = { type: "object", properties: { name: { type: "string" }, generateName: { type: "string" } } };
  return { ...schema, type: "object", properties };
}

/**
 * The CEL type of an object with properties. Its size counts its required
 * fields, whose types are worked out at once; the other fields' types when
 * `fields` is first read: a rule selects a few fields of what may be a whole
 * pod template, and the rest is never looked at.
 */
function objectType(schema: JsonRecord, depth: number): CelType {
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? schema.required : []);
  const types = new Map<string, CelType | undefined>();
  const typeOf = (name: string, property: JsonRecord): CelType | undefined => {
    if (!types.has(name)) types.set(name, schemaCelType(property, property["x-kubernetes-embedded-resource"] === true, depth + 1));
    return types.get(name);
  };
  let minSerializedSize = 2;
  for (const [name, property] of Object.entries(properties)) {
    if (!isRecord(property) || !required.has(name) || property.default !== undefined) continue;
    const type = typeOf(name, property);
    if (type) minSerializedSize += Buffer.byteLength(name) + type.minSerializedSize + 4;
  }
  let fields: Map<string, CelType> | undefined;
  // An object has no size to the cost estimate (DeclType.MaxElements 0), as a scalar.
  return {
    kind: "object",
    maxElements: 0,
    minSerializedSize,
    get fields(): Map<string, CelType> {
      if (!fields) {
        fields = new Map();
        for (const [name, property] of Object.entries(properties)) {
          const type = isRecord(property) ? typeOf(name, property) : undefined;
          if (type) for (const field of celFieldNames(name)) fields.set(field, type);
        }
      }
      return fields;
    },
  };
}

/** SchemaDeclType; undefined where CEL sees no type (upstream leaves such fields out). */
export function schemaCelType(input: JsonRecord, isResourceRoot: boolean, depth = 0): CelType | undefined {
  if (depth > MAX_DEPTH) return DYN;
  if (input["x-kubernetes-int-or-string"] === true) {
    const maxLength = count(input.maxLength);
    return { kind: "dyn", maxElements: maxLength !== undefined ? maxLength * 4 : maxStringLength(input), minSerializedSize: 1 };
  }
  const schema = isResourceRoot ? withTypeMeta(input) : input;
  switch (schema.type) {
    case "array": {
      if (!isRecord(schema.items)) return undefined;
      const elem = schemaCelType(schema.items, schema.items["x-kubernetes-embedded-resource"] === true, depth + 1);
      if (!elem) return undefined;
      const maxElements = count(schema.maxItems) ?? Math.floor((MAX_REQUEST_SIZE_BYTES - 2) / (elem.minSerializedSize + 1));
      return { kind: "list", maxElements, minSerializedSize: 2, elem };
    }
    case "object": {
      if (isRecord(schema.additionalProperties)) {
        const elem = schemaCelType(schema.additionalProperties, schema.additionalProperties["x-kubernetes-embedded-resource"] === true, depth + 1);
        if (!elem) return undefined;
        const maxElements = count(schema.maxProperties) ?? Math.floor((MAX_REQUEST_SIZE_BYTES - 2) / (elem.minSerializedSize + 6));
        return { kind: "map", maxElements, minSerializedSize: 2, elem };
      }
      return objectType(schema, depth);
    }
    case "string":
      return stringType(schema);
    case "boolean":
      return schemaScalar("bool", 4);
    case "number":
      return schemaScalar("double", 1);
    case "integer":
      return schemaScalar("int", 1);
  }
  return undefined;
}

/** A type bounded by an actual value: sizes are the value's own (for the runtime budget). */
export function valueCelType(value: unknown, depth = 0): CelType {
  if (depth > MAX_DEPTH) return DYN;
  if (typeof value === "string") return { kind: "string", maxElements: Buffer.byteLength(value), minSerializedSize: 2 };
  if (typeof value === "boolean") return scalar("bool", 4);
  if (typeof value === "number") return scalar(Number.isInteger(value) ? "int" : "double", 1);
  if (Array.isArray(value)) return { kind: "list", maxElements: value.length, minSerializedSize: 2, elem: value.map((item) => valueCelType(item, depth + 1)).reduce(unionType, undefined) };
  if (isRecord(value)) {
    const fields = new Map<string, CelType>();
    const keys = Object.keys(value);
    let entries: CelType | undefined;
    for (let i = 0; i < keys.length; i++) {
      const type = valueCelType(value[keys[i]!], depth + 1);
      fields.set(keys[i]!, type);
      entries = unionType(entries, type);
    }
    // A rule selects a property by its escaped name (`x-y` as `x__dash__y`): the type answers to both.
    for (let i = 0; i < keys.length; i++) for (const name of celFieldNames(keys[i]!)) if (!fields.has(name)) fields.set(name, fields.get(keys[i]!)!);
    // An object is a map or a message to CEL: both views are kept.
    return { kind: "object", maxElements: keys.length, minSerializedSize: 2, fields, ...(entries ? { elem: entries } : {}) };
  }
  return scalar("dyn", 1);
}

function unionType(a: CelType | undefined, b: CelType): CelType {
  if (!a) return b;
  const fields = new Map<string, CelType>();
  a.fields?.forEach((type, key) => fields.set(key, type));
  b.fields?.forEach((type, key) => fields.set(key, unionType(fields.get(key), type)));
  const elem = a.elem && b.elem ? unionType(a.elem, b.elem) : (a.elem ?? b.elem);
  return { kind: a.kind === b.kind ? a.kind : "dyn", maxElements: Math.max(a.maxElements, b.maxElements), minSerializedSize: Math.min(a.minSerializedSize, b.minSerializedSize), ...(a.fields || b.fields ? { fields } : {}), ...(elem ? { elem } : {}) };
}

/** The number of times a value of this minimum size fits in one request (compilation.go maxCardinality). */
export function maxCardinality(minSerializedSize: number): number {
  return Math.floor(MAX_REQUEST_SIZE_BYTES / (minSerializedSize + 1));
}

/**
 * The type of a value as the evaluator holds it (an item a macro binds):
 * sizes as cel-go's runtime measures them, a string's in code points.
 * Timestamps, durations and other values are scalars of size 1.
 */
export function evaluatedValueType(value: unknown, depth = 0): CelType {
  if (depth > MAX_DEPTH) return DYN;
  if (typeof value === "string") return { kind: "string", maxElements: codePoints(value), minSerializedSize: 2 };
  if (value instanceof Uint8Array) return { kind: "bytes", maxElements: value.length, minSerializedSize: 2 };
  if (typeof value === "bigint") return scalar("int", 1);
  if (typeof value === "number") return scalar("double", 1);
  if (typeof value === "boolean") return scalar("bool", 4);
  if (Array.isArray(value)) return { kind: "list", maxElements: value.length, minSerializedSize: 2, elem: value.map((item) => evaluatedValueType(item, depth + 1)).reduce(unionType, undefined) };
  if (value instanceof Map) {
    const elem = [...value.values()].map((item) => evaluatedValueType(item, depth + 1)).reduce(unionType, undefined);
    return { kind: "map", maxElements: value.size, minSerializedSize: 2, ...(elem ? { elem } : {}) };
  }
  if (isRecord(value) && Object.getPrototypeOf(value) === Object.prototype) {
    const fields = new Map<string, CelType>();
    for (const [key, item] of Object.entries(value)) fields.set(key, evaluatedValueType(item, depth + 1));
    const entries = [...fields.values()].reduce(unionType, undefined);
    return { kind: "object", maxElements: fields.size, minSerializedSize: 2, fields, ...(entries ? { elem: entries } : {}) };
  }
  return scalar("dyn", 1);
}

function codePoints(text: string): number {
  let surrogates = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 0xdc00 && code <= 0xdfff) surrogates++;
  }
  return text.length - surrogates;
}
