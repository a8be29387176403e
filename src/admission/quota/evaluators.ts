// Quota evaluators: what each kind of object consumes, which quota resources
// it matches, and what it must specify (pkg/quota/v1/evaluator/core and
// k8s.io/apiserver/pkg/quota/v1/generic).
import type { KubeObject } from "../../types.js";
import { dig, recordsOf, stringOf } from "../../util/object-access.js";
import type { Quantity } from "../../util/quantity.js";
import { containerLimits, containerName, containerRequests, containersOf, podLimits, podRequests } from "../pod-resources.js";
import { addLists, cachedQuantity, sortedNames, type ResourceList } from "../resource-list.js";
import type { ResourceName } from "../resource-names.js";
import { matchesScopedValue, podMatchesScope, type ScopeRequirement } from "./scopes.js";
import { lookupTable } from "../../util/lookup-table.js";

export interface Evaluator {
  /** The operations the evaluator charges for. */
  handles(operation: "create" | "update"): boolean;
  matchingResources(names: readonly string[]): string[];
  matchesScope(requirement: ScopeRequirement, object: KubeObject): boolean;
  /** The `must specify ...` reason when the object leaves out a required resource. */
  constraints(required: readonly string[], object: KubeObject): string | undefined;
  usage(object: KubeObject): ResourceList;
}

const ONE: Quantity = { nanos: 1_000_000_000n, format: "DecimalSI" };
const ZERO: Quantity = { nanos: 0n, format: "DecimalSI" };

function count(n: number): Quantity {
  return { nanos: BigInt(n) * 1_000_000_000n, format: "DecimalSI" };
}

/** generic.ObjectCountQuotaResourceNameFor: `count/pods`, `count/deployments.apps`. */
export function objectCountName(resource: ResourceName): string {
  return resource.group ? `count/${resource.resource}.${resource.group}` : `count/${resource.resource}`;
}

// ---------------------------------------------------------------- pods

const POD_RESOURCES = [
  "count/pods", "cpu", "memory", "ephemeral-storage",
  "requests.cpu", "requests.memory", "requests.ephemeral-storage",
  "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods",
];

/** Quota on cpu or memory obliges every container to state them (a historical rule upstream keeps). */
const VALIDATION_SET = new Set(["cpu", "memory", "requests.cpu", "requests.memory", "limits.cpu", "limits.memory"]);

/** helper.IsNativeResource: unprefixed, or in the kubernetes.io namespace. */
function isNativeResource(name: string): boolean {
  return !name.includes("/") || name.includes("kubernetes.io/");
}

function isExtendedResourceName(name: string): boolean {
  return !isNativeResource(name) && !name.startsWith("requests.");
}

/** podComputeUsageHelper: the quota resources a set of requests and limits stands for. */
function computeUsage(requests: ResourceList, limits: ResourceList): ResourceList {
  const usage: ResourceList = new Map([["pods", ONE]]);
  const pair = (resource: string, plain: boolean) => {
    const request = requests.get(resource);
    if (request) {
      if (plain) usage.set(resource, request);
      usage.set(`requests.${resource}`, request);
    }
    const limit = limits.get(resource);
    if (limit) usage.set(`limits.${resource}`, limit);
  };
  pair("cpu", true);
  pair("memory", true);
  pair("ephemeral-storage", true);
  for (const [name, request] of requests) {
    if (name.startsWith("hugepages-")) {
      usage.set(name, request);
      usage.set(`requests.${name}`, request);
    }
    if (isExtendedResourceName(name)) usage.set(`requests.${name}`, request);
  }
  return usage;
}

/** QuotaV1Pod: a pod that has finished is no longer charged for compute resources (its count/pods stays). */
export function isTerminalPodForQuota(pod: KubeObject): boolean {
  const phase = dig(pod, "status", "phase");
  return phase === "Succeeded" || phase === "Failed";
}

export const podEvaluator: Evaluator = {
  handles: (operation) => operation === "create",
  matchingResources(names) {
    return names.filter(
      (name) => POD_RESOURCES.includes(name) || name.startsWith("hugepages-") || name.startsWith("requests.hugepages-") ||
        (!isNativeResource(name) && name.startsWith("requests.")),
    );
  },
  matchesScope: podMatchesScope,
  constraints(required, pod) {
    const requiredSet = required.filter((name) => VALIDATION_SET.has(name));
    if (requiredSet.length === 0) return undefined;
    const missing = new Map<string, Set<string>>();
    for (const ref of containersOf(pod)) {
      const provided = computeUsage(containerRequests(ref.container), containerLimits(ref.container));
      for (const resource of requiredSet) {
        if (provided.has(resource)) continue;
        if (!missing.has(resource)) missing.set(resource, new Set());
        missing.get(resource)!.add(containerName(ref));
      }
    }
    if (missing.size === 0) return undefined;
    const parts = sortedNames(missing.keys()).map((resource) => `${resource} for: ${sortedNames(missing.get(resource)!).join(",")}`);
    return `must specify ${parts.join("; ")}`;
  },
  usage(pod) {
    const result: ResourceList = new Map([["count/pods", ONE]]);
    if (isTerminalPodForQuota(pod)) return result;
    return addLists(result, computeUsage(podRequests(pod), podLimits(pod)));
  },
};

// ---------------------------------------------------------------- services

const SERVICE_RESOURCES = ["count/services", "services", "services.loadbalancers", "services.nodeports"];

function nodePortsOf(service: KubeObject): number {
  const ports = recordsOf(dig(service, "spec", "ports"));
  const type = dig(service, "spec", "type");
  if (type === "NodePort") return ports.length;
  if (type === "LoadBalancer") {
    // With allocateLoadBalancerNodePorts: false only explicit node ports are allocated.
    if (dig(service, "spec", "allocateLoadBalancerNodePorts") === false) return ports.filter((p) => Number(p.nodePort ?? 0) !== 0).length;
    return ports.length;
  }
  return 0;
}

export const serviceEvaluator: Evaluator = {
  handles: () => true,
  matchingResources: (names) => names.filter((name) => SERVICE_RESOURCES.includes(name)),
  matchesScope: () => false,
  constraints: () => undefined,
  usage(service) {
    const isLoadBalancer = dig(service, "spec", "type") === "LoadBalancer";
    return new Map([
      ["count/services", ONE],
      ["services", ONE],
      ["services.loadbalancers", isLoadBalancer ? ONE : ZERO],
      ["services.nodeports", count(nodePortsOf(service))],
    ]);
  },
};

// ---------------------------------------------------------------- persistent volume claims

const STORAGE_CLASS_SUFFIX = ".storageclass.storage.k8s.io/";
const PVC_RESOURCES = ["persistentvolumeclaims", "requests.storage"];

/** storagehelpers.GetPersistentVolumeClaimClass: the beta annotation wins over the field. */
export function claimClassOf(claim: KubeObject): string {
  const annotation = claim.metadata?.annotations?.["volume.beta.kubernetes.io/storage-class"];
  if (typeof annotation === "string") return annotation;
  return stringOf(dig(claim, "spec", "storageClassName")) ?? "";
}

/** Storage is counted in whole bytes, rounded up. */
function wholeBytes(quantity: Quantity): Quantity {
  const remainder = quantity.nanos % 1_000_000_000n;
  return remainder === 0n ? quantity : { nanos: quantity.nanos - remainder + 1_000_000_000n, format: quantity.format };
}

function vacNamesOf(claim: KubeObject): string[] {
  const names = [
    stringOf(dig(claim, "spec", "volumeAttributesClassName")),
    stringOf(dig(claim, "status", "currentVolumeAttributesClassName")),
    stringOf(dig(claim, "status", "modifyVolumeStatus", "targetVolumeAttributesClassName")),
  ].filter((name): name is string => !!name);
  return [...new Set(names)];
}

export const claimEvaluator: Evaluator = {
  handles: () => true,
  matchingResources(names) {
    return names.filter(
      (name) => name === "count/persistentvolumeclaims" || PVC_RESOURCES.includes(name) ||
        PVC_RESOURCES.some((resource) => name.endsWith(STORAGE_CLASS_SUFFIX + resource)),
    );
  },
  matchesScope(requirement, claim) {
    if (requirement.scopeName !== "VolumeAttributesClass") return false;
    const names = vacNamesOf(claim);
    if (requirement.operator === "Exists") return names.length > 0;
    if (names.length === 0) return matchesScopedValue(requirement, undefined);
    return names.some((name) => matchesScopedValue(requirement, name));
  },
  constraints: () => undefined,
  usage(claim) {
    const usage: ResourceList = new Map([["persistentvolumeclaims", ONE], ["count/persistentvolumeclaims", ONE]]);
    const storageClass = claimClassOf(claim);
    if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}persistentvolumeclaims`, ONE);
    const requested = claimStorageUsage(claim);
    if (requested) {
      usage.set("requests.storage", requested);
      if (storageClass) usage.set(`${storageClass}${STORAGE_CLASS_SUFFIX}requests.storage`, requested);
    }
    return usage;
  },
};

/** getStorageUsage: the request, or the allocated size when larger. */
function claimStorageUsage(claim: KubeObject): Quantity | undefined {
  const requests = dig(claim, "spec", "resources", "requests", "storage");
  const allocated = dig(claim, "status", "allocatedResources", "storage");
  const parse = (value: unknown) => (typeof value === "string" || typeof value === "number" ? cachedQuantity(value) : undefined);
  const request = parse(requests);
  if (!request) return undefined;
  const grown = parse(allocated);
  return wholeBytes(grown && grown.nanos > request.nanos ? grown : request);
}

// ---------------------------------------------------------------- object counts

/** Resources counted under a legacy name too (`configmaps` besides `count/configmaps`). */
const LEGACY_ALIASES: Readonly<Record<string, string>> = lookupTable({
  configmaps: "configmaps",
  resourcequotas: "resourcequotas",
  replicationcontrollers: "replicationcontrollers",
  secrets: "secrets",
});

/** generic.NewObjectCountEvaluator: one per group/resource, created on first use. */
export function objectCountEvaluator(resource: ResourceName): Evaluator {
  const countName = objectCountName(resource);
  const alias = resource.group === "" ? LEGACY_ALIASES[resource.resource] : undefined;
  return {
    handles: (operation) => operation === "create",
    matchingResources: (names) => names.filter((name) => name === countName || (alias !== undefined && name === alias)),
    matchesScope: () => false,
    constraints: () => undefined,
    usage() {
      const usage: ResourceList = new Map([[countName, ONE]]);
      if (alias) usage.set(alias, ONE);
      return usage;
    },
  };
}

/** The evaluator for an object of this resource. */
export function evaluatorFor(resource: ResourceName): Evaluator {
  if (resource.group === "") {
    if (resource.resource === "pods") return podEvaluator;
    if (resource.resource === "services") return serviceEvaluator;
    if (resource.resource === "persistentvolumeclaims") return claimEvaluator;
  }
  return objectCountEvaluator(resource);
}
