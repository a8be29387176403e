// The API server's verdict on creating each object, as findings: its field
// errors (rejections) and its warnings, placed at the field they name.
import { createObject, hasCreatePath } from "../apiserver/index.js";
import { errorMessage, OMIT_VALUE, warningMessage, type FieldError } from "../apiserver/field/errors.js";
import type { Finding, ManifestDocument, Report, RuleInfo } from "../types.js";
import { isSecretValuePointer } from "../util/secret-values.js";
import { reportToFinding } from "./findings.js";

export const CREATE_PATH_RULES: readonly RuleInfo[] = [
  {
    id: "apiserver/validation",
    severity: "error",
    description: "kube-apiserver would reject the object on create: its validation's field errors, in its words.",
  },
  {
    id: "apiserver/warning",
    severity: "warning",
    description: "kube-apiserver would accept the object on create with a warning, in its words.",
  },
];

/** Whether `pointer` is `base` or lies under it. */
function within(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + "/");
}

/** A Secret's values are never printed: an error about one names the field, not the value. */
function masked(error: FieldError, document: ManifestDocument): FieldError {
  if (!isSecretValuePointer(document.object, error.field.pointer()) || isAboutKey(error)) return error;
  return { ...error, badValue: OMIT_VALUE };
}

/** Whether the error is about a map key itself (`data[my key]: Invalid value: "my key"`). */
function isAboutKey(error: FieldError): boolean {
  const segments = error.field.segments();
  return segments.length > 0 && segments[segments.length - 1] === error.badValue;
}

function errorReport(error: FieldError): Report {
  const report: Report = { pointer: error.field.pointer(), message: errorMessage(error) };
  // A field that must not be set, or a bad map key, is shown at its key.
  if (error.type === "FieldValueForbidden" || isAboutKey(error)) report.atKey = true;
  if (error.suggestion !== undefined) report.suggestion = error.suggestion;
  return report;
}

/**
 * The create path's findings for one document. `schemaFindings` are the schema
 * layer's: where it already reported a value (wrong type, not in the enum), the
 * API server's error about the same value is left out, as decoding would have
 * stopped there.
 */
export function createPathFindings(document: ManifestDocument, schemaFindings: readonly Finding[], kubernetesVersion: string): Finding[] {
  if (!hasCreatePath(document.object)) return [];
  const reported = schemaFindings
    .filter((finding) => finding.severity === "error" && finding.path.startsWith(document.pointerPrefix))
    .map((finding) => finding.path.slice(document.pointerPrefix.length));
  let outcome;
  try {
    outcome = createObject(document.object, { kubernetesVersion });
  } catch (error) {
    const report = { pointer: "", severity: "warning" as const, message: `the API server's checks could not run on this object: ${(error as Error).message}` };
    return [reportToFinding(document, "apiserver/validation", "warning", report)];
  }
  const findings: Finding[] = [];
  for (const error of outcome.errors) {
    const pointer = error.field.pointer();
    if (reported.some((base) => within(pointer, base))) continue;
    findings.push(reportToFinding(document, "apiserver/validation", "error", errorReport(masked(error, document))));
  }
  for (const warning of outcome.warnings) {
    const report: Report = { pointer: warning.field?.pointer() ?? "", message: warningMessage(warning) };
    findings.push(reportToFinding(document, "apiserver/warning", "warning", report));
  }
  return findings;
}
