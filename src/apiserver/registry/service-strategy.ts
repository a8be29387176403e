// The Service strategy's update mutations (pkg/registry/core/service/strategy.go,
// PrepareForUpdate): a Service is a union discriminated by `type`, and a field
// the new type does not use is cleared, when the server may have set it and the
// update did not also change it (validation would then refuse the update).
import { objectAt, recordsOf, stringOf, type JsonRecord } from "../../util/object-access.js";

function typeOf(spec: JsonRecord): string {
  return stringOf(spec.type) ?? "ClusterIP";
}

function needsClusterIP(spec: JsonRecord): boolean {
  return typeOf(spec) !== "ExternalName";
}

function needsNodePort(spec: JsonRecord): boolean {
  return typeOf(spec) === "NodePort" || typeOf(spec) === "LoadBalancer";
}

function needsHCNodePort(spec: JsonRecord): boolean {
  return typeOf(spec) === "LoadBalancer" && spec.externalTrafficPolicy === "Local";
}

/** service.ExternallyAccessible. */
function externallyAccessible(spec: JsonRecord): boolean {
  const externalIPs = Array.isArray(spec.externalIPs) ? spec.externalIPs : [];
  return typeOf(spec) === "LoadBalancer" || typeOf(spec) === "NodePort" || (typeOf(spec) === "ClusterIP" && externalIPs.length > 0);
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

function nodePorts(spec: JsonRecord): Set<unknown> {
  return new Set(recordsOf(spec.ports).map((port) => port.nodePort).filter((port) => port !== undefined && port !== 0));
}

/** Users may add, remove or change ports, as long as they add no node port of their own. */
function sameNodePorts(oldSpec: JsonRecord, newSpec: JsonRecord): boolean {
  const old = nodePorts(oldSpec);
  return [...nodePorts(newSpec)].every((port) => old.has(port));
}

/** dropTypeDependentFields: edits `newService` in place; `oldService` is the stored one. */
export function dropTypeDependentFields(newService: JsonRecord, oldService: JsonRecord): void {
  const spec = objectAt(newService, "spec");
  const old = objectAt(oldService, "spec");
  if (!spec || !old) return;
  if (needsClusterIP(old) && !needsClusterIP(spec)) {
    if (same(old.clusterIP, spec.clusterIP) && same(old.clusterIPs, spec.clusterIPs)) {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    }
    if (same(old.ipFamilies, spec.ipFamilies)) delete spec.ipFamilies;
    if (same(old.ipFamilyPolicy, spec.ipFamilyPolicy)) delete spec.ipFamilyPolicy;
  }
  if (needsNodePort(old) && !needsNodePort(spec) && sameNodePorts(old, spec)) {
    for (const port of recordsOf(spec.ports)) delete port.nodePort;
  }
  if (needsHCNodePort(old) && !needsHCNodePort(spec) && same(old.healthCheckNodePort, spec.healthCheckNodePort)) delete spec.healthCheckNodePort;
  if (typeOf(old) === "LoadBalancer" && typeOf(spec) !== "LoadBalancer") {
    if (spec.allocateLoadBalancerNodePorts !== undefined && old.allocateLoadBalancerNodePorts !== undefined && same(old.allocateLoadBalancerNodePorts, spec.allocateLoadBalancerNodePorts)) {
      delete spec.allocateLoadBalancerNodePorts;
    }
    if (same(old.loadBalancerClass, spec.loadBalancerClass)) delete spec.loadBalancerClass;
  }
  if (externallyAccessible(old) && !externallyAccessible(spec) && same(old.externalTrafficPolicy, spec.externalTrafficPolicy)) delete spec.externalTrafficPolicy;
}
