// Port names: a container port's name is an IANA_SVC_NAME (validateContainerPorts),
// a Service port's name a DNS-1123 label (validateServicePort).
import type { ManifestDocument, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label, isValidPortName } from "../../apiserver/apimachinery/validation.js";
import { containersOf, podTemplatesOf } from "../support/pod-templates.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

/** The nearest IANA service name: lower case, `a-z0-9-`, no `--`, at most 15 characters. */
function toPortName(name: string): string | undefined {
  const fixed = name
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, "-")
    .replace(/-+/g, "-")
    .slice(0, 15)
    .replace(/^-+|-+$/g, "");
  return fixed !== "" && fixed !== name && isValidPortName(fixed).length === 0 ? fixed : undefined;
}

function portNameReports(at: PathSegment[], name: string, errors: string[], suggestion: string | undefined): Report[] {
  return errors.map((detail) => reportAt(at, invalid(fieldPath(at), scalarValue(name), detail), suggestion ? { suggestion } : {}));
}

function containerPortNames(document: ManifestDocument): Report[] {
  const reports: Report[] = [];
  for (const template of podTemplatesOf(document.object)) {
    for (const { path, container } of containersOf(template)) {
      arrayOf(container.ports).forEach((port, index) => {
        const name = isRecord(port) ? stringOf(port.name) : undefined;
        if (!name) return;
        const at = [...path, "ports", index, "name"];
        reports.push(...portNameReports(at, name, isValidPortName(name), toPortName(name)));
      });
    }
  }
  return reports;
}

function servicePortNames(document: ManifestDocument): Report[] {
  const { object } = document;
  if (object.kind !== "Service" || apiGroup(object.apiVersion) !== "") return [];
  const reports: Report[] = [];
  arrayOf(isRecord(object.spec) ? object.spec.ports : undefined).forEach((port, index) => {
    const name = isRecord(port) ? stringOf(port.name) : undefined;
    if (!name) return;
    const at = ["spec", "ports", index, "name"];
    const fixed = name.toLowerCase().replace(/[^a-z0-9-]/g, "-").replace(/-+/g, "-").replace(/^-+|-+$/g, "").slice(0, 63);
    reports.push(...portNameReports(at, name, isDNS1123Label(name), fixed && fixed !== name ? fixed : undefined));
  });
  return reports;
}

export const namesPortName: Rule = {
  id: "names/port-name",
  severity: "error",
  description: "Container port names must be IANA service names (at most 15 characters, a-z0-9-, a letter); Service port names DNS-1123 labels.",
  check(document) {
    return [...containerPortNames(document), ...servicePortNames(document)];
  },
};
