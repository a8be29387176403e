// NodeResourcesFit: the node's allocatable minus what is already requested must
// cover the pod's requests, and the node must have room for one more pod
// (Filter); the LeastAllocated strategy favours emptier nodes (Score).
import { MAX_NODE_SCORE, unresolvable, unschedulable, type FilterPlugin, type ScorePlugin } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import type { PodInfo } from "../pod-info.js";

export const ERR_REASON_TOO_MANY_PODS = "Too many pods";

export interface InsufficientResource {
  resource: string;
  reason: string;
  /** The request exceeds the node's whole allocatable: preemption cannot help (from 1.34). */
  unresolvable: boolean;
}

function check(out: InsufficientResource[], resource: string, request: number, allocatable: number, requested: number): void {
  if (request > 0 && request > allocatable - requested) {
    out.push({ resource, reason: `Insufficient ${resource}`, unresolvable: request > allocatable });
  }
}

/** fitsRequest: every resource the pod lacks on the node, in upstream's order. */
export function insufficientResources(pod: PodInfo, node: NodeInfo): InsufficientResource[] {
  const out: InsufficientResource[] = [];
  if (node.pods.length + 1 > node.allowedPodNumber) {
    out.push({ resource: "pods", reason: ERR_REASON_TOO_MANY_PODS, unresolvable: false });
  }
  if (pod.milliCPU === 0 && pod.memory === 0 && pod.ephemeralStorage === 0 && pod.scalarRequests.length === 0) return out;
  check(out, "cpu", pod.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU);
  check(out, "memory", pod.memory, node.allocatable.memory, node.requested.memory);
  check(out, "ephemeral-storage", pod.ephemeralStorage, node.allocatable.ephemeralStorage, node.requested.ephemeralStorage);
  for (const [name, request] of pod.scalarRequests) {
    check(out, name, request, node.allocatable.scalar.get(name) ?? 0, node.requested.scalar.get(name) ?? 0);
  }
  return out;
}

function hasRoom(request: number, allocatable: number, requested: number): boolean {
  return request <= 0 || request <= allocatable - requested;
}

/** The common case without allocating: the pod fits the node. */
function fits(pod: PodInfo, node: NodeInfo): boolean {
  if (node.pods.length + 1 > node.allowedPodNumber) return false;
  if (!hasRoom(pod.milliCPU, node.allocatable.milliCPU, node.requested.milliCPU)) return false;
  if (!hasRoom(pod.memory, node.allocatable.memory, node.requested.memory)) return false;
  if (!hasRoom(pod.ephemeralStorage, node.allocatable.ephemeralStorage, node.requested.ephemeralStorage)) return false;
  for (const [name, request] of pod.scalarRequests) {
    if (!hasRoom(request, node.allocatable.scalar.get(name) ?? 0, node.requested.scalar.get(name) ?? 0)) return false;
  }
  return true;
}

export const NodeResourcesFitFilter: FilterPlugin = {
  name: "NodeResourcesFit",
  filter(ctx, node) {
    if (fits(ctx.pod, node)) return null;
    const missing = insufficientResources(ctx.pod, node);
    if (missing.length === 0) return null;
    const reasons = missing.map((m) => m.reason);
    const oversized = ctx.behaviour.oversizedRequestIsUnresolvable && missing.some((m) => m.unresolvable);
    return oversized ? unresolvable(this.name, ...reasons) : unschedulable(this.name, ...reasons);
  },
};

/** leastRequestedScore: the unused share of a resource, 0..100. */
export function leastRequestedScore(requested: number, capacity: number): number {
  if (capacity === 0 || requested > capacity) return 0;
  return Math.trunc(((capacity - requested) * MAX_NODE_SCORE) / capacity);
}

/**
 * Default scoring resources: cpu and memory, weight 1 each, counted with the
 * scheduler's defaults for containers that request nothing (NonZeroRequested).
 */
function leastAllocatedScore(pod: PodInfo, node: NodeInfo): number {
  let total = 0;
  let weights = 0;
  if (node.allocatable.milliCPU !== 0) {
    total += leastRequestedScore(node.nonZeroCPU + pod.nonZeroCPU, node.allocatable.milliCPU);
    weights++;
  }
  if (node.allocatable.memory !== 0) {
    total += leastRequestedScore(node.nonZeroMemory + pod.nonZeroMemory, node.allocatable.memory);
    weights++;
  }
  return weights === 0 ? 0 : Math.trunc(total / weights);
}

export const NodeResourcesFitScore: ScorePlugin = {
  name: "NodeResourcesFit",
  weight: 1,
  score(ctx, node) {
    return leastAllocatedScore(ctx.pod, node);
  },
  scoreNodes(ctx, nodes, scores) {
    for (let i = 0; i < nodes.length; i++) scores[i] = leastAllocatedScore(ctx.pod, nodes[i]!);
  },
};
