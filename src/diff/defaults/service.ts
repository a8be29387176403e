// API defaulting of Services (SetDefaults_Service, pkg/apis/core/v1/defaults.go).
// clusterIP(s), ipFamilies, ipFamilyPolicy and node ports are allocated by the
// registry, not defaulted: the diff keeps the stored ones (see owned-fields.ts).
import { setDefault } from "../values.js";
import { arrayAt, isRecord, objectAt, type JsonRecord } from "../../util/object-access.js";

/** service.ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with external IPs. */
function externallyAccessible(spec: JsonRecord): boolean {
  const externalIPs = arrayAt(spec, "externalIPs") ?? [];
  return spec.type === "LoadBalancer" || spec.type === "NodePort" || (spec.type === "ClusterIP" && externalIPs.length > 0);
}

export function defaultService(body: JsonRecord): void {
  const spec = objectAt(body, "spec");
  if (!spec) return;
  setDefault(spec, "sessionAffinity", "None");
  if (spec.sessionAffinity === "None") delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === "ClientIP") {
    const timeout = objectAt(objectAt(spec, "sessionAffinityConfig"), "clientIP")?.timeoutSeconds;
    if (timeout === undefined) spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: 10800 } };
  }
  setDefault(spec, "type", "ClusterIP");
  for (const port of arrayAt(spec, "ports") ?? []) {
    if (!isRecord(port)) continue;
    setDefault(port, "protocol", "TCP");
    if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === "") port.targetPort = port.port;
  }
  if (externallyAccessible(spec)) setDefault(spec, "externalTrafficPolicy", "Cluster");
  if (spec.type === "NodePort" || spec.type === "LoadBalancer" || spec.type === "ClusterIP") setDefault(spec, "internalTrafficPolicy", "Cluster");
  if (spec.type === "LoadBalancer") setDefault(spec, "allocateLoadBalancerNodePorts", true);
}

export function defaultEndpoints(body: JsonRecord): void {
  for (const subset of arrayAt(body, "subsets") ?? []) {
    for (const port of arrayAt(subset, "ports") ?? []) if (isRecord(port)) setDefault(port, "protocol", "TCP");
  }
}
