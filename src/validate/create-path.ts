// The API server's verdict on creating each object, as findings: its field
// errors (rejections) and its warnings, placed at the field they name.
import { createObject, hasCreatePath, type CreateContext } from "../apiserver/index.js";
import { errorMessage, OMIT_VALUE, PrintedValue, warningMessage, type FieldError } from "../apiserver/field/errors.js";
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
/** Whether `pointer` is one of `bases` or inside one: its prefixes looked up, not every base compared. */
function withinAny(pointer: string, bases: ReadonlySet<string>): boolean {
  if (bases.size === 0) return false;
  for (let end = pointer.length; end >= 0; end = pointer.lastIndexOf("/", end - 1)) {
    if (bases.has(pointer.slice(0, end))) return true;
    if (end === 0) break;
  }
  return false;
}

/**
 * A Secret's values are never printed: an error about one names the field, not
 * the value. A value printed by the check itself (upstream's "<secret contents
 * redacted>") is kept.
 */
function masked(error: FieldError, document: ManifestDocument): FieldError {
  if (!isSecretValuePointer(document.object, error.field.pointer()) || isAboutKey(error) || error.badValue instanceof PrintedValue) return error;
  return { ...error, badValue: OMIT_VALUE };
}

/** Whether the error is about a map key itself (`data[my key]: Invalid value: "my key"`). */
function isAboutKey(error: FieldError): boolean {
  const segments = error.field.segments();
  return segments.length > 0 && segments[segments.length - 1] === error.badValue;
}

/** Where the finding points: the key or value the error is about, else the field it names. */
function pointerOf(error: FieldError): string {
  return (error.at?.field ?? error.field).pointer();
}

/** A field error as a report: its message in the release's words, at the key or value it is about. */
export function fieldErrorReport(error: FieldError, kubernetesVersion: string): Report {
  const report: Report = { pointer: pointerOf(error), message: errorMessage(error, kubernetesVersion) };
  // A field that must not be set, or a bad map key, is shown at its key.
  if (error.type === "FieldValueForbidden" || isAboutKey(error) || error.at?.key) report.atKey = true;
  if (error.suggestion !== undefined) report.suggestion = error.suggestion;
  return report;
}

/**
 * The create path's findings for one document. `schemaFindings` are the schema
 * layer's: where it already reported a value (wrong type, not in the enum), the
 * API server's error about the same value is left out, as decoding would have
 * stopped there.
 */
export function createPathFindings(document: ManifestDocument, schemaFindings: readonly Finding[], context: CreateContext): Finding[] {
  if (!hasCreatePath(document.object)) return [];
  const reported = new Set(
    schemaFindings
      .filter((finding) => finding.severity === "error" && finding.path.startsWith(document.pointerPrefix))
      .map((finding) => finding.path.slice(document.pointerPrefix.length)),
  );
  let outcome;
  try {
    outcome = createObject(document.object, context);
  } catch (error) {
    const report = { pointer: "", severity: "warning" as const, message: `the API server's checks could not run on this object: ${(error as Error).message}` };
    return [reportToFinding(document, "apiserver/validation", "warning", report)];
  }
  const findings: Finding[] = [];
  // The API server lists each message once (ErrorList.ToAggregate).
  const messages = new Set<string>();
  for (const error of outcome.errors) {
    const pointer = pointerOf(error);
    if (withinAny(pointer, reported)) continue;
    const report = fieldErrorReport(masked(error, document), context.kubernetesVersion);
    if (messages.has(report.message)) continue;
    messages.add(report.message);
    findings.push(reportToFinding(document, "apiserver/validation", "error", report));
  }
  for (const warning of outcome.warnings) {
    const report: Report = { pointer: (warning.at ?? warning.field)?.pointer() ?? "", message: warningMessage(warning) };
    findings.push(reportToFinding(document, "apiserver/warning", "warning", report));
  }
  return findings;
}
