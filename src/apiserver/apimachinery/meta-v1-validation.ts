// Label, selector and managed-field checks of k8s.io/apimachinery's
// pkg/apis/meta/v1/validation/validation.go.
import { forbidden, invalid, required, tooLong, type ErrorList, type FieldError } from "../field/errors.js";
import type { FieldPath } from "../field/path.js";
import { isGoPrint } from "../field/values.js";
import { byteLength } from "../../util/api-values.js";
import { arrayOf, isRecord, stringOf } from "../../util/object-access.js";
import { toLabelKey, toLabelValue } from "./suggestions.js";
import { isLabelKey, isLabelValue } from "./validation.js";
import { appendAll } from "../../util/append.js";
import { withLabelContentWords } from "../field/release-details.js";

export interface LabelSelectorValidationOptions {
  /** Allow invalid label values in matchExpressions (only for objects stored before the check existed). */
  allowInvalidLabelValueInSelector?: boolean;
  /** Allow operators outside In, NotIn, Exists, DoesNotExist (SubjectAccessReview). */
  allowUnknownOperatorInRequirement?: boolean;
}

function withSuggestion(error: FieldError, suggestion: string | undefined): FieldError {
  return suggestion === undefined ? error : { ...error, suggestion };
}

/** ValidateLabelName: a qualified name. */
export function validateLabelName(labelName: string, fldPath: FieldPath): ErrorList {
  return isLabelKey(labelName).map((message) => withLabelContentWords(invalid(fldPath, labelName, message)));
}

/**
 * ValidateLabels: every key a qualified name, every value a label value. The
 * errors name the whole map, as upstream's do; they point at the entry.
 */
export function validateLabels(labels: unknown, fldPath: FieldPath): ErrorList {
  if (!isRecord(labels)) return [];
  const errors: ErrorList = [];
  // The entry's place and the suggestions are worked out only for an entry in error.
  const keys = Object.keys(labels);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const value = labels[key];
    const keyErrors = validateLabelName(key, fldPath);
    if (keyErrors.length > 0) {
      const keySuggestion = toLabelKey(key);
      for (const error of keyErrors) errors.push(withSuggestion({ ...error, at: { field: fldPath.key(key), key: true } }, keySuggestion));
    }
    // A value of another type is the schema layer's to report.
    if (typeof value !== "string") continue;
    const valueMessages = isLabelValue(value);
    if (valueMessages.length === 0) continue;
    const valueSuggestion = toLabelValue(value);
    for (const message of valueMessages) {
      errors.push(withSuggestion({ ...withLabelContentWords(invalid(fldPath, value, message)), at: { field: fldPath.key(key), key: false } }, valueSuggestion));
    }
  }
  return errors;
}

/** ValidateLabelSelectorRequirement. */
export function validateLabelSelectorRequirement(requirement: unknown, options: LabelSelectorValidationOptions, fldPath: FieldPath): ErrorList {
  const record = isRecord(requirement) ? requirement : {};
  const errors: ErrorList = [];
  const operator = stringOf(record.operator) ?? "";
  const values = arrayOf(record.values);
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
      if (!options.allowUnknownOperatorInRequirement) errors.push(invalid(fldPath.child("operator"), operator, "not a valid selector operator"));
  }
  appendAll(errors, validateLabelName(stringOf(record.key) ?? "", fldPath.child("key")));
  if (!options.allowInvalidLabelValueInSelector) {
    values.forEach((value, index) => {
      if (typeof value !== "string") return;
      const valuePath = fldPath.child("values").index(index);
      appendAll(errors, isLabelValue(value).map((message) => withLabelContentWords(invalid(valuePath, value, message))));
    });
  }
  return errors;
}

/** ValidateLabelSelector: matchLabels as labels, each requirement well formed. An absent selector is valid. */
export function validateLabelSelector(selector: unknown, options: LabelSelectorValidationOptions, fldPath: FieldPath): ErrorList {
  if (!isRecord(selector)) return [];
  const errors = validateLabels(selector.matchLabels, fldPath.child("matchLabels"));
  arrayOf(selector.matchExpressions).forEach((requirement, index) => {
    appendAll(errors, validateLabelSelectorRequirement(requirement, options, fldPath.child("matchExpressions").index(index)));
  });
  return errors;
}

export const FIELD_MANAGER_MAX_LENGTH = 128;
export const MAX_SUBRESOURCE_NAME_LENGTH = 256;

/** Go's %#U of a rune: `U+0009`, followed by the quoted character when printable. */
function goRuneU(char: string): string {
  const code = "U+" + char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0");
  return isGoPrint(char) ? `${code} '${char}'` : code;
}

/** ValidateFieldManager: at most 128 bytes, printable characters only. */
export function validateFieldManager(fieldManager: string, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  if (byteLength(fieldManager) > FIELD_MANAGER_MAX_LENGTH) errors.push(tooLong(fldPath, fieldManager, FIELD_MANAGER_MAX_LENGTH));
  // Go ranges over runes and reports each one's byte offset.
  let offset = 0;
  for (const char of fieldManager) {
    if (!isGoPrint(char)) errors.push(invalid(fldPath, fieldManager, `invalid character ${goRuneU(char)} (at position ${offset})`));
    offset += byteLength(char);
  }
  return errors;
}

/** ValidateManagedFields: operation Apply or Update, fieldsType FieldsV1, manager and subresource lengths. */
export function validateManagedFields(fieldsList: unknown, fldPath: FieldPath): ErrorList {
  const errors: ErrorList = [];
  arrayOf(fieldsList).forEach((entry, index) => {
    const fields = isRecord(entry) ? entry : {};
    const path = fldPath.index(index);
    const operation = stringOf(fields.operation) ?? "";
    if (operation !== "Apply" && operation !== "Update") errors.push(invalid(path.child("operation"), operation, "must be `Apply` or `Update`"));
    const fieldsType = stringOf(fields.fieldsType) ?? "";
    if (fieldsType.length > 0 && fieldsType !== "FieldsV1") errors.push(invalid(path.child("fieldsType"), fieldsType, "must be `FieldsV1`"));
    appendAll(errors, validateFieldManager(stringOf(fields.manager) ?? "", path.child("manager")));
    const subresource = stringOf(fields.subresource) ?? "";
    if (byteLength(subresource) > MAX_SUBRESOURCE_NAME_LENGTH) errors.push(tooLong(path.child("subresource"), subresource, MAX_SUBRESOURCE_NAME_LENGTH));
  });
  return errors;
}
