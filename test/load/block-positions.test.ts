// Positions of documents the block reader took are read again by it, not by
// yaml's parser: every key and value must be placed where the yaml syntax
// tree places it, and scalars' text kept as yaml keeps it.
import { describe, expect, it } from "vitest";
import { LineCounter, parseDocument } from "yaml";
import { blockOffset, blockScalarSource, readBlockPlaces } from "../../src/load/block-positions.js";
import { locateInDocument, scalarSourceAt } from "../../src/load/yaml-ast.js";
import { KUBERNETES_YAML_OPTIONS } from "../../src/load/yaml-options.js";
import { escapeSegment } from "../../src/util/pointer.js";

const TEXTS: Array<[string, string]> = [
  ["nested mappings", "a:\n  b:\n    c: d\ne: f\n"],
  ["sequences deeper and at the key's indentation", "a:\n  - x\n  - y\nb:\n- 1\n- z: 2\n  w: 3\n"],
  ["mappings in a sequence", "c:\n  - name: app\n    args:\n    - --port=80\n    - 'q'\n  - name: side\n"],
  ["typed keys and scalars", "1: a\nyes: b\n0x10: c\nd: ~\ne: null\nf: 0644\n"],
  ["quoted keys and values", "'a/b': \"b c\"\nd: 'it''s'\n\"e~f\": ''\n"],
  ["empty values, with and without a comment", "a:\nb: # nothing\nc:\n  d:\ne: {}\nf: []\n"],
  ["literal blocks", "a: |\n  one\n\n  two\nb: |-\n  x\nc:\n  - |\n    y\n  - z\n"],
  ["comments and a marker", "--- # first\n# head\na: b # tail\n\n  # deeper\nc:   # x\n  d: e#f\n"],
  ["an indented document", "  a: b\n  c:\n    - d\n"],
  ["one-line flow lists", "a: [\"/bin/sh\", '-c', x y , 1, yes]\nb: [ ]\nc:\n  - [ 'q''r' ]\n  - k: [~, 0x1F] # c\n"],
];

/** Every pointer of a value, with children that do not exist beside those that do. */
function pointers(value: unknown, pointer = ""): string[] {
  if (value === null || typeof value !== "object") return [pointer];
  const children = Object.keys(value).flatMap((key) => pointers((value as Record<string, unknown>)[key], `${pointer}/${escapeSegment(key)}`));
  return [pointer, ...children, `${pointer}/missing`, `${pointer}/0`, `${pointer}/7`];
}

function contentsOf(text: string): number {
  const contents = text.search(/^ *[^\s#-]|^-[^-]/m);
  return contents + (/^ */.exec(text.slice(contents))?.[0].length ?? 0);
}

describe("block reader positions", () => {
  it.each(TEXTS)("places every key and value of %s where yaml's syntax tree does", (_, text) => {
    const places = readBlockPlaces(text, text.length, contentsOf(text));
    expect(places).toBeDefined();
    const doc = parseDocument(text, KUBERNETES_YAML_OPTIONS);
    const lines = new LineCounter();
    lines.addNewLine(0);
    for (let at = text.indexOf("\n"); at >= 0; at = text.indexOf("\n", at + 1)) lines.addNewLine(at + 1);
    const position = (offset: number) => {
      const { line, col } = lines.linePos(offset);
      return { line, column: col };
    };
    for (const pointer of pointers(places!.root.node)) {
      for (const key of [false, true]) {
        expect(position(blockOffset(places!, pointer, key)), `${pointer} ${key ? "key" : "value"}`).toStrictEqual(locateInDocument(doc, lines, pointer, key));
      }
      expect(blockScalarSource(places!, pointer), pointer).toStrictEqual(scalarSourceAt(doc, pointer));
    }
  });

  const text = "a:\n  b: 'x'\n  c:\n  d:\n  - 1\n";
  const places = readBlockPlaces(text, text.length, 0)!;
  it.each([
    ["a value", "/a/b", false, 8],
    ["its key", "/a/b", true, 5],
    ["an empty value: its key", "/a/c", false, 14],
    ["a sequence: its first entry", "/a/d", false, 24],
    ["a missing field: its parent's key", "/a/e", false, 0],
    ["a missing item: the sequence's key", "/a/d/3", false, 19],
    ["the document", "", false, 0],
  ] as const)("places %s", (_, pointer, key, offset) => {
    expect(blockOffset(places, pointer, key)).toBe(offset);
  });

  it.each([
    ["a quoted scalar, unquoted", "/a/b", "x"],
    ["a plain scalar, as written", "/a/d/0", "1"],
    ["an empty value", "/a/c", ""],
    ["no text for a mapping", "/a", undefined],
    ["no text for what is missing", "/a/e", undefined],
  ] as const)("keeps the text of %s", (_, pointer, source) => {
    expect(blockScalarSource(places, pointer)).toBe(source);
  });

  it("leaves to yaml a document the block reader does not take", () => {
    expect(readBlockPlaces("a: {b: c}\n", 10, 0)).toBeUndefined();
  });
});
