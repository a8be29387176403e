// A string or number the API server's decoder refuses: integers out of range,
// bad base64, dates, quantities; with Go's or upstream's wording.
import { QUANTITY_FORMAT_MESSAGE, suggestQuantities } from "../../util/quantity.js";
import { INT32_RANGE, INT64_RANGE } from "../formats.js";
import { base64ErrorMessage, base64ErrorOffset } from "../go-base64.js";
import { quantityError } from "../quantity-syntax.js";
import { pathOf, problem, RULES, valueAt, type AjvError, type SchemaProblem, type TranslationContext } from "./context.js";

function formatMessage(format: unknown, value: unknown): { message: string; suggestion?: string } {
  switch (format) {
    case "int32":
    case "int-or-string":
      return { message: `cannot unmarshal number ${String(value)} into an int32 (range ${INT32_RANGE.min} to ${INT32_RANGE.max})` };
    case "int64":
      return { message: `cannot unmarshal number ${String(value)} into an int64 (range ${INT64_RANGE.min} to ${INT64_RANGE.max})` };
    case "byte": {
      // The value is often a secret written in plain text: it is never echoed back, encoded or not.
      const detail = base64ErrorMessage(base64ErrorOffset(String(value)) ?? 0);
      return { message: `${detail} (the value must be base64: encode it, or for a Secret put the plain text in stringData)` };
    }
    case "date-time":
      return { message: `expected an RFC 3339 date-time such as "2024-01-31T12:00:00Z", got ${JSON.stringify(value)}` };
    case "quantity":
      return quantityMessage(String(value));
    default:
      return { message: `must match format ${JSON.stringify(format)}` };
  }
}

function quantityMessage(value: string): { message: string; suggestion?: string } {
  const message = quantityError(value) ?? QUANTITY_FORMAT_MESSAGE;
  const fixes = suggestQuantities(value);
  if (fixes.length === 0) return { message };
  return { message: `${message}; did you mean ${fixes.map((fix) => JSON.stringify(fix)).join(" or ")}?`, suggestion: fixes[0] };
}

export function formatProblem(context: TranslationContext, error: AjvError): SchemaProblem {
  const pointer = error.instancePath;
  const { message, suggestion } = formatMessage(error.params.format, valueAt(context, pointer));
  return problem(RULES.format, pointer, `${pathOf(pointer)}: ${message}`, suggestion);
}
