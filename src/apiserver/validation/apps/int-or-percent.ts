// The IntOrString checks of apps validation (ValidatePositiveIntOrPercent,
// IsNotMoreThan100Percent, getPercentValue, getIntOrPercentValue), also used by
// policy validation for a PodDisruptionBudget.
import { intValue, intOrStringValue, type IntOrString } from "../../apimachinery/intstr.js";
import { isValidPercent } from "../../apimachinery/validation.js";
import { invalid, type ErrorList } from "../../field/errors.js";
import type { FieldPath } from "../../field/path.js";
import { validateNonnegativeField } from "../core/probes.js";

/** ValidatePositiveIntOrPercent: a valid percent string, or an integer of at least 0. */
export function validatePositiveIntOrPercent(intOrPercent: IntOrString, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  if (typeof intOrPercent === "number") return validateNonnegativeField(intOrPercent, fldPath);
  return isValidPercent(intOrPercent).map((message) => invalid(fldPath, intOrStringValue(intOrPercent, kubernetesVersion), message));
}

/** getPercentValue: the number of a valid percent string. */
export function getPercentValue(value: IntOrString): number | undefined {
  if (typeof value !== "string" || isValidPercent(value).length > 0) return undefined;
  return Number(value.slice(0, -1));
}

/** getIntOrPercentValue: the percentage, else the integer (a numeric string counts as its number). */
export function getIntOrPercentValue(value: IntOrString): number {
  return getPercentValue(value) ?? intValue(value);
}

/** IsNotMoreThan100Percent. */
export function isNotMoreThan100Percent(value: IntOrString, fldPath: FieldPath, kubernetesVersion: string): ErrorList {
  const percent = getPercentValue(value);
  if (percent === undefined || percent <= 100) return [];
  return [invalid(fldPath, intOrStringValue(value, kubernetesVersion), "must not be greater than 100%")];
}
