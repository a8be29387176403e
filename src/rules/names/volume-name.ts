// Volume names are DNS-1123 labels (ValidateVolumes).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, required, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../support/name-syntax.js";
import { podTemplatesOf } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { toDnsName } from "../support/suggestions.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

export const namesVolumeName: Rule = {
  id: "names/volume-name",
  severity: "error",
  description: "Pod volume names must be DNS-1123 labels.",
  check(document) {
    const reports: Report[] = [];
    for (const template of podTemplatesOf(document.object)) {
      arrayOf(template.spec.volumes).forEach((volume, index) => {
        if (!isRecord(volume)) return;
        const name = stringOf(volume.name);
        if (name === undefined) return;
        const at = [...template.specPath, "volumes", index, "name"];
        if (name === "") {
          reports.push(reportAt(at, required(fieldPath(at))));
          return;
        }
        const fixed = toDnsName(name, "label");
        for (const detail of isDNS1123Label(name)) {
          reports.push(reportAt(at, invalid(fieldPath(at), scalarValue(name), detail), fixed ? { suggestion: fixed } : {}));
        }
      });
    }
    return reports;
  },
};
