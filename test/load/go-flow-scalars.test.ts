// Inside flow collections, a plain scalar ends at `:` only before a space or
// the line's end, as go-yaml v2 reads it: `[fe80::]` is a list of one
// address, not a one-pair mapping, and `{a:}` has the key `a:`. Everything
// else reads as the yaml package reads it. Every way kubeplan loads a file
// (the quick, the CST and the full way) reads the same.
import { describe, expect, it } from "vitest";
import { parseManifests, parseManifestsFast, parseManifestsFull } from "../../src/load/documents.js";

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
  ["a flow mapping's plain key with a colon and no value", "x: {a:, b: 1}", { "a:": null, b: 1 }],
  ["a flow mapping's plain key with a colon, last", "x: {b: 1, a:}", { b: 1, "a:": null }],
  ["a flow mapping's plain key with two colons", "x: {a::}", { "a::": null }],
  ["a flow mapping's plain key with a trailing comma", "x: {a:,}", { "a:": null }],
  ["an address as a flow mapping's key", "x: {fe80::: 1}", { "fe80::": 1 }],
  ["a flow mapping's key with a colon inside", "x: {a:b}", { "a:b": null }],
  // Unchanged: a blank or a quote before the value indicator.
  ["a flow mapping's key and a space", "x: {a: , b: 1}", { a: null, b: 1 }],
  ["a flow mapping's quoted key", "x: {'a':, \"b\":}", { a: null, b: null }],
  ["a flow mapping's key at the line's end", "x: {a:\n  }", { a: null }],
  ["a block list entry, a mapping in go-yaml too", "x:\n  - fe80::", [{ "fe80:": null }]],
  // A `?` starting an item is a key indicator for go-yaml, blank after it or not.
  ["a question mark starting a list's item", "x: [a, ?b]", ["a", { b: null }]],
  ["a question mark starting a list's only item", "x: [?b]", [{ b: null }]],
  ["a question mark starting a pair in a list", "x: [a, ?b: c]", ["a", { b: "c" }]],
  ["a question mark before a dash", "x: [?-b]", [{ "-b": null }]],
  ["a question mark before a word with a colon", "x: [?b:c]", [{ "b:c": null }]],
  ["a question mark before a quoted key", "x: [?\"b\"]", [{ b: null }]],
  ["a question mark before a single-quoted key with a value", "x: [?'b': c]", [{ b: "c" }]],
  ["a question mark starting a flow mapping's key", "x: {?b}", { b: null }],
  ["a question mark starting a flow mapping's later key", "x: {a: 1, ?b: 2}", { a: 1, b: 2 }],
  ["a question mark and a space, alike for both", "x: [? b]", [{ b: null }]],
];

const valueOfX = (parsed: ReturnType<typeof parseManifestsFull>) => (parsed.documents[0]!.object as Record<string, unknown>).x;

describe("flow scalars read as go-yaml reads them", () => {
  it.each(CASES)("%s", (_, line, expected) => {
    const parsed = parseManifestsFull(`${HEAD}${line}\n`, "f.yaml");
    expect(parsed.findings).toEqual([]);
    expect(valueOfX(parsed)).toStrictEqual(expected);
  });

  it.each(CASES)("%s, by every way of loading", (_, line, expected) => {
    const text = `${HEAD}${line}\n`;
    expect(valueOfX(parseManifests(text, "f.yaml"))).toStrictEqual(expected);
    const fast = parseManifestsFast(text, "f.yaml");
    if (fast) expect(valueOfX(fast)).toStrictEqual(expected);
  });

  // go-yaml reads the scalar `b:`, then a collection with no `,` before it: "did not find expected ',' or '}'".
  it.each([
    ["a flow mapping's key glued to a list", "x: {b:[1]}", 7, "line 4: did not find expected ',' or '}'"],
    ["a flow mapping's key glued to a mapping", "x: {b:{c: 1}}", 7, "line 4: did not find expected ',' or '}'"],
    ["a later key glued to a list", "x: {k: v, b:[1], c: 2}", 13, "line 4: did not find expected ',' or '}'"],
    ["a flow list's item glued to a list", "x: [b:[1]]", 7, "line 4: did not find expected ',' or ']'"],
    // go-yaml ends the scalar at `?` and reads a key with no `,` before it.
    ["a question mark in a flow list's item", "x: [a?b]", 6, "line 4: did not find expected ',' or ']'"],
    ["a URL with a query in a flow list", "x: [http://h/p?q=1, b]", 15, "line 4: did not find expected ',' or ']'"],
    ["a question mark in a flow mapping's value", "x: {k: v?w}", 9, "line 4: did not find expected ',' or '}'"],
    ["a question mark in a flow mapping's key", "x: {k?j: 1}", 6, "line 4: did not find expected ',' or '}'"],
    ["a second question mark in a key", "x: [?b?c]", 7, "line 4: did not find expected ',' or ']'"],
    ["a question mark alone in a flow list", "x: [?]", 4, "line 5: did not find expected ',' or ']'"],
    ["a question mark alone after an item", "x: [a, ?]", 4, "line 5: did not find expected ',' or ']'"],
    ["a question mark and a colon", "x: [?:b]", 7, "line 4: did not find expected ',' or ']'"],
    // go-yaml needs a node after the key indicator.
    ["two question marks", "x: [??b]", 6, "line 4: did not find expected node content"],
    ["a question mark before a comment sign", "x: [?#b]", 8, "line 5: did not find expected node content"],
    ["a question mark starting a flow mapping's value", "x: {a: ?b}", 8, "line 4: did not find expected node content"],
    ["a question mark starting a pair's value in a list", "x: [a: ?b]", 8, "line 4: did not find expected node content"],
  ])("refuses %s, by every way of loading", (_, line, column, error) => {
    const text = `${HEAD}${line}\n`;
    for (const parsed of [parseManifests(text, "f.yaml"), parseManifestsFull(text, "f.yaml")]) {
      expect(parsed.documents).toEqual([]);
      expect(parsed.findings.map((finding) => [finding.line, finding.column, finding.message])).toEqual([[5, column, `YAML syntax error: error converting YAML to JSON: yaml: ${error}`]]);
    }
    expect(parseManifestsFast(text, "f.yaml")).toBeUndefined();
  });

  it.each([
    ["a quoted key before a list", "x: {\"b\":[1]}", { b: [1] }],
    ["a key, a space and a list", "x: {b: [1]}", { b: [1] }],
    ["a quoted question mark in a flow list", "x: [\"a?b\", 'c?d']", ["a?b", "c?d"]],
    ["a question mark in a block scalar", "x: a?b", "a?b"],
    ["a question mark in a block value after a flow list", "x: [a]\ny: h/p?q=1", ["a"]],
  ])("reads %s", (_, line, expected) => {
    expect(valueOfX(parseManifests(`${HEAD}${line}\n`, "f.yaml"))).toStrictEqual(expected);
  });

  it("names a repeated key as go-yaml reads it", () => {
    const parsed = parseManifests(`${HEAD}x: {a:, a:}\n`, "f.yaml");
    expect(parsed.findings.map((finding) => finding.message)).toEqual(['duplicate key "a:": a mapping\'s keys must be unique (the API server would keep only the last value)']);
  });

  it("keeps the position of a mended scalar", () => {
    const text = `${HEAD}x: [10.0.0.1, fe80::]\n`;
    const parsed = parseManifestsFull(text, "f.yaml");
    expect(parsed.documents[0]!.locate("/x/1")).toMatchObject({ line: 5, column: 15 });
  });
});
