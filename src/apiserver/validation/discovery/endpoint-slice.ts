// ValidateEndpointSliceCreate (pkg/apis/discovery/validation/validation.go):
// the address type, endpoints (addresses of that type, node name, topology,
// hostname, zone and node hints) and ports (names, protocols, app protocols),
// within their maximum counts.
import { isValidIP, isValidIPv4Address, isValidIPv6Address } from "../../apimachinery/ip.js";
import { validateLabels } from "../../apimachinery/meta-v1-validation.js";
import { to4, parseIPSloppy } from "../../apimachinery/net.js";
import { isDNS1123Subdomain, isFullyQualifiedDomainName, isLabelValue } from "../../apimachinery/validation.js";
import { duplicate, internalError, invalid, notSupported, required, tooMany, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { atLeast } from "../../../util/release.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { isSet, list, obj, str, strings } from "../core/fields.js";
import { validateNonSpecialIP } from "../core/ip.js";
import { validateDNS1123Label, validateQualifiedName } from "../core/names.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

const SUPPORTED_ADDRESS_TYPES = ["FQDN", "IPv4", "IPv6"];
const SUPPORTED_PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];
const MAX_TOPOLOGY_LABELS = 16;
const MAX_ADDRESSES = 100;
const MAX_ENDPOINTS = 1000;
const MAX_ZONE_HINTS = 8;
const MAX_NODE_HINTS = 8;
const MAX_PORTS = 20000;
/** The zone label, which conversion from v1beta1 moves into `zone`. */
const LABEL_TOPOLOGY_ZONE = "topology.kubernetes.io/zone";


/** An address of the slice's type: strict IPs since 1.33, the old parser's before. */
function validateAddress(address: string, addressType: string, addressPath: FieldPath, index: number, kubernetesVersion: string): ErrorList {
  const path = addressPath.index(index);
  if (addressType === "FQDN") return isFullyQualifiedDomainName(path, address);
  if (addressType !== "IPv4" && addressType !== "IPv6") return [];
  if (!atLeast(kubernetesVersion, "1.33")) {
    const familyErrors = addressType === "IPv4" ? isValidIPv4Address(path, address) : isValidIPv6Address(path, address);
    return [...familyErrors, ...validateNonSpecialIP(address, path)];
  }
  const ipErrors = isValidIP(path, address);
  if (ipErrors.length > 0) return ipErrors;
  const errors: ErrorList = [];
  const isV4 = to4(parseIPSloppy(address)!) !== undefined;
  // Upstream names the list here, not the address.
  if (addressType === "IPv4" && !isV4) errors.push(invalid(addressPath, address, "must be an IPv4 address"));
  if (addressType === "IPv6" && isV4) errors.push(invalid(addressPath, address, "must be an IPv6 address"));
  return [...errors, ...validateNonSpecialIP(address, path)];
}

/**
 * validateHints: at most 8 zones, each a label value, none twice; then at most
 * 8 nodes, each a node name, none twice (forNodes is dropped before validation
 * while PreferSameTrafficDistribution is off).
 */
function validateHints(hints: JsonRecord, fldPath: FieldPath): ErrorList {
  const zones = list(hints, "forZones");
  const zonesPath = fldPath.child("forZones");
  if (zones.length > MAX_ZONE_HINTS) return [tooMany(zonesPath, zones.length, MAX_ZONE_HINTS)];
  const errors: ErrorList = [];
  const zoneNames = new Set<string>();
  zones.forEach((zone, i) => {
    const namePath = zonesPath.index(i).child("name");
    const name = str(zone, "name");
    if (zoneNames.has(name)) errors.push(duplicate(namePath, name));
    else zoneNames.add(name);
    for (const detail of isLabelValue(name)) errors.push(withLabelContentWords(invalid(namePath, name, detail)));
  });
  const nodes = list(hints, "forNodes");
  const nodesPath = fldPath.child("forNodes");
  if (nodes.length > MAX_NODE_HINTS) return [...errors, tooMany(nodesPath, nodes.length, MAX_NODE_HINTS)];
  const nodeNames = new Set<string>();
  nodes.forEach((node, i) => {
    const namePath = nodesPath.index(i).child("name");
    const name = str(node, "name");
    if (nodeNames.has(name)) errors.push(duplicate(namePath, name));
    else nodeNames.add(name);
    // ValidateNodeName: a DNS subdomain.
    for (const detail of isDNS1123Subdomain(name)) errors.push(invalid(namePath, name, detail));
  });
  return errors;
}

/** validateEndpoints. */
function validateEndpoints(endpoints: JsonRecord[], addressType: string, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (endpoints.length > MAX_ENDPOINTS) return [tooMany(fldPath, endpoints.length, MAX_ENDPOINTS)];
  const errors: ErrorList = [];
  endpoints.forEach((endpoint, i) => {
    const indexPath = fldPath.index(i);
    const addressPath = indexPath.child("addresses");
    const addresses = strings(endpoint, "addresses");
    if (addresses.length === 0) errors.push(required(addressPath, "must contain at least 1 address"));
    else if (addresses.length > MAX_ADDRESSES) errors.push(tooMany(addressPath, addresses.length, MAX_ADDRESSES));
    addresses.forEach((address, j) => appendAll(errors, validateAddress(address, addressType, addressPath, j, kubernetesVersion)));
    if (typeof endpoint.nodeName === "string") {
      // ValidateNodeName: a DNS subdomain.
      for (const detail of isDNS1123Subdomain(endpoint.nodeName)) errors.push(invalid(indexPath.child("nodeName"), endpoint.nodeName, detail));
    }
    const topologyPath = indexPath.child("deprecatedTopology");
    const topology = obj(endpoint, "deprecatedTopology") ?? {};
    if (Object.keys(topology).length > MAX_TOPOLOGY_LABELS) errors.push(tooMany(topologyPath, Object.keys(topology).length, MAX_TOPOLOGY_LABELS));
    appendAll(errors, validateLabels(topology, topologyPath));
    if (Object.hasOwn(topology, LABEL_TOPOLOGY_ZONE)) errors.push(internalError(topologyPath.key(LABEL_TOPOLOGY_ZONE), "reserved key was not removed in conversion"));
    if (typeof endpoint.hostname === "string") appendAll(errors, validateDNS1123Label(endpoint.hostname, indexPath.child("hostname")));
    const hints = obj(endpoint, "hints");
    if (hints) appendAll(errors, validateHints(hints, indexPath.child("hints")));
  });
  return errors;
}

/** validatePorts: names (DNS labels, unique, "" once), protocols (defaulted to TCP), app protocols. */
function validatePorts(ports: JsonRecord[], fldPath: FieldPath): ErrorList {
  if (ports.length > MAX_PORTS) return [tooMany(fldPath, ports.length, MAX_PORTS)];
  const errors: ErrorList = [];
  const names = new Set<string>();
  ports.forEach((port, i) => {
    const indexPath = fldPath.index(i);
    const name = str(port, "name");
    if (name.length > 0) appendAll(errors, validateDNS1123Label(name, indexPath.child("name")));
    if (names.has(name)) errors.push(duplicate(indexPath.child("name"), name));
    else names.add(name);
    if (!isSet(port, "protocol")) errors.push(required(indexPath.child("protocol")));
    else if (!SUPPORTED_PORT_PROTOCOLS.includes(str(port, "protocol"))) errors.push(notSupported(indexPath.child("protocol"), str(port, "protocol"), SUPPORTED_PORT_PROTOCOLS));
    if (typeof port.appProtocol === "string") appendAll(errors, validateQualifiedName(port.appProtocol, indexPath.child("appProtocol")));
  });
  return errors;
}

/** validateAddressType. */
function validateAddressType(slice: JsonRecord): ErrorList {
  const addressType = str(slice, "addressType");
  if (addressType === "") return [required(FieldPath.root("addressType"))];
  return SUPPORTED_ADDRESS_TYPES.includes(addressType) ? [] : [notSupported(FieldPath.root("addressType"), addressType, SUPPORTED_ADDRESS_TYPES)];
}

/** ValidateEndpointSliceCreate, after ObjectMeta. */
export function validateEndpointSlice(slice: JsonRecord, kubernetesVersion: string): ErrorList {
  const addressType = str(slice, "addressType");
  return [
    ...validateAddressType(slice),
    ...validateEndpoints(list(slice, "endpoints"), addressType, FieldPath.root("endpoints"), kubernetesVersion),
    ...validatePorts(list(slice, "ports"), FieldPath.root("ports")),
  ];
}

