// The eviction subresource's check (pkg/registry/core/pod/storage/eviction.go):
// a pod that is not running goes without a check; otherwise the one
// PodDisruptionBudget covering it must allow a disruption, which the
// eviction uses up. Its refusals, in the API server's words.
import type { KubeObject } from "../../types.js";
import { dig, nameOf } from "../../util/object-access.js";
import { isPodReady } from "../../expand/controller-utils.js";
import type { DisruptionBudgetStatus } from "../controller/disruption.js";

export interface CoveringBudget {
  pdb: KubeObject;
  status: DisruptionBudgetStatus;
}

export type EvictionDecision =
  /** Deleted; `budget` names the budget whose disruptionsAllowed it used. */
  | { allowed: true; budget?: CoveringBudget; decrement: boolean }
  /** Refused: `retried` when kubectl retries it (429), with the API's message and its cause. */
  | { allowed: false; retried: boolean; message: string; cause?: string; budget?: CoveringBudget };

const VIOLATION = "Cannot evict pod as it would violate the pod's disruption budget.";

/** canIgnorePDB: a finished, pending or terminating pod is deleted without a check. */
function canIgnorePDB(pod: KubeObject): boolean {
  const phase = dig(pod, "status", "phase");
  return phase === "Succeeded" || phase === "Failed" || phase === "Pending" || dig(pod, "metadata", "deletionTimestamp") !== undefined;
}

/** Create (the eviction's check): budgets are those covering the pod with a non-empty selector. */
export function evict(pod: KubeObject, budgets: readonly CoveringBudget[]): EvictionDecision {
  if (canIgnorePDB(pod)) return { allowed: true, decrement: false };
  if (budgets.length > 1) return { allowed: false, retried: false, message: "This pod has more than one PodDisruptionBudget, which the eviction subresource does not support." };
  const budget = budgets[0];
  if (!budget) return { allowed: true, decrement: false };
  const { status } = budget;
  if (!isPodReady(pod)) {
    // An unready pod does not count as healthy: it may go when the budget is met, or always with AlwaysAllow.
    const alwaysAllow = dig(budget.pdb, "spec", "unhealthyPodEvictionPolicy") === "AlwaysAllow";
    if (alwaysAllow || (status.currentHealthy >= status.desiredHealthy && status.desiredHealthy > 0)) return { allowed: true, budget, decrement: false };
  }
  // checkAndDecrement (the status is the controller's: never negative).
  if (status.disruptionsAllowed === 0) {
    return {
      allowed: false,
      retried: true,
      message: VIOLATION,
      cause: `The disruption budget ${nameOf(budget.pdb)} needs ${status.desiredHealthy} healthy pods and has ${status.currentHealthy} currently`,
      budget,
    };
  }
  return { allowed: true, budget, decrement: true };
}
