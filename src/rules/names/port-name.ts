// Service port names are DNS-1123 labels (validateServicePort).
import type { ManifestDocument, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isDNS1123Label } from "../../apiserver/apimachinery/validation.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";

function portNameReports(at: PathSegment[], name: string, errors: string[], suggestion: string | undefined): Report[] {
  return errors.map((detail) => reportAt(at, invalid(fieldPath(at), scalarValue(name), detail), suggestion ? { suggestion } : {}));
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
  description: "Service port names must be DNS-1123 labels.",
  check(document) {
    return servicePortNames(document);
  },
};
