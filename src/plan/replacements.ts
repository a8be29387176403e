// A workload the plan replaces (an immutable field changed) is deleted, then
// created again: its controller starts from nothing, and the pods it runs now
// stop first, as with the Recreate strategy. The controllers must see the
// cluster without it; admission and the scheduler see its old pods go.
import { createSnapshot, WORKLOAD_KINDS, type ClusterSnapshot } from "../cluster/snapshot.js";
import type { ChangePlan } from "../diff/index.js";
import type { ExpandResult } from "../expand/index.js";
import type { KubeObject } from "../types.js";
import { recordsOf } from "../util/object-access.js";
import { appendAll } from "../util/append.js";

const CONTROLLER_KINDS: ReadonlySet<string> = new Set(WORKLOAD_KINDS);

/** Whether objects of this kind are controllers that a replacement restarts. */
export function isControllerKind(kind: unknown): boolean {
  return typeof kind === "string" && CONTROLLER_KINDS.has(kind);
}

function key(kind: unknown, namespace: unknown, name: unknown): string {
  return `${String(kind)}/${String(namespace || "default")}/${String(name ?? "")}`;
}

function controllerKey(object: KubeObject): string | undefined {
  const owner = recordsOf(object.metadata?.ownerReferences).find((ref) => ref.controller === true);
  return owner ? key(owner.kind, object.metadata?.namespace, owner.name) : undefined;
}

export interface Replacements {
  /** The snapshot without the replaced workloads, their ReplicaSets and pods: what the controllers start from. */
  snapshot: ClusterSnapshot;
  /** The running pods of each replaced workload (`Kind/namespace/name`). */
  podsOf: Map<string, KubeObject[]>;
}

export function findReplacements(snapshot: ClusterSnapshot, changes: ChangePlan): Replacements {
  const workloadOf = new Map<string, string>();
  for (const change of changes.changes) {
    if (change.action !== "replace" || !isControllerKind(change.kind)) continue;
    const workload = key(change.kind, change.namespace, change.name);
    workloadOf.set(workload, workload);
  }
  if (workloadOf.size === 0) return { snapshot, podsOf: new Map() };
  // A Deployment's ReplicaSets belong to it, and their pods too.
  for (const object of snapshot.objects) {
    const owner = controllerKey(object);
    if (object.kind === "ReplicaSet" && owner && workloadOf.has(owner)) workloadOf.set(key("ReplicaSet", object.metadata?.namespace, object.metadata?.name), workloadOf.get(owner)!);
  }
  const podsOf = new Map<string, KubeObject[]>();
  const kept = snapshot.objects.filter((object) => {
    const self = workloadOf.get(key(object.kind, object.metadata?.namespace, object.metadata?.name));
    const owner = controllerKey(object);
    const workload = self ?? (owner !== undefined ? workloadOf.get(owner) : undefined);
    if (workload && object.kind === "Pod") {
      const pods = podsOf.get(workload);
      if (pods) pods.push(object);
      else podsOf.set(workload, [object]);
    }
    return workload === undefined;
  });
  return { snapshot: createSnapshot(kept, snapshot.present), podsOf };
}

/** The new workloads replace the old: all old pods stop before the new ones start. */
export function applyReplacements(expansion: ExpandResult, replacements: Replacements): void {
  for (const workload of expansion.workloads) {
    const old = replacements.podsOf.get(key(workload.owner.kind, workload.owner.namespace, workload.owner.name));
    if (!old) continue;
    workload.replaced = [...old];
    workload.strategy = "Recreate";
    appendAll(expansion.replacedPods, old);
  }
}
