// A value of an internal API type (pkg/apis/<group>/types.go), read from the
// object as sent: what apiequality.Semantic.DeepEqual compares and what a field
// error prints when its bad value is a whole struct (Go syntax before 1.34, JSON
// with the Go field names since: internal types have no JSON tags).
import { isRecord } from "../../util/object-access.js";
import { pointerField, scalarField, structField, type StructField } from "./values.js";

export type InternalType =
  | "string"
  | "int32"
  | "int64"
  | "bool"
  | { readonly pointer: InternalType }
  | { readonly slice: InternalType }
  | { readonly struct: string; readonly fields: ReadonlyArray<readonly [goName: string, jsonName: string, type: InternalType]> };

/** A converted value: scalars, `undefined` for a nil pointer or slice, arrays, and structs keyed by their Go field names. */
export type InternalValue = string | number | boolean | undefined | InternalValue[] | { [goName: string]: InternalValue };

/** Go's name of a type, as %#v prints it. */
function goTypeName(type: InternalType): string {
  if (typeof type === "string") return type;
  if ("pointer" in type) return `*${goTypeName(type.pointer)}`;
  if ("slice" in type) return `[]${goTypeName(type.slice)}`;
  return type.struct;
}

/** The internal value of `json` (the v1 form): absent scalars are their zero values, absent pointers and slices nil. */
export function internalValue(type: InternalType, json: unknown): InternalValue {
  if (type === "string") return typeof json === "string" ? json : "";
  if (type === "int32" || type === "int64") return typeof json === "number" && Number.isInteger(json) ? json : 0;
  if (type === "bool") return json === true;
  if ("pointer" in type) return json === undefined || json === null ? undefined : internalValue(type.pointer, json);
  if ("slice" in type) return Array.isArray(json) ? json.map((item) => internalValue(type.slice, item)) : undefined;
  const record = isRecord(json) ? json : {};
  return Object.fromEntries(type.fields.map(([goName, jsonName, fieldType]) => [goName, internalValue(fieldType, record[jsonName])]));
}

/** apiequality.Semantic.DeepEqual: as reflect.DeepEqual, but a nil slice equals an empty one. */
export function semanticallyEqual(type: InternalType, a: InternalValue, b: InternalValue): boolean {
  if (typeof type === "string") return a === b;
  if ("pointer" in type) return a === undefined || b === undefined ? a === b : semanticallyEqual(type.pointer, a, b);
  if ("slice" in type) {
    const left = (a as InternalValue[] | undefined) ?? [];
    const right = (b as InternalValue[] | undefined) ?? [];
    return left.length === right.length && left.every((item, i) => semanticallyEqual(type.slice, item, right[i]));
  }
  const left = a as Record<string, InternalValue>;
  const right = b as Record<string, InternalValue>;
  return type.fields.every(([goName, , fieldType]) => semanticallyEqual(fieldType, left[goName], right[goName]));
}

/** The value printed both ways, as field.Invalid prints a struct bad value. */
export function internalValueField(type: InternalType, value: InternalValue): StructField {
  if (typeof type === "string") return scalarField(value as string | number | boolean);
  if ("pointer" in type) return pointerField(goTypeName(type.pointer), value === undefined ? undefined : internalValueField(type.pointer, value));
  if ("slice" in type) {
    const name = goTypeName(type);
    if (value === undefined) return { go: `${name}(nil)`, json: "null" };
    const items = (value as InternalValue[]).map((item) => internalValueField(type.slice, item));
    return { go: `${name}{` + items.map((item) => item.go).join(", ") + "}", json: "[" + items.map((item) => item.json).join(",") + "]" };
  }
  const record = value as Record<string, InternalValue>;
  return structField(
    type.struct,
    type.fields.map(([goName, , fieldType]) => [goName, internalValueField(fieldType, record[goName])] as const),
  );
}
