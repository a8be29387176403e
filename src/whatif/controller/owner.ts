// Owners as the controllers and the garbage collector find them: an object's
// ownerReferences resolved in the cluster (the same namespace for a
// namespaced owner, the same uid when both have one), and the controller at
// the top of a chain (a pod's ReplicaSet's Deployment).
import { groupOf } from "../../inventory.js";
import type { KubeObject } from "../../types.js";
import { nameOf, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";

/** `Deployment shop/web`, `Namespace shop`: an object as the notes name it. */
export function objectPath(cluster: WorkingCluster, object: KubeObject): string {
  const namespace = cluster.namespaceOf(object);
  return `${object.kind ?? ""} ${namespace === "" ? "" : `${namespace}/`}${nameOf(object)}`;
}

export function ownerReferencesOf(object: KubeObject): JsonRecord[] {
  return recordsOf(object.metadata?.ownerReferences);
}

/** GetControllerOf: the reference with controller: true. */
export function controllerRefOf(object: KubeObject): JsonRecord | undefined {
  return ownerReferencesOf(object).find((ref) => ref.controller === true);
}

/** The key the owner a reference names would be stored under. */
export function ownerKey(cluster: WorkingCluster, dependent: KubeObject, ref: JsonRecord): string {
  return cluster.keyFor(groupOf(stringOf(ref.apiVersion)), stringOf(ref.kind) ?? "", cluster.namespaceOf(dependent), stringOf(ref.name) ?? "");
}

/** The owner a reference names, if it is there: a uid that differs is another object (isDangling). */
export function resolveOwner(cluster: WorkingCluster, dependent: KubeObject, ref: JsonRecord): KubeObject | undefined {
  const owner = cluster.byKey(ownerKey(cluster, dependent, ref));
  if (!owner) return undefined;
  const uid = stringOf(owner.metadata?.uid);
  const wanted = stringOf(ref.uid);
  return uid !== undefined && wanted !== undefined && uid !== wanted ? undefined : owner;
}

/** Whether a reference names this owner. */
export function refersTo(cluster: WorkingCluster, dependent: KubeObject, ref: JsonRecord, owner: KubeObject): boolean {
  return resolveOwner(cluster, dependent, ref) === owner;
}

/** The controller that puts an object back when it goes: the top of its chain of controllers, while they are there. */
export function topController(cluster: WorkingCluster, object: KubeObject): KubeObject | undefined {
  let current: KubeObject | undefined = object;
  let owner: KubeObject | undefined;
  for (let depth = 0; current && depth < 3; depth++) {
    const ref = controllerRefOf(current);
    if (!ref) break;
    current = resolveOwner(cluster, current, ref);
    if (current) owner = current;
  }
  return owner;
}
