// ajv's errors on a custom resource in the API server's words for custom
// resources: kube-openapi's "<path> in body ..." details inside the
// field errors apiextensions builds from them (Invalid value, Unsupported
// value, Required value, Too long, Too many), with kubeplan's hints added in
// parentheses where a YAML trap or a near miss explains the problem.
import { getAtPointer, joinPointer } from "../../util/pointer.js";
import { RULES, type AjvError, type SchemaProblem, type TranslationContext } from "../problems/context.js";
import { translateEach } from "../translate.js";
import { unknownField } from "../problems/unknown-field.js";
import { nearest } from "../../util/suggest.js";
import { jsonTypeOf } from "../schema-walker.js";
import { explainTypeMismatch } from "../type-mismatch.js";
import { badValue, goFloat } from "./bad-value.js";
import { goQuote } from "../../apiserver/field/values.js";
import { invalid, PrintedValue, required, tooLongMaxLength, tooMany, typeInvalid, type FieldError } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";
import { fieldErrorText, type FieldErrorBody } from "./problem.js";
import { CUSTOM_RESOURCE_FORMATS, INTEGER_FORMATS } from "../crd-schema.js";
import { FORMAT_SINCE } from "./string-formats.js";
import { atLeast } from "../../util/release.js";
import { openAPIPathOf } from "./field-path.js";
import { lookupTable } from "../../util/lookup-table.js";

export interface CustomResourceContext extends TranslationContext {
  kubernetesVersion: string;
}

/** What the value messages read: the validated value (and how it was written) and the release. */
export interface ValueContext {
  kubernetesVersion: string;
  document: { object: unknown; sourceText?(pointer: string): string | undefined };
}

/**
 * A problem with the field error kube-openapi's error becomes in apiextensions
 * (kubeOpenAPIResultToFieldErrors): at `name` below the validated value
 * (kube-openapi's name, "" for the value itself).
 */
export interface ValueProblem extends SchemaProblem {
  fieldError: { name: string; error: FieldErrorBody };
}

/** Field errors here are placed by the problem's pointer and name: their own path is not read. */
const ANY_PATH = FieldPath.root("");

function problem(context: ValueContext, rule: string, pointer: string, located: FieldError, options: { name?: string; hint?: string; suggestion?: string } = {}): ValueProblem {
  const { field: _field, ...error } = located;
  const name = options.name ?? openAPIPathOf(pointer);
  const message = fieldErrorText(name, error, context.kubernetesVersion) + (options.hint ?? "");
  const report = options.suggestion === undefined ? { pointer, message } : { pointer, message, suggestion: options.suggestion };
  return { rule, report, fieldError: { name, error } };
}

const valueAt = (context: ValueContext, pointer: string): unknown => getAtPointer(context.document.object, pointer);
const printed = (text: string) => new PrintedValue(text);

/** kube-openapi's type names: "integer" for whole numbers, "number" for others. */
function typeName(value: unknown): string {
  return jsonTypeOf(value);
}

function expectedTypes(params: Record<string, unknown>): string[] {
  const types = Array.isArray(params.type) ? params.type.map(String) : String(params.type ?? "").split(",");
  // nullable is not a type for kube-openapi: null passes before the type check.
  return types.filter((type) => type !== "" && type !== "null");
}

/** The parenthesised hint of kubeplan's own type message (`(remove the quotes: 7)`), if it has one. */
function typeHint(context: ValueContext, pointer: string, expected: string[], value: unknown): { hint: string; suggestion?: string } {
  const explanation = explainTypeMismatch(expected, value, context.document.sourceText?.(pointer));
  const match = /\s(\((?:[^()]|\([^()]*\))*\))$/.exec(explanation.message);
  return { hint: match ? ` ${match[1]}` : "", suggestion: explanation.suggestion };
}

function typeProblem(context: ValueContext, error: AjvError): ValueProblem {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const path = openAPIPathOf(pointer);
  const actual = typeName(value);
  const expected = expectedTypes(error.params);
  const { hint, suggestion } = typeHint(context, pointer, expected, value);
  const detail = `${path} in body must be of type ${expected.join(",")}: "${actual}"`;
  return problem(context, RULES.type, pointer, typeInvalid(ANY_PATH, printed(`"${actual}"`), detail), { hint, suggestion });
}

function enumProblem(context: ValueContext, error: AjvError): ValueProblem {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const allowed = (Array.isArray(error.params.allowedValues) ? error.params.allowedValues : []).filter((v) => v !== null);
  // apiextensions lists non-string values as their JSON, quoted like the strings.
  const supported = allowed.map((v) => JSON.stringify(typeof v === "string" ? v : JSON.stringify(v))).join(", ");
  const strings = allowed.filter((v): v is string => typeof v === "string");
  const suggestion = typeof value === "string" ? nearest(value, strings) : undefined;
  const hint = suggestion !== undefined ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
  const located: FieldError = { type: "FieldValueNotSupported", field: ANY_PATH, badValue: printed(badValue(value, context.kubernetesVersion)), detail: `supported values: ${supported}` };
  return problem(context, RULES.enum, pointer, located, { hint, suggestion });
}

/** The format the CRD declared, as kube-openapi names it in messages. */
function declaredFormat(format: unknown): string {
  const entry = Object.entries(CUSTOM_RESOURCE_FORMATS).find(([, checked]) => checked === format);
  return entry ? entry[0] : String(format);
}

/**
 * An integer beyond its format's range: kube-openapi's plain error, which
 * apiextensions reports at the root with an empty value.
 */
function integerRangeProblem(context: ValueContext, pointer: string, format: string): ValueProblem | undefined {
  if (!atLeast(context.kubernetesVersion, "1.36")) return undefined;
  const type = format === "" ? "integer (default format)" : `integer with format ${format}`;
  return problem(context, RULES.format, pointer, invalid(ANY_PATH, "", `Checked value must be of type ${type} in ${openAPIPathOf(pointer)}`), { name: "" });
}

function formatProblem(context: ValueContext, error: AjvError): ValueProblem | undefined {
  const pointer = error.instancePath;
  const integerFormat = INTEGER_FORMATS[String(error.params.format)];
  if (integerFormat !== undefined) return integerRangeProblem(context, pointer, integerFormat);
  const value = valueAt(context, pointer);
  const path = openAPIPathOf(pointer);
  const format = declaredFormat(error.params.format);
  // Releases before a format was supported strip it from the schema.
  const since = FORMAT_SINCE[format];
  if (since !== undefined && !atLeast(context.kubernetesVersion, since)) return undefined;
  const text = String(value);
  // kube-openapi quotes the value with Go's %q.
  // kube-openapi's InvalidType, which apiextensions reports as field.TypeInvalid.
  const located = typeInvalid(ANY_PATH, printed(badValue(value, context.kubernetesVersion)), `${path} in body must be of type ${format}: ${goQuote(text)}`);
  return problem(context, RULES.format, pointer, located, format === "byte" ? { hint: " (the value must be base64: encode it)" } : {});
}

/** kube-openapi's "<path> in body should ..." details, by ajv keyword. */
const VALUE_DETAILS: Readonly<Record<string, (limit: unknown) => string>> = lookupTable({
  pattern: (limit) => `should match '${String(limit)}'`,
  minimum: (limit) => `should be greater than or equal to ${String(limit)}`,
  maximum: (limit) => `should be less than or equal to ${String(limit)}`,
  exclusiveMinimum: (limit) => `should be greater than ${String(limit)}`,
  exclusiveMaximum: (limit) => `should be less than ${String(limit)}`,
  multipleOf: (limit) => `should be a multiple of ${String(limit)}`,
  minLength: (limit) => `should be at least ${String(limit)} chars long`,
  minItems: (limit) => `should have at least ${String(limit)} items`,
  minProperties: (limit) => `should have at least ${String(limit)} properties`,
});

/** The value kube-openapi attaches to the error: the value itself, or the size of a list or object. */
function reportedValue(keyword: string, value: unknown): unknown {
  if (keyword === "minItems" && Array.isArray(value)) return value.length;
  if (keyword === "minProperties" && value !== null && typeof value === "object") return Object.keys(value).length;
  return value;
}

/** The number of items of a list or properties of an object. */
function sizeOf(value: unknown): number {
  if (Array.isArray(value)) return value.length;
  return value !== null && typeof value === "object" ? Object.keys(value).length : -1;
}

/** Bounds print as Go prints them: int64 for whole values against whole bounds, else float64's %v. */
function numericLimit(limit: unknown, value: unknown): unknown {
  if (typeof limit !== "number") return limit;
  return Number.isInteger(limit) && (typeof value !== "number" || Number.isInteger(value)) ? String(limit) : goFloat(limit);
}

function valueProblem(context: ValueContext, error: AjvError): ValueProblem | undefined {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  const path = openAPIPathOf(pointer);
  switch (error.keyword) {
    case "maxLength":
      // field.TooLongMaxLength until 1.31, then field.TooLong: the same words in every release.
      return problem(context, RULES.invalidValue, pointer, tooLongMaxLength(ANY_PATH, "", Number(error.params.limit)));
    case "maxItems":
    case "maxProperties":
      // kube-openapi reports the size and the limit; apiextensions makes them field.TooMany.
      return problem(context, RULES.invalidValue, pointer, tooMany(ANY_PATH, sizeOf(value), Number(error.params.limit)));
  }
  const detail = VALUE_DETAILS[error.keyword];
  if (!detail) return undefined;
  const limit = numericLimit(error.params.pattern ?? error.params.multipleOf ?? error.params.limit, value);
  const shown = badValue(reportedValue(error.keyword, value), context.kubernetesVersion);
  return problem(context, RULES.invalidValue, pointer, invalid(ANY_PATH, printed(shown), `${path} in body ${detail(limit)}`));
}

function requiredProblem(context: ValueContext, error: AjvError): ValueProblem {
  const pointer = joinPointer(error.instancePath, String(error.params.missingProperty));
  return problem(context, RULES.required, pointer, required(ANY_PATH));
}

/** An ajv error on a value as the field error apiextensions reports (unknown fields are pruning's concern). */
function translateValueError(context: ValueContext, error: AjvError): ValueProblem | undefined {
  switch (error.keyword) {
    case "additionalProperties":
      return undefined;
    case "required":
      return requiredProblem(context, error);
    case "type":
      return typeProblem(context, error);
    case "enum":
      return enumProblem(context, error);
    case "format":
      return formatProblem(context, error);
    case "if":
      return undefined;
    default:
      return valueProblem(context, error);
  }
}

function translateOne(context: CustomResourceContext, error: AjvError): SchemaProblem | undefined {
  if (error.keyword === "additionalProperties") return unknownField(context, error.instancePath, String(error.params.additionalProperty));
  return translateValueError(context, error);
}

/** One problem per place and rule, in ajv's order; a misspelled required field is one problem. */
export function translateCustomResourceErrors(context: CustomResourceContext, errors: readonly AjvError[]): SchemaProblem[] {
  return translateEach(context, errors, translateOne);
}

/** The field errors of a value (a CRD's default), one per place and rule; unknown fields are left out. */
export function customResourceValueProblems(context: ValueContext, errors: readonly AjvError[]): ValueProblem[] {
  return translateEach(context, errors, translateValueError);
}
