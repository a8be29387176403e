// Endpoints validation on create (pkg/apis/core/validation/validation.go:
// ValidateEndpointsCreate, validateEndpointSubsets, validateEndpointAddress,
// validateEndpointPort), and the warnings of the strategy.
import { getWarningsForIP } from "../../apimachinery/ip.js";
import { isLabelKey, isValidPortNum } from "../../apimachinery/validation.js";
import { invalid, notSupported, required, type ErrorList, type FieldWarning } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { validateDNS1123Label } from "./names.js";
import { int, isSet, list, str } from "./fields.js";
import { isValidIPForLegacyField, validateNonSpecialIP } from "./ip.js";
import { validateEndpointsName, validateNodeName, validateObjectMeta } from "./object-meta.js";
import { atLeast } from "../../../util/release.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

const SUPPORTED_PORT_PROTOCOLS = ["SCTP", "TCP", "UDP"];

function validateEndpointAddress(address: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const ip = str(address, "ip");
  const errors = isValidIPForLegacyField(fldPath.child("ip"), ip, kubernetesVersion);
  const hostname = str(address, "hostname");
  if (hostname.length > 0) appendAll(errors, validateDNS1123Label(hostname, fldPath.child("hostname")));
  if (isSet(address, "nodeName")) {
    const nodeName = str(address, "nodeName");
    appendAll(errors, validateNodeName(nodeName, false).map((message) => invalid(fldPath.child("nodeName"), nodeName, message)));
  }
  appendAll(errors, validateNonSpecialIP(ip, fldPath.child("ip")));
  return errors;
}

function validateEndpointPort(port: JsonRecord, requireName: boolean, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const name = str(port, "name");
  if (requireName && name.length === 0) errors.push(required(fldPath.child("name")));
  else if (name.length !== 0) appendAll(errors, validateDNS1123Label(name, fldPath.child("name")));
  const number = int(port, "port") ?? 0;
  appendAll(errors, isValidPortNum(number).map((message) => invalid(fldPath.child("port"), number, message)));
  const protocol = str(port, "protocol");
  if (protocol.length === 0) errors.push(required(fldPath.child("protocol")));
  else if (!SUPPORTED_PORT_PROTOCOLS.includes(protocol)) errors.push(notSupported(fldPath.child("protocol"), protocol, SUPPORTED_PORT_PROTOCOLS));
  if (isSet(port, "appProtocol")) {
    const appProtocol = str(port, "appProtocol");
    appendAll(errors, isLabelKey(appProtocol).map((message) => withLabelContentWords(invalid(fldPath.child("appProtocol"), appProtocol, message))));
  }
  return errors;
}

function validateEndpointSubsets(subsets: JsonRecord[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  subsets.forEach((subset, i) => {
    const path = fldPath.index(i);
    const addresses = list(subset, "addresses");
    const notReadyAddresses = list(subset, "notReadyAddresses");
    // A headless Service's endpoints may have no ports, but every subset needs an address.
    if (addresses.length === 0 && notReadyAddresses.length === 0) errors.push(required(path, "must specify `addresses` or `notReadyAddresses`"));
    addresses.forEach((address, j) => appendAll(errors, validateEndpointAddress(address, path.child("addresses").index(j), kubernetesVersion)));
    notReadyAddresses.forEach((address, j) => appendAll(errors, validateEndpointAddress(address, path.child("notReadyAddresses").index(j), kubernetesVersion)));
    const ports = list(subset, "ports");
    ports.forEach((port, j) => appendAll(errors, validateEndpointPort(port, ports.length > 1, path.child("ports").index(j))));
  });
  return errors;
}

/** ValidateEndpointsCreate. */
export function validateEndpointsCreate(endpoints: JsonRecord, kubernetesVersion: string): ErrorList {
  const errors = validateObjectMeta(endpoints.metadata, true, validateEndpointsName, FieldPath.root("metadata"), kubernetesVersion);
  appendAll(errors, validateEndpointSubsets(list(endpoints, "subsets"), FieldPath.root("subsets"), kubernetesVersion));
  return errors;
}

/** endpointsWarnings (since 1.33): addresses in forms that will not be accepted one day. */
export function endpointsWarnings(endpoints: JsonRecord, kubernetesVersion: string): FieldWarning[] {
  if (!atLeast(kubernetesVersion, "1.33")) return [];
  const warnings: FieldWarning[] = [];
  list(endpoints, "subsets").forEach((subset, i) => {
    for (const key of ["addresses", "notReadyAddresses"]) {
      list(subset, key).forEach((address, j) => {
        const at = FieldPath.root("subsets").index(i).child(key).index(j).child("ip");
        appendAll(warnings, getWarningsForIP(at, str(address, "ip"), kubernetesVersion).map((message) => ({ message, at })));
      });
    }
  });
  return warnings;
}
