// Pod resource requests as kube-scheduler computes them
// (k8s.io/component-helpers/resource.PodRequests): the sum of the containers,
// at least the largest init container (restartable sidecars accumulate), pod-level
// requests when set, plus pod overhead. Values are summed exactly (nano-units)
// and converted once, as upstream converts Quantities (MilliValue for cpu, Value
// for everything else, both rounding up).
import { milliValue, parseQuantity, wholeValue } from "../util/quantity.js";
import { arrayOf, recordOf } from "../util/object-access.js";

/** A resource list in scheduler units: cpu in millicores, the rest in whole units (bytes, counts). */
export type ResourceAmounts = Map<string, number>;

type NanoList = Map<string, bigint>;

/** Requests the scheduler assumes for a container that sets none (schedutil.DefaultMilliCPURequest / DefaultMemoryRequest). */
export const DEFAULT_MILLI_CPU_REQUEST = 100;
export const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024;

const HUGEPAGES_PREFIX = "hugepages-";

/** Native resources have no domain, or a kubernetes.io domain. */
export function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** Extended resources (`nvidia.com/gpu`): a domain other than kubernetes.io, not a quota name. */
export function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith("requests.");
}

/** Resources the scheduler tracks as "scalar resources" beside cpu, memory, ephemeral-storage and pods. */
export function isScalarResourceName(name: string): boolean {
  return (
    isExtendedResourceName(name) ||
    name.startsWith(HUGEPAGES_PREFIX) ||
    name.startsWith("attachable-volumes-") ||
    (name.includes("/") && name.includes("kubernetes.io/"))
  );
}

function isPodLevelResource(name: string): boolean {
  return name === "cpu" || name === "memory" || name.startsWith(HUGEPAGES_PREFIX);
}

function toNanos(list: unknown): NanoList {
  const out: NanoList = new Map();
  for (const [name, value] of Object.entries(recordOf(list))) {
    if (typeof value !== "string" && typeof value !== "number") continue;
    const q = parseQuantity(value);
    if (q) out.set(name, q.nanos);
  }
  return out;
}

function add(into: NanoList, other: NanoList): void {
  for (const [name, value] of other) into.set(name, (into.get(name) ?? 0n) + value);
}

function maxInto(into: NanoList, other: NanoList): void {
  for (const [name, value] of other) {
    const current = into.get(name);
    if (current === undefined || value > current) into.set(name, value);
  }
}

function withDefaults(requests: NanoList, defaults: NanoList | undefined): NanoList {
  if (!defaults) return requests;
  const out = new Map(requests);
  for (const [name, value] of defaults) if (!out.has(name)) out.set(name, value);
  return out;
}

function isRestartable(container: Record<string, unknown>): boolean {
  return container.restartPolicy === "Always";
}

export interface PodRequestOptions {
  /** Requests used for containers that set none for these resources (the scheduler's non-zero defaults). */
  nonMissing?: boolean;
  /** Honour `spec.resources.requests` (PodLevelResources). */
  podLevelResources: boolean;
}

const DEFAULTS_FOR_MISSING: NanoList = new Map([
  ["cpu", BigInt(DEFAULT_MILLI_CPU_REQUEST) * 1_000_000n],
  ["memory", BigInt(DEFAULT_MEMORY_REQUEST) * 1_000_000_000n],
]);

function podLevelRequests(spec: Record<string, unknown>): NanoList | undefined {
  const requests = toNanos(recordOf(spec.resources).requests);
  const supported = [...requests.keys()].filter(isPodLevelResource);
  if (supported.length === 0) return undefined;
  return new Map(supported.map((name) => [name, requests.get(name)!]));
}

function aggregateContainerRequests(spec: Record<string, unknown>, defaults: NanoList | undefined): NanoList {
  const total: NanoList = new Map();
  for (const container of arrayOf(spec.containers)) {
    add(total, withDefaults(toNanos(recordOf(recordOf(container).resources).requests), defaults));
  }
  // An init container runs while the sidecars started before it keep running.
  const sidecars: NanoList = new Map();
  const initPeak: NanoList = new Map();
  for (const entry of arrayOf(spec.initContainers)) {
    const container = recordOf(entry);
    const requests = withDefaults(toNanos(recordOf(container.resources).requests), defaults);
    if (isRestartable(container)) {
      add(total, requests);
      add(sidecars, requests);
      maxInto(initPeak, sidecars);
    } else {
      const whileRunning = new Map(requests);
      add(whileRunning, sidecars);
      maxInto(initPeak, whileRunning);
    }
  }
  maxInto(total, initPeak);
  return total;
}

/** The pod's effective requests in scheduler units. */
export function podRequests(pod: Record<string, unknown>, options: PodRequestOptions): ResourceAmounts {
  const spec = recordOf(pod.spec);
  const podLevel = options.podLevelResources ? podLevelRequests(spec) : undefined;
  let defaults: NanoList | undefined;
  if (options.nonMissing) {
    defaults = DEFAULTS_FOR_MISSING;
    if (podLevel) {
      // With pod-level requests, the defaults fill only resources set at neither level.
      const plain = totalRequests(spec, podLevel, undefined);
      defaults = new Map([...DEFAULTS_FOR_MISSING].filter(([name]) => !plain.has(name)));
    }
  }
  const total = totalRequests(spec, podLevel, defaults);
  add(total, toNanos(spec.overhead));
  return toSchedulerUnits(total);
}

function totalRequests(spec: Record<string, unknown>, podLevel: NanoList | undefined, defaults: NanoList | undefined): NanoList {
  const total = aggregateContainerRequests(spec, defaults);
  if (podLevel) for (const [name, value] of podLevel) total.set(name, value);
  return total;
}

function toSchedulerUnits(list: NanoList): ResourceAmounts {
  const out: ResourceAmounts = new Map();
  for (const [name, nanos] of list) {
    const q = { nanos, format: "DecimalSI" as const };
    out.set(name, Number(name === "cpu" ? milliValue(q) : wholeValue(q)));
  }
  return out;
}

/** A node's allocatable list (or any ResourceList) in scheduler units. */
export function resourceListAmounts(list: unknown): ResourceAmounts {
  return toSchedulerUnits(toNanos(list));
}
