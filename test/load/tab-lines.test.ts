// A line of blanks with a tab among them, as go-yaml (kubectl's reader)
// judges it: refused in block context, in one of two ways depending on
// whether a plain scalar's reader takes the line; taken inside a flow
// collection or right of a plain scalar's block. Cases checked against
// sigs.k8s.io/yaml.
import { describe, expect, it } from "vitest";
import { parseManifests, parseManifestsFull } from "../../src/load/documents.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n";
const HEAD_LINES = 5;

const CANNOT_START = "found character that cannot start any token";
const VIOLATES = "found a tab character that violates indentation";

/** [what, the text after HEAD, the line after HEAD and the column go-yaml's refusal is at] */
const REFUSED: Array<[string, string, number, number, string]> = [
  ["a tab line after a plain value", "  a: b\n\t\n  c: d\n", 2, 1, "line 7: found a tab character that violates indentation"],
  ["a tab line after blank lines", "  a: b\n\n\t\n\n  c: d\n", 3, 1, "line 8: found a tab character that violates indentation"],
  ["spaces, a tab and spaces, left of the block", "  a: b\n \t  \n  c: d\n", 2, 2, "line 7: found a tab character that violates indentation"],
  ["a tab line ending the file", "  a: b\n\t", 2, 1, "line 7: found a tab character that violates indentation"],
  ["a tab line after a list's plain item", "  a: b\nx:\n  - y\n\n \t\n", 5, 2, "line 10: found a tab character that violates indentation"],
  ["a tab line after a quoted value", '  a: "b"\n\t\n  c: d\n', 2, 1, "line 7: found character that cannot start any token"],
  ["a tab line after a comment", "  a: b # note\n\t\n  c: d\n", 2, 1, "line 7: found character that cannot start any token"],
  ["a tab line after an empty flow mapping", "  a: {}\n\t\n", 2, 1, "line 7: found character that cannot start any token"],
  ["a tab line after a key with no value", "  a:\n  \t\n  c: d\n", 2, 3, "line 7: found character that cannot start any token"],
];

const TAKEN: Array<[string, string, Record<string, unknown>]> = [
  ["a tab right of a plain value's block", "  a: b\n    \t\n  c: d\n", { a: "b", c: "d" }],
  ["a tab line inside a flow list", "  a: [b,\n\t\n    c]\n", { a: ["b", "c"] }],
  ["a tab after a value on its line", "  a: b\t\n", { a: "b" }],
  ["a tab line inside a plain scalar, right of its block", "  a: b\n   \t\n   c\n", { a: "b\nc" }],
];

const data = (text: string) => (parseManifests(text, "f.yaml").documents[0]?.object as { data?: unknown } | undefined)?.data;

describe("a line of blanks with a tab", () => {
  it.each(REFUSED)("refuses %s", (_, body, line, column, message) => {
    for (const parsed of [parseManifests(HEAD + body, "f.yaml"), parseManifestsFull(HEAD + body, "f.yaml")]) {
      expect(parsed.documents).toEqual([]);
      expect(parsed.findings.map((finding) => [finding.line - HEAD_LINES, finding.column, finding.message])).toEqual([
        [line, column, `YAML syntax error: error converting YAML to JSON: yaml: ${message}`],
      ]);
    }
  });

  it.each(TAKEN)("reads %s", (_, body, expected) => {
    expect(data(HEAD + body)).toStrictEqual(expected);
  });

  it("refuses only the document with the line", () => {
    const parsed = parseManifests(`${HEAD}  a: b\n---\n${HEAD}  a: b\n\t\n`, "f.yaml");
    expect(parsed.documents.map((document) => (document.object as { data: unknown }).data)).toEqual([{ a: "b" }]);
    expect(parsed.findings.map((finding) => finding.line)).toEqual([14]);
  });
});
