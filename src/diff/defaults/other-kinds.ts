// API defaulting of the other built-in kinds a manifest commonly holds
// (core/v1, networking/v1, rbac/v1, autoscaling/v2, storage/v1, scheduling/v1).
import { ensureObject, setDefault } from "../values.js";
import { arrayAt, isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";

export function defaultPersistentVolumeClaim(body: JsonRecord): void {
  setDefault(objectAt(body, "spec"), "volumeMode", "Filesystem");
}

export function defaultPersistentVolume(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  setDefault(spec, "persistentVolumeReclaimPolicy", "Retain");
  setDefault(spec, "volumeMode", "Filesystem");
  setDefault(objectAt(spec, "hostPath"), "type", "");
}

export function defaultSecret(body: JsonRecord): void {
  setDefault(body, "type", "Opaque");
}

/** SetDefaults_Namespace: every named namespace carries `kubernetes.io/metadata.name`. */
export function defaultNamespace(body: JsonRecord, name: string): void {
  if (!name) return;
  const metadata = ensureObject(body, "metadata");
  const labels = metadata ? ensureObject(metadata, "labels") : undefined;
  if (labels) labels["kubernetes.io/metadata.name"] = name;
}

export function defaultLimitRange(body: JsonRecord): void {
  for (const item of arrayAt(objectAt(body, "spec"), "limits") ?? []) {
    if (!isRecord(item) || item.type !== "Container") continue;
    // SetDefaults_LimitRangeItem: default ← max, defaultRequest ← default, then ← min.
    const defaults = { ...(objectAt(item, "default") ?? {}) };
    const defaultRequest = { ...(objectAt(item, "defaultRequest") ?? {}) };
    for (const [name, value] of Object.entries(objectAt(item, "max") ?? {})) setDefault(defaults, name, value);
    for (const [name, value] of Object.entries(defaults)) setDefault(defaultRequest, name, value);
    for (const [name, value] of Object.entries(objectAt(item, "min") ?? {})) setDefault(defaultRequest, name, value);
    if (Object.keys(defaults).length > 0) item.default = defaults;
    if (Object.keys(defaultRequest).length > 0) item.defaultRequest = defaultRequest;
  }
}

export function defaultNetworkPolicy(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  const policyTypes = arrayAt(spec, "policyTypes");
  if (!policyTypes || policyTypes.length === 0) {
    const egress = arrayAt(spec, "egress") ?? [];
    spec.policyTypes = egress.length > 0 ? ["Ingress", "Egress"] : ["Ingress"];
  }
  for (const direction of ["ingress", "egress"]) {
    for (const rule of arrayAt(spec, direction) ?? []) {
      for (const port of arrayAt(rule, "ports") ?? []) if (isRecord(port)) setDefault(port, "protocol", "TCP");
    }
  }
}

export function defaultIngressClass(body: JsonRecord): void {
  setDefault(objectAt(objectAt(body, "spec"), "parameters"), "scope", "Cluster");
}

export function defaultRoleBinding(body: JsonRecord): void {
  setDefault(objectAt(body, "roleRef"), "apiGroup", "rbac.authorization.k8s.io");
  for (const subject of arrayAt(body, "subjects") ?? []) {
    if (!isRecord(subject) || subject.apiGroup !== undefined) continue;
    if (subject.kind === "User" || subject.kind === "Group") subject.apiGroup = "rbac.authorization.k8s.io";
  }
}

export function defaultStorageClass(body: JsonRecord): void {
  setDefault(body, "reclaimPolicy", "Delete");
  setDefault(body, "volumeBindingMode", "Immediate");
}

export function defaultPriorityClass(body: JsonRecord): void {
  setDefault(body, "preemptionPolicy", "PreemptLowerPriority");
}

const SCALE_UP_RULES = {
  stabilizationWindowSeconds: 0,
  selectPolicy: "Max",
  policies: [
    { type: "Pods", value: 4, periodSeconds: 15 },
    { type: "Percent", value: 100, periodSeconds: 15 },
  ],
};
const SCALE_DOWN_RULES = { selectPolicy: "Max", policies: [{ type: "Percent", value: 100, periodSeconds: 15 }] };

function scalingRules(given: unknown, defaults: JsonRecord): JsonRecord {
  const out: JsonRecord = structuredClone(defaults);
  if (isRecord(given)) for (const [key, value] of Object.entries(given)) if (value !== undefined) out[key] = value;
  return out;
}

/** autoscaling/v2 SetDefaults_HorizontalPodAutoscaler. */
export function defaultHorizontalPodAutoscalerV2(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "minReplicas", 1);
  const metrics = arrayAt(spec, "metrics");
  if (!metrics || metrics.length === 0) {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: 80 } } }];
  }
  const behavior = objectAt(spec, "behavior");
  if (behavior) {
    behavior.scaleUp = scalingRules(behavior.scaleUp, SCALE_UP_RULES);
    behavior.scaleDown = scalingRules(behavior.scaleDown, SCALE_DOWN_RULES);
  }
}

/** autoscaling/v1 only defaults minReplicas; its target moves to `metrics` in v2. */
export function defaultHorizontalPodAutoscalerV1(body: JsonRecord): void {
  setDefault(objectAt(body, "spec"), "minReplicas", 1);
}

/** admissionregistration/v1 SetDefaults_ValidatingWebhook / _MutatingWebhook / _Rule / _ServiceReference. */
export function defaultWebhookConfiguration(body: JsonRecord, mutating: boolean): void {
  for (const webhook of arrayAt(body, "webhooks") ?? []) {
    if (!isRecord(webhook)) continue;
    setDefault(webhook, "failurePolicy", "Fail");
    setDefault(webhook, "matchPolicy", "Equivalent");
    setDefault(webhook, "namespaceSelector", {});
    setDefault(webhook, "objectSelector", {});
    setDefault(webhook, "timeoutSeconds", 10);
    if (mutating) setDefault(webhook, "reinvocationPolicy", "Never");
    for (const rule of arrayAt(webhook, "rules") ?? []) if (isRecord(rule)) setDefault(rule, "scope", "*");
    setDefault(objectAt(objectAt(webhook, "clientConfig"), "service"), "port", 443);
  }
}
