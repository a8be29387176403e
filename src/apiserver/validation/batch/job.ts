// Job validation (pkg/apis/batch/validation/validation.go: ValidateJob,
// validateGeneratedSelector, ValidateJobSpec and the unexported validateJobSpec
// that a CronJob's job template shares), on the defaulted, prepared object.
import { labelSelectorAsSelector } from "../../apimachinery/label-selector.js";
import { isDNS1123Label, isDomainPrefixedPath } from "../../apimachinery/validation.js";
import { invalid, notSupported, OMIT_VALUE, PrintedValue, required, tooLongMaxLength, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import { goQuote, pointerField, printedFor, scalarField, stringMapValue, structField } from "../../field/values.js";
import { int, isSet, list, obj, str } from "../core/fields.js";
import { validateSelectorMatchesTemplate } from "../apps/selector.js";
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { validatePodTemplateSpec, type PodValidationOptions } from "../core/pod.js";
import { validateNonnegativeField } from "../core/probes.js";
import { validatePodFailurePolicy, validatePodReplacementPolicy } from "./pod-failure-policy.js";
import { validateSuccessPolicy } from "./success-policy.js";
import { byteLength } from "../../../util/api-values.js";
import { validateObjectMeta, validateReplicationControllerName } from "../core/object-meta.js";
import { stringMapOf, type JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";
import { nameAtValidation } from "../../storage/names.js";

/** The labels the API server puts on a Job's pods when it generates the selector. */
export const LEGACY_JOB_NAME_LABEL = "job-name";
export const JOB_NAME_LABEL = "batch.kubernetes.io/job-name";
export const LEGACY_CONTROLLER_UID_LABEL = "controller-uid";
export const CONTROLLER_UID_LABEL = "batch.kubernetes.io/controller-uid";

/** The maximum parallelism of an Indexed Job (it caps the length of status.completedIndexes). */
const MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000;
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_MANAGED_BY_LENGTH = 63;

/**
 * ValidateHasLabel for the job-name labels the selector generation put on the
 * template (a different value written by hand is kept, and rejected). The
 * controller-uid labels carry the server's uid, which cannot be known offline.
 */
function validateJobNameLabels(job: JsonRecord, kubernetesVersion: string): ErrorList {
  const name = str(obj(job, "metadata"), "name");
  const metadataPath = FieldPath.root("spec", "template", "metadata");
  const labels = stringMapOf(obj(obj(obj(job, "spec"), "template"), "metadata")?.labels);
  return [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL].flatMap((key) => {
    if (!Object.hasOwn(labels, key) || labels[key] === name) return [];
    return [{ ...invalid(metadataPath.child("labels").key(key), new PrintedValue(stringMapValue(labels, kubernetesVersion)), `must be '${name}'`), suggestion: name }];
  });
}

/** validateGeneratedSelector: without manualSelector, the generated selector must still select the generated labels. */
export function validateGeneratedSelector(job: JsonRecord, kubernetesVersion: string): ErrorList {
  const spec = obj(job, "spec") ?? {};
  if (spec.manualSelector === true || !isSet(spec, "selector")) return [];
  const errors = validateJobNameLabels(job, kubernetesVersion);
  const selector = labelSelectorAsSelector(spec.selector);
  const uid = str(obj(job, "metadata"), "uid");
  const name = str(obj(job, "metadata"), "name");
  const expected = { [CONTROLLER_UID_LABEL]: uid, [JOB_NAME_LABEL]: name, [LEGACY_CONTROLLER_UID_LABEL]: uid, [LEGACY_JOB_NAME_LABEL]: name };
  if (selector && !selector.matches(expected)) {
    // The selector holds the server's uid: its value cannot be shown.
    errors.push({ ...invalid(FieldPath.root("spec", "selector"), OMIT_VALUE, "`selector` not auto-generated"), suggestion: "manualSelector: true" });
  }
  return errors;
}

/** The restart policies a Job's pods may have: OnFailure or Never (Never only, with a podFailurePolicy). */
function validateJobRestartPolicy(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const path = fldPath.child("template", "spec", "restartPolicy");
  const restartPolicy = str(obj(obj(spec, "template"), "spec"), "restartPolicy");
  // The pod default, Always, is what a template without restartPolicy gets.
  if (restartPolicy === "Always" || restartPolicy === "") return [{ ...required(path, `valid values: ${goQuote("OnFailure")}, ${goQuote("Never")}`), suggestion: "Never" }];
  if (restartPolicy !== "OnFailure" && restartPolicy !== "Never") return [notSupported(path, restartPolicy, ["OnFailure", "Never"])];
  if (isSet(spec, "podFailurePolicy") && restartPolicy !== "Never") {
    return [{ ...invalid(path, restartPolicy, `only ${goQuote("Never")} is supported when podFailurePolicy is specified`), suggestion: "Never" }];
  }
  return [];
}

/** The checks of an Indexed Job's counts. */
function validateIndexedCompletion(spec: JsonRecord, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const completions = int(spec, "completions");
  const parallelism = int(spec, "parallelism");
  const maxFailedIndexes = int(spec, "maxFailedIndexes");
  if (!isSet(spec, "completions")) errors.push(required(fldPath.child("completions"), "when completion mode is Indexed"));
  if (parallelism !== undefined && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
    errors.push(invalid(fldPath.child("parallelism"), parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
  }
  if (completions !== undefined && maxFailedIndexes !== undefined && maxFailedIndexes > completions) {
    errors.push(invalid(fldPath.child("maxFailedIndexes"), maxFailedIndexes, "must be less than or equal to completions"));
  }
  if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
    errors.push(invalid(fldPath.child("maxFailedIndexes"), maxFailedIndexes, `must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`));
  }
  if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && isSet(spec, "backoffLimitPerIndex")) {
    if (maxFailedIndexes === undefined) errors.push(required(fldPath.child("maxFailedIndexes"), `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
    if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
      const detail = `must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      errors.push(invalid(fldPath.child("parallelism"), parallelism, detail));
    }
    if (maxFailedIndexes !== undefined && maxFailedIndexes > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
      const detail = `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      errors.push(invalid(fldPath.child("maxFailedIndexes"), maxFailedIndexes, detail));
    }
  }
  return errors;
}

/** A SuccessPolicy bad value. */
function successPolicyValue(policy: JsonRecord, kubernetesVersion: string): PrintedValue {
  const rules = list(policy, "rules").map((rule) =>
    structField("batch.SuccessPolicyRule", [
      ["SucceededIndexes", pointerField("string", isSet(rule, "succeededIndexes") ? scalarField(str(rule, "succeededIndexes")) : undefined)],
      ["SucceededCount", pointerField("int32", isSet(rule, "succeededCount") ? scalarField(int(rule, "succeededCount") ?? 0) : undefined)],
    ]),
  );
  const rulesField = isSet(policy, "rules")
    ? { go: "[]batch.SuccessPolicyRule{" + rules.map((rule) => rule.go).join(", ") + "}", json: "[" + rules.map((rule) => rule.json).join(",") + "]" }
    : { go: "[]batch.SuccessPolicyRule(nil)", json: "null" };
  return new PrintedValue(printedFor(structField("batch.SuccessPolicy", [["Rules", rulesField]]), kubernetesVersion));
}

/** The numbers that may not be negative, in upstream's order. */
const NON_NEGATIVE_FIELDS = ["parallelism", "completions", "activeDeadlineSeconds", "backoffLimit", "ttlSecondsAfterFinished", "backoffLimitPerIndex"];

/** Upstream's unexported validateJobSpec: what a Job and a CronJob's job template both check. */
export function validateJobSpecFields(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  for (const field of NON_NEGATIVE_FIELDS) {
    const value = int(spec, field);
    if (value !== undefined) appendAll(errors, validateNonnegativeField(value, fldPath.child(field)));
  }
  const maxFailedIndexes = int(spec, "maxFailedIndexes");
  if (maxFailedIndexes !== undefined) {
    appendAll(errors, validateNonnegativeField(maxFailedIndexes, fldPath.child("maxFailedIndexes")));
    if (!isSet(spec, "backoffLimitPerIndex")) errors.push(required(fldPath.child("backoffLimitPerIndex"), "when maxFailedIndexes is specified"));
  }
  if (isSet(spec, "managedBy")) {
    const managedBy = str(spec, "managedBy");
    appendAll(errors, isDomainPrefixedPath(fldPath.child("managedBy"), managedBy));
    if (byteLength(managedBy) > MAX_MANAGED_BY_LENGTH) errors.push(tooLongMaxLength(fldPath.child("managedBy"), managedBy, MAX_MANAGED_BY_LENGTH));
  }
  const completionMode = isSet(spec, "completionMode") ? str(spec, "completionMode") : undefined;
  if (completionMode !== undefined) {
    if (completionMode !== "NonIndexed" && completionMode !== "Indexed") errors.push(notSupported(fldPath.child("completionMode"), completionMode, ["NonIndexed", "Indexed"]));
    if (completionMode === "Indexed") appendAll(errors, validateIndexedCompletion(spec, fldPath));
  }
  if (completionMode === undefined || completionMode === "NonIndexed") {
    const backoffLimitPerIndex = int(spec, "backoffLimitPerIndex");
    if (backoffLimitPerIndex !== undefined) errors.push(invalid(fldPath.child("backoffLimitPerIndex"), backoffLimitPerIndex, "requires indexed completion mode"));
    if (maxFailedIndexes !== undefined) errors.push(invalid(fldPath.child("maxFailedIndexes"), maxFailedIndexes, "requires indexed completion mode"));
  }
  if (isSet(spec, "podFailurePolicy")) appendAll(errors, validatePodFailurePolicy(spec, fldPath.child("podFailurePolicy"), opts.kubernetesVersion));
  if (isSet(spec, "successPolicy")) {
    const path = fldPath.child("successPolicy");
    if (completionMode !== "Indexed") errors.push(invalid(path, successPolicyValue(obj(spec, "successPolicy") ?? {}, opts.kubernetesVersion), "requires indexed completion mode"));
    else appendAll(errors, validateSuccessPolicy(spec, path));
  }
  appendAll(errors, validatePodReplacementPolicy(spec, fldPath.child("podReplacementPolicy")));
  appendAll(errors, validatePodTemplateSpec(obj(spec, "template") ?? {}, fldPath.child("template"), opts));
  appendAll(errors, validateJobRestartPolicy(spec, fldPath));
  return errors;
}

/** ValidateJobSpec: the shared checks, a selector (generated unless manual) that selects the template. */
export function validateJobSpec(spec: JsonRecord, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors = validateJobSpecFields(spec, fldPath, opts);
  if (!isSet(spec, "selector")) errors.push(required(fldPath.child("selector")));
  else appendAll(errors, validateLabelSelector(spec.selector, { allowInvalidLabelValueInSelector: false }, fldPath.child("selector")));
  // Whether manually or automatically generated, the selector must match the pods it will produce.
  const selector = labelSelectorAsSelector(spec.selector);
  if (selector) appendAll(errors, validateSelectorMatchesTemplate(selector, spec.selector, obj(spec, "template") ?? {}, fldPath.child("template"), opts.kubernetesVersion));
  return errors;
}

/** ValidateJob. */
export function validateJob(job: JsonRecord, opts: PodValidationOptions): ErrorList {
  const metadata = obj(job, "metadata");
  const spec = obj(job, "spec") ?? {};
  // Jobs and ReplicationControllers have the same name validation.
  const errors = validateObjectMeta(job.metadata, true, validateReplicationControllerName, FieldPath.root("metadata"), opts.kubernetesVersion);
  appendAll(errors, validateGeneratedSelector(job, opts.kubernetesVersion));
  appendAll(errors, validateJobSpec(spec, FieldPath.root("spec"), opts));
  const completions = int(spec, "completions");
  if (str(spec, "completionMode") === "Indexed" && completions !== undefined && completions > 0) {
    // The pods of an Indexed Job take `<name>-<index>` as their hostname.
    const name = nameAtValidation(metadata);
    const maximumPodHostname = `${name}-${completions - 1}`;
    if (isDNS1123Label(maximumPodHostname).length > 0) {
      errors.push(invalid(FieldPath.root("metadata", "name"), name, `will not able to create pod with invalid DNS label: ${maximumPodHostname}`));
    }
  }
  return errors;
}
