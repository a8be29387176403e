// The QoS class of a pod (pkg/apis/core/helper/qos.ComputePodQOS): only cpu and
// memory count; init containers count like the others; pod-level resources,
// when set, decide instead of the containers.
import type { KubeObject } from "../types.js";
import { dig, isRecord, recordOf, recordsOf } from "../util/object-access.js";
import { addQuantities, type Quantity } from "../util/quantity.js";
import { parseResourceList, type ResourceList } from "./resource-list.js";

export type QosClass = "Guaranteed" | "Burstable" | "BestEffort";

const QOS_RESOURCES = ["cpu", "memory"];

interface Tally {
  requests: ResourceList;
  limits: ResourceList;
  guaranteed: boolean;
}

function addPositive(into: ResourceList, name: string, quantity: Quantity): void {
  const current = into.get(name);
  into.set(name, current ? addQuantities(current, quantity) : quantity);
}

function addRequests(into: Tally, requests: ResourceList): void {
  for (const [name, quantity] of requests) {
    if (QOS_RESOURCES.includes(name) && quantity.nanos > 0n) addPositive(into.requests, name, quantity);
  }
}

/** Limits of one container (or of the pod): Guaranteed needs both cpu and memory limited. */
function addLimits(into: Tally, limits: ResourceList): void {
  const found = new Set<string>();
  for (const [name, quantity] of limits) {
    if (QOS_RESOURCES.includes(name) && quantity.nanos > 0n) {
      found.add(name);
      addPositive(into.limits, name, quantity);
    }
  }
  if (!QOS_RESOURCES.every((name) => found.has(name))) into.guaranteed = false;
}

export function qosClassOf(pod: KubeObject): QosClass {
  const t: Tally = { requests: new Map(), limits: new Map(), guaranteed: true };
  const spec = recordOf(pod.spec);
  if (isRecord(spec.resources)) {
    addRequests(t, parseResourceList(spec.resources.requests));
    const limits = parseResourceList(spec.resources.limits);
    if (limits.size > 0) addLimits(t, limits);
  } else {
    for (const container of [...recordsOf(spec.containers), ...recordsOf(spec.initContainers)]) {
      addRequests(t, parseResourceList(dig(container, "resources", "requests")));
      addLimits(t, parseResourceList(dig(container, "resources", "limits")));
    }
  }
  if (t.requests.size === 0 && t.limits.size === 0) return "BestEffort";
  let guaranteed = t.guaranteed;
  for (const [name, request] of t.requests) {
    const limit = t.limits.get(name);
    if (!limit || limit.nanos !== request.nanos) {
      guaranteed = false;
      break;
    }
  }
  return guaranteed && t.requests.size === t.limits.size ? "Guaranteed" : "Burstable";
}
