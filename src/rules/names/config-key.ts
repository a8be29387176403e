// Keys of ConfigMap data/binaryData and Secret data/stringData (ValidateConfigMap, ValidateSecret).
import type { Report } from "../../types.js";
import type { Rule } from "../types.js";
import { invalid, scalarValue } from "../support/field-errors.js";
import { isConfigMapKey } from "../support/name-syntax.js";
import { keyPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../support/values.js";
import { isRecord } from "../../util/object-access.js";

const KEYED_FIELDS: Record<string, readonly string[]> = {
  ConfigMap: ["data", "binaryData"],
  // stringData is merged into data before validation, so its keys are reported as data[...].
  Secret: ["data", "stringData"],
};

function toConfigKey(key: string): string | undefined {
  const fixed = key.replace(/[^-._a-zA-Z0-9]/g, "_").replace(/^\.\.+/, "");
  return fixed !== "" && fixed !== key && isConfigMapKey(fixed).length === 0 ? fixed : undefined;
}

export const namesConfigKey: Rule = {
  id: "names/config-key",
  severity: "error",
  description: "ConfigMap and Secret keys must consist of alphanumeric characters, '-', '_' or '.'.",
  check(document) {
    const { object } = document;
    const fields = object.kind ? KEYED_FIELDS[object.kind] : undefined;
    if (!fields || apiGroup(object.apiVersion) !== "") return [];
    const reports: Report[] = [];
    for (const field of fields) {
      const map = object[field];
      if (!isRecord(map)) continue;
      const reported = object.kind === "Secret" ? "data" : field;
      for (const key of Object.keys(map)) {
        const fixed = toConfigKey(key);
        for (const detail of isConfigMapKey(key)) {
          reports.push(reportAt([field, key], invalid(keyPath([reported], key), scalarValue(key), detail), { atKey: true, ...(fixed ? { suggestion: fixed } : {}) }));
        }
      }
    }
    const data = object.data;
    const binaryData = object.binaryData;
    if (object.kind === "ConfigMap" && isRecord(data) && isRecord(binaryData)) {
      for (const key of Object.keys(data)) {
        if (Object.prototype.hasOwnProperty.call(binaryData, key)) {
          reports.push(reportAt(["data", key], invalid(keyPath(["data"], key), scalarValue(key), "duplicate of key present in binaryData"), { atKey: true }));
        }
      }
    }
    return reports;
  },
};
