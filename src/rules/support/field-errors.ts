// String forms of kube-apiserver's field errors, for the checks not yet written
// as FieldErrors (src/apiserver/field/errors.ts is the model).
import { goQuote } from "../../apiserver/field/values.js";

export { goJson, goQuote, labelSelectorValue, rendersCompositeAsJson, scalarValue, stringMapValue } from "../../apiserver/field/values.js";

function withDetail(text: string, detail: string | undefined): string {
  return detail ? `${text}: ${detail}` : text;
}

/** `field.Invalid`: `<path>: Invalid value: <value>: <detail>`. `value` is already rendered. */
export function invalid(path: string, value: string, detail: string): string {
  return withDetail(`${path}: Invalid value: ${value}`, detail);
}

/** `field.Required`. */
export function required(path: string, detail = ""): string {
  return withDetail(`${path}: Required value`, detail);
}

/** `field.Duplicate`. */
export function duplicate(path: string, value: string): string {
  return `${path}: Duplicate value: ${value}`;
}

/** `field.NotFound`. */
export function notFound(path: string, value: string): string {
  return `${path}: Not found: ${value}`;
}

/** `field.Forbidden`. */
export function forbidden(path: string, detail: string): string {
  return withDetail(`${path}: Forbidden`, detail);
}

/** `field.TooLong` (byte limits). */
export function tooLong(path: string, maxBytes: number): string {
  return `${path}: Too long: must have at most ${maxBytes} bytes`;
}

/** `field.NotSupported`. */
export function notSupported(path: string, value: string, supported: readonly string[]): string {
  return withDetail(`${path}: Unsupported value: ${value}`, supported.length ? "supported values: " + supported.map((s) => goQuote(s)).join(", ") : "");
}
