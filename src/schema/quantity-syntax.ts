// Which error resource.ParseQuantity (k8s.io/apimachinery) returns for a
// string, with its exact wording. Quantity.UnmarshalJSON trims surrounding
// whitespace first; JSON numbers are always quantities.
import { QUANTITY_FORMAT_MESSAGE } from "../util/quantity.js";

export const QUANTITY_SUFFIX_MESSAGE = "unable to parse quantity's suffix";

const SUFFIX_CHARACTERS = "eEinumkKMGTP";
const DECIMAL_SUFFIXES = new Set(["", "n", "u", "m", "k", "M", "G", "T", "P", "E"]);
const BINARY_SUFFIXES = new Set(["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]);

const isDigit = (char: string | undefined) => char !== undefined && char >= "0" && char <= "9";

/**
 * Splits like upstream's scanner: sign, digits, optional ".digits", then a
 * suffix made of suffix letters, an optional sign and digits. Returns the
 * suffix, or undefined when the string does not have that shape.
 */
function scanSuffix(text: string): string | undefined {
  let at = text[0] === "+" || text[0] === "-" ? 1 : 0;
  while (isDigit(text[at])) at++;
  if (text[at] === ".") {
    at++;
    while (isDigit(text[at])) at++;
  }
  const suffixStart = at;
  while (at < text.length && SUFFIX_CHARACTERS.includes(text[at]!)) at++;
  if (text[at] === "+" || text[at] === "-") at++;
  while (isDigit(text[at])) at++;
  return at === text.length ? text.slice(suffixStart) : undefined;
}

function isKnownSuffix(suffix: string): boolean {
  if (DECIMAL_SUFFIXES.has(suffix) || BINARY_SUFFIXES.has(suffix)) return true;
  // Decimal exponent: e or E followed by a (signed) integer that fits an int32.
  if (!/^[eE][+-]?\d+$/.test(suffix)) return false;
  const exponent = Number(suffix.slice(1));
  return exponent >= -2147483648 && exponent <= 2147483647;
}

/** Upstream's message for a string quantity it rejects; undefined when it parses. */
export function quantityError(value: string): string | undefined {
  const text = value.trim();
  if (text === "") return QUANTITY_FORMAT_MESSAGE;
  const suffix = scanSuffix(text);
  if (suffix === undefined) return QUANTITY_FORMAT_MESSAGE;
  if (!isKnownSuffix(suffix)) return QUANTITY_SUFFIX_MESSAGE;
  return undefined;
}
