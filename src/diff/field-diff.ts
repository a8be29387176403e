// Compares the stored object with the object after apply, field by field:
// keyed lists item by item (by merge key), atomic lists whole, quantities by
// value. Produces the field diffs and the RFC 6902 patch that takes the stored
// object to the new one. Fields that only API defaulting would add, where the
// stored object has none, are not changes (the server adds them on its next
// write anyway) and are dropped from the new object.
import type { PatchOperation, ShapeNode } from "./types.js";
import { indexByKey, isSetList, keysOf, setLabel } from "./list-keys.js";
import { sameValue } from "./merge.js";
import { itemToken, pointerChild, type PathToken } from "./path.js";
import { isEmptyValue, isPlainObject, type PlainObject } from "./values.js";

/** A difference before it is rendered: path tokens kept for the rules that inspect it. */
export interface RawDiff {
  path: PathToken[];
  pointer: string;
  op: "add" | "remove" | "replace";
  from?: unknown;
  to?: unknown;
}

export interface ObjectDiff {
  diffs: RawDiff[];
  patch: PatchOperation[];
}

type Outcome = "keep" | "drop";

class Differ {
  readonly diffs: RawDiff[] = [];
  readonly patch: PatchOperation[] = [];

  value(current: unknown, next: unknown, desired: unknown, shape: ShapeNode | undefined, path: PathToken[], pointer: string): Outcome {
    if (current === undefined && next === undefined) return "keep";
    if (current === undefined) {
      if (isEmptyValue(next)) return "keep";
      if (desired === undefined) return "drop";
      this.record({ path, pointer, op: "add", to: next }, { op: "add", path: pointer, value: next });
      return "keep";
    }
    if (next === undefined) {
      if (!isEmptyValue(current)) this.record({ path, pointer, op: "remove", from: current }, { op: "remove", path: pointer });
      return "keep";
    }
    if (isPlainObject(current) && isPlainObject(next)) {
      this.object(current, next, isPlainObject(desired) ? desired : undefined, shape, path, pointer);
      return "keep";
    }
    if (Array.isArray(current) && Array.isArray(next)) {
      this.list(current, next, Array.isArray(desired) ? desired : undefined, shape, path, pointer);
      return "keep";
    }
    if (!sameValue(current, next, path)) this.replace(current, next, path, pointer);
    return "keep";
  }

  private record(diff: RawDiff, operation: PatchOperation): void {
    this.diffs.push(diff);
    this.patch.push(operation);
  }

  private replace(current: unknown, next: unknown, path: PathToken[], pointer: string): void {
    this.record({ path, pointer, op: "replace", from: current, to: next }, { op: "replace", path: pointer, value: next });
  }

  object(current: PlainObject, next: PlainObject, desired: PlainObject | undefined, shape: ShapeNode | undefined, path: PathToken[], pointer: string): void {
    for (const key of Object.keys(current)) {
      this.value(current[key], next[key], desired?.[key], shape?.field(key), [...path, key], pointerChild(pointer, key));
    }
    for (const key of Object.keys(next)) {
      if (key in current) continue;
      const outcome = this.value(undefined, next[key], desired?.[key], shape?.field(key), [...path, key], pointerChild(pointer, key));
      if (outcome === "drop") delete next[key];
    }
  }

  private list(current: unknown[], next: unknown[], desired: unknown[] | undefined, shape: ShapeNode | undefined, path: PathToken[], pointer: string): void {
    if (isSetList(shape, current) && isSetList(shape, next)) {
      this.set(current, next, path, pointer);
      return;
    }
    const keys = keysOf(shape);
    const currentIndex = keys && indexByKey(current, keys);
    const nextIndex = keys && indexByKey(next, keys);
    if (!keys || !currentIndex || !nextIndex) {
      if (!sameValue(current, next, path)) this.replace(current, next, path, pointer);
      return;
    }
    const desiredIndex = desired ? indexByKey(desired, keys) : undefined;
    // Indexes shift as items are removed: the patch applies in order.
    let index = 0;
    for (const [label, item] of currentIndex) {
      const itemPath = [...path, itemToken(label)];
      const itemPointer = pointerChild(pointer, index);
      if (nextIndex.has(label)) {
        this.value(item, nextIndex.get(label), desiredIndex?.get(label), shape?.item(), itemPath, itemPointer);
        index++;
      } else {
        this.record({ path: itemPath, pointer: itemPointer, op: "remove", from: item }, { op: "remove", path: itemPointer });
      }
    }
    for (const [label, item] of nextIndex) {
      if (currentIndex.has(label)) continue;
      this.record({ path: [...path, itemToken(label)], pointer: `${pointer}/-`, op: "add", to: item }, { op: "add", path: `${pointer}/-`, value: item });
    }
  }

  private set(current: unknown[], next: unknown[], path: PathToken[], pointer: string): void {
    const before = new Set(current.map(setLabel));
    const after = new Set(next.map(setLabel));
    const removed = current.filter((item) => !after.has(setLabel(item)));
    const added = next.filter((item) => !before.has(setLabel(item)));
    if (removed.length === 0 && added.length === 0) return;
    for (const item of removed) this.diffs.push({ path: [...path, itemToken(setLabel(item))], pointer, op: "remove", from: item });
    for (const item of added) this.diffs.push({ path: [...path, itemToken(setLabel(item))], pointer, op: "add", to: item });
    this.patch.push({ op: "replace", path: pointer, value: next });
  }
}

/**
 * Differences from `current` to `next` (`next` is edited in place: fields only
 * defaulting added are dropped). `desired` is the manifest, to tell defaults
 * from what the manifest asks for.
 */
export function diffObjects(current: PlainObject, next: PlainObject, desired: PlainObject, shape: ShapeNode | undefined): ObjectDiff {
  const differ = new Differ();
  differ.object(current, next, desired, shape, [], "");
  return { diffs: differ.diffs, patch: differ.patch };
}
