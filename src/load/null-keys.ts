// go-yaml reads an empty key (`: x`, `? ` alone, `&a : x`) or `~`/`null` as a
// key as nil, and sigs.k8s.io/yaml's YAMLToJSON cannot make a JSON key of it:
// kubectl refuses the document with `error converting YAML to JSON:
// unsupported map key of type: %!s(<nil>), key: <nil>, value: ...`, the
// value printed with Go's `%+#v`. The yaml package would make the key "" or
// "null" and go on.
import { MASK } from "../util/secret-values.js";

/** Go's `%#v` of a value go-yaml decoded, cut after `limit` characters. */
export function goSyntax(value: unknown, limit = 200): string {
  let out = "";
  const write = (text: string): boolean => {
    out += text;
    return out.length < limit;
  };
  const visit = (node: unknown, inside: boolean): boolean => {
    if (node === null || node === undefined) return write(inside ? "interface {}(nil)" : "<nil>");
    if (typeof node === "string") return write(JSON.stringify(node));
    if (typeof node !== "object") return write(String(node));
    if (Array.isArray(node)) {
      if (!write("[]interface {}{")) return false;
      for (let i = 0; i < node.length; i++) if ((i > 0 && !write(", ")) || !visit(node[i], true)) return false;
      return write("}");
    }
    // fmt prints a map's entries sorted by key.
    const keys = Object.keys(node).sort();
    if (!write("map[interface {}]interface {}{")) return false;
    for (let i = 0; i < keys.length; i++) {
      if ((i > 0 && !write(", ")) || !write(`${JSON.stringify(keys[i])}:`) || !visit((node as Record<string, unknown>)[keys[i]!], true)) return false;
    }
    return write("}");
  };
  return visit(value, false) ? out : `${out.slice(0, limit)}...`;
}

/**
 * kubectl's words for a mapping whose key go-yaml reads as nil; in a Secret
 * the value is masked, as the document's values are nowhere else known to be
 * secret when it cannot be read.
 */
export function nullKeyMessage(value: unknown, secret: boolean): string {
  const shown = secret ? MASK : goSyntax(value);
  return `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`;
}
