// The scheduling part of the plan: where each pod lands, why a pod stays
// Pending, and what that does to each node.
import type { KubeObject, PlannedPod } from "../types.js";

/**
 * How a PersistentVolumeClaim the pod mounts binds, as the admission stage
 * reports it (AdmittedPod.volumes).
 */
export interface PodVolume {
  claim: string;
  status: "bound" | "binds-to" | "wait-for-first-consumer" | "provisioned" | "unbound" | "missing";
  /** spec.nodeAffinity of the PersistentVolume the claim is (or will be) bound to. */
  nodeAffinity?: unknown;
  /** Name of the PersistentVolume the claim is (or will be) bound to; VolumeZone reads its labels. */
  persistentVolume?: string;
}

export interface SchedulerInput {
  /** Pods to place, in plan order. */
  pods: PlannedPod[];
  /** v1 Node objects of the cluster snapshot. */
  nodes: KubeObject[];
  /** v1 Pods of the snapshot; those with spec.nodeName (and not Succeeded/Failed) occupy their node. */
  runningPods: KubeObject[];
  /** Namespaces (their labels serve pod affinity namespaceSelectors). */
  namespaces: KubeObject[];
  /** When given, pods are placed by priority first (highest first), then in plan order. */
  priorityClasses?: KubeObject[];
  /**
   * Services of the snapshot and of the inputs: with the pod's controller they
   * form the selector of the default topology spreading.
   */
  services?: KubeObject[];
  /** Per planned pod (same index as `pods`): its claims, for VolumeBinding. Pods without an entry mount none. */
  podVolumes?: ReadonlyArray<readonly PodVolume[] | undefined>;
  /**
   * PersistentVolumeClaims of the snapshot and of the inputs: VolumeRestrictions
   * reads their access modes (ReadWriteOncePod) and VolumeZone the volume they are
   * bound to. When absent, those checks are skipped.
   */
  persistentVolumeClaims?: KubeObject[];
  /** PersistentVolumes of the snapshot and of the inputs: VolumeZone reads their zone and region labels. */
  persistentVolumes?: KubeObject[];
  /** Snapshot pods the plan deletes (rollouts, scale-down): their nodes are freed before placing. */
  removedPods?: KubeObject[];
  /** "1.30".."1.36": wording and behaviour follow this kube-scheduler version. */
  kubernetesVersion: string;
}

export type Owner = NonNullable<PlannedPod["owner"]>;

/** Quantities as `kubectl describe node` prints them. */
export interface ResourceSummary {
  cpu: string;
  memory: string;
  pods: number;
  /** Extended and other scalar resources (`nvidia.com/gpu`, `hugepages-2Mi`), only those with a value. */
  extended: Record<string, string>;
}

export interface PodPlacement {
  name: string;
  namespace: string;
  owner: PlannedPod["owner"];
  /** The node the pod is bound to, or null while Pending. */
  node: string | null;
  /** Why the pod stays Pending: the FailedScheduling message `kubectl describe pod` shows. */
  reason?: string;
  priority: number;
  /** Nodes where evicting lower-priority pods would make room (preemption is not simulated). */
  preemptionCandidates?: string[];
}

export interface NodeUsage {
  name: string;
  zone: string;
  allocatable: ResourceSummary;
  /** Requests of the pods already running on the node. */
  requestedBefore: ResourceSummary;
  /** Requests once this plan's pods are placed. */
  requestedAfter: ResourceSummary;
  /** What is left for further pods: allocatable minus requestedAfter. */
  headroom: ResourceSummary;
  /** Pods of this plan placed on the node. */
  placed: number;
}

export interface WorkloadPlacement {
  owner: Owner;
  replicas: number;
  scheduled: number;
  pending: number;
  /** Replicas per node. */
  nodes: Record<string, number>;
}

export interface ScheduleResult {
  kubernetesVersion: string;
  /** One per planned pod, in plan order. */
  pods: PodPlacement[];
  /** Every node of the snapshot, by name. */
  nodes: NodeUsage[];
  /** One per owner of planned pods, by kind, namespace and name. */
  workloads: WorkloadPlacement[];
  /** How the simulation differs from a live kube-scheduler. */
  notes: string[];
}
