// go-yaml v2's line breaks besides LF and CR (is_break): NEL (U+0085), LS
// (U+2028) and PS (U+2029) end comments, plain scalars and lines of block
// scalars, and start the next line. A NEL is a line feed to go-yaml; LS and
// PS stay what they are in values. Every way of loading agrees; each
// expectation is what kubectl reads.
import { describe, expect, it } from "vitest";
import { loadEveryWay as load } from "./load-every-way.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";

describe("NEL, LS and PS", () => {
  it.each([
    ["a line break between entries", "  a: b\u2028  c: d\u0085  e: f", { a: "b", c: "d", e: "f" }],
    ["the end of a comment", "  # note\u2029  a: b", { a: "b" }],
    ["a line break of a plain scalar, kept", "  a: x\u2028   y", { a: "x\u2028y" }],
    ["after an empty line", "  a: x\n\n\u2028   y", { a: "x\n\u2028y" }],
    ["the end of a plain scalar", "  a: x\u2029", { a: "x" }],
    ["in a double-quoted scalar, kept", '  a: "x\u2028y"', { a: "x\u2028y" }],
    ["in a double-quoted scalar, blanks around it dropped", '  a: "x  \u2028  y"', { a: "x\u2028y" }],
    ["in a single-quoted scalar, each kept", "  a: 'x\u2029\u2029y'", { a: "x\u2029\u2029y" }],
    ["a NEL in a quoted scalar, folded as a line feed", '  a: "x\u0085y"', { a: "x y" }],
    ["a line break of a literal block scalar, kept", "  a: |\n    x\u2028    y", { a: "x\u2028y\n" }],
    ["the last breaks of a kept literal block scalar", "  a: |+\n    x\u2028\u2028", { a: "x\u2028\u2028\n" }],
    // A folded block joins lines with a space only at a line feed: LS and PS stay, and the line after goes on with no space.
    ["a line break of a folded block scalar, kept", "  a: >\n    x\u2028    y\n    z", { a: "x\u2028y z\n" }],
    ["an LS line after a line feed in a folded block scalar", "  a: >\n    x\n\u2028    y", { a: "x\u2028y\n" }],
    ["a PS and an empty LS line in a folded block scalar", "  a: >\n    x\u2029\u2028    y", { a: "x\u2029\u2028y\n" }],
    ["an LS before a more indented line of a folded block scalar", "  a: >\n    x\u2028      y\n    z", { a: "x\u2028  y\nz\n" }],
    ["the last break of a stripped folded block scalar", "  a: >-\n    x\u2028    y\u2028", { a: "x\u2028y" }],
    ["a folded block scalar with an indentation indicator", "  a: >2\n    x\u2028    y", { a: "x\u2028y\n" }],
    // A quoted scalar that goes on after one on a line less indented than its mapping.
    ["an LS then a line feed in a quoted scalar going on less indented", "  a: 'x\u2028\ny'", { a: "x\u2028\ny" }],
    ["an escape, an LS, a line feed, a line less indented", '  a: "x\\ty\u2028\nz"', { a: "x\ty\u2028\nz" }],
    ["a line feed, blanks and an LS in a quoted scalar", '  a:\n    "x\n  \u2028y"', { a: "x\u2028y" }],
    ["an escaped LS in a double-quoted scalar, as an escaped line feed", '  a: "x\\\u2028y"', { a: "xy" }],
  ])("%s", (_name, lines, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });

  it.each([
    ["a plain scalar whose next line is not indented", "  a: x\u0085y"],
    ["a literal block scalar whose next line is not indented", "  a: |\n    x\u2028y"],
  ])("refuses %s", (_name, lines) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.documents).toEqual([]);
    expect(parsed.findings.map((f) => f.rule)).toEqual(["yaml/syntax"]);
  });

  it("counts lines at line feeds only, as editors do", () => {
    const [document] = load(`${HEAD}  a: b\u2028  c: d\n  e: f\n`).documents;
    expect([document!.locate("/data/c"), document!.locate("/data/e")]).toEqual([
      { line: 5, column: 13 },
      { line: 6, column: 6 },
    ]);
  });
});
