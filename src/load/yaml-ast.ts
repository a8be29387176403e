// The parsed YAML of one document: its AST (kept so that positions are only
// worked out for the values a finding points at) and a plain JS value.
import { isAlias, isMap, isPair, isScalar, isSeq, visit, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { Position } from "../types.js";
import { parsePointer } from "../util/pointer.js";
import { MAX_NESTING } from "./cst-checks.js";
import { nullKeyMessage } from "./null-keys.js";
import { anchorsOf, goSyntaxOfNode } from "./go-syntax.js";
import { MASK } from "../util/secret-values.js";
import { firstInvalidKey, invalidKeyMessage, isSecretDocument, type InvalidKey } from "./invalid-keys.js";

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

/** A pair whose key go-yaml reads as nil (null-keys.ts). */
class NullKey {
  constructor(readonly pair: Pair) {}
}

function isNullKey(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

function scalarKey(pair: Pair): string {
  const node = pair.key;
  if (isNullKey(node)) throw new NullKey(pair);
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
    for (const pair of node.items) setOwn(out, scalarKey(pair), convert(pair.value));
    return out;
  }
  if (isSeq(node)) return node.items.map(convert);
  if (isAlias(node)) throw new NeedsFullConversion();
  return null;
}

/** Why a document's YAML could not become a value, and where. */
export interface ConversionProblem {
  rule: "yaml/syntax" | "yaml/limit";
  message: string;
  offset: number;
}

/**
 * Aliases expand: a few lines can stand for millions of values ("billion
 * laughs"). Past this many aliased nodes, go-yaml too refuses the document.
 */
const MAX_ALIAS_COUNT = 1000;

/** The most values a document with aliases may expand to, besides one per character of its text. */
const MAX_EXPANDED_VALUES = 100_000;

/** The plain value of a document, or what stops it from having one (bad aliases and merge keys, alias bombs). */
export function documentToJS(doc: Document): { value: unknown } | { problem: ConversionProblem } {
  try {
    return { value: convert(doc.contents) };
  } catch (error) {
    if (!(error instanceof NullKey || error instanceof NeedsFullConversion)) throw error;
    // go-yaml's decoding refuses a collection as a key before sigs.k8s.io/yaml meets a nil key.
    const invalid = firstInvalidKey(doc);
    if (invalid) return { problem: invalidKeyProblem(doc, invalid) };
    if (error instanceof NullKey) return { problem: nullKeyProblem(doc, error.pair) };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { problem: conversionProblem(doc, error) };
  }
  const nullKeyPair = firstNullKeyPair(doc);
  if (nullKeyPair) return { problem: nullKeyProblem(doc, nullKeyPair) };
  const [start = 0, , end = start] = doc.range ?? [];
  const copied = expandedCopy(value, MAX_EXPANDED_VALUES + (end - start));
  return copied.complete ? { value: copied.value } : { problem: aliasProblem(doc, "yaml/limit", copied.reason) };
}

function firstNullKeyPair(doc: Document): Pair | undefined {
  let found: Pair | undefined;
  visit(doc, {
    Pair(_key, pair) {
      if (!isNullKey(pair.key)) return undefined;
      found = pair as Pair;
      return visit.BREAK;
    },
  });
  return found;
}

/** A key that is a map or a list, placed at the key. */
function invalidKeyProblem(doc: Document, invalid: InvalidKey): ConversionProblem {
  const offset = (invalid.pair.key as Node).range?.[0] ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
  return { rule: "yaml/syntax", message: invalidKeyMessage(invalid, isSecretDocument(doc)), offset };
}

/** A null key, placed at the key, or where its value starts when nothing was written for it. */
function nullKeyProblem(doc: Document, pair: Pair): ConversionProblem {
  const at = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
  // sigs.k8s.io/yaml meets the key once go-yaml has decoded the whole document: every anchor is known.
  const shown = isSecretDocument(doc) ? MASK : goSyntaxOfNode(pair.value, anchorsOf(doc));
  return { rule: "yaml/syntax", message: nullKeyMessage(shown), offset: at };
}

function firstNodeOffset(doc: Document, test: (node: unknown) => boolean): number {
  let offset: number | undefined;
  visit(doc, (_key, node) => {
    if (!test(node)) return undefined;
    offset = (isPair(node) ? (node.key as Node | null) : (node as Node))?.range?.[0];
    return visit.BREAK;
  });
  return offset ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
}

function aliasProblem(doc: Document, rule: ConversionProblem["rule"], message: string, anchor?: string): ConversionProblem {
  return { rule, message, offset: firstNodeOffset(doc, (node) => isAlias(node) && (anchor === undefined || node.source === anchor)) };
}

/** yaml's errors in go-yaml's words, placed at the alias or merge key that caused them. */
function conversionProblem(doc: Document, error: unknown): ConversionProblem {
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias.*: (.*)$/.exec(message);
  if (unresolved) return aliasProblem(doc, "yaml/syntax", `unknown anchor '${unresolved[1]}' referenced`, unresolved[1]);
  if (message.startsWith("Excessive alias count")) return aliasProblem(doc, "yaml/limit", "document contains excessive aliasing");
  if (message.startsWith("Merge sources")) {
    const offset = firstNodeOffset(doc, (node) => isPair(node) && isScalar(node.key) && node.key.source === "<<" && !isMap(node.value) && !isAlias(node.value));
    return { rule: "yaml/syntax", message: "map merge requires map or sequence of maps as the value", offset };
  }
  return { rule: "yaml/syntax", message, offset: (doc.contents as Node | null)?.range?.[0] ?? 0 };
}

/**
 * A copy of a value whose aliases yaml resolved to shared objects: every
 * later stage may then change its part without touching another, and walk
 * it without meeting more than `limit` values or nesting deeper than
 * MAX_NESTING (aliases can nest anchors in anchors). Iterative.
 */
function expandedCopy(value: unknown, limit: number): { complete: true; value: unknown } | { complete: false; reason: string } {
  const root: { value?: unknown } = {};
  const stack: Array<{ source: unknown; parent: Record<string, unknown> | unknown[]; key: string | number; depth: number }> = [
    { source: value, parent: root as Record<string, unknown>, key: "value", depth: 0 },
  ];
  let count = 0;
  while (stack.length > 0) {
    const { source, parent, key, depth } = stack.pop()!;
    if (++count > limit) return { complete: false, reason: "document contains excessive aliasing" };
    if (source === null || typeof source !== "object") {
      setChild(parent, key, source);
      continue;
    }
    if (depth > MAX_NESTING) return { complete: false, reason: `nested more than ${MAX_NESTING} levels deep through aliases: the document is not read` };
    const copy: Record<string, unknown> | unknown[] = Array.isArray(source) ? new Array(source.length) : {};
    setChild(parent, key, copy);
    for (const [childKey, child] of Object.entries(source)) {
      stack.push({ source: child, parent: copy, key: Array.isArray(copy) ? Number(childKey) : childKey, depth: depth + 1 });
    }
  }
  return { complete: true, value: root.value };
}

function setChild(parent: Record<string, unknown> | unknown[], key: string | number, value: unknown): void {
  if (Array.isArray(parent)) parent[key as number] = value;
  else setOwn(parent, key as string, value);
}

interface Located {
  node: Node | null;
  keyNode: Node | null;
}

/** Each mapping's pairs by key (the first pair of a repeated key), built on first use: one lookup per finding, not a scan. */
const pairsByKey = new WeakMap<YAMLMap, Map<string, Pair>>();

function pairOf(map: YAMLMap, segment: string): Pair | undefined {
  let index = pairsByKey.get(map);
  if (!index) {
    index = new Map();
    for (const pair of map.items) {
      if (isPair(pair) && isScalar(pair.key)) {
        const key = String(pair.key.value);
        if (!index.has(key)) index.set(key, pair);
      }
    }
    pairsByKey.set(map, index);
  }
  return index.get(segment);
}

function childOf(doc: Document, node: Node | null, segment: string): Located | undefined {
  const target = isAlias(node) ? (node.resolve(doc) as Node | undefined) ?? null : node;
  if (isMap(target)) {
    const pair = pairOf(target, segment);
    return pair ? { node: (pair.value as Node | null) ?? null, keyNode: pair.key as Node } : undefined;
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

export function locateInDocument(
  doc: Document,
  lineCounter: Pick<LineCounter, "linePos">,
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
