// The order changes are applied in: what others depend on first.
// Namespaces and CRDs, then the policies that admission applies to what
// follows (quotas, limit ranges, classes), RBAC, configuration and storage,
// workloads, Services, then the rest; deletions last, in reverse.
import type { Change } from "./types.js";

const TIERS: ReadonlyArray<readonly string[]> = [
  ["Namespace", "CustomResourceDefinition"],
  ["PriorityClass", "StorageClass", "IngressClass", "RuntimeClass", "ResourceQuota", "LimitRange"],
  ["ServiceAccount", "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding"],
  ["ConfigMap", "Secret", "PersistentVolume", "PersistentVolumeClaim"],
  ["Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "ReplicationController", "Job", "CronJob", "Pod", "PodTemplate"],
  ["Service"],
];

const RANK = new Map<string, [number, number]>();
TIERS.forEach((kinds, tier) => kinds.forEach((kind, index) => RANK.set(kind, [tier, index])));
const REST: [number, number] = [TIERS.length, 0];

function rankOf(kind: string): [number, number] {
  return RANK.get(kind) ?? REST;
}

/** Sorts changes into application order; ties keep the input order (a stable sort). */
export function applicationOrder(changes: readonly Change[]): Change[] {
  const indexed = changes.map((change, index) => ({ change, index }));
  indexed.sort((a, b) => {
    const deleteA = a.change.action === "delete" ? 1 : 0;
    const deleteB = b.change.action === "delete" ? 1 : 0;
    if (deleteA !== deleteB) return deleteA - deleteB;
    const [tierA, kindA] = rankOf(a.change.kind);
    const [tierB, kindB] = rankOf(b.change.kind);
    // Deletions run in reverse: the workloads go before the namespace that holds them.
    const direction = deleteA ? -1 : 1;
    return direction * (tierA - tierB) || direction * (kindA - kindB) || a.index - b.index;
  });
  return indexed.map((entry) => entry.change);
}
