// Field ownership for server-side apply, read from an object's
// `metadata.managedFields` (the FieldsV1 sets of structured-merge-diff): which
// manager owns which field, which fields an apply by one manager removes, and
// which changes conflict with another manager.
import { indexByKey, isSetList, keyLabel, keysOf, setLabel } from "./list-keys.js";
import { sameValue, type Removal } from "./merge.js";
import { itemToken, type PathToken } from "./path.js";
import type { ShapeNode } from "./types.js";
import { arrayOf, isRecord, stringOf, type JsonRecord } from "../util/object-access.js";

/** A set of fields as a tree of path tokens; `self` marks a node owned as a whole (FieldsV1's "."). */
export class FieldTree {
  readonly children = new Map<PathToken, FieldTree>();
  self = false;

  child(token: PathToken): FieldTree {
    let node = this.children.get(token);
    if (!node) {
      node = new FieldTree();
      this.children.set(token, node);
    }
    return node;
  }

  at(path: readonly PathToken[]): FieldTree | undefined {
    let node: FieldTree | undefined = this;
    for (const token of path) {
      node = node.children.get(token);
      if (!node) return undefined;
    }
    return node;
  }

  /** Whether the field at `path` itself is in the set (a leaf, or a node marked as owned). */
  owns(path: readonly PathToken[]): boolean {
    const node = this.at(path);
    return node !== undefined && (node.self || node.children.size === 0);
  }
}

export interface ManagedFieldsEntry {
  manager: string;
  operation: string;
  apiVersion: string;
  time?: string;
  subresource?: string;
  fields: FieldTree;
}

/** The label a keyed list item has in the diff (`name=web`), from a FieldsV1 `k:{...}` key. */
function keyedLabel(key: JsonRecord, shape: ShapeNode | undefined): string | undefined {
  return keyLabel(key, keysOf(shape) ?? Object.keys(key).sort());
}

/** One FieldsV1 key (`f:spec`, `k:{"name":"web"}`, `v:"a"`, `i:0`) as a diff path token, with the shape below it. */
function tokenOf(key: string, shape: ShapeNode | undefined): { token: PathToken; shape: ShapeNode | undefined } | undefined {
  const kind = key.slice(0, 2);
  const rest = key.slice(2);
  if (kind === "f:") return { token: rest, shape: shape?.field(rest) ?? (shape?.isMap ? shape.item() : undefined) };
  try {
    if (kind === "k:") {
      const parsed: unknown = JSON.parse(rest);
      const label = isRecord(parsed) ? keyedLabel(parsed, shape) : undefined;
      return label === undefined ? undefined : { token: itemToken(label), shape: shape?.item() };
    }
    if (kind === "v:") return { token: itemToken(setLabel(JSON.parse(rest))), shape: shape?.item() };
  } catch {
    return undefined;
  }
  if (kind === "i:") return { token: itemToken(rest), shape: shape?.item() };
  return undefined;
}

/** A FieldsV1 object as a tree, iteratively (managed fields can be deep). */
export function fieldsV1Tree(fieldsV1: unknown, shape: ShapeNode | undefined): FieldTree {
  const root = new FieldTree();
  const stack: Array<{ value: unknown; node: FieldTree; shape: ShapeNode | undefined }> = [{ value: fieldsV1, node: root, shape }];
  while (stack.length > 0) {
    const { value, node, shape: here } = stack.pop()!;
    if (!isRecord(value)) continue;
    for (const [key, child] of Object.entries(value)) {
      if (key === ".") {
        node.self = true;
        continue;
      }
      const step = tokenOf(key, here);
      if (step) stack.push({ value: child, node: node.child(step.token), shape: step.shape });
    }
  }
  return root;
}

/** The managed fields of a stored object, with their sets as trees. */
export function managedFieldsOf(stored: unknown, shape: ShapeNode | undefined): ManagedFieldsEntry[] {
  const metadata = isRecord(stored) && isRecord(stored.metadata) ? stored.metadata : {};
  return arrayOf(metadata.managedFields)
    .filter(isRecord)
    .map((entry) => {
      const out: ManagedFieldsEntry = {
        manager: stringOf(entry.manager) ?? "",
        operation: stringOf(entry.operation) ?? "",
        apiVersion: stringOf(entry.apiVersion) ?? "",
        fields: fieldsV1Tree(entry.fieldsV1, shape),
      };
      const time = stringOf(entry.time);
      if (time) out.time = time;
      const subresource = stringOf(entry.subresource);
      if (subresource) out.subresource = subresource;
      return out;
    });
}

/**
 * The fields an applied configuration sets (what its manager owns after the
 * apply): every leaf, keyed list items by key, set items by value, atomic
 * lists and maps as one field.
 */
export function appliedFields(applied: JsonRecord, shape: ShapeNode | undefined): FieldTree {
  const root = new FieldTree();
  const stack: Array<{ value: unknown; node: FieldTree; shape: ShapeNode | undefined }> = [{ value: applied, node: root, shape }];
  while (stack.length > 0) {
    const { value, node, shape: here } = stack.pop()!;
    if (isRecord(value) && here?.mapType !== "atomic") {
      for (const [key, child] of Object.entries(value)) stack.push({ value: child, node: node.child(key), shape: here?.field(key) ?? (here?.isMap ? here.item() : undefined) });
      continue;
    }
    if (!Array.isArray(value)) continue;
    if (isSetList(here, value)) {
      for (const item of value) node.child(itemToken(setLabel(item)));
      continue;
    }
    const keys = keysOf(here);
    const index = keys ? indexByKey(value, keys) : undefined;
    if (!index) continue;
    for (const [label, item] of index) {
      const itemNode = node.child(itemToken(label));
      itemNode.self = true;
      stack.push({ value: item, node: itemNode, shape: here?.item() });
    }
  }
  return root;
}

/** One field another manager owns and the apply would change. */
export interface Conflict {
  /** How kube-apiserver names the manager: `"kube-controller-manager" using apps/v1 at 2025-03-11T08:42:10Z`. */
  manager: string;
  /** The field as structured-merge-diff prints it: `.spec.replicas`, `.spec.containers[name="web"].image`. */
  field: string;
}

/** printManager of the API server's conflict error. */
export function printManager(entry: ManagedFieldsEntry): string {
  let text = JSON.stringify(entry.manager);
  if (entry.subresource) text += ` with subresource ${JSON.stringify(entry.subresource)}`;
  if (entry.operation === "Update") {
    if (!entry.time) return `${text} using ${entry.apiVersion}`;
    return `${text} using ${entry.apiVersion} at ${new Date(entry.time).toISOString().replace(/\.\d{3}Z$/, "Z")}`;
  }
  return text;
}

/** A path element as structured-merge-diff prints it. */
function printElement(token: PathToken, item: unknown): string {
  if (!token.startsWith("[")) return "." + token;
  if (isRecord(item) && token.includes("=")) {
    const pairs = token.slice(1, -1).split(",").map((pair) => pair.slice(0, pair.indexOf("=")));
    return "[" + pairs.sort().map((key) => `${key}=${JSON.stringify(item[key] ?? (key === "protocol" ? "TCP" : ""))}`).join(",") + "]";
  }
  return `[=${JSON.stringify(item)}]`;
}

/**
 * The fields the applied configuration changes that another manager owns: an
 * apply without --force-conflicts fails on them. `live` is the stored object.
 */
export function findConflicts(live: JsonRecord, applied: JsonRecord, shape: ShapeNode | undefined, entries: readonly ManagedFieldsEntry[], manager: string): Conflict[] {
  const others = entries.filter((entry) => entry.manager !== manager || entry.operation !== "Apply");
  if (others.length === 0) return [];
  const conflicts: Conflict[] = [];
  const path: PathToken[] = [];
  const printed: string[] = [];
  const visit = (current: unknown, desired: unknown, here: ShapeNode | undefined): void => {
    if (current === undefined) return;
    if (isRecord(desired) && isRecord(current) && here?.mapType !== "atomic") {
      for (const [key, child] of Object.entries(desired)) {
        path.push(key);
        printed.push(printElement(key, undefined));
        visit(current[key], child, here?.field(key) ?? (here?.isMap ? here.item() : undefined));
        path.pop();
        printed.pop();
      }
      return;
    }
    const keys = Array.isArray(desired) && Array.isArray(current) && !isSetList(here, desired) ? keysOf(here) : undefined;
    const desiredIndex = keys ? indexByKey(desired as unknown[], keys) : undefined;
    const currentIndex = keys ? indexByKey(current as unknown[], keys) : undefined;
    if (desiredIndex && currentIndex) {
      for (const [label, item] of desiredIndex) {
        const token = itemToken(label);
        path.push(token);
        printed.push(printElement(token, item));
        visit(currentIndex.get(label), item, here?.item());
        path.pop();
        printed.pop();
      }
      return;
    }
    if (Array.isArray(desired) && isSetList(here, desired)) return;
    if (sameValue(current, desired, path)) return;
    for (const entry of others) if (entry.fields.owns(path)) conflicts.push({ manager: printManager(entry), field: printed.join("") });
  };
  visit(live, applied, shape);
  return conflicts;
}

/**
 * What a server-side apply by `manager` removes of the fields its
 * configuration no longer sets: those it owned by applying, unless another
 * manager owns them too (then only its ownership goes).
 */
export function ownershipRemoval(entries: readonly ManagedFieldsEntry[], manager: string): Removal {
  const mine = entries.filter((entry) => entry.manager === manager && entry.operation === "Apply");
  const others = entries.filter((entry) => !mine.includes(entry));
  return {
    kind: "owned",
    removes: (path) => mine.some((entry) => entry.fields.owns(path)) && !others.some((entry) => entry.fields.at(path) !== undefined),
    mayRemoveBelow: (path) => mine.some((entry) => (entry.fields.at(path)?.children.size ?? 0) > 0),
  };
}

/** getConflictMessage of the API server. */
export function conflictMessage(conflicts: readonly Conflict[]): string {
  if (conflicts.length === 1) return `Apply failed with 1 conflict: conflict with ${conflicts[0]!.manager}: ${conflicts[0]!.field}`;
  const byManager = new Map<string, string[]>();
  for (const conflict of conflicts) byManager.set(conflict.manager, [...(byManager.get(conflict.manager) ?? []), conflict.field]);
  const lines: string[] = [];
  for (const manager of [...byManager.keys()].sort()) {
    lines.push(`conflicts with ${manager}:`);
    for (const field of byManager.get(manager)!) lines.push(`- ${field}`);
  }
  return `Apply failed with ${conflicts.length} conflicts: ${lines.join("\n")}`;
}
