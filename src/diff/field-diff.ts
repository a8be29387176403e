// Compares the stored object with the object after apply, field by field:
// keyed lists item by item (by merge key), atomic lists whole, quantities by
// value. Produces the field diffs and the RFC 6902 patch that takes the stored
// object to the new one. Fields that only API defaulting would add, where the
// stored object has none, are not changes (the server adds them on its next
// write anyway) and are dropped from the new object.
import type { PatchOperation, ShapeNode } from "./types.js";
import { indexByKey, isSetList, keysOf, setLabel } from "./list-keys.js";
import { sameValue } from "./merge.js";
import { itemToken, type PathToken } from "./path.js";
import { toPointer } from "../util/pointer.js";
import { isEmptyValue } from "./values.js";
import { isRecord, type JsonRecord } from "../util/object-access.js";

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

/** Walks both objects once; the current path and pointer are stacks, copied only when a difference is recorded. */
class Differ {
  readonly diffs: RawDiff[] = [];
  readonly patch: PatchOperation[] = [];
  private readonly path: PathToken[] = [];
  private readonly pointer: Array<string | number> = [];

  private enter(token: PathToken, segment: string | number): void {
    this.path.push(token);
    this.pointer.push(segment);
  }

  private leave(): void {
    this.path.pop();
    this.pointer.pop();
  }

  private record(op: RawDiff["op"], from: unknown, to: unknown, pointer = toPointer(this.pointer)): void {
    const diff: RawDiff = { path: [...this.path], pointer, op };
    if (from !== undefined) diff.from = from;
    if (to !== undefined) diff.to = to;
    this.diffs.push(diff);
    if (op === "remove") this.patch.push({ op, path: pointer });
    else this.patch.push({ op, path: pointer, value: to });
  }

  value(current: unknown, next: unknown, desired: unknown, shape: ShapeNode | undefined): Outcome {
    // A stored object may carry nulls (shared, not copied): null is "not set".
    if (current === null) current = undefined;
    if (next === null) next = undefined;
    if (current === undefined && next === undefined) return "keep";
    if (current === undefined) {
      if (isEmptyValue(next)) return "keep";
      if (desired === undefined) return "drop";
      this.record("add", undefined, next);
      return "keep";
    }
    if (next === undefined) {
      if (!isEmptyValue(current)) this.record("remove", current, undefined);
      return "keep";
    }
    if (isRecord(current) && isRecord(next)) {
      this.object(current, next, isRecord(desired) ? desired : undefined, shape);
      return "keep";
    }
    if (Array.isArray(current) && Array.isArray(next)) {
      this.list(current, next, Array.isArray(desired) ? desired : undefined, shape);
      return "keep";
    }
    if (!sameValue(current, next, this.path)) this.record("replace", current, next);
    return "keep";
  }

  object(current: JsonRecord, next: JsonRecord, desired: JsonRecord | undefined, shape: ShapeNode | undefined): void {
    for (const key of Object.keys(current)) {
      this.enter(key, key);
      this.value(current[key], next[key], desired?.[key], shape?.field(key));
      this.leave();
    }
    for (const key of Object.keys(next)) {
      if (key in current) continue;
      this.enter(key, key);
      if (this.value(undefined, next[key], desired?.[key], shape?.field(key)) === "drop") delete next[key];
      this.leave();
    }
  }

  private list(current: unknown[], next: unknown[], desired: unknown[] | undefined, shape: ShapeNode | undefined): void {
    if (isSetList(shape, current) && isSetList(shape, next)) {
      this.set(current, next);
      return;
    }
    const keys = keysOf(shape);
    const currentIndex = keys && indexByKey(current, keys);
    const nextIndex = keys && indexByKey(next, keys);
    if (!keys || !currentIndex || !nextIndex) {
      if (!sameValue(current, next, this.path)) this.record("replace", current, next);
      return;
    }
    const desiredIndex = desired ? indexByKey(desired, keys) : undefined;
    // Indexes shift as items are removed: the patch applies in order.
    let index = 0;
    for (const [label, item] of currentIndex) {
      this.enter(itemToken(label), index);
      if (nextIndex.has(label)) {
        this.value(item, nextIndex.get(label), desiredIndex?.get(label), shape?.item());
        index++;
      } else {
        this.record("remove", item, undefined);
      }
      this.leave();
    }
    for (const [label, item] of nextIndex) {
      if (currentIndex.has(label)) continue;
      this.enter(itemToken(label), "-");
      this.record("add", undefined, item);
      this.leave();
    }
  }

  private set(current: unknown[], next: unknown[]): void {
    const before = new Set(current.map(setLabel));
    const after = new Set(next.map(setLabel));
    const removed = current.filter((item) => !after.has(setLabel(item)));
    const added = next.filter((item) => !before.has(setLabel(item)));
    if (removed.length === 0 && added.length === 0) return;
    const pointer = toPointer(this.pointer);
    for (const item of removed) this.diffs.push({ path: [...this.path, itemToken(setLabel(item))], pointer, op: "remove", from: item });
    for (const item of added) this.diffs.push({ path: [...this.path, itemToken(setLabel(item))], pointer, op: "add", to: item });
    this.patch.push({ op: "replace", path: pointer, value: next });
  }
}

/**
 * Differences from `current` to `next` (`next` is edited in place: fields only
 * defaulting added are dropped). `desired` is the manifest, to tell defaults
 * from what the manifest asks for.
 */
export function diffObjects(current: JsonRecord, next: JsonRecord, desired: JsonRecord, shape: ShapeNode | undefined): ObjectDiff {
  const differ = new Differ();
  differ.object(current, next, desired, shape);
  return { diffs: differ.diffs, patch: differ.patch };
}
