// Volume names are DNS-1123 labels (ValidateVolumes).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { dnsLabelFieldReports } from "../support/dns-label-field.js";
import { podTemplatesOf } from "../support/pod-templates.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

export const namesVolumeName: Rule = {
  id: "names/volume-name",
  severity: "error",
  description: "Pod volume names must be DNS-1123 labels.",
  check(document) {
    const reports: Report[] = [];
    for (const template of podTemplatesOf(document.object)) {
      arrayOf(template.spec.volumes).forEach((volume, index) => {
        const name = isRecord(volume) ? stringOf(volume.name) : undefined;
        if (name !== undefined) reports.push(...dnsLabelFieldReports(name, [...template.specPath, "volumes", index, "name"]));
      });
    }
    return reports;
  },
};
