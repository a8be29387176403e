// Field paths of custom resources as kube-apiserver writes them
// (k8s.io/apimachinery field.Path): properties joined with ".", list
// indexes and map keys in brackets (`spec.ports[0]`, `spec.labels[app]`),
// and `<nil>` for the object itself.
import { parsePointer } from "../../util/pointer.js";
import { childNode, mapValueSchema, type StructuralNode } from "./structural.js";

function isIndex(segment: string): boolean {
  return /^(0|[1-9]\d*)$/.test(segment);
}

/** One step of a field path: a property, a list index or a map key. */
export type FieldStep = { name: string } | { index: number } | { key: string };

/** The steps of a JSON pointer, read along the structural schema (map keys need it). */
export function fieldPathSteps(root: StructuralNode | undefined, pointer: string): FieldStep[] {
  let node = root;
  const steps: FieldStep[] = [];
  for (const segment of parsePointer(pointer)) {
    const isList = node?.items !== undefined || (node === undefined && isIndex(segment));
    const isMapKey = node !== undefined && !node.properties?.has(segment) && mapValueSchema(node) !== undefined;
    if (isList && isIndex(segment)) steps.push({ index: Number(segment) });
    else if (isMapKey) steps.push({ key: segment });
    else steps.push({ name: segment });
    node = node === undefined ? undefined : childNode(node, isList && isIndex(segment) ? Number(segment) : segment);
  }
  return steps;
}

/** The field path of a JSON pointer, as text. */
export function fieldPathOf(root: StructuralNode | undefined, pointer: string): string {
  const steps = fieldPathSteps(root, pointer);
  if (steps.length === 0) return "<nil>";
  let out = "";
  for (const step of steps) {
    if ("index" in step) out += `[${step.index}]`;
    else if ("key" in step) out += `[${step.key}]`;
    else out += out === "" ? step.name : `.${step.name}`;
  }
  return out;
}

/**
 * The path kube-openapi gives schema errors of custom resources: properties
 * and map keys joined with ".", list indexes in brackets (`spec.ports[0].port`,
 * `[0]` for an item of a list that is validated on its own, such as a default).
 */
export function openAPIPathOf(pointer: string): string {
  let out = "";
  for (const segment of parsePointer(pointer)) {
    if (isIndex(segment)) out += `[${segment}]`;
    else out += out === "" ? segment : `.${segment}`;
  }
  return out;
}
