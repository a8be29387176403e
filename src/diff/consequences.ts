// The consequences of the planned changes beyond the fields themselves:
// what happens to running pods, who reads a changed ConfigMap or Secret,
// autoscaler conflicts, volume resizes admission would refuse.
import type { KubeObject } from "../types.js";
import { configChangeNote, configDeleteNote, configReaders, podSpecOf } from "./config-readers.js";
import type { Scope } from "./identity.js";
import { SCALABLE_KINDS } from "./owned-fields.js";
import { isControllerOwned } from "./server-fields.js";
import { rolloutNote } from "./rollout.js";
import type { Change } from "./types.js";
import { dig, objectAt, stringAt, type JsonRecord } from "../util/object-access.js";

/** One object of the plan with what the diff computed for it. */
export interface Planned {
  change: Change;
  stored?: KubeObject;
  desired?: KubeObject;
  current?: JsonRecord;
  next?: JsonRecord;
  /** A deletion that leaves its dependents (orphan cascade): no rollout. */
  orphansDependents?: boolean;
}

/** Rollouts that restart pods, so a config change they read is picked up. */
const RESTARTING = new Set(["rolling-update", "recreate", "replace", "in-place", "partitioned", "start"]);

/**
 * An HPA owns replicas, yet the apply changes them: either the manifest sets
 * them (apply and autoscaler fight), or it dropped them while the last apply
 * recorded them (kubectl deletes the field and the object falls back to one
 * replica until the autoscaler scales it up again).
 */
export function autoscalerConflictNote(planned: Planned, autoscaler: string | undefined): string | undefined {
  if (!autoscaler || !planned.desired || !SCALABLE_KINDS.has(planned.change.kind)) return undefined;
  if (!planned.change.fields.some((f) => f.path === "spec.replicas")) return undefined;
  const { kind, name } = planned.change;
  if (dig(planned.desired, "spec", "replicas") === undefined) {
    return `warning: kubectl apply deletes spec.replicas, which the last apply set: ${kind} ${name} drops to 1 replica until HorizontalPodAutoscaler ${autoscaler} scales it back up; first remove replicas from the recorded configuration (kubectl apply edit-last-applied ${kind.toLowerCase()}/${name})`;
  }
  return `spec.replicas is managed by HorizontalPodAutoscaler ${autoscaler}: apply sets it, then the autoscaler scales it back; leave replicas out of the manifest`;
}

/** Growing a PVC needs a StorageClass with allowVolumeExpansion (PersistentVolumeClaimResize admission). */
function resizeDenial(planned: Planned, storageClasses: ReadonlyMap<string, KubeObject>): string | undefined {
  const { change, next } = planned;
  if (change.kind !== "PersistentVolumeClaim" || change.action !== "update") return undefined;
  if (!change.fields.some((f) => f.path === "spec.resources.requests.storage" && f.op === "replace")) return undefined;
  const className = stringAt(objectAt(next, "spec"), "storageClassName");
  const storageClass = className ? storageClasses.get(className) : undefined;
  if (!storageClass || storageClass.allowVolumeExpansion === true) return undefined;
  return `persistentvolumeclaims "${change.name}" is forbidden: only dynamically provisioned pvc can be resized and the storageclass that provisions the pvc must support resize`;
}

/** Rollout notes per workload, readers of changed ConfigMaps and Secrets, resize denials. */
export function addConsequences(planned: Planned[], current: readonly KubeObject[], scope: Scope, kubernetesVersion: string): void {
  for (const item of planned) {
    const { change } = item;
    if (item.orphansDependents) continue;
    const note = rolloutNote({
      action: change.action,
      kind: change.kind,
      name: change.name,
      stored: item.stored as JsonRecord | undefined,
      current: item.current,
      next: item.next,
      fields: change.fields,
      kubernetesVersion,
    });
    if (note) change.rollout = note;
  }

  const restarted = new Set(
    planned.filter((p) => p.change.rollout && RESTARTING.has(p.change.rollout.kind)).map((p) => `${p.change.kind}|${p.change.namespace}|${p.change.name}`),
  );
  const desiredKeys = new Set(planned.filter((p) => p.desired).map((p) => scope.keyOf(p.desired!)));
  const deleted = new Set(planned.filter((p) => p.change.action === "delete").map((p) => p.stored));
  const workloads = [
    ...planned.filter((p) => p.desired && p.change.action !== "delete").map((p) => p.desired!),
    ...current.filter((o) => !desiredKeys.has(scope.keyOf(o)) && !deleted.has(o)),
  ]
    // Objects a controller owns (a Deployment's ReplicaSets, their pods) restart with their owner.
    .filter((object) => podSpecOf(object) !== undefined && !isControllerOwned(object))
    .map((object) => ({ object, namespace: scope.namespaceOf(object) }));
  const workloadsByNamespace = new Map<string, typeof workloads>();
  for (const workload of workloads) {
    const list = workloadsByNamespace.get(workload.namespace);
    if (list) list.push(workload);
    else workloadsByNamespace.set(workload.namespace, [workload]);
  }

  const storageClasses = new Map<string, KubeObject>();
  for (const object of [...current, ...planned.flatMap((p) => (p.desired ? [p.desired] : []))]) {
    if (object.kind === "StorageClass" && typeof object.metadata?.name === "string") storageClasses.set(object.metadata.name, object);
  }

  for (const item of planned) {
    const { change } = item;
    if (change.kind === "ConfigMap" || change.kind === "Secret") {
      const readers = configReaders(change.kind, change.namespace, change.name, workloadsByNamespace.get(change.namespace) ?? []);
      if (change.action === "update" || change.action === "replace") change.notes.push(configChangeNote(change.kind, readers, restarted));
      if (change.action === "delete" && readers.length > 0) change.notes.push(configDeleteNote(change.kind, readers));
    }
    if (change.kind === "Namespace" && change.action === "delete") {
      change.notes.push("deleting a Namespace deletes every object in it, not only those of this plan");
    }
    const denial = resizeDenial(item, storageClasses);
    if (denial && change.denied === undefined) change.denied = denial;
  }
}
