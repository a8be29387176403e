// ValidateNetworkPolicy (pkg/apis/networking/validation/validation.go): ports,
// peers (an ipBlock alone, at least one selector or block), ipBlock CIDRs and
// their exceptions, policy types.
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isValidPortName, isValidPortNum } from "../../apimachinery/validation.js";
import { netContains, parseCIDRSloppy } from "../../apimachinery/net.js";
import { forbidden, invalid, notSupported, PrintedValue, required, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { stringListValue } from "../../field/values.js";
import { atLeast } from "../../../util/release.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { int, isSet, list, obj, str, strings } from "../core/fields.js";
import { isValidCIDRForLegacyField } from "../core/ip.js";
import { appendAll } from "../../../util/append.js";

const PROTOCOLS = ["TCP", "UDP", "SCTP"];
const POLICY_TYPES = ["Ingress", "Egress"];

/** ValidateNetworkPolicyPort: protocol, a port number or name, and endPort only after a numeric port. */
export function validateNetworkPolicyPort(port: JsonRecord, portPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const protocol = port.protocol;
  if (typeof protocol === "string" && !PROTOCOLS.includes(protocol)) errors.push(notSupported(portPath.child("protocol"), protocol, PROTOCOLS));
  const endPort = int(port, "endPort");
  const value = port.port;
  if (typeof value === "number") {
    for (const detail of isValidPortNum(value)) errors.push(invalid(portPath.child("port"), value, detail));
    if (endPort !== undefined) {
      if (endPort < value) errors.push(invalid(portPath.child("endPort"), endPort, "must be greater than or equal to `port`"));
      for (const detail of isValidPortNum(endPort)) errors.push(invalid(portPath.child("endPort"), endPort, detail));
    }
  } else if (typeof value === "string") {
    if (endPort !== undefined) errors.push(invalid(portPath.child("endPort"), endPort, "may not be specified when `port` is non-numeric"));
    for (const detail of isValidPortName(value)) errors.push(invalid(portPath.child("port"), value, detail));
  } else if (endPort !== undefined) {
    errors.push(invalid(portPath.child("endPort"), endPort, "may not be specified when `port` is not specified"));
  }
  return errors;
}

/** ValidateIPBlock as of 1.33: legacy CIDR parsing (strict when StrictIPCIDRValidation is on), every exception checked. */
function validateIPBlockLegacyField(ipBlock: JsonRecord, path: FieldPath, kubernetesVersion: string): ErrorList {
  const cidr = str(ipBlock, "cidr");
  const errors = isValidCIDRForLegacyField(path.child("cidr"), cidr, kubernetesVersion);
  const network = parseCIDRSloppy(cidr);
  if (!network) return errors;
  strings(ipBlock, "except").forEach((except, i) => {
    const exceptPath = path.child("except").index(i);
    appendAll(errors, isValidCIDRForLegacyField(exceptPath, except, kubernetesVersion));
    const exceptNetwork = parseCIDRSloppy(except);
    if (!exceptNetwork) return;
    if (!netContains(network, exceptNetwork.ip) || network.prefixLength >= exceptNetwork.prefixLength) {
      errors.push(invalid(exceptPath, except, "must be a strict subset of `cidr`"));
    }
  });
  return errors;
}

/** ValidateIPBlock before 1.33: "not a valid CIDR", and the first bad exception ends the checks. */
function validateIPBlockBefore133(ipBlock: JsonRecord, path: FieldPath): ErrorList {
  const cidr = str(ipBlock, "cidr");
  const network = parseCIDRSloppy(cidr);
  if (!network) return [invalid(path.child("cidr"), cidr, "not a valid CIDR")];
  const errors: ErrorList = [];
  const excepts = strings(ipBlock, "except");
  for (let i = 0; i < excepts.length; i++) {
    const except = excepts[i]!;
    const exceptPath = path.child("except").index(i);
    const exceptNetwork = parseCIDRSloppy(except);
    if (!exceptNetwork) return [...errors, invalid(exceptPath, except, "not a valid CIDR")];
    if (!netContains(network, exceptNetwork.ip) || network.prefixLength >= exceptNetwork.prefixLength) {
      errors.push(invalid(exceptPath, except, "must be a strict subset of `cidr`"));
    }
  }
  return errors;
}

/** ValidateIPBlock: a CIDR, and exceptions strictly inside it. */
export function validateIPBlock(ipBlock: JsonRecord, path: FieldPath, kubernetesVersion: string): ErrorList {
  if (str(ipBlock, "cidr") === "") return [required(path.child("cidr"))];
  return atLeast(kubernetesVersion, "1.33") ? validateIPBlockLegacyField(ipBlock, path, kubernetesVersion) : validateIPBlockBefore133(ipBlock, path);
}

/** ValidateNetworkPolicyPeer: at least one of the selectors or an ipBlock; an ipBlock stands alone. */
export function validateNetworkPolicyPeer(peer: JsonRecord, peerPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  let peers = 0;
  for (const key of ["podSelector", "namespaceSelector"]) {
    if (!isSet(peer, key)) continue;
    peers++;
    appendAll(errors, validateLabelSelector(peer[key], { allowInvalidLabelValueInSelector: false }, peerPath.child(key)));
  }
  const ipBlock = obj(peer, "ipBlock");
  // An ipBlock of the wrong type is the schema layer's error.
  if (isSet(peer, "ipBlock") && !ipBlock) return errors;
  if (ipBlock) {
    peers++;
    appendAll(errors, validateIPBlock(ipBlock, peerPath.child("ipBlock"), kubernetesVersion));
  }
  if (peers === 0) errors.push(required(peerPath, "must specify a peer"));
  else if (peers > 1 && ipBlock) errors.push(forbidden(peerPath, "may not specify both ipBlock and another peer"));
  return errors;
}

function validateRules(spec: JsonRecord, direction: "ingress" | "egress", fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const peersKey = direction === "ingress" ? "from" : "to";
  const errors: ErrorList = [];
  list(spec, direction).forEach((rule, i) => {
    const rulePath = fldPath.child(direction).index(i);
    list(rule, "ports").forEach((port, j) => appendAll(errors, validateNetworkPolicyPort(port, rulePath.child("ports").index(j))));
    list(rule, peersKey).forEach((peer, j) => appendAll(errors, validateNetworkPolicyPeer(peer, rulePath.child(peersKey).index(j), kubernetesVersion)));
  });
  return errors;
}

/** ValidateNetworkPolicySpec. */
export function validateNetworkPolicySpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [
    ...validateLabelSelector(spec.podSelector, { allowInvalidLabelValueInSelector: false }, fldPath.child("podSelector")),
    ...validateRules(spec, "ingress", fldPath, kubernetesVersion),
    ...validateRules(spec, "egress", fldPath, kubernetesVersion),
  ];
  const policyTypes = strings(spec, "policyTypes");
  if (policyTypes.length > POLICY_TYPES.length) {
    const shown = new PrintedValue(stringListValue(policyTypes, "networking.PolicyType", kubernetesVersion));
    return [...errors, invalid(fldPath.child("policyTypes"), shown, "may not specify more than two policyTypes")];
  }
  policyTypes.forEach((type, i) => {
    if (!POLICY_TYPES.includes(type)) errors.push(notSupported(fldPath.child("policyTypes").index(i), type, POLICY_TYPES));
  });
  return errors;
}

/** ValidateNetworkPolicy. */
export function validateNetworkPolicy(policy: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateNetworkPolicySpec(obj(policy, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}
