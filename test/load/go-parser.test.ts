// What kubectl's reader (go-yaml v2 through sigs.k8s.io/yaml v1.4.0) says of
// a document, found by go-scanner.ts and go-parser.ts. Each expectation is
// what go-yaml printed for the same text (the line is the scanner's 1-based,
// the parser's 0-based, and none on the first line).
import { describe, expect, it } from "vitest";
import { goYamlFailure, goYamlMessage, kubectlSyntaxError } from "../../src/load/go-parser.js";

const said = (text: string): string | null => {
  const failure = goYamlFailure(text);
  return failure ? goYamlMessage(failure) : null;
};

const REFUSED: Array<[string, string, string]> = [
  ["a key less indented than its mapping", "a:\n    b: 1\n  c: 2\n", "yaml: line 2: did not find expected key"],
  ["a key more indented under a value", "a: 1\n  b: 2\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a value with `: ` in it", "a: b: c\n", "yaml: mapping values are not allowed in this context"],
  ["a list item in a mapping", "a: 1\n- b\n", "yaml: line 1: did not find expected key"],
  ["a key out of a list item's line", "- a: 1\n   b: 2\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a sequence entry after a value", "a: b - c\nd: - e\n", "yaml: line 2: block sequence entries are not allowed in this context"],
  ["a flow list left open", "a: [1, 2\nb: 3\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a flow mapping left open", "a: {b: 1\n", "yaml: line 1: did not find expected ',' or '}'"],
  ["a flow mapping closed twice", "a: {b: 1}}\n", "yaml: did not find expected key"],
  ["a block entry in a flow list", "a: [1,\n- 2]\n", "yaml: line 1: did not find expected node content"],
  ["a key indicator alone in a flow list", "a: [?]\n", "yaml: line 1: did not find expected ',' or ']'"],
  ["a tab as indentation", "a:\n\tb: 1\n", "yaml: line 2: found character that cannot start any token"],
  ["a tab before a comment", "a: 1\n\t# note\n", "yaml: line 2: found a tab character that violates indentation"],
  ["a tab line in a plain scalar", "a: b\n\t\n  c\n", "yaml: line 2: found a tab character that violates indentation"],
  ["a tab in a block scalar's indentation", "a: |\n  x\n\ty\n", "yaml: line 3: found a tab character where an indentation space is expected"],
  ["a double quote left open", 'a: "b\nc: d\n', "yaml: line 3: found unexpected end of stream"],
  ["a single quote left open", "a: 'b\n", "yaml: line 2: found unexpected end of stream"],
  ["a document marker in a quote", "a: 'b\n...\n'\n", "yaml: line 2: found unexpected document indicator"],
  ["an unknown escape", 'a: "\\/"\n', "yaml: found unknown escape character"],
  ["a short hex escape", 'a: "\\x4"\n', "yaml: did not find expected hexdecimal number"],
  ["a lone surrogate escape", 'a: "\\uD800"\n', "yaml: found invalid Unicode character escape code"],
  ["an alias to no anchor", "a: *x\n", "yaml: unknown anchor 'x' referenced"],
  ["an alias before its anchor", "a: *x\nb: &x 1\n", "yaml: unknown anchor 'x' referenced"],
  ["an alias to no anchor before a syntax error", "a: *x\nb: ]\n", "yaml: unknown anchor 'x' referenced"],
  ["an empty anchor", "a: &\n", "yaml: did not find expected alphabetic or numeric character"],
  ["an anchor name with a dot", "a: &a.b 1\n", "yaml: did not find expected alphabetic or numeric character"],
  ["a reserved character", "a: @b\n", "yaml: found character that cannot start any token"],
  ["a backquote", "a: `b`\n", "yaml: found character that cannot start any token"],
  ["an undefined tag handle", "a: !e!x 1\n", "yaml: found undefined tag handle"],
  ["a verbatim tag left open", "a: !<x 1\n", "yaml: did not find the expected '>'"],
  ["a block scalar with indentation 0", "a: |0\n  x\n", "yaml: found an indentation indicator equal to 0"],
  ["text after a block scalar's header", "a: | x\n", "yaml: did not find expected comment or line break"],
  ["a block scalar's line less indented", "a: |\n    x\n  y\nb: 1\n", "yaml: line 2: did not find expected key"],
  ["an unknown directive", "%FOO\na: 1\n", "yaml: found unknown directive name"],
  ["a directive with no document start", "%YAML 1.1\na: 1\n", "yaml: line 1: did not find expected <document start>"],
  ["a YAML 1.2 directive", "%YAML 1.2\n---\na: 1\n", "yaml: found incompatible YAML document"],
  ["a %TAG directive twice", "%TAG !e! tag:x:\n%TAG !e! tag:y:\n---\na: 1\n", "yaml: line 1: found duplicate %TAG directive"],
  ["a key over 1,024 characters", `${"k".repeat(1030)}: v\n`, "yaml: mapping values are not allowed in this context"],
  ["a key over two lines", "a\nb: 1\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["a closing bracket alone", "]\n", "yaml: did not find expected node content"],
  ["lines counted at a lone CR", "a: 1\rb: 2\r  c: 3\r", "yaml: line 3: mapping values are not allowed in this context"],
  ["lines counted at LS", "a: 1\u2028b: 2\u2028  c: 3\n", "yaml: line 3: mapping values are not allowed in this context"],
  ["lines counted at NEL", "a: 1\u0085  c: 3\n", "yaml: line 2: mapping values are not allowed in this context"],
  ["lines counted after a byte order mark", "\ufeffa: 1\n  b: 2\n", "yaml: line 2: mapping values are not allowed in this context"],
];

const READ: Array<[string, string]> = [
  ["a mapping with flow collections, block scalars, anchors and aliases", "a: &x {b: [1, 2], c: d}\ne: *x\nf: |\n  g\n   h\ni: >-\n  j\n"],
  ["a list of mappings", '- a: 1\n  b: [x, y]\n-   c: "d\\u00e9"\n'],
  ["tags and directives", "%YAML 1.1\n%TAG !e! tag:example.com,2000:\n---\na: !e!x 1\nb: !!str 2\nc: !<tag:x> 3\n"],
  ["a quoted scalar going on less indented", 'a:\n  b: "x\ny"\n'],
  ["a key indicator inside a plain value", "a: b ? c\n"],
  ["an error after the first document (go-yaml reads no further)", "a: 1\n...\n]\n"],
  ["comments only", "# nothing\n"],
  ["nothing", ""],
];

describe("go-yaml's refusal of a document", () => {
  it.each(REFUSED)("%s", (_, text, message) => {
    expect(said(text)).toBe(message);
  });

  it.each(READ)("reads %s", (_, text) => {
    expect(said(text)).toBeNull();
  });

  it("stops at go-yaml's nesting limit", () => {
    expect(said(`a: ${"[".repeat(10_001)}`)).toBe("yaml: exceeded max depth of 10000");
  });
});

describe("kubectl's words for a --- chunk", () => {
  const text = "a: 1\n---\nb: 2\n  c: 3\n";
  it("counts lines from the line after the --- line, and places the finding in the file", () => {
    const start = text.indexOf("---");
    expect(kubectlSyntaxError(text, start, text.length)).toEqual({
      offset: text.indexOf(": 3"),
      message: "error converting YAML to JSON: yaml: line 2: mapping values are not allowed in this context",
      problem: "mapping values are not allowed in this context",
    });
    expect(kubectlSyntaxError(text, 0, start)).toBeUndefined();
  });

  it("places a collection left open where it opens", () => {
    const open = "a: 1\nb: [x\n";
    expect(kubectlSyntaxError(open, 0, open.length)?.offset).toBe(open.indexOf("["));
  });

  it("places a key that lacks its ':' at the key", () => {
    const key = "m:\n  a: |\n    x\n  y\n  b: c\n";
    expect(kubectlSyntaxError(key, 0, key.length)).toEqual({
      offset: key.indexOf("y"),
      message: "error converting YAML to JSON: yaml: line 5: could not find expected ':'",
      problem: "could not find expected ':'",
    });
  });
});
