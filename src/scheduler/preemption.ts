// The PostFilter part of a FailedScheduling message. kubeplan does not evict
// anything: it runs DefaultPreemption's dry run only to word the message as
// kube-scheduler would, and to say where evicting lower-priority pods could
// make room.
import { fitErrorMessage, type Diagnosis } from "./fit-error.js";
import { unresolvable, type CycleContext, type Status } from "./framework.js";
import { nodeWithout, type NodeInfo } from "./node-info.js";
import type { CycleResult, SchedulingCycle } from "./scheduling-cycle.js";

export const PREEMPTION_NOT_HELPFUL = "Preemption is not helpful for scheduling";
export const NO_PREEMPTION_VICTIMS = "No preemption victims found for incoming pod";
export const NOT_ELIGIBLE_NEVER = "not eligible due to preemptionPolicy=Never.";
export const NO_CLAIMS_TO_DEALLOCATE = "no new claims to deallocate";

export interface PostFilterOutcome {
  /** What kube-scheduler appends to the FitError, or undefined when preemption would succeed. */
  message?: string;
  /** Nodes where evicting lower-priority pods would let the pod fit. */
  preemptionCandidates: string[];
}

function statusOf(diagnosis: Diagnosis, node: NodeInfo): Status | undefined {
  return diagnosis.preFilterStatus ?? diagnosis.nodeStatuses.get(node.name) ?? diagnosis.absentNodesStatus;
}

/** SelectVictimsOnNode, reduced to: would the pod fit once every lower-priority pod is gone? */
function dryRun(cycle: SchedulingCycle, result: CycleResult, node: NodeInfo): Status | null {
  const { ctx } = result;
  const victims = node.pods.filter((p) => p.priority < ctx.pod.priority);
  if (victims.length === 0) return unresolvable("DefaultPreemption", NO_PREEMPTION_VICTIMS);
  const reduced = nodeWithout(node, new Set(victims));
  const state = new Map(ctx.state);
  for (const plugin of cycle.filters) {
    if (plugin.withoutPods && ctx.state.has(plugin.name)) state.set(plugin.name, plugin.withoutPods(ctx, victims, node));
  }
  const dryCtx: CycleContext = { ...ctx, state };
  return cycle.runFilters(dryCtx, cycle.activeFilters(result.preFilter.skipped), reduced);
}

function defaultPreemption(cycle: SchedulingCycle, result: CycleResult): { message?: string; candidates: string[] } {
  const { ctx, diagnosis } = result;
  if (ctx.pod.preemptNever) return { message: NOT_ELIGIBLE_NEVER, candidates: [] };
  const statuses = new Map<string, Status>();
  const candidates: string[] = [];
  for (const node of cycle.cluster.nodes) {
    // Only nodes rejected with a resolvable status are worth a dry run.
    if (statusOf(diagnosis!, node)?.code !== "Unschedulable") continue;
    const status = dryRun(cycle, result, node);
    if (status) statuses.set(node.name, status);
    else candidates.push(node.name);
  }
  if (candidates.length > 0) return { candidates };
  const message = fitErrorMessage({
    numAllNodes: cycle.cluster.nodes.length,
    nodeStatuses: statuses,
    absentNodesStatus: unresolvable("DefaultPreemption", PREEMPTION_NOT_HELPFUL),
  });
  return { message, candidates };
}

export function postFilter(cycle: SchedulingCycle, result: CycleResult): PostFilterOutcome {
  const preemption = defaultPreemption(cycle, result);
  if (preemption.message === undefined) return { preemptionCandidates: preemption.candidates };
  const parts: string[] = [];
  if (cycle.behaviour.dynamicResourcesPostFilter) parts.push(NO_CLAIMS_TO_DEALLOCATE);
  parts.push("preemption: " + preemption.message);
  return { message: parts.join(", "), preemptionCandidates: [] };
}
