// A snapshot may list the workloads but not their pods (`kubectl get
// deploy,sts -o yaml`). The controllers of such a workload already run its
// pods: a plan that would "create" them all again would contradict itself
// ("no changes", yet pods to create). Where the snapshot lists no pod at all,
// a workload it already runs with the same template keeps as many replicas as
// it had; only a scale-up adds pods.
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import { dig } from "../util/object-access.js";
import { replicasOf } from "./context.js";
import { isSubsetOf } from "./existing.js";
import type { ExpandedWorkload } from "./types.js";

/** Whether the snapshot says nothing about pods: it is given, and lists none. */
export function podsUnlisted(snapshot: ClusterSnapshot): boolean {
  return snapshot.present && snapshot.pods.length === 0;
}

/** The replicas the live copy runs, when it runs the template of the inputs; 0 otherwise. */
function liveReplicas(workload: ExpandedWorkload, snapshot: ClusterSnapshot, namespace: string, name: string, template: unknown): number {
  const live = snapshot.get(workload.owner.kind, namespace, name);
  if (!live || !isSubsetOf(template, dig(live, "spec", "template"))) return 0;
  if (workload.owner.kind === "DaemonSet") return workload.desired;
  return replicasOf(dig(live, "spec", "replicas"));
}

/**
 * Takes the replicas a live workload already runs as running (in place).
 * Returns how many pods that spared; 0 for workloads the snapshot lacks or
 * whose template changes (all their pods are new).
 */
export function assumeLivePodsRun(workload: ExpandedWorkload, snapshot: ClusterSnapshot, namespace: string, name: string, template: unknown): number {
  if (workload.owner.kind === "Job" || workload.owner.kind === "CronJob") return 0;
  const assumed = Math.min(workload.pods.length, Math.max(0, liveReplicas(workload, snapshot, namespace, name, template) - workload.running));
  if (assumed === 0) return 0;
  const kept = workload.pods.slice(assumed);
  const keptNames = new Set(kept.map((p) => String(p.pod.metadata?.name ?? p.pod.metadata?.generateName ?? "")));
  workload.pods = kept;
  workload.claims = workload.claims.filter((claim) => keptNames.has(claim.podName));
  workload.running += assumed;
  workload.surge = Math.max(0, workload.surge - assumed);
  return assumed;
}
