// Resource requirements of containers, of the pod, and the pod's overhead
// (ValidateContainerResourceRequirements, validateResourceRequirements,
// validateResourceClaimNames, validatePodResources, validateOverhead).
import { aggregateContainerLimits, aggregateContainerRequests } from "../../../admission/pod-resources.js";
import { duplicate, forbidden, invalid, notFound, notSupported, PrintedValue, required, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { goJson, rendersCompositeAsJson } from "../../field/values.js";
import { validateDNS1123Label } from "./names.js";
import { list, obj, str } from "./fields.js";
import type { PodValidationOptions } from "./pod-options.js";
import { CONTAINER_RESOURCES, containerResourceNameDetails, isHugePageResourceName, isIntegerResourceName, isOvercommitAllowed, resourceNameDetails, resourceNameValue } from "./resource-names.js";
import { isRecord, type JsonRecord } from "../../../util/object-access.js";
import { nearest } from "../../../util/suggest.js";
import { compareQuantities, formatQuantity, milliValue, parseQuantity, type Quantity } from "../../../util/quantity.js";
import { appendAll } from "../../../util/append.js";
import { withLabelContentWords } from "../../field/release-details.js";

/** A ResourceList as Go decodes it: quantities by name, in the manifest's order; values that are not quantities left to the schema layer. */
export function resourceList(value: unknown): Map<string, Quantity> {
  const out = new Map<string, Quantity>();
  if (!isRecord(value)) return out;
  for (const [name, raw] of Object.entries(value)) {
    const quantity = typeof raw === "string" || typeof raw === "number" ? parseQuantity(raw) : undefined;
    if (quantity) out.set(name, quantity);
  }
  return out;
}

/** A quantity with a fraction of a byte, printed canonically; undefined otherwise. */
export function fractionalBytes(value: unknown): string | undefined {
  const quantity = typeof value === "string" || typeof value === "number" ? parseQuantity(value) : undefined;
  return quantity && milliValue(quantity) % 1000n !== 0n ? formatQuantity(quantity) : undefined;
}

/** A resource.Quantity bad value: printed through JSON, as a string. */
export function quantityValue(quantity: Quantity, kubernetesVersion: string): PrintedValue | string {
  const text = formatQuantity(quantity);
  return rendersCompositeAsJson(kubernetesVersion) ? new PrintedValue(goJson(text)) : text;
}

type ResourceNameFn = (name: string, fldPath: FieldPath, opts: PodValidationOptions) => ErrorList;

const SUGGESTED_RESOURCES = [...CONTAINER_RESOURCES, "hugepages-2Mi", "hugepages-1Gi"];

/** The resource meant: `limits.cpu` written inside `limits` means `cpu`; else the nearest known name. */
function resourceNameSuggestion(name: string): string | undefined {
  const unprefixed = name.replace(/^(requests|limits)\./, "");
  if (unprefixed !== name && CONTAINER_RESOURCES.includes(unprefixed)) return unprefixed;
  return nearest(name, SUGGESTED_RESOURCES);
}

/** validateContainerResourceName. */
function validateContainerResourceName(name: string, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const details = containerResourceNameDetails(name);
  if (details.length === 0) return [];
  const shown = new PrintedValue(resourceNameValue(name, opts.kubernetesVersion));
  const suggestion = resourceNameSuggestion(name);
  return details.map((detail) => ({ ...withLabelContentWords(invalid(fldPath, shown, detail)), ...(suggestion ? { suggestion } : {}) }));
}

/** resource.SupportedPodLevelResources, as upstream lists them (hugepages by their prefix). */
const POD_LEVEL_RESOURCES = ["cpu", "hugepages-", "memory"];
/** What counts as cpu or memory for "HugePages require cpu or memory". */
const QOS_COMPUTE_RESOURCES = ["cpu", "memory"];

/** validatePodResourceName: a valid resource name (validateResourceName), and one pods may set: cpu, memory or hugepages. */
function validatePodResourceName(name: string, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const details = resourceNameDetails(name);
  if (details.length > 0) {
    const shown = new PrintedValue(resourceNameValue(name, opts.kubernetesVersion));
    return details.map((detail) => withLabelContentWords(invalid(fldPath, shown, detail)));
  }
  return name === "cpu" || name === "memory" || isHugePageResourceName(name) ? [] : [notSupported(fldPath, name, POD_LEVEL_RESOURCES)];
}

/** ValidateResourceQuantityValue (with ValidateNonnegativeQuantity): not negative; whole units for counted and extended resources. */
export function validateResourceQuantityValue(name: string, quantity: Quantity, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  if (quantity.nanos < 0n) errors.push(invalid(fldPath, formatQuantity(quantity), "must be greater than or equal to 0"));
  if (isIntegerResourceName(name) && quantity.nanos % 1_000_000_000n !== 0n) {
    errors.push(invalid(fldPath, quantityValue(quantity, kubernetesVersion), "must be an integer"));
  }
  return errors;
}

/** The page size of `hugepages-<size>`, in bytes; undefined when the size does not parse. */
function hugePageSize(name: string): bigint | undefined {
  const size = parseQuantity(name.slice("hugepages-".length));
  if (!size) return undefined;
  return size.nanos / 1_000_000_000n;
}

/** validateResourceQuantityHugePageValue: a whole number of pages. */
function validateResourceQuantityHugePageValue(name: string, quantity: Quantity, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  if (opts.allowIndivisibleHugePagesValues) return [];
  const pageSize = hugePageSize(name);
  const bytes = quantity.nanos / 1_000_000_000n;
  if (pageSize === undefined || pageSize <= 0n || bytes % pageSize === 0n) return [];
  const text = formatQuantity(quantity);
  return [invalid(fldPath, text, `${text} is not positive integer multiple of ${name}`)];
}

/** validateResourceClaimNames: each claim named once and declared in the pod's resourceClaims. */
function validateResourceClaimNames(claims: JsonRecord[], podClaimNames: ReadonlySet<string>, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  claims.forEach((claim, i) => {
    const name = str(claim, "name");
    const request = str(claim, "request");
    if (name === "") {
      errors.push(required(fldPath.index(i)));
      return;
    }
    if (names.has(name)) {
      errors.push(duplicate(fldPath.index(i), name));
    } else {
      let key = name;
      if (request !== "") {
        appendAll(errors, validateDNS1123Label(request, fldPath.index(i).child("request")));
        key += "/" + request;
      }
      if (names.has(key)) errors.push(duplicate(fldPath.index(i), key));
      else if (request === "") {
        for (const seen of names) if (seen.includes("/") && seen.slice(0, seen.indexOf("/")) === name) errors.push(duplicate(fldPath.index(i), name));
      }
      names.add(key);
    }
    if (!podClaimNames.has(name)) {
      const known = [...podClaimNames].sort();
      const detail = "must be one of the names in pod.spec.resourceClaims" + (known.length === 0 ? " which is empty" : ": " + known.join(", "));
      errors.push({ ...notFound(fldPath.index(i), name), detail });
    }
  });
  return errors;
}

/** validateResourceRequirements: names, quantities, requests within limits, huge pages with cpu or memory. */
function validateResourceRequirements(requirements: JsonRecord, nameFn: ResourceNameFn, podClaimNames: ReadonlySet<string>, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: FieldError[] = [];
  const limPath = fldPath.child("limits");
  const reqPath = fldPath.child("requests");
  const limits = resourceList(requirements.limits);
  const requests = resourceList(requirements.requests);
  let cpuOrMemory = false;
  let hugePages = false;
  for (const [name, quantity] of limits) {
    const path = limPath.key(name);
    appendAll(errors, nameFn(name, path, opts));
    appendAll(errors, validateResourceQuantityValue(name, quantity, path, opts.kubernetesVersion));
    if (isHugePageResourceName(name)) {
      hugePages = true;
      appendAll(errors, validateResourceQuantityHugePageValue(name, quantity, path, opts));
    }
    if (QOS_COMPUTE_RESOURCES.includes(name)) cpuOrMemory = true;
  }
  for (const [name, quantity] of requests) {
    const path = reqPath.key(name);
    appendAll(errors, nameFn(name, path, opts));
    appendAll(errors, validateResourceQuantityValue(name, quantity, path, opts.kubernetesVersion));
    const limit = limits.get(name);
    if (limit) {
      if (compareQuantities(quantity, limit) !== 0 && !isOvercommitAllowed(name)) {
        errors.push(invalid(reqPath, formatQuantity(quantity), `must be equal to ${name} limit of ${formatQuantity(limit)}`));
      } else if (compareQuantities(quantity, limit) > 0) {
        errors.push(invalid(reqPath, formatQuantity(quantity), `must be less than or equal to ${name} limit of ${formatQuantity(limit)}`));
      }
    } else if (!isOvercommitAllowed(name)) {
      errors.push(required(limPath, "Limit must be set for non overcommitable resources"));
    }
    if (isHugePageResourceName(name)) {
      hugePages = true;
      appendAll(errors, validateResourceQuantityHugePageValue(name, quantity, path, opts));
    }
    if (QOS_COMPUTE_RESOURCES.includes(name)) cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errors.push(forbidden(fldPath, "HugePages require cpu or memory"));
  appendAll(errors, validateResourceClaimNames(list(requirements, "claims"), podClaimNames, fldPath.child("claims")));
  return errors;
}

/** ValidateContainerResourceRequirements. */
export function validateContainerResourceRequirements(requirements: JsonRecord, podClaimNames: ReadonlySet<string>, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  return validateResourceRequirements(requirements, validateContainerResourceName, podClaimNames, fldPath, opts);
}

/** validateOverhead: the overhead checked as a container's limits. */
export function validateOverhead(overhead: unknown, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  return validateContainerResourceRequirements({ limits: overhead }, new Set(), fldPath, opts);
}

/**
 * validatePodResourceConsistency: pod-level requests cover what the containers
 * request, pod-level hugepage limits what they limit, and no container's limit
 * is above the pod's. Only resources set at the pod level are compared.
 */
function validatePodResourceConsistency(spec: JsonRecord, resources: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const podRequests = resourceList(resources.requests);
  const podLimits = resourceList(resources.limits);
  for (const [name, containerRequests] of aggregateContainerRequests({ spec })) {
    const podRequest = podRequests.get(name);
    if (podRequest && compareQuantities(containerRequests, podRequest) > 0) {
      errors.push(invalid(fldPath.child("requests").key(name), formatQuantity(podRequest), `must be greater than or equal to aggregate container requests of ${formatQuantity(containerRequests)}`));
    }
  }
  // Hugepages cannot be overcommitted: the pod's limit must hold every container's.
  for (const [name, containerLimits] of aggregateContainerLimits({ spec })) {
    const podLimit = podLimits.get(name);
    if (isHugePageResourceName(name) && podLimit && compareQuantities(containerLimits, podLimit) > 0) {
      errors.push(invalid(fldPath.child("limits").key(name), formatQuantity(podLimit), `must be greater than or equal to aggregate container limits of ${formatQuantity(containerLimits)}`));
    }
  }
  list(spec, "containers").forEach((container, i) => {
    for (const [name, limit] of resourceList(obj(obj(container, "resources"), "limits"))) {
      const podLimit = podLimits.get(name);
      if (podLimit && compareQuantities(limit, podLimit) > 0) {
        // Upstream's path: spec.resources.containers[i][name].limits.
        const path = fldPath.child("containers").index(i).key(name).child("limits");
        errors.push(invalid(path, formatQuantity(limit), `must be less than or equal to pod limits of ${formatQuantity(podLimit)}`));
      }
    }
  });
  return errors;
}

/** validatePodResources: pod-level requests and limits (PodLevelResources); a Windows pod may not set them. */
export function validatePodResources(spec: JsonRecord, podClaimNames: ReadonlySet<string>, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const resources = obj(spec, "resources");
  if (!resources) return [];
  // Only this error for a Windows pod: the rest would be about a field it may not set.
  if (str(obj(spec, "os"), "name") === "windows") return [forbidden(fldPath, "may not be set for a windows pod")];
  const errors: ErrorList = [];
  if (resources.claims !== undefined && resources.claims !== null) errors.push(forbidden(fldPath.child("claims"), "claims may not be set for Resources at pod-level"));
  appendAll(errors, validateResourceRequirements(resources, validatePodResourceName, podClaimNames, fldPath, opts));
  appendAll(errors, validatePodResourceConsistency(spec, resources, fldPath));
  return errors;
}
