// The checks behind the formats of the generated schemas, as the API server's
// decoder applies them. The precompiled validators call these.
import { base64ErrorOffset } from "./go-base64.js";
import { quantityError } from "./quantity-syntax.js";
import { parseRFC3339 } from "../util/go-time.js";
import type { FormatChecks } from "./registry.js";

export const INT32_RANGE = { min: -2147483648, max: 2147483647 } as const;
/** Go's int64 range; JSON numbers beyond 2^53 are already rounded by the YAML parser. */
export const INT64_RANGE = { min: -9223372036854775808, max: 9223372036854775807 } as const;

const inRange = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

/** metav1.Time decodes with Go's time.Parse(time.RFC3339, ...): a one-digit hour and a comma before the fraction included. */
export function isRfc3339DateTime(value: string): boolean {
  return parseRFC3339(value) !== undefined;
}

export const FORMAT_CHECKS: FormatChecks = {
  int32: { validate: (value: number) => inRange(value, INT32_RANGE) },
  int64: { validate: (value: number) => inRange(value, INT64_RANGE) },
  // The number half of an IntOrString is an int32 (the type check already asks for an integer).
  "int-or-string": { validate: (value: number) => inRange(value, INT32_RANGE) },
  byte: { validate: (value: string) => base64ErrorOffset(value) === undefined },
  "date-time": { validate: (value: string) => isRfc3339DateTime(value) },
  quantity: { validate: (value: string) => quantityError(value) === undefined },
};
