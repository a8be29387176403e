// The loader reads a stream as kubectl does: cut at `---` lines first, so a
// broken document damages only itself, and refusing what go-yaml refuses.
// Each broken document is one finding at its line; the others load.
import { describe, expect, test } from "vitest";
import { loadText } from "../../src/load/index.js";
import { splitYamlStream } from "../../src/load/yaml-stream.js";

const cm = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n`;

/** Builds `before`, the broken document, `after`: the broken one starts at line 6 (at 5 when it brings its own --- line). */
function around(broken: string): string {
  return `${cm("before")}---\n${broken}---\n${cm("after")}`;
}

function aliasBomb(): string {
  let text = `${cm("bomb")}data:\n  a: &a ["x","x","x","x","x","x","x","x","x"]\n`;
  for (let i = 1; i < 10; i++) {
    const name = String.fromCharCode(97 + i);
    const previous = String.fromCharCode(96 + i);
    text += `  ${name}: &${name} [${Array(9).fill(`*${previous}`).join(",")}]\n`;
  }
  return text;
}

function nested(depth: number): string {
  return `${cm("deep")}data:\n` + Array.from({ length: depth }, (_, i) => `${"  ".repeat(i + 1)}k${i}:\n`).join("") + `${"  ".repeat(depth + 1)}v\n`;
}

// [name, broken document, rule, line, column, message (start)]
const BROKEN: Array<[string, string, string, number, number, string]> = [
  ["an unterminated quote stops at the next --- line", `${cm('"unterminated')}data: {}\n`, "yaml/syntax", 9, 9, 'YAML syntax error: error converting YAML to JSON: yaml: line 6: found unexpected end of stream'],
  ["an escape go-yaml does not know", `${cm("esc")}data:\n  url: "http:\\/\\/x"\n`, "yaml/syntax", 11, 14, 'YAML syntax error: error converting YAML to JSON: yaml: line 6: found unknown escape character ("\\\\/": write the character without the backslash, or \\\\ for a backslash)'],
  ["a lone surrogate escape", `${cm("esc")}data:\n  a: "\\uD83D"\n`, "yaml/syntax", 11, 7, "YAML syntax error: error converting YAML to JSON: yaml: line 6: found invalid Unicode character escape code"],
  ["a NUL byte", `${cm("nul")}data:\n  a: x\u0000y\n`, "yaml/syntax", 11, 7, "YAML syntax error: error converting YAML to JSON: yaml: control characters are not allowed (U+0000)"],
  ["an escape sequence of the terminal", `${cm("ansi")}data:\n  a: "\u001b[2J"\n`, "yaml/syntax", 11, 7, "YAML syntax error: error converting YAML to JSON: yaml: control characters are not allowed (U+001B)"],
  ["an alias to an anchor of another document", `${cm("alias")}data: *anchor\n`, "yaml/syntax", 10, 7, "YAML syntax error: error converting YAML to JSON: yaml: unknown anchor 'anchor' referenced"],
  ["a merge key with a number", `${cm("merge")}data:\n  <<: 5\n`, "yaml/syntax", 11, 3, "YAML syntax error: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"],
  ["a merge key with a list of scalars", `${cm("merge")}  <<: [1, "x"]\n`, "yaml/syntax", 10, 3, "YAML syntax error: error converting YAML to JSON: yaml: map merge requires map or sequence of maps as the value"],
  ["an alias bomb", aliasBomb(), "yaml/limit", 12, 10, "YAML document contains excessive aliasing"],
  ["2,000 levels of block nesting", nested(2000), "yaml/limit", 510, 1001, "YAML nested more than 500 levels deep"],
  // So deep and broken that the YAML parser runs out of stack before the levels are counted: reported at the document's `---`.
  ["3,000 levels of block nesting with a flow list left open", `${nested(3000)}  bad: [\n`, "yaml/limit", 5, 1, "YAML nested more than 500 levels deep"],
  ["5,000 levels of flow nesting", `${cm("flow")}data: ${"[".repeat(5000)}${"]".repeat(5000)}\n`, "yaml/limit", 10, 506, "YAML nested more than 500 levels deep"],
  ["content after the --- of the document", `--- {apiVersion: v1, kind: ConfigMap}\n`, "yaml/syntax", 5, 1, "YAML syntax error: invalid Yaml document separator: {apiVersion: v1, kind: ConfigMap}"],
];

describe("a broken document damages only itself", () => {
  test.each(BROKEN)("%s", (_, broken, rule, line, column, message) => {
    const text = around(broken).replace(/^---\n(--- )/m, "$1");
    const loaded = loadText(text, "in.yaml");
    expect(loaded.findings.map((f) => [f.rule, f.line, f.column])).toEqual([[rule, line, column]]);
    expect(loaded.findings[0]!.message.startsWith(message)).toBe(true);
    expect(loaded.documents.map((d) => d.object.metadata?.name)).toEqual(["before", "after"]);
    // Positions after the broken document are right.
    const after = loaded.documents[1]!;
    expect(after.locate("/metadata/name").line).toBe(text.split("\n").findIndex((l) => l.includes("name: after")) + 1);
  });

  test("nesting within the limit, anchors, aliases and merge keys within a document still load", () => {
    const loaded = loadText(`${nested(400)}---\n${cm("m")}  labels: &l {a: b}\n  annotations:\n    <<: *l\n    c: d\n`, "in.yaml");
    expect(loaded.findings).toEqual([]);
    expect(loaded.documents[1]!.object.metadata?.annotations).toEqual({ a: "b", c: "d" });
  });

  test("an alias's value is a copy: changing one place leaves the other", () => {
    const [document] = loadText(`${cm("a")}  labels: &l {a: b}\n  annotations: *l\n`, "in.yaml").documents;
    expect(document!.object.metadata!.labels).not.toBe(document!.object.metadata!.annotations);
  });

  test("a lone carriage return is a line break, as go-yaml reads it; lines are counted at line feeds", () => {
    const loaded = loadText("apiVersion: v1\rkind: ConfigMap\rmetadata:\r  name: cr\r---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: lf\n", "in.yaml");
    expect(loaded.findings).toEqual([]);
    expect(loaded.documents.map((d) => [d.object.metadata?.name, d.locate("/metadata/name")])).toEqual([
      ["cr", { line: 1, column: 50 }],
      ["lf", { line: 5, column: 9 }],
    ]);
  });
});

describe("splitYamlStream: kubectl's YAMLReader", () => {
  test.each([
    ["a: 1\n---\nb: 2\n", [[0, 5], [5, 14]]],
    ["---\na: 1\n--- # comment\nb: 2\n", [[0, 9], [9, 28]]],
    ["a: |\n  ---\n  x\n", [[0, 15]]],
    ['{"kind": "List"}\n---\n', [[0, 21]]],
  ])("%j", (text, expected) => {
    expect(splitYamlStream(text).map((chunk) => [chunk.start, chunk.end])).toEqual(expected);
  });

  test("a separator followed by something else is kubectl's error", () => {
    expect(splitYamlStream("a: 1\n---x\n").map((chunk) => chunk.separatorError?.message)).toEqual([undefined, "invalid Yaml document separator: x"]);
  });
});
