// LimitRanger (plugin/pkg/admission/limitranger): Container defaults on pods
// (mutating), then min, max and maxLimitRequestRatio for Container, Pod and
// PersistentVolumeClaim items (validating), with kube-apiserver's wording.
import type { KubeObject } from "../../types.js";
import { isRecord, recordOf, recordsOf, type JsonRecord } from "../../util/object-access.js";
import { formatQuantity, milliValue, wholeValue, type Quantity } from "../../util/quantity.js";
import { aggregate } from "../api-errors.js";
import { containersOf, podLimits, podRequests } from "../pod-resources.js";
import { cachedQuantity, parseResourceList, sortedNames, type ResourceList } from "../resource-list.js";
import { appendAll } from "../../util/append.js";

const ANNOTATION = "kubernetes.io/limit-ranger";

interface LimitItem {
  type: string;
  min: ResourceList;
  max: ResourceList;
  ratio: ResourceList;
  default: ResourceList;
  defaultRequest: ResourceList;
}

function itemsOf(limitRange: KubeObject): LimitItem[] {
  return recordsOf(recordOf(limitRange.spec).limits).map((item) => ({
    type: String(item.type ?? ""),
    min: parseResourceList(item.min),
    max: parseResourceList(item.max),
    ratio: parseResourceList(item.maxLimitRequestRatio),
    default: parseResourceList(item.default),
    defaultRequest: parseResourceList(item.defaultRequest),
  }));
}

/** The raw manifest values of a LimitRange map, kept as written (for the mutated pod). */
function rawDefaults(limitRange: KubeObject, field: "default" | "defaultRequest"): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const item of recordsOf(recordOf(limitRange.spec).limits)) {
    if (item.type === "Container") Object.assign(out, recordOf(item[field]));
  }
  return out;
}

function ensureMap(target: JsonRecord, key: string): JsonRecord {
  if (!isRecord(target[key])) target[key] = {};
  return target[key] as JsonRecord;
}

/** mergeContainerResources: fills only what the container leaves out; returns the annotation parts. */
function mergeContainer(container: JsonRecord, limits: Record<string, unknown>, requests: Record<string, unknown>, prefix: string): string[] {
  const resources = ensureMap(container, "resources");
  const containerLimits = ensureMap(resources, "limits");
  const containerRequests = ensureMap(resources, "requests");
  const setLimits = Object.keys(limits).filter((name) => !(name in containerLimits));
  const setRequests = Object.keys(requests).filter((name) => !(name in containerRequests));
  for (const name of setLimits) containerLimits[name] = canonical(limits[name]);
  for (const name of setRequests) containerRequests[name] = canonical(requests[name]);
  const name = typeof container.name === "string" ? container.name : "";
  const parts: string[] = [];
  if (setRequests.length > 0) parts.push(`${sortedNames(setRequests).join(", ")} request for ${prefix} ${name}`);
  if (setLimits.length > 0) parts.push(`${sortedNames(setLimits).join(", ")} limit for ${prefix} ${name}`);
  return parts;
}

/** The API server stores quantities in canonical form. */
function canonical(value: unknown): unknown {
  if (typeof value !== "string" && typeof value !== "number") return value;
  const quantity = cachedQuantity(value);
  return quantity ? formatQuantity(quantity) : value;
}

/** PodMutateLimitFunc for every LimitRange of the namespace, in order. */
export function mutatePod(pod: KubeObject, limitRanges: readonly KubeObject[]): void {
  const spec = recordOf(pod.spec);
  for (const limitRange of limitRanges) {
    const limits = rawDefaults(limitRange, "default");
    const requests = rawDefaults(limitRange, "defaultRequest");
    const annotations: string[] = [];
    for (const container of recordsOf(spec.containers)) appendAll(annotations, mergeContainer(container, limits, requests, "container"));
    for (const container of recordsOf(spec.initContainers)) appendAll(annotations, mergeContainer(container, limits, requests, "init container"));
    if (annotations.length > 0) {
      const metadata = (pod.metadata ??= {});
      metadata.annotations = { ...(metadata.annotations ?? {}), [ANNOTATION]: `LimitRanger plugin set: ${annotations.join("; ")}` };
    }
  }
}

/** The largest value that still fits milli-units in an int64 (resource.MaxMilliValue). */
const MAX_MILLI = (2n ** 63n - 1n) / 1000n;

/** requestLimitEnforcedValues: milli-units when all three fit, whole units otherwise. */
function comparable(...quantities: (Quantity | undefined)[]): bigint[] {
  const whole = quantities.map((q) => (q ? wholeValue(q) : 0n));
  if (whole.every((v) => v <= MAX_MILLI)) return quantities.map((q) => (q ? milliValue(q) : 0n));
  return whole;
}

function minConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = requests.get(name);
  const limit = limits.get(name);
  const [req, lim, min] = comparable(request, limit, enforced) as [bigint, bigint, bigint];
  const e = formatQuantity(enforced);
  if (!request) return `minimum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (req < min) return `minimum ${name} usage per ${type} is ${e}, but request is ${formatQuantity(request)}`;
  if (limit && lim < min) return `minimum ${name} usage per ${type} is ${e}, but limit is ${formatQuantity(limit)}`;
  return undefined;
}

function maxConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = requests.get(name);
  const limit = limits.get(name);
  const [req, lim, max] = comparable(request, limit, enforced) as [bigint, bigint, bigint];
  const e = formatQuantity(enforced);
  if (!limit) return `maximum ${name} usage per ${type} is ${e}.  No limit is specified`;
  if (lim > max) return `maximum ${name} usage per ${type} is ${e}, but limit is ${formatQuantity(limit)}`;
  if (request && req > max) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQuantity(request)}`;
  return undefined;
}

/** maxRequestConstraint: claims have no limits, their request is held to the max. */
function maxRequestConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList): string | undefined {
  const request = requests.get(name);
  const [req, max] = comparable(request, enforced) as [bigint, bigint];
  const e = formatQuantity(enforced);
  if (!request) return `maximum ${name} usage per ${type} is ${e}.  No request is specified`;
  if (req > max) return `maximum ${name} usage per ${type} is ${e}, but request is ${formatQuantity(request)}`;
  return undefined;
}

function ratioConstraint(type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList): string | undefined {
  const request = requests.get(name);
  const limit = limits.get(name);
  const [req, lim] = comparable(request, limit, enforced) as [bigint, bigint];
  const e = formatQuantity(enforced);
  if (!request || req === 0n) return `${name} max limit to request ratio per ${type} is ${e}, but no request is specified or request is 0`;
  if (!limit || lim === 0n) return `${name} max limit to request ratio per ${type} is ${e}, but no limit is specified or limit is 0`;
  const observed = Number(lim) / Number(req);
  const enforcedWhole = wholeValue(enforced);
  const [ratio, allowed] = enforcedWhole <= MAX_MILLI ? [observed * 1000, Number(milliValue(enforced))] : [observed, Number(enforcedWhole)];
  if (ratio > allowed) return `${name} max limit to request ratio per ${type} is ${e}, but provided ratio is ${observed.toFixed(6)}`;
  return undefined;
}

export interface LimitViolation {
  message: string;
  /** Where the first violation is, inside the pod or claim. */
  pointer: string;
}

type Check = (type: string, name: string, enforced: Quantity, requests: ResourceList, limits: ResourceList) => string | undefined;

/** Min, then max, then ratio, each over the item's resources (sorted: upstream's map order is random). */
function checkItem(item: LimitItem, type: string, requests: ResourceList, limits: ResourceList, pointerOf: (name: string, side: string) => string, out: LimitViolation[]): void {
  const rules: [ResourceList, Check, string][] = [
    [item.min, minConstraint, "requests"],
    [item.max, maxConstraint, "limits"],
    [item.ratio, ratioConstraint, "limits"],
  ];
  for (const [bounds, check, side] of rules) {
    for (const name of sortedNames(bounds)) {
      const message = check(type, name, bounds.get(name)!, requests, limits);
      if (message) out.push({ message, pointer: pointerOf(name, message.includes("but request") ? "requests" : side) });
    }
  }
}

/** PodValidateLimitFunc; the first LimitRange that finds violations decides (all of its messages joined). */
export function validatePod(pod: KubeObject, limitRanges: readonly KubeObject[]): LimitViolation | undefined {
  for (const limitRange of limitRanges) {
    const violations: LimitViolation[] = [];
    for (const item of itemsOf(limitRange)) {
      if (item.type === "Container") {
        for (const ref of containersOf(pod)) {
          const resources = recordOf(ref.container.resources);
          checkItem(item, "Container", parseResourceList(resources.requests), parseResourceList(resources.limits),
            (name, side) => `${ref.pointer}/resources/${side}/${name}`, violations);
        }
      } else if (item.type === "Pod") {
        const options = { excludeOverhead: true };
        checkItem(item, "Pod", podRequests(pod, options), podLimits(pod, options), () => "/spec", violations);
      }
    }
    if (violations.length > 0) return { message: aggregate(violations.map((v) => v.message)), pointer: violations[0]!.pointer };
  }
  return undefined;
}

/** PersistentVolumeClaimValidateLimitFunc: storage requests against PersistentVolumeClaim items. */
export function validateClaim(claim: KubeObject, limitRanges: readonly KubeObject[]): LimitViolation | undefined {
  const requests = parseResourceList(recordOf(recordOf(claim.spec).resources).requests);
  for (const limitRange of limitRanges) {
    const messages: string[] = [];
    for (const item of itemsOf(limitRange)) {
      if (item.type !== "PersistentVolumeClaim") continue;
      for (const name of sortedNames(item.min)) {
        const message = minConstraint("PersistentVolumeClaim", name, item.min.get(name)!, requests, new Map());
        if (message) messages.push(message);
      }
      for (const name of sortedNames(item.max)) {
        const message = maxRequestConstraint("PersistentVolumeClaim", name, item.max.get(name)!, requests);
        if (message) messages.push(message);
      }
    }
    if (messages.length > 0) return { message: aggregate(messages), pointer: "/spec/resources/requests/storage" };
  }
  return undefined;
}
