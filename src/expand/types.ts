// What the expand stage returns: the pods (and claims) the controllers would
// create for the workloads of the inputs, with notes on what they would not do.
import type { KubeObject, ManifestDocument, PlannedPod } from "../types.js";

export type Owner = NonNullable<PlannedPod["owner"]>;

export interface ExpandNote {
  severity: "info" | "warning";
  owner: Owner;
  message: string;
  document: ManifestDocument;
  /** JSON pointer inside the document the note is about. */
  pointer: string;
}

/** A PersistentVolumeClaim a StatefulSet creates from its volumeClaimTemplates before the pod. */
export interface PlannedClaim {
  claim: KubeObject;
  owner: Owner;
  /** Name of the pod that mounts it. */
  podName: string;
  source: { document: ManifestDocument; pointer: string };
}

/** How a rollout trades old pods for new ones (what quota and capacity see on the way). */
export type RolloutStrategy = "RollingUpdate" | "Recreate" | "OnDelete";

/** One workload of the inputs and what its controller does with it. */
export interface ExpandedWorkload {
  owner: Owner;
  document: ManifestDocument;
  /** Replicas (or nodes, for a DaemonSet) the controller aims for. */
  desired: number;
  /** Pods of the snapshot that already run this template and stay. */
  running: number;
  /** New pods, in creation order. */
  pods: PlannedPod[];
  /** Claims created before the pods that mount them (StatefulSets). */
  claims: PlannedClaim[];
  /** Snapshot pods the controller removes (old template or scale-down), in removal order. */
  replaced: KubeObject[];
  strategy: RolloutStrategy;
  /** New pods that may exist on top of the old ones before any is removed (RollingUpdate maxSurge). */
  surge: number;
  /** Old pods that may go before their replacements run (RollingUpdate maxUnavailable). */
  maxUnavailable: number;
}

export interface ExpandResult {
  /** Every new pod, workloads in input order (bare Pods where they appear). */
  pods: PlannedPod[];
  claims: PlannedClaim[];
  /** Snapshot pods that the plan removes; the scheduler should free their nodes. */
  replacedPods: KubeObject[];
  workloads: ExpandedWorkload[];
  notes: ExpandNote[];
  /** Pods of workloads the snapshot already runs, taken as running because it lists no pods at all. */
  assumedRunning: number;
}

export interface ExpandOptions {
  /** The time the plan is made, for CronJob schedules (default: now). */
  now?: Date;
}
