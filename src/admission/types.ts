// What the admission stage returns: per object and per pod, admitted or denied
// (with kube-apiserver's message), the objects after mutation, and quota usage.
import type { ExpandResult, Owner } from "../expand/types.js";
import type { Finding, KubeObject, ManifestDocument, PlannedPod } from "../types.js";
import type { QosClass } from "./qos.js";
import type { VolumeNote } from "./volume-binding.js";

/** An admission plugin's refusal (or object validation's, plugin `Validation`). */
export interface Denial {
  plugin: string;
  /** As the API server returns it: `pods "web-0" is forbidden: ...`. */
  message: string;
  /** Set when the object was never sent: its owner (or its claim) was refused first. */
  cause?: "owner" | "claim" | "rollout";
}

export interface AdmittedObject {
  document: ManifestDocument;
  apiVersion: string;
  kind: string;
  /** "" for cluster-scoped kinds. */
  namespace: string;
  name: string;
  operation: "create" | "update";
  admitted: boolean;
  denial?: Denial;
  /** Warnings the API server returns with the response (PodSecurity warn). */
  warnings: string[];
  /** The object after admission mutation (defaults the diff stage should compare). */
  object: KubeObject;
  /** Whether admission changed the object. */
  mutated: boolean;
}

export interface PodResources {
  requests: Record<string, string>;
  limits: Record<string, string>;
}

export interface AdmittedPod {
  name: string;
  namespace: string;
  owner: PlannedPod["owner"];
  admitted: boolean;
  denial?: Denial;
  warnings: string[];
  /** The pod after defaulting and admission (what the scheduler places). */
  pod: KubeObject;
  qosClass: QosClass;
  /** spec.priority as the Priority plugin resolves it. */
  priority: number;
  /** Effective pod requests and limits (containers, init containers, overhead). */
  resources: PodResources;
  /** Each PersistentVolumeClaim the pod mounts, and how it binds. */
  volumes: VolumeNote[];
  planned: PlannedPod;
}

export interface AdmittedClaim {
  claim: KubeObject;
  owner: Owner;
  podName: string;
  admitted: boolean;
  denial?: Denial;
}

export interface QuotaResourceUsage {
  resource: string;
  hard: string;
  usedBefore: string;
  usedAfter: string;
}

export interface QuotaUsage {
  name: string;
  /** Whether the quota is in the cluster already or created by the inputs. */
  source: "cluster" | "input";
  scopes: string[];
  resources: QuotaResourceUsage[];
}

export interface NamespaceQuotaUsage {
  namespace: string;
  quotas: QuotaUsage[];
}

export interface WorkloadAdmission {
  owner: Owner;
  /** Pods the controller aims for, and those already running the template. */
  desired: number;
  running: number;
  /** New pods the controller would create, and how many the API server admits. */
  created: number;
  admitted: number;
  /** How many of its pods fit the quotas (quota denials only). */
  fitQuota: number;
  /** The first refusal, when any pod was refused. */
  firstDenial?: Denial;
}

export interface AdmissionResult {
  kubernetesVersion: string;
  findings: Finding[];
  objects: AdmittedObject[];
  pods: AdmittedPod[];
  claims: AdmittedClaim[];
  namespaces: NamespaceQuotaUsage[];
  workloads: WorkloadAdmission[];
  /** Snapshot pods the plan deletes (rollouts, scale-down): the scheduler should free their nodes. */
  removedPods: KubeObject[];
}

export interface AdmissionInput {
  documents: ManifestDocument[];
  pods: PlannedPod[];
  snapshot: import("../cluster/snapshot.js").ClusterSnapshot;
  /** Target release, "1.36" (default newest). */
  kubernetesVersion: string;
  /** The expand stage's claims and rollouts; without it pods are grouped by owner and nothing is replaced. */
  expansion?: Pick<ExpandResult, "claims" | "workloads">;
  /** Snapshot objects the plan deletes: they give back what they held of the quotas, and deleted pods free their nodes. */
  deleted?: readonly KubeObject[];
}
