// Equality as cel-go's Equal decides it, for the functions that compare
// values themselves (the lists library's indexOf, distinct, the sets
// extension, optionals' ==): numbers across int, uint and double, bytes,
// timestamps and durations by value (to the nanosecond), lists and maps item by item, optionals
// by what they hold (optional.none() equals only itself).

import { unixNanos } from "./timestamp.js";

interface CelOptionalValue {
  hasValue(): boolean;
  value(): unknown;
}

const isNumber = (value: unknown): value is bigint | number => typeof value === "bigint" || typeof value === "number";

/** A value of one of cel-js's classes (uint, duration, optional), not a map: maps are plain objects. */
function isClassValue(value: unknown): value is object {
  if (value === null || typeof value !== "object" || Array.isArray(value) || value instanceof Map) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype !== Object.prototype && prototype !== null;
}

const isOptional = (value: unknown): value is CelOptionalValue => isClassValue(value) && typeof (value as Partial<CelOptionalValue>).hasValue === "function";

/** A number's value: cel-js's uint holds a bigint, returned by valueOf. */
function numericValue(value: unknown): bigint | number | undefined {
  if (isNumber(value)) return value;
  if (!isClassValue(value)) return undefined;
  const primitive = value.valueOf();
  return typeof primitive === "bigint" ? primitive : undefined;
}

/** A duration's nanoseconds. */
function durationValue(value: unknown): bigint | undefined {
  if (!isClassValue(value)) return undefined;
  const { seconds, nanos } = value as { seconds?: unknown; nanos?: unknown };
  return typeof seconds === "bigint" && typeof nanos === "number" ? seconds * 1_000_000_000n + BigInt(nanos) : undefined;
}

function optionalEquals(a: CelOptionalValue, b: CelOptionalValue): boolean {
  if (!a.hasValue() || !b.hasValue()) return a.hasValue() === b.hasValue();
  return celEquals(a.value(), b.value());
}

function mapEquals(a: object, b: object): boolean {
  const entriesOf = (value: object) => (value instanceof Map ? [...value.entries()] : Object.entries(value));
  const left = entriesOf(a);
  const right = new Map(entriesOf(b));
  return left.length === right.size && left.every(([key, value]) => right.has(key) && celEquals(value, right.get(key)));
}

/** Whether two CEL values are equal. */
export function celEquals(a: unknown, b: unknown): boolean {
  const [x, y] = [numericValue(a), numericValue(b)];
  if (x !== undefined || y !== undefined) return x !== undefined && y !== undefined && x == y;
  if (isOptional(a) || isOptional(b)) return isOptional(a) && isOptional(b) && optionalEquals(a, b);
  const [d, e] = [durationValue(a), durationValue(b)];
  if (d !== undefined || e !== undefined) return d === e;
  if (a instanceof Uint8Array && b instanceof Uint8Array) return Buffer.from(a).equals(Buffer.from(b));
  if (a instanceof Date && b instanceof Date) return unixNanos(a) === unixNanos(b);
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => celEquals(item, b[i]));
  if (a !== null && b !== null && typeof a === "object" && typeof b === "object" && !Array.isArray(a) && !Array.isArray(b)) return mapEquals(a, b);
  return a === b;
}
