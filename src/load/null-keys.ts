// go-yaml reads an empty key (`: x`, `? ` alone, `&a : x`) or `~`/`null` as a
// key as nil, and sigs.k8s.io/yaml's YAMLToJSON cannot make a JSON key of it:
// kubectl refuses the document with `error converting YAML to JSON:
// unsupported map key of type: %!s(<nil>), key: <nil>, value: ...`, the
// value printed with Go's `%+#v`. The yaml package would make the key "" or
// "null" and go on.

/** kubectl's words for a mapping whose key go-yaml reads as nil, its value shown as Go's `%+#v` prints it (go-syntax.ts), or masked. */
export function nullKeyMessage(shown: string): string {
  return `error converting YAML to JSON: unsupported map key of type: %!s(<nil>), key: <nil>, value: ${shown}`;
}
