// Container names are DNS-1123 labels (validateContainerCommon).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, required, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../support/name-syntax.js";
import { containersOf, podTemplatesOf } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { toDnsName } from "../support/suggestions.js";
import { stringOf } from "../../util/object-access.js";

export const namesContainerName: Rule = {
  id: "names/container-name",
  severity: "error",
  description: "Container names (containers, initContainers, ephemeralContainers) must be DNS-1123 labels.",
  check(document) {
    const reports: Report[] = [];
    for (const template of podTemplatesOf(document.object)) {
      for (const { path, container } of containersOf(template)) {
        const name = stringOf(container.name);
        if (name === undefined) continue;
        const at = [...path, "name"];
        if (name === "") {
          reports.push(reportAt(at, required(fieldPath(at))));
          continue;
        }
        const fixed = toDnsName(name, "label");
        for (const detail of isDNS1123Label(name)) {
          reports.push(reportAt(at, invalid(fieldPath(at), scalarValue(name), detail), fixed ? { suggestion: fixed } : {}));
        }
      }
    }
    return reports;
  },
};
