// What the server stores after an apply: the manifest merged into the stored
// object. Fields the manifest sets win; lists with a merge key merge item by
// item; atomic lists and maps are replaced whole. What happens to a field only
// the stored object has depends on how it is applied (`Removal`): kubectl's
// three-way merge deletes it only when the last applied configuration had it,
// server-side apply only when this field manager alone owned it, `kubectl
// replace` always. A field another manager owns on the server's side
// (allocated IPs, a Job's selector...) is always kept.
import { indexByKey, isSetList, keysOf, setLabel } from "./list-keys.js";
import { itemToken, matchesAny, mayMatchBelow, type PathPattern, type PathToken } from "./path.js";
import { isQuantityPath, quantitiesEqual } from "./quantities.js";
import type { ShapeNode } from "./types.js";
import { cloneWithoutNulls, isRecord, type JsonRecord } from "../util/object-access.js";
import { lookupTable } from "../util/lookup-table.js";

/**
 * Fields with patch strategy retainKeys whose annotation sits next to a
 * `$ref` in the OpenAPI spec (resolved schemas may not keep it): by kind.
 */
const RETAIN_KEYS_FIELDS: Readonly<Record<string, readonly PathPattern[]>> = lookupTable({
  Deployment: [["spec", "strategy"]],
});

/**
 * Which fields that only the stored object has an apply removes: those the
 * original (kubectl's last applied configuration) had, `all` (`kubectl
 * replace`), or those a predicate names (server-side apply: the fields this
 * manager alone owned).
 */
export type Removal =
  | { kind: "original"; original: JsonRecord | undefined }
  | { kind: "all" }
  | { kind: "owned"; removes: (path: readonly PathToken[]) => boolean; mayRemoveBelow: (path: readonly PathToken[]) => boolean };

export interface MergeInput {
  current: JsonRecord;
  desired: JsonRecord;
  removal: Removal;
  shape: ShapeNode | undefined;
  /** Fields kept from the stored object when the manifest leaves them out. */
  owned: readonly PathPattern[];
  kind: string;
}

/** Walks the stored object and the manifest together; `path` is a stack the walk pushes to and pops from. */
class Merger {
  constructor(
    private readonly owned: readonly PathPattern[],
    private readonly removal: Removal,
    private readonly retainKeysFields: readonly PathPattern[],
  ) {}

  /**
   * What survives of a stored value the manifest leaves out: all of it when
   * kept, else only the parts other managers own (a Job's generated labels
   * inside template labels the manifest does not write). `original` is the
   * same field in kubectl's last applied configuration: with no such record,
   * kubectl's three-way patch deletes nothing.
   */
  private keptPart(current: unknown, original: unknown, shape: ShapeNode | undefined, path: PathToken[]): unknown {
    if (matchesAny(this.owned, path)) return cloneWithoutNulls(current);
    const removal = this.removal;
    if (removal.kind === "owned") return this.keptByOwnership(current, removal, shape, path);
    if (removal.kind === "original" && (removal.original === undefined || original === undefined)) return cloneWithoutNulls(current);
    return this.ownedPart(current, shape, path);
  }

  /** Server-side apply: what this manager alone owned goes, field by field; the rest stays. */
  private keptByOwnership(current: unknown, removal: Extract<Removal, { kind: "owned" }>, shape: ShapeNode | undefined, path: PathToken[]): unknown {
    if (removal.removes(path)) return this.ownedPart(current, shape, path);
    if (!removal.mayRemoveBelow(path)) return cloneWithoutNulls(current);
    if (isRecord(current)) {
      const out: JsonRecord = {};
      for (const [key, value] of Object.entries(current)) {
        path.push(key);
        const kept = this.keptByOwnership(value, removal, shape?.field(key), path);
        path.pop();
        if (kept !== undefined) out[key] = kept;
      }
      return out;
    }
    const keys = keysOf(shape);
    const index = Array.isArray(current) && keys ? indexByKey(current, keys) : undefined;
    if (!index) return cloneWithoutNulls(current);
    const out: unknown[] = [];
    for (const [label, item] of index) {
      path.push(itemToken(label));
      const kept = this.keptByOwnership(item, removal, shape?.item(), path);
      path.pop();
      if (kept !== undefined) out.push(kept);
    }
    return out;
  }

  /** Inside a value that goes, only what another manager owns stays. */
  private ownedPart(current: unknown, shape: ShapeNode | undefined, path: PathToken[]): unknown {
    if (matchesAny(this.owned, path)) return cloneWithoutNulls(current);
    if (!mayMatchBelow(this.owned, path)) return undefined;
    if (isRecord(current)) {
      const out: JsonRecord = {};
      for (const [key, value] of Object.entries(current)) {
        path.push(key);
        const kept = this.ownedPart(value, shape?.field(key), path);
        path.pop();
        if (kept !== undefined) out[key] = kept;
      }
      return Object.keys(out).length > 0 ? out : undefined;
    }
    const keys = keysOf(shape);
    const index = Array.isArray(current) && keys ? indexByKey(current, keys) : undefined;
    if (!keys || !index) return undefined;
    // List items stay whole or not at all: half an item would lose its key.
    const out = [...index].filter(([label]) => matchesAny(this.owned, [...path, itemToken(label)])).map(([, item]) => cloneWithoutNulls(item));
    return out.length > 0 ? out : undefined;
  }

  value(current: unknown, desired: unknown, lastApplied: unknown, shape: ShapeNode | undefined, path: PathToken[], retainKeys = false): unknown {
    if (isRecord(desired)) {
      if (!isRecord(current)) return cloneWithoutNulls(desired);
      const retain = retainKeys || shape?.retainKeys === true || matchesAny(this.retainKeysFields, path);
      return this.object(current, desired, lastApplied, shape, path, retain);
    }
    if (Array.isArray(desired)) return Array.isArray(current) ? this.list(current, desired, lastApplied, shape, path) : cloneWithoutNulls(desired);
    if (isQuantityPath(path) && quantitiesEqual(current, desired)) return current;
    return desired;
  }

  /** With `retainKeys`, keys the manifest leaves out go (unless another manager owns them), whatever the last apply recorded. */
  object(current: JsonRecord, desired: JsonRecord, lastApplied: unknown, shape: ShapeNode | undefined, path: PathToken[], retainKeys = false): JsonRecord {
    if (shape?.mapType === "atomic") return cloneWithoutNulls(desired);
    const out: JsonRecord = {};
    const recorded = isRecord(lastApplied) ? lastApplied : undefined;
    for (const [key, value] of Object.entries(current)) {
      path.push(key);
      if (desired[key] !== undefined) out[key] = this.value(value, desired[key], recorded?.[key], shape?.field(key), path);
      else {
        const kept = retainKeys ? this.ownedPart(value, shape?.field(key), path) : this.keptPart(value, recorded?.[key], shape?.field(key), path);
        if (kept !== undefined) out[key] = kept;
      }
      path.pop();
    }
    for (const [key, value] of Object.entries(desired)) {
      if (current[key] === undefined && value !== undefined) out[key] = cloneWithoutNulls(value);
    }
    return out;
  }

  list(current: unknown[], desired: unknown[], lastApplied: unknown, shape: ShapeNode | undefined, path: PathToken[]): unknown[] {
    if (isSetList(shape, current) && isSetList(shape, desired)) return this.set(current, desired, lastApplied, path);
    const keys = keysOf(shape);
    const currentIndex = keys && indexByKey(current, keys);
    const desiredIndex = keys && indexByKey(desired, keys);
    if (!keys || !currentIndex || !desiredIndex) return sameList(current, desired, path) ? cloneWithoutNulls(current) : cloneWithoutNulls(desired);
    const recordedIndex = Array.isArray(lastApplied) ? indexByKey(lastApplied, keys) : undefined;
    const out: unknown[] = [];
    // Stored order first: reordering the manifest is not a change.
    for (const [label, item] of currentIndex) {
      path.push(itemToken(label));
      if (desiredIndex.has(label)) out.push(this.value(item, desiredIndex.get(label), recordedIndex?.get(label), shape?.item(), path, shape?.retainKeys === true));
      else {
        const kept = this.keptPart(item, recordedIndex?.get(label), shape?.item(), path);
        if (kept !== undefined) out.push(kept);
      }
      path.pop();
    }
    for (const [label, item] of desiredIndex) if (!currentIndex.has(label)) out.push(cloneWithoutNulls(item));
    return out;
  }

  private set(current: unknown[], desired: unknown[], lastApplied: unknown, path: PathToken[]): unknown[] {
    const wanted = new Set(desired.map(setLabel));
    const recorded = Array.isArray(lastApplied) ? new Set(lastApplied.map(setLabel)) : undefined;
    const out = current.filter((item) => {
      const label = setLabel(item);
      if (wanted.has(label)) return true;
      path.push(itemToken(label));
      const kept = this.keptPart(item, recorded?.has(label) ? item : undefined, undefined, path) !== undefined;
      path.pop();
      return kept;
    });
    const present = new Set(out.map(setLabel));
    for (const item of desired) if (!present.has(setLabel(item))) out.push(item);
    return out;
  }
}

/**
 * Two values equal for the API server: quantities by value, `{}`/`[]` like
 * absent. `path` is where they sit (a stack: restored before returning).
 */
export function sameValue(a: unknown, b: unknown, path: PathToken[]): boolean {
  if (a === b) return true;
  if (Array.isArray(a) && Array.isArray(b)) return sameList(a, b, path);
  if (isRecord(a) && isRecord(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const key of keys) {
      const left = a[key];
      const right = b[key];
      if (isEmpty(left) && isEmpty(right)) continue;
      path.push(key);
      const same = sameValue(left, right, path);
      path.pop();
      if (!same) return false;
    }
    return true;
  }
  return isQuantityPath(path) && quantitiesEqual(a, b);
}

function isEmpty(value: unknown): boolean {
  return value === undefined || (Array.isArray(value) && value.length === 0) || (isRecord(value) && Object.keys(value).length === 0);
}

function sameList(a: readonly unknown[], b: readonly unknown[], path: PathToken[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    path.push(itemToken(String(i)));
    const same = sameValue(a[i], b[i], path);
    path.pop();
    if (!same) return false;
  }
  return true;
}

/** The object after apply, before API defaulting. */
export function mergeDesired(input: MergeInput): JsonRecord {
  const merger = new Merger(input.owned, input.removal, RETAIN_KEYS_FIELDS[input.kind] ?? []);
  const original = input.removal.kind === "original" ? input.removal.original : undefined;
  return merger.object(input.current, input.desired, original, input.shape, []);
}
