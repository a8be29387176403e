// Text edits that make a change of a document (YamlChange) where it is
// written, and touch nothing else: a key or a scalar is replaced in place,
// quoted as it was; a key and its value are removed, moved or replaced as
// whole lines, comments and blank lines around them kept; a new key is
// written with the indentation of its mapping. A change that cannot be made that way (flow
// collections, aliases, a key after "- ") gives no edits at all.
import { Document, isMap, isPair, isScalar, isSeq, Scalar, type Node, type Pair, type YAMLMap } from "yaml";
import type { TextEdit, YamlChange } from "../types.js";
import { parsePointer } from "../util/pointer.js";
import { KUBERNETES_YAML_OPTIONS } from "./yaml-options.js";
import { keyText } from "./yaml-ast.js";

/** The YAML a document's syntax tree was parsed from, and where its offsets are in the file. */
export interface YamlSource {
  doc: Document;
  /** The text the tree's offsets count in. */
  text: string;
  /** Line and column (1-based) in the file of an offset of `text`. */
  position(offset: number): { line: number; col: number };
}

/** An edit by offsets of the source text. */
interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** What a change needs to know of a key: its pair and the mapping that holds it. */
interface Entry {
  map: YAMLMap;
  pair: Pair<Scalar, Node | null>;
}

class Unplannable extends Error {}

function fail(): never {
  throw new Unplannable();
}

/** The node at a pointer, the key that holds it (if a mapping does), and whether a flow collection encloses it. */
interface Located {
  node: unknown;
  entry?: Entry;
  flow: boolean;
}

function childNode(parent: Located, segment: string): Located {
  const { node } = parent;
  const flow = parent.flow || ((isMap(node) || isSeq(node)) && node.flow === true);
  if (isMap(node)) {
    for (const pair of node.items) {
      if (isPair(pair) && isScalar(pair.key) && (keyText(pair.key) ?? String(pair.key.value)) === segment) {
        return { node: pair.value, entry: { map: node, pair: pair as Pair<Scalar, Node | null> }, flow };
      }
    }
    return fail();
  }
  if (isSeq(node) && /^\d+$/.test(segment) && Number(segment) < node.items.length) return { node: node.items[Number(segment)], flow };
  // Aliases, merge keys and anything else: the text at the pointer is not the value's own.
  return fail();
}

function nodeAt(doc: Document, pointer: string): Located {
  let current: Located = { node: doc.contents, flow: false };
  for (const segment of parsePointer(pointer)) current = childNode(current, segment);
  return current;
}

function entryAt(doc: Document, pointer: string): Entry {
  return nodeAt(doc, pointer).entry ?? fail();
}

function blockMapAt(doc: Document, pointer: string): YAMLMap {
  const { node } = nodeAt(doc, pointer);
  if (!isMap(node) || node.flow || node.items.length === 0) return fail();
  return node;
}

const lineStart = (text: string, offset: number): number => text.lastIndexOf("\n", offset - 1) + 1;

/** The offset just past the line break ending the line of `offset` (or the end of the text). */
function nextLineStart(text: string, offset: number): number {
  const end = text.indexOf("\n", offset);
  return end < 0 ? text.length : end + 1;
}

function newlineOf(text: string): string {
  return text.includes("\r\n") ? "\r\n" : "\n";
}

/** A scalar written on one line, not a block scalar: its text can be replaced in place. */
function inlineScalar(text: string, node: unknown): Scalar & { range: [number, number, number] } {
  if (!isScalar(node) || !node.range || node.type === "BLOCK_LITERAL" || node.type === "BLOCK_FOLDED") return fail();
  const [start, end] = node.range;
  if (end <= start || text.slice(start, end).includes("\n")) return fail();
  return node as Scalar & { range: [number, number, number] };
}

/** The scalar as YAML would write it on its own, as Kubernetes reads it (YAML 1.1: `"on"`, `"0644"` quoted). */
function plainOrQuoted(value: string | number | boolean, flow: boolean): string {
  if (typeof value !== "string") return String(value);
  const written = new Document(value, KUBERNETES_YAML_OPTIONS).toString({ lineWidth: 0 }).replace(/\n$/, "");
  if (written.includes("\n") || (flow && /[,[\]{}]/.test(written) && !/^["']/.test(written))) return JSON.stringify(value);
  return written;
}

/** `value` in the quoting style of the scalar it replaces: quoted stays quoted, plain stays plain where it reads the same. */
function scalarText(value: string | number | boolean, replaced: Scalar, flow: boolean): string {
  if (typeof value === "string" && replaced.type === "QUOTE_DOUBLE") return JSON.stringify(value);
  if (typeof value === "string" && replaced.type === "QUOTE_SINGLE") return `'${value.replace(/'/g, "''")}'`;
  return plainOrQuoted(value, flow);
}

function replaceScalar(text: string, node: unknown, replacement: (scalar: Scalar) => string): OffsetEdit {
  const scalar = inlineScalar(text, node);
  const [start, end] = scalar.range;
  return { start, end, text: replacement(scalar) };
}

/** The offset past the line break after a key's value (its comment included). */
function pairEnd(text: string, pair: Pair): number {
  const keyEnd = (pair.key as Node | null)?.range?.[1] ?? fail();
  const value = pair.value as Node | null;
  const valueEnd = value?.range && value.range[1] > keyEnd ? value.range[1] : keyEnd;
  return text[valueEnd - 1] === "\n" ? valueEnd : nextLineStart(text, valueEnd);
}

/** The whole lines of a key and its value, in a block mapping, from the key's line to the end of the value's last line. */
function pairLines(text: string, entry: Entry): { start: number; end: number; indent: number } {
  const key = entry.pair.key;
  if (entry.map.flow || !key.range) return fail();
  const start = lineStart(text, key.range[0]);
  // A key after "- " starts a list item: removing its line would remove the item's other keys' "- ".
  if (text.slice(start, key.range[0]).trim() !== "") return fail();
  return { start, end: pairEnd(text, entry.pair), indent: key.range[0] - start };
}

/** How many columns a nested mapping is indented by here (2 unless the file says otherwise). */
function indentStep(text: string, map: YAMLMap): number {
  const firstKey = (map.items[0]?.key as Node | undefined)?.range?.[0];
  if (firstKey === undefined) return 2;
  const column = firstKey - lineStart(text, firstKey);
  return column > 0 && column <= 8 ? Math.min(column, 4) : 2;
}

/** The smallest indentation the file uses (2 unless it says otherwise): how far a nested mapping written anew goes in. */
function fileIndentStep(text: string): number {
  let step = Infinity;
  for (const match of text.matchAll(/\n( +)\S/g)) step = Math.min(step, match[1]!.length);
  return step <= 8 ? step : 2;
}

/** The start of the comment lines, at this indentation, just above the line at `start`: they belong to its key. */
function commentsAbove(text: string, start: number, indent: number): number {
  const prefix = " ".repeat(indent) + "#";
  let at = start;
  while (at > 0) {
    const previous = lineStart(text, at - 1);
    if (!text.startsWith(prefix, previous)) break;
    at = previous;
  }
  return at;
}

/** Where a new first key of a block mapping goes (above the comments of its first key), and its indentation. */
function insertionPoint(text: string, map: YAMLMap): { offset: number; indent: number } {
  const first = map.items[0]!;
  const keyStart = (first.key as Node | undefined)?.range?.[0] ?? fail();
  const start = lineStart(text, keyStart);
  const indent = keyStart - start;
  if (text.slice(start, keyStart).trim() === "") return { offset: commentsAbove(text, start, indent), indent };
  // The mapping starts after "- ": the new key goes on the line after its first key and value.
  return { offset: pairEnd(text, first), indent };
}

function indentLines(lines: string, indent: number, newline: string): string {
  return lines
    .split("\n")
    .filter((line, i, all) => i < all.length - 1 || line !== "")
    .map((line) => (line === "" ? line : " ".repeat(indent) + line) + newline)
    .join("");
}

function renderPair(key: string, value: unknown, indent: number, step: number, newline: string): string {
  const yaml = new Document({ [key]: value }, KUBERNETES_YAML_OPTIONS).toString({ lineWidth: 0, indent: step });
  return indentLines(yaml, indent, newline);
}

/** Lines re-indented by `delta` columns; every line must have the columns to lose. */
function reindent(lines: string, delta: number): string {
  return lines.replace(/^[^\n]*/gm, (line) => {
    if (line.trim() === "" || delta === 0) return line;
    if (delta > 0) return " ".repeat(delta) + line;
    if (!line.startsWith(" ".repeat(-delta))) return fail();
    return line.slice(-delta);
  });
}

function hasKey(map: YAMLMap, key: string): boolean {
  return map.items.some((pair) => isScalar(pair.key) && (keyText(pair.key) ?? String(pair.key.value)) === key);
}

function lastSegment(pointer: string): string {
  const segments = parsePointer(pointer);
  return segments[segments.length - 1] ?? fail();
}

function planChange(source: YamlSource, change: YamlChange): OffsetEdit[] {
  const { doc, text } = source;
  const newline = newlineOf(text);
  switch (change.op) {
    case "renameKey": {
      const { entry, flow } = nodeAt(doc, change.pointer);
      if (!entry || hasKey(entry.map, change.name)) return fail();
      return [replaceScalar(text, entry.pair.key, (key) => scalarText(change.name, key, flow || entry.map.flow === true))];
    }
    case "setValue": {
      const { node, flow } = nodeAt(doc, change.pointer);
      return [replaceScalar(text, node, (scalar) => scalarText(change.value, scalar, flow))];
    }
    case "replaceText": {
      // Only a plain scalar: a quoted one (JSON's strings) was meant as the string it is.
      const { node } = nodeAt(doc, change.pointer);
      if (!isScalar(node) || node.type !== "PLAIN") return fail();
      return [replaceScalar(text, node, () => change.text)];
    }
    case "removePair": {
      const lines = pairLines(text, entryAt(doc, change.pointer));
      return [{ start: lines.start, end: lines.end, text: "" }];
    }
    case "replacePair": {
      const entry = entryAt(doc, change.pointer);
      const lines = pairLines(text, entry);
      return [{ start: lines.start, end: lines.end, text: renderPair(change.key, change.value, lines.indent, fileIndentStep(text), newline) }];
    }
    case "insertPair": {
      const map = blockMapAt(doc, change.pointer);
      if (hasKey(map, change.key)) return fail();
      const at = insertionPoint(text, map);
      return [{ start: at.offset, end: at.offset, text: renderPair(change.key, change.value, at.indent, indentStep(text, map), newline) }];
    }
    case "movePair": {
      const lines = pairLines(text, entryAt(doc, change.pointer));
      const map = blockMapAt(doc, change.to);
      if (hasKey(map, lastSegment(change.pointer))) return fail();
      const at = insertionPoint(text, map);
      const moved = reindent(text.slice(lines.start, lines.end), at.indent - lines.indent);
      return [
        { start: at.offset, end: at.offset, text: moved.endsWith("\n") ? moved : moved + newline },
        { start: lines.start, end: lines.end, text: "" },
      ];
    }
  }
}

/** Edits in order; an insertion may sit where a removal starts or ends, nothing may overlap. */
function ordered(edits: OffsetEdit[]): OffsetEdit[] {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]!.start < sorted[i - 1]!.end) fail();
  }
  return sorted;
}

/** The text edits that make `changes` in the source, or undefined when one of them cannot be made in place. */
export function planEdits(source: YamlSource, changes: readonly YamlChange[]): TextEdit[] | undefined {
  try {
    return ordered(changes.flatMap((change) => planChange(source, change))).map((edit) => {
      const start = source.position(edit.start);
      const end = source.position(edit.end);
      return { span: { line: start.line, column: start.col, endLine: end.line, endColumn: end.col }, text: edit.text };
    });
  } catch (error) {
    if (error instanceof Unplannable) return undefined;
    throw error;
  }
}
