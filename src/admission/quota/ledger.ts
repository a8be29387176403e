// The quotas of each namespace as the plan goes: hard limits, usage from the
// snapshot (status.used, or recomputed from its objects), and what every
// admitted object adds (k8s.io/apiserver/.../resourcequota/controller.go CheckRequest).
import type { ClusterSnapshot } from "../../cluster/snapshot.js";
import type { KubeObject, ManifestDocument } from "../../types.js";
import { dig, stringOf } from "../../util/object-access.js";
import {
  addLists, exceededResources, mask, parseResourceList, prettyPrint, removeZeros, sortedNames,
  subtractListsNonNegative, type ResourceList,
} from "../resource-list.js";
import type { ResourceName } from "../resource-names.js";
import { evaluatorFor, type Evaluator } from "./evaluators.js";
import { scopeRequirementsOf, type ScopeRequirement } from "./scopes.js";
import { compareStrings } from "../../util/order.js";

export interface QuotaTracker {
  name: string;
  namespace: string;
  source: "cluster" | "input";
  document?: ManifestDocument;
  hard: ResourceList;
  /** Usage when the plan starts (or when an input quota is created). */
  before: ResourceList;
  used: ResourceList;
  scopes: ScopeRequirement[];
}

export interface QuotaRequest {
  operation: "create" | "update";
  object: KubeObject;
  /** The cluster's copy, on update. */
  oldObject?: KubeObject;
  evaluator: Evaluator;
}

export type QuotaDecision =
  | { allowed: false; reason: string; /** The resources at fault, to point at the manifest. */ resources: string[] }
  | { allowed: true; commit: () => void };

const ALLOWED: QuotaDecision = { allowed: true, commit: () => {} };

/** generic.Matches: the quota limits at least one resource of the evaluator, and every scope matches. */
export function quotaMatches(tracker: QuotaTracker, evaluator: Evaluator, object: KubeObject): boolean {
  if (evaluator.matchingResources([...tracker.hard.keys()]).length === 0) return false;
  return tracker.scopes.every((scope) => evaluator.matchesScope(scope, object));
}

function byName(a: QuotaTracker, b: QuotaTracker): number {
  return compareStrings(a.name, b.name);
}

/** The per-request check; on success `commit` records the new usage in every charged quota. */
export function checkQuotas(trackers: readonly QuotaTracker[], request: QuotaRequest): QuotaDecision {
  const { evaluator, object } = request;
  if (!evaluator.handles(request.operation)) return ALLOWED;
  const interesting: QuotaTracker[] = [];
  for (const tracker of trackers) {
    if (!quotaMatches(tracker, evaluator, object)) continue;
    const failure = evaluator.constraints(evaluator.matchingResources([...tracker.hard.keys()]), object);
    if (failure) return { allowed: false, reason: `failed quota: ${tracker.name}: ${failure}`, resources: [...tracker.hard.keys()] };
    interesting.push(tracker);
  }
  if (interesting.length === 0) return ALLOWED;
  const inputUsage = evaluator.usage(object);
  const negative = [...inputUsage].filter(([, q]) => q.nanos < 0n).map(([name]) => name);
  if (negative.length > 0) {
    return { allowed: false, reason: `quota usage is negative for resource(s): ${sortedNames(negative).join(",")}`, resources: negative };
  }
  const updates: [QuotaTracker, ResourceList][] = [];
  for (const tracker of interesting) {
    let delta = inputUsage;
    const old = request.oldObject;
    if (request.operation === "update" && old && quotaMatches(tracker, evaluator, old)) {
      delta = subtractListsNonNegative(inputUsage, evaluator.usage(old));
    }
    delta = removeZeros(delta);
    if (delta.size === 0) continue;
    const hardNames = [...tracker.hard.keys()];
    const requested = mask(delta, hardNames);
    const newUsage = addLists(tracker.used, requested);
    const exceeded = exceededResources(mask(newUsage, requested.keys()), tracker.hard);
    if (exceeded.length > 0) {
      return {
        allowed: false,
        reason: `exceeded quota: ${tracker.name}, requested: ${prettyPrint(mask(requested, exceeded))}, ` +
          `used: ${prettyPrint(mask(tracker.used, exceeded))}, limited: ${prettyPrint(mask(tracker.hard, exceeded))}`,
        resources: sortedNames(exceeded),
      };
    }
    updates.push([tracker, newUsage]);
  }
  return { allowed: true, commit: () => updates.forEach(([tracker, used]) => (tracker.used = used)) };
}

/** The usage the quota controller would compute for these objects (CalculateUsage). */
function usageOf(tracker: QuotaTracker, objects: readonly KubeObject[], resourceOf: (o: KubeObject) => ResourceName): ResourceList {
  let used: ResourceList = new Map([...tracker.hard.keys()].map((name) => [name, { nanos: 0n, format: "DecimalSI" as const }]));
  const hardNames = [...tracker.hard.keys()];
  for (const object of objects) {
    const evaluator = evaluatorFor(resourceOf(object));
    if (!quotaMatches(tracker, evaluator, object)) continue;
    used = addLists(used, mask(evaluator.usage(object), hardNames));
  }
  return used;
}

/** spec.hard (what the admin asks for; status.hard follows it once the controller syncs). */
function hardOf(quota: KubeObject): ResourceList {
  const spec = parseResourceList(dig(quota, "spec", "hard"));
  return spec.size > 0 ? spec : parseResourceList(dig(quota, "status", "hard"));
}

export class QuotaLedger {
  private readonly byNamespace = new Map<string, QuotaTracker[]>();
  /** Objects the plan created or changed, per namespace (for quotas created later in the plan). */
  private readonly planObjects = new Map<string, KubeObject[]>();
  /** Snapshot pods the plan removed. */
  private readonly removed = new Set<KubeObject>();

  constructor(private readonly snapshot: ClusterSnapshot, private readonly resourceOf: (o: KubeObject) => ResourceName) {}

  /** The quotas of a namespace, sorted by name. */
  trackers(namespace: string): QuotaTracker[] {
    let trackers = this.byNamespace.get(namespace);
    if (!trackers) {
      trackers = this.snapshot.list("ResourceQuota", namespace).map((quota) => this.fromSnapshot(quota, namespace)).sort(byName);
      this.byNamespace.set(namespace, trackers);
    }
    return trackers;
  }

  all(): QuotaTracker[] {
    return [...this.byNamespace.values()].flat().sort((a, b) => compareStrings(a.namespace, b.namespace) || byName(a, b));
  }

  private liveObjects(namespace: string): KubeObject[] {
    const planned = this.planObjects.get(namespace) ?? [];
    const replaced = new Set(planned.map((o) => `${o.kind}/${o.metadata?.name}`));
    const fromSnapshot = this.snapshot.objects.filter(
      (o) => (stringOf(o.metadata?.namespace) || "default") === namespace && !this.removed.has(o) && !replaced.has(`${o.kind}/${o.metadata?.name}`) && o.kind !== "Namespace",
    );
    return [...fromSnapshot, ...planned];
  }

  private fromSnapshot(quota: KubeObject, namespace: string): QuotaTracker {
    const tracker: QuotaTracker = {
      name: stringOf(quota.metadata?.name) ?? "",
      namespace,
      source: "cluster",
      hard: hardOf(quota),
      before: new Map(),
      used: new Map(),
      scopes: scopeRequirementsOf(quota),
    };
    const reported = parseResourceList(dig(quota, "status", "used"));
    const missing = [...tracker.hard.keys()].filter((name) => !reported.has(name));
    const recomputed = missing.length > 0 ? usageOf(tracker, this.liveObjects(namespace), this.resourceOf) : new Map();
    tracker.used = new Map([...tracker.hard.keys()].map((name) => [name, reported.get(name) ?? recomputed.get(name)!]));
    tracker.before = new Map(tracker.used);
    return tracker;
  }

  /** A ResourceQuota of the inputs: its usage is what the controller would count once it syncs. */
  addFromInput(quota: KubeObject, namespace: string, document: ManifestDocument): void {
    const trackers = this.trackers(namespace);
    const name = stringOf(quota.metadata?.name) ?? "";
    const existing = trackers.find((t) => t.name === name);
    const tracker: QuotaTracker = {
      name, namespace, source: existing ? "cluster" : "input", document,
      hard: hardOf(quota), before: new Map(), used: new Map(), scopes: scopeRequirementsOf(quota),
    };
    const counted = usageOf(tracker, this.liveObjects(namespace), this.resourceOf);
    tracker.used = new Map([...tracker.hard.keys()].map((resource) => [resource, existing?.used.get(resource) ?? counted.get(resource)!]));
    tracker.before = existing ? new Map([...tracker.hard.keys()].map((r) => [r, existing.before.get(r) ?? tracker.used.get(r)!])) : new Map(tracker.used);
    const list = trackers.filter((t) => t !== existing);
    list.push(tracker);
    this.byNamespace.set(namespace, list.sort(byName));
  }

  check(namespace: string, request: QuotaRequest): QuotaDecision {
    return checkQuotas(this.trackers(namespace), request);
  }

  /** Records an object the plan created or changed (for quotas that appear later). */
  recordObject(namespace: string, object: KubeObject): void {
    const list = this.planObjects.get(namespace);
    if (list) list.push(object);
    else this.planObjects.set(namespace, [object]);
  }

  /** A snapshot pod the plan deletes: its usage is given back to the quotas that counted it. */
  release(namespace: string, object: KubeObject): void {
    if (this.removed.has(object)) return;
    const trackers = this.trackers(namespace);
    this.removed.add(object);
    const evaluator = evaluatorFor(this.resourceOf(object));
    for (const tracker of trackers) {
      if (!quotaMatches(tracker, evaluator, object)) continue;
      tracker.used = subtractListsNonNegative(tracker.used, mask(evaluator.usage(object), [...tracker.hard.keys()]));
    }
  }
}
