// A custom resource's metadata read into ObjectMeta as the API server reads it
// on a request (apiextensions-apiserver pkg/apiserver/schema/objectmeta
// GetObjectMetaWithOptions, without dropping malformed fields): Go's
// encoding/json, whose first type error refuses the whole object before any
// validation, as the request's decoding error
// (`<Kind> in version "v1" cannot be handled as a <Kind>: json: cannot unmarshal ...`).
// Type errors are kept while decoding goes on and the first one is returned
// at the end (encoding/json's saveError), but a timestamp's own UnmarshalJSON
// (metav1.Time: a string that time.Parse(time.RFC3339, ...) reads) stops
// the decoding with its error, which no field path names: Go's
// `parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse
// "yesterday" as "2006"`, or the standard library's `json: cannot unmarshal
// number into Go value of type string`. managedFields' fieldsV1 takes any JSON.
import { isRecord } from "../../util/object-access.js";
import { readRFC3339 } from "../../util/go-time.js";
import { joinPointer } from "../../util/pointer.js";

type GoKind =
  | { kind: "scalar"; type: string; json: "string" | "int" | "bool" }
  | { kind: "map"; type: string }
  | { kind: "list"; type: string; items: GoKind }
  | { kind: "struct"; name: string; type: string; fields: Readonly<Record<string, GoKind>> }
  | { kind: "time" }
  | { kind: "any" };

const STRING: GoKind = { kind: "scalar", type: "string", json: "string" };
const UID: GoKind = { kind: "scalar", type: "types.UID", json: "string" };
const INT64: GoKind = { kind: "scalar", type: "int64", json: "int" };
const BOOL: GoKind = { kind: "scalar", type: "bool", json: "bool" };

const OWNER_REFERENCE: GoKind = {
  kind: "struct",
  name: "OwnerReference",
  type: "v1.OwnerReference",
  fields: { apiVersion: STRING, kind: STRING, name: STRING, uid: UID, controller: BOOL, blockOwnerDeletion: BOOL },
};

const TIME: GoKind = { kind: "time" };

const MANAGED_FIELDS_ENTRY: GoKind = {
  kind: "struct",
  name: "ManagedFieldsEntry",
  type: "v1.ManagedFieldsEntry",
  fields: {
    manager: STRING,
    operation: { kind: "scalar", type: "v1.ManagedFieldsOperationType", json: "string" },
    apiVersion: STRING,
    time: TIME,
    fieldsType: STRING,
    fieldsV1: { kind: "any" },
    subresource: STRING,
  },
};

const OBJECT_META: GoKind & { kind: "struct" } = {
  kind: "struct",
  name: "ObjectMeta",
  type: "v1.ObjectMeta",
  fields: {
    name: STRING,
    generateName: STRING,
    namespace: STRING,
    selfLink: STRING,
    uid: UID,
    resourceVersion: STRING,
    generation: INT64,
    deletionGracePeriodSeconds: INT64,
    labels: { kind: "map", type: "map[string]string" },
    annotations: { kind: "map", type: "map[string]string" },
    ownerReferences: { kind: "list", type: "[]v1.OwnerReference", items: OWNER_REFERENCE },
    finalizers: { kind: "list", type: "[]string", items: STRING },
    creationTimestamp: TIME,
    deletionTimestamp: TIME,
    managedFields: { kind: "list", type: "[]v1.ManagedFieldsEntry", items: MANAGED_FIELDS_ENTRY },
  },
};

/** encoding/json's name of a JSON value in an UnmarshalTypeError. */
function jsonKind(value: unknown): string {
  if (typeof value === "string") return "string";
  if (typeof value === "number" || typeof value === "bigint") return "number";
  if (typeof value === "boolean") return "bool";
  return Array.isArray(value) ? "array" : "object";
}

interface Context {
  /** The innermost struct's name and the JSON field names from the top, as errorContext keeps them. */
  struct?: string;
  fields: string[];
}

export interface DecodeError {
  /** JSON pointer, within the metadata, of the value that does not decode. */
  pointer: string;
  message: string;
  /** The JSON type the field takes, for kubeplan's hint. */
  expected: string;
}

/** The decoding's state: the first type error kept, and an error that stopped it. */
interface Decoding {
  saved?: DecodeError;
  stopped?: DecodeError;
}

/** The JSON type of a Go type's values. */
function jsonTypeOf(target: string): string {
  if (target === "int64") return "integer";
  if (target === "bool") return "boolean";
  if (target.startsWith("[]")) return "array";
  return target === "string" || target === "types.UID" || target === "v1.ManagedFieldsOperationType" ? "string" : "object";
}

function typeError(value: unknown, target: string, context: Context, pointer: string, shown = jsonKind(value)): DecodeError {
  const into = context.struct === undefined ? `Go value of type ${target}` : `Go struct field ${context.struct}.${context.fields.join(".")} of type ${target}`;
  return { pointer, message: `json: cannot unmarshal ${shown} into ${into}`, expected: jsonTypeOf(target) };
}

/** metav1.Time's UnmarshalJSON: a string, read as RFC 3339. */
function decodeTime(value: unknown, pointer: string): DecodeError | undefined {
  if (typeof value !== "string") return { pointer, message: `json: cannot unmarshal ${jsonKind(value)} into Go value of type string`, expected: "string" };
  const read = readRFC3339(value);
  return "error" in read ? { pointer, message: read.error, expected: "string" } : undefined;
}

/** Decodes `value` into `target` (fields in document order), keeping the first type error and stopping at a timestamp's error. */
function decode(value: unknown, target: GoKind, context: Context, pointer: string, depth: number, state: Decoding): void {
  if (value === null || value === undefined || depth > 8 || state.stopped) return;
  const save = (error: DecodeError) => {
    state.saved ??= error;
  };
  switch (target.kind) {
    case "any":
      return;
    case "time":
      state.stopped = decodeTime(value, pointer);
      return;
    case "scalar":
      if (target.json === "string") {
        if (typeof value !== "string") save(typeError(value, target.type, context, pointer));
      } else if (target.json === "bool") {
        if (typeof value !== "boolean") save(typeError(value, target.type, context, pointer));
      } else if (typeof value === "number") {
        // A number that is no int64 is reported with its text.
        if (!Number.isSafeInteger(value)) save(typeError(value, target.type, context, pointer, `number ${String(value)}`));
      } else if (typeof value !== "bigint") save(typeError(value, target.type, context, pointer));
      return;
    case "map":
      if (!isRecord(value)) return save(typeError(value, target.type, context, pointer));
      // Map keys are not part of the error's field path; the values are strings.
      for (const [key, item] of Object.entries(value)) decode(item, STRING, context, joinPointer(pointer, key), depth + 1, state);
      return;
    case "list":
      if (!Array.isArray(value)) return save(typeError(value, target.type, context, pointer));
      for (const [index, item] of value.entries()) decode(item, target.items, context, joinPointer(pointer, String(index)), depth + 1, state);
      return;
    case "struct":
      if (!isRecord(value)) return save(typeError(value, target.type, context, pointer));
      for (const [key, item] of Object.entries(value)) {
        // Unknown fields are left to the strict decoding's own finding.
        if (!Object.hasOwn(target.fields, key)) continue;
        decode(item, target.fields[key]!, { struct: target.name, fields: [...context.fields, key] }, joinPointer(pointer, key), depth + 1, state);
      }
      return;
  }
}

/** The error Go's encoding/json returns reading the metadata into ObjectMeta, or undefined. */
export function objectMetaDecodeError(metadata: unknown): DecodeError | undefined {
  const state: Decoding = {};
  decode(metadata, OBJECT_META, { fields: [] }, "", 0, state);
  return state.stopped ?? state.saved;
}
