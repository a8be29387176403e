// DefaultStorageClass (plugin/pkg/admission/storage/storageclass/setdefault):
// a claim that names no class gets the cluster's default one.
import type { KubeObject } from "../../types.js";
import { recordOf, stringOf } from "../../util/object-access.js";
import type { PlanState } from "../state.js";

/** Sets spec.storageClassName when it is absent (an explicit "" means no class); returns whether it did. */
export function defaultStorageClass(state: PlanState, claim: KubeObject): boolean {
  const spec = recordOf(claim.spec);
  claim.spec = spec;
  if (spec.storageClassName !== undefined && spec.storageClassName !== null) return false;
  if (claim.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"] !== undefined) return false;
  // Several defaults: the newest wins (then the name, for a stable choice).
  const chosen = state.defaultStorageClasses().sort((a, b) => {
    const ta = stringOf(a.metadata?.creationTimestamp) ?? "";
    const tb = stringOf(b.metadata?.creationTimestamp) ?? "";
    if (ta !== tb) return ta > tb ? -1 : 1;
    return String(a.metadata?.name) < String(b.metadata?.name) ? -1 : 1;
  })[0];
  if (!chosen) return false;
  spec.storageClassName = stringOf(chosen.metadata?.name);
  return true;
}
