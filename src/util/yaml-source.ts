// The text of a YAML scalar as written (`False`, `0644`, `1.10`), before YAML
// gave it a type: what a message needs to tell the user how YAML read it.
import { isAlias, isMap, isPair, isScalar, isSeq, type Document, type Node } from "yaml";
import { parsePointer } from "./pointer.js";

function child(doc: Document, node: unknown, segment: string): unknown {
  const target = isAlias(node) ? node.resolve(doc) : node;
  if (isMap(target)) {
    const pair = target.items.find((item) => isPair(item) && isScalar(item.key) && String(item.key.value) === segment);
    return pair?.value ?? undefined;
  }
  if (isSeq(target) && /^\d+$/.test(segment)) return target.items[Number(segment)];
  return undefined;
}

/** The source text of the plain or quoted scalar at `pointer` (relative to the YAML document), if any. */
export function scalarSourceAt(doc: Document, pointer: string): string | undefined {
  let node: unknown = doc.contents;
  for (const segment of parsePointer(pointer)) {
    node = child(doc, node, segment);
    if (node === undefined) return undefined;
  }
  const scalar = isAlias(node) ? (node.resolve(doc) as Node | undefined) : node;
  return isScalar(scalar) && typeof scalar.source === "string" ? scalar.source : undefined;
}
