// The Go type go-yaml v2 gives a scalar (resolve.go): what sigs.k8s.io/yaml
// then makes of it as a map key, and how fmt prints it in an error, depend on
// it. The value itself comes from the yaml package under
// KUBERNETES_YAML_OPTIONS; only its Go type is worked out here: a number is
// an int when Go's ParseInt (base 0, underscores dropped) reads its text, a
// uint64 past int64's range, and a float64 otherwise.

export type GoScalar =
  | { type: "nil" }
  | { type: "string"; value: string }
  | { type: "bool"; value: boolean }
  | { type: "int"; value: bigint }
  | { type: "uint64"; value: bigint }
  | { type: "float64"; value: number };

const INT64_END = 1n << 63n;

/** strconv.ParseInt(text, 0, 64)'s syntax, once go-yaml has dropped the underscores: a sign, then a prefixed or decimal integer. */
const GO_INTEGER = /^([-+]?)(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/;

/** The integer Go reads from a scalar's text, or undefined when its text is no integer. */
function goInteger(source: string): bigint | undefined {
  const match = GO_INTEGER.exec(source.replace(/_/g, ""));
  if (!match) return undefined;
  const [, sign, digits] = match as unknown as [string, string, string];
  // BigInt reads 0x, 0o and 0b; a leading 0 alone means octal to Go.
  const magnitude = /^0[0-7]+$/.test(digits) ? BigInt(`0o${digits.slice(1)}`) : BigInt(digits.toLowerCase());
  return sign === "-" ? -magnitude : magnitude;
}

/**
 * The Go value of a scalar read as `value` from the text `source` (the
 * scalar's text, without quotes). A number whose text is no integer, or one
 * no 64-bit integer holds, is a float64 (`1e20`, `100000000000000000000`).
 */
export function goDecoded(value: unknown, source: string | undefined): GoScalar {
  if (value === null || value === undefined) return { type: "nil" };
  if (typeof value === "boolean") return { type: "bool", value };
  if (typeof value === "bigint") return value < INT64_END ? { type: "int", value } : { type: "uint64", value };
  if (typeof value !== "number") return { type: "string", value: String(value) };
  const integer = source === undefined ? undefined : goInteger(source);
  if (integer !== undefined && integer >= -INT64_END && integer < INT64_END << 1n && Number(integer) === value) {
    return integer < INT64_END ? { type: "int", value: integer } : { type: "uint64", value: integer };
  }
  if (source === undefined && Number.isSafeInteger(value)) return { type: "int", value: BigInt(value) };
  return { type: "float64", value };
}
