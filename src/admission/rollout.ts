// The requests a controller sends for one workload, in order: claims before
// the pod that mounts them, and old pods removed as the rollout strategy
// allows (Recreate: all first; RollingUpdate: after `maxSurge` new pods, one
// old per new one, and one more when quota refuses and maxUnavailable allows).
import type { ExpandedWorkload } from "../expand/types.js";
import type { KubeObject } from "../types.js";
import { stringOf } from "../util/object-access.js";
import { admitClaim, type ClaimOutcome } from "./admit-object.js";
import { admitPod, describePod, type PodOutcome } from "./admit-pod.js";
import type { PlanState } from "./state.js";
import { appendAll } from "../util/append.js";

export interface RolloutOutcome {
  pods: PodOutcome[];
  claims: ClaimOutcome[];
  removed: KubeObject[];
}

export function runRollout(state: PlanState, workload: ExpandedWorkload): RolloutOutcome {
  const result: RolloutOutcome = { pods: [], claims: [], removed: [] };
  const old = [...workload.replaced];
  const removeOne = (): boolean => {
    const pod = old.shift();
    if (!pod) return false;
    state.quotas.release(stringOf(pod.metadata?.namespace) || "default", pod);
    result.removed.push(pod);
    return true;
  };
  if (workload.strategy === "Recreate") while (removeOne());
  let stalledBy: PodOutcome["denial"];
  workload.pods.forEach((planned, i) => {
    if (stalledBy) {
      result.pods.push(describePod(state, planned, { ...stalledBy, cause: "rollout" }));
      return;
    }
    if (workload.strategy === "RollingUpdate" && i >= workload.surge) removeOne();
    const podName = stringOf(planned.pod.metadata?.name) ?? "";
    const claims = workload.claims.filter((c) => c.podName === podName).map((c) => admitClaim(state, c));
    appendAll(result.claims, claims);
    const refusedClaim = claims.find((c) => !c.admitted);
    if (refusedClaim) {
      result.pods.push(notCreated(state, planned, refusedClaim));
      return;
    }
    let outcome = admitPod(state, planned);
    const quotaRefused = outcome.denial?.plugin === "ResourceQuota" && workload.strategy === "RollingUpdate" && old.length > 0;
    if (quotaRefused && workload.maxUnavailable > 0 && removeOne()) {
      outcome = admitPod(state, planned);
    } else if (quotaRefused) {
      // With maxUnavailable 0 no old pod goes before a new one runs: the rollout stops here.
      stalledBy = outcome.denial;
    }
    result.pods.push(outcome);
  });
  // Once every new pod runs, what is left of the old ones goes (scale-down, end of rollout).
  if (result.pods.every((p) => p.admitted)) while (removeOne());
  return result;
}

/** A pod the controller cannot create because its claim was refused. */
function notCreated(state: PlanState, planned: ExpandedWorkload["pods"][number], claim: ClaimOutcome): PodOutcome {
  return describePod(state, planned, { ...claim.denial!, cause: "claim" });
}
