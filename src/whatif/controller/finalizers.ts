// The finalizers that hold a deleted object: it stays, Terminating with a
// deletionTimestamp, until each is removed. Kubernetes' own controllers
// remove theirs once their condition holds: PVC protection once no pod uses
// the claim (pkg/controller/volume/pvcprotection), PV protection once no
// claim is bound to the volume (pkg/controller/volume/pvprotection), the
// garbage collector's orphan and foregroundDeletion, the Job controller's
// pod tracking, the service controller's load-balancer cleanup. Any other
// is removed only by whatever set it.
import type { KubeObject } from "../../types.js";
import { arrayOf, dig, nameOf, recordsOf, stringOf } from "../../util/object-access.js";
import type { WorkingCluster } from "../working-cluster.js";
export const FINALIZER_ORPHAN_DEPENDENTS = "orphan";
export const FINALIZER_DELETE_DEPENDENTS = "foregroundDeletion";
export const PVC_PROTECTION_FINALIZER = "kubernetes.io/pvc-protection";
export const PV_PROTECTION_FINALIZER = "kubernetes.io/pv-protection";

/** Finalizers whose controller removes them unconditionally once the object is being deleted. */
const RELEASED_BY_THEIR_CONTROLLER = new Set([FINALIZER_ORPHAN_DEPENDENTS, FINALIZER_DELETE_DEPENDENTS, "batch.kubernetes.io/job-tracking", "service.kubernetes.io/load-balancer-cleanup"]);

/** A finalizer none of Kubernetes' own controllers removes: it holds the object until whatever set it acts. */
export function isForeignFinalizer(finalizer: string): boolean {
  return !RELEASED_BY_THEIR_CONTROLLER.has(finalizer) && finalizer !== PVC_PROTECTION_FINALIZER && finalizer !== PV_PROTECTION_FINALIZER;
}

export interface HoldingFinalizer {
  finalizer: string;
  /** Why it is not removed: `while pod shop/redis-0 uses it`. */
  why: string;
}

/** A pod left in the cluster that mounts the claim (what PVC protection waits for). */
function podUsingClaim(cluster: WorkingCluster, claim: KubeObject): KubeObject | undefined {
  const name = nameOf(claim);
  return cluster
    .list("", "Pod", cluster.namespaceOf(claim))
    .find((pod) => recordsOf(dig(pod, "spec", "volumes")).some((volume) => stringOf(dig(volume, "persistentVolumeClaim", "claimName")) === name));
}

/** The claim left in the cluster that the volume is bound to (what PV protection waits for). */
function boundClaim(cluster: WorkingCluster, volume: KubeObject): KubeObject | undefined {
  const ref = dig(volume, "spec", "claimRef");
  const claim = cluster.get("", "PersistentVolumeClaim", stringOf(dig(ref, "namespace")) ?? "", stringOf(dig(ref, "name")) ?? "");
  return claim && stringOf(dig(claim, "spec", "volumeName")) === nameOf(volume) ? claim : undefined;
}

function holding(cluster: WorkingCluster, object: KubeObject, finalizer: string): string | undefined {
  if (RELEASED_BY_THEIR_CONTROLLER.has(finalizer)) return undefined;
  if (finalizer === PVC_PROTECTION_FINALIZER && object.kind === "PersistentVolumeClaim") {
    const pod = podUsingClaim(cluster, object);
    return pod ? `while pod ${cluster.namespaceOf(pod)}/${nameOf(pod)} uses it` : undefined;
  }
  if (finalizer === PV_PROTECTION_FINALIZER && object.kind === "PersistentVolume") {
    const claim = boundClaim(cluster, object);
    return claim ? `while claim ${cluster.namespaceOf(claim)}/${nameOf(claim)} is bound to it` : undefined;
  }
  return "until whatever set it removes it (no Kubernetes controller does)";
}

/** The finalizers of a deleted object that would keep it, as the cluster is left. */
export function holdingFinalizers(cluster: WorkingCluster, object: KubeObject): HoldingFinalizer[] {
  return arrayOf<unknown>(object.metadata?.finalizers)
    .filter((f): f is string => typeof f === "string")
    .flatMap((finalizer) => {
      const why = holding(cluster, object, finalizer);
      return why === undefined ? [] : [{ finalizer, why }];
    });
}
