// Label and annotation syntax, and the label selectors the
// API server validates with them (ValidateObjectMeta, ValidateLabelSelector).
import type { ManifestDocument, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue, tooLong } from "../support/field-errors.js";
import { labelMapReports, labelSelectorReports } from "../support/label-checks.js";
import { isLabelKey } from "../../apiserver/apimachinery/validation.js";
import { podTemplatesOf } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup, byteLength } from "../../util/api-values.js";
import { isRecord } from "../../util/object-access.js";
import { lookupTable } from "../../util/lookup-table.js";

/** apimachinery's TotalAnnotationSizeLimitB. */
const ANNOTATIONS_MAX_BYTES = 256 * 1024;

/** Kinds (by `group/Kind`) with a metav1.LabelSelector, and where. */
const SELECTOR_FIELDS: Readonly<Record<string, PathSegment[][]>> = lookupTable({
  "apps/Deployment": [["spec", "selector"]],
  "apps/ReplicaSet": [["spec", "selector"]],
  "apps/StatefulSet": [["spec", "selector"]],
  "apps/DaemonSet": [["spec", "selector"]],
  "batch/Job": [["spec", "selector"]],
  "policy/PodDisruptionBudget": [["spec", "selector"]],
});

/**
 * ValidateAnnotations: keys are qualified names once lower-cased (case does
 * not matter for annotations), and keys plus values fit in 256 KiB.
 */
function annotationReports(map: unknown, at: PathSegment[], shownPath: string): Report[] {
  if (!isRecord(map)) return [];
  const reports: Report[] = [];
  let total = 0;
  for (const [key, value] of Object.entries(map)) {
    for (const detail of isLabelKey(key.toLowerCase())) {
      reports.push(reportAt([...at, key], invalid(shownPath, scalarValue(key), detail), { atKey: true }));
    }
    total += byteLength(key) + (typeof value === "string" ? byteLength(value) : 0);
  }
  if (total > ANNOTATIONS_MAX_BYTES) {
    reports.push(reportAt(at, tooLong(shownPath, ANNOTATIONS_MAX_BYTES) + ` (they add up to ${total} bytes)`, { atKey: true }));
  }
  return reports;
}

function objectMetadataReports(document: ManifestDocument): Report[] {
  const metadata = document.object.metadata;
  if (!isRecord(metadata)) return [];
  return [...labelMapReports(metadata.labels, ["metadata", "labels"]), ...annotationReports(metadata.annotations, ["metadata", "annotations"], "metadata.annotations")];
}

/** Pod templates: the API server names their labels `spec.template.labels` (no `metadata`). */
function templateReports(document: ManifestDocument): Report[] {
  const reports: Report[] = [];
  for (const template of podTemplatesOf(document.object)) {
    const isPod = template.metadataPath.length === 1;
    if (!isPod && template.metadata) {
      const templatePath = template.metadataPath.slice(0, -1);
      reports.push(...labelMapReports(template.metadata.labels, [...template.metadataPath, "labels"], fieldPath([...templatePath, "labels"])));
      reports.push(...annotationReports(template.metadata.annotations, [...template.metadataPath, "annotations"], fieldPath([...templatePath, "annotations"])));
    }
  }
  return reports;
}

function selectorReports(document: ManifestDocument): Report[] {
  const { object } = document;
  const group = apiGroup(object.apiVersion);
  const reports: Report[] = [];
  for (const path of SELECTOR_FIELDS[`${group}/${object.kind}`] ?? []) {
    let selector: unknown = object;
    for (const step of path) selector = isRecord(selector) ? selector[step as string] : undefined;
    reports.push(...labelSelectorReports(selector, path));
  }
  if (object.kind === "Service" && group === "" && isRecord(object.spec)) {
    reports.push(...labelMapReports(object.spec.selector, ["spec", "selector"]));
  }
  if (object.kind === "CronJob" && group === "batch") {
    const jobTemplate = isRecord(object.spec) ? object.spec.jobTemplate : undefined;
    const metadata = isRecord(jobTemplate) ? jobTemplate.metadata : undefined;
    if (isRecord(metadata)) {
      reports.push(...labelMapReports(metadata.labels, ["spec", "jobTemplate", "metadata", "labels"]));
      reports.push(...annotationReports(metadata.annotations, ["spec", "jobTemplate", "metadata", "annotations"], "spec.jobTemplate.metadata.annotations"));
    }
  }
  return reports;
}

export const metadataLabels: Rule = {
  id: "metadata/labels",
  severity: "error",
  description: "Label keys and values, annotation keys and size and label selectors must have the syntax the API server requires.",
  check(document) {
    return [...objectMetadataReports(document), ...templateReports(document), ...selectorReports(document)];
  },
};
