// Label and annotation syntax of a CronJob's job template (ValidateLabels,
// ValidateAnnotations): the API server accepts the CronJob, but every Job
// created from it carries this metadata and is rejected. Objects' own metadata,
// pod templates and selectors are checked on their kinds' create paths.
import type { Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { annotationReports, fieldPathOf, labelMapReports } from "../support/label-checks.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord } from "../../util/object-access.js";

export const metadataLabels: Rule = {
  id: "metadata/labels",
  severity: "error",
  description: "Labels and annotations of a CronJob's job template must have the syntax the API server requires of the Jobs it creates.",
  check(document, context: RuleContext) {
    const { object } = document;
    if (object.kind !== "CronJob" || apiGroup(object.apiVersion) !== "batch") return [];
    const metadata = dig(object, "spec", "jobTemplate", "metadata");
    if (!isRecord(metadata)) return [];
    const path = fieldPathOf(["spec", "jobTemplate", "metadata"]);
    const reports: Report[] = [
      ...labelMapReports(metadata.labels, path.child("labels"), context.kubernetesVersion),
      ...annotationReports(metadata.annotations, path.child("annotations"), context.kubernetesVersion),
    ];
    return reports;
  },
};
