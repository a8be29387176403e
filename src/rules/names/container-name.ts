// Container names are DNS-1123 labels (validateContainerCommon).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { dnsLabelFieldReports } from "../support/dns-label-field.js";
import { containersOf, podTemplatesOf } from "../support/pod-templates.js";
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
        if (name !== undefined) reports.push(...dnsLabelFieldReports(name, [...path, "name"]));
      }
    }
    return reports;
  },
};
