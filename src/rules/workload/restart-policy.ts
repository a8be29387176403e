// The restart policy each controller allows for its pods (batch validation's
// validateJobSpec; apps validation and ValidatePodTemplateSpecForRC). The pod
// default is Always, so a Job template without restartPolicy is rejected.
import type { KubeObject, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { goQuote, invalid, notSupported, required, scalarValue } from "../support/field-errors.js";
import { podTemplatesOf, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Controllers whose pods must always restart, by kind and API group. */
const ALWAYS_RESTARTING: Readonly<Record<string, string>> = lookupTable({
  Deployment: "apps",
  ReplicaSet: "apps",
  DaemonSet: "apps",
  StatefulSet: "apps",
  ReplicationController: "",
});

const JOB_POLICIES = ["OnFailure", "Never"] as const;

/** The pod's own closed set: a value outside it is the schema layer's enum error, not reported twice. */
const POD_POLICIES = new Set(["Always", "OnFailure", "Never"]);

/** The restart policy as written: undefined when absent or empty (the pod default, Always, applies). */
function writtenPolicy(template: PodTemplate): unknown {
  const value = template.spec.restartPolicy;
  return value === null || value === "" ? undefined : value;
}

function jobReports(template: PodTemplate, podFailurePolicy: unknown): Report[] {
  const at = [...template.specPath, "restartPolicy"];
  const policy = writtenPolicy(template);
  if (policy === undefined || policy === "Always") {
    const detail = `valid values: ${JOB_POLICIES.map(goQuote).join(", ")}`;
    return [reportAt(at, required(fieldPath(at), detail), { suggestion: "Never" })];
  }
  if (policy === "OnFailure" && podFailurePolicy !== undefined && podFailurePolicy !== null) {
    return [reportAt(at, invalid(fieldPath(at), scalarValue(policy), 'only "Never" is supported when podFailurePolicy is specified'), { suggestion: "Never" })];
  }
  return [];
}

function alwaysReports(template: PodTemplate): Report[] {
  const policy = writtenPolicy(template);
  if (typeof policy !== "string" || policy === "Always" || !POD_POLICIES.has(policy)) return [];
  const at = [...template.specPath, "restartPolicy"];
  return [reportAt(at, notSupported(fieldPath(at), scalarValue(policy), ["Always"]), { suggestion: "Always" })];
}

function reportsOf(object: KubeObject, template: PodTemplate): Report[] {
  const kind = object.kind ?? "";
  const group = apiGroup(object.apiVersion);
  if (group === "batch" && kind === "Job") return jobReports(template, dig(object, "spec", "podFailurePolicy"));
  if (group === "batch" && kind === "CronJob") return jobReports(template, dig(object, "spec", "jobTemplate", "spec", "podFailurePolicy"));
  if (ALWAYS_RESTARTING[kind] === group) return alwaysReports(template);
  return [];
}

export const workloadRestartPolicy: Rule = {
  id: "workload/restart-policy",
  severity: "error",
  description: "Job and CronJob pod templates must set restartPolicy OnFailure or Never (the pod default, Always, is rejected); Deployments, ReplicaSets, DaemonSets, StatefulSets and ReplicationControllers only allow Always.",
  check(document) {
    return podTemplatesOf(document.object).flatMap((template) => reportsOf(document.object, template));
  },
};
