// Manifests written for API versions that have been removed compare with the
// object the cluster stores in the current version: the fields that moved
// are moved as the API server's conversion moved them.
import { arrayAt, isRecord, objectAt, type JsonRecord } from "../util/object-access.js";

/** The beta workload APIs defaulted the selector from the template labels; apps/v1 requires it. */
const BETA_WORKLOADS = new Set(["extensions/v1beta1", "apps/v1beta1", "apps/v1beta2"]);

function defaultSelectorFromTemplate(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  const labels = objectAt(objectAt(objectAt(spec, "template"), "metadata"), "labels");
  if (spec && labels && spec.selector === undefined) spec.selector = { matchLabels: { ...labels } };
}

/** extensions/v1beta1 and networking.k8s.io/v1beta1 Ingress backends, as networking.k8s.io/v1 writes them. */
function convertIngressBackend(backend: unknown): unknown {
  if (!isRecord(backend) || backend.serviceName === undefined) return backend;
  const { serviceName, servicePort, ...rest } = backend;
  const port = typeof servicePort === "number" ? { number: servicePort } : { name: servicePort };
  return { ...rest, service: { name: serviceName, port } };
}

function convertIngress(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  if (spec.backend !== undefined && spec.defaultBackend === undefined) {
    spec.defaultBackend = convertIngressBackend(spec.backend);
    delete spec.backend;
  }
  for (const rule of arrayAt(spec, "rules") ?? []) {
    for (const path of arrayAt(objectAt(rule, "http"), "paths") ?? []) {
      if (!isRecord(path)) continue;
      path.backend = convertIngressBackend(path.backend);
      // The beta APIs defaulted pathType to ImplementationSpecific.
      if (path.pathType === undefined) path.pathType = "ImplementationSpecific";
    }
  }
}

/** autoscaling/v1's targetCPUUtilizationPercentage is a CPU Utilization metric in v2. */
function convertAutoscalerV1ToV2(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  const target = spec.targetCPUUtilizationPercentage;
  delete spec.targetCPUUtilizationPercentage;
  if (typeof target === "number") {
    spec.metrics = [{ type: "Resource", resource: { name: "cpu", target: { type: "Utilization", averageUtilization: target } } }];
  }
}

/** Converts, in place, a manifest body written for `apiVersion` to the shape of `storedApiVersion`. */
export function convertToStoredVersion(body: JsonRecord, kind: string, apiVersion: string, storedApiVersion: string): void {
  if (apiVersion === storedApiVersion) return;
  if (BETA_WORKLOADS.has(apiVersion) && ["Deployment", "DaemonSet", "ReplicaSet", "StatefulSet"].includes(kind)) defaultSelectorFromTemplate(body);
  if (kind === "Ingress" && (apiVersion === "extensions/v1beta1" || apiVersion === "networking.k8s.io/v1beta1") && storedApiVersion === "networking.k8s.io/v1") {
    convertIngress(body);
  }
  if (kind === "HorizontalPodAutoscaler" && apiVersion === "autoscaling/v1" && storedApiVersion.startsWith("autoscaling/v2")) convertAutoscalerV1ToV2(body);
}
