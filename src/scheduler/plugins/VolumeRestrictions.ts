// VolumeRestrictions: an inline GCE PD, AWS EBS, iSCSI or RBD disk already
// mounted by a pod on the node (unless both mounts are read-only where that is
// allowed), and a ReadWriteOncePod claim that another bound pod already uses.
// PreFilter looks up every claim the pod mounts and counts the ReadWriteOncePod
// ones in use; Filter rejects every node while that count is above zero, so
// that preemption can free the claim.
import type { KubeObject } from "../../types.js";
import { disksConflict, type DiskVolume } from "../disk-volumes.js";
import { unresolvable, unschedulable, type CycleContext, type FilterPlugin } from "../framework.js";
import type { NodeInfo } from "../node-info.js";
import { specOf } from "../objects.js";
import type { PodInfo } from "../pod-info.js";
import { arrayOf } from "../../util/object-access.js";

export const ERR_REASON_DISK_CONFLICT = "node(s) had no available disk";
/** ErrReasonReadWriteOncePodConflict before 1.33. */
export const ERR_REASON_RWOP_CONFLICT_BEFORE_1_33 =
  "node has pod using PersistentVolumeClaim with the same name and ReadWriteOncePod access mode";
/** ErrReasonReadWriteOncePodConflict from 1.33. */
export const ERR_REASON_RWOP_CONFLICT =
  "node(s) unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode already in-use by another pod";

const NAME = "VolumeRestrictions";

interface State {
  /** Names of the pod's claims with the ReadWriteOncePod access mode. */
  readWriteOncePodClaims: ReadonlySet<string>;
  /** How many references bound pods hold on those claims (conflictingPVCRefCount). */
  conflicts: number;
}

function isReadWriteOncePod(claim: KubeObject): boolean {
  return arrayOf(specOf(claim).accessModes).includes("ReadWriteOncePod");
}

/** The pod's ReadWriteOncePod claims, or the name of the first claim that does not exist. */
function readWriteOncePodClaims(ctx: CycleContext): { claims: Set<string> } | { missing: string } {
  const claims = new Set<string>();
  const storage = ctx.cluster.storage;
  // Without the cluster's claims there is nothing to look up; VolumeBinding still reports missing ones.
  if (!storage.knowsClaims) return { claims };
  for (const name of ctx.pod.claimNames) {
    const claim = storage.claim(ctx.pod.namespace, name);
    if (!claim) return { missing: name };
    if (isReadWriteOncePod(claim)) claims.add(name);
  }
  return { claims };
}

/** References of the pod to the claims (matched by name, as upstream's RemovePod does). */
function references(pod: PodInfo, claims: ReadonlySet<string>): number {
  return pod.claimNames.filter((name) => claims.has(name)).length;
}

function conflictsWithNode(volumes: readonly DiskVolume[], node: NodeInfo): boolean {
  for (const wanted of volumes) {
    for (const existing of node.pods) {
      if (existing.diskVolumes.some((volume) => disksConflict(wanted, volume))) return true;
    }
  }
  return false;
}

export const VolumeRestrictions: FilterPlugin = {
  name: NAME,
  preFilter(ctx) {
    const found = readWriteOncePodClaims(ctx);
    if ("missing" in found) return { status: unresolvable(NAME, `persistentvolumeclaim "${found.missing}" not found`) };
    let conflicts = 0;
    for (const name of found.claims) if (ctx.cluster.isClaimUsed(ctx.pod.namespace, name)) conflicts++;
    if (ctx.pod.diskVolumes.length === 0 && conflicts === 0) return { skip: true };
    const state: State = { readWriteOncePodClaims: found.claims, conflicts };
    ctx.state.set(NAME, state);
    return undefined;
  },
  filter(ctx, node) {
    if (conflictsWithNode(ctx.pod.diskVolumes, node)) return unschedulable(NAME, ERR_REASON_DISK_CONFLICT);
    const state = ctx.state.get(NAME) as State;
    if (state.conflicts > 0) {
      return unschedulable(NAME, ctx.behaviour.readWriteOncePodReasonSaysInUse ? ERR_REASON_RWOP_CONFLICT : ERR_REASON_RWOP_CONFLICT_BEFORE_1_33);
    }
    return null;
  },
  withoutPods(ctx, victims) {
    const state = ctx.state.get(NAME) as State;
    let conflicts = state.conflicts;
    for (const victim of victims) conflicts -= references(victim, state.readWriteOncePodClaims);
    return { ...state, conflicts };
  },
};
