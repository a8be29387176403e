// x-kubernetes-list-type: the items of a `set` are unique, and so are the
// keys (x-kubernetes-list-map-keys) of the items of a `map`, as apiextensions'
// listtype validation checks them: one `Duplicate value` per repeated item,
// at the repeated item, with the key that repeats.
import { joinPointer } from "../../util/pointer.js";
import { badValue } from "./bad-value.js";
import { CUSTOM_RESOURCE_RULES, type CustomResourceProblem } from "./problem.js";
import { mapValueSchema, somewhereBelow, type StructuralNode } from "./structural.js";

const LIST_TYPE_RULE = CUSTOM_RESOURCE_RULES.duplicateValue;

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Go's encoding/json of an unstructured value (map keys sorted): how upstream compares compound items. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(",")}]`;
  if (isRecord(value)) return `{${Object.keys(value).sort().map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`).join(",")}}`;
  return JSON.stringify(value ?? null);
}

/** Indexes of the second occurrence of each repeated value (later repeats are not reported again). */
function repeatedIndexes(keys: readonly string[]): number[] {
  const seen = new Map<string, number>();
  const out: number[] = [];
  keys.forEach((key, index) => {
    const times = seen.get(key) ?? 0;
    seen.set(key, times + 1);
    if (times === 1) out.push(index);
  });
  return out;
}

/** The key of a list-map item: the key fields it has (a missing item or field is "unspecified"). */
function mapKeyOf(item: unknown, keyFields: readonly string[]): Json {
  const key: Json = {};
  if (!isRecord(item)) return key;
  for (const field of keyFields) if (Object.hasOwn(item, field)) key[field] = item[field];
  return key;
}

interface Walk {
  kubernetesVersion: string;
  path: (pointer: string) => string;
  problems: CustomResourceProblem[];
}

function duplicate(walk: Walk, pointer: string, value: unknown): void {
  walk.problems.push({ rule: LIST_TYPE_RULE, pointer, message: `${walk.path(pointer)}: Duplicate value: ${badValue(value, walk.kubernetesVersion)}` });
}

function checkList(walk: Walk, list: unknown[], node: StructuralNode, pointer: string): void {
  if (node.listType === "set") {
    const keys = list.map(canonical);
    for (const index of repeatedIndexes(keys)) duplicate(walk, joinPointer(pointer, index), list[index]);
  } else if (node.listType === "map" && node.listMapKeys && node.listMapKeys.length > 0) {
    const bad = list.findIndex((item) => item !== null && !isRecord(item));
    if (bad >= 0) {
      const at = joinPointer(pointer, bad);
      walk.problems.push({ rule: LIST_TYPE_RULE, pointer: at, message: `${walk.path(at)}: Invalid value: ${badValue(list[bad], walk.kubernetesVersion)}: must be an object for an array of list-type map` });
      return;
    }
    const keyFields = node.listMapKeys;
    const keys = list.map((item) => mapKeyOf(item, keyFields));
    for (const index of repeatedIndexes(keys.map(canonical))) duplicate(walk, joinPointer(pointer, index), keys[index]);
  }
}

/** The nodes with a set or map list type at or below them. */
const hasListTypesBelow = new WeakMap<StructuralNode, boolean>();
const hasListType = (node: StructuralNode) => node.listType === "set" || node.listType === "map";

function visit(walk: Walk, value: unknown, node: StructuralNode | undefined, pointer: string, depth: number): void {
  if (!node || depth > 64 || !somewhereBelow(node, hasListType, hasListTypesBelow)) return;
  if (Array.isArray(value)) {
    checkList(walk, value, node, pointer);
    value.forEach((item, index) => visit(walk, item, node.items, joinPointer(pointer, index), depth + 1));
  } else if (isRecord(value)) {
    const values = mapValueSchema(node);
    const keys = Object.keys(value);
    for (let i = 0; i < keys.length; i++) visit(walk, value[keys[i]!], node.properties?.get(keys[i]!) ?? values, joinPointer(pointer, keys[i]!), depth + 1);
  }
}

/** Duplicate items of sets and duplicate keys of map-lists, anywhere in the resource. */
export function listTypeProblems(object: unknown, root: StructuralNode, kubernetesVersion: string, path: (pointer: string) => string): CustomResourceProblem[] {
  const walk: Walk = { kubernetesVersion, path, problems: [] };
  visit(walk, object, root, "", 0);
  return walk.problems;
}
