// framework.NodeInfo: a node with what is already bound to it (requested
// resources, host ports, pods), updated as the plan places pods.
import type { KubeObject } from "../types.js";
import type { Taint } from "../util/taints.js";
import type { Labels } from "./label-selector.js";
import { metadataOf, specOf } from "./objects.js";
import { arrayOf, isRecord, recordOf, stringMapOf, textOf, truncatedIntegerOf } from "../util/object-access.js";
import type { HostPort, PodInfo } from "./pod-info.js";
import { isScalarResourceName, resourceListAmounts, type ResourceAmounts } from "./resources.js";

export const ZONE_LABEL = "topology.kubernetes.io/zone";
const LEGACY_ZONE_LABEL = "failure-domain.beta.kubernetes.io/zone";
export const HOSTNAME_LABEL = "kubernetes.io/hostname";

/** cpu (millicores), memory and ephemeral-storage (bytes) and scalar resources, as framework.Resource. */
export class Resources {
  milliCPU = 0;
  memory = 0;
  ephemeralStorage = 0;
  readonly scalar = new Map<string, number>();

  add(amounts: ResourceAmounts, sign: 1 | -1 = 1): void {
    for (const [name, value] of amounts) {
      if (name === "cpu") this.milliCPU += sign * value;
      else if (name === "memory") this.memory += sign * value;
      else if (name === "ephemeral-storage") this.ephemeralStorage += sign * value;
      else if (isScalarResourceName(name)) this.scalar.set(name, (this.scalar.get(name) ?? 0) + sign * value);
    }
  }

  clone(): Resources {
    const copy = new Resources();
    copy.milliCPU = this.milliCPU;
    copy.memory = this.memory;
    copy.ephemeralStorage = this.ephemeralStorage;
    for (const [name, value] of this.scalar) copy.scalar.set(name, value);
    return copy;
  }
}

export interface NodeInfo {
  object: KubeObject;
  /** Position in the scheduler's node list (zones interleaved). */
  index: number;
  name: string;
  labels: Labels;
  zone: string;
  taints: Taint[];
  unschedulable: boolean;
  allocatable: Resources;
  allowedPodNumber: number;
  requested: Resources;
  nonZeroCPU: number;
  nonZeroMemory: number;
  pods: PodInfo[];
  /** protocol/port → host IPs bound. */
  usedPorts: Map<string, Set<string>>;
  /** Image name → size in bytes, from status.images. */
  images: Map<string, number>;
}

export function zoneOf(labels: Labels): string {
  return labels[ZONE_LABEL] ?? labels[LEGACY_ZONE_LABEL] ?? "";
}

function imagesOf(status: Record<string, unknown>): Map<string, number> {
  const images = new Map<string, number>();
  for (const image of arrayOf(status.images)) {
    const record = recordOf(image);
    const size = truncatedIntegerOf(record.sizeBytes) ?? 0;
    for (const name of arrayOf(record.names)) if (typeof name === "string") images.set(name, size);
  }
  return images;
}

export function newNodeInfo(object: KubeObject, index: number): NodeInfo {
  const status = recordOf(object.status);
  // A snapshot without allocatable is read as if allocatable equalled capacity.
  const list = isRecord(status.allocatable) ? status.allocatable : status.capacity;
  const amounts = resourceListAmounts(list);
  const allocatable = new Resources();
  allocatable.add(amounts);
  const labels = stringMapOf(metadataOf(object).labels);
  const spec = specOf(object);
  return {
    object,
    index,
    name: textOf(metadataOf(object).name),
    labels,
    zone: zoneOf(labels),
    taints: arrayOf(spec.taints).filter(isRecord) as Taint[],
    unschedulable: spec.unschedulable === true,
    allocatable,
    allowedPodNumber: amounts.get("pods") ?? 0,
    requested: new Resources(),
    nonZeroCPU: 0,
    nonZeroMemory: 0,
    pods: [],
    usedPorts: new Map(),
    images: imagesOf(status),
  };
}

function portKey(protocol: string, port: number): string {
  return `${protocol}/${port}`;
}

export function addPodToNode(node: NodeInfo, pod: PodInfo): void {
  node.pods.push(pod);
  node.requested.add(pod.requests);
  node.nonZeroCPU += pod.nonZeroCPU;
  node.nonZeroMemory += pod.nonZeroMemory;
  for (const port of pod.hostPorts) {
    const key = portKey(port.protocol, port.port);
    let ips = node.usedPorts.get(key);
    if (!ips) node.usedPorts.set(key, (ips = new Set()));
    ips.add(port.ip);
  }
}

/** A copy of the node without the given pods (for the preemption dry run). */
export function nodeWithout(node: NodeInfo, removed: ReadonlySet<PodInfo>): NodeInfo {
  const copy: NodeInfo = {
    ...node,
    requested: new Resources(),
    nonZeroCPU: 0,
    nonZeroMemory: 0,
    pods: [],
    usedPorts: new Map(),
  };
  for (const pod of node.pods) if (!removed.has(pod)) addPodToNode(copy, pod);
  return copy;
}

/** HostPortInfo.CheckConflict: 0.0.0.0 conflicts with any IP on the same protocol and port. */
export function hostPortConflicts(node: NodeInfo, want: HostPort): boolean {
  const ips = node.usedPorts.get(portKey(want.protocol, want.port));
  if (!ips || ips.size === 0) return false;
  if (want.ip === "0.0.0.0") return true;
  return ips.has("0.0.0.0") || ips.has(want.ip);
}
