// VolumeBinding, from what the admission stage found about each claim the pod
// mounts: a missing claim or an unbound claim with Immediate binding rejects
// the pod in PreFilter; a claim bound to a PersistentVolume with node affinity
// restricts the nodes.
import { matchesNodeSelectorTerms } from "../../util/selectors.js";
import { unresolvable, type FilterPlugin } from "../framework.js";
import { arrayOf, recordOf } from "../../util/object-access.js";
import type { PodVolume } from "../types.js";

/** ErrReasonNodeConflict before 1.33. */
export const ERR_REASON_NODE_CONFLICT_BEFORE_1_33 = "node(s) had volume node affinity conflict";
/** ErrReasonNodeConflict from 1.33. */
export const ERR_REASON_NODE_CONFLICT = "node(s) didn't match PersistentVolume's node affinity";
export const ERR_REASON_UNBOUND_IMMEDIATE = "pod has unbound immediate PersistentVolumeClaims";

const NAME = "VolumeBinding";

/** The required node selector terms of a PersistentVolume's spec.nodeAffinity. */
function requiredTerms(volume: PodVolume): unknown[] | undefined {
  if (volume.nodeAffinity === undefined || volume.nodeAffinity === null) return undefined;
  const required = recordOf(recordOf(volume.nodeAffinity).required);
  return arrayOf(required.nodeSelectorTerms);
}

export const VolumeBinding: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const volumes = ctx.pod.volumes ?? [];
    if (volumes.length === 0) return { skip: true };
    const missing = volumes.find((v) => v.status === "missing");
    if (missing) return { status: unresolvable(NAME, `persistentvolumeclaim "${missing.claim}" not found`) };
    if (volumes.some((v) => v.status === "unbound")) return { status: unresolvable(NAME, ERR_REASON_UNBOUND_IMMEDIATE) };
    const terms = volumes
      .filter((v) => v.status === "bound" || v.status === "binds-to")
      .map(requiredTerms)
      .filter((t): t is unknown[] => t !== undefined);
    if (terms.length === 0) return { skip: true };
    ctx.state.set(NAME, terms);
    return undefined;
  },
  filter(ctx, node) {
    const terms = ctx.state.get(NAME) as unknown[][];
    for (const nodeSelectorTerms of terms) {
      if (!matchesNodeSelectorTerms(nodeSelectorTerms, node.labels, node.name)) {
        const reason = ctx.behaviour.volumeNodeAffinityReasonNamesPersistentVolume ? ERR_REASON_NODE_CONFLICT : ERR_REASON_NODE_CONFLICT_BEFORE_1_33;
        return unresolvable(NAME, reason);
      }
    }
    return null;
  },
};
