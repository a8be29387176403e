// Keys of Secret data/stringData (ValidateSecret). ConfigMap keys are checked by
// the create path (src/apiserver/validation/core/config-map.ts).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isConfigMapKey } from "../../apiserver/apimachinery/validation.js";
import { configKeySuggestion } from "../../apiserver/validation/core/config-map.js";
import { keyPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { isRecord } from "../../util/object-access.js";

export const namesConfigKey: Rule = {
  id: "names/config-key",
  severity: "error",
  description: "Secret keys must consist of alphanumeric characters, '-', '_' or '.'.",
  check(document) {
    const { object } = document;
    if (object.kind !== "Secret" || apiGroup(object.apiVersion) !== "") return [];
    const reports: Report[] = [];
    // stringData is merged into data before validation, so its keys are reported as data[...].
    for (const field of ["data", "stringData"]) {
      const map = object[field];
      if (!isRecord(map)) continue;
      for (const key of Object.keys(map)) {
        const fixed = configKeySuggestion(key);
        for (const detail of isConfigMapKey(key)) {
          reports.push(reportAt([field, key], invalid(keyPath(["data"], key), scalarValue(key), detail), { atKey: true, ...(fixed ? { suggestion: fixed } : {}) }));
        }
      }
    }
    return reports;
  },
};
