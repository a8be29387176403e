// A block scalar that ends the file with no line break after its last line
// has no line break at its end, as go-yaml reads it (checked against
// sigs.k8s.io/yaml); with a line break, or on any earlier document, it keeps one.
import { describe, expect, it } from "vitest";
import { parseManifests, parseManifestsFast, parseManifestsFull } from "../../src/load/documents.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n";

/** [what, the text after HEAD, the value of data.x as go-yaml reads it] */
const CASES: Array<[string, string, string]> = [
  ["a literal block at the end of the file", "data:\n  x: |\n    a\n    b", "a\nb"],
  ["a kept literal block at the end of the file", "data:\n  x: |+\n    a\n    b", "a\nb"],
  ["a folded block with trailing spaces", "data:\n  x: >\n    a\n    b  ", "a b  "],
  ["a more indented last line", "data:\n  x: |\n    a\n      b", "a\n  b"],
  ["a block whose last line looks like a comment", "data:\n  x: |\n    a\n    # b", "a\n# b"],
  // Unchanged: a line break, or a blank last line, ends the text.
  ["a literal block and a line break", "data:\n  x: |\n    a\n    b\n", "a\nb\n"],
  ["a literal block and a blank indented line", "data:\n  x: |\n    a\n    b\n    ", "a\nb\n"],
  ["a stripped literal block", "data:\n  x: |-\n    a\n    b", "a\nb"],
  ["a kept block with a blank line", "data:\n  x: |+\n    a\n\n", "a\n\n"],
];

const valueOfX = (parsed: { documents: Array<{ object: unknown }> }) =>
  ((parsed.documents[0]!.object as { data: Record<string, string> }).data).x;

describe("a block scalar ending the file", () => {
  it.each(CASES)("%s, by every way of loading", (_, body, expected) => {
    const text = `${HEAD}${body}`;
    expect(valueOfX(parseManifests(text, "f.yaml"))).toBe(expected);
    expect(valueOfX(parseManifestsFull(text, "f.yaml"))).toBe(expected);
    const fast = parseManifestsFast(text, "f.yaml");
    if (fast) expect(valueOfX(fast)).toBe(expected);
  });

  it.each([
    ["keeps the line break of a block before the last value", "data:\n  x: |\n    a\n  z: b", { x: "a\n", z: "b" }],
    ["keeps the line break of a document before the last", "data:\n  x: |\n    a\n---\n" + HEAD + "data:\n  z: |\n    b", { x: "a\n" }],
    ["keeps a double-quoted value's line break", 'data:\n  x: "a\\n\n    b\\n"', { x: "a\n b\n" }],
  ])("%s", (_, body, expected) => {
    for (const parsed of [parseManifests(`${HEAD}${body}`, "f.yaml"), parseManifestsFull(`${HEAD}${body}`, "f.yaml")]) {
      expect((parsed.documents[0]!.object as { data: unknown }).data).toStrictEqual(expected);
    }
  });

  it("drops the line break of the last document only", () => {
    const text = `${HEAD}data:\n  x: |\n    a\n---\n${HEAD}data:\n  x: |\n    b`;
    const values = parseManifests(text, "f.yaml").documents.map((document) => (document.object as { data: { x: string } }).data.x);
    expect(values).toEqual(["a\n", "b"]);
  });
});
