// Kubernetes' lists library (isSorted, sum, min, max, indexOf, lastIndexOf),
// cel-go's lists extension (slice, flatten, sort, distinct, reverse,
// lists.range) and sets extension (sets.contains, equivalent, intersects).
import type { Environment } from "@marcbachmann/cel-js";
import { compareDurations, durationNanos, durationOf, isDuration } from "./duration.js";
import { celEquals } from "./equals.js";
import { CelEvaluationError } from "./macros.js";
import { namespace } from "./namespace.js";
import { compareTimestamps } from "./timestamp.js";

const isNumber = (value: unknown): value is bigint | number => typeof value === "bigint" || typeof value === "number";

function compare(a: unknown, b: unknown): number {
  if (typeof a === "string" && typeof b === "string") return a < b ? -1 : a > b ? 1 : 0;
  if (isNumber(a) && isNumber(b)) return a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === "boolean" && typeof b === "boolean") return Number(a) - Number(b);
  if (a instanceof Date && b instanceof Date) return compareTimestamps(a, b);
  if (isDuration(a) && isDuration(b)) return compareDurations(a, b);
  throw new CelEvaluationError("no_such_overload", "no such overload");
}

function extreme(list: unknown[], sign: 1 | -1): unknown {
  if (list.length === 0) throw new CelEvaluationError("invalid_argument", `${sign > 0 ? "max" : "min"}(list) argument must not be empty`);
  return list.reduce((best, item) => (compare(item, best) * sign > 0 ? item : best));
}

function sum(list: unknown[]): unknown {
  if (list.length === 0) return 0n;
  if (list.every((item) => typeof item === "bigint")) return (list as bigint[]).reduce((a, b) => a + b, 0n);
  if (list.every((item) => typeof item === "number")) return (list as number[]).reduce((a, b) => a + b, 0);
  if (list.every(isDuration)) return durationOf(list.reduce((total, item) => total + durationNanos(item), 0n));
  throw new CelEvaluationError("no_such_overload", "no such overload");
}

function slice(list: unknown[], start: bigint, end: bigint): unknown[] {
  if (start < 0n || end < 0n) throw new CelEvaluationError("invalid_argument", `cannot slice(${start}, ${end}), negative indexes not supported`);
  if (start > end) throw new CelEvaluationError("invalid_argument", `cannot slice(${start}, ${end}), start index must be less than or equal to end index`);
  if (end > BigInt(list.length)) throw new CelEvaluationError("invalid_argument", `cannot slice(${start}, ${end}), list is length ${list.length}`);
  return list.slice(Number(start), Number(end));
}

function flatten(list: unknown[], depth: bigint): unknown[] {
  if (depth < 0n) throw new CelEvaluationError("invalid_argument", "level must be non-negative");
  return depth === 0n ? list : list.flatMap((item) => (Array.isArray(item) ? flatten(item, depth - 1n) : [item]));
}

function distinct(list: unknown[]): unknown[] {
  const out: unknown[] = [];
  for (const item of list) if (!out.some((seen) => celEquals(seen, item))) out.push(item);
  return out;
}

const contains = (list: unknown[], items: unknown[]) => items.every((item) => list.some((x) => celEquals(x, item)));

export function registerLists(env: Environment): void {
  env.registerFunction("list.isSorted(): bool", (list: unknown[]) => list.every((item, i) => i === 0 || compare(list[i - 1], item) <= 0));
  env.registerFunction("list.sum(): dyn", sum);
  env.registerFunction("list.min(): dyn", (list: unknown[]) => extreme(list, -1));
  env.registerFunction("list.max(): dyn", (list: unknown[]) => extreme(list, 1));
  env.registerFunction("list.__indexOf(dyn): int", (list: unknown[], value: unknown) => BigInt(list.findIndex((item) => celEquals(item, value))));
  env.registerFunction("list.__lastIndexOf(dyn): int", (list: unknown[], value: unknown) => {
    for (let i = list.length - 1; i >= 0; i--) if (celEquals(list[i], value)) return BigInt(i);
    return -1n;
  });
  env.registerFunction("list.slice(int, int): list", slice);
  env.registerFunction("list.flatten(): list", (list: unknown[]) => flatten(list, 1n));
  env.registerFunction("list.flatten(int): list", flatten);
  env.registerFunction("list.distinct(): list", distinct);
  env.registerFunction("list.reverse(): list", (list: unknown[]) => [...list].reverse());
  env.registerFunction("list.sort(): list", (list: unknown[]) => [...list].sort(compare));
  const lists = namespace(env, "lists");
  env.registerFunction(`${lists}.range(int): list<int>`, (_ns: unknown, n: bigint) => Array.from({ length: Number(n > 0n ? n : 0n) }, (_v, i) => BigInt(i)));
  const sets = namespace(env, "sets");
  env.registerFunction(`${sets}.contains(list, list): bool`, (_ns: unknown, a: unknown[], b: unknown[]) => contains(a, b));
  env.registerFunction(`${sets}.equivalent(list, list): bool`, (_ns: unknown, a: unknown[], b: unknown[]) => contains(a, b) && contains(b, a));
  env.registerFunction(`${sets}.intersects(list, list): bool`, (_ns: unknown, a: unknown[], b: unknown[]) => b.some((item) => a.some((x) => celEquals(x, item))));
}
