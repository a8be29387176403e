// The admission stage: every object of the inputs, then the claims and pods
// the controllers create, through kube-apiserver's admission chain in plan order.
import type { ExpandedWorkload, Owner } from "../expand/types.js";
import type { KubeObject, PlannedPod } from "../types.js";
import { formatQuantity } from "../util/quantity.js";
import { admitObject, type ClaimOutcome, type ObjectOutcome } from "./admit-object.js";
import { admitPod, describePod, type PodOutcome } from "./admit-pod.js";
import { claimFindings, objectFindings, podFindings } from "./findings.js";
import { describeScope } from "./quota/scopes.js";
import { sortedNames } from "./resource-list.js";
import { runRollout } from "./rollout.js";
import { PlanState } from "./state.js";
import type { AdmissionInput, AdmissionResult, AdmittedObject, NamespaceQuotaUsage, WorkloadAdmission } from "./types.js";
import { compareFindings } from "../validate/findings.js";
import { appendAll } from "../util/append.js";

export type * from "./types.js";
export type { QosClass } from "./qos.js";
export type { VolumeNote, VolumeStatus } from "./volume-binding.js";
export { qosClassOf } from "./qos.js";
export { podRequests, podLimits } from "./pod-resources.js";

/** The newest release kubeplan knows, used when none is given. */
export const NEWEST_MINOR = 36;

/** "1.30", "v1.30.2" → 30. */
export function minorOf(version: string | undefined): number {
  const match = /^v?1\.(\d+)/.exec(version ?? "");
  return match ? Number(match[1]) : NEWEST_MINOR;
}

function ownerKey(owner: Owner): string {
  return `${owner.kind}/${owner.namespace}/${owner.name}`;
}

/** Without the expand stage's workloads, pods are grouped by owner (nothing replaced, no claims). */
function workloadsFrom(input: AdmissionInput): ExpandedWorkload[] {
  if (input.expansion) return input.expansion.workloads;
  const byOwner = new Map<string, ExpandedWorkload>();
  for (const planned of input.pods) {
    if (!planned.owner || !planned.source) continue;
    const key = ownerKey(planned.owner);
    let workload = byOwner.get(key);
    if (!workload) {
      workload = {
        owner: planned.owner, document: planned.source.document, desired: 0, running: 0, pods: [], claims: [],
        replaced: [], strategy: "RollingUpdate", surge: Number.MAX_SAFE_INTEGER, maxUnavailable: 0,
      };
      byOwner.set(key, workload);
    }
    workload.pods.push(planned);
    workload.desired++;
  }
  return [...byOwner.values()];
}

function quotaUsage(state: PlanState): NamespaceQuotaUsage[] {
  const byNamespace = new Map<string, NamespaceQuotaUsage>();
  for (const tracker of state.quotas.all()) {
    let entry = byNamespace.get(tracker.namespace);
    if (!entry) byNamespace.set(tracker.namespace, (entry = { namespace: tracker.namespace, quotas: [] }));
    entry.quotas.push({
      name: tracker.name,
      source: tracker.source,
      scopes: tracker.scopes.map(describeScope),
      resources: sortedNames(tracker.hard).map((resource) => ({
        resource,
        hard: formatQuantity(tracker.hard.get(resource)!),
        usedBefore: formatQuantity(tracker.before.get(resource) ?? { nanos: 0n, format: "DecimalSI" }),
        usedAfter: formatQuantity(tracker.used.get(resource) ?? { nanos: 0n, format: "DecimalSI" }),
      })),
    });
  }
  return [...byNamespace.values()];
}

function summarize(workload: ExpandedWorkload, pods: readonly PodOutcome[]): WorkloadAdmission {
  const summary: WorkloadAdmission = {
    owner: workload.owner,
    desired: workload.desired,
    running: workload.running,
    created: pods.length,
    admitted: pods.filter((p) => p.admitted).length,
    fitQuota: pods.filter((p) => p.fitQuota).length,
  };
  const refused = pods.find((p) => p.denial);
  if (refused?.denial) summary.firstDenial = refused.denial;
  return summary;
}

function toAdmittedObject(outcome: ObjectOutcome): AdmittedObject {
  const { denialPointer: _d, warningPointer: _w, audit: _a, ...object } = outcome;
  return object;
}

export function runAdmission(input: AdmissionInput): AdmissionResult {
  const state = new PlanState(input.snapshot, input.documents, minorOf(input.kubernetesVersion));
  const barePods = new Map(input.pods.filter((p) => !p.owner && p.source).map((p) => [p.source!.document, p]));
  const objects: ObjectOutcome[] = [];
  const pods: PodOutcome[] = [];
  const claims: ClaimOutcome[] = [];
  const refusedOwners = new Map<string, ObjectOutcome>();
  const barePodObjects = new Set<ObjectOutcome>();
  for (const object of input.deleted ?? []) {
    const namespace = state.namespaceOf(object);
    if (namespace !== "") state.quotas.release(namespace, object);
  }

  for (const document of input.documents) {
    const bare = barePods.get(document);
    if (bare) {
      const outcome = admitBarePod(state, bare);
      pods.push(outcome.pod);
      objects.push(outcome.object);
      barePodObjects.add(outcome.object);
      continue;
    }
    const outcome = admitObject(state, document);
    objects.push(outcome);
    if (!outcome.admitted) refusedOwners.set(`${outcome.kind}/${outcome.namespace}/${outcome.name}`, outcome);
  }

  const workloads: WorkloadAdmission[] = [];
  const removedPods: KubeObject[] = (input.deleted ?? []).filter((object) => object.kind === "Pod");
  for (const workload of workloadsFrom(input)) {
    const refusedOwner = refusedOwners.get(ownerKey(workload.owner));
    let outcomes: PodOutcome[];
    if (refusedOwner) {
      outcomes = workload.pods.map((planned) => describePod(state, planned, { ...refusedOwner.denial!, cause: "owner" }));
    } else {
      const rollout = runRollout(state, workload);
      outcomes = rollout.pods;
      appendAll(claims, rollout.claims);
      appendAll(removedPods, rollout.removed);
    }
    appendAll(pods, outcomes);
    workloads.push(summarize(workload, outcomes));
  }

  const findings = [...objects.filter((o) => !barePodObjects.has(o)).flatMap(objectFindings), ...claims.flatMap(claimFindings), ...podFindings(pods)].sort(compareFindings);
  return {
    kubernetesVersion: `1.${state.serverMinor}`,
    findings,
    objects: objects.map(toAdmittedObject),
    pods: pods.map(({ denialPointer: _d, audit: _a, fitQuota: _f, ...pod }) => pod),
    claims: claims.map(({ denialPointer: _d, source: _s, ...claim }) => claim),
    namespaces: quotaUsage(state),
    workloads,
    removedPods,
  };
}

/** A bare Pod: one request, whose outcome is both the object's and the pod's. */
function admitBarePod(state: PlanState, planned: PlannedPod): { pod: PodOutcome; object: ObjectOutcome } {
  const outcome = admitPod(state, planned);
  const document = planned.source!.document;
  const object: ObjectOutcome = {
    document,
    apiVersion: "v1",
    kind: "Pod",
    namespace: outcome.namespace,
    name: outcome.name,
    operation: "create",
    admitted: outcome.admitted,
    ...(outcome.denial ? { denial: outcome.denial } : {}),
    warnings: outcome.warnings,
    object: outcome.pod,
    mutated: true,
  };
  return { pod: outcome, object };
}
