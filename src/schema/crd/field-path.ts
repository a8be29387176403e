// Field paths of custom resources as kube-apiserver writes them
// (k8s.io/apimachinery field.Path): properties joined with ".", list
// indexes and map keys in brackets (`spec.ports[0]`, `spec.labels[app]`),
// and `<nil>` for the object itself.
import { parsePointer } from "../../util/pointer.js";
import { childNode, mapValueSchema, type StructuralNode } from "./structural.js";

function isIndex(segment: string): boolean {
  return /^(0|[1-9]\d*)$/.test(segment);
}

/** The field path of a JSON pointer, read along the structural schema (map keys need it). */
export function fieldPathOf(root: StructuralNode | undefined, pointer: string): string {
  const segments = parsePointer(pointer);
  if (segments.length === 0) return "<nil>";
  let node = root;
  let out = "";
  for (const segment of segments) {
    const isList = node?.items !== undefined || (node === undefined && isIndex(segment));
    const isMapKey = node !== undefined && !node.properties?.has(segment) && mapValueSchema(node) !== undefined;
    if (isList && isIndex(segment)) out += `[${segment}]`;
    else if (isMapKey) out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
    node = node === undefined ? undefined : childNode(node, isList && isIndex(segment) ? Number(segment) : segment);
  }
  return out;
}

/**
 * The path kube-openapi gives schema errors of custom resources: properties
 * and map keys joined with ".", list indexes in brackets (`spec.ports[0].port`).
 */
export function openAPIPathOf(pointer: string): string {
  let out = "";
  for (const segment of parsePointer(pointer)) {
    if (isIndex(segment) && out !== "") out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
