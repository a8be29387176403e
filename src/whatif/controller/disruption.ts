// The PodDisruptionBudget status the disruption controller keeps
// (pkg/controller/disruption: getExpectedPodCount, getExpectedScale,
// countHealthyPods, updatePdbStatus): how many pods must stay healthy, how
// many are, and how many disruptions are allowed. A pod whose controller has
// no scale the controller knows (a Job, a DaemonSet) makes the budget fail
// safe: no disruption allowed.
import { resolveIntOrPercent } from "../../expand/context.js";
import { isPodReady } from "../../expand/controller-utils.js";
import type { KubeObject } from "../../types.js";
import { dig, integerOf, nameOf, recordsOf, stringOf } from "../../util/object-access.js";
import { matchesLabelSelector } from "../../util/selectors.js";
import type { WorkingCluster } from "../working-cluster.js";
import { controllerRefOf } from "./owner.js";

export interface DisruptionBudgetStatus {
  expectedPods: number;
  desiredHealthy: number;
  currentHealthy: number;
  disruptionsAllowed: number;
  /** Why the controller could not compute it (it then allows no disruption). */
  syncError?: string;
}

/** The pods a budget covers: its namespace, its selector (an empty or missing selector covers none). */
export function podsCoveredBy(pdb: KubeObject, pods: readonly KubeObject[]): KubeObject[] {
  const selector = dig(pdb, "spec", "selector");
  const empty = selector === undefined || (recordsOf(dig(selector, "matchExpressions")).length === 0 && Object.keys((dig(selector, "matchLabels") as object | undefined) ?? {}).length === 0);
  if (empty) return [];
  const namespace = stringOf(pdb.metadata?.namespace) || "default";
  return pods.filter((pod) => (stringOf(pod.metadata?.namespace) || "default") === namespace && matchesLabelSelector(selector, (pod.metadata?.labels ?? {}) as Record<string, string>));
}

/** The finders' scale of a pod's controller: RC, ReplicaSet (or the Deployment owning it), StatefulSet. */
function controllerScale(cluster: WorkingCluster, pod: KubeObject, ref: Record<string, unknown>): { key: string; scale: number } | undefined {
  const namespace = cluster.namespaceOf(pod);
  const kind = stringOf(ref.kind);
  const name = stringOf(ref.name) ?? "";
  const replicasOf = (object: KubeObject) => integerOf(dig(object, "spec", "replicas")) ?? 1;
  if (kind === "ReplicationController" || kind === "StatefulSet") {
    const object = cluster.get(kind === "StatefulSet" ? "apps" : "", kind, namespace, name);
    return object ? { key: `${kind}/${name}`, scale: replicasOf(object) } : undefined;
  }
  if (kind !== "ReplicaSet") return undefined;
  const replicaSet = cluster.get("apps", "ReplicaSet", namespace, name);
  if (!replicaSet) return undefined;
  const parent = controllerRefOf(replicaSet);
  if (parent?.kind === "Deployment") {
    const deployment = cluster.get("apps", "Deployment", namespace, stringOf(parent.name) ?? "");
    return deployment ? { key: `Deployment/${nameOf(deployment)}`, scale: replicasOf(deployment) } : undefined;
  }
  return { key: `ReplicaSet/${name}`, scale: replicasOf(replicaSet) };
}

/** getExpectedScale: the sum of the scales of the covered pods' controllers. */
function expectedScale(cluster: WorkingCluster, pods: readonly KubeObject[]): number {
  const scales = new Map<string, number>();
  for (const pod of pods) {
    const ref = controllerRefOf(pod);
    if (!ref) continue;
    const found = controllerScale(cluster, pod, ref);
    if (!found) throw new Error(`found no controllers for pod "${nameOf(pod)}"`);
    scales.set(found.key, found.scale);
  }
  return [...scales.values()].reduce((sum, n) => sum + n, 0);
}

/** getExpectedPodCount: expected pods and how many must stay healthy. */
function expectedPodCount(cluster: WorkingCluster, pdb: KubeObject, pods: readonly KubeObject[]): { expected: number; desired: number } {
  const maxUnavailable = dig(pdb, "spec", "maxUnavailable");
  const minAvailable = dig(pdb, "spec", "minAvailable");
  if (maxUnavailable !== undefined && maxUnavailable !== null) {
    const expected = expectedScale(cluster, pods);
    const unavailable = resolveIntOrPercent(maxUnavailable, expected, true) ?? 0;
    return { expected, desired: Math.max(0, expected - unavailable) };
  }
  if (typeof minAvailable === "number") return { expected: pods.length, desired: minAvailable };
  if (typeof minAvailable === "string") {
    const expected = expectedScale(cluster, pods);
    return { expected, desired: resolveIntOrPercent(minAvailable, expected, true) ?? 0 };
  }
  return { expected: 0, desired: 0 };
}

/**
 * The status the controller would write for a budget, from the pods it
 * covers and those that count as healthy (ready, not being deleted, not
 * already evicted).
 */
export function disruptionBudgetStatus(cluster: WorkingCluster, pdb: KubeObject, covered: readonly KubeObject[], healthy: number): DisruptionBudgetStatus {
  try {
    const { expected, desired } = expectedPodCount(cluster, pdb, covered);
    const allowed = expected <= 0 ? 0 : Math.max(0, healthy - desired);
    return { expectedPods: expected, desiredHealthy: desired, currentHealthy: healthy, disruptionsAllowed: allowed };
  } catch (error) {
    // failSafe: only disruptionsAllowed changes; the rest is the last status written.
    const stored = (key: string) => integerOf(dig(pdb, "status", key)) ?? 0;
    return { expectedPods: stored("expectedPods"), desiredHealthy: stored("desiredHealthy"), currentHealthy: stored("currentHealthy"), disruptionsAllowed: 0, syncError: (error as Error).message };
  }
}
