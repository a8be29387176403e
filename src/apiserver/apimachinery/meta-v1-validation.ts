// k8s.io/apimachinery/pkg/apis/meta/v1/validation: label maps, label names and
// label selectors, as every kind with labels or a selector validates them.
import { isLabelKey, isLabelValue } from "./validation.js";
import { forbidden, invalid, required, type ErrorList } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

export interface LabelSelectorValidationOptions {
  /** Accept values that are not label values (objects stored before the check existed). */
  allowInvalidLabelValueInSelector: boolean;
}

const STRICT: LabelSelectorValidationOptions = { allowInvalidLabelValueInSelector: false };

/** ValidateLabelName: a qualified name. */
export function validateLabelName(labelName: string, fldPath: FieldPath): ErrorList {
  return isLabelKey(labelName).map((message) => invalid(fldPath, labelName, message));
}

/** ValidateLabels: every key a qualified name, every value a label value; errors name the map, not the key. */
export function validateLabels(labels: unknown, fldPath: FieldPath): ErrorList {
  if (!isRecord(labels)) return [];
  const errors: ErrorList = [];
  for (const [key, value] of Object.entries(labels)) {
    errors.push(...validateLabelName(key, fldPath));
    if (typeof value !== "string") continue;
    for (const message of isLabelValue(value)) errors.push(invalid(fldPath, value, message));
  }
  return errors;
}

function stringsOf(value: unknown): string[] {
  return Array.isArray(value) ? value.map((item) => (typeof item === "string" ? item : "")) : [];
}

/** ValidateLabelSelectorRequirement. */
export function validateLabelSelectorRequirement(requirement: JsonRecord, opts: LabelSelectorValidationOptions, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  const operator = typeof requirement.operator === "string" ? requirement.operator : "";
  const values = stringsOf(requirement.values);
  switch (operator) {
    case "In":
    case "NotIn":
      if (values.length === 0) errors.push(required(fldPath.child("values"), "must be specified when `operator` is 'In' or 'NotIn'"));
      break;
    case "Exists":
    case "DoesNotExist":
      if (values.length > 0) errors.push(forbidden(fldPath.child("values"), "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
      break;
    default:
      errors.push(invalid(fldPath.child("operator"), operator, "not a valid selector operator"));
  }
  errors.push(...validateLabelName(typeof requirement.key === "string" ? requirement.key : "", fldPath.child("key")));
  if (!opts.allowInvalidLabelValueInSelector) {
    values.forEach((value, index) => {
      for (const message of isLabelValue(value)) errors.push(invalid(fldPath.child("values").index(index), value, message));
    });
  }
  return errors;
}

/** ValidateLabelSelector: matchLabels as labels, then each matchExpressions requirement. A nil selector is valid. */
export function validateLabelSelector(selector: unknown, opts: LabelSelectorValidationOptions = STRICT, fldPath: FieldPath): ErrorList {
  if (!isRecord(selector)) return [];
  const errors = validateLabels(selector.matchLabels, fldPath.child("matchLabels"));
  const expressions = Array.isArray(selector.matchExpressions) ? selector.matchExpressions : [];
  expressions.forEach((requirement, index) => {
    errors.push(...validateLabelSelectorRequirement(isRecord(requirement) ? requirement : {}, opts, fldPath.child("matchExpressions").index(index)));
  });
  return errors;
}
