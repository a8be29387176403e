// The API server's verdict on creating each object, as findings: its field
// errors (rejections) and its warnings, placed at the field they name.
import { createObject, hasCreatePath, type CreateContext } from "../apiserver/index.js";
import { errorMessage, OMIT_VALUE, PrintedValue, warningMessage, type FieldError, type FieldWarning } from "../apiserver/field/errors.js";
import type { Finding, KubeObject, ManifestDocument, Report, RuleInfo } from "../types.js";
import { isSecretValuePointer } from "../util/secret-values.js";
import { reportToFinding } from "./findings.js";
import { SCHEMA_RULES } from "../schema/index.js";
import { meantFields } from "../schema/meant-fields.js";
import { CUSTOM_RESOURCE_RULES } from "../schema/crd/problem.js";
import { parentPointer } from "../util/pointer.js";
import { appendAll } from "../util/append.js";

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
 * Schema findings that only approximate the API server's validation: the
 * closed sets kubeplan lists and the OpenAPI `required` lists, which the API
 * server does not check for built-in kinds (its decoder reports only unknown
 * fields and wrong types or formats; validation decides the rest).
 */
const APPROXIMATIONS: ReadonlySet<string> = new Set([SCHEMA_RULES.enum, SCHEMA_RULES.required]);

/**
 * A custom resource's value validations (bounds, lengths, patterns, such as a
 * CRD's restriction of metadata.name) and x-kubernetes-validations run on the
 * decoded object, beside the checks of its metadata: their errors (one at the
 * root when the rules could not run) say nothing about how the values decoded.
 */
const AFTER_DECODING: ReadonlySet<string> = new Set([SCHEMA_RULES.invalidValue, CUSTOM_RESOURCE_RULES.celRule, CUSTOM_RESOURCE_RULES.celRulesNotChecked]);

/**
 * Fields the OpenAPI schema lists as required that the API server's
 * validation takes absent, as their zero value: on a kind kubeplan models,
 * the schema's "Required value" about one is left out.
 */
const OPTIONAL_ON_THE_SERVER: ReadonlyArray<{ kind?: string; pointer: RegExp }> = [
  // validateScaleIOVolumeSource and validateScaleIOPersistentVolumeSource ask for gateway, system and volumeName only.
  { pointer: /\/scaleIO\/secretRef$/ },
  // validateISCSIVolumeSource and validateISCSIPersistentVolumeSource take any lun from 0 to 255.
  { pointer: /\/iscsi\/lun$/ },
  // validateSysctls checks the names only.
  { pointer: /\/sysctls\/\d+\/value$/ },
  // validateHTTPGetAction checks the header names only.
  { pointer: /\/httpHeaders\/\d+\/value$/ },
  // validateSleepAction takes 0 since 1.33; before, it reports at `sleep` itself.
  { pointer: /\/sleep\/seconds$/ },
  // ValidatePriorityClass takes any value up to one billion, 0 included.
  { kind: "PriorityClass", pointer: /^\/value$/ },
  // ValidatePreferredSchedulingTerms validates the preference as a term, and a term needs no requirement.
  { pointer: /\/preferredDuringSchedulingIgnoredDuringExecution\/\d+\/preference$/ },
  // ValidateStatefulSetSpec never asked for a serviceName (required in the OpenAPI schema until 1.33).
  { kind: "StatefulSet", pointer: /^\/spec\/serviceName$/ },
];

function isOptionalOnTheServer(kind: unknown, pointer: string): boolean {
  return OPTIONAL_ON_THE_SERVER.some((entry) => (entry.kind === undefined || entry.kind === kind) && entry.pointer.test(pointer));
}

/**
 * Fields whose closed set or required value upstream's validation checks but
 * reports at another field: there, its error is the one finding of the mistake.
 */
const REPORTED_ELSEWHERE: ReadonlyArray<{ kind?: string; pointer: RegExp; reportedAt: (pointer: string) => string }> = [
  // ValidateDeploymentStrategy, ValidateDaemonSetUpdateStrategy and ValidateStatefulSetSpec report a bad type at the strategy.
  { pointer: /^\/spec\/(strategy|updateStrategy)\/type$/, reportedAt: parentPointer },
  // ValidatePersistentVolume(ClaimSpec) report an unsupported access mode at the list; ValidateNetworkPolicySpec, more than two policy types.
  { pointer: /\/accessModes\/\d+$/, reportedAt: parentPointer },
  { kind: "NetworkPolicy", pointer: /^\/spec\/policyTypes\/\d+$/, reportedAt: parentPointer },
  // validateDownwardAPIVolumeFile reports an item's errors at the downwardAPI source, not at the item.
  { pointer: /\/downwardAPI\/items\/\d+\//, reportedAt: (pointer) => pointer.replace(/\/downwardAPI\/items\/\d+\//, "/downwardAPI/") },
];

/** Where upstream's validation reports about the field at `pointer`. */
function reportedAt(kind: unknown, pointer: string): string {
  const entry = REPORTED_ELSEWHERE.find((candidate) => (candidate.kind === undefined || candidate.kind === kind) && candidate.pointer.test(pointer));
  return entry ? entry.reportedAt(pointer) : pointer;
}

/** A schema finding's "did you mean" hint, kept when the API server's words replace it. */
function hintOf(finding: Finding): string | undefined {
  if (finding.suggestion === undefined) return undefined;
  const hint = ` (did you mean ${JSON.stringify(finding.suggestion)}?)`;
  return finding.message.includes(hint) ? hint : undefined;
}

/**
 * The schema layer's findings of one document merged with the API server's
 * create path. Where the decoder would have stopped (unknown field, wrong type
 * or format), the API server's errors about that value are left out. Where
 * kubeplan's schema only approximates validation (closed sets, required
 * fields) and the API server's validation of the kind reports at the same
 * field (or where upstream reports about it), its error is the one shown,
 * keeping the schema's hint; where it reports nothing there, the schema's
 * finding stays. A required field that an unknown field was meant to be is
 * not reported again as missing.
 */
export function createPathFindings(document: ManifestDocument, schemaFindings: readonly Finding[], context: CreateContext): Finding[] {
  if (!hasCreatePath(document.object)) return [...schemaFindings];
  let outcome;
  try {
    outcome = createObject(document.object, context);
  } catch (error) {
    const report = { pointer: "", severity: "warning" as const, message: `the API server's checks could not run on this object: ${(error as Error).message}` };
    return [...schemaFindings, reportToFinding(document, "apiserver/validation", "warning", report)];
  }
  // Nothing to weigh against each other (the usual case): the warnings are the whole verdict.
  if (schemaFindings.length === 0 && outcome.errors.length === 0) return warningFindings(document, outcome.warnings);
  const inDocument = (finding: Finding) => finding.severity === "error" && finding.path.startsWith(document.pointerPrefix);
  const pointerIn = (finding: Finding) => finding.path.slice(document.pointerPrefix.length);
  const yields = (finding: Finding) => outcome.validated && APPROXIMATIONS.has(finding.rule) && inDocument(finding);
  const decoded = new Set(schemaFindings.filter((finding) => inDocument(finding) && !yields(finding) && !AFTER_DECODING.has(finding.rule)).map(pointerIn));
  const validatedAt = new Set(outcome.errors.filter((error) => !withinAny(pointerOf(error), decoded)).flatMap((error) => [pointerOf(error), error.field.pointer()]));
  // The schema's hint on a value, carried to the API server's error about it.
  const hints = new Map<string, Finding>();
  const kept = schemaFindings.filter((finding) => {
    if (!yields(finding)) return true;
    if (finding.rule === SCHEMA_RULES.required && isOptionalOnTheServer(document.object.kind, pointerIn(finding))) return false;
    const reported = [pointerIn(finding), reportedAt(document.object.kind, pointerIn(finding))].find((pointer) => validatedAt.has(pointer));
    if (reported === undefined) return true;
    if (hintOf(finding) !== undefined) hints.set(reported, finding);
    return false;
  });
  const findings: Finding[] = [...kept];
  // A required field an unknown field was meant to be: the decoder's finding about the unknown one says it all.
  const meant = meantFields(
    schemaFindings.flatMap((finding) =>
      finding.rule === SCHEMA_RULES.unknownField && finding.suggestion !== undefined && inDocument(finding) ? [{ pointer: pointerIn(finding), suggestion: finding.suggestion }] : [],
    ),
  );
  // The API server lists each message once (ErrorList.ToAggregate).
  const messages = new Set<string>();
  for (const error of outcome.errors) {
    const pointer = pointerOf(error);
    if (withinAny(pointer, decoded)) continue;
    if (error.type === "FieldValueRequired" && meant(error.field.pointer())) continue;
    const report = fieldErrorReport(masked(error, document), context.kubernetesVersion);
    if (messages.has(report.message)) continue;
    messages.add(report.message);
    const hinted = hints.get(pointer) ?? hints.get(error.field.pointer());
    if (hinted && report.suggestion === undefined) {
      report.message += hintOf(hinted);
      report.suggestion = hinted.suggestion;
      // Upstream reports at the strategy, the hint is about its type: the fix replaces that value, not the whole field.
      if (pointerIn(hinted) !== report.pointer) report.fix = { description: `replace with ${JSON.stringify(hinted.suggestion)}`, changes: [{ op: "setValue", pointer: pointerIn(hinted), value: hinted.suggestion! }] };
    }
    findings.push(reportToFinding(document, "apiserver/validation", "error", report));
  }
  return appendAll(findings, warningFindings(document, outcome.warnings));
}

/**
 * Whether createPathFindings, given no schema finding, finds nothing: the API
 * server creates the object without an error or a warning. Another thread
 * works this out while the main thread checks the rest (remote-create-path.ts).
 */
export function createsCleanly(object: KubeObject, context: CreateContext): boolean {
  if (!hasCreatePath(object)) return true;
  try {
    const outcome = createObject(object, context);
    return outcome.errors.length === 0 && outcome.warnings.length === 0;
  } catch {
    return false;
  }
}

/** The API server's warnings, each at the field it names. */
function warningFindings(document: ManifestDocument, warnings: readonly FieldWarning[]): Finding[] {
  return warnings.map((warning) => {
    const report: Report = { pointer: (warning.at ?? warning.field)?.pointer() ?? "", message: warningMessage(warning) };
    return reportToFinding(document, "apiserver/warning", "warning", report);
  });
}
