// A quoted scalar read to its closing quote as go-yaml reads it, whatever
// the indentation of its lines: a tab-only line or a line less indented than
// its mapping is folded like any other. Every way of loading agrees; each
// expectation is what kubectl reads or reports.
import { describe, expect, it } from "vitest";
import { parseManifests } from "../../src/load/documents.js";
import { loadEveryWay as load } from "./load-every-way.js";

const HEAD = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n";

describe("quoted scalars over several lines", () => {
  it.each([
    ['  a: "x\n\t\n    y"', { a: "x\ny" }],
    ['  a: "x\n  \t  \n    y"', { a: "x\ny" }],
    ['  a: "x\n\t\n\t\n    y"', { a: "x\n\ny" }],
    ["  a: 'x\n\t\n    y'", { a: "x\ny" }],
    ['  a: "x\n\t y"', { a: "x y" }],
    ['  a: "x\n\t\ty"', { a: "x y" }],
    ['  a: "x\n    \t\n"', { a: "x\n" }],
    ['  a: "x\ny"', { a: "x y" }],
    ["  a: 'x\ny'", { a: "x y" }],
    ['  a: "x\\\ny  z"', { a: "xy  z" }],
    ['  a: "x  \n  \t  y\\t\\u00e9"', { a: "x y\té" }],
    ['  a: ["x\ny", "p\n\tq"]', { a: ["x y", "p q"] }],
    ['  ? "a\nb"\n  : x', { "a b": "x" }],
    ['  a: "x\ny"\n  b: "p\n\tq"\n  c: 1', { a: "x y", b: "p q", c: 1 }],
    // Already read alike: left as they were.
    ['  a: "x\n    y"', { a: "x y" }],
    ["  a: [x,\n\t\n    y]", { a: ["x", true] }],
  ])("reads %j", (lines, data) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(parsed.documents.map((d) => d.object.data)).toEqual([data]);
  });

  it("places what follows where it was written", () => {
    const parsed = load(`${HEAD}  a: "x\n\t\ny"\n  b: 1\n`);
    expect(parsed.documents[0]!.locate("/data/b")).toEqual({ line: 8, column: 6 });
    expect(parsed.documents[0]!.locate("/data/a")).toEqual({ line: 5, column: 6 });
  });

  it.each([
    ['  a: "x\n\n', 5, 6, "line 8: found unexpected end of stream"],
    ['  a: "x\n...\ny"', 6, 1, "line 6: found unexpected document indicator"],
    ['  a: "x\n\\/ y"', 6, 1, "line 6: found unknown escape character"],
    ['  a: "x\n\\x4 y"', 6, 1, "line 6: did not find expected hexdecimal number"],
  ])("refuses %j in go-yaml's words", (lines, line, column, message) => {
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings[0]!.rule).toBe("yaml/syntax");
    expect([parsed.findings[0]!.line, parsed.findings[0]!.column]).toEqual([line, column]);
    expect(parsed.findings[0]!.message.startsWith(`YAML syntax error: error converting YAML to JSON: yaml: ${message}`)).toBe(true);
  });

  it("reads many such scalars", () => {
    const lines = Array.from({ length: 200 }, (_, i) => `  k${i}: "x\n\t\n    y"`).join("\n");
    const parsed = load(`${HEAD}${lines}\n`);
    expect(parsed.findings).toEqual([]);
    expect(Object.keys(parsed.documents[0]!.object.data as object)).toHaveLength(200);
  });

  it("reads them again in bounded work, leaving those past the bound as the yaml package reads them", () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `  k${i}: "x\n\t\n    y"`).join("\n");
    const started = performance.now();
    const parsed = parseManifests(`${HEAD}${lines}\n`, "in.yaml");
    expect(performance.now() - started).toBeLessThan(20_000);
    expect(parsed.findings.map((f) => f.rule)).toEqual(["yaml/syntax"]);
  });
});
