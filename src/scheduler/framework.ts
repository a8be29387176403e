// The scheduling framework's extension points, as in
// k8s.io/kube-scheduler/framework: a plugin per concern, a Status with reason
// strings, PreFilter/Filter/PreScore/Score/NormalizeScore.
import type { ClusterState } from "./cluster-state.js";
import type { NodeInfo } from "./node-info.js";
import type { PodInfo } from "./pod-info.js";
import type { SchedulerBehaviour } from "./versions.js";

/** Unschedulable can be resolved by preemption; UnschedulableAndUnresolvable cannot. */
export type Code = "Unschedulable" | "UnschedulableAndUnresolvable";

export interface Status {
  code: Code;
  /** Reason strings exactly as upstream words them; each is counted in FailedScheduling. */
  reasons: string[];
  plugin: string;
}

export function unschedulable(plugin: string, ...reasons: string[]): Status {
  return { code: "Unschedulable", reasons, plugin };
}

export function unresolvable(plugin: string, ...reasons: string[]): Status {
  return { code: "UnschedulableAndUnresolvable", reasons, plugin };
}

export const MAX_NODE_SCORE = 100;

/** One scheduling cycle of one pod: what PreFilter/PreScore computed, per plugin. */
export interface CycleContext {
  readonly pod: PodInfo;
  readonly cluster: ClusterState;
  readonly behaviour: SchedulerBehaviour;
  readonly state: Map<string, unknown>;
}

export interface PreFilterOutcome {
  /** The pod cannot be scheduled anywhere (FitError's PreFilterMsg). */
  status?: Status;
  /** This plugin has nothing to check for the pod: its Filter is not run. */
  skip?: boolean;
  /** Only these nodes can pass (PreFilterResult.NodeNames). */
  nodeNames?: ReadonlySet<string>;
}

export interface FilterPlugin {
  readonly name: string;
  /**
   * The verdict depends only on the pod's nodeName, tolerations and node
   * affinity and on the node's name, labels, taints and unschedulable flag,
   * none of which a plan changes: it is worked out once per node for all pods
   * that share those fields (see SchedulingCycle).
   */
  readonly static?: boolean;
  preFilter?(ctx: CycleContext): PreFilterOutcome | undefined;
  filter(ctx: CycleContext, node: NodeInfo): Status | null;
  /**
   * The PreFilter state as if `victims` were removed from `node`
   * (PreFilterExtensions.RemovePod), for the preemption dry run.
   */
  withoutPods?(ctx: CycleContext, victims: readonly PodInfo[], node: NodeInfo): unknown;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Returns false when the plugin has nothing to score for this pod (Skip). */
  preScore?(ctx: CycleContext, feasible: readonly NodeInfo[]): boolean;
  score(ctx: CycleContext, node: NodeInfo): number;
  /**
   * Score for every node of `nodes` into `scores` (aligned), as `score` would
   * one by one: the plugin finds its PreScore state once per pod, not once
   * per node, on hundreds of nodes per pod.
   */
  scoreNodes?(ctx: CycleContext, nodes: readonly NodeInfo[], scores: number[]): void;
  /** NormalizeScore: rewrites `scores` (aligned with `nodes`) into [0, MAX_NODE_SCORE]. */
  normalize?(ctx: CycleContext, scores: number[], nodes: readonly NodeInfo[]): void;
}

/** helper.DefaultNormalizeScore: scales to [0, max]; `reverse` turns high raw scores into low ones. */
export function defaultNormalizeScore(maxPriority: number, reverse: boolean, scores: number[]): void {
  let maxCount = 0;
  for (const score of scores) if (score > maxCount) maxCount = score;
  if (maxCount === 0) {
    if (reverse) scores.fill(maxPriority);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let score = Math.trunc((maxPriority * scores[i]!) / maxCount);
    if (reverse) score = maxPriority - score;
    scores[i] = score;
  }
}
