// Resource quantities compare by value: `1000m` and `1`, `1Gi` and `1024Mi`
// are the same, and the server stores the canonical form anyway.
import { parseQuantity } from "../util/quantity.js";
import type { PathToken } from "./path.js";

/** Maps whose values are quantities: resources, quota, capacity, LimitRange bounds. */
const QUANTITY_MAPS = new Set([
  "requests",
  "limits",
  "hard",
  "capacity",
  "allocatable",
  "overhead",
  "used",
  "default",
  "defaultRequest",
  "max",
  "min",
  "maxLimitRequestRatio",
]);

/** Single quantity fields: emptyDir.sizeLimit, HPA metric targets. */
const QUANTITY_FIELDS = new Set(["sizeLimit", "averageValue"]);

export function isQuantityPath(path: readonly PathToken[]): boolean {
  const leaf = path[path.length - 1];
  const parent = path[path.length - 2];
  if (leaf === undefined) return false;
  if (parent !== undefined && QUANTITY_MAPS.has(parent)) return true;
  if (QUANTITY_FIELDS.has(leaf)) return true;
  return leaf === "value" && parent === "target";
}

export function quantitiesEqual(a: unknown, b: unknown): boolean {
  if ((typeof a !== "string" && typeof a !== "number") || (typeof b !== "string" && typeof b !== "number")) return false;
  const left = parseQuantity(a);
  const right = parseQuantity(b);
  return left !== undefined && right !== undefined && left.nanos === right.nanos;
}
