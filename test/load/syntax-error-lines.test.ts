// Where a broken document's error is reported, held against what kubectl
// 1.35 printed for the same document (`kubectl create --dry-run=client -f`).
// kubectl numbers lines from the start of the `---` chunk, and go-yaml
// prints a scanner error's line 1-based but a parser error's 0-based (the
// line before the problem: `{name: x}}` on line 3 is "line 2: did not find
// expected key"). kubeplan reports the line of the problem in the file: the
// chunk's first line - 1 + kubectl's line, + 1 for a parser error.
import { describe, expect, test } from "vitest";
import { loadText } from "../../src/load/index.js";

const good = (name: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\ndata:\n  n: "1"\n`;
/** The broken document is the second of three: its chunk starts on line 8. */
const CHUNK_START = 8;
const head = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n";

interface Case {
  name: string;
  broken: string;
  /** What kubectl printed: `line N: message`, and whether go-yaml's scanner or parser said it. */
  kubectl: { line: number; by: "scanner" | "parser"; message: string };
  column: number;
  /** Where the finding is when not on the line kubectl prints: the key that lacks its `:`, the list left open. */
  at?: { line: number; column: number };
}

const CASES: Case[] = [
  { name: "more indented key under a value", broken: `${head}   bad: y\n`, kubectl: { line: 5, by: "scanner", message: "mapping values are not allowed in this context" }, column: 7 },
  { name: "more indented key, CRLF line ends", broken: `${head}   bad: y\n`.replace(/\n/g, "\r\n"), kubectl: { line: 5, by: "scanner", message: "mapping values are not allowed in this context" }, column: 7 },
  { name: "a key indented under a key with no value", broken: `${head}  labels:\n  a: b\n    c: d\n`, kubectl: { line: 7, by: "scanner", message: "mapping values are not allowed in this context" }, column: 6 },
  { name: "a block scalar's line less indented", broken: `${head}data:\n  a: |\n    one\n  two\n  b: c\n`, kubectl: { line: 9, by: "scanner", message: "could not find expected ':'" }, column: 4, at: { line: 15, column: 3 } },
  { name: "a value with a colon and a space", broken: `${head}data:\n  a: b: c\n`, kubectl: { line: 6, by: "scanner", message: "mapping values are not allowed in this context" }, column: 7 },
  { name: "less indented key", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n    name: x\n  bad: y\n", kubectl: { line: 4, by: "parser", message: "did not find expected key" }, column: 3 },
  { name: "a list item's key out of line", broken: `${head}spec:\n  containers:\n  - name: a\n   image: b\n`, kubectl: { line: 7, by: "parser", message: "did not find expected key" }, column: 4 },
  { name: "a list item in a mapping", broken: `${head}data:\n  a: b\n  - c\n`, kubectl: { line: 6, by: "parser", message: "did not find expected key" }, column: 3 },
  { name: "a list after a mapping", broken: `${head}- a\n`, kubectl: { line: 4, by: "parser", message: "did not find expected key" }, column: 1 },
  { name: "text after a quoted value", broken: `${head}data:\n  a: "b" c\n`, kubectl: { line: 5, by: "parser", message: "did not find expected key" }, column: 10 },
  { name: "a flow mapping closed twice", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}}\n", kubectl: { line: 2, by: "parser", message: "did not find expected key" }, column: 20 },
  { name: "a flow mapping left open", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a\ndata: [\n", kubectl: { line: 3, by: "parser", message: "did not find expected ',' or '}'" }, column: 5 },
  { name: "a flow list left open", broken: `${head}data: [a, b\n`, kubectl: { line: 5, by: "parser", message: "did not find expected ',' or ']'" }, column: 1, at: { line: 12, column: 7 } },
  { name: "a tab as indentation", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: x\n", kubectl: { line: 4, by: "scanner", message: "found character that cannot start any token" }, column: 1 },
  { name: "a tab as indentation further down", broken: `${head}data:\n  a: b\n\tc: d\n`, kubectl: { line: 7, by: "scanner", message: "found a tab character that violates indentation" }, column: 1 },
  { name: "an unknown escape", broken: `${head}data:\n  path: "a\\/b"\n`, kubectl: { line: 6, by: "scanner", message: "found unknown escape character" }, column: 11 },
  { name: "a bad hexadecimal escape", broken: `${head}data:\n  a: ok\n  path: "a\\xZZ"\n`, kubectl: { line: 7, by: "scanner", message: "did not find expected hexdecimal number" }, column: 11 },
  { name: "an empty anchor", broken: `${head}data:\n  a: &\n  b: c\n`, kubectl: { line: 6, by: "scanner", message: "did not find expected alphabetic or numeric character" }, column: 6 },
  { name: "a reserved character", broken: `${head}data:\n  a: @b\n`, kubectl: { line: 6, by: "scanner", message: "found character that cannot start any token" }, column: 6 },
  { name: "a backtick", broken: `${head}data:\n  a: \`b\`\n`, kubectl: { line: 6, by: "scanner", message: "found character that cannot start any token" }, column: 6 },
  { name: "a key over 1,024 characters", broken: `${head}data:\n  ${"k".repeat(1100)}: v\n`, kubectl: { line: 6, by: "scanner", message: "mapping values are not allowed in this context" }, column: 3 },
];

/**
 * Where kubectl printed no line, or where kubeplan says more: the finding's
 * line and column, and what kubectl printed.
 */
const OTHERS: Array<{ name: string; broken: string; kubectl: string; line: number; column: number }> = [
  // kubectl: the end of the chunk; the quote that is never closed says more.
  { name: "an unterminated double quote", broken: `${head}data:\n  x: "open\n  y: z\n`, kubectl: "line 8: found unexpected end of stream", line: 13, column: 6 },
  { name: "an unterminated single quote", broken: `${head}data:\n  x: 'open\n  y: z\n`, kubectl: "line 8: found unexpected end of stream", line: 13, column: 6 },
  { name: "a NUL byte", broken: `${head}data:\n  a: b\u0000c\n`, kubectl: "control characters are not allowed", line: 13, column: 7 },
  { name: "binary junk", broken: "\u0000\u0001\u00ff\u00fe junk \u001b[31m\n\u007f\u0085\n", kubectl: "control characters are not allowed", line: 8, column: 1 },
  { name: "an alias to no anchor", broken: `${head}data:\n  a: *nope\n`, kubectl: "unknown anchor 'nope' referenced", line: 13, column: 6 },
  { name: "a merge key with a number", broken: "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  <<: 5\n  name: m\n", kubectl: "map merge requires map or sequence of maps as the value", line: 11, column: 3 },
];

function load(broken: string) {
  const text = `${good("a")}---\n${broken}---\n${good("c")}`;
  return { text, loaded: loadText(text, "in.yaml") };
}

function expectOthersLoaded(text: string, loaded: ReturnType<typeof loadText>): void {
  expect(loaded.documents.map((d) => d.object.metadata?.name)).toEqual(["a", "c"]);
  expect(loaded.documents[1]!.locate("/metadata/name").line).toBe(text.split("\n").length - 3);
}

describe("a syntax error is reported at the line go-yaml finds it on", () => {
  test.each(CASES)("$name", ({ broken, kubectl, column, at }) => {
    const { text, loaded } = load(broken);
    const line = CHUNK_START - 1 + kubectl.line + (kubectl.by === "parser" ? 1 : 0);
    expect(loaded.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["yaml/syntax", at?.line ?? line, at?.column ?? column]]);
    expect(loaded.findings[0]!.message.startsWith(`YAML syntax error: error converting YAML to JSON: yaml: line ${kubectl.line}: ${kubectl.message}`)).toBe(true);
    expectOthersLoaded(text, loaded);
  });

  test.each(OTHERS)("$name", ({ broken, kubectl, line, column }) => {
    const { text, loaded } = load(broken);
    expect(loaded.findings.map((f) => [f.rule, f.line, f.column])).toEqual([["yaml/syntax", line, column]]);
    expect(loaded.findings[0]!.message.startsWith(`YAML syntax error: error converting YAML to JSON: yaml: ${kubectl}`)).toBe(true);
    expectOthersLoaded(text, loaded);
  });
});
