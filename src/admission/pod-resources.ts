// A pod's resources as k8s.io/component-helpers/resource aggregates them:
// containers summed, init containers as a maximum (restartable sidecars add up),
// pod-level resources override cpu and memory, overhead added.
import type { KubeObject } from "../types.js";
import { dig, isRecord, recordOf, recordsOf, type JsonRecord } from "../util/object-access.js";
import { addInto, maxInto, parseResourceList, type ResourceList } from "./resource-list.js";

export interface ContainerRef {
  container: JsonRecord;
  /** Index in its list. */
  index: number;
  init: boolean;
  /** JSON pointer of the container inside the pod. */
  pointer: string;
}

/** Containers then init containers, as the API server's visitors list them. */
export function containersOf(pod: KubeObject): ContainerRef[] {
  const spec = recordOf(pod.spec);
  const main = recordsOf(spec.containers).map((container, index) => ({ container, index, init: false, pointer: `/spec/containers/${index}` }));
  const init = recordsOf(spec.initContainers).map((container, index) => ({ container, index, init: true, pointer: `/spec/initContainers/${index}` }));
  return [...main, ...init];
}

export function containerName(ref: ContainerRef): string {
  return typeof ref.container.name === "string" ? ref.container.name : "";
}

export function containerRequests(container: JsonRecord): ResourceList {
  return parseResourceList(dig(container, "resources", "requests"));
}

export function containerLimits(container: JsonRecord): ResourceList {
  return parseResourceList(dig(container, "resources", "limits"));
}

function isSidecar(container: JsonRecord): boolean {
  return container.restartPolicy === "Always";
}

type Pick = (container: JsonRecord) => ResourceList;

/** AggregateContainerRequests / AggregateContainerLimits. */
function aggregate(pod: KubeObject, pick: Pick): ResourceList {
  const spec = recordOf(pod.spec);
  const total: ResourceList = new Map();
  for (const container of recordsOf(spec.containers)) addInto(total, pick(container));
  const sidecars: ResourceList = new Map();
  const initPeak: ResourceList = new Map();
  for (const container of recordsOf(spec.initContainers)) {
    let effective: ResourceList;
    if (isSidecar(container)) {
      addInto(total, pick(container));
      addInto(sidecars, pick(container));
      effective = sidecars;
    } else {
      effective = new Map();
      addInto(effective, pick(container));
      addInto(effective, sidecars);
    }
    maxInto(initPeak, effective);
  }
  maxInto(total, initPeak);
  return total;
}

/** resource.AggregateContainerRequests: what the containers alone request, without pod-level resources or overhead. */
export function aggregateContainerRequests(pod: KubeObject): ResourceList {
  return aggregate(pod, containerRequests);
}

/** resource.AggregateContainerLimits: the containers' limits alone, without pod-level resources or overhead. */
export function aggregateContainerLimits(pod: KubeObject): ResourceList {
  return aggregate(pod, containerLimits);
}

/** Resources that may be set at the pod level (PodLevelResources). */
const POD_LEVEL_RESOURCES = new Set(["cpu", "memory"]);

function overridePodLevel(list: ResourceList, podLevel: unknown): void {
  for (const [name, quantity] of parseResourceList(podLevel)) {
    if (POD_LEVEL_RESOURCES.has(name)) list.set(name, quantity);
  }
}

export interface PodResourceOptions {
  /** LimitRanger leaves pod overhead out; quota and the scheduler count it. */
  excludeOverhead?: boolean;
}

/** resource.PodRequests. */
export function podRequests(pod: KubeObject, options: PodResourceOptions = {}): ResourceList {
  const requests = aggregateContainerRequests(pod);
  const spec = recordOf(pod.spec);
  if (isRecord(spec.resources)) overridePodLevel(requests, spec.resources.requests);
  if (!options.excludeOverhead) addInto(requests, parseResourceList(spec.overhead));
  return requests;
}

/** resource.PodLimits: overhead only added to limits that are set. */
export function podLimits(pod: KubeObject, options: PodResourceOptions = {}): ResourceList {
  const limits = aggregateContainerLimits(pod);
  const spec = recordOf(pod.spec);
  if (isRecord(spec.resources)) overridePodLevel(limits, spec.resources.limits);
  if (!options.excludeOverhead) {
    for (const [name, quantity] of parseResourceList(spec.overhead)) {
      if (limits.has(name)) addInto(limits, new Map([[name, quantity]]));
    }
  }
  return limits;
}
