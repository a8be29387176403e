// k8s.io/apimachinery/pkg/util/intstr: an IntOrString field (maxSurge,
// maxUnavailable, minAvailable) as the API server decodes and prints it.
import { PrintedValue } from "../field/errors.js";
import { goJson, goQuote, rendersCompositeAsJson, type StructField } from "../field/values.js";

export type IntOrString = number | string;

/** The value when it decodes as an IntOrString (an integer or a string); undefined for anything else. */
export function intOrStringOf(value: unknown): IntOrString | undefined {
  if (typeof value === "number" && Number.isInteger(value)) return value;
  return typeof value === "string" ? value : undefined;
}

/** IntOrString.IntValue of a string: strconv.Atoi, 0 when it does not parse. */
export function intValue(value: IntOrString): number {
  if (typeof value === "number") return value;
  return /^[+-]?[0-9]+$/.test(value) ? Number(value) : 0;
}

/**
 * An IntOrString bad value: printed through its String() (`0`, `25%`) before
 * 1.34, as JSON (`0`, `"25%"`) since.
 */
export function intOrStringValue(value: IntOrString, kubernetesVersion: string): PrintedValue {
  if (typeof value === "number" || !rendersCompositeAsJson(kubernetesVersion)) return new PrintedValue(String(value));
  return new PrintedValue(goJson(value));
}

/** An IntOrString field (not a pointer) of a struct bad value; absent is its zero value, 0. */
export function intOrStringField(value: unknown): StructField {
  const parsed = intOrStringOf(value) ?? 0;
  if (typeof parsed === "number") return { go: `intstr.IntOrString{Type:0, IntVal:${parsed}, StrVal:""}`, json: String(parsed) };
  return { go: `intstr.IntOrString{Type:1, IntVal:0, StrVal:${goQuote(parsed)}}`, json: goJson(parsed) };
}
