// What changed in kube-scheduler between the minor versions kubeplan targets,
// so that placements and FailedScheduling messages follow the chosen version.

export interface SchedulerBehaviour {
  /** Minor version, e.g. 34 for "1.34". */
  minor: number;
  /**
   * TaintToleration names the taint (`{key: value}`) before 1.35; from 1.35 (and
   * late 1.34 patch releases) it says `node(s) had untolerated taint(s)`.
   */
  taintReasonNamesTaint: boolean;
  /**
   * Nodes a PreFilter result left out (DaemonSet pods pinned with matchFields)
   * are counted as `node(s) didn't satisfy plugin(s) [NodeAffinity]` from 1.32;
   * before, they were absent from the message.
   */
  countsNodesLeftOutByPreFilter: boolean;
  /** NodeResourcesBalancedAllocation skips best-effort pods from 1.33. */
  balancedAllocationSkipsBestEffort: boolean;
  /** From 1.36 NodeResourcesBalancedAllocation scores the change in balance, not the balance after. */
  balancedAllocationScoresChange: boolean;
  /** From 1.34 a request larger than a node's allocatable is UnschedulableAndUnresolvable (no preemption). */
  oversizedRequestIsUnresolvable: boolean;
  /**
   * DynamicResources is in the default profile from 1.34 (DRA GA); its PostFilter
   * adds `no new claims to deallocate` for pods without ResourceClaims.
   */
  dynamicResourcesPostFilter: boolean;
  /** Pod-level `spec.resources` requests count from 1.34 (PodLevelResources beta, on by default). */
  podLevelResources: boolean;
  /**
   * From 1.33 VolumeBinding says `node(s) didn't match PersistentVolume's node
   * affinity` (kubernetes#129887), before `node(s) had volume node affinity conflict`.
   */
  volumeNodeAffinityReasonNamesPersistentVolume: boolean;
  /**
   * From 1.33 VolumeRestrictions words a ReadWriteOncePod claim in use as `node(s)
   * unavailable due to PersistentVolumeClaim with ReadWriteOncePod access mode
   * already in-use by another pod` (kubernetes#129145), before `node has pod using
   * PersistentVolumeClaim with the same name and ReadWriteOncePod access mode`.
   * The change has no release note; 1.33 is the best estimate of its release.
   */
  readWriteOncePodReasonSaysInUse: boolean;
}

export const SUPPORTED_MINORS = [30, 31, 32, 33, 34, 35, 36] as const;
const DEFAULT_MINOR = 36;

/** Parses "1.34", "v1.34.2" or "34"; unknown or out-of-range versions fall back to the nearest supported one. */
export function parseMinor(version: string | undefined): number {
  const match = /^v?(?:1\.)?(\d+)/.exec(String(version ?? "").trim());
  if (!match) return DEFAULT_MINOR;
  const minor = Number(match[1]);
  const first = SUPPORTED_MINORS[0];
  const last = SUPPORTED_MINORS[SUPPORTED_MINORS.length - 1]!;
  return Math.min(Math.max(minor, first), last);
}

export function behaviourFor(version: string | undefined): SchedulerBehaviour {
  const minor = parseMinor(version);
  return {
    minor,
    taintReasonNamesTaint: minor < 35,
    countsNodesLeftOutByPreFilter: minor >= 32,
    balancedAllocationSkipsBestEffort: minor >= 33,
    balancedAllocationScoresChange: minor >= 36,
    oversizedRequestIsUnresolvable: minor >= 34,
    dynamicResourcesPostFilter: minor >= 34,
    podLevelResources: minor >= 34,
    volumeNodeAffinityReasonNamesPersistentVolume: minor >= 33,
    readWriteOncePodReasonSaysInUse: minor >= 33,
  };
}
