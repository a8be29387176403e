// One pod through the API server, in its order: API defaulting, the mutating
// plugins (NamespaceLifecycle, LimitRanger, ServiceAccount, Priority,
// DefaultTolerationSeconds), object validation, then the validating plugins
// (LimitRanger, PodSecurity, ResourceQuota). The first refusal ends the request.
import { generatedSuffix } from "../expand/names.js";
import type { KubeObject, PlannedPod } from "../types.js";
import { cloneJson, dig, recordOf, stringOf, type JsonRecord } from "../util/object-access.js";
import { setDefaultsPod } from "../apiserver/defaults/index.js";
import { preparePodForCreate } from "../apiserver/registry/pod.js";
import { forbidden, invalid } from "./api-errors.js";
import { containersOf, podLimits, podRequests } from "./pod-resources.js";
import { addDefaultTolerations } from "./plugins/DefaultTolerationSeconds.js";
import { mutatePod, validatePod } from "./plugins/LimitRanger.js";
import { checkNamespace } from "./plugins/NamespaceLifecycle.js";
import { checkPod } from "./plugins/PodSecurity.js";
import { admitPriority } from "./plugins/Priority.js";
import { admitServiceAccount } from "./plugins/ServiceAccount.js";
import { validatePodResources } from "./plugins/Validation.js";
import { podEvaluator } from "./quota/evaluators.js";
import { qosClassOf } from "./qos.js";
import { toRecord } from "./resource-list.js";
import type { PlanState } from "./state.js";
import type { AdmittedPod, Denial } from "./types.js";
import { volumeNotes } from "./volume-binding.js";
import { appendAll } from "../util/append.js";

export interface PodOutcome extends AdmittedPod {
  /** Where the refusal points, inside the pod (a template pointer is prefixed by the caller). */
  denialPointer?: string;
  /** PodSecurity's audit annotation, when the audit level is violated. */
  audit?: string;
  /** Whether the pod reached the quota check and passed it. */
  fitQuota: boolean;
}

/**
 * The names the request carries: a controller's pod (or a bare pod with only
 * generateName) is named by the API server after the mutating plugins ran,
 * so their refusals name the prefix and later ones the generated name.
 */
function requestNames(planned: PlannedPod, pod: KubeObject): { early: string; final: string } {
  const generateName = stringOf(pod.metadata?.generateName);
  const written = stringOf(planned.pod.metadata?.name);
  if (generateName && (planned.owner !== null || !written)) {
    const final = written && planned.owner !== null ? written : generateName + generatedSuffix(`${generateName}/${planned.source?.document.file ?? ""}/${planned.source?.document.index ?? 0}`);
    return { early: generateName, final };
  }
  return { early: written ?? "", final: written ?? "" };
}

function denial(plugin: string, message: string): Denial {
  return { plugin, message };
}

/** Points a quota refusal at the container field that asks for the resource. */
function quotaPointer(pod: KubeObject, resources: readonly string[]): string {
  const refs = containersOf(pod);
  for (const resource of resources) {
    const side = resource.startsWith("limits.") ? "limits" : "requests";
    const base = resource.replace(/^(requests|limits)\./, "");
    const ref = refs.find((r) => dig(r.container, "resources", side, base) !== undefined);
    if (ref) return `${ref.pointer}/resources/${side}/${base}`;
  }
  return refs[0] ? `${refs[0].pointer}/resources` : "/spec";
}

/**
 * The pod as the API server decodes the request: a copy with its namespace,
 * its final name, the API defaults and the Pod strategy's PrepareForCreate.
 */
function decodePod(planned: PlannedPod, serverMinor: number): { pod: KubeObject; namespace: string; names: { early: string; final: string } } {
  const pod = cloneJson(planned.pod);
  const metadata = (pod.metadata ??= {});
  const namespace = stringOf(metadata.namespace) || "default";
  metadata.namespace = namespace;
  const names = requestNames(planned, pod);
  metadata.name = names.final;
  pod.spec = recordOf(pod.spec);
  setDefaultsPod(pod);
  preparePodForCreate(pod as KubeObject & JsonRecord, `1.${serverMinor}`);
  return { pod, namespace, names };
}

/** An outcome not decided yet (`finish` fills in what is known of the pod). */
function undecided(planned: PlannedPod, pod: KubeObject, namespace: string, name: string, denial?: Denial): PodOutcome {
  return {
    name, namespace, owner: planned.owner, admitted: false, ...(denial ? { denial } : {}), warnings: [], pod,
    qosClass: "BestEffort", priority: 0, resources: { requests: {}, limits: {} }, volumes: [], planned, fitQuota: false,
  };
}

export function admitPod(state: PlanState, planned: PlannedPod): PodOutcome {
  const { pod, namespace, names } = decodePod(planned, state.serverMinor);
  const outcome = undecided(planned, pod, namespace, names.final);
  const refuse = (d: Denial, pointer: string): PodOutcome => {
    outcome.denial = d;
    outcome.denialPointer = pointer;
    return finish(state, outcome);
  };

  const missing = checkNamespace(state, namespace, "create", "pods", names.early);
  if (missing) return refuse(denial("NamespaceLifecycle", missing), "/metadata/namespace");
  mutatePod(pod, state.limitRangesIn(namespace));
  const account = admitServiceAccount(state, pod, namespace);
  if (account) return refuse(denial("ServiceAccount", forbidden("pods", names.early, account)), "/spec/serviceAccountName");
  const priority = admitPriority(state, pod);
  if (priority) return refuse(denial("Priority", forbidden("pods", names.early, priority)), "/spec/priorityClassName");
  addDefaultTolerations(pod);

  const problems = validatePodResources(pod);
  if (problems.length > 0) {
    return refuse(denial("Validation", invalid("Pod", names.final, problems.map((p) => p.message))), problems[0]!.pointer);
  }

  const limits = validatePod(pod, state.limitRangesIn(namespace));
  if (limits) return refuse(denial("LimitRanger", forbidden("pods", names.final, limits.message)), limits.pointer);
  const security = checkPod(state, namespace, pod);
  if (security.audit) outcome.audit = security.audit;
  if (security.denial) return refuse(denial("PodSecurity", forbidden("pods", names.final, security.denial)), "/spec");
  appendAll(outcome.warnings, security.warnings);
  const quota = state.quotas.check(namespace, { operation: "create", object: pod, evaluator: podEvaluator });
  if (!quota.allowed) {
    return refuse(denial("ResourceQuota", forbidden("pods", names.final, quota.reason)), quotaPointer(pod, quota.resources));
  }
  quota.commit();
  outcome.fitQuota = true;
  outcome.admitted = true;
  state.quotas.recordObject(namespace, pod);
  return finish(state, outcome);
}

/**
 * A pod that is never sent (its owner or its claim was refused): the mutations
 * it would get, so that its QoS and resources are still reported.
 */
export function describePod(state: PlanState, planned: PlannedPod, refusal: Denial): PodOutcome {
  const { pod, namespace, names } = decodePod(planned, state.serverMinor);
  mutatePod(pod, state.limitRangesIn(namespace));
  return finish(state, undecided(planned, pod, namespace, names.final, refusal));
}

/** What is known of the pod whatever the decision: QoS, priority, resources, volumes. */
function finish(state: PlanState, outcome: PodOutcome): PodOutcome {
  const pod = outcome.pod;
  outcome.qosClass = qosClassOf(pod);
  const priority = dig(pod, "spec", "priority");
  outcome.priority = typeof priority === "number" ? priority : 0;
  outcome.resources = { requests: toRecord(podRequests(pod)), limits: toRecord(podLimits(pod)) };
  outcome.volumes = volumeNotes(state, pod, outcome.namespace);
  return outcome;
}
