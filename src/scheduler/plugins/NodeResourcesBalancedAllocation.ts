// NodeResourcesBalancedAllocation: favours nodes whose cpu and memory would be
// used in similar proportions (1 - standard deviation of the fractions).
import { MAX_NODE_SCORE, type ScorePlugin } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import type { PodInfo } from "../pod-info.js";

/** (1 - std) * 100 over the fractions of the resources the node has (capped at 1). */
export function balancedResourceScore(requested: readonly number[], allocatable: readonly number[]): number {
  const fractions: number[] = [];
  for (let i = 0; i < requested.length; i++) {
    if (allocatable[i] === 0) continue;
    fractions.push(Math.min(requested[i]! / allocatable[i]!, 1));
  }
  let std = 0;
  if (fractions.length === 2) {
    std = Math.abs((fractions[0]! - fractions[1]!) / 2);
  } else if (fractions.length > 2) {
    const mean = fractions.reduce((a, b) => a + b, 0) / fractions.length;
    std = Math.sqrt(fractions.reduce((sum, f) => sum + (f - mean) * (f - mean), 0) / fractions.length);
  }
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

/** The same score for the default resources, cpu and memory, without allocating. */
function cpuMemoryScore(cpu: number, memory: number, node: NodeInfo): number {
  const cpuAllocatable = node.allocatable.milliCPU;
  const memoryAllocatable = node.allocatable.memory;
  if (cpuAllocatable === 0 || memoryAllocatable === 0) return MAX_NODE_SCORE;
  const std = Math.abs((Math.min(cpu / cpuAllocatable, 1) - Math.min(memory / memoryAllocatable, 1)) / 2);
  return Math.trunc((1 - std) * MAX_NODE_SCORE);
}

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  preScore(ctx) {
    // From 1.33 best-effort pods are not scored, so they do not pile up on one node.
    return !(ctx.behaviour.balancedAllocationSkipsBestEffort && ctx.pod.milliCPU === 0 && ctx.pod.memory === 0);
  },
  score(ctx, node) {
    return balancedAllocationScore(ctx.pod, node, ctx.behaviour.balancedAllocationScoresChange);
  },
  scoreNodes(ctx, nodes, scores) {
    const scoresChange = ctx.behaviour.balancedAllocationScoresChange;
    for (let i = 0; i < nodes.length; i++) scores[i] = balancedAllocationScore(ctx.pod, nodes[i]!, scoresChange);
  },
};

function balancedAllocationScore(pod: PodInfo, node: NodeInfo, scoresChange: boolean): number {
  const withPod = cpuMemoryScore(node.requested.milliCPU + pod.milliCPU, node.requested.memory + pod.memory, node);
  if (!scoresChange) return withPod;
  // From 1.36: the change in balance, mapped back to [50, 100] (75 when unchanged).
  const withoutPod = cpuMemoryScore(node.requested.milliCPU, node.requested.memory, node);
  return MAX_NODE_SCORE / 2 + Math.trunc((MAX_NODE_SCORE / 2 + withPod - withoutPod) / 2);
}
