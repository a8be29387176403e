// ValidateValidatingWebhookConfiguration and ValidateMutatingWebhookConfiguration
// (pkg/apis/admissionregistration/validation/validation.go), as on create:
// webhook names (fully qualified, unique), rules, policies, side effects
// (None or NoneOnDryRun), timeouts, selectors, the client config, match
// conditions, and the AdmissionReview versions.
import { validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { isDNS1035Label, isFullyQualifiedName } from "../../apimachinery/validation.js";
import { duplicate, invalid, notSupported, required, tooMany, type ErrorList } from "../../field/errors.js";
import { FieldPath } from "../../field/path.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { int, isSet, list, obj, str, strings } from "../core/fields.js";
import { validateQualifiedName } from "../core/names.js";
import { compileCELExpression, type CompilationOptions } from "./cel.js";
import { validateWebhookService, validateWebhookURL } from "./client-config.js";
import { listValue, SUPPORTED_MATCH_POLICIES, validateRuleWithOperations } from "./rules.js";
import { appendAll } from "../../../util/append.js";

export const SUPPORTED_FAILURE_POLICIES = ["Fail", "Ignore"];
const NO_SIDE_EFFECT_CLASSES = ["None", "NoneOnDryRun"];
const SUPPORTED_REINVOCATION_POLICIES = ["IfNeeded", "Never"];
/** AcceptedAdmissionReviewVersions. */
const ACCEPTED_ADMISSION_REVIEW_VERSIONS = ["v1", "v1beta1"];
const MAX_MATCH_CONDITIONS = 64;

/** validateAdmissionReviewVersions: at least one, no repeats, DNS-1035 labels, one the server understands. */
function validateAdmissionReviewVersions(versions: string[], fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (versions.length < 1) return [required(fldPath, `must specify one of ${ACCEPTED_ADMISSION_REVIEW_VERSIONS.join(", ")}`)];
  const errors: ErrorList = [];
  const seen = new Set<string>();
  let hasAcceptedVersion = false;
  versions.forEach((version, i) => {
    if (seen.has(version)) {
      errors.push(invalid(fldPath.index(i), version, "duplicate version"));
      return;
    }
    seen.add(version);
    for (const detail of isDNS1035Label(version)) errors.push(invalid(fldPath.index(i), version, detail));
    if (ACCEPTED_ADMISSION_REVIEW_VERSIONS.includes(version)) hasAcceptedVersion = true;
  });
  if (!hasAcceptedVersion) {
    errors.push(invalid(fldPath, listValue(versions, "string", kubernetesVersion), `must include at least one of ${ACCEPTED_ADMISSION_REVIEW_VERSIONS.join(", ")}`));
  }
  return errors;
}

/** validateMatchCondition: an expression that compiles to a bool, a qualified name. */
function validateMatchCondition(condition: JsonRecord, options: CompilationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const expression = str(condition, "expression").trim();
  if (expression.length === 0) errors.push(required(fldPath.child("expression")));
  else appendAll(errors, compileCELExpression(expression, "matchCondition", options, fldPath.child("expression")));
  const name = str(condition, "name");
  if (name.length === 0) errors.push(required(fldPath.child("name")));
  else appendAll(errors, validateQualifiedName(name, fldPath.child("name")));
  return errors;
}

/** validateMatchConditions: at most 64, each valid, names unique. */
export function validateMatchConditions(conditions: JsonRecord[], options: CompilationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (conditions.length > MAX_MATCH_CONDITIONS) errors.push(tooMany(fldPath, conditions.length, MAX_MATCH_CONDITIONS));
  const names = new Set<string>();
  conditions.forEach((condition, i) => {
    appendAll(errors, validateMatchCondition(condition, options, fldPath.index(i)));
    const name = str(condition, "name");
    if (name.length === 0) return;
    if (names.has(name)) errors.push(duplicate(fldPath.index(i).child("name"), name));
    else names.add(name);
  });
  return errors;
}

/** validateValidatingWebhook / validateMutatingWebhook. */
function validateWebhook(hook: JsonRecord, mutating: boolean, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [...isFullyQualifiedName(fldPath.child("name"), str(hook, "name"))];
  list(hook, "rules").forEach((rule, i) => appendAll(errors, validateRuleWithOperations(rule, fldPath.child("rules").index(i), kubernetesVersion)));
  const failurePolicy = str(hook, "failurePolicy");
  if (isSet(hook, "failurePolicy") && !SUPPORTED_FAILURE_POLICIES.includes(failurePolicy)) errors.push(notSupported(fldPath.child("failurePolicy"), failurePolicy, SUPPORTED_FAILURE_POLICIES));
  const matchPolicy = str(hook, "matchPolicy");
  if (isSet(hook, "matchPolicy") && !SUPPORTED_MATCH_POLICIES.includes(matchPolicy)) errors.push(notSupported(fldPath.child("matchPolicy"), matchPolicy, SUPPORTED_MATCH_POLICIES));
  // On create, only webhooks without side effects (or none on dry run) are allowed.
  if (!isSet(hook, "sideEffects")) errors.push(required(fldPath.child("sideEffects"), `must specify one of ${NO_SIDE_EFFECT_CLASSES.join(", ")}`));
  else if (!NO_SIDE_EFFECT_CLASSES.includes(str(hook, "sideEffects"))) errors.push(notSupported(fldPath.child("sideEffects"), str(hook, "sideEffects"), NO_SIDE_EFFECT_CLASSES));
  const timeout = int(hook, "timeoutSeconds");
  if (timeout !== undefined && (timeout > 30 || timeout < 1)) errors.push(invalid(fldPath.child("timeoutSeconds"), timeout, "the timeout value must be between 1 and 30 seconds"));
  for (const key of ["namespaceSelector", "objectSelector"]) {
    if (isSet(hook, key)) appendAll(errors, validateLabelSelector(obj(hook, key), { allowInvalidLabelValueInSelector: false }, fldPath.child(key)));
  }
  const reinvocationPolicy = str(hook, "reinvocationPolicy");
  if (mutating && isSet(hook, "reinvocationPolicy") && !SUPPORTED_REINVOCATION_POLICIES.includes(reinvocationPolicy)) {
    errors.push(notSupported(fldPath.child("reinvocationPolicy"), reinvocationPolicy, SUPPORTED_REINVOCATION_POLICIES));
  }
  const clientConfig = obj(hook, "clientConfig") ?? {};
  const service = obj(clientConfig, "service");
  if (isSet(clientConfig, "url") === isSet(clientConfig, "service")) errors.push(required(fldPath.child("clientConfig"), "exactly one of url or service is required"));
  else if (isSet(clientConfig, "url")) appendAll(errors, validateWebhookURL(fldPath.child("clientConfig", "url"), str(clientConfig, "url"), true));
  else if (service) {
    const path = typeof service.path === "string" ? service.path : undefined;
    appendAll(errors, validateWebhookService(fldPath.child("clientConfig", "service"), str(service, "namespace"), str(service, "name"), path, int(service, "port") ?? 0, kubernetesVersion));
  }
  appendAll(errors, validateMatchConditions(list(hook, "matchConditions"), { hasParams: false, hasAuthorizer: true, kubernetesVersion }, fldPath.child("matchConditions")));
  return errors;
}

/** validateValidatingWebhookConfiguration / validateMutatingWebhookConfiguration, after ObjectMeta. */
export function validateWebhookConfiguration(configuration: JsonRecord, mutating: boolean, kubernetesVersion: string): ErrorList {
  const errors: ErrorList = [];
  const names = new Set<string>();
  list(configuration, "webhooks").forEach((hook, i) => {
    const hookPath = FieldPath.root("webhooks").index(i);
    appendAll(errors, validateWebhook(hook, mutating, hookPath, kubernetesVersion));
    appendAll(errors, validateAdmissionReviewVersions(strings(hook, "admissionReviewVersions"), hookPath.child("admissionReviewVersions"), kubernetesVersion));
    const name = str(hook, "name");
    if (name.length === 0) return;
    if (names.has(name)) errors.push(duplicate(hookPath.child("name"), name));
    else names.add(name);
  });
  return errors;
}
