// framework.PodInfo: everything the plugins read from a pod, parsed once.
import type { KubeObject } from "../types.js";
import type { Toleration } from "../util/taints.js";
import { requiredTerms, weightedTerms, type AffinityTerm, type WeightedAffinityTerm } from "./affinity-term.js";
import type { CompiledSelector, Labels } from "./label-selector.js";
import { metadataOf, specOf } from "./objects.js";
import { arrayOf, isRecord, recordOf, stableJson, stringMapOf, textOf, truncatedIntegerOf } from "../util/object-access.js";
import { diskVolumesOf, type DiskVolume } from "./disk-volumes.js";
import { isScalarResourceName, podRequests, type ResourceAmounts } from "./resources.js";
import type { PodVolume } from "./types.js";

export interface HostPort {
  ip: string;
  protocol: string;
  port: number;
}

export interface PodInfo {
  object: KubeObject;
  name: string;
  namespace: string;
  labels: Labels;
  nodeName: string;
  priority: number;
  preemptNever: boolean;
  terminating: boolean;
  schedulerName: string;
  schedulingGates: number;
  /** Requests as NodeResourcesFit and the node's Requested count them. */
  requests: ResourceAmounts;
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Requested scalar resources (extended, hugepages), in request order. */
  scalarRequests: [string, number][];
  /** cpu and memory with the scheduler's defaults for containers that set none (NonZeroRequested). */
  nonZeroCPU: number;
  nonZeroMemory: number;
  hostPorts: HostPort[];
  tolerations: Toleration[];
  nodeSelector: Record<string, string> | undefined;
  /** requiredDuringScheduling node selector terms, or undefined when the pod sets none. */
  requiredNodeTerms: unknown[] | undefined;
  /** Identifies nodeSelector plus required node affinity, to share their evaluation between pods. */
  nodeAffinityKey: string;
  preferredNodeTerms: { weight: number; term: Record<string, unknown> }[];
  requiredAffinityTerms: AffinityTerm[];
  requiredAntiAffinityTerms: AffinityTerm[];
  preferredAffinityTerms: WeightedAffinityTerm[];
  preferredAntiAffinityTerms: WeightedAffinityTerm[];
  /** Has any podAffinity or podAntiAffinity (NodeInfo.PodsWithAffinity). */
  hasPodAffinity: boolean;
  topologySpreadConstraints: Record<string, unknown>[];
  /** Normalized image names of init containers and containers. */
  images: string[];
  /** Number of init containers and containers. */
  containerCount: number;
  /** Groups pods whose affinity terms are identical (same namespace, same terms). */
  affinityKey: string;
  /**
   * The selector of the system default spreading (services and the owning
   * ReplicaSet, StatefulSet or ReplicationController), for pods without
   * topologySpreadConstraints; undefined when nothing selects the pod.
   */
  defaultSpreadSelector?: CompiledSelector;
  /** The claims the pod mounts and how they bind (VolumeBinding). */
  volumes?: readonly PodVolume[];
  /** spec.volumes[].persistentVolumeClaim.claimName, in order (NodeInfo.PVCRefCounts, VolumeRestrictions, VolumeZone). */
  claimNames: string[];
  /** Inline GCE PD, AWS EBS, iSCSI and RBD volumes (VolumeRestrictions' disk conflicts). */
  diskVolumes: DiskVolume[];
}

/** Image name as the node reports it: `:latest` when no tag (imagelocality.normalizedImageName). */
export function normalizedImageName(name: string): string {
  return name.lastIndexOf(":") <= name.lastIndexOf("/") ? name + ":latest" : name;
}

function hostPortsOf(spec: Record<string, unknown>): HostPort[] {
  const containers = [
    ...arrayOf(spec.initContainers).filter((c) => isRecord(c) && c.restartPolicy === "Always"),
    ...arrayOf(spec.containers),
  ];
  const out: HostPort[] = [];
  for (const container of containers) {
    for (const port of arrayOf(recordOf(container).ports)) {
      const p = recordOf(port);
      const hostPort = truncatedIntegerOf(p.hostPort) ?? 0;
      if (hostPort <= 0) continue;
      out.push({ ip: textOf(p.hostIP) || "0.0.0.0", protocol: textOf(p.protocol) || "TCP", port: hostPort });
    }
  }
  return out;
}

function claimNamesOf(spec: Record<string, unknown>): string[] {
  const out: string[] = [];
  for (const volume of arrayOf(spec.volumes)) {
    const claim = recordOf(volume).persistentVolumeClaim;
    if (isRecord(claim)) out.push(textOf(claim.claimName));
  }
  return out;
}

/**
 * One empty list for all the pods that have none of something (host ports,
 * affinity terms...): a big plan holds a PodInfo for every pod, running or
 * placed. Frozen: the lists of a PodInfo are never changed.
 */
const NONE: readonly never[] = Object.freeze([]);

function orNone<T>(list: T[]): T[] {
  return list.length === 0 ? (NONE as never[]) : list;
}

/** Normalized image names of the init containers and containers, in that order. */
function imagesOf(spec: Record<string, unknown>): string[] {
  const images: string[] = [];
  for (const list of [spec.initContainers, spec.containers]) {
    for (const container of arrayOf(list)) {
      const image = textOf(recordOf(container).image);
      if (image !== "") images.push(normalizedImageName(image));
    }
  }
  return orNone(images);
}

/** The keys of most pods, which have no node selector or affinity: made once, not for every pod. */
const NO_NODE_AFFINITY_KEY = stableJson({ s: undefined, t: undefined });
const NO_POD_AFFINITY_KEY = stableJson({ a: undefined, n: undefined });

function nodeAffinityKeyOf(nodeSelector: unknown, requiredTerms: unknown): string {
  if (nodeSelector == null && requiredTerms == null) return NO_NODE_AFFINITY_KEY;
  return stableJson({ s: nodeSelector, t: requiredTerms });
}

function podAffinityKeyOf(podAffinity: unknown, podAntiAffinity: unknown): string {
  if (podAffinity == null && podAntiAffinity == null) return NO_POD_AFFINITY_KEY;
  return stableJson({ a: podAffinity, n: podAntiAffinity });
}

export interface PodInfoOptions {
  podLevelResources: boolean;
  priorityOf: (pod: KubeObject) => number;
}

export function newPodInfo(object: KubeObject, options: PodInfoOptions): PodInfo {
  const metadata = metadataOf(object);
  const spec = specOf(object);
  const namespace = textOf(metadata.namespace) || "default";
  const affinity = recordOf(spec.affinity);
  const podAffinity = recordOf(affinity.podAffinity);
  const podAntiAffinity = recordOf(affinity.podAntiAffinity);
  const nodeAffinity = recordOf(affinity.nodeAffinity);
  const required = nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution;
  const requests = podRequests(object, { podLevelResources: options.podLevelResources });
  const nonZero = podRequests(object, { podLevelResources: options.podLevelResources, nonMissing: true });
  const images = imagesOf(spec);
  return {
    object,
    name: textOf(metadata.name) || textOf(metadata.generateName),
    namespace,
    labels: stringMapOf(metadata.labels),
    nodeName: textOf(spec.nodeName),
    priority: options.priorityOf(object),
    preemptNever: spec.preemptionPolicy === "Never",
    terminating: metadata.deletionTimestamp !== undefined && metadata.deletionTimestamp !== null,
    schedulerName: textOf(spec.schedulerName) || "default-scheduler",
    schedulingGates: arrayOf(spec.schedulingGates).length,
    requests,
    milliCPU: requests.get("cpu") ?? 0,
    memory: requests.get("memory") ?? 0,
    ephemeralStorage: requests.get("ephemeral-storage") ?? 0,
    scalarRequests: orNone([...requests].filter(([name]) => isScalarResourceName(name))),
    nonZeroCPU: nonZero.get("cpu") ?? 0,
    nonZeroMemory: nonZero.get("memory") ?? 0,
    hostPorts: orNone(hostPortsOf(spec)),
    tolerations: orNone(arrayOf(spec.tolerations).filter(isRecord) as Toleration[]),
    nodeSelector: isRecord(spec.nodeSelector) ? stringMapOf(spec.nodeSelector) : undefined,
    requiredNodeTerms: isRecord(required) ? arrayOf(required.nodeSelectorTerms) : undefined,
    nodeAffinityKey: nodeAffinityKeyOf(spec.nodeSelector, isRecord(required) ? required.nodeSelectorTerms : undefined),
    preferredNodeTerms: orNone(
      arrayOf(nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution)
        .filter(isRecord)
        .map((p) => ({ weight: truncatedIntegerOf(p.weight) ?? 0, term: recordOf(p.preference) })),
    ),
    requiredAffinityTerms: orNone(requiredTerms(namespace, podAffinity.requiredDuringSchedulingIgnoredDuringExecution)),
    requiredAntiAffinityTerms: orNone(requiredTerms(namespace, podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution)),
    preferredAffinityTerms: orNone(weightedTerms(namespace, podAffinity.preferredDuringSchedulingIgnoredDuringExecution)),
    preferredAntiAffinityTerms: orNone(weightedTerms(namespace, podAntiAffinity.preferredDuringSchedulingIgnoredDuringExecution)),
    hasPodAffinity: isRecord(affinity.podAffinity) || isRecord(affinity.podAntiAffinity),
    topologySpreadConstraints: orNone(arrayOf(spec.topologySpreadConstraints).filter(isRecord)),
    images,
    containerCount: arrayOf(spec.initContainers).length + arrayOf(spec.containers).length,
    affinityKey: namespace + "\u0000" + podAffinityKeyOf(affinity.podAffinity, affinity.podAntiAffinity),
    claimNames: orNone(claimNamesOf(spec)),
    diskVolumes: orNone(diskVolumesOf(spec)),
  };
}
