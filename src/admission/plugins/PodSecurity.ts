// PodSecurity (k8s.io/pod-security-admission/admission): pods are denied by
// the namespace's enforce level and warned by its warn level; workloads are
// only warned about (their pods are checked when the controller creates them).
import type { KubeObject } from "../../types.js";
import { setDefaultsPod } from "../../apiserver/defaults/index.js";
import { preparePodForCreate } from "../../apiserver/registry/pod.js";
import { cloneJson, dig, recordOf, stringOf, type JsonRecord } from "../../util/object-access.js";
import {
  evaluatePod, forbiddenDetail, forbiddenReason, levelVersionString, policyOf,
  type LevelVersion, type Policy,
} from "../podsecurity/policy.js";
import type { CheckFailure } from "../podsecurity/helpers.js";
import type { PlanState } from "../state.js";

export interface PodSecurityOutcome {
  /** `violates PodSecurity "restricted:latest": ...` when the enforce level denies. */
  denial?: string;
  /** Warnings returned to the client (warn level). */
  warnings: string[];
  /** The audit annotation's value (audit level), recorded in the audit log only. */
  audit?: string;
}

/** The pod template of the workload kinds PodSecurity inspects, and where it is. */
export function podTemplateOf(object: KubeObject): { template: Record<string, unknown>; pointer: string } | undefined {
  switch (object.kind) {
    case "Deployment":
    case "ReplicaSet":
    case "StatefulSet":
    case "DaemonSet":
    case "Job":
    case "ReplicationController":
      return { template: recordOf(dig(object, "spec", "template")), pointer: "/spec/template" };
    case "CronJob":
      return { template: recordOf(dig(object, "spec", "jobTemplate", "spec", "template")), pointer: "/spec/jobTemplate/spec/template" };
    case "PodTemplate":
      return { template: recordOf(object.template), pointer: "/template" };
    default:
      return undefined;
  }
}

function isPrivileged(policy: Policy): boolean {
  return policy.enforce.level === "privileged" && policy.audit.level === "privileged" && policy.warn.level === "privileged";
}

/** EvaluatePod: enforce (pods only), then audit, then warn unless denied; equal levels evaluated once. */
function evaluate(state: PlanState, namespace: string, metadata: unknown, spec: unknown, enforce: boolean): PodSecurityOutcome {
  const policy = policyOf(state.namespaceLabels(namespace));
  const outcome: PodSecurityOutcome = { warnings: [] };
  if (isPrivileged(policy)) return outcome;
  const cache = new Map<string, CheckFailure[]>();
  const failuresAt = (lv: LevelVersion) => {
    const key = levelVersionString(lv);
    if (!cache.has(key)) cache.set(key, evaluatePod(lv, metadata, spec, state.serverMinor));
    return cache.get(key)!;
  };
  if (enforce) {
    const failures = failuresAt(policy.enforce);
    if (failures.length > 0) outcome.denial = `violates PodSecurity "${levelVersionString(policy.enforce)}": ${forbiddenDetail(failures)}`;
  }
  const audit = failuresAt(policy.audit);
  if (audit.length > 0) outcome.audit = `would violate PodSecurity "${levelVersionString(policy.audit)}": ${forbiddenDetail(audit)}`;
  if (!outcome.denial) {
    const warn = failuresAt(policy.warn);
    if (warn.length > 0) outcome.warnings.push(`would violate PodSecurity "${levelVersionString(policy.warn)}": ${forbiddenDetail(warn)}`);
  }
  return outcome;
}

export function checkPod(state: PlanState, namespace: string, pod: KubeObject): PodSecurityOutcome {
  return evaluate(state, namespace, pod.metadata, pod.spec, true);
}

export function checkWorkload(state: PlanState, namespace: string, object: KubeObject): PodSecurityOutcome {
  const found = podTemplateOf(object);
  if (!found) return { warnings: [] };
  // What is checked is the pod the controller will create from the template, as the API server stores it.
  const pod: JsonRecord = { metadata: { annotations: cloneJson(recordOf(recordOf(found.template.metadata).annotations)) }, spec: cloneJson(recordOf(found.template.spec)) };
  setDefaultsPod(pod);
  preparePodForCreate(pod, `1.${state.serverMinor}`);
  return evaluate(state, namespace, found.template.metadata, pod.spec, false);
}

/**
 * A namespace update that tightens the enforce level: warnings naming the
 * existing pods that the new level would deny (EvaluatePodsInNamespace).
 */
export function checkNamespaceUpdate(state: PlanState, oldNamespace: KubeObject, newNamespace: KubeObject): string[] {
  const oldPolicy = policyOf(oldNamespace.metadata?.labels);
  const newPolicy = policyOf(newNamespace.metadata?.labels);
  const enforce = newPolicy.enforce;
  if (enforce.level === "privileged" || levelVersionString(enforce) === levelVersionString(oldPolicy.enforce)) return [];
  const namespace = stringOf(newNamespace.metadata?.name) ?? "";
  const byReason = new Map<string, { podName: string; count: number }>();
  for (const pod of state.podsIn(namespace)) {
    const failures = evaluatePod(enforce, pod.metadata, pod.spec, state.serverMinor);
    if (failures.length === 0) continue;
    const reason = forbiddenReason(failures);
    const podName = stringOf(pod.metadata?.name) ?? "";
    const seen = byReason.get(reason);
    if (!seen) byReason.set(reason, { podName, count: 1 });
    else {
      seen.count++;
      if (podName < seen.podName) seen.podName = podName;
    }
  }
  if (byReason.size === 0) return [];
  const decorated = [...byReason.entries()].map(([reason, { podName, count }]) => {
    if (count === 1) return `${podName}: ${reason}`;
    if (count === 2) return `${podName} (and 1 other pod): ${reason}`;
    return `${podName} (and ${count - 1} other pods): ${reason}`;
  });
  decorated.sort();
  return [`existing pods in namespace "${namespace}" violate the new PodSecurity enforce level "${levelVersionString(enforce)}"`, ...decorated];
}
