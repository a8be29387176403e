// The API server stores built-in objects through Go structs whose optional
// fields are `omitempty`: `readOnly: false`, `subPath: ""`, `initialDelaySeconds: 0`
// are not stored at all, and defaulting treats them as unset (`timeoutSeconds: 0`
// becomes 1). Pointer fields keep their zero value (`replicas: 0`,
// `automountServiceAccountToken: false`, `storageClassName: ""`). Map entries
// (labels, data, resource lists) are kept whatever their value. This also
// makes a Service's `clusterIP: ""` and `nodePort: 0` mean "keep what was
// allocated", as the registry's patchAllocatedValues does on update.
import type { ShapeNode } from "./types.js";
import { isRecord } from "../util/object-access.js";

/**
 * Fields of built-in kinds declared as pointers (k8s.io/api types.go), or as
 * values without omitempty: their zero value is stored.
 */
const POINTER_FIELDS = new Set([
  // PodSpec, ServiceAccount
  "terminationGracePeriodSeconds",
  "activeDeadlineSeconds",
  "automountServiceAccountToken",
  "shareProcessNamespace",
  "priority",
  "enableServiceLinks",
  "setHostnameAsFQDN",
  "hostUsers",
  "runtimeClassName",
  "preemptionPolicy",
  // SecurityContext, PodSecurityContext
  "privileged",
  "runAsUser",
  "runAsGroup",
  "runAsNonRoot",
  "readOnlyRootFilesystem",
  "allowPrivilegeEscalation",
  "fsGroup",
  "procMount",
  "fsGroupChangePolicy",
  // Volumes, env sources
  "defaultMode",
  "mode",
  "optional",
  "mountPropagation",
  "sizeLimit",
  "expirationSeconds",
  "service",
  // Services, PVCs, Ingresses, storage
  "allocateLoadBalancerNodePorts",
  "loadBalancerClass",
  "internalTrafficPolicy",
  "appProtocol",
  "storageClassName",
  "volumeAttributesClassName",
  "volumeMode",
  "ingressClassName",
  "allowVolumeExpansion",
  "reclaimPolicy",
  "volumeBindingMode",
  // Workloads
  "replicas",
  "revisionHistoryLimit",
  "progressDeadlineSeconds",
  "maxUnavailable",
  "maxSurge",
  "partition",
  "parallelism",
  "completions",
  "backoffLimit",
  "backoffLimitPerIndex",
  "maxFailedIndexes",
  "ttlSecondsAfterFinished",
  "suspend",
  "manualSelector",
  "completionMode",
  "podReplacementPolicy",
  "startingDeadlineSeconds",
  "successfulJobsHistoryLimit",
  "failedJobsHistoryLimit",
  "timeZone",
  "minDomains",
  // Autoscaling, disruption budgets, tolerations, config
  "minReplicas",
  "averageUtilization",
  "stabilizationWindowSeconds",
  "minAvailable",
  "tolerationSeconds",
  "immutable",
  // CustomResourceDefinition: JSONSchemaProps bounds, default and preserve-unknown-fields are pointers;
  // a version's served and storage are plain bools without omitempty, so false is stored too.
  "minimum",
  "maximum",
  "minLength",
  "maxLength",
  "minItems",
  "maxItems",
  "minProperties",
  "maxProperties",
  "multipleOf",
  "default",
  "x-kubernetes-preserve-unknown-fields",
  "served",
  "storage",
]);

function isZero(value: unknown): boolean {
  return value === "" || value === 0 || value === false;
}

function walk(value: unknown, shape: ShapeNode | undefined): void {
  if (Array.isArray(value)) {
    const item = shape?.item();
    for (const entry of value) walk(entry, item);
    return;
  }
  if (!isRecord(value)) return;
  if (shape?.isMap) {
    const item = shape.item();
    for (const entry of Object.values(value)) walk(entry, item);
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    if (isZero(child) && !POINTER_FIELDS.has(key)) delete value[key];
    else walk(child, shape?.field(key));
  }
}

/** Removes, in place, the zero values a built-in object's manifest sets that the server would not store. */
export function dropOmittedZeros(body: Record<string, unknown>, shape: ShapeNode | undefined): void {
  walk(body, shape);
}
