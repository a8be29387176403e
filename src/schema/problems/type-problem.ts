// A value of the wrong JSON type (with YAML's traps explained), or a missing
// required field.
import { parsePointer } from "../../util/pointer.js";
import { isSecretValuePointer } from "../../util/secret-values.js";
import { jsonTypeOf, schemaAt } from "../schema-walker.js";
import { describeExpected, explainTypeMismatch } from "../type-mismatch.js";
import { pathOf, problem, RULES, schemaOf, valueAt, type AjvError, type SchemaProblem, type TranslationContext } from "./context.js";

export function requiredValue(pointer: string): SchemaProblem {
  return problem(RULES.required, pointer, `${pathOf(pointer)}: Required value`);
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

/** Int-or-string fields and quantities given the wrong type: the message says what the field holds. */
function wrongTypeForFormat(format: string | undefined, value: unknown): string | undefined {
  const actual = describeExpected([jsonTypeOf(value)]);
  if (format === "int-or-string") {
    return `expected an integer or a string (int-or-string), ${jsonTypeOf(value) === "number" ? `${String(value)} is not an integer` : `got ${actual}`}`;
  }
  if (format === "quantity") return `expected a quantity (a string such as "500m" or "1Gi", or a number), got ${actual}`;
  return undefined;
}

export function typeProblem(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  const pointer = error.instancePath;
  const value = valueAt(context, pointer);
  // JSON null decodes as "not set": only a required field misses it.
  if (value === null) return isRequiredField(context, pointer) ? requiredValue(pointer) : undefined;
  const path = pathOf(pointer);
  const schema = schemaOf(context, pointer);
  const secret = isSecretValuePointer(context.document.object, pointer);
  const forFormat = secret ? undefined : wrongTypeForFormat(schema?.format, value);
  if (forFormat !== undefined) return problem(RULES.format, pointer, `${path}: ${forFormat}`);
  const shape = schema?.properties ? { properties: Object.keys(schema.properties), required: schema.required ?? [] } : undefined;
  const source = secret ? undefined : context.document.sourceText?.(pointer);
  const explanation = explainTypeMismatch(expectedTypes(error.params), value, source, shape, secret);
  const found = problem(RULES.type, pointer, `${path}: ${explanation.message}`, explanation.suggestion);
  const { replacement } = explanation;
  if (replacement) found.report.fix = { description: replacement.description, changes: [{ op: "replaceText", pointer, text: replacement.text }] };
  return found;
}
