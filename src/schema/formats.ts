// The checks behind the formats of the generated schemas, as the API server's
// decoder applies them. The precompiled validators call these.
import { base64ErrorOffset } from "./go-base64.js";
import { quantityError } from "./quantity-syntax.js";
import type { FormatChecks } from "./registry.js";

export const INT32_RANGE = { min: -2147483648, max: 2147483647 } as const;
/** Go's int64 range; JSON numbers beyond 2^53 are already rounded by the YAML parser. */
export const INT64_RANGE = { min: -9223372036854775808, max: 9223372036854775807 } as const;

const inRange = (value: number, range: { min: number; max: number }) => value >= range.min && value <= range.max;

// metav1.Time decodes with time.Parse(time.RFC3339, ...), which also takes fractional seconds.
const RFC3339 = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(\.\d+)?(Z|[+-](\d{2}):(\d{2}))$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function isRfc3339DateTime(value: string): boolean {
  const match = RFC3339.exec(value);
  if (!match) return false;
  const [year, month, day, hour, minute, second] = match.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const offsetHours = match[9] === undefined ? 0 : Number(match[9]);
  const offsetMinutes = match[10] === undefined ? 0 : Number(match[10]);
  return (
    month >= 1 && month <= 12 &&
    day >= 1 && day <= daysInMonth(year, month) &&
    hour <= 23 && minute <= 59 && second <= 59 &&
    offsetHours <= 23 && offsetMinutes <= 59
  );
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
