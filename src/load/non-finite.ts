// go-yaml reads `.inf` and `.nan` as float64 infinities and NaN, which
// encoding/json cannot write: sigs.k8s.io/yaml's YAMLToJSON fails and
// kubectl refuses the document with `error converting YAML to JSON: json:
// unsupported value: +Inf`. Only a file that mentions them is searched.

const NON_FINITE_TEXT = /\.(?:inf|nan)/i;

/** Whether a text could hold a plain `.inf` or `.nan` at all. */
export function mayHoldNonFinite(text: string): boolean {
  return NON_FINITE_TEXT.test(text);
}

/** Go's name of a number JSON cannot hold, as encoding/json's UnsupportedValueError prints it. */
function goFloatName(value: number): string {
  if (Number.isNaN(value)) return "NaN";
  return value > 0 ? "+Inf" : "-Inf";
}

const escapeToken = (key: string): string => key.replace(/~/g, "~0").replace(/\//g, "~1");

/**
 * The first infinite or NaN number of a document as encoding/json meets it
 * (a mapping's keys sorted, as json.Marshal writes a Go map), with its JSON
 * pointer and Go's name for it.
 */
export function nonFiniteNumber(root: unknown): { pointer: string; shown: string } | undefined {
  const stack: Array<[unknown, string]> = [[root, ""]];
  while (stack.length > 0) {
    const [value, pointer] = stack.pop()!;
    if (typeof value === "number") {
      if (!Number.isFinite(value)) return { pointer, shown: goFloatName(value) };
    } else if (value !== null && typeof value === "object") {
      const entries: Array<[string, unknown]> = Array.isArray(value)
        ? value.map((item, i) => [String(i), item])
        : Object.keys(value).sort().map((key) => [key, (value as Record<string, unknown>)[key]]);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], `${pointer}/${escapeToken(entries[i]![0])}`]);
    }
  }
  return undefined;
}
