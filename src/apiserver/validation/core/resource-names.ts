// Resource names of container requests and limits (core validation's
// validateContainerResourceName and the helpers it calls), with
// kube-apiserver's messages.
import { isLabelKey } from "../../apimachinery/validation.js";
import { goJson, goQuote } from "../../field/values.js";

/** helper.standardResources: what a resource name without a domain may be. */
const STANDARD_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "storage",
  "requests.storage",
  "services.nodeports",
  "services.loadbalancers",
]);

/** helper.standardContainerResources (plus hugepages-<size>). */
export const CONTAINER_RESOURCES: readonly string[] = ["cpu", "memory", "ephemeral-storage"];

/** helper.IsStandardResourceName. */
function isStandardResourceName(name: string): boolean {
  return STANDARD_RESOURCES.has(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-");
}

function isStandardContainerResourceName(name: string): boolean {
  return CONTAINER_RESOURCES.includes(name) || name.startsWith("hugepages-");
}

/** helper.IsNativeResource: no domain, or a kubernetes.io one. */
export function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

/** helper.IsExtendedResourceName: a domain-prefixed name that is still a qualified name as a quota name. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith("requests.")) return false;
  return isLabelKey(`requests.${name}`).length === 0;
}

/** validateContainerResourceName: the details of every error, in upstream's order. */
export function containerResourceNameDetails(name: string): string[] {
  const details = resourceNameDetails(name);
  const hasDomain = name.includes("/");
  if (!hasDomain) {
    if (!isStandardContainerResourceName(name)) details.push("must be a standard resource for containers");
  } else if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    details.push("doesn't follow extended resource name standard");
  }
  return details;
}

function minorVersion(kubernetesVersion: string): number {
  const match = /^v?1\.(\d+)/.exec(kubernetesVersion);
  return match ? Number(match[1]) : Number.MAX_SAFE_INTEGER;
}

/**
 * A resource name as a bad value. Since 1.32 validation passes it as a
 * core.ResourceName, which 1.32 and 1.33 print through its String() (no
 * quotes); before, it was a plain string, and from 1.34 values print as JSON.
 */
export function resourceNameValue(name: string, kubernetesVersion: string): string {
  const minor = minorVersion(kubernetesVersion);
  if (minor === 32 || minor === 33) return name;
  return minor >= 34 ? goJson(name) : goQuote(name);
}

/** helper.standardQuotaResources: what the quota system tracks. */
const STANDARD_QUOTA_RESOURCES = new Set([
  "cpu",
  "memory",
  "ephemeral-storage",
  "requests.cpu",
  "requests.memory",
  "requests.storage",
  "requests.ephemeral-storage",
  "limits.cpu",
  "limits.memory",
  "limits.ephemeral-storage",
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "persistentvolumeclaims",
  "configmaps",
  "services.nodeports",
  "services.loadbalancers",
]);

/** helper.IsStandardQuotaResourceName (huge pages, requested or not, included). */
export function isStandardQuotaResourceName(name: string): boolean {
  return STANDARD_QUOTA_RESOURCES.has(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-");
}

/** validateResourceName: the details of every error (a qualified name; a standard one when it has no domain). */
export function resourceNameDetails(name: string): string[] {
  const qualified = isLabelKey(name);
  if (qualified.length > 0) return qualified;
  return !name.includes("/") && !isStandardResourceName(name) ? ["must be a standard resource type or fully qualified"] : [];
}

/** ValidateResourceQuotaResourceName: a resource name the quota system tracks. */
export function resourceQuotaResourceNameDetails(name: string): string[] {
  const details = resourceNameDetails(name);
  if (!name.includes("/") && !isStandardQuotaResourceName(name)) details.push("must be a standard resource for quota");
  return details;
}

/** helper.IsHugePageResourceName. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith("hugepages-");
}

/** helper.IsOvercommitAllowed: native resources but huge pages. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

/** helper.integerResources: counted objects of a quota. */
const INTEGER_RESOURCES = new Set([
  "pods",
  "resourcequotas",
  "services",
  "replicationcontrollers",
  "secrets",
  "configmaps",
  "persistentvolumeclaims",
  "services.nodeports",
  "services.loadbalancers",
]);

/** helper.IsIntegerResourceName: extended resources and counted objects come in whole units. */
export function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}
