// Secret data and ConfigMap binaryData values are base64 ([]byte in JSON):
// the API server refuses the object when one does not decode. Values are
// never echoed back in messages.
import type { KubeObject, Report } from "../../types.js";
import type { Rule } from "../types.js";
import { decodeBase64, isPrintableText } from "../support/go-base64.js";
import { keyPath, reportAt } from "../support/reports.js";
import { apiGroup, stringEntries } from "../support/values.js";

/** Short, unpadded alphanumeric values that decode to binary are most likely plain text put under data. */
const PLAIN_TEXT_SUSPECT = /^[A-Za-z0-9]{1,16}$/;

function looksLikePlainText(value: string): boolean {
  return /[^A-Za-z0-9+/=\r\n]/.test(value) || value.replace(/[\r\n]/g, "").length % 4 !== 0;
}

function fieldReports(object: KubeObject, field: "data" | "binaryData", plainTextField: string): Report[] {
  const kind = object.kind!;
  const reports: Report[] = [];
  for (const [key, value] of stringEntries(object[field])) {
    const shown = keyPath([field], key);
    const result = decodeBase64(value);
    if (!result.ok) {
      const error = `illegal base64 data at input byte ${result.offset}`;
      const plain = looksLikePlainText(value);
      reports.push(
        reportAt(
          [field, key],
          `${shown}: ${error} (the API server refuses the ${kind}: "${kind} in version \\"v1\\" cannot be handled as a ${kind}: ${error}"; ` +
            `${field} values must be base64-encoded${plain ? `, put plain text under ${plainTextField}` : ""})`,
          plain ? { suggestion: plainTextField } : {},
        ),
      );
    } else if (PLAIN_TEXT_SUSPECT.test(value) && !isPrintableText(result.bytes)) {
      reports.push(
        reportAt(
          [field, key],
          `${shown}: the value is valid base64 but decodes to binary data, not text; if it is the plain value, put it under ${plainTextField} (or base64-encode it)`,
          { severity: "warning", suggestion: plainTextField },
        ),
      );
    }
  }
  return reports;
}

export const secretBase64: Rule = {
  id: "secret/base64",
  severity: "error",
  description: "Secret data (and ConfigMap binaryData) values must be base64; plain text belongs in stringData (or data).",
  check(document) {
    const { object } = document;
    if (apiGroup(object.apiVersion) !== "") return [];
    if (object.kind === "Secret") return fieldReports(object, "data", "stringData");
    if (object.kind === "ConfigMap") return fieldReports(object, "binaryData", "data");
    return [];
  },
};
