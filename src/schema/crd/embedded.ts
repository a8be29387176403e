// Objects marked x-kubernetes-embedded-resource are Kubernetes objects of
// their own: the API server checks their TypeMeta and ObjectMeta
// (apiextensions' objectmeta.Validate of a custom resource, not at its root),
// with the checks that CRD defaults get (objectmeta.ts).
import { errorMessage } from "../../apiserver/field/errors.js";
import type { FieldPath } from "../../apiserver/field/path.js";
import { isRecord } from "../../util/object-access.js";
import { pathStep, validateEmbeddedResource } from "./objectmeta.js";
import { CUSTOM_RESOURCE_RULES, type CustomResourceProblem } from "./problem.js";
import { mapValueSchema, somewhereBelow, type StructuralNode } from "./structural.js";

const MAX_DEPTH = 64;

interface Walk {
  kubernetesVersion: string;
  problems: CustomResourceProblem[];
}

/** The nodes with an embedded resource at or below them. */
const hasEmbeddedBelow = new WeakMap<StructuralNode, boolean>();
const isEmbedded = (node: StructuralNode) => node.embeddedResource;

function visit(walk: Walk, value: unknown, node: StructuralNode | undefined, path: FieldPath | undefined, depth: number): void {
  if (!node || depth > MAX_DEPTH || !somewhereBelow(node, isEmbedded, hasEmbeddedBelow)) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(walk, item, node.items, pathStep(path, index, false), depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  if (node.embeddedResource && path) {
    for (const error of validateEmbeddedResource(path, value, walk.kubernetesVersion)) {
      const { field, ...body } = error;
      walk.problems.push({ rule: CUSTOM_RESOURCE_RULES.embeddedResource, pointer: field.pointer(), message: errorMessage(error, walk.kubernetesVersion), error: body });
    }
  }
  const values = mapValueSchema(node);
  const keys = Object.keys(value);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const property = node.properties?.get(key);
    visit(walk, value[key], property ?? values, pathStep(path, key, property !== undefined), depth + 1);
  }
}

/** Problems of the embedded resources of a custom resource (the resource itself is checked elsewhere). */
export function embeddedResourceProblems(object: unknown, root: StructuralNode, kubernetesVersion: string): CustomResourceProblem[] {
  const walk: Walk = { kubernetesVersion, problems: [] };
  visit(walk, object, root, undefined, 0);
  return walk.problems;
}
