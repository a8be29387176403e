// Go's strconv as CEL's conversions use it (cel-go's ConvertToType): what
// ParseInt and ParseUint (base 10), ParseFloat and ParseBool accept, and
// FormatFloat's shortest 'g' and 'f' forms.

const MIN_INT64 = -(1n << 63n);
const MAX_INT64 = (1n << 63n) - 1n;
const MAX_UINT64 = (1n << 64n) - 1n;

/** strconv.ParseInt(text, 10, 64); undefined when Go refuses it (syntax or range). */
export function parseInt64(text: string): bigint | undefined {
  if (!/^[+-]?[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text.startsWith("+") ? text.slice(1) : text);
  return value < MIN_INT64 || value > MAX_INT64 ? undefined : value;
}

/** strconv.ParseUint(text, 10, 64): digits only, no sign. */
export function parseUint64(text: string): bigint | undefined {
  if (!/^[0-9]+$/.test(text)) return undefined;
  const value = BigInt(text);
  return value > MAX_UINT64 ? undefined : value;
}

const TRUE_TEXTS = new Set(["1", "t", "T", "TRUE", "true", "True"]);
const FALSE_TEXTS = new Set(["0", "f", "F", "FALSE", "false", "False"]);

/** strconv.ParseBool. */
export function parseBool(text: string): boolean | undefined {
  if (TRUE_TEXTS.has(text)) return true;
  if (FALSE_TEXTS.has(text)) return false;
  return undefined;
}

const DECIMAL_FLOAT = /^[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?$/;
const HEX_FLOAT = /^([+-]?)0[xX]([0-9a-fA-F]*)(?:\.([0-9a-fA-F]*))?[pP]([+-]?[0-9]+)$/;

/** underscoreOK: an underscore only between digits, or between a base prefix and a digit. */
function underscoreOk(text: string): boolean {
  const body = text.replace(/^[+-]/, "");
  let saw = "^";
  let hex = false;
  let i = 0;
  if (body.length >= 2 && body[0] === "0" && "bBoOxX".includes(body[1]!)) {
    i = 2;
    saw = "0";
    hex = body[1] === "x" || body[1] === "X";
  }
  for (; i < body.length; i++) {
    const char = body[i]!;
    if ((char >= "0" && char <= "9") || (hex && /[a-fA-F]/.test(char))) saw = "0";
    else if (char === "_") {
      if (saw !== "0") return false;
      saw = "_";
    } else if (saw === "_") return false;
    else saw = "!";
  }
  return saw !== "_";
}

/** strconv.ParseFloat(text, 64): decimal or hexadecimal (with a `p` exponent), "inf", "infinity" and "nan"; a value past float64's range is refused. */
export function parseFloat64(text: string): number | undefined {
  const special = /^([+-]?)(inf|infinity)$/i.exec(text);
  if (special) return special[1] === "-" ? -Infinity : Infinity;
  if (/^nan$/i.test(text)) return NaN;
  if (text.includes("_") && !underscoreOk(text)) return undefined;
  const plain = text.replace(/_/g, "");
  let value: number | undefined;
  const hex = HEX_FLOAT.exec(plain);
  if (hex) {
    const [, sign, whole = "", fraction = "", exponent] = hex;
    if (whole === "" && fraction === "") return undefined;
    const mantissa = Number(BigInt(`0x${whole}${fraction}`));
    const magnitude = mantissa === 0 ? 0 : mantissa * 2 ** (Number(exponent) - 4 * fraction.length);
    value = sign === "-" ? -magnitude : magnitude;
  } else if (DECIMAL_FLOAT.test(plain)) value = Number(plain);
  return value !== undefined && Number.isFinite(value) ? value : undefined;
}

/** The shortest digits of a finite, non-zero |value| and its decimal exponent (d.ddd × 10^exponent). */
function shortestDigits(value: number): { digits: string; exponent: number } {
  const [mantissa, exponent] = Math.abs(value).toExponential().split("e") as [string, string];
  return { digits: mantissa.replace(".", ""), exponent: Number(exponent) };
}

/**
 * The fewest digits that read back as the float32 `value` (at most 9 are
 * needed): the nearest decimal of each length is tried, shortest first.
 */
function shortestDigits32(value: number): { digits: string; exponent: number } {
  const magnitude = Math.abs(value);
  for (let precision = 1; precision < 9; precision++) {
    const written = magnitude.toExponential(precision - 1);
    if (Math.fround(Number(written)) === magnitude) return shortestDigits(Number(written));
  }
  const [mantissa, exponent] = magnitude.toExponential(8).split("e") as [string, string];
  return { digits: mantissa.replace(".", "").replace(/0+$/, "") || "0", exponent: Number(exponent) };
}

/**
 * strconv.FormatFloat(value, 'g', -1, bitSize), as fmt's %g prints a float64;
 * with bitSize 32 the value is first rounded to a float32, as Go's
 * float32(value) rounds it (past its range: infinite).
 */
export function formatFloatG(value: number, bitSize: 32 | 64 = 64): string {
  if (bitSize === 32) value = Math.fround(value);
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const { digits, exponent } = bitSize === 32 ? shortestDigits32(value) : shortestDigits(value);
  const sign = value < 0 ? "-" : "";
  // Exponent form below 1e-4 and from 1e6 (the shortest form's precision is taken as 6).
  if (exponent < -4 || exponent >= 6) {
    const fraction = digits.length > 1 ? `.${digits.slice(1)}` : "";
    const shown = String(Math.abs(exponent)).padStart(2, "0");
    return `${sign}${digits[0]}${fraction}e${exponent < 0 ? "-" : "+"}${shown}`;
  }
  return `${sign}${formatDigits(digits, exponent)}`;
}

/** The digits d.ddd × 10^exponent written out without an exponent. */
function formatDigits(digits: string, exponent: number): string {
  const point = exponent + 1;
  if (point <= 0) return `0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return digits + "0".repeat(point - digits.length);
  return `${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** strconv.FormatFloat(value, 'f', -1, 64): the shortest digits, never an exponent. */
export function formatFloatF(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  if (!Number.isFinite(value)) return value > 0 ? "+Inf" : "-Inf";
  if (value === 0) return Object.is(value, -0) ? "-0" : "0";
  const { digits, exponent } = shortestDigits(value);
  return `${value < 0 ? "-" : ""}${formatDigits(digits, exponent)}`;
}
