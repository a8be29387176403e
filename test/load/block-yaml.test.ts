// The block reader takes the block YAML most manifests are written in and
// gives what the full parse gives; everything else it gives back (undefined),
// for js-yaml and the other ways to read.
import { describe, expect, it } from "vitest";
import { parseDocument } from "yaml";
import { blockReadable, readBlockDocument } from "../../src/load/block-yaml.js";
import { documentToJS } from "../../src/load/yaml-ast.js";
import { KUBERNETES_YAML_OPTIONS } from "../../src/load/yaml-options.js";

/** The document as the full parse reads it. */
function composed(text: string): unknown {
  return (documentToJS(parseDocument(text, KUBERNETES_YAML_OPTIONS)) as { value: unknown }).value;
}

/** The block reader's value of a one-document text. */
function read(text: string): Record<string, unknown> | undefined {
  const contents = text.search(/^[^\s#-]|^-[^-]/m);
  return readBlockDocument(text, text.length, contents < 0 ? 0 : contents);
}

const TAKEN: Array<[string, string]> = [
  ["nested mappings", "a:\n  b:\n    c: d\ne: f\n"],
  ["sequence under a key, deeper", "a:\n  - x\n  - y\nb: 1\n"],
  ["sequence at the key's indentation", "a:\n- x\n- y\nb: 1\n"],
  ["mappings in a sequence", "c:\n  - name: app\n    image: nginx:1.27\n    args:\n    - --port=80\n    - -v\n  - name: side\n"],
  ["plain scalars typed as go-yaml types them", "a: yes\nb: 0644\nc: 1_000\nd: ~\ne: 1.50\nf: -1\ng: .inf\nh: 0x1F\ni: on\n"],
  ["keys typed, then made strings", "1: a\nyes: b\n0x10: c\n0X11: d\n2.50: e\n"],
  ["quoted scalars and keys", "'a': \"b c\"\nd: 'it''s'\n\"e\": ''\nf: \"#x: y\"\n"],
  ["comments and blank lines", "# head\na: b # tail\n\n  # deeper comment\nc:   # nothing\n  d: e#f\n"],
  ["empty values", "a:\nb:\n  c:\nd: {}\ne: []\n"],
  ["literal blocks", "a: |\n  one\n    two\n\n  three\nb: |-\n  x\n\n\nc: 1\n"],
  ["literal block with leading empty lines and a comment header", "a: | # text\n\n  x\n  # not a comment\nb: 2\n"],
  ["literal block in a sequence", "a:\n  - |\n    x\n  - y\n"],
  ["indented document", "  a: b\n  c: d\n"],
  ["URLs and colons inside scalars", "a: http://x:80/y\nhttp://k: v\n"],
  ["after a marker", "--- # first\na: b\n"],
  ["one-line flow lists of quoted scalars", "command: [\"/bin/sh\", \"-c\"]\nargs: ['it''s', \"a b\" , '']\n"],
  ["one-line flow lists of plain scalars, typed", "a: [yes, 1, 0x1F, ~, 0644, -1, .inf, -v, --port=80, a b, x/y.z]\nb: [ ]\nc: [ a ,b ] # tail\n"],
  ["flow lists in a sequence", "a:\n  - [x, 'y']\n  - []\n  - k: [\"z\"]\n"],
];

const REFUSED: Array<[string, string]> = [
  ["flow lists of flow collections", "a: [x, [y]]\n"],
  ["flow lists with a colon", "a: [k: v]\n"],
  ["flow lists with an IPv6 address", "a: [fe80::]\n"],
  ["flow lists with a comment inside", "a: [x #y\n  ]\n"],
  ["flow lists over two lines", "a: [x,\n  y]\n"],
  ["flow lists with a trailing comma", "a: [x, ]\n"],
  ["flow lists with an empty entry", "a: [x, , y]\n"],
  ["flow lists with a lone dash", "a: [-, x]\n"],
  ["flow lists with an anchor", "a: [&x y]\n"],
  ["flow lists with an escape", "a: [\"\\t\"]\n"],
  ["flow lists with text after a quote", "a: ['x'y]\n"],
  ["flow lists with a quote inside a plain scalar", "a: [it's]\n"],
  ["flow lists with a tab", "a: [x,\ty]\n"],
  ["flow lists with a comment right after", "a: [x]#c\n"],
  ["flow lists with text after", "a: [x] y\n"],
  ["a flow mapping", "a: {b: c}\n"],
  ["folded blocks", "a: >\n  x\n"],
  ["kept blocks", "a: |+\n  x\n"],
  ["indentation indicators", "a: |2\n   x\n"],
  ["an empty block", "a: |\nb: c\n"],
  ["multi-line plain scalars", "a: b\n  c\n"],
  ["a value on the next line", "a:\n  b\n"],
  ["anchors and aliases", "a: &x b\nc: *x\n"],
  ["tags", "a: !!str 1\n"],
  ["escapes", 'a: "\\n"\n'],
  ["duplicate keys", "a: 1\na: 2\n"],
  ["keys that read alike", "1: a\n1.0: b\n"],
  ["merge keys", "<<: {}\n"],
  ["the prototype's key", "__proto__: x\n"],
  ["a key and value on one line after another", "a: b: c\n"],
  ["empty sequence entries", "a:\n  -\n"],
  ["a sequence in a sequence's entry", "a:\n  - - x\n"],
  ["bad indentation", "a:\n    b: 1\n  c: 2\n"],
  ["a sequence after a mapping's entry", "a: 1\n- x\n"],
  ["a top-level sequence", "- a\n"],
  ["text after a quoted scalar", "a: 'b' c\n"],
  ["spaces before a key's colon", "a : b\n"],
  ["keys with quotes inside", "a'b: c\n"],
  ["a key that starts with a dash", "-a: b\n"],
  ["reserved indicators", "a: @x\n"],
  ["explicit keys", "? a\n: b\n"],
  ["a comment right after a value's quote", "a: 'b'#c\n"],
];

describe("readBlockDocument", () => {
  it.each(TAKEN)("reads %s as the full parse does", (_, text) => {
    const value = read(text);
    expect(value).toBeDefined();
    expect(value).toStrictEqual(composed(text));
    expect(Object.keys(value!)).toStrictEqual(Object.keys(composed(text) as object));
  });

  it.each(REFUSED)("leaves %s to js-yaml", (_, text) => {
    expect(read(text)).toBeUndefined();
  });

  it.each([
    ["text", "a: b\n", true],
    ["a control character", "a: b\u0001\n", false],
    ["a C1 control", "a: b\u0086\n", false],
    ["a next-line character", "a: b\u0085\n", true],
    ["a lone surrogate", "a: \ud800\n", false],
    ["a surrogate pair", "a: \ud83d\ude00\n", true],
  ])("takes a file with %s: %s", (_, text, readable) => {
    expect(blockReadable(text as string)).toBe(readable);
  });
});
