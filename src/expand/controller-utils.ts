// Which pods a ReplicaSet (or ReplicationController) deletes first when it has
// too many (pkg/controller/replicaset getPodsToDelete, with
// pkg/controller/controller_utils.go ActivePodsWithRanks and the
// LogarithmicScaleDown and PodDeletionCost gates on, as in every supported
// release): unscheduled, then pending, not ready, cheaper to delete, on a
// node crowded with the workload's pods, ready for less time, restarted more,
// newer.
import type { KubeObject } from "../types.js";
import { dig, integerOf, recordsOf, stringOf } from "../util/object-access.js";
import { compareStrings } from "../util/order.js";
import { maxOf } from "../util/append.js";

const POD_DELETION_COST = "controller.kubernetes.io/pod-deletion-cost";

const PHASE_ORDINAL: Readonly<Record<string, number>> = { Pending: 0, Unknown: 1, Running: 2 };

/** podutil.IsPodReady: the Ready condition is True. */
export function isPodReady(pod: KubeObject): boolean {
  return recordsOf(dig(pod, "status", "conditions")).some((c) => c.type === "Ready" && c.status === "True");
}

/** controller.IsPodActive: not finished and not being deleted. */
export function isPodActive(pod: KubeObject): boolean {
  const phase = dig(pod, "status", "phase");
  return phase !== "Succeeded" && phase !== "Failed" && dig(pod, "metadata", "deletionTimestamp") === undefined;
}

function nodeNameOf(pod: KubeObject): string {
  return stringOf(dig(pod, "spec", "nodeName")) ?? "";
}

/** helper.GetDeletionCostFromPodAnnotations: an int32 annotation, 0 when absent or not a number. */
function deletionCost(pod: KubeObject): number {
  const text = pod.metadata?.annotations?.[POD_DELETION_COST];
  if (typeof text !== "string" || !/^[+-]?\d+$/.test(text)) return 0;
  const cost = Number(text);
  return cost >= -2147483648 && cost <= 2147483647 ? cost : 0;
}

/** Milliseconds since the epoch; undefined for a missing (zero) time. */
function timeOf(value: unknown): number | undefined {
  if (typeof value !== "string") return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function readyTime(pod: KubeObject): number | undefined {
  const ready = recordsOf(dig(pod, "status", "conditions")).find((c) => c.type === "Ready" && c.status === "True");
  return ready ? timeOf(ready.lastTransitionTime) : undefined;
}

function maxContainerRestarts(pod: KubeObject): number {
  return maxOf(recordsOf(dig(pod, "status", "containerStatuses")).map((c) => integerOf(c.restartCount) ?? 0), 0);
}

/** The whole-number log2 of how long ago `time` was, -1 for the future (logarithmicRankDiff). */
function logarithmicRank(time: number, now: number): number {
  const nanoseconds = (now - time) * 1e6;
  return nanoseconds > 0 ? Math.floor(Math.log2(nanoseconds)) : -1;
}

/**
 * Newer first (afterOrZero), by logarithmic rank when both times are known;
 * a tie of ranks falls to the pods' UIDs. Negative: `a` goes first.
 */
function compareTimes(a: KubeObject, b: KubeObject, timeA: number | undefined, timeB: number | undefined, now: number): number {
  if (timeA === timeB) return 0;
  if (timeA === undefined || timeB === undefined) return timeA === undefined ? -1 : 1;
  const diff = logarithmicRank(timeA, now) - logarithmicRank(timeB, now);
  if (diff !== 0) return diff;
  return compareStrings(stringOf(a.metadata?.uid) ?? "", stringOf(b.metadata?.uid) ?? "");
}

interface RankedPod {
  pod: KubeObject;
  /** Active pods of the same workload on its node. */
  rank: number;
}

/** ActivePodsWithRanks.Less as a comparator: negative when `a` is deleted before `b`. */
function compareForDeletion(a: RankedPod, b: RankedPod, now: number): number {
  const nodeA = nodeNameOf(a.pod);
  const nodeB = nodeNameOf(b.pod);
  if (nodeA !== nodeB && (nodeA === "" || nodeB === "")) return nodeA === "" ? -1 : 1;
  const phaseA = PHASE_ORDINAL[String(dig(a.pod, "status", "phase"))] ?? 0;
  const phaseB = PHASE_ORDINAL[String(dig(b.pod, "status", "phase"))] ?? 0;
  if (phaseA !== phaseB) return phaseA - phaseB;
  const readyA = isPodReady(a.pod);
  const readyB = isPodReady(b.pod);
  if (readyA !== readyB) return readyA ? 1 : -1;
  const costs = deletionCost(a.pod) - deletionCost(b.pod);
  if (costs !== 0) return costs;
  if (a.rank !== b.rank) return b.rank - a.rank;
  if (readyA && readyB) {
    const ready = compareTimes(a.pod, b.pod, readyTime(a.pod), readyTime(b.pod), now);
    if (ready !== 0) return ready;
  }
  const restarts = maxContainerRestarts(b.pod) - maxContainerRestarts(a.pod);
  if (restarts !== 0) return restarts;
  return compareTimes(a.pod, b.pod, timeOf(a.pod.metadata?.creationTimestamp), timeOf(b.pod.metadata?.creationTimestamp), now);
}

/**
 * getPodsToDelete: the `count` pods of `pods` deleted first, each ranked by the
 * active pods of `related` (the workload's pods, across a Deployment's
 * ReplicaSets) on its node.
 */
export function getPodsToDelete(pods: readonly KubeObject[], related: readonly KubeObject[], count: number, now: Date): KubeObject[] {
  if (count <= 0) return [];
  const podsOnNode = new Map<string, number>();
  for (const pod of related) if (isPodActive(pod)) podsOnNode.set(nodeNameOf(pod), (podsOnNode.get(nodeNameOf(pod)) ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: podsOnNode.get(nodeNameOf(pod)) ?? 0 }));
  // A stable sort on a list sorted by name: ties keep the name order.
  ranked.sort((a, b) => compareForDeletion(a, b, now.getTime()));
  return ranked.slice(0, count).map((r) => r.pod);
}
