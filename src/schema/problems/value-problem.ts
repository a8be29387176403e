// A value outside what the field allows: Kubernetes' closed sets, and the
// enum and bounds of custom resource schemas, in kube-apiserver's words.
import { closedSetMessage } from "../closed-set-message.js";
import { nearest } from "../../util/suggest.js";
import { pathOf, problem, RULES, schemaOf, valueAt, type AjvError, type SchemaProblem, type TranslationContext } from "./context.js";
import { lookupTable } from "../../util/lookup-table.js";

export function closedSetProblem(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const set = schemaOf(context, pointer)?.k8sEnum;
  if (typeof value !== "string" || !set) return undefined;
  const result = closedSetMessage(pathOf(pointer), value, set);
  return problem(result.required ? RULES.required : RULES.enum, pointer, result.message, result.suggestion);
}

/** `enum` of a custom resource schema: apiextensions answers with NotSupported. */
export function enumProblem(context: TranslationContext, error: AjvError): SchemaProblem {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues : [];
  const list = allowed.map((v) => JSON.stringify(v)).join(", ");
  const strings = allowed.filter((v): v is string => typeof v === "string");
  const suggestion = typeof value === "string" ? nearest(value, strings) : undefined;
  const hint = suggestion !== undefined ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
  return problem(RULES.enum, pointer, `${pathOf(pointer)}: Unsupported value: ${JSON.stringify(value)}: supported values: ${list}${hint}`, suggestion);
}

/** kube-openapi's wording for value validations ("spec.x in body should match '...'"). */
const VALUE_RULES: Readonly<Record<string, (limit: unknown) => string>> = lookupTable({
  pattern: (limit) => `should match '${String(limit)}'`,
  minimum: (limit) => `should be greater than or equal to ${String(limit)}`,
  maximum: (limit) => `should be less than or equal to ${String(limit)}`,
  exclusiveMinimum: (limit) => `should be greater than ${String(limit)}`,
  exclusiveMaximum: (limit) => `should be less than ${String(limit)}`,
  multipleOf: (limit) => `should be a multiple of ${String(limit)}`,
  minLength: (limit) => `should be at least ${String(limit)} chars long`,
  maxLength: (limit) => `should be at most ${String(limit)} chars long`,
  minItems: (limit) => `should have at least ${String(limit)} items`,
  maxItems: (limit) => `should have at most ${String(limit)} items`,
  minProperties: (limit) => `should have at least ${String(limit)} properties`,
  maxProperties: (limit) => `should have at most ${String(limit)} properties`,
  uniqueItems: () => "shouldn't contain duplicates",
});

export function isValueKeyword(keyword: string): boolean {
  return Object.hasOwn(VALUE_RULES, keyword);
}

export function valueProblem(context: TranslationContext, error: AjvError): SchemaProblem {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const path = pathOf(pointer);
  const limit = error.params.pattern ?? error.params.limit;
  const shown = typeof value === "object" && value !== null ? "" : `Invalid value: ${JSON.stringify(value)}: `;
  const describe = VALUE_RULES[error.keyword] ?? (() => `should satisfy ${error.keyword}`);
  return problem(RULES.invalidValue, pointer, `${path}: ${shown}${path} in body ${describe(limit)}`);
}
