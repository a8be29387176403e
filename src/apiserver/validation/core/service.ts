// Service validation on create (pkg/apis/core/validation/validation.go:
// ValidateServiceCreate, validateService, validateServicePort,
// ValidateServiceClusterIPsRelatedFields and the traffic policy checks), in
// upstream's order.
import { nameIsDNSLabel } from "../../apimachinery/generic.js";
import { getWarningsForCIDR, getWarningsForIP } from "../../apimachinery/ip.js";
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { isDualStackIPStrings, isIPv6String } from "../../apimachinery/net.js";
import { isDNS1123Subdomain, isLabelKey, isValidPortNum } from "../../apimachinery/validation.js";
import { duplicate, forbidden, invalid, notSupported, PrintedValue, required, type ErrorList, type FieldWarning } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goJson, goQuote, rendersCompositeAsJson, stringListValue } from "../../field/values.js";
import { featureEnabled } from "../../features.js";
import { validateDNS1123Label } from "./names.js";
import { int, isSet, list, obj, str, stringMap, strings } from "./fields.js";
import { isValidCIDRForLegacyField, isValidIPForLegacyField, validateNonSpecialIP } from "./ip.js";
import { validateObjectMeta, validateServiceName } from "./object-meta.js";
import { validatePortNumOrName } from "./ports.js";
import { atLeast } from "../../../util/release.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

export const ANNOTATION_TOPOLOGY_AWARE_HINTS = "service.kubernetes.io/topology-aware-hints";
export const ANNOTATION_TOPOLOGY_MODE = "service.kubernetes.io/topology-mode";
export const ANNOTATION_LOAD_BALANCER_SOURCE_RANGES = "service.beta.kubernetes.io/load-balancer-source-ranges";
const CLUSTER_IP_NONE = "None";
/** ports.KubeletPort: LoadBalancer Services could not expose it until 1.33. */
const KUBELET_PORT = 10250;
/** core.MaxClientIPServiceAffinitySeconds. */
const MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS = 86400;

const SUPPORTED_SESSION_AFFINITY_TYPES = ["ClientIP", "None"];
const SUPPORTED_SERVICE_TYPES = ["ClusterIP", "ExternalName", "LoadBalancer", "NodePort"];
const SUPPORTED_INTERNAL_TRAFFIC_POLICIES = ["Cluster", "Local"];
const SUPPORTED_IP_FAMILIES = ["IPv4", "IPv6"];
const SUPPORTED_IP_FAMILY_POLICIES = ["PreferDualStack", "RequireDualStack", "SingleStack"];
const SUPPORTED_PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const VALID_EXTERNAL_TRAFFIC_POLICIES = ["Cluster", "Local"];

const spec = (service: JsonRecord): JsonRecord => obj(service, "spec") ?? {};
const annotations = (service: JsonRecord): Record<string, string> => stringMap(obj(service, "metadata"), "annotations");

/** isHeadlessService: clusterIPs is exactly ["None"]. */
export function isHeadlessService(service: JsonRecord): boolean {
  const clusterIPs = strings(spec(service), "clusterIPs");
  return clusterIPs.length === 1 && clusterIPs[0] === CLUSTER_IP_NONE;
}

/** apiservice.ExternallyAccessible: LoadBalancer, NodePort, or ClusterIP with external IPs. */
export function externallyAccessible(service: JsonRecord): boolean {
  const type = str(spec(service), "type");
  return type === "LoadBalancer" || type === "NodePort" || (type === "ClusterIP" && strings(spec(service), "externalIPs").length > 0);
}

/** apiservice.NeedsHealthCheck: a LoadBalancer that keeps external traffic on the local node. */
export function needsHealthCheck(service: JsonRecord): boolean {
  return str(spec(service), "type") === "LoadBalancer" && str(spec(service), "externalTrafficPolicy") === "Local";
}

/** A []string bad value. */
function stringsValue(items: readonly string[], kubernetesVersion: string): PrintedValue {
  return new PrintedValue(stringListValue(items, "string", kubernetesVersion));
}

/** The (protocol, port) key of a duplicate port as upstream prints it: an internal core.ServicePort. */
function servicePortKey(protocol: string, port: number, kubernetesVersion: string): PrintedValue {
  if (rendersCompositeAsJson(kubernetesVersion)) {
    return new PrintedValue(`{"Name":"","Protocol":${goJson(protocol)},"AppProtocol":null,"Port":${port},"TargetPort":0,"NodePort":0}`);
  }
  return new PrintedValue(
    `core.ServicePort{Name:"", Protocol:${goQuote(protocol)}, AppProtocol:(*string)(nil), Port:${port}, TargetPort:intstr.IntOrString{Type:0, IntVal:0, StrVal:""}, NodePort:0}`,
  );
}

function validateServicePort(port: JsonRecord, requireName: boolean, allNames: Set<string>, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = str(port, "name");
  if (requireName && name.length === 0) {
    errors.push(required(fldPath.child("name")));
  } else if (name.length !== 0) {
    appendAll(errors, validateDNS1123Label(name, fldPath.child("name")));
    if (allNames.has(name)) errors.push(duplicate(fldPath.child("name"), name));
    else allNames.add(name);
  }
  const number = int(port, "port") ?? 0;
  appendAll(errors, isValidPortNum(number).map((message) => invalid(fldPath.child("port"), number, message)));
  const protocol = str(port, "protocol");
  if (protocol.length === 0) errors.push(required(fldPath.child("protocol")));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errors.push(notSupported(fldPath.child("protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
  appendAll(errors, validatePortNumOrName(port.targetPort, fldPath.child("targetPort")));
  if (isSet(port, "appProtocol")) {
    const appProtocol = str(port, "appProtocol");
    appendAll(errors, isLabelKey(appProtocol).map((message) => withLabelContentWords(invalid(fldPath.child("appProtocol"), appProtocol, message))));
  }
  return errors;
}

function validateAffinityTimeout(timeout: number, fldPath: FieldPath): ErrorList {
  if (timeout > 0 && timeout <= MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS) return [];
  return [invalid(fldPath, timeout, `must be greater than 0 and less than ${MAX_CLIENT_IP_SERVICE_AFFINITY_SECONDS}`)];
}

function validateClientIPAffinityConfig(config: JsonRecord | undefined, fldPath: FieldPath): ErrorList {
  const detail = "when session affinity type is ClientIP";
  if (!config) return [required(fldPath, detail)];
  const clientIP = obj(config, "clientIP");
  if (!clientIP) return [required(fldPath.child("clientIP"), detail)];
  const timeout = int(clientIP, "timeoutSeconds");
  if (timeout === undefined) return [required(fldPath.child("clientIP", "timeoutSeconds"), detail)];
  return validateAffinityTimeout(timeout, fldPath.child("clientIP", "timeoutSeconds"));
}

/** ValidateServiceClusterIPsRelatedFields: clusterIP and clusterIPs in step, families and policy, dual-stack rules. */
export function validateServiceClusterIPsRelatedFields(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const serviceSpec = spec(service);
  // ExternalName Services must have none of these fields: validateService says so.
  if (str(serviceSpec, "type") === "ExternalName") return [];
  const errors: ErrorList = [];
  let hasInvalidIPs = false;
  const clusterIPsField = FieldPath.root("spec", "clusterIPs");
  const clusterIP = str(serviceSpec, "clusterIP");
  const clusterIPs = strings(serviceSpec, "clusterIPs");
  const ipFamilies = strings(serviceSpec, "ipFamilies");
  const clusterIPsValue = () => stringsValue(clusterIPs, kubernetesVersion);
  if (clusterIP.length !== 0) {
    if (clusterIPs.length === 0) errors.push(required(clusterIPsField));
    else if (clusterIPs[0] !== clusterIP) errors.push(invalid(clusterIPsField, clusterIPsValue(), "first value must match `clusterIP`"));
  } else if (clusterIPs.length !== 0) {
    errors.push(invalid(clusterIPsField, clusterIPsValue(), "must be empty when `clusterIP` is not specified"));
  }
  const seen = new Set<string>();
  ipFamilies.forEach((family, i) => {
    const path = FieldPath.root("spec", "ipFamilies").index(i);
    if (!SUPPORTED_IP_FAMILIES.includes(family)) errors.push(notSupported(path, family, SUPPORTED_IP_FAMILIES));
    if (seen.has(family)) errors.push(duplicate(path, family));
    seen.add(family);
  });
  if (isSet(serviceSpec, "ipFamilyPolicy")) {
    const policy = str(serviceSpec, "ipFamilyPolicy");
    if (!SUPPORTED_IP_FAMILY_POLICIES.includes(policy)) errors.push(notSupported(FieldPath.root("spec", "ipFamilyPolicy"), policy, SUPPORTED_IP_FAMILY_POLICIES));
  }
  clusterIPs.forEach((ip, i) => {
    if (i === 0 && ip === CLUSTER_IP_NONE) {
      if (clusterIPs.length > 1) {
        hasInvalidIPs = true;
        errors.push(invalid(clusterIPsField, clusterIPsValue(), "'None' must be the first and only value"));
      }
      return;
    }
    const ipErrors = isValidIPForLegacyField(clusterIPsField.index(i), ip, kubernetesVersion);
    hasInvalidIPs ||= ipErrors.length !== 0;
    appendAll(errors, ipErrors);
  });
  if (clusterIPs.length > 2) errors.push(invalid(clusterIPsField, clusterIPsValue(), "may only hold up to 2 values"));
  // Past a bad IP, the checks below would only repeat it.
  if (hasInvalidIPs) return errors;
  if (clusterIPs.length > 1 && !isDualStackIPStrings(clusterIPs)) {
    errors.push(invalid(clusterIPsField, clusterIPsValue(), "may specify no more than one IP for each IP family"));
  }
  if (!isHeadlessService(service) && clusterIPs.length > 0 && ipFamilies.length > 0) {
    clusterIPs.forEach((ip, i) => {
      if (i > ipFamilies.length - 1) return;
      if (ipFamilies[i] === "IPv4" && isIPv6String(ip)) errors.push(invalid(clusterIPsField.index(i), ip, `expected an IPv4 value as indicated by \`ipFamilies[${i}]\``));
      if (ipFamilies[i] === "IPv6" && !isIPv6String(ip)) errors.push(invalid(clusterIPsField.index(i), ip, `expected an IPv6 value as indicated by \`ipFamilies[${i}]\``));
    });
  }
  return errors;
}

function validateLoadBalancerClassField(service: JsonRecord): ErrorList {
  const serviceSpec = spec(service);
  if (!isSet(serviceSpec, "loadBalancerClass")) return [];
  const path = FieldPath.root("spec", "loadBalancerClass");
  if (str(serviceSpec, "type") !== "LoadBalancer") return [forbidden(path, "may only be used when `type` is 'LoadBalancer'")];
  const value = str(serviceSpec, "loadBalancerClass");
  return isLabelKey(value).map((message) => withLabelContentWords(invalid(path, value, message)));
}

function validateServiceExternalTrafficPolicy(service: JsonRecord): ErrorList {
  const serviceSpec = spec(service);
  const errors: ErrorList = [];
  const policyPath = FieldPath.root("spec", "externalTrafficPolicy");
  const policy = str(serviceSpec, "externalTrafficPolicy");
  if (!externallyAccessible(service)) {
    if (policy !== "") errors.push(invalid(policyPath, policy, "may only be set for externally-accessible services"));
  } else if (policy === "") {
    errors.push(required(policyPath));
  } else if (!VALID_EXTERNAL_TRAFFIC_POLICIES.includes(policy)) {
    errors.push(notSupported(policyPath, policy, VALID_EXTERNAL_TRAFFIC_POLICIES));
  }
  const healthPath = FieldPath.root("spec", "healthCheckNodePort");
  const healthCheckNodePort = int(serviceSpec, "healthCheckNodePort") ?? 0;
  if (!needsHealthCheck(service)) {
    if (healthCheckNodePort !== 0) errors.push(invalid(healthPath, healthCheckNodePort, "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
  } else if (healthCheckNodePort === 0) {
    errors.push(required(healthPath));
  } else {
    appendAll(errors, isValidPortNum(healthCheckNodePort).map((message) => invalid(healthPath, healthCheckNodePort, message)));
  }
  return errors;
}

function validateServiceInternalTrafficFieldsValue(service: JsonRecord): ErrorList {
  const serviceSpec = spec(service);
  const path = FieldPath.root("spec", "internalTrafficPolicy");
  if (!isSet(serviceSpec, "internalTrafficPolicy")) {
    // Not required of ExternalName Services: they were not checked when the field went beta.
    return ["NodePort", "LoadBalancer", "ClusterIP"].includes(str(serviceSpec, "type")) ? [required(path)] : [];
  }
  const policy = str(serviceSpec, "internalTrafficPolicy");
  return SUPPORTED_INTERNAL_TRAFFIC_POLICIES.includes(policy) ? [] : [notSupported(path, policy, SUPPORTED_INTERNAL_TRAFFIC_POLICIES)];
}

function validateServiceTrafficDistribution(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const serviceSpec = spec(service);
  if (!isSet(serviceSpec, "trafficDistribution")) return [];
  const supported = featureEnabled("PreferSameTrafficDistribution", kubernetesVersion) ? ["PreferClose", "PreferSameZone", "PreferSameNode"] : ["PreferClose"];
  const value = str(serviceSpec, "trafficDistribution");
  return supported.includes(value) ? [] : [notSupported(FieldPath.root("spec", "trafficDistribution"), value, supported)];
}

/** The Service's own annotations about topology: both set must agree. */
function validateTopologyAnnotations(service: JsonRecord): ErrorList {
  const all = annotations(service);
  const hints = all[ANNOTATION_TOPOLOGY_AWARE_HINTS];
  const mode = all[ANNOTATION_TOPOLOGY_MODE];
  if (hints === undefined || mode === undefined || hints === mode) return [];
  const path = FieldPath.root("metadata", "annotations").key(ANNOTATION_TOPOLOGY_MODE);
  return [invalid(path, mode, `must match annotations[${ANNOTATION_TOPOLOGY_AWARE_HINTS}] when both are specified`)];
}

function validateServiceType(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const serviceSpec = spec(service);
  const errors: ErrorList = [];
  const type = str(serviceSpec, "type");
  const firstClusterIP = FieldPath.root("spec", "clusterIPs").index(0);
  switch (type) {
    case "LoadBalancer":
      if (!atLeast(kubernetesVersion, "1.33")) {
        list(serviceSpec, "ports").forEach((port, i) => {
          if (int(port, "port") === KUBELET_PORT) {
            errors.push(invalid(FieldPath.root("spec", "ports").index(i), KUBELET_PORT, `may not expose port ${KUBELET_PORT} externally since it is used by kubelet`));
          }
        });
      }
      if (isHeadlessService(service)) errors.push(invalid(firstClusterIP, CLUSTER_IP_NONE, "may not be set to 'None' for LoadBalancer services"));
      break;
    case "NodePort":
      if (isHeadlessService(service)) errors.push(invalid(firstClusterIP, CLUSTER_IP_NONE, "may not be set to 'None' for NodePort services"));
      break;
    case "ExternalName": {
      if (strings(serviceSpec, "clusterIPs").length > 0) errors.push(forbidden(FieldPath.root("spec", "clusterIPs"), "may not be set for ExternalName services"));
      if (strings(serviceSpec, "ipFamilies").length > 0) errors.push(forbidden(FieldPath.root("spec", "ipFamilies"), "may not be set for ExternalName services"));
      if (isSet(serviceSpec, "ipFamilyPolicy")) errors.push(forbidden(FieldPath.root("spec", "ipFamilyPolicy"), "may not be set for ExternalName services"));
      // A trailing dot marks the name as fully qualified.
      const cname = str(serviceSpec, "externalName").replace(/\.$/, "");
      const path = FieldPath.root("spec", "externalName");
      if (cname.length > 0) appendAll(errors, isDNS1123Subdomain(cname).map((message) => invalid(path, cname, message)));
      else errors.push(required(path));
      break;
    }
  }
  return errors;
}

function validateExternalIPs(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  strings(spec(service), "externalIPs").forEach((ip, i) => {
    const path = FieldPath.root("spec", "externalIPs").index(i);
    const ipErrors = isValidIPForLegacyField(path, ip, kubernetesVersion);
    appendAll(errors, (ipErrors.length !== 0 ? ipErrors : validateNonSpecialIP(ip, path)));
  });
  return errors;
}

/** Node ports are unique per protocol, and (protocol, port) pairs once each. */
function validateDuplicatePorts(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const ports = list(spec(service), "ports");
  const portsPath = FieldPath.root("spec", "ports");
  const nodePorts = new Set<string>();
  ports.forEach((port, i) => {
    const nodePort = int(port, "nodePort") ?? 0;
    if (nodePort === 0) return;
    const key = `${str(port, "protocol")}/${nodePort}`;
    if (nodePorts.has(key)) errors.push(duplicate(portsPath.index(i).child("nodePort"), nodePort));
    nodePorts.add(key);
  });
  const seen = new Set<string>();
  ports.forEach((port, i) => {
    const protocol = str(port, "protocol");
    const number = int(port, "port") ?? 0;
    const key = `${protocol}/${number}`;
    if (seen.has(key)) errors.push(duplicate(portsPath.index(i), servicePortKey(protocol, number, kubernetesVersion)));
    seen.add(key);
  });
  return errors;
}

/** loadBalancerSourceRanges, or else its annotation: only for LoadBalancer Services, each a CIDR. */
function validateSourceRanges(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const serviceSpec = spec(service);
  const errors: ErrorList = [];
  const isLoadBalancer = str(serviceSpec, "type") === "LoadBalancer";
  const ranges = strings(serviceSpec, "loadBalancerSourceRanges");
  if (ranges.length > 0) {
    // Upstream spells the field with a capital L; findings point at the real one.
    const fieldPath = FieldPath.root("spec", "LoadBalancerSourceRanges");
    const real = FieldPath.root("spec", "loadBalancerSourceRanges");
    if (!isLoadBalancer) errors.push({ ...forbidden(fieldPath, "may only be used when `type` is 'LoadBalancer'"), at: { field: real, key: true } });
    ranges.forEach((value, i) => {
      // Space around the values has always been allowed.
      for (const error of isValidCIDRForLegacyField(fieldPath.index(i), value.trim(), kubernetesVersion)) errors.push({ ...error, at: { field: real.index(i), key: false } });
    });
    return errors;
  }
  const annotation = annotations(service)[ANNOTATION_LOAD_BALANCER_SOURCE_RANGES];
  if (annotation === undefined) return errors;
  const fieldPath = FieldPath.root("metadata", "annotations").key(ANNOTATION_LOAD_BALANCER_SOURCE_RANGES);
  if (!isLoadBalancer) errors.push(forbidden(fieldPath, "may only be used when `type` is 'LoadBalancer'"));
  const value = annotation.trim();
  if (value !== "") for (const cidr of value.split(",")) appendAll(errors, isValidCIDRForLegacyField(fieldPath, cidr.trim(), kubernetesVersion));
  return errors;
}

/** validateService: everything but the metadata, in upstream's order. */
export function validateService(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const serviceSpec = spec(service);
  const errors = validateTopologyAnnotations(service);
  const type = str(serviceSpec, "type");
  const ports = list(serviceSpec, "ports");
  if (ports.length === 0 && !isHeadlessService(service) && type !== "ExternalName") errors.push(required(FieldPath.root("spec", "ports")));
  appendAll(errors, validateServiceType(service, kubernetesVersion));
  const allNames = new Set<string>();
  ports.forEach((port, i) => appendAll(errors, validateServicePort(port, ports.length > 1, allNames, FieldPath.root("spec", "ports").index(i))));
  if (isSet(serviceSpec, "selector")) appendAll(errors, validateLabels(serviceSpec.selector, FieldPath.root("spec", "selector")));
  const affinityPath = FieldPath.root("spec", "sessionAffinity");
  const affinity = str(serviceSpec, "sessionAffinity");
  if (affinity.length === 0) errors.push(required(affinityPath));
  else if (!SUPPORTED_SESSION_AFFINITY_TYPES.includes(affinity)) errors.push(notSupported(affinityPath, affinity, SUPPORTED_SESSION_AFFINITY_TYPES));
  const affinityConfigPath = FieldPath.root("spec", "sessionAffinityConfig");
  if (affinity === "ClientIP") appendAll(errors, validateClientIPAffinityConfig(obj(serviceSpec, "sessionAffinityConfig"), affinityConfigPath));
  else if (affinity === "None" && isSet(serviceSpec, "sessionAffinityConfig")) errors.push(forbidden(affinityConfigPath, "must not be set when session affinity is None"));
  appendAll(errors, validateServiceClusterIPsRelatedFields(service, kubernetesVersion));
  appendAll(errors, validateExternalIPs(service, kubernetesVersion));
  const typePath = FieldPath.root("spec", "type");
  if (type.length === 0) errors.push(required(typePath));
  else if (!SUPPORTED_SERVICE_TYPES.includes(type)) errors.push(notSupported(typePath, type, SUPPORTED_SERVICE_TYPES));
  if (type === "ClusterIP") {
    ports.forEach((port, i) => {
      if ((int(port, "nodePort") ?? 0) !== 0) errors.push(forbidden(FieldPath.root("spec", "ports").index(i).child("nodePort"), "may not be used when `type` is 'ClusterIP'"));
    });
  }
  appendAll(errors, validateDuplicatePorts(service, kubernetesVersion));
  appendAll(errors, validateSourceRanges(service, kubernetesVersion));
  if (isSet(serviceSpec, "allocateLoadBalancerNodePorts") && type !== "LoadBalancer") {
    errors.push(forbidden(FieldPath.root("spec", "allocateLoadBalancerNodePorts"), "may only be used when `type` is 'LoadBalancer'"));
  }
  // Upstream names this one without `spec`.
  if (type === "LoadBalancer" && !isSet(serviceSpec, "allocateLoadBalancerNodePorts")) errors.push(required(FieldPath.root("allocateLoadBalancerNodePorts")));
  appendAll(errors, validateLoadBalancerClassField(service));
  appendAll(errors, validateServiceExternalTrafficPolicy(service));
  appendAll(errors, validateServiceInternalTrafficFieldsValue(service));
  appendAll(errors, validateServiceTrafficDistribution(service, kubernetesVersion));
  return errors;
}

/**
 * ValidateServiceCreate: the metadata, then the rest. The name is a DNS-1035
 * label, or a DNS label where RelaxedServiceNameValidation is on.
 */
export function validateServiceCreate(service: JsonRecord, kubernetesVersion: string): ErrorList {
  const nameFn = featureEnabled("RelaxedServiceNameValidation", kubernetesVersion) ? nameIsDNSLabel : validateServiceName;
  const errors = validateObjectMeta(service.metadata, true, nameFn, FieldPath.root("metadata"), kubernetesVersion);
  return [...errors, ...validateService(service, kubernetesVersion)];
}

/** GetWarningsForService (pkg/api/service/warnings.go), in the words of the release; each placed at its field. */
export function getWarningsForService(service: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  const serviceSpec = spec(service);
  const warnings: FieldWarning[] = [];
  const add = (messages: string[], at?: FieldPath) => appendAll(warnings, messages.map((message) => (at ? { message, at } : { message })));
  const specPath = FieldPath.root("spec");
  if (annotations(service)[ANNOTATION_TOPOLOGY_AWARE_HINTS] !== undefined) {
    const at = FieldPath.root("metadata", "annotations").key(ANNOTATION_TOPOLOGY_AWARE_HINTS);
    add([`annotation ${ANNOTATION_TOPOLOGY_AWARE_HINTS} is deprecated, please use ${ANNOTATION_TOPOLOGY_MODE} instead`], at);
  }
  const clusterIP = str(serviceSpec, "clusterIP");
  if (clusterIP !== "" && clusterIP !== CLUSTER_IP_NONE) {
    strings(serviceSpec, "clusterIPs").forEach((ip, i) => {
      const at = specPath.child("clusterIPs").index(i);
      add(getWarningsForIP(at, ip, kubernetesVersion), at);
    });
  }
  const type = str(serviceSpec, "type");
  const externalIPs = strings(serviceSpec, "externalIPs");
  if (atLeast(kubernetesVersion, "1.33") && type === "ClusterIP" && clusterIP === CLUSTER_IP_NONE) {
    if (str(serviceSpec, "loadBalancerIP") !== "") add(["spec.loadBalancerIP is ignored for headless services"], specPath.child("loadBalancerIP"));
    if (externalIPs.length > 0) add(["spec.externalIPs is ignored for headless services"], specPath.child("externalIPs"));
    // 1.33 compared with "" after defaulting to None, so it warned for every headless Service.
    const ignored = atLeast(kubernetesVersion, "1.34") ? "None" : "";
    if (str(serviceSpec, "sessionAffinity") !== ignored) add(["spec.SessionAffinity is ignored for headless services"], specPath.child("sessionAffinity"));
  }
  externalIPs.forEach((ip, i) => {
    const at = specPath.child("externalIPs").index(i);
    add(getWarningsForIP(at, ip, kubernetesVersion), at);
  });
  const loadBalancerIP = str(serviceSpec, "loadBalancerIP");
  if (loadBalancerIP.length > 0) add(getWarningsForIP(specPath.child("loadBalancerIP"), loadBalancerIP, kubernetesVersion), specPath.child("loadBalancerIP"));
  strings(serviceSpec, "loadBalancerSourceRanges").forEach((cidr, i) => {
    const at = specPath.child("loadBalancerSourceRanges").index(i);
    add(getWarningsForCIDR(at, cidr, kubernetesVersion), at);
  });
  if (type === "ExternalName" && externalIPs.length > 0) add(['spec.externalIPs is ignored when spec.type is "ExternalName"'], specPath.child("externalIPs"));
  if (type !== "ExternalName" && str(serviceSpec, "externalName") !== "") add(['spec.externalName is ignored when spec.type is not "ExternalName"'], specPath.child("externalName"));
  if (atLeast(kubernetesVersion, "1.35") && str(serviceSpec, "trafficDistribution") === "PreferClose") {
    add(['spec.trafficDistribution: "PreferClose" is deprecated; use "PreferSameZone"'], specPath.child("trafficDistribution"));
  }
  return warnings;
}
