// Inside flow collections, a plain scalar ends at `:` only before a space or
// the line's end, as go-yaml reads it: `[fe80::]` is a list of one address,
// not a one-pair mapping. Everything else reads as the yaml package reads it.
import { describe, expect, it } from "vitest";
import { parseManifestsFull } from "../../src/load/documents.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

/** [what, the line after HEAD, the value of `x` as go-yaml reads it] */
const CASES: Array<[string, string, unknown]> = [
  ["an IPv6 address last in a list", "x: [10.0.0.1, fe80::]", ["10.0.0.1", "fe80::"]],
  ["an IPv6 address before a comma", "x: [2001:db8::, 10.0.0.1]", ["2001:db8::", "10.0.0.1"]],
  ["a word and a colon", "x: [a:, b]", ["a:", "b"]],
  ["a flow mapping's value", "x: {k: 001:db8::}", { k: "001:db8::" }],
  ["a flow mapping's value before another pair", "x: {k: fe80::, j: 2}", { k: "fe80::", j: 2 }],
  ["a pair's value in a list", "x: [k: a:, b]", [{ k: "a:" }, "b"]],
  ["nested lists", "x: [[fe80::], [::1]]", [["fe80::"], ["::1"]]],
  // Unchanged: what go-yaml and the yaml package read alike.
  ["a pair in a list", "x: [a: b]", [{ a: "b" }]],
  ["an address that starts with colons", "x: [::1, '::']", ["::1", "::"]],
  ["a colon inside a scalar", "x: [a:b, c]", ["a:b", "c"]],
  ["a quoted key", "x: ['a':, b]", [{ a: null }, "b"]],
  ["a flow mapping's key without a value", "x: {a:, b: 1}", { a: null, b: 1 }],
  ["a block list entry, a mapping in go-yaml too", "x:\n  - fe80::", [{ "fe80:": null }]],
];

describe("flow scalars read as go-yaml reads them", () => {
  it.each(CASES)("%s", (_, line, expected) => {
    const parsed = parseManifestsFull(`${HEAD}${line}\n`, "f.yaml");
    expect(parsed.findings).toEqual([]);
    expect((parsed.documents[0]!.object as Record<string, unknown>).x).toStrictEqual(expected);
  });

  it("keeps the position of a mended scalar", () => {
    const text = `${HEAD}x: [10.0.0.1, fe80::]\n`;
    const parsed = parseManifestsFull(text, "f.yaml");
    expect(parsed.documents[0]!.locate("/x/1")).toMatchObject({ line: 5, column: 15 });
  });
});
