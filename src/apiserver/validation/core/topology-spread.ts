// validateTopologySpreadConstraints (pkg/apis/core/validation/validation.go).
import { validateLabelName, validateLabelSelector } from "../../apimachinery/meta-v1-validation.js";
import { duplicate, forbidden, invalid, notSupported, required, type ErrorList, type FieldError } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { int, isSet, list, obj, str, strings } from "./fields.js";
import type { PodValidationOptions } from "./pod-options.js";
import { validateMatchLabelKeysAndMismatchLabelKeys } from "./affinity.js";
import type { JsonRecord } from "../../../util/object-access.js";
import { appendAll } from "../../../util/append.js";

const IS_NOT_POSITIVE = "must be greater than zero";
const SCHEDULE_ACTIONS = ["DoNotSchedule", "ScheduleAnyway"];
const NODE_INCLUSION_POLICIES = ["Honor", "Ignore"];

/** ValidateMaxSkew. */
export function validateMaxSkew(fldPath: FieldPath, maxSkew: number): FieldError | undefined {
  return maxSkew <= 0 ? invalid(fldPath, maxSkew, IS_NOT_POSITIVE) : undefined;
}

/** ValidateTopologyKey. */
export function validateTopologyKey(fldPath: FieldPath, topologyKey: string): FieldError | undefined {
  return topologyKey === "" ? required(fldPath, "can not be empty") : undefined;
}

/** ValidateWhenUnsatisfiable. */
export function validateWhenUnsatisfiable(fldPath: FieldPath, action: string): FieldError | undefined {
  return SCHEDULE_ACTIONS.includes(action) ? undefined : notSupported(fldPath, action, SCHEDULE_ACTIONS);
}

/** ValidateSpreadConstraintNotRepeat: a {topologyKey, whenUnsatisfiable} pair repeated by a later constraint. */
function validateSpreadConstraintNotRepeat(fldPath: FieldPath, constraint: JsonRecord, resting: JsonRecord[]): FieldError | undefined {
  const key = str(constraint, "topologyKey");
  const action = str(constraint, "whenUnsatisfiable");
  const repeated = resting.some((other) => str(other, "topologyKey") === key && str(other, "whenUnsatisfiable") === action);
  return repeated ? duplicate(fldPath, `{${key}, ${action}}`) : undefined;
}

/** validateMinDomains: positive, and only with DoNotSchedule. */
function validateMinDomains(fldPath: FieldPath, minDomains: number | undefined, action: string): ErrorList {
  if (minDomains === undefined) return [];
  const errors: ErrorList = [];
  if (minDomains <= 0) errors.push(invalid(fldPath, minDomains, IS_NOT_POSITIVE));
  if (action !== "DoNotSchedule") errors.push(invalid(fldPath, minDomains, `can only use minDomains if whenUnsatisfiable=DoNotSchedule, not ${action}`));
  return errors;
}

/** validateNodeInclusionPolicy. */
function validateNodeInclusionPolicy(fldPath: FieldPath, constraint: JsonRecord, field: string): FieldError | undefined {
  if (!isSet(constraint, field)) return undefined;
  const policy = str(constraint, field);
  return NODE_INCLUSION_POLICIES.includes(policy) ? undefined : notSupported(fldPath, policy, NODE_INCLUSION_POLICIES);
}

/** ValidateMatchLabelKeysInTopologySpread, the validation before selectors were merged: label names, not already keys of the labelSelector. */
function validateMatchLabelKeysInTopologySpread(fldPath: FieldPath, matchLabelKeys: string[], labelSelector: JsonRecord | undefined): ErrorList {
  if (matchLabelKeys.length === 0) return [];
  const errors: ErrorList = [];
  const selectorKeys = new Set<string>();
  if (labelSelector) {
    for (const key of Object.keys(obj(labelSelector, "matchLabels") ?? {})) selectorKeys.add(key);
    for (const expression of list(labelSelector, "matchExpressions")) selectorKeys.add(str(expression, "key"));
  } else {
    errors.push(forbidden(fldPath, "must not be specified when labelSelector is not set"));
  }
  matchLabelKeys.forEach((key, index) => {
    appendAll(errors, validateLabelName(key, fldPath.index(index)));
    if (selectorKeys.has(key)) errors.push(invalid(fldPath.index(index), key, "exists in both matchLabelKeys and labelSelector"));
  });
  return errors;
}

export function validateTopologySpreadConstraints(constraints: unknown, fldPath: FieldPath, opts: PodValidationOptions): ErrorList {
  const errors: ErrorList = [];
  const items = list({ constraints }, "constraints");
  items.forEach((constraint, index) => {
    const path = fldPath.index(index);
    const action = str(constraint, "whenUnsatisfiable");
    const single = [
      validateMaxSkew(path.child("maxSkew"), int(constraint, "maxSkew") ?? 0),
      validateTopologyKey(path.child("topologyKey"), str(constraint, "topologyKey")),
      validateWhenUnsatisfiable(path.child("whenUnsatisfiable"), action),
      validateSpreadConstraintNotRepeat(path.child("{topologyKey, whenUnsatisfiable}"), constraint, items.slice(index + 1)),
    ];
    appendAll(errors, single.filter((error): error is FieldError => error !== undefined));
    appendAll(errors, validateMinDomains(path.child("minDomains"), int(constraint, "minDomains"), action));
    for (const field of ["nodeAffinityPolicy", "nodeTaintsPolicy"]) {
      const error = validateNodeInclusionPolicy(path.child(field), constraint, field);
      if (error) errors.push(error);
    }
    const labelSelector = obj(constraint, "labelSelector");
    const matchLabelKeys = strings(constraint, "matchLabelKeys");
    // On create there is no old pod: with the selector merge on, the keys are validated as merged (a Pod's were, in PrepareForCreate).
    if (opts.allowMatchLabelKeysInPodTopologySpread && opts.allowMatchLabelKeysInPodTopologySpreadSelectorMerge) {
      appendAll(errors, validateMatchLabelKeysAndMismatchLabelKeys(path, matchLabelKeys, [], labelSelector));
    } else {
      appendAll(errors, validateMatchLabelKeysInTopologySpread(path.child("matchLabelKeys"), matchLabelKeys, labelSelector));
    }
    if (!opts.allowInvalidTopologySpreadConstraintLabelSelector) {
      appendAll(errors, validateLabelSelector(labelSelector, { allowInvalidLabelValueInSelector: false }, path.child("labelSelector")));
    }
  });
  return errors;
}
