// Places the plan's pods one at a time on the snapshot's nodes, as the default
// kube-scheduler profile would, and words a FailedScheduling message for every
// pod that stays Pending.
import type { KubeObject, PlannedPod } from "../types.js";
import type { Toleration } from "../util/taints.js";
import { ClusterState } from "./cluster-state.js";
import { servicesByNamespace, spreadSelectors } from "./default-spread.js";
import { fitErrorMessage, NO_NODES_AVAILABLE } from "./fit-error.js";
import type { Labels } from "./label-selector.js";
import { newNodeInfo, type NodeInfo } from "./node-info.js";
import { nodeTreeOrder } from "./node-order.js";
import { metadataOf, specOf } from "./objects.js";
import { compareStrings } from "../util/order.js";
import { recordOf, stringMapOf, textOf } from "../util/object-access.js";
import { newPodInfo, type PodInfo, type PodInfoOptions } from "./pod-info.js";
import { ERR_REASON_AFFINITY } from "./plugins/InterPodAffinity.js";
import { insufficientResources } from "./plugins/NodeResourcesFit.js";
import { ERR_REASON_CONSTRAINTS_NOT_MATCH } from "./plugins/PodTopologySpread.js";
import { postFilter } from "./preemption.js";
import { priorityResolver } from "./priority.js";
import { SchedulingCycle, type CycleResult } from "./scheduling-cycle.js";
import { StorageObjects } from "./storage.js";
import { nodeUsage, workloadPlacements, type NodeBaseline } from "./summary.js";
import type { PodPlacement, ScheduleResult, SchedulerInput } from "./types.js";
import { behaviourFor, parseMinor, type SchedulerBehaviour } from "./versions.js";

export const SCHEDULING_GATED = "Scheduling is blocked due to non-empty scheduling gates";

export const NOTES = [
  "Ties between nodes with equal scores are broken by node name; kube-scheduler picks at random among the best nodes.",
  "Nodes are examined in kube-scheduler's order (zones interleaved, node names sorted within a zone); from 100 nodes on, filtering stops once numFeasibleNodesToFind feasible nodes are found, as with the default percentageOfNodesToScore.",
  "Preemption is not simulated: a pod that could evict lower-priority pods stays Pending here, and its message says so.",
];

/** DefaultTolerationSeconds: every pod tolerates not-ready and unreachable nodes for 300 s unless it says otherwise. */
const DEFAULT_TOLERATION_KEYS = ["node.kubernetes.io/not-ready", "node.kubernetes.io/unreachable"];

function withDefaultTolerations(tolerations: Toleration[]): Toleration[] {
  const out = [...tolerations];
  for (const key of DEFAULT_TOLERATION_KEYS) {
    const tolerated = tolerations.some((t) => (!t.key || t.key === key) && (!t.effect || t.effect === "NoExecute"));
    if (!tolerated) out.push({ key, operator: "Exists", effect: "NoExecute", tolerationSeconds: 300 });
  }
  return out;
}

function namespaceLabelMap(input: SchedulerInput): Map<string, Labels> {
  const labels = new Map<string, Labels>();
  // The API server labels every namespace with its own name.
  const add = (name: string, own: Record<string, string>) => {
    if (name) labels.set(name, { ...own, "kubernetes.io/metadata.name": name });
  };
  const pods = [...input.runningPods, ...input.pods.map((p) => p.pod)];
  for (const pod of pods) add(textOf(metadataOf(pod).namespace) || "default", {});
  for (const ns of input.namespaces) add(textOf(metadataOf(ns).name), stringMapOf(metadataOf(ns).labels));
  return labels;
}

function buildNodes(objects: readonly KubeObject[]): NodeInfo[] {
  const seen = new Set<string>();
  const unique = objects.filter((o) => {
    const name = textOf(metadataOf(o).name);
    if (!name || seen.has(name)) return false;
    seen.add(name);
    return true;
  });
  const parsed = unique.map((o) => newNodeInfo(o, 0));
  return nodeTreeOrder(parsed).map((node, index) => ({ ...node, index }));
}

function identity(pod: KubeObject): string {
  const metadata = metadataOf(pod);
  return `${textOf(metadata.namespace) || "default"}/${textOf(metadata.name)}`;
}

function isTerminal(pod: KubeObject): boolean {
  const phase = recordOf(pod.status).phase;
  return phase === "Succeeded" || phase === "Failed";
}

interface Pending {
  planned: PlannedPod;
  pod: PodInfo;
  index: number;
}

/** Failures that a later placement can cure: affinity to pods not yet placed, spread skew. */
function isRetryable(result: CycleResult): boolean {
  for (const status of result.diagnosis?.nodeStatuses.values() ?? []) {
    if (status.reasons.includes(ERR_REASON_AFFINITY) || status.reasons.includes(ERR_REASON_CONSTRAINTS_NOT_MATCH)) return true;
  }
  return false;
}

/** The kubelet's admission message for a pod bound by spec.nodeName that does not fit. */
function kubeletRejection(pod: PodInfo, node: NodeInfo): string | undefined {
  const missing = insufficientResources(pod, node)[0];
  if (!missing) return undefined;
  const amounts: Record<string, [number, number, number]> = {
    pods: [1, node.pods.length, node.allowedPodNumber],
    cpu: [pod.requests.get("cpu") ?? 0, node.requested.milliCPU, node.allocatable.milliCPU],
    memory: [pod.requests.get("memory") ?? 0, node.requested.memory, node.allocatable.memory],
    "ephemeral-storage": [pod.requests.get("ephemeral-storage") ?? 0, node.requested.ephemeralStorage, node.allocatable.ephemeralStorage],
  };
  const [requested, used, capacity] = amounts[missing.resource] ?? [
    pod.requests.get(missing.resource) ?? 0,
    node.requested.scalar.get(missing.resource) ?? 0,
    node.allocatable.scalar.get(missing.resource) ?? 0,
  ];
  return `Pod was rejected: Node didn't have enough resource: ${missing.resource}, requested: ${requested}, used: ${used}, capacity: ${capacity}`;
}

interface Prepared {
  cluster: ClusterState;
  baselines: Map<NodeInfo, NodeBaseline>;
}

/** A cluster of the snapshot's nodes with the given running pods bound. */
function boundCluster(input: SchedulerInput, podOptions: PodInfoOptions, storage: StorageObjects, keep: (pod: KubeObject) => boolean): ClusterState {
  const cluster = new ClusterState(buildNodes(input.nodes), namespaceLabelMap(input), storage);
  for (const object of input.runningPods) {
    const node = cluster.nodeByName.get(textOf(specOf(object).nodeName));
    if (node && !isTerminal(object) && keep(object)) cluster.addPod(newPodInfo(object, podOptions), node);
  }
  return cluster;
}

/**
 * The snapshot's nodes with its running pods bound, less the pods the plan
 * removes; the baselines ("before") are the nodes as they are now, removed pods included.
 */
function prepareCluster(input: SchedulerInput, podOptions: PodInfoOptions): Prepared {
  const removed = new Set((input.removedPods ?? []).map(identity));
  const storage = new StorageObjects(input.persistentVolumeClaims, input.persistentVolumes);
  const cluster = boundCluster(input, podOptions, storage, (pod) => !removed.has(identity(pod)));
  const now = removed.size === 0 ? cluster : boundCluster(input, podOptions, storage, () => true);
  const baselines = new Map(
    cluster.nodes.map((n) => {
      const current = now.nodeByName.get(n.name)!;
      return [n, { requested: current.requested.clone(), pods: current.pods.length }] as const;
    }),
  );
  return { cluster, baselines };
}

/** The plan's pods in scheduling order (PrioritySort: higher priority first, then plan order). */
function preparePods(input: SchedulerInput, podOptions: PodInfoOptions): Pending[] {
  const spreadSelectorOf = spreadSelectors(servicesByNamespace(input.services ?? []));
  const pending = input.pods.map((planned, index) => {
    const pod = newPodInfo(planned.pod, podOptions);
    pod.tolerations = withDefaultTolerations(pod.tolerations);
    pod.defaultSpreadSelector = spreadSelectorOf(planned);
    const volumes = input.podVolumes?.[index];
    if (volumes) pod.volumes = volumes;
    return { planned, pod, index };
  });
  if ((input.priorityClasses ?? []).length > 0) pending.sort((a, b) => b.pod.priority - a.pod.priority || a.index - b.index);
  return pending;
}

/** FitError plus the PostFilter part, or a note where preemption would make room. */
function failedSchedulingMessage(cycle: SchedulingCycle, result: CycleResult): { message: string; candidates: string[] } {
  const outcome = postFilter(cycle, result);
  const fit = fitErrorMessage(result.diagnosis!);
  if (outcome.message) return { message: `${fit} ${outcome.message}`, candidates: [] };
  const candidates = outcome.preemptionCandidates;
  return {
    message: `${fit} preemption: not simulated; evicting lower-priority pods would make room on ${candidates.length} node(s): ${candidates.join(", ")}.`,
    candidates,
  };
}

/** Binds pods and records where each one went, or why it did not. */
class Placer {
  readonly placements: PodPlacement[];
  private readonly cycle: SchedulingCycle;
  private readonly retry: Pending[] = [];

  constructor(private readonly cluster: ClusterState, behaviour: SchedulerBehaviour, count: number) {
    this.placements = new Array(count);
    this.cycle = new SchedulingCycle(cluster, behaviour);
  }

  private record(entry: Pending, node: string | null, reason?: string, candidates: string[] = []): void {
    const placement: PodPlacement = { name: entry.pod.name, namespace: entry.pod.namespace, owner: entry.planned.owner, node, priority: entry.pod.priority };
    if (reason !== undefined) placement.reason = reason;
    if (candidates.length > 0) placement.preemptionCandidates = candidates;
    this.placements[entry.index] = placement;
  }

  private bind(entry: Pending, node: NodeInfo): void {
    this.cluster.addPod(entry.pod, node);
    this.record(entry, node.name);
  }

  /** One scheduling attempt; returns the failed cycle, if it failed. */
  private attempt(entry: Pending): CycleResult | undefined {
    const result = this.cycle.run(entry.pod);
    if (result.node) {
      this.bind(entry, result.node);
      return undefined;
    }
    const { message, candidates } = failedSchedulingMessage(this.cycle, result);
    this.record(entry, null, message, candidates);
    return result;
  }

  /** A pod that names its node skips the scheduler; the kubelet admits or rejects it. */
  private bindNamed(entry: Pending): void {
    const node = this.cluster.nodeByName.get(entry.pod.nodeName);
    if (!node) {
      this.record(entry, null, `spec.nodeName "${entry.pod.nodeName}" is not a node of the cluster snapshot: the pod skips the scheduler and stays Pending`);
      return;
    }
    const rejection = kubeletRejection(entry.pod, node);
    if (rejection) this.record(entry, null, rejection);
    else this.bind(entry, node);
  }

  place(entry: Pending): void {
    const pod = entry.pod;
    if (pod.schedulingGates > 0) this.record(entry, null, SCHEDULING_GATED);
    else if (pod.schedulerName !== "default-scheduler") {
      this.record(entry, null, `not handled by the default scheduler: spec.schedulerName is "${pod.schedulerName}"`);
    } else if (pod.nodeName !== "") this.bindNamed(entry);
    else if (this.cluster.nodes.length === 0) this.record(entry, null, NO_NODES_AVAILABLE);
    else {
      const failed = this.attempt(entry);
      if (failed && isRetryable(failed)) this.retry.push(entry);
    }
  }

  /** The scheduling queue retries such pods when other pods are added: do the same until nothing moves. */
  retryPending(): void {
    let progress = true;
    while (progress && this.retry.length > 0) {
      progress = false;
      for (let i = 0; i < this.retry.length; i++) {
        const failed = this.attempt(this.retry[i]!);
        if (!failed) progress = true;
        if (!failed || !isRetryable(failed)) this.retry.splice(i--, 1);
      }
    }
  }
}

export function schedule(input: SchedulerInput): ScheduleResult {
  const behaviour = behaviourFor(input.kubernetesVersion);
  const podOptions: PodInfoOptions = { podLevelResources: behaviour.podLevelResources, priorityOf: priorityResolver(input.priorityClasses ?? []) };
  const { cluster, baselines } = prepareCluster(input, podOptions);
  const placer = new Placer(cluster, behaviour, input.pods.length);
  for (const entry of preparePods(input, podOptions)) placer.place(entry);
  placer.retryPending();
  const byName = [...cluster.nodes].sort((a, b) => compareStrings(a.name, b.name));
  return {
    kubernetesVersion: `1.${parseMinor(input.kubernetesVersion)}`,
    pods: placer.placements,
    nodes: byName.map((n) => nodeUsage(n, baselines.get(n)!)),
    workloads: workloadPlacements(placer.placements),
    notes: NOTES,
  };
}
