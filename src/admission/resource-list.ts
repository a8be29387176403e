// v1.ResourceList arithmetic with the semantics of k8s.io/apimachinery's
// Quantity and k8s.io/apiserver/pkg/quota/v1 (Add, Subtract, Mask, LessThanOrEqual).
import { isRecord } from "../util/object-access.js";
import { addQuantities, compareQuantities, formatQuantity, parseQuantity, subtractQuantities, type Quantity, ZERO_QUANTITY } from "../util/quantity.js";
import { compareStrings } from "../util/order.js";

export type ResourceList = Map<string, Quantity>;

/** Manifests repeat the same few quantity strings: parse each once. */
const parsed = new Map<string | number, Quantity | null>();
const CACHE_LIMIT = 10_000;

export function cachedQuantity(raw: string | number): Quantity | undefined {
  let quantity = parsed.get(raw);
  if (quantity === undefined) {
    quantity = parseQuantity(raw) ?? null;
    if (parsed.size >= CACHE_LIMIT) parsed.clear();
    parsed.set(raw, quantity);
  }
  return quantity ?? undefined;
}

/** A resource map of a manifest; values that are not quantities are left out. */
export function parseResourceList(value: unknown): ResourceList {
  const list: ResourceList = new Map();
  if (!isRecord(value)) return list;
  for (const name of Object.keys(value)) {
    const raw = value[name];
    if (typeof raw !== "string" && typeof raw !== "number") continue;
    const quantity = cachedQuantity(raw);
    if (quantity) list.set(name, quantity);
  }
  return list;
}

/** quota.Add: every key of either list, summed. */
export function addLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map(a);
  for (const [name, quantity] of b) {
    const current = out.get(name);
    out.set(name, current ? addQuantities(current, quantity) : quantity);
  }
  return out;
}

/** quota.Subtract: keys of `a`, minus `b` where present. */
export function subtractLists(a: ResourceList, b: ResourceList): ResourceList {
  const out: ResourceList = new Map();
  for (const [name, quantity] of a) {
    const other = b.get(name);
    out.set(name, other ? subtractQuantities(quantity, other) : quantity);
  }
  return out;
}

/** quota.SubtractWithNonNegativeResult. */
export function subtractListsNonNegative(a: ResourceList, b: ResourceList): ResourceList {
  const out = subtractLists(a, b);
  for (const [name, quantity] of out) if (quantity.nanos < 0n) out.set(name, { ...ZERO_QUANTITY });
  return out;
}

/** maxResourceList: each key of `b` raised into `into` when larger. */
export function maxInto(into: ResourceList, b: ResourceList): void {
  for (const [name, quantity] of b) {
    const current = into.get(name);
    if (!current || compareQuantities(quantity, current) > 0) into.set(name, quantity);
  }
}

/** addResourceList: sums `b` into `into`. */
export function addInto(into: ResourceList, b: ResourceList): void {
  for (const [name, quantity] of b) {
    const current = into.get(name);
    into.set(name, current ? addQuantities(current, quantity) : quantity);
  }
}

/** quota.Mask: only the named resources. */
export function mask(list: ResourceList, names: Iterable<string>): ResourceList {
  const out: ResourceList = new Map();
  for (const name of names) {
    const quantity = list.get(name);
    if (quantity) out.set(name, quantity);
  }
  return out;
}

/** quota.RemoveZeros. */
export function removeZeros(list: ResourceList): ResourceList {
  return new Map([...list].filter(([, quantity]) => quantity.nanos !== 0n));
}

/** quota.LessThanOrEqual: the resources of `a` that exceed their value in `b`. */
export function exceededResources(a: ResourceList, b: ResourceList): string[] {
  const exceeded: string[] = [];
  for (const [name, quantity] of a) {
    const limit = b.get(name);
    if (limit && compareQuantities(quantity, limit) > 0) exceeded.push(name);
  }
  return exceeded;
}

export function sortedNames(list: ResourceList | Iterable<string>): string[] {
  const names = list instanceof Map ? [...list.keys()] : [...list];
  return names.sort(compareStrings);
}

/** The resource quota plugin's prettyPrint: `requests.cpu=500m,requests.memory=1Gi`. */
export function prettyPrint(list: ResourceList): string {
  return sortedNames(list).map((name) => `${name}=${formatQuantity(list.get(name)!)}`).join(",");
}

/** Canonical strings, keys sorted (for output). */
export function toRecord(list: ResourceList): Record<string, string> {
  const out: Record<string, string> = {};
  for (const name of sortedNames(list)) out[name] = formatQuantity(list.get(name)!);
  return out;
}
