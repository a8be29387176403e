// The claims of a StatefulSet's volumeClaimTemplates (pkg/controller/statefulset/
// stateful_set_utils.go): each named <template>-<set>-<ordinal>, and the owner
// references the controller keeps on them by persistentVolumeClaimRetentionPolicy
// (updateClaimOwnerRefForSetAndPod; StatefulSetAutoDeletePVC, GA in 1.32):
// whenDeleted: Delete makes the set the claims' controller, so the garbage
// collector deletes them with it; Retain, the default, leaves them without one,
// so they stay. The snapshot may predate the controller's last pass: the
// reference is added here as it would be.
import type { KubeObject } from "../../types.js";
import { dig, nameOf, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";
import type { OwnerReferencesLookup } from "./garbage-collector.js";
import { controllerRefOf, ownerReferencesOf } from "./owner.js";

export type ClaimRetention = "Retain" | "Delete";

/** getPersistentVolumeClaimRetentionPolicy's whenDeleted (Retain when unset or unknown). */
export function whenDeletedOf(set: KubeObject): ClaimRetention {
  return dig(set, "spec", "persistentVolumeClaimRetentionPolicy", "whenDeleted") === "Delete" ? "Delete" : "Retain";
}

/** The claims of the set's templates in its namespace, by the names the controller gives them. */
export function claimsOfStatefulSet(cluster: WorkingCluster, set: KubeObject, claims = cluster.list("", "PersistentVolumeClaim", cluster.namespaceOf(set))): KubeObject[] {
  const prefixes = recordsOf(dig(set, "spec", "volumeClaimTemplates")).map((t) => `${stringOf(dig(t, "metadata", "name")) ?? ""}-${nameOf(set)}-`);
  return claims.filter((claim) => prefixes.some((prefix) => nameOf(claim).startsWith(prefix) && /^\d+$/.test(nameOf(claim).slice(prefix.length))));
}

/** NewControllerRef of the set. */
function controllerRefTo(set: KubeObject): JsonRecord {
  return { apiVersion: set.apiVersion, kind: "StatefulSet", name: nameOf(set), uid: set.metadata?.uid, controller: true, blockOwnerDeletion: true };
}

/** Owner references with those whenDeleted: Delete puts on the claims. */
export function claimOwnerReferences(cluster: WorkingCluster): OwnerReferencesLookup {
  const added = new Map<string, JsonRecord>();
  const sets = cluster.list("apps", "StatefulSet").filter((set) => whenDeletedOf(set) === "Delete");
  const claims = sets.length > 0 ? cluster.list("", "PersistentVolumeClaim") : [];
  for (const set of sets) {
    const namespace = cluster.namespaceOf(set);
    // A claim another controller owns is left alone (hasUnexpectedController).
    for (const claim of claimsOfStatefulSet(cluster, set, claims.filter((c) => cluster.namespaceOf(c) === namespace))) if (!controllerRefOf(claim)) added.set(cluster.keyOf(claim), controllerRefTo(set));
  }
  return (object) => {
    const refs = ownerReferencesOf(object);
    const ref = object.kind === "PersistentVolumeClaim" ? added.get(cluster.keyOf(object)) : undefined;
    return ref ? [...refs, ref] : refs;
  };
}
