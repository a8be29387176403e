// go-yaml v2 decodes a mapping into map[interface{}]interface{}, whose keys
// cannot be maps or slices: decode.go's mapping() fails with `invalid map
// key: %#v` on the first such key it decodes (a key's own keys before the
// key), and kubectl refuses the whole document: `error converting YAML to
// JSON: yaml: invalid map key: map[interface {}]interface {}{...}`. The yaml
// package would make a string of the key and go on. The usual cause is an
// unrendered Helm template: `name: {{ .Values.name }}` is a flow mapping
// whose key is the flow mapping `{ .Values.name }`.
import { isAlias, isMap, isNode, isScalar, isSeq, type Document, type Node, type Pair } from "yaml";
import { MASK, isSecretKind } from "../util/secret-values.js";
import { goSyntaxOfNode, type Anchors } from "./go-syntax.js";

export interface InvalidKey {
  pair: Pair;
  /** The key's node (an alias's anchored node). */
  key: Node;
  /** The anchors defined before the key. */
  anchors: Anchors;
  /** Whether the key is written as a template placeholder: `{{ ... }}`, a flow mapping opened right after its parent's `{`. */
  template: boolean;
}

/**
 * The first key go-yaml decodes that is a map or a list, in decoding order;
 * undefined when there is none, or when an alias names no anchor before it
 * (go-yaml refuses that while parsing, before any decoding).
 */
export function firstInvalidKey(doc: Document): InvalidKey | undefined {
  const anchors = new Map<string, Node>();
  let found: InvalidKey | undefined;
  let unresolved = false;
  // Recursion stays within the nesting the token checks allow (cst-checks.ts).
  const search = (node: unknown): void => {
    if (isAlias(node)) {
      if (!anchors.has(node.source)) unresolved = true;
      return;
    }
    if (!isNode(node)) return;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isMap(node)) {
      for (const pair of node.items) {
        search(pair.key);
        const key = isAlias(pair.key) ? anchors.get(pair.key.source) : pair.key;
        if (!found && (isMap(key) || isSeq(key))) {
          found = { pair, key, anchors: new Map(anchors), template: isPlaceholder(key, node) };
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

/** kubectl's words for an invalid key; in a Secret the key is masked, as it may hold the Secret's values. */
export function invalidKeyMessage(invalid: InvalidKey, secret: boolean): string {
  const shown = secret ? MASK : goSyntaxOfNode(invalid.key, invalid.anchors);
  const hint = invalid.template ? " (the file looks like an unrendered Helm template: render it first, with helm template)" : "";
  return `error converting YAML to JSON: yaml: invalid map key: ${shown}${hint}`;
}

/** Whether the document's kind reads as a Secret. */
export function isSecretDocument(doc: Document): boolean {
  return isSecretKind(isMap(doc.contents) ? doc.contents.get("kind") : undefined);
}
