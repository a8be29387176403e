// What the Service storage does before the generic create path
// (pkg/registry/core/service/storage: beginCreate, normalizeClusterIPs, and
// alloc.go's allocateCreate): clusterIPs from clusterIP, the IP family fields,
// a first check of the cluster IP fields, then cluster IPs and node ports
// allocated. The cluster's own configuration is unknown offline: it is taken
// to serve the families asked for, and allocated values are placeholders.
import { ipFamily, parseIPSloppy } from "../apimachinery/net.js";
import { invalid, type ErrorList } from "../field/errors.js";
import { FieldPath } from "../field/path.js";
import { isHeadlessService, needsHealthCheck, validateServiceClusterIPsRelatedFields } from "../validation/core/service.js";
import { int, list, obj, str, stringMap, strings } from "../validation/core/fields.js";
import type { JsonRecord } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";
import type { ValidationContext } from "./types.js";

const PLACEHOLDER_IPS: Readonly<Record<string, string>> = lookupTable({ IPv4: "10.96.0.1", IPv6: "fd00::1" });
/** The first port of the default --service-node-port-range. */
const FIRST_NODE_PORT = 30000;

/** normalizeClusterIPs on create: a client that sets only clusterIP gets clusterIPs from it. */
function normalizeClusterIPs(spec: JsonRecord): void {
  const clusterIP = str(spec, "clusterIP");
  if (clusterIP.length > 0 && strings(spec, "clusterIPs").length === 0) spec.clusterIPs = [clusterIP];
}

/** initIPFamilyFields on create; errors stop the create before validation. */
function initIPFamilyFields(service: JsonRecord, spec: JsonRecord, kubernetesVersion: string): ErrorList {
  if (str(spec, "type") === "ExternalName") return [];
  if (spec.ipFamilyPolicy === undefined) {
    // A headless Service without a selector defaults to dual-stack.
    const headlessWithoutSelector = str(spec, "clusterIP") === "None" && Object.keys(stringMap(spec, "selector")).length === 0;
    spec.ipFamilyPolicy = headlessWithoutSelector ? "RequireDualStack" : "SingleStack";
  }
  const preErrors = validateServiceClusterIPsRelatedFields(service, kubernetesVersion);
  if (preErrors.length > 0) return preErrors;
  const errors: ErrorList = [];
  const policy = str(spec, "ipFamilyPolicy");
  const policyPath = FieldPath.root("spec", "ipFamilyPolicy");
  if (policy === "SingleStack") {
    if (strings(spec, "clusterIPs").length === 2) errors.push(invalid(policyPath, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple cluster IPs are specified"));
    if (strings(spec, "ipFamilies").length === 2) errors.push(invalid(policyPath, policy, "must be 'RequireDualStack' or 'PreferDualStack' when multiple IP families are specified"));
  }
  const families = strings(spec, "ipFamilies");
  for (const [i, text] of strings(spec, "clusterIPs").entries()) {
    if (text === "None") break;
    const ip = parseIPSloppy(text);
    if (ip && i >= families.length) families.push(ipFamily(ip) === 4 ? "IPv4" : "IPv6");
  }
  if (errors.length > 0) return errors;
  if (families.length === 0) families.push("IPv4");
  if (str(spec, "clusterIP") === "None" && Object.keys(stringMap(spec, "selector")).length === 0 && families.length < 2 && policy !== "SingleStack") {
    families.push(families[0] === "IPv4" ? "IPv6" : "IPv4");
  }
  spec.ipFamilies = families;
  return [];
}

/** allocClusterIPs: an address of each family that has none (not for ExternalName or headless Services). */
function allocClusterIPs(service: JsonRecord, spec: JsonRecord): void {
  if (str(spec, "type") === "ExternalName" || isHeadlessService(service)) return;
  const clusterIPs = strings(spec, "clusterIPs");
  strings(spec, "ipFamilies").forEach((family, i) => {
    if (!clusterIPs[i]) clusterIPs[i] = PLACEHOLDER_IPS[family] ?? PLACEHOLDER_IPS.IPv4!;
  });
  spec.clusterIPs = clusterIPs;
  if (clusterIPs.length > 0) spec.clusterIP = clusterIPs[0];
}

/** initNodePorts and the health check port: node ports of NodePort and LoadBalancer Services. */
function allocNodePorts(service: JsonRecord, spec: JsonRecord): void {
  const type = str(spec, "type");
  const ports = list(spec, "ports");
  const requested = new Set(ports.map((port) => int(port, "nodePort") ?? 0).filter((port) => port !== 0));
  let next = FIRST_NODE_PORT;
  const allocate = () => {
    while (requested.has(next)) next++;
    requested.add(next);
    return next;
  };
  if (type === "NodePort" || type === "LoadBalancer") {
    const allocateAll = type === "NodePort" || spec.allocateLoadBalancerNodePorts !== false;
    const byPort = new Map<number, number>();
    for (const port of ports) {
      const nodePort = int(port, "nodePort") ?? 0;
      if (nodePort === 0 && !allocateAll) continue;
      const number = int(port, "port") ?? 0;
      // Ports of one number (TCP and UDP, say) share one node port.
      const shared = byPort.get(number) ?? ports.map((other) => int(other, "nodePort") ?? 0).find((other, j) => other !== 0 && int(ports[j], "port") === number);
      const assigned = nodePort !== 0 ? nodePort : (shared ?? allocate());
      if (!byPort.has(number)) byPort.set(number, assigned);
      port.nodePort = assigned;
    }
  }
  if (needsHealthCheck(service) && (int(spec, "healthCheckNodePort") ?? 0) === 0) spec.healthCheckNodePort = allocate();
}

/** beginCreate: normalize, initialize the IP family fields (stopping at their errors), allocate. */
export function beginCreateService(service: JsonRecord, context: ValidationContext): ErrorList {
  const spec = obj(service, "spec");
  if (!spec) return [];
  normalizeClusterIPs(spec);
  const errors = initIPFamilyFields(service, spec, context.kubernetesVersion);
  if (errors.length > 0) return errors;
  allocClusterIPs(service, spec);
  allocNodePorts(service, spec);
  return [];
}
