// What a scale-down does once the controller acts on it: which pods it
// deletes (a ReplicaSet's or ReplicationController's getPodsToDelete order,
// across a Deployment's ReplicaSets; a StatefulSet's highest ordinals first),
// what that leaves of the PodDisruptionBudgets covering them (a scale-down
// is no eviction: a budget does not stop it, but evictions after it may be
// refused) and of the workload's topology spread (nothing rebalances it).
import { getPodsToDelete, isPodActive, isPodReady } from "../../expand/controller-utils.js";
import type { KubeObject } from "../../types.js";
import { dig, integerOf, nameOf, recordsOf, stringMapOf, stringOf } from "../../util/object-access.js";
import { matchesLabelSelector } from "../../util/selectors.js";
import type { WorkingCluster } from "../working-cluster.js";
import { disruptionBudgetStatus, podsCoveredBy } from "./disruption.js";
import { maxOf, minOf } from "../../util/append.js";

function controllerRefOf(object: KubeObject): { kind: string; name: string } | undefined {
  const ref = recordsOf(object.metadata?.ownerReferences).find((r) => r.controller === true);
  return ref ? { kind: stringOf(ref.kind) ?? "", name: stringOf(ref.name) ?? "" } : undefined;
}

/** The active pods the workload's controller (or, for a Deployment, its ReplicaSets) owns. */
function podsOf(cluster: WorkingCluster, workload: KubeObject): KubeObject[] {
  const namespace = cluster.namespaceOf(workload);
  const kind = workload.kind ?? "";
  const owners = new Set<string>();
  if (kind === "Deployment") {
    for (const rs of cluster.list("apps", "ReplicaSet", namespace)) {
      const ref = controllerRefOf(rs);
      if (ref?.kind === "Deployment" && ref.name === nameOf(workload)) owners.add(`ReplicaSet/${nameOf(rs)}`);
    }
  } else owners.add(`${kind}/${nameOf(workload)}`);
  return cluster.list("", "Pod", namespace).filter((pod) => {
    const ref = controllerRefOf(pod);
    return isPodActive(pod) && ref !== undefined && owners.has(`${ref.kind}/${ref.name}`);
  });
}

function ordinalOf(pod: KubeObject, setName: string): number {
  const suffix = nameOf(pod).slice(setName.length + 1);
  return /^\d+$/.test(suffix) ? Number(suffix) : -1;
}

/** The pods the controller deletes first. */
export function podsDeletedByScaleDown(cluster: WorkingCluster, workload: KubeObject, count: number, now: Date): KubeObject[] {
  const pods = podsOf(cluster, workload);
  if (workload.kind === "StatefulSet") return pods.sort((a, b) => ordinalOf(b, nameOf(workload)) - ordinalOf(a, nameOf(workload))).slice(0, count);
  return getPodsToDelete(pods, pods, count, now);
}

function budgetNotes(cluster: WorkingCluster, namespace: string, remaining: readonly KubeObject[], removed: readonly KubeObject[]): string[] {
  return cluster
    .list("policy", "PodDisruptionBudget", namespace)
    .filter((pdb) => podsCoveredBy(pdb, removed).length > 0)
    .map((pdb) => {
      const covered = podsCoveredBy(pdb, remaining);
      const status = disruptionBudgetStatus(cluster, pdb, covered, covered.filter(isPodReady).length);
      const verdict = status.disruptionsAllowed === 0 ? "evictions of its pods are refused" : `${status.disruptionsAllowed} eviction(s) allowed`;
      return `PodDisruptionBudget ${nameOf(pdb)}: ${status.currentHealthy} healthy pod(s) left, ${status.desiredHealthy} needed: ${verdict} (a scale-down is no eviction: the budget does not stop it)`;
    });
}

function spreadNotes(cluster: WorkingCluster, workload: KubeObject, remaining: readonly KubeObject[]): string[] {
  const nodes = cluster.list("", "Node");
  return recordsOf(dig(workload, "spec", "template", "spec", "topologySpreadConstraints")).map((constraint) => {
    const key = stringOf(constraint.topologyKey) ?? "";
    const maxSkew = integerOf(constraint.maxSkew) ?? 1;
    const domainOf = new Map(nodes.map((node) => [nameOf(node), stringMapOf(node.metadata?.labels)[key]]));
    const counts = new Map<string, number>();
    for (const value of domainOf.values()) if (value !== undefined) counts.set(value, 0);
    for (const pod of remaining) {
      if (!matchesLabelSelector(constraint.labelSelector, stringMapOf(pod.metadata?.labels))) continue;
      const domain = domainOf.get(stringOf(dig(pod, "spec", "nodeName")) ?? "");
      if (domain !== undefined) counts.set(domain, (counts.get(domain) ?? 0) + 1);
    }
    const spread = [...counts].sort(([a], [b]) => (a < b ? -1 : 1)).map(([domain, n]) => `${domain} ${n}`).join(", ");
    const skew = counts.size === 0 ? 0 : maxOf(counts.values()) - minOf(counts.values());
    const verdict = skew > maxSkew ? `skew ${skew} exceeds maxSkew ${maxSkew}: the controller deletes without regard to spread, and nothing rebalances` : `skew ${skew}, within maxSkew ${maxSkew}`;
    return `topology spread over ${key} after the scale-down: ${spread} (${verdict})`;
  });
}

/** The notes of a scale-down by `count` pods of a workload the cluster already holds at its new scale. */
export function scaleDownNotes(cluster: WorkingCluster, workload: KubeObject, count: number, now: Date): string[] {
  const removed = podsDeletedByScaleDown(cluster, workload, count, now);
  if (removed.length === 0) return [];
  const namespace = cluster.namespaceOf(workload);
  const gone = new Set(removed);
  const remaining = cluster.list("", "Pod", namespace).filter((pod) => isPodActive(pod) && !gone.has(pod));
  const where = (pod: KubeObject) => `${nameOf(pod)}${stringOf(dig(pod, "spec", "nodeName")) ? ` (${stringOf(dig(pod, "spec", "nodeName"))})` : ""}`;
  return [
    `deletes ${removed.map(where).join(", ")}, in its controller's order`,
    ...budgetNotes(cluster, namespace, remaining, removed),
    ...spreadNotes(cluster, workload, remaining),
  ];
}
