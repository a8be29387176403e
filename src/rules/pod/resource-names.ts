// Container requests and limits must name resources the kubelet knows:
// cpu, memory, ephemeral-storage, hugepages-<size>, or an extended resource
// with a domain (validateContainerResourceName). A misspelt name is rejected
// by the API server rather than silently ignored.
import type { Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid } from "../support/field-errors.js";
import { containersOf, podTemplatesOf, type ContainerRef } from "../support/pod-templates.js";
import { keyPath, reportAt } from "../support/reports.js";
import { CONTAINER_RESOURCES, containerResourceNameDetails, resourceNameValue } from "../support/resource-names.js";
import { isRecord } from "../../util/object-access.js";
import { nearest } from "../../util/suggest.js";

const SUGGESTED = [...CONTAINER_RESOURCES, "hugepages-2Mi", "hugepages-1Gi"];

/** The resource meant: `limits.cpu` written inside `limits` means `cpu`; else the nearest known name. */
function suggestionFor(name: string): string | undefined {
  const unprefixed = name.replace(/^(requests|limits)\./, "");
  if (unprefixed !== name && CONTAINER_RESOURCES.includes(unprefixed)) return unprefixed;
  return nearest(name, SUGGESTED);
}

function containerReports({ path, container }: ContainerRef, context: RuleContext): Report[] {
  const resources = container.resources;
  if (!isRecord(resources)) return [];
  const reports: Report[] = [];
  for (const list of ["limits", "requests"]) {
    const entries = resources[list];
    if (!isRecord(entries)) continue;
    const listAt = [...path, "resources", list];
    for (const name of Object.keys(entries)) {
      const details = containerResourceNameDetails(name);
      if (details.length === 0) continue;
      const suggestion = suggestionFor(name);
      const shown = resourceNameValue(name, context.kubernetesVersion);
      for (const detail of details) {
        reports.push(reportAt([...listAt, name], invalid(keyPath(listAt, name), shown, detail), { atKey: true, ...(suggestion ? { suggestion } : {}) }));
      }
    }
  }
  return reports;
}

export const podResourceNames: Rule = {
  id: "pod/resource-names",
  severity: "error",
  description: "Container requests and limits must name cpu, memory, ephemeral-storage, huge pages (hugepages-2Mi) or a domain-qualified extended resource (nvidia.com/gpu).",
  check(document, context) {
    return podTemplatesOf(document.object).flatMap((template) => containersOf(template).flatMap((ref) => containerReports(ref, context)));
  },
};
