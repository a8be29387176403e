// NodeResourcesBalancedAllocation: favours nodes whose cpu and memory would be
// used in similar proportions (1 - standard deviation of the fractions).
import { MAX_NODE_SCORE, type ScorePlugin } from "../framework.js";
import type { NodeInfo } from "../node-info.js";

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

function allocatableOf(node: NodeInfo): number[] {
  return [node.allocatable.milliCPU, node.allocatable.memory];
}

export const NodeResourcesBalancedAllocation: ScorePlugin = {
  name: "NodeResourcesBalancedAllocation",
  weight: 1,
  preScore(ctx) {
    // From 1.33 best-effort pods are not scored, so they do not pile up on one node.
    const cpu = ctx.pod.requests.get("cpu") ?? 0;
    const memory = ctx.pod.requests.get("memory") ?? 0;
    return !(ctx.behaviour.balancedAllocationSkipsBestEffort && cpu === 0 && memory === 0);
  },
  score(ctx, node) {
    const cpu = ctx.pod.requests.get("cpu") ?? 0;
    const memory = ctx.pod.requests.get("memory") ?? 0;
    const allocatable = allocatableOf(node);
    const withPod = balancedResourceScore([node.requested.milliCPU + cpu, node.requested.memory + memory], allocatable);
    if (!ctx.behaviour.balancedAllocationScoresChange) return withPod;
    // From 1.36: the change in balance, mapped back to [50, 100] (75 when unchanged).
    const withoutPod = balancedResourceScore([node.requested.milliCPU, node.requested.memory], allocatable);
    return MAX_NODE_SCORE / 2 + Math.trunc((MAX_NODE_SCORE / 2 + withPod - withoutPod) / 2);
  },
};
