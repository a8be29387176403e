// What go-yaml v2's decoding (decode.go) refuses, or reads otherwise than
// the yaml package, in the order it decodes a document: a mapping's key
// (and the key's own contents) before its value.
// - A key that is a map or a slice: map[interface{}]interface{} cannot hold
//   it, and mapping() fails with `invalid map key: %#v`; kubectl refuses the
//   whole document, `error converting YAML to JSON: yaml: invalid map key:
//   map[interface {}]interface {}{...}`, where the yaml package would make a
//   string of the key. The usual cause is an unrendered Helm template:
//   `name: {{ .Values.name }}` is a flow mapping whose key is the flow
//   mapping `{ .Values.name }`.
// - A scalar with an explicit tag, which go-tags.ts reads as go-yaml does:
//   its value is set in the document here, or the tag refuses it (`cannot
//   decode !!str `abc` as a !!int`).
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import { MASK, isSecretKind } from "../util/secret-values.js";
import { goSyntaxOfNode, type Anchors } from "./go-syntax.js";
import { taggedValue } from "./go-tags.js";

export interface InvalidKey {
  kind: "key";
  pair: Pair;
  /** The key's node (an alias's anchored node). */
  key: Node;
  /** The anchors defined before the key. */
  anchors: Anchors;
  /** Whether the key is written as a template placeholder: `{{ ... }}`, a flow mapping opened right after its parent's `{`. */
  template: boolean;
}

export interface RefusedTag {
  kind: "tag";
  node: Node;
  /** go-yaml's message, given the text to show. */
  refused: (shown: string) => string;
  text: string;
}

export type DecodeProblem = InvalidKey | RefusedTag;

/**
 * Gives each scalar with an explicit tag the value go-yaml decodes, and
 * returns the first thing go-yaml's decoding refuses, in its order;
 * undefined when there is none, or when an alias names no anchor before it
 * (go-yaml refuses that while parsing, before any decoding).
 */
export function decodeAsGo(doc: Document): DecodeProblem | undefined {
  const anchors = new Map<string, Node>();
  let found: DecodeProblem | undefined;
  let unresolved = false;
  // Recursion stays within the nesting the token checks allow (cst-checks.ts).
  const search = (node: unknown): void => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) unresolved = true;
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isScalar(node)) {
      if (node.tag === undefined || typeof node.source !== "string") return;
      const decoded = taggedValue(node.tag, node.source);
      if ("value" in decoded) node.value = decoded.value;
      else found ??= { kind: "tag", node, refused: decoded.refused, text: node.source };
    } else if (isMap(node)) {
      for (const pair of node.items) {
        search(pair.key);
        const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
        if (!found && (isMap(key) || isSeq(key))) {
          found = { kind: "key", pair, key, anchors: new Map(anchors), template: isPlaceholder(key, node) };
        }
        search(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) search(item);
    }
  };
  search(doc.contents);
  return unresolved ? undefined : found;
}

/** `{{ x }}`: a flow mapping of one key and no value, opened right after the `{` of the flow mapping it is the key of. */
function isPlaceholder(key: Node, parent: Node): boolean {
  if (!isMap(key) || key.flow !== true || key.items.length !== 1 || !isMap(parent) || parent.flow !== true) return false;
  const value = key.items[0]!.value;
  return (value === null || (isScalar(value) && value.value === null)) && key.range?.[0] === (parent.range?.[0] ?? -2) + 1;
}

/** kubectl's words for what decoding refused; in a Secret the key or text is masked, as it may hold the Secret's values. */
export function decodeProblemMessage(problem: DecodeProblem, secret: boolean): string {
  if (problem.kind === "tag") return `error converting YAML to JSON: ${problem.refused(secret ? MASK : problem.text)}`;
  const shown = secret ? MASK : goSyntaxOfNode(problem.key, problem.anchors);
  const hint = problem.template ? " (the file looks like an unrendered Helm template: render it first, with helm template)" : "";
  return `error converting YAML to JSON: yaml: invalid map key: ${shown}${hint}`;
}

/** Whether the document's kind reads as a Secret. */
export function isSecretDocument(doc: Document): boolean {
  return isSecretKind(isMap(doc.contents) ? doc.contents.get("kind") : undefined);
}

/** Where a problem is reported: the key, or the tagged scalar. */
export function decodeProblemNode(problem: DecodeProblem): Node | null {
  return problem.kind === "key" ? (problem.pair.key as Node | null) : problem.node;
}
