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
