// The name lengths the batch controllers need, as kube-apiserver checks them:
// a CronJob's Jobs are named after it, and a Job's pods carry its name as a label.
import type { ManifestDocument, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isLabelValue } from "../../apiserver/apimachinery/validation.js";
import { reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord, stringOf } from "../../util/object-access.js";

/** A CronJob's Jobs are named `<cronjob>-<11 characters>`, and Job names must fit a label value. */
const CRONJOB_NAME_MAX = 52;

/** The Job controller labels the pod template with the Job's name (`job-name`, `batch.kubernetes.io/job-name`). */
function checkJobNameAsLabel(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "Job" || apiGroup(object.apiVersion) !== "batch") return [];
  if (dig(object, "spec", "manualSelector") === true) return [];
  const name = stringOf(dig(object, "metadata", "name"));
  if (!name) return [];
  return isLabelValue(name)
    .filter((detail) => detail.startsWith("must be no more than"))
    .map((detail) =>
      reportAt(
        ["metadata", "name"],
        invalid("spec.template.labels", scalarValue(name), detail) +
          " (the Job's name becomes the value of its pods' job-name label; use at most 63 characters)",
      ),
    );
}

function checkCronJobName(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "CronJob" || apiGroup(object.apiVersion) !== "batch") return [];
  const name = stringOf(dig(object, "metadata", "name"));
  if (!name || name.length <= CRONJOB_NAME_MAX) return [];
  return [reportAt(["metadata", "name"], invalid("metadata.name", scalarValue(name), `must be no more than ${CRONJOB_NAME_MAX} characters`))];
}

export const namesFormat: Rule = {
  id: "names/format",
  severity: "error",
  description: "CronJob names fit in 52 characters and Job names in a label value (63), as the API server requires.",
  check(document) {
    if (!isRecord(document.object.metadata)) return [];
    return [...checkCronJobName(document), ...checkJobNameAsLabel(document)];
  },
};
