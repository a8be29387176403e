// The plan's result: the JSON output of `kubeplan plan` (ARCHITECTURE.md's
// contract: `changes` and `pods`), which every renderer reads.
import type { NamespaceQuotaUsage, PodResources, QosClass } from "../admission/index.js";
import type { ApplyMode, ChangeCounts, ChangeJson } from "../diff/index.js";
import type { NodeUsage, WorkloadPlacement } from "../scheduler/index.js";
import type { Finding } from "../types.js";

export interface PlannedPodEntry {
  name: string;
  namespace: string;
  /** `Deployment/storefront`; null for a bare Pod. */
  owner: string | null;
  /** The node it would be bound to; null when denied or Pending. */
  node: string | null;
  /** Why it has no node: the admission denial or the FailedScheduling message. */
  reason?: string;
  qosClass: QosClass;
  /** Effective requests and limits after LimitRange defaults. */
  resources: PodResources;
  admitted: boolean;
}

export interface PlanSummary extends ChangeCounts {
  errors: number;
  warnings: number;
  pods: { planned: number; scheduled: number; pending: number; denied: number };
  durationMs: number;
}

export interface PlanResult {
  kubernetesVersion: string;
  /** How the changes are applied: `client` (kubectl apply), `server-side` or `replace`. */
  applyMode: ApplyMode;
  /** The field manager of the apply. */
  fieldManager: string;
  /** The `--cluster` paths the current state was read from (empty: none). */
  cluster: string[];
  findings: Finding[];
  /** One per object, in application order, no-ops included (`action: "no-op"`): the text output hides those. */
  changes: ChangeJson[];
  pods: PlannedPodEntry[];
  /** Per node of the snapshot: allocatable, requested before and after. */
  nodes: NodeUsage[];
  workloads: WorkloadPlacement[];
  /** Per namespace: each quota's usage before and after the plan. */
  quotas: NamespaceQuotaUsage[];
  notes: string[];
  summary: PlanSummary;
  /** About the run itself, not the manifests (a Kubernetes release newer than the bundled ones, an empty snapshot). */
  warnings?: string[];
}
