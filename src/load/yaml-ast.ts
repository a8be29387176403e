// The parsed YAML of one document: its AST (kept so that positions are only
// worked out for the values a finding points at) and a plain JS value.
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, Scalar, visit, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from "yaml";
import type { Position } from "../types.js";
import { parsePointer } from "../util/pointer.js";
import { MAX_NESTING } from "./cst-checks.js";
import { jsonKey, unsupportedKeyMessage } from "./json-keys.js";
import { anchorsOf, goSyntaxOfNode, isMergeKey, scalarOf } from "./go-syntax.js";
import type { GoScalar } from "./go-scalars.js";
import { MASK } from "../util/secret-values.js";
import { decodeAsGo, decodeProblemMessage, decodeProblemNode, isSecretDocument, type DecodeProblem } from "./go-decode.js";

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

/** A pair whose key sigs.k8s.io/yaml can make no JSON key of: nil, or a uint64 (json-keys.ts). */
class UnsupportedKey {
  constructor(
    readonly pair: Pair,
    readonly scalar: GoScalar,
  ) {}
}

/** The JSON key of a key node that is a scalar (or empty), as sigs.k8s.io/yaml makes it; undefined for any other key, or one JSON cannot have. */
export function keyText(node: unknown): string | undefined {
  const scalar = scalarOf(node);
  return scalar && jsonKey(scalar);
}

function scalarKey(pair: Pair): string {
  const node = pair.key;
  if (isMergeKey(node) || (isScalar(node) && (node.value === "<<" || node.tag !== undefined))) throw new NeedsFullConversion();
  const scalar = scalarOf(node);
  if (!scalar) throw new NeedsFullConversion();
  const key = jsonKey(scalar);
  if (key === undefined) throw new UnsupportedKey(pair, scalar);
  return key;
}

function needsFullConversion(): never {
  throw new NeedsFullConversion();
}

/** AST to JS without yaml's anchor bookkeeping: several times faster than `toJS()`. */
function convert(node: unknown): unknown {
  if (node === null || node === undefined) return null;
  // A tagged scalar is read as go-yaml reads it (go-tags.ts), on the full way.
  if (isScalar(node)) return node.tag === undefined ? node.value ?? null : needsFullConversion();
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
    if (!(error instanceof UnsupportedKey || error instanceof NeedsFullConversion)) throw error;
    // go-yaml's decoding refuses a collection as a key, or a tagged value, before sigs.k8s.io/yaml meets a nil key.
    const refused = decodeAsGo(doc);
    if (refused) return { problem: decodeProblem(doc, refused) };
    if (error instanceof UnsupportedKey) return { problem: unsupportedKeyProblem(doc, error.pair, error.scalar) };
  }
  // yaml's toJS would write a number key as JavaScript does: each key is given its JSON key first.
  const unsupported = withJsonKeys(doc);
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (error) {
    return { problem: conversionProblem(doc, error) };
  }
  if (unsupported) return { problem: unsupportedKeyProblem(doc, unsupported.pair, unsupported.scalar) };
  const [start = 0, , end = start] = doc.range ?? [];
  const copied = expandedCopy(value, MAX_EXPANDED_VALUES + (end - start));
  return copied.complete ? { value: copied.value } : { problem: aliasProblem(doc, "yaml/limit", copied.reason) };
}

/**
 * Gives each scalar key of the document (an alias's too) its JSON key, in
 * place, for yaml's toJS; returns the first key, in document order, that
 * has none.
 */
function withJsonKeys(doc: Document): UnsupportedKey | undefined {
  const anchors = new Map<string, Node>();
  let unsupported: UnsupportedKey | undefined;
  // Recursion stays within the nesting the token checks allow (cst-checks.ts).
  const walk = (node: unknown): void => {
    if (!isNode(node) || isAlias(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isSeq(node)) {
      for (const item of node.items) walk(item);
      return;
    }
    if (!isMap(node)) return;
    for (const pair of node.items) {
      walk(pair.key);
      const target = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
      const scalar = isMergeKey(target) || (isAlias(pair.key) && !target) ? undefined : scalarOf(target);
      if (scalar) {
        const key = jsonKey(scalar);
        if (key === undefined) unsupported ??= new UnsupportedKey(pair, scalar);
        else if (!isScalar(pair.key) || pair.key.value !== key) pair.key = placedScalar(key, pair.key as Node | null);
      }
      walk(pair.value);
    }
  };
  walk(doc.contents);
  return unsupported;
}

/** A string key standing where `node` was written. */
function placedScalar(value: string, node: Node | null): Scalar<string> {
  const scalar = new Scalar(value);
  if (node?.range) scalar.range = node.range;
  return scalar;
}

/** What go-yaml's decoding refused, placed at the key or the tagged value. */
function decodeProblem(doc: Document, refused: DecodeProblem): ConversionProblem {
  const offset = decodeProblemNode(refused)?.range?.[0] ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
  return { rule: "yaml/syntax", message: decodeProblemMessage(refused, isSecretDocument(doc)), offset };
}

/** A key JSON cannot have, placed at the key, or where its value starts when nothing was written for it. */
function unsupportedKeyProblem(doc: Document, pair: Pair, scalar: GoScalar): ConversionProblem {
  const at = (pair.key as Node | null)?.range?.[0] ?? (pair.value as Node | null)?.range?.[0] ?? (doc.contents as Node | null)?.range?.[0] ?? 0;
  // sigs.k8s.io/yaml meets the key once go-yaml has decoded the whole document: every anchor is known.
  const shown = isSecretDocument(doc) ? MASK : goSyntaxOfNode(pair.value, anchorsOf(doc));
  return { rule: "yaml/syntax", message: unsupportedKeyMessage(scalar, shown), offset: at };
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

/** How kubectl prefixes what go-yaml refuses while decoding (sigs.k8s.io/yaml's Unmarshal, then go-yaml's failf). */
const GO_YAML_ERROR = "error converting YAML to JSON: yaml: ";

/** yaml's errors in go-yaml's words, placed at the alias or merge key that caused them. */
function conversionProblem(doc: Document, error: unknown): ConversionProblem {
  const message = error instanceof Error ? error.message : String(error);
  const unresolved = /^Unresolved alias.*: (.*)$/.exec(message);
  if (unresolved) return aliasProblem(doc, "yaml/syntax", `${GO_YAML_ERROR}unknown anchor '${unresolved[1]}' referenced`, unresolved[1]);
  if (message.startsWith("Excessive alias count")) return aliasProblem(doc, "yaml/limit", "document contains excessive aliasing");
  if (message.startsWith("Merge sources")) {
    const offset = firstNodeOffset(doc, (node) => isPair(node) && isScalar(node.key) && node.key.source === "<<" && !isMap(node.value) && !isAlias(node.value));
    return { rule: "yaml/syntax", message: `${GO_YAML_ERROR}map merge requires map or sequence of maps as the value`, offset };
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
        const key = keyText(pair.key) ?? String(pair.key.value);
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
