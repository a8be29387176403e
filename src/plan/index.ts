// The plan pipeline: validate → expand → admit → schedule → diff, as one
// result object. Each stage is pure; this file only passes data along.
import { runAdmission, type AdmissionResult } from "../admission/index.js";
import { createSnapshot, emptySnapshot, loadClusterSnapshot, type ClusterSnapshot } from "../cluster/snapshot.js";
import { changeToJson, planChanges, type ApplyOptions, type ChangePlan, type DesiredObject, type PlannedDeletion } from "../diff/index.js";
import { expandWorkloads, noteToFinding } from "../expand/index.js";
import { schedule, type ScheduleResult } from "../scheduler/index.js";
import type { Inventory } from "../inventory.js";
import { loadText, type InputText } from "../load/index.js";
import type { Finding, KubeObject, ManifestDocument, PlannedPod, ValidateResult } from "../types.js";
import { compareFindings } from "../validate/findings.js";
import { runValidation, UsageError, type ValidateInput, type ValidateOptions } from "../validate/index.js";
import { checkPlanArguments } from "../validate/arguments.js";
import { reportToFinding } from "../validate/findings.js";
import { applyReplacements, findReplacements, isControllerKind, type Replacements } from "./replacements.js";
import type { PlanResult, PlannedPodEntry } from "./types.js";

export type * from "./types.js";

export interface PlanOptions extends ValidateOptions {
  /** Snapshot files or directories (`--cluster`, repeatable). */
  clusterPaths?: readonly string[];
  prune?: boolean;
  pruneSelector?: string;
  showSecrets?: boolean;
  showUnchanged?: boolean;
  /** The time the plan is made (CronJob schedules); now when absent. */
  now?: Date;
  /** How the manifests are applied (default: `kubectl apply`). */
  apply?: ApplyOptions;
  /** The current state already read (`kubeplan what-if` reads it once): used instead of reading `clusterPaths`, which name it. */
  snapshot?: SnapshotRead;
  /** What imperative commands do besides creating objects (`kubeplan what-if`). */
  imperative?: ImperativeChanges;
}

/**
 * Changes that are not manifests to apply: the exact new state of stored
 * objects (a scale, a cordon; unchanged controllers that recreate deleted
 * pods), which are neither validated nor admitted as manifests, and stored
 * objects to delete. The controllers, admission and the scheduler see the
 * cluster without the deleted objects.
 */
export interface ImperativeChanges {
  updates: readonly InputText[];
  deletions: readonly PlannedDeletion[];
}

/** Everything the renderers need: the JSON result, and the richer stage results for text. */
export interface PlanRun {
  result: PlanResult;
  changePlan: ChangePlan;
  admission: AdmissionResult;
  scheduling?: ScheduleResult;
  /** The plan's findings with the inputs' files and objects: what the CI formats (SARIF, JUnit...) render. */
  findings: ValidateResult;
}

/**
 * The current state. A path that cannot be read (or may not be: a link out of
 * the given paths, a file over the size limit) is a usage error: a plan
 * against part of a cluster would show its objects as creates.
 */
export interface SnapshotRead {
  snapshot: ClusterSnapshot;
  findings: Finding[];
  warnings: string[];
}

export function readSnapshot(paths: readonly string[], options: PlanOptions): SnapshotRead {
  if (paths.length === 0) return { snapshot: emptySnapshot(), findings: [], warnings: [] };
  const { snapshot, findings } = loadClusterSnapshot([...paths], options);
  const unreadable = findings.find((f) => f.rule.startsWith("input/") && f.severity === "error");
  if (unreadable) throw new UsageError(`--cluster: ${unreadable.message}`);
  const warnings =
    snapshot.objects.length === 0
      ? [`the cluster snapshot ${paths.join(", ")} has no objects: every object is planned as a create, and no pod is scheduled`]
      : [];
  return { snapshot, findings, warnings };
}

function ownerLabel(owner: { kind: string; name: string } | null): string | null {
  return owner ? `${owner.kind}/${owner.name}` : null;
}

/** Objects the API server would reject at validation never reach admission: they are denied as invalid. */
function invalidDenial(errors: Finding[]): string {
  const first = errors[0]!;
  const more = errors.length > 1 ? ` (and ${errors.length - 1} more)` : "";
  return `invalid: ${first.message}${more}`;
}

function desiredObjects(admission: AdmissionResult, invalid: ReadonlyMap<ManifestDocument, string>, documents: readonly ManifestDocument[], exact: readonly ManifestDocument[]): DesiredObject[] {
  const admitted = new Map(admission.objects.map((o) => [o.document, o]));
  const written = exact.map((document): DesiredObject => ({ object: document.object, document, exact: true }));
  return [...documents.map((document) => {
    const denial = invalid.get(document);
    if (denial !== undefined) return { object: document.object, document, denied: denial };
    const outcome = admitted.get(document);
    if (!outcome) return { object: document.object, document };
    const entry: DesiredObject = { object: outcome.object, document };
    if (!outcome.admitted && outcome.denial) entry.denied = outcome.denial.message;
    return entry;
  }), ...written];
}

function podEntries(admission: AdmissionResult, scheduling: ScheduleResult | undefined): PlannedPodEntry[] {
  const placements = new Map((scheduling?.pods ?? []).map((p) => [`${p.namespace}/${p.name}`, p]));
  return admission.pods.map((pod) => {
    const placement = placements.get(`${pod.namespace}/${pod.name}`);
    const entry: PlannedPodEntry = {
      name: pod.name,
      namespace: pod.namespace,
      owner: ownerLabel(pod.owner),
      node: pod.admitted ? placement?.node ?? null : null,
      qosClass: pod.qosClass,
      resources: pod.resources,
      admitted: pod.admitted,
    };
    const reason = !pod.admitted ? pod.denial?.message : placement && placement.node === null ? placement.reason : undefined;
    if (reason !== undefined) entry.reason = reason;
    return entry;
  });
}

/** A Pending pod is not an error of the apply, but the reviewer must see it: a warning at its workload. */
function pendingFindings(admission: AdmissionResult, scheduling: ScheduleResult | undefined): Finding[] {
  if (!scheduling) return [];
  // Indexed only when a pod stays Pending: a big plan places every pod.
  let sources: Map<string, PlannedPod["source"]> | undefined;
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const placement of scheduling.pods) {
    if (placement.node !== null || placement.reason === undefined) continue;
    sources ??= new Map(admission.pods.map((p) => [`${p.namespace}/${p.name}`, p.planned.source]));
    const source = sources.get(`${placement.namespace}/${placement.name}`);
    const owner = ownerLabel(placement.owner) ?? `Pod/${placement.name}`;
    if (!source || seen.has(owner)) continue;
    seen.add(owner);
    const workload = scheduling.workloads.find((w) => ownerLabel(w.owner) === owner);
    const count = workload ? ` (${workload.pending} of ${workload.replicas} pods)` : "";
    out.push(
      reportToFinding(source.document, "schedule/unschedulable", "warning", {
        pointer: source.pointer,
        message: `${owner}: pod ${placement.name} would stay Pending${count}: ${placement.reason}`,
      }),
    );
  }
  return out;
}

/** A server-side apply that fails on conflicts is an error of the apply, at its manifest. */
function failedApplyFindings(changePlan: ChangePlan): Finding[] {
  return changePlan.changes.flatMap((change) =>
    change.failed !== undefined && change.document ? [reportToFinding(change.document, "apply/conflict", "error", { pointer: "", message: change.failed })] : [],
  );
}

/** Objects of a kind the plan creates or updates (in their namespace), after the snapshot's. */
function withAdmitted(admission: AdmissionResult, kind: string, current: readonly KubeObject[]): KubeObject[] {
  const admitted = admission.objects.filter((o) => o.admitted && o.kind === kind);
  return [...current, ...admitted.map((o) => (o.namespace ? { ...o.object, metadata: { ...o.object.metadata, namespace: o.namespace } } : o.object))];
}

/** The snapshot's nodes, as the planned objects leave them (cordoned, deleted). */
function plannedNodes(snapshot: ClusterSnapshot, documents: readonly ManifestDocument[], deleted: ReadonlySet<KubeObject>): KubeObject[] {
  const changed = new Map(documents.filter((d) => d.object.kind === "Node").map((d) => [d.object.metadata?.name, d.object]));
  return snapshot.nodes.filter((node) => !deleted.has(node)).map((node) => changed.get(node.metadata?.name) ?? node);
}

function runScheduler(admission: AdmissionResult, snapshot: ClusterSnapshot, documents: readonly ManifestDocument[], kubernetesVersion: string, deleted: ReadonlySet<KubeObject>): ScheduleResult | undefined {
  if (snapshot.nodes.length === 0) return undefined;
  const admitted = admission.pods.filter((p) => p.admitted);
  const inputObjects = documents.map((d) => d.object);
  return schedule({
    pods: admitted.map((p) => ({ ...p.planned, pod: p.pod })),
    podVolumes: admitted.map((p) => p.volumes),
    nodes: plannedNodes(snapshot, documents, deleted),
    runningPods: [...snapshot.pods],
    namespaces: [...snapshot.namespaces, ...inputObjects.filter((o) => o.kind === "Namespace")],
    priorityClasses: [...snapshot.priorityClasses, ...inputObjects.filter((o) => o.kind === "PriorityClass")],
    services: [...snapshot.services, ...inputObjects.filter((o) => o.kind === "Service")],
    removedPods: admission.removedPods,
    // Claims from StatefulSet volumeClaimTemplates are created with their pods.
    persistentVolumeClaims: [...withAdmitted(admission, "PersistentVolumeClaim", snapshot.pvcs), ...admission.claims.filter((c) => c.admitted).map((c) => c.claim)],
    persistentVolumes: withAdmitted(admission, "PersistentVolume", snapshot.pvs),
    kubernetesVersion,
  });
}

/**
 * `kubectl apply -n x` puts every namespaced object that names no namespace
 * in x: so do the controllers, admission and the scheduler here.
 */
function placeInNamespace(documents: readonly ManifestDocument[], inventory: Inventory, namespace: string | undefined): void {
  if (!namespace) return;
  for (const { object } of documents) {
    if (!inventory.isNamespaced(object.kind) || object.metadata?.namespace) continue;
    object.metadata = { ...object.metadata, namespace };
  }
}

/** The imperative updates as documents: written by the commands, so neither validated nor admitted. */
function updateDocuments(imperative: ImperativeChanges | undefined): ManifestDocument[] {
  return (imperative?.updates ?? []).flatMap(({ text, file }) => loadText(text, file).documents);
}

/** Plans the inputs against the cluster snapshot. */
export async function plan(input: ValidateInput, options: PlanOptions = {}): Promise<PlanRun> {
  checkPlanArguments(input, options);
  const started = performance.now();
  const clusterPaths = options.clusterPaths ?? [];
  const { snapshot, findings: snapshotFindings, warnings } = options.snapshot ?? readSnapshot(clusterPaths, options);
  const deletions = options.imperative?.deletions ?? [];
  const deleted = new Set(deletions.map((d) => d.object));
  // The controllers see the cluster without what the commands delete: they recreate what they own.
  const remaining = deleted.size > 0 ? createSnapshot(snapshot.objects.filter((o) => !deleted.has(o)), snapshot.present) : snapshot;
  // Positions are needed for admission findings: keep every document on this thread.
  const validation = await runValidation(input, { ...options, threads: 1 }, { clusterObjects: snapshot.objects });
  const { kubernetesVersion } = validation.result;
  const invalid = new Map<ManifestDocument, string>();
  for (const document of validation.documents) {
    const errors = validation.errorsOf(document);
    if (errors.length > 0) invalid.set(document, invalidDenial(errors));
  }
  const valid = validation.documents.filter((d) => !invalid.has(d));
  placeInNamespace(valid, validation.inventory, options.namespace);
  const written = updateDocuments(options.imperative);
  const planned = [...valid, ...written];

  const diffInput = {
    current: [...snapshot.objects],
    clusterProvided: snapshot.present,
    kubernetesVersion,
    namespace: options.namespace,
    prune: options.prune,
    pruneSelector: options.pruneSelector,
    showSecrets: options.showSecrets,
    apply: options.apply,
    deletions,
  };
  // Which workloads are replaced decides what the controllers start from: only the workloads' own changes tell.
  const workloads = valid.filter((document) => isControllerKind(document.object.kind));
  // Without workloads among the inputs nothing is replaced: the snapshot's objects need no comparing for it.
  const replacements: Replacements =
    workloads.length === 0
      ? { snapshot: remaining, podsOf: new Map() }
      : findReplacements(remaining, planChanges({ ...diffInput, prune: false, desired: workloads.map((document) => ({ object: document.object, document })) }));
  const expansion = expandWorkloads(planned, replacements.snapshot, { now: options.now });
  applyReplacements(expansion, replacements);
  const admission = runAdmission({ documents: valid, pods: expansion.pods, snapshot, kubernetesVersion, expansion, deleted: [...deleted] });
  const scheduling = runScheduler(admission, snapshot, planned, kubernetesVersion, deleted);
  const changePlan = planChanges({ ...diffInput, desired: desiredObjects(admission, invalid, validation.documents, written) });

  const findings = [
    ...validation.result.findings,
    ...snapshotFindings,
    ...expansion.notes.map(noteToFinding),
    ...admission.findings,
    ...pendingFindings(admission, scheduling),
    ...failedApplyFindings(changePlan),
  ].sort(compareFindings);
  const active = findings.filter((f) => !f.suppressed);
  const pods = podEntries(admission, scheduling);
  const notes = [...changePlan.notes, ...(scheduling?.notes ?? [])];
  if (expansion.assumedRunning > 0) {
    const pods = expansion.assumedRunning === 1 ? "1 pod" : `${expansion.assumedRunning} pods`;
    notes.push(`The cluster snapshot lists no pods: ${pods} of workloads it already runs with this template are taken as running (add the pods to the snapshot to check their placement).`);
  }
  if (!scheduling) notes.push(snapshot.present ? "The cluster snapshot has no nodes: pods are not scheduled." : "Scheduling needs the cluster's nodes: pass --cluster to place the pods.");

  const result: PlanResult = {
    kubernetesVersion,
    applyMode: changePlan.applyMode,
    fieldManager: changePlan.fieldManager,
    cluster: [...clusterPaths],
    findings,
    changes: changePlan.changes.map(changeToJson),
    pods,
    nodes: scheduling?.nodes ?? [],
    workloads: scheduling?.workloads ?? [],
    quotas: admission.namespaces,
    notes,
    summary: {
      ...changePlan.counts,
      errors: active.filter((f) => f.severity === "error").length,
      warnings: active.filter((f) => f.severity === "warning").length,
      pods: {
        planned: pods.length,
        scheduled: pods.filter((p) => p.node !== null).length,
        pending: pods.filter((p) => p.admitted && p.node === null).length,
        denied: pods.filter((p) => !p.admitted).length,
      },
      durationMs: Math.round(performance.now() - started),
    },
  };
  const allWarnings = [...(validation.result.warnings ?? []), ...warnings];
  if (allWarnings.length > 0) result.warnings = allWarnings;
  const findingsResult: ValidateResult = { ...validation.result, findings, summary: { ...validation.result.summary, ...countFindings(findings) } };
  return { result, changePlan, admission, scheduling, findings: findingsResult };
}

function countFindings(findings: readonly Finding[]): Pick<ValidateResult["summary"], "errors" | "warnings" | "infos" | "suppressed"> {
  const active = findings.filter((f) => !f.suppressed);
  return {
    errors: active.filter((f) => f.severity === "error").length,
    warnings: active.filter((f) => f.severity === "warning").length,
    infos: active.filter((f) => f.severity === "info").length,
    suppressed: findings.length - active.length,
  };
}

