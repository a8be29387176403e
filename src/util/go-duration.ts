// Go's time.Duration as Go reads and prints it (kubectl's `--timeout=90s`
// is printed `1m30s`; CRD `duration` formats; CEL's duration()).

// Go takes the micro sign (U+00B5) and the Greek mu (U+03BC).
const UNIT_NANOS: Readonly<Record<string, bigint>> = { ns: 1n, us: 1_000n, "\u00b5s": 1_000n, "\u03bcs": 1_000n, ms: 1_000_000n, s: 1_000_000_000n, m: 60_000_000_000n, h: 3_600_000_000_000n };
const TWO_TO_63 = 1n << 63n;

const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/** leadingInt: the digits at the start of `text`, undefined past 2^63. */
function leadingInt(text: string): { value: bigint; rest: string } | undefined {
  let value = 0n;
  let i = 0;
  for (; isDigit(text[i]); i++) {
    value = value * 10n + BigInt(text.charCodeAt(i) - 48);
    if (value > TWO_TO_63) return undefined;
  }
  return { value, rest: text.slice(i) };
}

/** leadingFraction: the digits after a point, and 10^(digits kept); digits past 2^63 are skipped, as Go skips them. */
function leadingFraction(text: string): { value: bigint; scale: number; rest: string } {
  let value = 0n;
  let scale = 1;
  let overflow = false;
  let i = 0;
  for (; isDigit(text[i]); i++) {
    if (overflow) continue;
    const next = value * 10n + BigInt(text.charCodeAt(i) - 48);
    if (value > (TWO_TO_63 - 1n) / 10n || next > TWO_TO_63) {
      overflow = true;
      continue;
    }
    value = next;
    scale *= 10;
  }
  return { value, scale, rest: text.slice(i) };
}

/** Go's time package quote(): ASCII as is (with \" and \\), anything else as \x bytes. */
export function timeQuote(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (code >= 0x80 || code < 0x20) {
      for (const byte of Buffer.from(char, "utf8")) out += "\\x" + byte.toString(16).padStart(2, "0");
    } else {
      out += char === '"' || char === "\\" ? "\\" + char : char;
    }
  }
  return out + '"';
}

/** time.ParseDuration: the duration in nanoseconds (within int64), or Go's error. */
function readDuration(text: string): { nanos: bigint } | { error: string } {
  const invalid = { error: `time: invalid duration ${timeQuote(text)}` };
  let rest = text;
  const negative = rest.startsWith("-");
  if (negative || rest.startsWith("+")) rest = rest.slice(1);
  if (rest === "0") return { nanos: 0n };
  if (rest === "") return invalid;
  let total = 0n;
  while (rest !== "") {
    if (!(rest[0] === "." || isDigit(rest[0]))) return invalid;
    const whole = leadingInt(rest);
    if (!whole) return invalid;
    const before = whole.rest.length !== rest.length;
    rest = whole.rest;
    let fraction = { value: 0n, scale: 1 };
    let after = false;
    if (rest.startsWith(".")) {
      const read = leadingFraction(rest.slice(1));
      after = read.rest.length !== rest.length - 1;
      fraction = read;
      rest = read.rest;
    }
    if (!before && !after) return invalid;
    let unitEnd = 0;
    while (unitEnd < rest.length && rest[unitEnd] !== "." && !isDigit(rest[unitEnd])) unitEnd++;
    if (unitEnd === 0) return { error: `time: missing unit in duration ${timeQuote(text)}` };
    const unitName = rest.slice(0, unitEnd);
    if (!Object.hasOwn(UNIT_NANOS, unitName)) return { error: `time: unknown unit ${timeQuote(unitName)} in duration ${timeQuote(text)}` };
    const unit = UNIT_NANOS[unitName]!;
    rest = rest.slice(unitEnd);
    if (whole.value > TWO_TO_63 / unit) return invalid;
    let value = whole.value * unit;
    // Go multiplies in float64 to be exact to the nanosecond for fractions of hours.
    if (fraction.value > 0n) value += BigInt(Math.trunc(Number(fraction.value) * (Number(unit) / fraction.scale)));
    if (value > TWO_TO_63) return invalid;
    total += value;
    if (total > TWO_TO_63) return invalid;
  }
  if (negative) return { nanos: -total };
  return total > TWO_TO_63 - 1n ? invalid : { nanos: total };
}

/** time.ParseDuration, in nanoseconds (within int64); undefined when Go refuses the text. */
export function parseDuration(text: string): bigint | undefined {
  const read = readDuration(text);
  return "nanos" in read ? read.nanos : undefined;
}

/** time.ParseDuration's error as Go words it, or undefined when the text is a duration. */
export function durationError(text: string): string | undefined {
  const read = readDuration(text);
  return "error" in read ? read.error : undefined;
}

/** time.ParseDuration, in milliseconds; undefined when Go would refuse it. */
export function parseGoDuration(text: string): number | undefined {
  const nanos = parseDuration(text);
  return nanos === undefined ? undefined : Number(nanos) / 1e6;
}

/** Duration.String, for a positive duration in milliseconds. */
export function formatGoDuration(ms: number): string {
  if (ms === 0) return "0s";
  if (ms < 1000) return `${Number(ms.toFixed(3))}ms`;
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor((ms % 3_600_000) / 60_000);
  const seconds = Number(((ms % 60_000) / 1000).toFixed(3));
  return `${hours > 0 ? `${hours}h` : ""}${hours > 0 || minutes > 0 ? `${minutes}m` : ""}${seconds}s`;
}
