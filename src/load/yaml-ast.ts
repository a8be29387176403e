// The parsed YAML of one document: its AST (kept so that positions are only
// worked out for the values a finding points at) and a plain JS value.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node } from "yaml";
import type { Position, Span } from "../types.js";
import { parsePointer } from "../util/pointer.js";

/** Thrown by the fast conversion when a document needs yaml's full `toJS` (aliases, merge keys). */
class NeedsFullConversion extends Error {}

/** Sets a key as the object's own, even `__proto__` (which `=` would take as the prototype). */
export function setOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") {
    Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  } else {
    target[key] = value;
  }
}

function scalarKey(node: unknown): string {
  if (!isScalar(node)) throw new NeedsFullConversion();
  const value = node.value;
  if (typeof value === "symbol" || value === "<<") throw new NeedsFullConversion();
  return String(value);
}

/** AST to JS without yaml's anchor bookkeeping: several times faster than `toJS()`. */
function convert(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  if (isScalar(node)) return node.value ?? null;
  if (isMap(node)) {
    const out: Record<string, unknown> = {};
    for (const pair of node.items) setOwn(out, scalarKey(pair.key), convert(pair.value));
    return out;
  }
  if (isSeq(node)) return node.items.map(convert);
  if (isAlias(node)) throw new NeedsFullConversion();
  return null;
}

export function documentToJS(doc: Document): unknown {
  try {
    return convert(doc.contents);
  } catch (error) {
    if (error instanceof NeedsFullConversion) return doc.toJS({ maxAliasCount: 1000 });
    throw error;
  }
}

interface Located {
  node: Node | null;
  keyNode: Node | null;
}

function childOf(doc: Document, node: Node | null, segment: string): Located | undefined {
  const target = isAlias(node) ? (node.resolve(doc) as Node | undefined) ?? null : node;
  if (isMap(target)) {
    for (const pair of target.items) {
      if (isPair(pair) && isScalar(pair.key) && String(pair.key.value) === segment) {
        return { node: (pair.value as Node | null) ?? null, keyNode: pair.key };
      }
    }
    return undefined;
  }
  if (isSeq(target) && /^\d+$/.test(segment)) {
    const item = target.items[Number(segment)] as Node | undefined;
    return item ? { node: item, keyNode: null } : undefined;
  }
  return undefined;
}

function startOf(node: Node | null): number | undefined {
  if (!node?.range) return undefined;
  // `key:` with nothing after it: the empty value has no place of its own.
  if (isScalar(node) && node.value === null && node.range[0] === node.range[1]) return undefined;
  return node.range[0];
}

/**
 * Position of the value at `pointer` (or of its key), falling back to the
 * deepest part of the path that exists: a missing field points at its parent's key.
 */
/** The node at `pointer`, or the deepest one on its way (`complete: false`). */
function walk(doc: Document, pointer: string): Located & { complete: boolean } {
  let current: Located = { node: doc.contents as Node | null, keyNode: null };
  for (const segment of parsePointer(pointer)) {
    const next = childOf(doc, current.node, segment);
    if (!next) return { ...current, complete: false };
    current = next;
  }
  return { ...current, complete: true };
}

/**
 * The text of the scalar at `pointer` as written (`False`, `0644`), before YAML
 * gave it a type: what a message needs to say how YAML read it.
 */
export function scalarSourceAt(doc: Document, pointer: string): string | undefined {
  const { node, complete } = walk(doc, pointer);
  const scalar = isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
  return complete && isScalar(scalar) && typeof scalar.source === "string" ? scalar.source : undefined;
}

/**
 * Where the scalar at `pointer` (or its key) is written, start and end (the
 * column after its last character, quotes included), when it is on one line:
 * the text a fix replaces.
 */
export function scalarSpanInDocument(doc: Document, lineCounter: LineCounter, pointer: string, wantKey: boolean): Span | undefined {
  const { node, keyNode, complete } = walk(doc, pointer);
  const target = wantKey ? keyNode : node;
  if (!complete || !isScalar(target) || !target.range) return undefined;
  const start = lineCounter.linePos(target.range[0]);
  const end = lineCounter.linePos(target.range[1]);
  if (start.line !== end.line || end.col <= start.col) return undefined;
  return { line: start.line, column: start.col, endColumn: end.col };
}

export function locateInDocument(
  doc: Document,
  lineCounter: LineCounter,
  pointer: string,
  wantKey: boolean,
): Position {
  const current = walk(doc, pointer);
  const complete = current.complete;
  const keyOffset = startOf(current.keyNode);
  const valueOffset = startOf(current.node);
  const preferKey = wantKey || !complete || valueOffset === undefined;
  const offset = (preferKey ? keyOffset ?? valueOffset : valueOffset ?? keyOffset) ?? startOf(doc.contents as Node | null) ?? 0;
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
