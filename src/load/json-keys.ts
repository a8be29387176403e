// sigs.k8s.io/yaml's YAMLToJSON (convertToJSONableObject) makes a JSON key
// of each key go-yaml decoded, by its Go type: a string as it is, an int in
// decimal, a bool as true or false, and a float64 with
// strconv.FormatFloat(f, 'g', -1, 32): rounded to a float32 and written in
// its shortest form (`1e20:` is the key "1e+20", `1e6:` "1e+06", `.inf:`
// ".inf", `-.inf:` "-.inf", `.nan:` ".nan"). A key of any other type, nil
// (`~:`, `null:`, an empty `? `) or a uint64 (an integer past int64's
// range), has no JSON key: kubectl refuses the document with `error
// converting YAML to JSON: unsupported map key of type: ...`, the value
// printed with Go's `%+#v`. The yaml package would write numbers as
// JavaScript does, and make "" or "null" of a nil key.
import { formatFloatG } from "../util/go-strconv.js";
import type { GoScalar } from "./go-scalars.js";

const FLOAT_KEYS: Record<string, string> = { "+Inf": ".inf", "-Inf": "-.inf", NaN: ".nan" };

/** The JSON key of a key go-yaml decoded as `scalar`; undefined for a key JSON cannot have (nil, uint64). */
export function jsonKey(scalar: GoScalar): string | undefined {
  switch (scalar.type) {
    case "string":
      return scalar.value;
    case "int":
      return String(scalar.value);
    case "bool":
      return scalar.value ? "true" : "false";
    case "float64": {
      const text = formatFloatG(scalar.value, 32);
      return FLOAT_KEYS[text] ?? text;
    }
    default:
      return undefined;
  }
}

/** kubectl's words for a key of `scalar`'s type, which jsonKey has none for; `shown`: its value as Go's `%+#v` prints it (go-syntax.ts), or masked. */
export function unsupportedKeyMessage(scalar: GoScalar, shown: string): string {
  const described = scalar.type === "uint64" ? `uint64, key: 0x${scalar.value.toString(16)}` : "%!s(<nil>), key: <nil>";
  return `error converting YAML to JSON: unsupported map key of type: ${described}, value: ${shown}`;
}
