// metadata.name or metadata.generateName must be set (ValidateObjectMeta).
import type { Rule } from "../types.js";
import { required } from "../support/field-errors.js";
import { reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { isRecord, stringOf } from "../../util/object-access.js";

/** Configuration files of kustomize sit next to manifests but are not API objects. */
const NOT_API_OBJECTS = new Set(["kustomize.config.k8s.io"]);

function hasText(value: unknown): boolean {
  const text = stringOf(value);
  return text !== undefined && text.length > 0;
}

export const namesRequired: Rule = {
  id: "names/required",
  severity: "error",
  description: "Every object needs metadata.name (or metadata.generateName, for kubectl create).",
  check(document) {
    const { object } = document;
    if (NOT_API_OBJECTS.has(apiGroup(object.apiVersion))) return [];
    const metadata = object.metadata;
    // A name of another type is the schema layer's to report.
    if (isRecord(metadata) && (metadata.name !== undefined && metadata.name !== null && typeof metadata.name !== "string")) return [];
    if (isRecord(metadata) && (hasText(metadata.name) || hasText(metadata.generateName))) return [];
    const at = isRecord(metadata) ? ["metadata"] : [];
    return [reportAt(at, required("metadata.name", "name or generateName is required"), { atKey: true })];
  },
};
