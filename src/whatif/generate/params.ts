// The parsers kubectl's generators share (k8s.io/kubectl/pkg/generate and
// cmdutil.ParsePairs): label lists, key=value pairs, environment variables.
import { UsageError } from "../../validate/index.js";

/** generate.ParseLabels: `a=b,c=d`; every item one `=`, no empty key. */
export function parseLabels(spec: string): Record<string, string> {
  if (spec === "") throw new UsageError("no label spec passed");
  const labels: Record<string, string> = {};
  for (const item of spec.split(",")) {
    const parts = item.split("=");
    if (parts.length !== 2) throw new UsageError(`unexpected label spec: ${item}`);
    if (parts[0] === "") throw new UsageError("unexpected empty label key");
    labels[parts[0]!] = parts[1]!;
  }
  return labels;
}

/** cmdutil.ParsePairs (without removals): `key=value` items, the rest named in one error. */
export function parsePairs(items: readonly string[], pairType: string): Record<string, string> {
  const pairs: Record<string, string> = {};
  const invalid: string[] = [];
  for (const item of items) {
    const equals = item.indexOf("=");
    if (equals > 0) pairs[item.slice(0, equals)] = item.slice(equals + 1);
    else invalid.push(item);
  }
  if (invalid.length > 0) throw new UsageError(`invalid ${pairType} format: ${invalid.join(", ")}`);
  return pairs;
}

/** validation.IsEnvVarName: letters, digits, `_`, `-`, `.`, not starting with a digit. */
const ENV_VAR_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;

/** versioned.parseEnvs: `NAME=value`, each name a valid environment variable name. */
export function parseEnvs(items: readonly string[]): Array<{ name: string; value: string }> {
  return items.map((item) => {
    const equals = item.indexOf("=");
    const name = equals < 0 ? "" : item.slice(0, equals);
    if (equals < 0 || name === "" || !ENV_VAR_NAME.test(name)) throw new UsageError(`invalid env: ${item}`);
    return { name, value: item.slice(equals + 1) };
  });
}
