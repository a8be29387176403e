// The evictions of a drain, as kubectl sends them (one request per pod, a
// refusal of the disruption budget retried every 5s) and as the eviction API
// answers them. A refused pod may go in a later round, once the controllers'
// replacements of the pods evicted before it count as healthy again (taken
// as ready here: the plan shows where they land, and one that stays Pending
// holds the drain). A refusal that no round lifts is for good.
import { isPodReady } from "../../expand/controller-utils.js";
import type { KubeObject } from "../../types.js";
import { nameOf, stringOf } from "../../util/object-access.js";
import { disruptionBudgetStatus, podsCoveredBy } from "../controller/disruption.js";
import { evict, type CoveringBudget, type EvictionDecision } from "../registry/eviction.js";
import type { WorkingCluster } from "../working-cluster.js";
import { controllerRefOf } from "../controller/owner.js";
import { appendAll } from "../../util/append.js";

export interface EvictionAttempt {
  pod: KubeObject;
  decision: EvictionDecision;
  round: number;
}

export interface EvictionRounds {
  /** Each pod's last answer, in the order of the pods given. */
  attempts: EvictionAttempt[];
  /** kubectl's lines, round after round. */
  output: string[];
}

/** Whether a controller puts a new pod in place of an evicted one (a DaemonSet's pods are never evicted). */
export function isReplaced(pod: KubeObject): boolean {
  return controllerRefOf(pod) !== undefined;
}

/** The budgets covering a pod, with the status the controller would write now. */
function coveringBudgets(cluster: WorkingCluster, pod: KubeObject, replacements: readonly KubeObject[]): CoveringBudget[] {
  const namespace = cluster.namespaceOf(pod);
  const pods = cluster.list("", "Pod", namespace);
  return cluster
    .list("policy", "PodDisruptionBudget", namespace)
    .filter((pdb) => podsCoveredBy(pdb, [pod]).length > 0)
    .map((pdb) => {
      const covered = podsCoveredBy(pdb, pods);
      const healthy = covered.filter((p) => isPodReady(p) && p.metadata?.deletionTimestamp === undefined).length + podsCoveredBy(pdb, replacements).length;
      return { pdb, status: disruptionBudgetStatus(cluster, pdb, covered, healthy) };
    });
}

export function podPath(pod: KubeObject): string {
  return `${stringOf(pod.metadata?.namespace) ?? ""}/${nameOf(pod)}`;
}

/** kubectl's line for a refusal it retries. */
export function retryLine(pod: KubeObject, message: string): string {
  return `error when evicting pods/"${nameOf(pod)}" -n "${stringOf(pod.metadata?.namespace) ?? ""}" (will retry after 5s): ${message}`;
}

/**
 * Evicts the pods round after round. With `commit` the evicted pods leave the
 * cluster (`evicted by`); without (a server dry run) nothing changes, so a
 * refusal is never lifted.
 */
export function evictInRounds(cluster: WorkingCluster, pods: readonly KubeObject[], options: { commit: boolean; suffix: string; evictedBy: (pod: KubeObject) => void }): EvictionRounds {
  const last = new Map<KubeObject, EvictionAttempt>();
  const output: string[] = [];
  const replacements: KubeObject[] = [];
  let pending = [...pods];
  for (let round = 1; pending.length > 0; round++) {
    appendAll(output, pending.map((pod) => `evicting pod ${podPath(pod)}${options.suffix}`));
    const evicted: KubeObject[] = [];
    const retried: KubeObject[] = [];
    for (const pod of pending) {
      const decision = evict(pod, coveringBudgets(cluster, pod, replacements));
      last.set(pod, { pod, decision, round });
      if (decision.allowed) {
        evicted.push(pod);
        if (options.commit) options.evictedBy(pod);
      } else if (decision.retried) {
        output.push(retryLine(pod, decision.message));
        retried.push(pod);
      }
    }
    if (options.commit) appendAll(output, evicted.map((pod) => `pod/${nameOf(pod)} evicted`));
    if (evicted.length === 0 || !options.commit) break;
    appendAll(replacements, evicted.filter(isReplaced));
    pending = retried;
  }
  return { attempts: pods.map((pod) => last.get(pod)!), output };
}
