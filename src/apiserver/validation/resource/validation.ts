// ValidateResourceClaim, ValidateResourceClaimTemplate and ValidateDeviceClass
// (pkg/apis/resource/validation/validation.go), as on create from 1.34, when
// resource.k8s.io/v1 is served by default: device requests (names, exactly one
// of `exactly` or `firstAvailable`, device class, selectors with their CEL
// compiled, allocation mode and count, tolerations), constraints, opaque
// configuration, and the list limits; a class's selectors, configuration and
// extended resource name. Fields of gates that are off were dropped before.
import { duplicate, invalid, notSupported, required, tooLong, tooMany, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { int, isSet, list, obj, str, strings } from "../core/fields.js";
import { validateDNS1123Label, validateDNS1123Subdomain } from "../core/names.js";
import { validateAnnotations } from "../../apimachinery/objectmeta.js";
import { validateTemplateObjectMeta } from "../core/persistent-volume-claim-template.js";
import { validateCSIDriverName } from "../core/volume-sources.js";
import { validateCELExpression } from "./cel.js";
import { validateDeviceToleration } from "./device-taints.js";
import { isExtendedResourceName } from "../core/resource-names.js";
import { appendAll } from "../../../util/append.js";
import { featureEnabled } from "../../features.js";

/** DeviceRequestsMaxSize (AllocationResultsMaxSize), DeviceConstraintsMaxSize, DeviceConfigMaxSize, DeviceSelectorsMaxSize. */
const MAX_LIST_SIZE = 32;
const FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE = 8;
/** OpaqueParametersMaxLength. */
const OPAQUE_PARAMETERS_MAX_LENGTH = 10 * 1024;
/** DeviceMaxIDLength. */
const DEVICE_MAX_ID_LENGTH = 32;
const REQUEST_REFERENCE = "must be the name of a request in the claim or the name of a request and a subrequest separated by '/'";
const C_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;
const C_IDENTIFIER_ERROR =
  "a valid C identifier must start with alphabetic character or '_', followed by a string of alphanumeric characters or '_' (e.g. 'my_name',  or 'MY_NAME',  or 'MyName', regex used for validation is '[A-Za-z_][A-Za-z0-9_]*')";

/** validateSlice: at most `maxSize` items (the limit alone is reported: a short-circuit against huge lists), each valid. */
export function validateSlice<T>(items: T[], maxSize: number, validateItem: (item: T, fldPath: FieldPath) => ErrorList, fldPath: FieldPath): ErrorList {
  if (items.length > maxSize) return [tooMany(fldPath, items.length, maxSize)];
  return items.flatMap((item, i) => validateItem(item, fldPath.index(i)));
}

/** validateSet: validateSlice, then each key only once (a repeat reported at its item). */
export function validateSet<T>(items: T[], maxSize: number, validateItem: (item: T, fldPath: FieldPath) => ErrorList, key: (item: T) => string, fldPath: FieldPath): ErrorList {
  const errors = validateSlice(items, maxSize, validateItem, fldPath);
  if (items.length > maxSize) return errors;
  const seen = new Set<string>();
  items.forEach((item, i) => {
    if (seen.has(key(item))) errors.push(duplicate(fldPath.index(i), key(item)));
    seen.add(key(item));
  });
  return errors;
}

/** The names of the requests and of their subrequests (gatherRequestNames), and requestNames.Has. */
class RequestNames {
  private readonly names = new Map<string, Set<string> | undefined>();

  constructor(requests: JsonRecord[]) {
    for (const request of requests) {
      const subRequests = list(request, "firstAvailable");
      this.names.set(str(request, "name"), subRequests.length === 0 ? undefined : new Set(subRequests.map((sub) => str(sub, "name"))));
    }
  }

  has(reference: string): boolean {
    const segments = reference.split("/");
    if (segments.length > 2 || !this.names.has(segments[0]!)) return false;
    return segments.length === 1 || this.names.get(segments[0]!)?.has(segments[1]!) === true;
  }
}

/** validateDeviceClass: the class a request names, required and a DNS subdomain. */
function validateDeviceClassReference(className: string, fldPath: FieldPath): ErrorList {
  return className === "" ? [required(fldPath)] : validateDNS1123Subdomain(className, fldPath);
}

/** validateSelector: a CEL selector whose expression compiles. */
function validateSelector(selector: JsonRecord, fldPath: FieldPath): ErrorList {
  const cel = obj(selector, "cel");
  if (!cel) return [required(fldPath.child("cel"))];
  return validateCELExpression(str(cel, "expression"), fldPath.child("cel", "expression"));
}

function validateSelectorSlice(selectors: JsonRecord[], fldPath: FieldPath): ErrorList {
  return validateSlice(selectors, MAX_LIST_SIZE, validateSelector, fldPath);
}

/** validateDeviceAllocationMode: a count only with ExactCount, and then above zero. */
function validateDeviceAllocationMode(request: JsonRecord, fldPath: FieldPath): ErrorList {
  const mode = str(request, "allocationMode");
  const count = int(request, "count") ?? 0;
  if (mode === "All") return count !== 0 ? [invalid(fldPath.child("count"), count, "must not be specified when allocationMode is 'All'")] : [];
  if (mode === "ExactCount") return count <= 0 ? [invalid(fldPath.child("count"), count, "must be greater than zero")] : [];
  return [notSupported(fldPath.child("allocationMode"), mode, ["All", "ExactCount"])];
}

/** validateExactDeviceRequest / validateDeviceSubRequest's common part: class, selectors, allocation, tolerations (dropped before while DRADeviceTaints is off). */
function validateDeviceSelection(request: JsonRecord, fldPath: FieldPath): ErrorList {
  return [
    ...validateDeviceClassReference(str(request, "deviceClassName"), fldPath.child("deviceClassName")),
    ...validateSelectorSlice(list(request, "selectors"), fldPath.child("selectors")),
    ...validateDeviceAllocationMode(request, fldPath),
    ...list(request, "tolerations").flatMap((toleration, i) => validateDeviceToleration(toleration, fldPath.child("tolerations").index(i))),
  ];
}

/** validateDeviceSubRequest: a name (a DNS label), then what an exact request has. */
function validateDeviceSubRequest(subRequest: JsonRecord, fldPath: FieldPath): ErrorList {
  return [...validateDNS1123Label(str(subRequest, "name"), fldPath.child("name")), ...validateDeviceSelection(subRequest, fldPath)];
}

/** validateDeviceRequest: a name (a DNS label), and exactly one of `exactly` or `firstAvailable`. */
function validateDeviceRequest(request: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors = validateDNS1123Label(str(request, "name"), fldPath.child("name"));
  const firstAvailable = list(request, "firstAvailable");
  const exactly = obj(request, "exactly");
  if (firstAvailable.length === 0 && !exactly) errors.push(required(fldPath, "exactly one of `exactly` or `firstAvailable` is required"));
  // field.Invalid with a nil value prints "null".
  else if (firstAvailable.length > 0 && exactly) errors.push(invalid(fldPath, "null", "exactly one of `exactly` or `firstAvailable` is required, but multiple fields are set"));
  else if (exactly) appendAll(errors, validateDeviceSelection(exactly, fldPath.child("exactly")));
  else appendAll(errors, validateSet(firstAvailable, FIRST_AVAILABLE_DEVICE_REQUEST_MAX_SIZE, validateDeviceSubRequest, (sub) => str(sub, "name"), fldPath.child("firstAvailable")));
  return errors;
}

/** validateRequestNameRef: `request` or `request/subrequest`, DNS labels, naming one of the claim's. */
function validateRequestNameRef(reference: string, fldPath: FieldPath, requestNames: RequestNames): ErrorList {
  const segments = reference.split("/");
  if (segments.length > 2) return [invalid(fldPath, reference, REQUEST_REFERENCE)];
  const errors = segments.flatMap((segment) => validateDNS1123Label(segment, fldPath));
  if (!requestNames.has(reference)) errors.push(invalid(fldPath, reference, REQUEST_REFERENCE));
  return errors;
}

function validateRequestNameRefs(references: string[], fldPath: FieldPath, requestNames: RequestNames): ErrorList {
  return validateSet(references, MAX_LIST_SIZE, (reference, path) => validateRequestNameRef(reference, path, requestNames), (reference) => reference, fldPath);
}

/** validateCIdentifier: at most 32 bytes, a C identifier. */
function validateCIdentifier(id: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (Buffer.byteLength(id) > DEVICE_MAX_ID_LENGTH) errors.push(tooLong(fldPath, "", DEVICE_MAX_ID_LENGTH));
  if (!C_IDENTIFIER.test(id)) errors.push(invalid(fldPath, id, C_IDENTIFIER_ERROR));
  return errors;
}

/** validateQualifiedName (an attribute name): an identifier, or a driver-name domain and an identifier. */
export function validateAttributeQualifiedName(name: string, fldPath: FieldPath): ErrorList {
  const parts = name.split("/");
  if (parts.length === 1) return validateCIdentifier(name, fldPath);
  if (parts.length > 2) return [invalid(fldPath, name, "must not contain more than one slash")];
  const [domain, id] = parts as [string, string];
  return [
    ...(domain === "" ? [invalid(fldPath, "", "the domain must not be empty")] : validateCSIDriverName(domain, fldPath)),
    ...(id === "" ? [invalid(fldPath, "", "the name must not be empty")] : validateCIdentifier(id, fldPath)),
  ];
}

/** validateFullyQualifiedName: a qualified name that has its domain. */
export function validateFullyQualifiedName(name: string, fldPath: FieldPath): ErrorList {
  const errors = validateAttributeQualifiedName(name, fldPath);
  if (!name.includes("/")) errors.push(invalid(fldPath, name, "a fully qualified name must be a domain and a name separated by a slash"));
  return errors;
}

/**
 * validateDeviceConstraint: the requests it covers, and the attribute to match
 * (or, with DRAConsumableCapacity, to tell devices apart; without the gate
 * `distinctAttribute` is dropped before).
 */
function validateDeviceConstraint(constraint: JsonRecord, fldPath: FieldPath, requestNames: RequestNames, kubernetesVersion: string): ErrorList {
  const errors = validateRequestNameRefs(strings(constraint, "requests"), fldPath.child("requests"), requestNames);
  if (isSet(constraint, "matchAttribute")) appendAll(errors, validateFullyQualifiedName(str(constraint, "matchAttribute"), fldPath.child("matchAttribute")));
  else if (isSet(constraint, "distinctAttribute")) appendAll(errors, validateFullyQualifiedName(str(constraint, "distinctAttribute"), fldPath.child("distinctAttribute")));
  // Upstream's words, "multiple fields are set" included, for a constraint with neither.
  else if (featureEnabled("DRAConsumableCapacity", kubernetesVersion)) errors.push(required(fldPath, 'exactly one of "matchAttribute" or "distinctAttribute" is required, but multiple fields are set'));
  else errors.push(required(fldPath.child("matchAttribute")));
  return errors;
}

/** validateRawExtension of opaque parameters: present, at most 10 KiB of JSON, a JSON object. */
function validateRawExtension(parameters: unknown, fldPath: FieldPath): ErrorList {
  if (parameters === undefined || parameters === null) return [required(fldPath)];
  if (Buffer.byteLength(JSON.stringify(parameters)) > OPAQUE_PARAMETERS_MAX_LENGTH) return [tooLong(fldPath, "", OPAQUE_PARAMETERS_MAX_LENGTH)];
  return isRecord(parameters) ? [] : [invalid(fldPath, "<value omitted>", "must be a valid JSON object")];
}

/** validateDeviceConfiguration: an opaque configuration, its driver and parameters. */
function validateDeviceConfiguration(config: JsonRecord, fldPath: FieldPath): ErrorList {
  const opaque = obj(config, "opaque");
  if (!opaque) return [required(fldPath.child("opaque"))];
  return [...validateCSIDriverName(str(opaque, "driver"), fldPath.child("opaque", "driver")), ...validateRawExtension(opaque.parameters, fldPath.child("opaque", "parameters"))];
}

/** validateDeviceClaim: requests (unique names), constraints and configuration. */
function validateDeviceClaim(devices: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const requests = list(devices, "requests");
  const requestNames = new RequestNames(requests);
  return [
    ...validateSet(requests, MAX_LIST_SIZE, validateDeviceRequest, (request) => str(request, "name"), fldPath.child("requests")),
    ...validateSlice(list(devices, "constraints"), MAX_LIST_SIZE, (constraint, path) => validateDeviceConstraint(constraint, path, requestNames, kubernetesVersion), fldPath.child("constraints")),
    ...validateSlice(
      list(devices, "config"),
      MAX_LIST_SIZE,
      (config, path) => [...validateRequestNameRefs(strings(config, "requests"), path.child("requests"), requestNames), ...validateDeviceConfiguration(config, path)],
      fldPath.child("config"),
    ),
  ];
}

/** validateResourceClaimSpec. */
function validateResourceClaimSpec(spec: JsonRecord, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  return validateDeviceClaim(obj(spec, "devices") ?? {}, fldPath.child("devices"), kubernetesVersion);
}

/** ValidateResourceClaim, after ObjectMeta. */
export function validateResourceClaim(claim: JsonRecord, kubernetesVersion: string): ErrorList {
  return validateResourceClaimSpec(obj(claim, "spec") ?? {}, FieldPath.root("spec"), kubernetesVersion);
}

/** ValidateResourceClaimTemplate, after ObjectMeta: the template's metadata (ValidateTemplateObjectMeta: annotations, labels, nothing else), and its claim spec. */
export function validateResourceClaimTemplate(template: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(template, "spec") ?? {};
  const fldPath = FieldPath.root("spec");
  const metadata = obj(spec, "metadata") ?? {};
  return [
    ...validateAnnotations(metadata.annotations, fldPath.child("metadata", "annotations")),
    ...validateTemplateObjectMeta(metadata, fldPath.child("metadata")),
    ...validateResourceClaimSpec(obj(spec, "spec") ?? {}, fldPath.child("spec"), kubernetesVersion),
  ];
}

/** ValidateDeviceClass, after ObjectMeta: selectors, configuration, the extended resource name (dropped before while DRAExtendedResource is off). */
export function validateDeviceClass(deviceClass: JsonRecord): ErrorList {
  const spec = obj(deviceClass, "spec") ?? {};
  const fldPath = FieldPath.root("spec");
  return [
    ...validateSelectorSlice(list(spec, "selectors"), fldPath.child("selectors")),
    ...validateSlice(list(spec, "config"), MAX_LIST_SIZE, validateDeviceConfiguration, fldPath.child("config")),
    ...validateExtendedResourceName(spec, fldPath.child("extendedResourceName")),
  ];
}

function validateExtendedResourceName(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  if (!isSet(spec, "extendedResourceName")) return [];
  const name = str(spec, "extendedResourceName");
  return isExtendedResourceName(name) ? [] : [invalid(fldPath, name, "must be a valid extended resource name")];
}
