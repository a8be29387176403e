// The diff stage of `kubeplan plan`: what the manifests want against what the
// cluster snapshot has, as a change plan in application order.
import type { KubeObject, ManifestDocument } from "../types.js";
import { planCreate, planDelete, planUpdate, type CompareContext, type Identity } from "./compare.js";
import { Scope } from "./identity.js";
import { applicationOrder } from "./order.js";
import { fieldManagerOf, type ApplyOptions } from "./apply-mode.js";
import { addConsequences, autoscalerConflictNote, type Planned } from "./consequences.js";
import { autoscalerTargets } from "./owned-fields.js";
import { pruneCandidates } from "./prune.js";
import { loadKindSchema } from "../schema/index.js";
import { crdSchemas, shapeFromSchema, shapeResolver } from "./shape/index.js";
import type { Change, ChangeCounts, ChangePlan, MergeKeyLookup } from "./types.js";
import { isRecord, nameOf } from "../util/object-access.js";
import { isSecretKind } from "../util/secret-values.js";
import { appendAll } from "../util/append.js";

export type * from "./types.js";
export { shapeFromSchema, fallbackShape, crdShapes, type RefResolver } from "./shape/index.js";
export { SERVER_SET_FIELDS, SERVER_SET_ANNOTATIONS } from "./server-fields.js";
export { parseLabelSelector } from "./prune.js";
export { deploymentRollingUpdate, scaledValue } from "./rollout.js";
export { changeToJson, type ChangeJson } from "./json.js";
export { APPLY_MODES, type ApplyMode, type ApplyOptions } from "./apply-mode.js";

export interface DesiredObject {
  /** The object as the API server would receive it (after admission mutations such as LimitRange defaults). */
  object: KubeObject;
  document?: ManifestDocument;
  /** Admission would deny it: the API server's message. */
  denied?: string;
  /**
   * The exact state a command writes (a scale, a patch), not a manifest to
   * apply: compared with the stored object as it is, no merge, no field owners.
   */
  exact?: boolean;
}

/** A stored object an imperative command deletes, directly or through the garbage collector. */
export interface PlannedDeletion {
  object: KubeObject;
  /** Why it goes and what goes with it, as the plan shows it. */
  notes: string[];
  /** Deleted with the orphan policy: what it runs stays, so it stops nothing. */
  orphansDependents?: boolean;
}

export interface DiffInput {
  desired: DesiredObject[];
  /** The cluster snapshot's objects (`--cluster`). */
  current: KubeObject[];
  /** Whether a snapshot was given; without one every object is a create and the plan says so. Default: `current` is not empty. */
  clusterProvided?: boolean;
  kubernetesVersion: string;
  /** `--namespace`: the namespace of namespaced objects whose manifest has none (default "default"). */
  namespace?: string;
  /** `--prune`: delete snapshot objects of this app that the manifests no longer define. */
  prune?: boolean;
  /** `--prune-selector`: which snapshot objects `--prune` may delete. */
  pruneSelector?: string;
  /** `--show-secrets`: print Secret values. */
  showSecrets?: boolean;
  /** List merge keys per kind; default: the generated schemas of `kubernetesVersion`. CRDs in the inputs and built-in names complete it. */
  mergeKeys?: MergeKeyLookup;
  /** How the manifests are applied (default: `kubectl apply`, client-side). */
  apply?: ApplyOptions;
  /** Stored objects to delete besides `--prune`'s (`kubeplan what-if`'s `kubectl delete`, drains). */
  deletions?: readonly PlannedDeletion[];
}

/** Merge keys from the schemas generated from the official OpenAPI spec of a release. */
export function schemaMergeKeys(kubernetesVersion: string): MergeKeyLookup {
  return (apiVersion, kind) => {
    const schema = loadKindSchema(kubernetesVersion, apiVersion, kind);
    return schema ? shapeFromSchema(schema) : undefined;
  };
}

/** Snapshot files hold `kind: List` (`kubectl get -o yaml`): its items are the objects. */
function flattenLists(objects: readonly unknown[], into: unknown[] = []): unknown[] {
  // A loop, not flatMap: a big cluster's snapshot has tens of thousands of objects, each a one-item array there.
  for (const object of objects) {
    if (isRecord(object) && typeof object.kind === "string" && object.kind.endsWith("List") && Array.isArray(object.items)) flattenLists(object.items, into);
    else into.push(object);
  }
  return into;
}

function isObject(value: unknown): value is KubeObject {
  return isRecord(value) && typeof value.kind === "string" && value.kind !== "";
}

function countChanges(changes: readonly Change[]): ChangeCounts {
  const counts: ChangeCounts = { add: 0, change: 0, replace: 0, destroy: 0, unchanged: 0, denied: 0, failed: 0 };
  for (const change of changes) {
    if (change.action === "create") counts.add++;
    else if (change.action === "update") counts.change++;
    else if (change.action === "replace") counts.replace++;
    else if (change.action === "delete") counts.destroy++;
    else counts.unchanged++;
    if (change.denied !== undefined) counts.denied++;
    if (change.failed !== undefined) counts.failed++;
  }
  return counts;
}

function describe(identity: { kind: string; namespace: string; name: string }): string {
  return `${identity.kind} ${identity.namespace ? identity.namespace + "/" : ""}${identity.name}`;
}

/**
 * Stored objects that cannot have come from an API server: it always returns a
 * resourceVersion, and never a Secret's stringData. Said once, for the plan
 * reads them as the API server would hold them.
 */
function unservedNote(compared: readonly KubeObject[]): string | undefined {
  const noVersion = compared.filter((object) => typeof object.metadata?.resourceVersion !== "string" || object.metadata.resourceVersion === "").length;
  const stringData = compared.filter((object) => isSecretKind(object.kind) && object.stringData !== undefined).length;
  if (noVersion === 0 && stringData === 0) return undefined;
  const parts: string[] = [];
  if (noVersion > 0) parts.push(`${noVersion === 1 ? "1 object" : `${noVersion} objects`} without metadata.resourceVersion`);
  if (stringData > 0) parts.push(`${stringData === 1 ? "1 Secret" : `${stringData} Secrets`} with stringData`);
  return `The cluster snapshot has ${parts.join(" and ")}, which no API server returns: it looks written from manifests rather than read with kubectl get. Those objects are compared as the API server would hold them (defaults filled in, stringData folded into data).`;
}

/** Plans every object: create, update, replace, delete (with `prune`) or no-op, in application order. */
export function planChanges(input: DiffInput): ChangePlan {
  const current = flattenLists(Array.isArray(input.current) ? input.current : []).filter(isObject);
  const desiredEntries = (Array.isArray(input.desired) ? input.desired : []).filter((entry) => isRecord(entry) && isObject(entry.object));
  const allObjects = [...current, ...desiredEntries.map((entry) => entry.object)];
  const scope = new Scope(input.namespace || "default", allObjects);
  const notes: string[] = [];
  const clusterProvided = input.clusterProvided ?? current.length > 0;
  if (!clusterProvided) notes.push("No cluster snapshot given (--cluster): every object is planned as a create.");

  const stored = new Map<string, KubeObject>();
  for (const object of current) {
    const key = scope.keyOf(object);
    if (!stored.has(key)) stored.set(key, object);
  }

  // The last definition of an identity wins, as it would when applied in order.
  const desired = new Map<string, DesiredObject>();
  for (const entry of desiredEntries) {
    const key = nameOf(entry.object) === "" ? `generated|${desired.size}` : scope.keyOf(entry.object);
    const previous = desired.get(key);
    if (previous) {
      const where = [previous.document?.file, entry.document?.file].filter(Boolean).join(", ");
      notes.push(`${describe({ kind: entry.object.kind!, namespace: scope.namespaceOf(entry.object), name: nameOf(entry.object) })} is defined more than once${where ? ` (${where})` : ""}: the last definition wins.`);
    }
    desired.set(key, entry);
  }

  const isAutoscaler = (o: KubeObject) => o.kind === "HorizontalPodAutoscaler";
  const autoscalerObjects = [
    ...[...desired.values()].map((e) => e.object).filter(isAutoscaler),
    ...current.filter((o) => isAutoscaler(o) && !desired.has(scope.keyOf(o))),
  ];
  const autoscalers = autoscalerTargets(autoscalerObjects.map((object) => ({ object, namespace: scope.namespaceOf(object) })));

  const apply: ApplyOptions = input.apply ?? { mode: "client" };
  const context: CompareContext = {
    apply,
    kubernetesVersion: input.kubernetesVersion,
    showSecrets: input.showSecrets === true,
    shapeOf: shapeResolver(allObjects, input.mergeKeys ?? schemaMergeKeys(input.kubernetesVersion)),
    crdSchemaOf: crdSchemas(allObjects),
    autoscalers,
  };

  // A command's exact write replaces the stored state: nothing merges, no other manager keeps a field.
  const exactContext: CompareContext = { ...context, apply: { mode: "replace" }, autoscalers: new Map() };
  const planned: Planned[] = [];
  const compared: KubeObject[] = [];
  for (const [key, entry] of desired) {
    const object = entry.object;
    const identity: Identity = {
      apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "",
      kind: object.kind!,
      namespace: scope.namespaceOf(object),
      name: nameOf(object) || (typeof object.metadata?.generateName === "string" ? object.metadata.generateName : ""),
    };
    const existing = stored.get(key);
    let item: Planned;
    if (existing) {
      compared.push(existing);
      const result = planUpdate(object, existing, identity, entry.exact ? exactContext : context, entry.document);
      item = { change: result.change, stored: existing, desired: object, current: result.current, next: result.next };
      const conflict = autoscalerConflictNote(item, autoscalers.get(`${identity.namespace}|${identity.kind}|${identity.name}`));
      if (conflict) item.change.notes.push(conflict);
    } else {
      const result = planCreate(object, identity, context, entry.document);
      item = { change: result.change, desired: object, next: result.next };
    }
    if (entry.denied !== undefined) item.change.denied = entry.denied;
    planned.push(item);
  }

  if (input.prune === true) {
    // One object per identity, as in the stored map (the first wins).
    const unmatched = [...stored.entries()]
      .filter(([key, object]) => !desired.has(key) && nameOf(object) !== "")
      .map(([, object]) => ({ object, namespace: scope.namespaceOf(object) }));
    const desiredWithNamespaces = [...desired.values()].map((e) => ({ object: e.object, namespace: scope.namespaceOf(e.object) }));
    let candidates: ReturnType<typeof pruneCandidates> = [];
    try {
      candidates = pruneCandidates({ unmatched, desired: desiredWithNamespaces, selector: input.pruneSelector });
    } catch (error) {
      notes.push(`--prune-selector ${JSON.stringify(input.pruneSelector)}: ${(error as Error).message}; nothing is pruned.`);
    }
    for (const { object, namespace } of candidates) {
      const identity: Identity = { apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "", kind: object.kind!, namespace, name: nameOf(object) };
      const result = planDelete(object, identity, context);
      planned.push({ change: result.change, stored: object, current: result.current });
    }
  }

  for (const { object, notes: reasons, orphansDependents } of Array.isArray(input.deletions) ? input.deletions : []) {
    const namespace = scope.namespaceOf(object);
    const identity: Identity = { apiVersion: typeof object.apiVersion === "string" ? object.apiVersion : "", kind: object.kind!, namespace, name: nameOf(object) };
    const result = planDelete(object, identity, context);
    appendAll(result.change.notes, reasons);
    planned.push({ change: result.change, stored: object, current: result.current, orphansDependents });
  }

  const unserved = unservedNote(compared);
  if (unserved) notes.push(unserved);
  addConsequences(planned, current, scope, input.kubernetesVersion);
  const changes = applicationOrder(planned.map((p) => p.change));
  const counts = countChanges(changes);
  return {
    applyMode: apply.mode,
    fieldManager: fieldManagerOf(apply),
    changes,
    counts,
    notes,
    hasChanges: counts.add + counts.change + counts.replace + counts.destroy > 0,
  };
}

