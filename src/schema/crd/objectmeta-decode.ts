// A custom resource's metadata read into ObjectMeta as the API server reads it
// on a request (apiextensions-apiserver pkg/apiserver/schema/objectmeta
// GetObjectMetaWithOptions, without dropping malformed fields): Go's
// encoding/json, whose first type error refuses the whole object before any
// validation, as the request's decoding error
// (`<Kind> in version "v1" cannot be handled as a <Kind>: json: cannot unmarshal ...`).
// Timestamps (their own UnmarshalJSON) and managedFields are not read here.
import { isRecord } from "../../util/object-access.js";
import { joinPointer } from "../../util/pointer.js";

type GoKind = { kind: "scalar"; type: string; json: "string" | "int" | "bool" } | { kind: "map"; type: string } | { kind: "list"; type: string; items: GoKind } | { kind: "struct"; name: string; type: string; fields: Readonly<Record<string, GoKind>> };

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

/** The JSON type of a Go type's values. */
function jsonTypeOf(target: string): string {
  if (target === "int64") return "integer";
  if (target === "bool") return "boolean";
  if (target.startsWith("[]")) return "array";
  return target === "string" || target === "types.UID" ? "string" : "object";
}

function typeError(value: unknown, target: string, context: Context, pointer: string, shown = jsonKind(value)): DecodeError {
  const into = context.struct === undefined ? `Go value of type ${target}` : `Go struct field ${context.struct}.${context.fields.join(".")} of type ${target}`;
  return { pointer, message: `json: cannot unmarshal ${shown} into ${into}`, expected: jsonTypeOf(target) };
}

/** The first type error decoding `value` into `target` (fields in document order), or undefined. */
function decode(value: unknown, target: GoKind, context: Context, pointer: string, depth: number): DecodeError | undefined {
  if (value === null || value === undefined || depth > 8) return undefined;
  switch (target.kind) {
    case "scalar":
      if (target.json === "string") return typeof value === "string" ? undefined : typeError(value, target.type, context, pointer);
      if (target.json === "bool") return typeof value === "boolean" ? undefined : typeError(value, target.type, context, pointer);
      if (typeof value === "number") {
        // A number that is no int64 is reported with its text.
        return Number.isSafeInteger(value) ? undefined : typeError(value, target.type, context, pointer, `number ${String(value)}`);
      }
      return typeof value === "bigint" ? undefined : typeError(value, target.type, context, pointer);
    case "map":
      if (!isRecord(value)) return typeError(value, target.type, context, pointer);
      // Map keys are not part of the error's field path; the values are strings.
      for (const [key, item] of Object.entries(value)) {
        const error = decode(item, STRING, context, joinPointer(pointer, key), depth + 1);
        if (error) return error;
      }
      return undefined;
    case "list":
      if (!Array.isArray(value)) return typeError(value, target.type, context, pointer);
      for (const [index, item] of value.entries()) {
        const error = decode(item, target.items, context, joinPointer(pointer, String(index)), depth + 1);
        if (error) return error;
      }
      return undefined;
    case "struct":
      if (!isRecord(value)) return typeError(value, target.type, context, pointer);
      for (const [key, item] of Object.entries(value)) {
        // Unknown fields are left to the strict decoding's own finding.
        if (!Object.hasOwn(target.fields, key)) continue;
        const error = decode(item, target.fields[key]!, { struct: target.name, fields: [...context.fields, key] }, joinPointer(pointer, key), depth + 1);
        if (error) return error;
      }
      return undefined;
  }
}

/** The first error Go's encoding/json meets reading the metadata into ObjectMeta, or undefined. */
export function objectMetaDecodeError(metadata: unknown): DecodeError | undefined {
  return decode(metadata, OBJECT_META, { fields: [] }, "", 0);
}
