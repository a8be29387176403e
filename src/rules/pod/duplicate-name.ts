// Volume names must be unique in a pod (ValidateVolumes).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { duplicate, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../../apiserver/apimachinery/validation.js";
import { podTemplatesOf, type PodTemplate } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

function volumeNameReports(template: PodTemplate): Report[] {
  const seen = new Set<string>();
  const reports: Report[] = [];
  arrayOf(template.spec.volumes).forEach((volume, index) => {
    const name = isRecord(volume) ? stringOf(volume.name) : undefined;
    if (!name) return;
    const at = [...template.specPath, "volumes", index, "name"];
    if (seen.has(name)) reports.push(reportAt(at, duplicate(fieldPath(at), scalarValue(name))));
    // Upstream only remembers volumes that passed validation.
    else if (isDNS1123Label(name).length === 0) seen.add(name);
  });
  return reports;
}

export const podDuplicateName: Rule = {
  id: "pod/duplicate-name",
  severity: "error",
  description: "Volume names must be unique in a pod.",
  check(document) {
    return podTemplatesOf(document.object).flatMap(volumeNameReports);
  },
};
