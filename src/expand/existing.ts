// What already runs: the snapshot's copy of a workload of the inputs and its
// pods, and whether the inputs change the pod template.
import type { ClusterSnapshot } from "../cluster/snapshot.js";
import type { KubeObject } from "../types.js";
import { dig, isRecord, recordsOf, stringOf } from "../util/object-access.js";
import { parseQuantity } from "../util/quantity.js";
import { matchesLabelSelector, matchesMapSelector } from "../util/selectors.js";
import { compareStrings } from "../util/order.js";

/** A pod that has finished (or is being deleted) no longer counts as a replica. */
export function isTerminalPod(pod: KubeObject): boolean {
  const phase = dig(pod, "status", "phase");
  return phase === "Succeeded" || phase === "Failed" || dig(pod, "metadata", "deletionTimestamp") !== undefined;
}

function controllerRef(pod: KubeObject): { kind: string; name: string } | undefined {
  const ref = recordsOf(pod.metadata?.ownerReferences).find((r) => r.controller === true);
  if (!ref) return undefined;
  return { kind: stringOf(ref.kind) ?? "", name: stringOf(ref.name) ?? "" };
}

/**
 * Whether the snapshot pod belongs to this workload: its controller reference
 * names it (or, for a Deployment, one of its ReplicaSets); an orphan matching
 * the selector would be adopted.
 */
function ownedBy(pod: KubeObject, kind: string, name: string): boolean {
  const ref = controllerRef(pod);
  if (!ref) return true;
  if (kind === "Deployment") return ref.kind === "ReplicaSet" && ref.name.startsWith(`${name}-`);
  return ref.kind === kind && ref.name === name;
}

function selectorMatches(kind: string, selector: unknown, labels: Record<string, string>): boolean {
  if (kind === "ReplicationController") return isRecord(selector) && Object.keys(selector).length > 0 && matchesMapSelector(selector, labels);
  return matchesLabelSelector(selector, labels);
}

/** The live pods of a workload in the snapshot, sorted by name. */
export function existingPods(snapshot: ClusterSnapshot, kind: string, namespace: string, name: string, selector: unknown): KubeObject[] {
  return snapshot
    .list("Pod", namespace)
    .filter((pod) => !isTerminalPod(pod))
    .filter((pod) => ownedBy(pod, kind, name))
    .filter((pod) => selectorMatches(kind, selector, (pod.metadata?.labels ?? {}) as Record<string, string>))
    .sort((a, b) => compareStrings(String(a.metadata?.name ?? ""), String(b.metadata?.name ?? "")));
}

function sameScalar(desired: unknown, actual: unknown): boolean {
  if (desired === actual) return true;
  // The API server stores quantities canonically: "0.5" comes back as "500m".
  if ((typeof desired === "string" || typeof desired === "number") && (typeof actual === "string" || typeof actual === "number")) {
    const a = parseQuantity(desired);
    const b = parseQuantity(actual);
    return a !== undefined && b !== undefined && a.nanos === b.nanos;
  }
  return false;
}

/**
 * Whether everything the inputs set is already so in the cluster's copy: fields
 * the API server defaulted there (and the inputs leave out) do not count as changes.
 */
export function isSubsetOf(desired: unknown, actual: unknown): boolean {
  if (desired === null || desired === undefined) return true;
  if (Array.isArray(desired)) {
    return Array.isArray(actual) && actual.length === desired.length && desired.every((item, i) => isSubsetOf(item, actual[i]));
  }
  if (isRecord(desired)) {
    if (!isRecord(actual)) return Object.keys(desired).length === 0;
    return Object.entries(desired).every(([key, value]) => isSubsetOf(value, actual[key]));
  }
  return sameScalar(desired, actual);
}
