// Label and annotation syntax of pod templates and job templates, and the label
// selectors, of kinds whose own create path is not modelled yet
// (ValidateLabels, ValidateAnnotations, ValidateLabelSelector). An object's own
// metadata is checked on its create path (ValidateObjectMeta), and so are the
// templates of kinds that have a strategy there.
import type { ManifestDocument, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule, RuleContext } from "../types.js";
import { annotationReports, fieldPathOf, labelMapReports, labelSelectorReports } from "../support/label-checks.js";
import { podTemplatesOf } from "../support/pod-templates.js";
import { hasStrategy } from "../../apiserver/registry/index.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord, stringOf } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

/** Kinds (by `group/Kind`) with a metav1.LabelSelector, and where. */
const SELECTOR_FIELDS: Readonly<Record<string, PathSegment[][]>> = lookupTable({
  "apps/Deployment": [["spec", "selector"]],
  "apps/ReplicaSet": [["spec", "selector"]],
  "apps/StatefulSet": [["spec", "selector"]],
  "apps/DaemonSet": [["spec", "selector"]],
  "batch/Job": [["spec", "selector"]],
  "policy/PodDisruptionBudget": [["spec", "selector"]],
});

/** Template metadata: upstream names it `spec.template.labels` (ObjectMeta is embedded in Go). */
function templateReports(document: ManifestDocument, version: string): Report[] {
  const reports: Report[] = [];
  const modelled = hasStrategy(stringOf(document.object.apiVersion) ?? "", stringOf(document.object.kind) ?? "");
  for (const template of podTemplatesOf(document.object)) {
    const isPod = template.metadataPath.length === 1;
    if (!isPod && !modelled && template.metadata) {
      const templatePath = fieldPathOf(template.metadataPath.slice(0, -1)).embedded("metadata");
      reports.push(...labelMapReports(template.metadata.labels, templatePath.child("labels"), version));
      reports.push(...annotationReports(template.metadata.annotations, templatePath.child("annotations"), version));
    }
  }
  return reports;
}

function selectorReports(document: ManifestDocument, version: string): Report[] {
  const { object } = document;
  const group = apiGroup(object.apiVersion);
  const reports: Report[] = [];
  for (const path of SELECTOR_FIELDS[`${group}/${object.kind}`] ?? []) {
    reports.push(...labelSelectorReports(dig(object, ...path), fieldPathOf(path), version));
  }
  if (object.kind === "CronJob" && group === "batch") {
    const metadata = dig(object, "spec", "jobTemplate", "metadata");
    const path = fieldPathOf(["spec", "jobTemplate", "metadata"]);
    if (isRecord(metadata)) {
      reports.push(...labelMapReports(metadata.labels, path.child("labels"), version));
      reports.push(...annotationReports(metadata.annotations, path.child("annotations"), version));
    }
  }
  return reports;
}

export const metadataLabels: Rule = {
  id: "metadata/labels",
  severity: "error",
  description: "Labels and annotations of pod and job templates, and label selectors, must have the syntax the API server requires.",
  check(document, context: RuleContext) {
    return [...templateReports(document, context.kubernetesVersion), ...selectorReports(document, context.kubernetesVersion)];
  },
};
