// The string formats kube-openapi checks on custom resources
// (k8s.io/kube-openapi pkg/validation/strfmt, the formats apiextensions
// supports), for the ones with a fixed syntax. Patterns run in RE2.
import { compileRe2 } from "../../util/re2.js";
import { parseCIDRSloppy, parseIPSloppy } from "../../apiserver/apimachinery/net.js";
import { parseDuration } from "../../util/go-duration.js";
import { isMailAddress } from "../../util/go-mail.js";
import { isRequestURI } from "../../util/go-url.js";

/** A check by a fixed pattern, compiled when first used. */
function re2(pattern: string): (value: string) => boolean {
  return (value) => {
    const compiled = compileRe2(pattern);
    return "regex" in compiled && compiled.regex.test(value);
  };
}

const HOSTNAME = re2(`^([a-zA-Z0-9\\p{S}\\p{L}]((-?[a-zA-Z0-9\\p{S}\\p{L}]{0,62})?)|([a-zA-Z0-9\\p{S}\\p{L}](([a-zA-Z0-9-\\p{S}\\p{L}]{0,61}[a-zA-Z0-9\\p{S}\\p{L}])?)(\\.)){1,}([a-zA-Z\\p{L}]){2,63})$`);
// Go's ParseMAC: 6, 8 or 20 octets, one separator throughout.
const MAC = re2("^(?:[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){5}|[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){7}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){7}|[0-9A-Fa-f]{2}(?::[0-9A-Fa-f]{2}){19}|[0-9A-Fa-f]{2}(?:-[0-9A-Fa-f]{2}){19}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){2}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){3}|[0-9A-Fa-f]{4}(?:\\.[0-9A-Fa-f]{4}){9})$");
const SSN = re2("^\\d{3}[- ]?\\d{2}[- ]?\\d{4}$");
const CREDIT_CARD = re2("^(?:4[0-9]{12}(?:[0-9]{3})?|5[1-5][0-9]{14}|6(?:011|5[0-9][0-9])[0-9]{12}|3[47][0-9]{13}|3(?:0[0-5]|[68][0-9])[0-9]{11}|(?:2131|1800|35\\d{3})\\d{11})$");
const SHORT_NAME = re2("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
const LONG_NAME = re2("^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$");

/** Luhn's checksum over a string of digits. */
function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = digits.length - 1, double = false; i >= 0; i--, double = !double) {
    const digit = digits.charCodeAt(i) - 48;
    sum += double ? (digit * 2 >= 10 ? (digit * 2) % 10 + 1 : digit * 2) : digit;
  }
  return sum % 10 === 0;
}

/** Any non-digit characters may be mixed in. */
function isCreditCard(value: string): boolean {
  const digits = value.replace(/[^0-9]+/g, "");
  return CREDIT_CARD(digits) && luhn(digits);
}

/** Go's \s and dashes are ignored in ISBNs. */
const withoutSeparators = (value: string): string => value.replace(/[\t\n\f\r -]+/g, "");

function isISBN10(value: string): boolean {
  const s = withoutSeparators(value);
  if (!/^(?:[0-9]{9}X|[0-9]{10})$/.test(s)) return false;
  let checksum = 0;
  for (let i = 0; i < 9; i++) checksum += (i + 1) * (s.charCodeAt(i) - 48);
  checksum += 10 * (s[9] === "X" ? 10 : s.charCodeAt(9) - 48);
  return checksum % 11 === 0;
}

function isISBN13(value: string): boolean {
  const s = withoutSeparators(value);
  if (!/^[0-9]{13}$/.test(s)) return false;
  let checksum = 0;
  for (let i = 0; i < 12; i++) checksum += (i % 2 === 0 ? 1 : 3) * (s.charCodeAt(i) - 48);
  return s.charCodeAt(12) - 48 === (10 - (checksum % 10)) % 10;
}

/** strfmt's unit spellings and their nanoseconds; the last spelling of each unit also matches as a prefix ("seconds"). */
const DURATION_UNITS: readonly (readonly [readonly string[], bigint])[] = [
  [["ns", "nano"], 1n],
  [["us", "\u00b5s", "micro"], 1_000n],
  [["ms", "milli"], 1_000_000n],
  [["s", "sec"], 1_000_000_000n],
  [["m", "min"], 60_000_000_000n],
  [["h", "hr", "hour"], 3_600_000_000_000n],
  [["d", "day"], 86_400_000_000_000n],
  [["w", "wk", "week"], 604_800_000_000_000n],
];

/**
 * strfmt's ParseDuration, in nanoseconds: Go's time.ParseDuration, or the sum
 * of every "<digits> <unit>" inside the string (wrapping as Go's int64 does);
 * undefined when strfmt refuses the value.
 */
export function parseStrfmtDuration(value: string): bigint | undefined {
  const nanos = parseDuration(value);
  if (nanos !== undefined) return nanos;
  let known = false;
  let total = 0n;
  for (const match of value.matchAll(/(\d+)[\t\n\f\r ]*([A-Za-z\u00b5]+)/g)) {
    // strconv.Atoi refuses numbers beyond int64, and the whole value with them.
    if (match[1]!.length > 19 || BigInt(match[1]!) > 9223372036854775807n) return undefined;
    const unit = match[2]!.toLowerCase();
    for (const [variants, multiplier] of DURATION_UNITS) {
      for (const [i, variant] of variants.entries()) {
        if (unit !== variant && !(i === variants.length - 1 && unit.startsWith(variant))) continue;
        known = true;
        total = BigInt.asIntN(64, total + BigInt.asIntN(64, BigInt(match[1]!) * multiplier));
      }
    }
  }
  return known ? total : undefined;
}

const isDuration = (value: string): boolean => parseStrfmtDuration(value) !== undefined;

/** Days in a month of the proleptic Gregorian calendar, as Go's time package counts them. */
function daysIn(month: number, year: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** strfmt's IsDate: time.Parse("2006-01-02", value), a calendar day written with four, two and two digits. */
export function isDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= daysIn(month, year);
}

// strfmt's DateTimePattern; its unescaped `.` takes any character but a line feed before the fraction.
const DATE_TIME = /^([0-9]{2}):([0-9]{2}):([0-9]{2})([^\n][0-9]+)?(z|([+-][0-9]{2}:[0-9]{2}))$/u;

/**
 * strfmt's IsDateTime: the value in lower case split at each "t", a date
 * before the first, and after it a time with seconds and a zone; what
 * follows a second "t" is not read.
 */
export function isDateTime(value: string): boolean {
  if (Buffer.byteLength(value) < 4) return false;
  const parts = value.toLowerCase().split("t");
  if (parts.length < 2 || !isDate(parts[0]!)) return false;
  const match = DATE_TIME.exec(parts[1]!);
  return match !== null && match[1]! <= "23" && match[2]! <= "59" && match[3]! <= "59";
}

/** Format name, as CRDs spell it → check. */
export const STRING_FORMAT_CHECKS: Record<string, (value: string) => boolean> = {
  bsonobjectid: re2("^[0-9a-fA-F]{24}$"),
  hostname: (value) => value.length <= 255 && HOSTNAME(value),
  // ParseIPSloppy, as kube-openapi reads addresses: leading zeros are tolerated.
  ipv4: (value) => parseIPSloppy(value) !== undefined && value.includes("."),
  ipv6: (value) => parseIPSloppy(value) !== undefined && value.includes(":"),
  cidr: (value) => parseCIDRSloppy(value) !== undefined,
  mac: MAC,
  uri: isRequestURI,
  email: isMailAddress,
  isbn: (value) => isISBN10(value) || isISBN13(value),
  isbn10: isISBN10,
  isbn13: isISBN13,
  creditcard: isCreditCard,
  duration: isDuration,
  uuid3: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?3[0-9a-f]{3}-?[0-9a-f]{4}-?[0-9a-f]{12}$"),
  uuid4: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?4[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$"),
  uuid5: re2("(?i)^[0-9a-f]{8}-?[0-9a-f]{4}-?5[0-9a-f]{3}-?[89ab][0-9a-f]{3}-?[0-9a-f]{12}$"),
  hexcolor: re2("^#?([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$"),
  rgbcolor: re2("^rgb\\(\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*,\\s*(0|[1-9]\\d?|1\\d\\d?|2[0-4]\\d|25[0-5])\\s*\\)$"),
  ssn: (value) => value.length === 11 && SSN(value),
  // Validated from 1.34 (see FORMAT_SINCE).
  "k8s-short-name": (value) => value.length <= 63 && SHORT_NAME(value),
  "k8s-long-name": (value) => value.length <= 253 && LONG_NAME(value),
};

/** Formats the API server validates only from a release on; older ones ignore them. */
export const FORMAT_SINCE: Readonly<Record<string, string>> = { "k8s-short-name": "1.34", "k8s-long-name": "1.34" };
