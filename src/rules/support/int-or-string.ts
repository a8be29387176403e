// IntOrString fields (maxSurge, maxUnavailable, minAvailable): the checks of
// apps validation (ValidatePositiveIntOrPercent, IsNotMoreThan100Percent,
// getIntOrPercentValue) and how the API server prints such a bad value.
import { rendersCompositeAsJson } from "./field-errors.js";
import { regexError } from "../../apiserver/apimachinery/validation.js";

export type IntOrString = number | string;

/** The value when it is an IntOrString (an integer or a string); undefined for anything else. */
export function intOrStringOf(value: unknown): IntOrString | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return typeof value === "string" ? value : undefined;
}

const PERCENT = /^[0-9]+%$/;

/** validation.IsValidPercent. */
export function percentErrors(value: string): string[] {
  return PERCENT.test(value) ? [] : [regexError("a valid percent string must be a numeric string followed by an ending '%'", "[0-9]+%", "1%", "93%")];
}

/** getPercentValue: the number of a valid percent string. */
export function percentOf(value: IntOrString): number | undefined {
  return typeof value === "string" && PERCENT.test(value) ? Number(value.slice(0, -1)) : undefined;
}

/** intstr.IntValue of a string: strconv.Atoi, 0 when it does not parse. */
function atoi(text: string): number {
  return /^[+-]?[0-9]+$/.test(text) ? Number(text) : 0;
}

/** getIntOrPercentValue: the percentage, else the integer (a numeric string counts as its number). */
export function intOrPercentValue(value: IntOrString): number {
  const percent = percentOf(value);
  if (percent !== undefined) return percent;
  return typeof value === "number" ? value : atoi(value);
}

/**
 * An IntOrString bad value as the API server prints it: through its String()
 * (`0`, `25%`) before 1.34, as JSON (`0`, `"25%"`) since.
 */
export function intOrStringValue(value: IntOrString, kubernetesVersion: string): string {
  if (typeof value === "number") return String(value);
  return rendersCompositeAsJson(kubernetesVersion) ? JSON.stringify(value) : value;
}

/** ValidatePositiveIntOrPercent: a valid percent string, or an integer of at least 0. */
export function positiveIntOrPercentDetails(value: IntOrString): string[] {
  if (typeof value === "string") return percentErrors(value);
  return value < 0 ? ["must be greater than or equal to 0"] : [];
}

/** IsNotMoreThan100Percent. */
export function notMoreThan100PercentDetails(value: IntOrString): string[] {
  const percent = percentOf(value);
  return percent !== undefined && percent > 100 ? ["must not be greater than 100%"] : [];
}
