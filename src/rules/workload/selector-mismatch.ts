// A controller's selector must select the pods of its own template (apps and
// batch validation, ValidatePodTemplateSpecForRC); empty and missing selectors
// are rejected where upstream rejects them.
import type { KubeObject, Report } from "../../types.js";
import { matchesLabelSelector, matchesMapSelector } from "../../util/selectors.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid, labelSelectorValue, notSupported, required, stringMapValue } from "../support/field-errors.js";
import { isUsableSelector } from "../support/label-checks.js";
import { podTemplatesOf, templateLabels, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord, recordOf, strictStringMapOf } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

const MISMATCH = "`selector` does not match template `labels`";

/** The word upstream uses in "empty selector is invalid for <word>" (ReplicaSet reuses "deployment"). */
const EMPTY_SELECTOR_WORD: Readonly<Record<string, string>> = lookupTable({
  Deployment: "deployment",
  ReplicaSet: "deployment",
  StatefulSet: "statefulset",
  DaemonSet: "daemonset",
});

function isEmptySelector(selector: Record<string, unknown>): boolean {
  const expressions = selector.matchExpressions;
  return Object.keys(recordOf(selector.matchLabels)).length === 0 && (!Array.isArray(expressions) || expressions.length === 0);
}

/** The labels the template lacks for a matchLabels selector, as `key=value` pairs. */
function missingLabels(selector: Record<string, string>, labels: Record<string, string> | undefined): string | undefined {
  const missing = Object.entries(selector)
    .filter(([key, value]) => labels?.[key] !== value)
    .map(([key, value]) => `${key}=${value}`);
  return missing.length > 0 ? missing.sort().join(",") : undefined;
}

function mismatchReport(template: PodTemplate, context: RuleContext, fix: string | undefined): Report {
  const labels = templateLabels(template);
  const at = [...template.metadataPath, "labels"];
  return reportAt(at, invalid(fieldPath(at), stringMapValue(labels, context.kubernetesVersion), MISMATCH), fix ? { suggestion: fix } : {});
}

/** Deployment, ReplicaSet, StatefulSet, DaemonSet (apps/v1: the selector is never defaulted). */
function appsReports(object: KubeObject, template: PodTemplate, context: RuleContext): Report[] {
  const kind = object.kind!;
  const selector = dig(object, "spec", "selector");
  if (selector === undefined || selector === null) {
    // A DaemonSet without selector fails the match instead (a nil selector selects nothing).
    if (kind === "DaemonSet") return [mismatchReport(template, context, undefined)];
    return [reportAt(["spec", "selector"], required("spec.selector") + " (apps/v1 does not default it; copy the template labels into spec.selector.matchLabels)", { atKey: true })];
  }
  if (!isRecord(selector)) return [];
  if (isEmptySelector(selector)) {
    return [reportAt(["spec", "selector"], invalid("spec.selector", labelSelectorValue(selector, context.kubernetesVersion), `empty selector is invalid for ${EMPTY_SELECTOR_WORD[kind]}`), { atKey: true })];
  }
  if (!isUsableSelector(selector)) return [];
  if (matchesLabelSelector(selector, templateLabels(template))) return [];
  const matchLabels = strictStringMapOf(selector.matchLabels);
  return [mismatchReport(template, context, matchLabels ? missingLabels(matchLabels, templateLabels(template)) : undefined)];
}

/** ReplicationController: a missing or empty selector defaults to the template labels. */
function replicationControllerReports(object: KubeObject, template: PodTemplate, context: RuleContext): Report[] {
  const selector = dig(object, "spec", "selector");
  const labels = templateLabels(template);
  const selectorMap = strictStringMapOf(selector);
  if (selector === undefined || selector === null || (selectorMap && Object.keys(selectorMap).length === 0)) {
    if (!labels || Object.keys(labels).length === 0) return [reportAt(["spec"], required("spec.selector"), { atKey: true })];
    return [];
  }
  if (!selectorMap || matchesMapSelector(selectorMap, labels)) return [];
  return [mismatchReport(template, context, missingLabels(selectorMap, labels))];
}

/** Job: the selector is generated unless spec.manualSelector is true. */
function jobReports(object: KubeObject, template: PodTemplate, context: RuleContext): Report[] {
  const selector = dig(object, "spec", "selector");
  const manual = dig(object, "spec", "manualSelector") === true;
  if (!manual) {
    if (!isRecord(selector)) return [];
    return [
      reportAt(["spec", "selector"], "spec.selector: `selector` not auto-generated (a Job's selector is generated from its uid; set spec.manualSelector: true to use your own, or remove spec.selector)", {
        atKey: true,
      }),
    ];
  }
  if (selector === undefined || selector === null) return [reportAt(["spec", "manualSelector"], required("spec.selector") + " (spec.manualSelector is true)", { atKey: true })];
  if (!isRecord(selector) || !isUsableSelector(selector) || matchesLabelSelector(selector, templateLabels(template))) return [];
  const matchLabels = strictStringMapOf(selector.matchLabels);
  return [mismatchReport(template, context, matchLabels ? missingLabels(matchLabels, templateLabels(template)) : undefined)];
}

/** CronJob: its Jobs always get a generated selector. */
function cronJobReports(object: KubeObject, context: RuleContext): Report[] {
  const reports: Report[] = [];
  const selector = dig(object, "spec", "jobTemplate", "spec", "selector");
  if (isRecord(selector)) {
    const at = ["spec", "jobTemplate", "spec", "selector"];
    reports.push(reportAt(at, invalid("spec.jobTemplate.spec.selector", labelSelectorValue(selector, context.kubernetesVersion), "`selector` will be auto-generated"), { atKey: true }));
  }
  if (dig(object, "spec", "jobTemplate", "spec", "manualSelector") === true) {
    const at = ["spec", "jobTemplate", "spec", "manualSelector"];
    reports.push(reportAt(at, notSupported("spec.jobTemplate.spec.manualSelector", "true", ["nil", "false"]), { suggestion: "false" }));
  }
  return reports;
}

/** Labels or selector values of another type than string are the schema layer's to report; comparing them would mislead. */
function hasNonStringValues(value: unknown): boolean {
  return isRecord(value) && Object.values(value).some((v) => typeof v !== "string");
}

function comparable(object: KubeObject, template: PodTemplate): boolean {
  const selector = dig(object, "spec", "selector");
  // A ReplicationController's selector is a plain map; the others' a metav1.LabelSelector.
  const selectorMap = object.kind === "ReplicationController" ? selector : dig(selector, "matchLabels");
  return !hasNonStringValues(template.metadata?.labels) && !hasNonStringValues(selectorMap);
}

export const workloadSelectorMismatch: Rule = {
  id: "workload/selector-mismatch",
  severity: "error",
  description: "A controller's selector must be set, non-empty and match its pod template's labels.",
  check(document, context) {
    const { object } = document;
    const group = apiGroup(object.apiVersion);
    if (object.kind === "CronJob" && group === "batch") return cronJobReports(object, context);
    const template = podTemplatesOf(object)[0];
    if (!template || object.kind === "Pod" || object.kind === "PodTemplate" || !comparable(object, template)) return [];
    switch (object.kind) {
      case "ReplicationController":
        return replicationControllerReports(object, template, context);
      case "Job":
        return jobReports(object, template, context);
      default:
        // Only apps/v1 leaves the selector undefaulted; older versions are not served any more.
        return object.apiVersion === "apps/v1" ? appsReports(object, template, context) : [];
    }
  },
};
