// Turns ajv's errors into one finding per problem, each saying where it is,
// what is wrong and how to fix it, in kube-apiserver's words where it has some.
import type { ManifestDocument, Report } from "../types.js";
import { getAtPointer, joinPointer, kubectlPath, parsePointer } from "../util/pointer.js";
import { QUANTITY_FORMAT_MESSAGE, suggestQuantities } from "../util/quantity.js";
import { closedSetMessage } from "./closed-set-message.js";
import { ANY_ITEM, nearestPlace, placeSegments, schemaPathOf, type FieldPlace } from "./field-index.js";
import { INT32_RANGE, INT64_RANGE } from "./formats.js";
import { base64ErrorMessage, base64ErrorOffset } from "./go-base64.js";
import { quantityError } from "./quantity-syntax.js";
import type { ReleaseSchemas } from "./registry.js";
import type { SchemaNode } from "./schema-node.js";
import { jsonTypeOf, schemaAt } from "./schema-walker.js";
import { editDistance, nearest } from "./suggest.js";
import { describeExpected, explainTypeMismatch } from "./type-mismatch.js";

export const RULES = {
  unknownField: "schema/unknown-field",
  type: "schema/type",
  enum: "schema/enum",
  required: "schema/required",
  format: "schema/format",
  /** Value validations of custom resource schemas (pattern, minimum, maxLength...). */
  invalidValue: "schema/invalid-value",
} as const;

export interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
}

export interface SchemaProblem {
  rule: string;
  report: Report;
}

export interface TranslationContext {
  release: ReleaseSchemas;
  /** The kind's root schema. */
  root: SchemaNode;
  document: ManifestDocument;
  /** Where each field exists in the kind (built on first need). */
  fieldIndex: () => Map<string, FieldPlace[]>;
}

const pathOf = (pointer: string) => kubectlPath(parsePointer(pointer));

function schemaPathText(segments: readonly string[]): string {
  return kubectlPath(segments.map((segment) => (segment === ANY_ITEM ? "*" : segment)));
}

function unknownField(context: TranslationContext, parentPointer: string, name: string): SchemaProblem {
  const pointer = joinPointer(parentPointer, name);
  const parentSegments = parsePointer(parentPointer);
  const parent = schemaAt(context.release, context.root, context.document.object, parentSegments);
  const siblings = Object.keys(parent?.properties ?? {});
  const head = `${pathOf(pointer)}: unknown field ${JSON.stringify(name)}`;
  const typo = nearest(name, siblings);
  // A one-letter slip in this object beats the same name somewhere else.
  if (typo !== undefined && editDistance(name.toLowerCase(), typo.toLowerCase()) <= 1) {
    return { rule: RULES.unknownField, report: { pointer, message: `${head} (did you mean ${JSON.stringify(typo)}?)`, suggestion: typo, atKey: true } };
  }
  const places = context.fieldIndex().get(name.toLowerCase()) ?? [];
  const place = nearestPlace(places, schemaPathOf(parentSegments));
  if (place) {
    const where = schemaPathText(placeSegments(place, parentSegments));
    return { rule: RULES.unknownField, report: { pointer, message: `${head} (it belongs at ${where})`, suggestion: where, atKey: true } };
  }
  if (typo !== undefined) {
    return { rule: RULES.unknownField, report: { pointer, message: `${head} (did you mean ${JSON.stringify(typo)}?)`, suggestion: typo, atKey: true } };
  }
  return { rule: RULES.unknownField, report: { pointer, message: head, atKey: true } };
}

function required(pointer: string): SchemaProblem {
  return { rule: RULES.required, report: { pointer, message: `${pathOf(pointer)}: Required value` } };
}

function isRequiredField(context: TranslationContext, pointer: string): boolean {
  const segments = parsePointer(pointer);
  const name = segments.pop();
  if (name === undefined) return false;
  const parent = schemaAt(context.release, context.root, context.document.object, segments);
  return parent?.required?.includes(name) ?? false;
}

function expectedTypes(params: Record<string, unknown>): string[] {
  const type = params.type;
  if (Array.isArray(type)) return type.map(String);
  return String(type ?? "").split(",").filter(Boolean);
}

/** Int-or-string and quantities given the wrong type are format problems: they say what the field holds. */
function specialTypeMismatch(format: string | undefined, path: string, value: unknown): SchemaProblem | undefined {
  if (format === "int-or-string") {
    const detail = jsonTypeOf(value) === "number" ? `${String(value)} is not an integer` : `got ${describeExpected([jsonTypeOf(value)])}`;
    return { rule: RULES.format, report: { pointer: "", message: `${path}: expected an integer or a string (int-or-string), ${detail}` } };
  }
  if (format === "quantity") {
    return { rule: RULES.format, report: { pointer: "", message: `${path}: expected a quantity (a string such as "500m" or "1Gi", or a number), got ${describeExpected([jsonTypeOf(value)])}` } };
  }
  return undefined;
}

function typeMismatch(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const value = getAtPointer(context.document.object, pointer);
  // JSON null decodes as "not set": only a required field misses it.
  if (value === null) return isRequiredField(context, pointer) ? required(pointer) : undefined;
  const path = pathOf(pointer);
  const expected = expectedTypes(error.params);
  const node = schemaAt(context.release, context.root, context.document.object, parsePointer(pointer));
  const special = specialTypeMismatch(node?.format, path, value);
  if (special) return { rule: special.rule, report: { ...special.report, pointer } };
  const explanation = explainTypeMismatch(expected, value, context.document.sourceText?.(pointer));
  const report: Report = { pointer, message: `${path}: ${explanation.message}` };
  if (explanation.suggestion !== undefined) report.suggestion = explanation.suggestion;
  return { rule: RULES.type, report };
}

function formatProblem(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const value = getAtPointer(context.document.object, pointer);
  const path = pathOf(pointer);
  const problem = (message: string, suggestion?: string): SchemaProblem => {
    const report: Report = { pointer, message: `${path}: ${message}` };
    if (suggestion !== undefined) report.suggestion = suggestion;
    return { rule: RULES.format, report };
  };
  switch (error.params.format) {
    case "int32":
    case "int-or-string":
      return problem(`cannot unmarshal number ${String(value)} into an int32 (range ${INT32_RANGE.min} to ${INT32_RANGE.max})`);
    case "int64":
      return problem(`cannot unmarshal number ${String(value)} into an int64 (range ${INT64_RANGE.min} to ${INT64_RANGE.max})`);
    case "byte": {
      const offset = base64ErrorOffset(String(value));
      const encoded = Buffer.from(String(value), "utf8").toString("base64");
      return problem(
        `${base64ErrorMessage(offset ?? 0)} (values here are base64: write ${JSON.stringify(encoded)}, or put the plain text in stringData)`,
        encoded,
      );
    }
    case "date-time":
      return problem(`expected an RFC 3339 date-time such as "2024-01-31T12:00:00Z", got ${JSON.stringify(value)}`);
    case "quantity":
      return quantityProblem(String(value), problem);
    default:
      return problem(`must match format ${JSON.stringify(error.params.format)}`);
  }
}

function quantityProblem(value: string, problem: (message: string, suggestion?: string) => SchemaProblem): SchemaProblem {
  const message = quantityError(value) ?? QUANTITY_FORMAT_MESSAGE;
  const fixes = suggestQuantities(value);
  if (fixes.length === 0) return problem(message);
  const options = fixes.map((fix) => JSON.stringify(fix)).join(" or ");
  return problem(`${message}; did you mean ${options}?`, fixes[0]);
}

function closedSetProblem(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const value = getAtPointer(context.document.object, pointer);
  const node = schemaAt(context.release, context.root, context.document.object, parsePointer(pointer));
  if (typeof value !== "string" || !node?.k8sEnum) return undefined;
  const result = closedSetMessage(pathOf(pointer), value, node.k8sEnum);
  const report: Report = { pointer, message: result.message };
  if (result.suggestion !== undefined) report.suggestion = result.suggestion;
  return { rule: result.required ? RULES.required : RULES.enum, report };
}

/** `enum` of a custom resource schema: apiextensions answers with NotSupported. */
function enumProblem(context: TranslationContext, error: AjvError): SchemaProblem {
  const pointer = error.instancePath;
  const value = getAtPointer(context.document.object, pointer);
  const allowed = Array.isArray(error.params.allowedValues) ? error.params.allowedValues : [];
  const list = allowed.map((v) => JSON.stringify(v)).join(", ");
  const suggestion = typeof value === "string" ? nearest(value, allowed.filter((v): v is string => typeof v === "string")) : undefined;
  const hint = suggestion !== undefined ? ` (did you mean ${JSON.stringify(suggestion)}?)` : "";
  const report: Report = { pointer, message: `${pathOf(pointer)}: Unsupported value: ${JSON.stringify(value)}: supported values: ${list}${hint}` };
  if (suggestion !== undefined) report.suggestion = suggestion;
  return { rule: RULES.enum, report };
}

/** kube-openapi's wording for value validations ("spec.x in body should match '...'"). */
const VALUE_RULES: Record<string, (limit: unknown) => string> = {
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
};

function valueProblem(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const describe = VALUE_RULES[error.keyword];
  if (!describe) return undefined;
  const pointer = error.instancePath;
  const value = getAtPointer(context.document.object, pointer);
  const path = pathOf(pointer);
  const limit = error.params.pattern ?? error.params.limit;
  const shown = typeof value === "object" && value !== null ? "" : `Invalid value: ${JSON.stringify(value)}: `;
  return { rule: RULES.invalidValue, report: { pointer, message: `${path}: ${shown}${path} in body ${describe(limit)}` } };
}

function translateOne(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  switch (error.keyword) {
    case "additionalProperties":
      return unknownField(context, error.instancePath, String(error.params.additionalProperty));
    case "required":
      return required(joinPointer(error.instancePath, String(error.params.missingProperty)));
    case "type":
      return typeMismatch(context, error);
    case "format":
      return formatProblem(context, error);
    case "k8sEnum":
      return closedSetProblem(context, error);
    case "if":
      // The branch that failed reports the details.
      return undefined;
    case "enum":
      return enumProblem(context, error);
    default:
      if (error.keyword in VALUE_RULES) return valueProblem(context, error);
      return { rule: RULES.type, report: { pointer: error.instancePath, message: `${pathOf(error.instancePath)}: does not match the schema (${error.keyword})` } };
  }
}

/** One problem per place and rule, in the order ajv met them. */
export function translateErrors(context: TranslationContext, errors: readonly AjvError[]): SchemaProblem[] {
  const seen = new Set<string>();
  const out: SchemaProblem[] = [];
  for (const error of errors) {
    const problem = translateOne(context, error);
    if (!problem) continue;
    const key = `${problem.rule}\u0000${problem.report.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(problem);
  }
  return out;
}
