// Secret data (and ConfigMap binaryData) is base64: a value that is not is
// refused by the API server and reported by the schema layer (format "byte").
// What the schema cannot see is plain text that happens to be valid base64
// ("admin123"): it is accepted, and the pod reads binary garbage. Values are
// never echoed back in messages.
import type { KubeObject, Report } from "../../types.js";
import { base64ErrorOffset } from "../../schema/go-base64.js";
import type { Rule } from "../types.js";
import { keyPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { stringEntries } from "../../util/object-access.js";

/** Short, unpadded alphanumeric values: what a plain password or token under data looks like. */
const PLAIN_TEXT_SUSPECT = /^[A-Za-z0-9]{1,16}$/;

/** Whether the bytes are UTF-8 text without control characters other than whitespace. */
function isPrintableText(bytes: Buffer): boolean {
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

function fieldReports(object: KubeObject, field: "data" | "binaryData", plainTextField: string): Report[] {
  const reports: Report[] = [];
  for (const [key, value] of stringEntries(object[field])) {
    if (!PLAIN_TEXT_SUSPECT.test(value) || base64ErrorOffset(value) !== undefined) continue;
    if (isPrintableText(Buffer.from(value, "base64"))) continue;
    reports.push(
      reportAt(
        [field, key],
        `${keyPath([field], key)}: the value is valid base64 but decodes to binary data, not text; if it is the plain value, put it under ${plainTextField} (or base64-encode it)`,
        { suggestion: plainTextField },
      ),
    );
  }
  return reports;
}

export const secretBase64: Rule = {
  id: "secret/base64",
  severity: "warning",
  description: "Short Secret data values that decode to binary are likely plain text that belongs in stringData (invalid base64 is a schema error).",
  check(document) {
    const { object } = document;
    if (apiGroup(object.apiVersion) !== "") return [];
    if (object.kind === "Secret") return fieldReports(object, "data", "stringData");
    if (object.kind === "ConfigMap") return fieldReports(object, "binaryData", "data");
    return [];
  },
};
