// What the API server and the controllers write into stored objects. None of
// it is something a manifest sets, so none of it is ever a change: these
// fields are removed from both sides before comparing.
import type { KubeObject } from "../types.js";
import { arrayAt, cloneWithoutNulls, isRecord, type JsonRecord, objectAt } from "../util/object-access.js";

/** Top-level and metadata fields set by the server (`kubectl get -o yaml` shows them). */
export const SERVER_SET_FIELDS: ReadonlyArray<{ path: string; setBy: string }> = [
  { path: "status", setBy: "controllers and kubelets" },
  { path: "metadata.uid", setBy: "kube-apiserver" },
  { path: "metadata.resourceVersion", setBy: "kube-apiserver (etcd revision)" },
  { path: "metadata.generation", setBy: "kube-apiserver (spec changes)" },
  { path: "metadata.creationTimestamp", setBy: "kube-apiserver" },
  { path: "metadata.deletionTimestamp", setBy: "kube-apiserver (deletion in progress)" },
  { path: "metadata.deletionGracePeriodSeconds", setBy: "kube-apiserver (deletion in progress)" },
  { path: "metadata.managedFields", setBy: "kube-apiserver (field ownership)" },
  { path: "metadata.selfLink", setBy: "kube-apiserver (before 1.20)" },
  { path: "spec.template.metadata.creationTimestamp", setBy: "serialisation of an empty time (null)" },
  { path: "spec.jobTemplate.metadata.creationTimestamp", setBy: "serialisation of an empty time (null)" },
  { path: "spec.jobTemplate.spec.template.metadata.creationTimestamp", setBy: "serialisation of an empty time (null)" },
  { path: "spec.volumeClaimTemplates[*].metadata.creationTimestamp", setBy: "serialisation of an empty time (null)" },
  { path: "spec.volumeClaimTemplates[*].status", setBy: "PersistentVolumeClaim defaulting (phase Pending)" },
  { path: "spec.volumeClaimTemplates[*].apiVersion", setBy: "kube-apiserver (embedded object type)" },
  { path: "spec.volumeClaimTemplates[*].kind", setBy: "kube-apiserver (embedded object type)" },
];

/** Annotations written by kubectl, controllers and admission. */
export const SERVER_SET_ANNOTATIONS: ReadonlyArray<{ key: string; setBy: string }> = [
  { key: "kubectl.kubernetes.io/last-applied-configuration", setBy: "kubectl apply (client-side)" },
  { key: "deployment.kubernetes.io/revision", setBy: "deployment controller" },
  { key: "deployment.kubernetes.io/desired-replicas", setBy: "deployment controller" },
  { key: "deployment.kubernetes.io/max-replicas", setBy: "deployment controller" },
  { key: "deprecated.daemonset.template.generation", setBy: "daemonset controller" },
  { key: "autoscaling.alpha.kubernetes.io/conditions", setBy: "autoscaling/v1 view of an HPA" },
  { key: "autoscaling.alpha.kubernetes.io/current-metrics", setBy: "autoscaling/v1 view of an HPA" },
  { key: "pv.kubernetes.io/bind-completed", setBy: "persistent volume controller" },
  { key: "pv.kubernetes.io/bound-by-controller", setBy: "persistent volume controller" },
  { key: "pv.kubernetes.io/provisioned-by", setBy: "volume provisioner" },
  { key: "pv.kubernetes.io/migrated-to", setBy: "CSI migration" },
  { key: "volume.beta.kubernetes.io/storage-provisioner", setBy: "persistent volume controller" },
  { key: "volume.kubernetes.io/storage-provisioner", setBy: "persistent volume controller" },
  { key: "volume.kubernetes.io/selected-node", setBy: "kube-scheduler (WaitForFirstConsumer)" },
  { key: "endpoints.kubernetes.io/last-change-trigger-time", setBy: "endpoints controller" },
  { key: "control-plane.alpha.kubernetes.io/leader", setBy: "leader election" },
  { key: "kubernetes.io/config.seen", setBy: "kubelet" },
  { key: "batch.kubernetes.io/job-tracking", setBy: "job controller (1.22 to 1.26)" },
];

const SERVER_ANNOTATION_KEYS = new Set(SERVER_SET_ANNOTATIONS.map((a) => a.key));

/** The identity fields: compared by matching, never as changes. */
const IDENTITY_FIELDS = ["apiVersion", "kind"];
const IDENTITY_METADATA = ["name", "namespace"];

function removePath(target: unknown, segments: readonly string[]): void {
  if (segments.length === 0) return;
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === "[*]") {
    if (Array.isArray(target)) for (const item of target) removePath(item, rest);
    return;
  }
  if (!isRecord(target)) return;
  if (rest.length === 0) {
    delete target[head];
    return;
  }
  removePath(target[head], rest);
}

/** Whether `target` has something at the path (so that a copy-on-write removal is needed). */
function hasPath(target: unknown, segments: readonly string[]): boolean {
  if (segments.length === 0) return true;
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === "[*]") return Array.isArray(target) && target.some((item) => hasPath(item, rest));
  return isRecord(target) && target[head] !== undefined && hasPath(target[head], rest);
}

/** Removes a path from a value shared with the caller: copies only the containers on the way. */
function withoutPath(target: unknown, segments: readonly string[]): unknown {
  if (!hasPath(target, segments)) return target;
  const [head, ...rest] = segments as [string, ...string[]];
  if (head === "[*]") return (target as unknown[]).map((item) => withoutPath(item, rest));
  const copy = { ...(target as JsonRecord) };
  if (rest.length === 0) delete copy[head];
  else copy[head] = withoutPath(copy[head], rest);
  return copy;
}

const FIELD_PATHS = SERVER_SET_FIELDS.map((f) => f.path.replace(/\[\*\]/g, ".[*]").split("."));
/** The paths below the top level and metadata, handled after those are copied. */
const NESTED_PATHS = FIELD_PATHS.filter((path) => path.length > 1 && path[0] !== "metadata");

/**
 * How `comparableBody` treats the object: `copy` (a deep copy without nulls:
 * manifests, which the diff edits), `shared` (unchanged parts shared with the
 * input, which must then not be edited: stored objects, only read), `inPlace`
 * (the object itself is stripped: a freshly parsed last-applied configuration).
 */
export type BodyMode = "copy" | "shared" | "inPlace";

/**
 * The part of an object that a diff compares: without identity, server-set
 * fields, server-set annotations (and, when copied, nulls).
 */
export function comparableBody(object: KubeObject, mode: BodyMode = "copy"): JsonRecord {
  if (mode === "inPlace") return stripInPlace(object as JsonRecord);
  const copy = mode === "copy" ? cloneWithoutNulls : (value: unknown) => value;
  // Skip the big server-written parts (status, managedFields) instead of copying them.
  let body: JsonRecord = {};
  for (const [key, value] of Object.entries(object)) {
    if (value === null || value === undefined || key === "status" || IDENTITY_FIELDS.includes(key)) continue;
    if (key === "metadata" && isRecord(value)) {
      const metadata: JsonRecord = {};
      for (const [field, child] of Object.entries(value)) {
        if (child === null || child === undefined || field === "managedFields" || IDENTITY_METADATA.includes(field)) continue;
        if (SERVER_METADATA.has(field)) continue;
        metadata[field] = field === "annotations" && isRecord(child) ? withoutServerAnnotations(child, copy) : copy(child);
      }
      body.metadata = metadata;
    } else body[key] = copy(value);
  }
  for (const path of NESTED_PATHS) body = withoutPath(body, path) as JsonRecord;
  const metadata = objectAt(body, "metadata");
  // Empty maps are not serialised by the server (omitempty): `annotations: {}` is no annotations.
  for (const key of ["annotations", "labels"]) {
    const map = objectAt(metadata, key);
    if (metadata && map && Object.keys(map).length === 0) delete metadata[key];
  }
  return body;
}

const SERVER_METADATA = new Set(FIELD_PATHS.filter((path) => path.length === 2 && path[0] === "metadata").map((path) => path[1]!));

function withoutServerAnnotations(annotations: JsonRecord, copy: (value: unknown) => unknown): JsonRecord {
  const out: JsonRecord = {};
  for (const [key, value] of Object.entries(annotations)) if (!SERVER_ANNOTATION_KEYS.has(key) && value !== null) out[key] = copy(value);
  return out;
}

/** Drops nulls, identity and server fields from an object the caller owns (a freshly parsed one). */
function stripInPlace(body: JsonRecord): JsonRecord {
  dropNulls(body);
  for (const field of [...IDENTITY_FIELDS, "status"]) delete body[field];
  const metadata = objectAt(body, "metadata");
  if (metadata) for (const field of [...IDENTITY_METADATA, "managedFields"]) delete metadata[field];
  for (const path of FIELD_PATHS) removePath(body, path);
  const annotations = objectAt(metadata, "annotations");
  if (annotations) for (const key of Object.keys(annotations)) if (SERVER_ANNOTATION_KEYS.has(key)) delete annotations[key];
  return body;
}

function dropNulls(value: unknown): void {
  if (Array.isArray(value)) {
    for (const item of value) dropNulls(item);
  } else if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (child === null) delete value[key];
      else dropNulls(child);
    }
  }
}

/** Puts the identity back in front, for display (`--diff`) and for JSON. */
export function withIdentity(body: JsonRecord, identity: { apiVersion: string; kind: string; name: string; namespace: string }): KubeObject {
  const metadata: JsonRecord = { name: identity.name };
  if (identity.namespace) metadata.namespace = identity.namespace;
  Object.assign(metadata, objectAt(body, "metadata") ?? {});
  const out: KubeObject = { apiVersion: identity.apiVersion, kind: identity.kind, metadata };
  for (const [key, value] of Object.entries(body)) if (key !== "metadata") out[key] = value;
  return out;
}

/** The object kubectl recorded at the last `kubectl apply`, when the annotation is there and readable. */
export function lastAppliedOf(object: KubeObject): KubeObject | undefined {
  const text = object.metadata?.annotations?.["kubectl.kubernetes.io/last-applied-configuration"];
  if (typeof text !== "string" || text.trim() === "") return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? (parsed as KubeObject) : undefined;
  } catch {
    return undefined;
  }
}

/** Controller-owned objects (ReplicaSets of a Deployment, pods of a ReplicaSet) are never pruned. */
export function isControllerOwned(object: KubeObject): boolean {
  const owners = arrayAt(object.metadata, "ownerReferences") ?? [];
  return owners.some((owner) => isRecord(owner) && owner.controller === true);
}
