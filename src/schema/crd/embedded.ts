// Objects marked x-kubernetes-embedded-resource are Kubernetes objects of
// their own: apiextensions requires their apiVersion and kind (not their
// metadata) and checks that both are well formed (objectmeta validation).
import { isDNS1035Label } from "../../apiserver/apimachinery/validation.js";
import { joinPointer } from "../../util/pointer.js";
import { badValue } from "./bad-value.js";
import { CUSTOM_RESOURCE_RULES, type CustomResourceProblem } from "./problem.js";
import { mapValueSchema, type StructuralNode } from "./structural.js";

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

interface Walk {
  kubernetesVersion: string;
  path: (pointer: string) => string;
  problems: CustomResourceProblem[];
}

function report(walk: Walk, pointer: string, message: string): void {
  walk.problems.push({ rule: CUSTOM_RESOURCE_RULES.embeddedResource, pointer, message: `${walk.path(pointer)}: ${message}` });
}

function checkApiVersion(walk: Walk, object: Json, pointer: string): void {
  const at = joinPointer(pointer, "apiVersion");
  const apiVersion = object.apiVersion;
  if (apiVersion === undefined || apiVersion === "") report(walk, at, "Required value");
  else if (typeof apiVersion === "string" && (apiVersion.match(/\//g) ?? []).length > 1) {
    report(walk, at, `Invalid value: ${badValue(apiVersion, walk.kubernetesVersion)}: unexpected GroupVersion string: ${apiVersion}`);
  }
}

function checkKind(walk: Walk, object: Json, pointer: string): void {
  const at = joinPointer(pointer, "kind");
  const kind = object.kind;
  if (kind === undefined || kind === "") {
    report(walk, at, "Required value");
    return;
  }
  if (typeof kind !== "string") return;
  const errors = isDNS1035Label(kind.toLowerCase());
  if (errors.length > 0) report(walk, at, `Invalid value: ${badValue(kind, walk.kubernetesVersion)}: may have mixed case, but should otherwise match: ${errors.join(",")}`);
}

function visit(walk: Walk, value: unknown, node: StructuralNode | undefined, pointer: string, depth: number): void {
  if (!node || depth > 64) return;
  if (Array.isArray(value)) {
    value.forEach((item, index) => visit(walk, item, node.items, joinPointer(pointer, index), depth + 1));
    return;
  }
  if (!isRecord(value)) return;
  if (node.embeddedResource && depth > 0) {
    checkApiVersion(walk, value, pointer);
    checkKind(walk, value, pointer);
  }
  const values = mapValueSchema(node);
  for (const [key, child] of Object.entries(value)) visit(walk, child, node.properties?.get(key) ?? values, joinPointer(pointer, key), depth + 1);
}

/** Problems of the embedded resources of a custom resource (the resource itself is checked elsewhere). */
export function embeddedResourceProblems(object: unknown, root: StructuralNode, kubernetesVersion: string, path: (pointer: string) => string): CustomResourceProblem[] {
  const walk: Walk = { kubernetesVersion, path, problems: [] };
  visit(walk, object, root, "", 0);
  return walk.problems;
}
