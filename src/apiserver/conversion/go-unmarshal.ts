// Go's encoding/json unmarshalling of JSON text into a typed Go value, for the
// annotations whose content conversion decodes (an autoscaling/v1
// HorizontalPodAutoscaler's metrics and behavior). Only whether it succeeds and
// what it yields matter: keys match struct fields exactly or else ignoring case,
// unknown keys are ignored, null leaves the zero value, any type mismatch fails
// the whole decoding. The walk follows the type, whose depth is fixed.
import { goJsonSyntaxError } from "../field/go-json.js";
import { parseQuantity } from "../../util/quantity.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

/** A Go type as encoding/json sees it; struct fields are keyed by their JSON name. */
export type GoType =
  | "string"
  | "int32"
  | "quantity"
  | { readonly struct: Readonly<Record<string, GoType>> }
  | { readonly slice: GoType }
  | { readonly map: GoType }
  | { readonly pointer: GoType };

class UnmarshalError extends Error {}

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

/** The value of the key that encoding/json picks for a field: an exact match first, else one ignoring case. */
function fieldValue(record: JsonRecord, name: string): unknown {
  if (Object.hasOwn(record, name)) return record[name];
  const folded = name.toLowerCase();
  let found: unknown;
  for (const [key, value] of Object.entries(record)) if (key.toLowerCase() === folded) found = value;
  return found;
}

/** The decoded value, with struct keys as the type names them; undefined for an absent key or JSON null (the zero value). */
function decode(value: unknown, type: GoType): unknown {
  if (value === null || value === undefined) return undefined;
  if (type === "string") {
    if (typeof value !== "string") throw new UnmarshalError();
    return value;
  }
  if (type === "int32") {
    if (typeof value !== "number" || !Number.isInteger(value) || value < INT32_MIN || value > INT32_MAX) throw new UnmarshalError();
    return value;
  }
  if (type === "quantity") {
    // resource.Quantity reads a JSON string or the bare text of a number.
    if ((typeof value !== "string" && typeof value !== "number") || !parseQuantity(typeof value === "string" ? value.trim() : value)) throw new UnmarshalError();
    return value;
  }
  if ("pointer" in type) return decode(value, type.pointer);
  if ("slice" in type) {
    if (!Array.isArray(value)) throw new UnmarshalError();
    return value.map((item) => decode(item, type.slice) ?? zeroValue(type.slice));
  }
  if (!isRecord(value)) throw new UnmarshalError();
  if ("map" in type) return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, decode(item, type.map)]));
  const out: JsonRecord = {};
  for (const [name, fieldType] of Object.entries(type.struct)) {
    const decoded = decode(fieldValue(value, name), fieldType);
    if (decoded !== undefined) out[name] = decoded;
  }
  return out;
}

/** The zero value a null slice element decodes to; undefined for nil pointers, slices and maps. */
function zeroValue(type: GoType): unknown {
  if (type === "string") return "";
  if (type === "int32") return 0;
  if (type === "quantity") return "0";
  return "struct" in type ? {} : undefined;
}

/** json.Unmarshal of `text` into a value of `type`: the value, or undefined when Go would return an error. */
export function goUnmarshal(text: string, type: GoType): { value: unknown } | undefined {
  if (goJsonSyntaxError(new TextEncoder().encode(text)) !== undefined) return undefined;
  try {
    return { value: decode(JSON.parse(text), type) };
  } catch (error) {
    if (error instanceof UnmarshalError || error instanceof SyntaxError || error instanceof RangeError) return undefined;
    throw error;
  }
}
