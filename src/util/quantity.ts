// Kubernetes resource quantities (k8s.io/apimachinery/pkg/api/resource):
// parsed exactly, compared exactly, printed in canonical form (`1536Mi`, `1500m`).
//
// A value is kept as an integer count of nano-units (10^-9), which is the
// finest precision Kubernetes keeps: anything finer is rounded up, as upstream does.
import { lookupTable } from "./lookup-table.js";

export type QuantityFormat = "DecimalSI" | "BinarySI" | "DecimalExponent";

export interface Quantity {
  /** The value times 10^9, rounded up (away from zero for positives, as upstream rounds up). */
  readonly nanos: bigint;
  /** How it was written; the canonical form keeps it. */
  readonly format: QuantityFormat;
}

/** kube-apiserver's message for a string that is not a quantity. */
export const QUANTITY_FORMAT_MESSAGE =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const NANO = 1_000_000_000n;

const BINARY_SUFFIXES: Readonly<Record<string, number>> = lookupTable({ Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 });
const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = lookupTable({ n: -9, u: -6, m: -3, "": 0, k: 3, M: 6, G: 9, T: 12, P: 15, E: 18 });

const GRAMMAR = /^([+-]?)(\d+\.?\d*|\.\d+)(.*)$/;

/** Upstream's cap (maxAllowed, the largest int64): no quantity is larger, however it is written. */
const MAX_NANOS = (2n ** 63n - 1n) * NANO;

/** Significant digits kept of a number written longer: the rest only rounds up. */
const MOST_DIGITS = 64;

function pow10(exponent: number): bigint {
  return 10n ** BigInt(exponent);
}

/** Divides rounding up in magnitude: quantities never lose a request by rounding. */
function divideRoundingUp(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  if (quotient * denominator === numerator) return quotient;
  return numerator > 0n ? quotient + 1n : quotient - 1n;
}

function scaleSuffix(suffix: string): { decimalExponent: number; binaryExponent: number; format: QuantityFormat } | undefined {
  if (Object.hasOwn(BINARY_SUFFIXES, suffix)) return { decimalExponent: 0, binaryExponent: BINARY_SUFFIXES[suffix]!, format: "BinarySI" };
  if (Object.hasOwn(DECIMAL_SUFFIXES, suffix)) return { decimalExponent: DECIMAL_SUFFIXES[suffix]!, binaryExponent: 0, format: "DecimalSI" };
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (exponent) return { decimalExponent: Number(exponent[1]), binaryExponent: 0, format: "DecimalExponent" };
  return undefined;
}

/**
 * The magnitude in nanos of `digits` × 10^exponent × 2^binaryExponent,
 * rounded up, capped at MAX_NANOS. Numbers far out of range are decided
 * without being built: `1e1000000` is the cap, `1e-1000000` one nano.
 */
function magnitudeInNanos(digits: string, exponent: number, binaryExponent: number): bigint {
  let significant = digits.replace(/^0+/, "");
  if (significant === "") return 0n;
  if (significant.length > MOST_DIGITS) {
    const rest = significant.slice(MOST_DIGITS);
    significant = significant.slice(0, MOST_DIGITS) + (/[1-9]/.test(rest) ? "1" : "0");
    exponent += rest.length - 1;
  }
  // The value is below 10^order (times 2^binaryExponent).
  const order = significant.length + exponent;
  if (order + binaryExponent * Math.LOG10E * Math.LN2 > 30) return MAX_NANOS;
  if (order < -30) return 1n;
  let numerator = BigInt(significant) << BigInt(binaryExponent);
  let denominator = 1n;
  if (exponent + 9 >= 0) numerator *= pow10(exponent + 9);
  else denominator = pow10(-(exponent + 9));
  const nanos = divideRoundingUp(numerator, denominator);
  return nanos > MAX_NANOS ? MAX_NANOS : nanos;
}

/**
 * Quantities already parsed, by their text: manifests repeat the same few
 * (`100m`, `128Mi`) in every container. Short texts only, and only so many.
 */
const parsed = new Map<string, Quantity | undefined>();
const MOST_REMEMBERED = 4096;
const LONGEST_REMEMBERED = 32;

/** Parses a quantity as the API server would; undefined when it would reject it. */
export function parseQuantity(input: string | number): Quantity | undefined {
  const text = typeof input === "number" ? numberToText(input) : input;
  if (text === undefined) return undefined;
  if (text.length > LONGEST_REMEMBERED) return parseQuantityText(text);
  if (parsed.has(text)) return parsed.get(text);
  const quantity = parseQuantityText(text);
  if (parsed.size < MOST_REMEMBERED) parsed.set(text, quantity);
  return quantity;
}

function parseQuantityText(text: string): Quantity | undefined {
  const match = GRAMMAR.exec(text);
  if (!match) return undefined;
  const [, sign, number, suffix] = match as unknown as [string, string, string, string];
  const scale = scaleSuffix(suffix);
  if (!scale) return undefined;
  const [whole, fraction = ""] = number.split(".");
  const magnitude = magnitudeInNanos((whole ?? "") + fraction, scale.decimalExponent - fraction.length, scale.binaryExponent);
  return { nanos: sign === "-" ? -magnitude : magnitude, format: scale.format };
}

function numberToText(value: number): string | undefined {
  if (!Number.isFinite(value)) return undefined;
  // JSON numbers are quantities too (`cpu: 2`, `cpu: 0.5`); avoid JS's 1e21 notation.
  return Number.isInteger(value) ? BigInt(value).toString() : String(value);
}

const DECIMAL_BY_EXPONENT: Record<number, string> = { [-9]: "n", [-6]: "u", [-3]: "m", 0: "", 3: "k", 6: "M", 9: "G", 12: "T", 15: "P", 18: "E" };
const BINARY_BY_EXPONENT: Record<number, string> = { 0: "", 10: "Ki", 20: "Mi", 30: "Gi", 40: "Ti", 50: "Pi", 60: "Ei" };

/** The canonical string, as `kubectl get -o yaml` and the API server's messages print it. */
export function formatQuantity(quantity: Quantity): string {
  const { nanos } = quantity;
  if (nanos === 0n) return "0";
  const negative = nanos < 0n;
  const magnitude = negative ? -nanos : nanos;
  let format = quantity.format;
  // Upstream: small binary values and values with a fraction print in decimal form.
  if (format === "BinarySI" && (magnitude < 1024n * NANO || magnitude % NANO !== 0n)) format = "DecimalSI";
  const text = format === "BinarySI" ? formatBinary(magnitude / NANO) : formatDecimal(magnitude, format);
  return negative ? "-" + text : text;
}

function formatBinary(value: bigint): string {
  let exponent = 0;
  while (exponent < 60 && value % 1024n === 0n) {
    value /= 1024n;
    exponent += 10;
  }
  return value.toString() + BINARY_BY_EXPONENT[exponent];
}

function formatDecimal(nanos: bigint, format: QuantityFormat): string {
  // Largest exponent (a multiple of 3, from -9) that keeps the mantissa whole.
  let mantissa = nanos;
  let exponent = -9;
  while (exponent < 18 && mantissa % 1000n === 0n) {
    mantissa /= 1000n;
    exponent += 3;
  }
  if (format === "DecimalExponent") return mantissa.toString() + (exponent === 0 ? "" : `e${exponent}`);
  return mantissa.toString() + DECIMAL_BY_EXPONENT[exponent];
}

export function quantity(input: string | number): Quantity {
  const parsed = parseQuantity(input);
  if (!parsed) throw new Error(`not a quantity: ${input}`);
  return parsed;
}

/** Quantity.Add: the first operand's format, unless it is zero (so 0 + 2Gi prints 2Gi). */
export function addQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos + b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

/** Quantity.Sub, with the same rule for a zero first operand. */
export function subtractQuantities(a: Quantity, b: Quantity): Quantity {
  return { nanos: a.nanos - b.nanos, format: a.nanos === 0n ? b.format : a.format };
}

export function compareQuantities(a: Quantity, b: Quantity): number {
  return a.nanos < b.nanos ? -1 : a.nanos > b.nanos ? 1 : 0;
}

/** Value in milli-units, rounded up (Quantity.MilliValue). */
export function milliValue(q: Quantity): bigint {
  return divideRoundingUp(q.nanos, 1_000_000n);
}

/** Value in whole units, rounded up (Quantity.Value). */
export function wholeValue(q: Quantity): bigint {
  return divideRoundingUp(q.nanos, NANO);
}

export const ZERO_QUANTITY: Quantity = { nanos: 0n, format: "DecimalSI" };

const SUFFIX_FIXES: Readonly<Record<string, string[]>> = lookupTable({
  b: [""],
  kb: ["k", "Ki"],
  kib: ["Ki"],
  mb: ["M", "Mi"],
  mib: ["Mi"],
  gb: ["G", "Gi"],
  gib: ["Gi"],
  tb: ["T", "Ti"],
  tib: ["Ti"],
  pb: ["P", "Pi"],
  pib: ["Pi"],
  eb: ["E", "Ei"],
  eib: ["Ei"],
  ki: ["Ki"],
  mi: ["Mi"],
  gi: ["Gi"],
  ti: ["Ti"],
  pi: ["Pi"],
  ei: ["Ei"],
  k: ["k", "Ki"],
  g: ["G", "Gi"],
  t: ["T", "Ti"],
});

/**
 * What the writer of an invalid quantity most likely meant (`256MB` → `256M`, `256Mi`;
 * `2 Gi` → `2Gi`; `1.5.0` → `1.5`). Empty when nothing plausible is close.
 */
export function suggestQuantities(input: string): string[] {
  const compact = input.trim().replace(/\s+/g, "");
  if (compact !== input && parseQuantity(compact)) return [compact];
  const match = /^([+-]?\d*\.?\d*)(\.[\d.]*)?([A-Za-z]*)$/.exec(compact);
  if (!match) return [];
  const [, number, extraDots, suffix] = match as unknown as [string, string, string | undefined, string];
  const candidates = new Set<string>();
  const numbers = [number];
  if (extraDots) numbers.push(number.replace(/\.$/, "")); // 1.5.0 → 1.5
  const suffixes = parseQuantity("1" + suffix) ? [suffix] : SUFFIX_FIXES[suffix.toLowerCase()] ?? [];
  for (const n of numbers) for (const s of suffixes) if (parseQuantity(n + s)) candidates.add(n + s);
  return [...candidates];
}

const BINARY_UNITS = ["Ki", "Mi", "Gi", "Ti", "Pi"];

/**
 * A byte quantity for people: a value the canonical form can only write in
 * small units (`15166732Ki`) in the largest unit that keeps it above 1, with
 * one decimal (`14.5Gi`). Other values keep their canonical form.
 */
export function humanBytes(text: string): string {
  const parsed = parseQuantity(text);
  if (!parsed || parsed.nanos <= 0n) return text;
  const canonical = formatQuantity(parsed);
  if (!canonical.endsWith("Ki") || parsed.nanos < 1024n * 1024n * NANO) return canonical;
  let value = Number(parsed.nanos / NANO) / 1024;
  let unit = 0;
  while (value >= 1024 && unit < BINARY_UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${(Math.round(value * 10) / 10).toString()}${BINARY_UNITS[unit]}`;
}
