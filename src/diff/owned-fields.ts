// Fields that exist on the stored object because something other than the
// manifest set them: allocated by the API server (clusterIP, nodePort),
// written by a controller (a Job's generated selector, a PVC's volumeName),
// added by admission (a pod's service account token volume), or owned by an
// autoscaler (replicas under an HPA). When the manifest leaves them out they
// stay as they are: not a change.
import type { KubeObject } from "../types.js";
import type { ApplyMode } from "./apply-mode.js";
import type { PathPattern } from "./path.js";
import { deepEqual } from "./values.js";
import { arrayAt, isRecord, objectAt, stringAt, type JsonRecord } from "../util/object-access.js";
import { lookupTable } from "../util/lookup-table.js";
import { appendAll } from "../util/append.js";

/** Kept on every kind: set by controllers and garbage collection, or by `kubectl --record`. */
const COMMON: PathPattern[] = [
  ["metadata", "ownerReferences"],
  ["metadata", "finalizers"],
  ["metadata", "finalizers", "[*]"],
  ["metadata", "annotations", "kubernetes.io/change-cause"],
];

/** Registry allocations and version-dependent defaults of a Service (type-dependent ones below). */
const SERVICE_ALWAYS: PathPattern[] = [["spec", "internalTrafficPolicy"], ["spec", "externalTrafficPolicy"], ["spec", "allocateLoadBalancerNodePorts"]];
const SERVICE_CLUSTER_IP: PathPattern[] = [["spec", "clusterIP"], ["spec", "clusterIPs"], ["spec", "ipFamilies"], ["spec", "ipFamilyPolicy"]];

/** Labels the Job controller puts on the pod template, with the selector it generates. */
const JOB_TEMPLATE_LABELS = ["controller-uid", "job-name", "batch.kubernetes.io/controller-uid", "batch.kubernetes.io/job-name"];

/** Written by admission plugins into pods (ServiceAccount, Priority, DefaultTolerationSeconds) and by the scheduler. */
const POD_ADMISSION: PathPattern[] = [
  ["spec", "nodeName"],
  ["spec", "serviceAccount"],
  ["spec", "serviceAccountName"],
  ["spec", "priority"],
  ["spec", "preemptionPolicy"],
  ["spec", "enableServiceLinks"],
  ["spec", "volumes", "[name=kube-api-access-*]"],
  ["spec", "*", "[*]", "volumeMounts", "[mountPath=/var/run/secrets/kubernetes.io/serviceaccount]"],
  ["spec", "*", "[*]", "ports", "[*]", "hostPort"],
];

/** Defaults that depend on the release or on feature gates, and tool-written fields: kept rather than guessed. */
const VERSION_DEPENDENT: PathPattern[] = [
  // `kubectl rollout restart` writes it into the pod template; a manifest never does.
  ["spec", "template", "metadata", "annotations", "kubectl.kubernetes.io/restartedAt"],
  ["**", "containers", "[*]", "resizePolicy"],
  ["**", "initContainers", "[*]", "resizePolicy"],
  ["spec", "selectionStrategy"],
];

const BY_KIND: Readonly<Record<string, PathPattern[]>> = lookupTable({
  PersistentVolumeClaim: [["spec", "volumeName"], ["spec", "storageClassName"]],
  PersistentVolume: [["spec", "claimRef"]],
  Namespace: [["spec", "finalizers"]],
  ServiceAccount: [["secrets"]],
  CustomResourceDefinition: [["spec", "conversion"]],
  // The CA bundle is injected by cert-manager's cainjector or the webhook's own operator.
  ValidatingWebhookConfiguration: [["webhooks", "[*]", "clientConfig", "caBundle"]],
  MutatingWebhookConfiguration: [["webhooks", "[*]", "clientConfig", "caBundle"]],
  APIService: [["spec", "caBundle"]],
  Pod: POD_ADMISSION,
  // SetDefaults_DeviceTaint stamps a taint without timeAdded with the server's clock. (A
  // ResourceSlice's devices are an atomic list: applied whole, their taints are stamped anew.)
  DeviceTaintRule: [["spec", "taint", "timeAdded"]],
});

export interface OwnedFields {
  patterns: PathPattern[];
  /** `replicas managed by HorizontalPodAutoscaler web`, when an autoscaler owns spec.replicas. */
  managedBy: string[];
}

export interface OwnershipContext {
  kind: string;
  desired: JsonRecord;
  current: JsonRecord;
  lastApplied?: JsonRecord;
  /** The HPA scaling this object, if any. */
  autoscaler?: string;
  /** How it is applied (server-side apply and replace decide replicas by ownership and by the manifest). */
  applyMode?: ApplyMode;
}

/** The Service type after apply: the manifest's, else the stored one while kubectl keeps it, else ClusterIP. */
function serviceType(context: OwnershipContext): string {
  const desired = stringAt(objectAt(context.desired, "spec"), "type");
  if (desired) return desired;
  const recorded = stringAt(objectAt(context.lastApplied, "spec"), "type");
  if (context.lastApplied && !recorded) return stringAt(objectAt(context.current, "spec"), "type") ?? "ClusterIP";
  return "ClusterIP";
}

function servicePatterns(context: OwnershipContext): PathPattern[] {
  const type = serviceType(context);
  const patterns = [...SERVICE_ALWAYS];
  if (type !== "ExternalName") appendAll(patterns, SERVICE_CLUSTER_IP);
  if (type === "NodePort" || type === "LoadBalancer") patterns.push(["spec", "ports", "[*]", "nodePort"]);
  if (type === "LoadBalancer") patterns.push(["spec", "healthCheckNodePort"]);
  return patterns;
}

function jobPatterns(context: OwnershipContext): PathPattern[] {
  const manual = objectAt(context.desired, "spec")?.manualSelector === true;
  const patterns: PathPattern[] = [["spec", "manualSelector"], ["spec", "podReplacementPolicy"]];
  if (!manual) {
    patterns.push(["spec", "selector"]);
    for (const label of JOB_TEMPLATE_LABELS) {
      patterns.push(["spec", "template", "metadata", "labels", label]);
      // Job labels default to the template labels, generated ones included.
      patterns.push(["metadata", "labels", label]);
    }
  }
  return patterns;
}

function secretPatterns(context: OwnershipContext): PathPattern[] {
  // The token controller fills service account token secrets.
  if (stringAt(context.current, "type") !== "kubernetes.io/service-account-token") return [];
  return [["data", "token"], ["data", "ca.crt"], ["data", "namespace"]];
}

export function ownedFields(context: OwnershipContext): OwnedFields {
  const patterns = [...COMMON, ...VERSION_DEPENDENT, ...(BY_KIND[context.kind] ?? [])];
  const managedBy: string[] = [];
  if (context.kind === "Service") appendAll(patterns, servicePatterns(context));
  if (context.kind === "Job") appendAll(patterns, jobPatterns(context));
  if (context.kind === "Secret") appendAll(patterns, secretPatterns(context));
  // The clusterrole aggregation controller writes the rules of an aggregated ClusterRole.
  if (context.kind === "ClusterRole" && context.desired.aggregationRule !== undefined) patterns.push(["rules"]);
  if (context.autoscaler && SCALABLE_KINDS.has(context.kind) && (context.applyMode ?? "client") === "client") {
    const dropped = objectAt(context.desired, "spec")?.replicas === undefined;
    // kubectl's patch deletes replicas the last apply set, whoever scales the object since.
    const deleted = dropped && context.lastApplied !== undefined && objectAt(context.lastApplied, "spec")?.replicas !== undefined;
    if (!deleted) patterns.push(["spec", "replicas"]);
    if (dropped && !deleted) managedBy.push(`replicas managed by HorizontalPodAutoscaler ${context.autoscaler}`);
  }
  return { patterns, managedBy };
}

export const SCALABLE_KINDS = new Set(["Deployment", "StatefulSet", "ReplicaSet", "ReplicationController"]);

/** The tolerations DefaultTolerationSeconds adds to every pod that does not set them. */
function isDefaultToleration(toleration: unknown): boolean {
  if (!isRecord(toleration)) return false;
  return (
    (toleration.key === "node.kubernetes.io/not-ready" || toleration.key === "node.kubernetes.io/unreachable") &&
    toleration.operator === "Exists" &&
    toleration.effect === "NoExecute" &&
    toleration.tolerationSeconds === 300
  );
}

/**
 * A stored Pod without what admission added to the pod's lists that merge
 * whole (tolerations), unless the manifest asks for the same. Returns a new
 * object (the stored one is shared with the snapshot).
 */
export function withoutAdmissionTolerations(current: JsonRecord, desired: JsonRecord): JsonRecord {
  const spec = objectAt(current, "spec");
  const tolerations = arrayAt(spec, "tolerations");
  if (!spec || !tolerations) return current;
  const wanted = arrayAt(objectAt(desired, "spec"), "tolerations") ?? [];
  const kept = tolerations.filter((t) => !isDefaultToleration(t) || wanted.some((w) => deepEqual(w, t)));
  const nextSpec: JsonRecord = { ...spec, tolerations: kept };
  if (kept.length === 0) delete nextSpec.tolerations;
  return { ...current, spec: nextSpec };
}

/** HorizontalPodAutoscalers by the object they scale: `namespace|kind|name` → HPA name. */
export function autoscalerTargets(autoscalers: ReadonlyArray<{ object: KubeObject; namespace: string }>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const { object, namespace } of autoscalers) {
    const ref = objectAt(object.spec, "scaleTargetRef");
    const kind = stringAt(ref, "kind");
    const name = stringAt(ref, "name");
    const hpa = object.metadata?.name;
    if (kind && name && typeof hpa === "string") targets.set(`${namespace}|${kind}|${name}`, hpa);
  }
  return targets;
}
