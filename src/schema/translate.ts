// Turns ajv's errors into one finding per problem, each saying where it is,
// what is wrong and how to fix it, in kube-apiserver's words where it has some.
import { joinPointer } from "../util/pointer.js";
import { meantFields } from "./meant-fields.js";
import { pathOf, problem, RULES, type AjvError, type SchemaProblem, type TranslationContext } from "./problems/context.js";
import { formatProblem } from "./problems/format-problem.js";
import { requiredValue, typeProblem } from "./problems/type-problem.js";
import { unknownField } from "./problems/unknown-field.js";
import { closedSetProblem, enumProblem, isValueKeyword, valueProblem } from "./problems/value-problem.js";

export { RULES, type AjvError, type SchemaProblem, type TranslationContext } from "./problems/context.js";

function translateOne(context: TranslationContext, error: AjvError): SchemaProblem | undefined {
  switch (error.keyword) {
    case "additionalProperties":
      return unknownField(context, error.instancePath, String(error.params.additionalProperty));
    case "required":
      return requiredValue(joinPointer(error.instancePath, String(error.params.missingProperty)));
    case "type":
      return typeProblem(context, error);
    case "format":
      return formatProblem(context, error);
    case "k8sEnum":
      return closedSetProblem(context, error);
    case "enum":
      return enumProblem(context, error);
    case "if":
      // The branch that failed reports the details.
      return undefined;
    default:
      if (isValueKeyword(error.keyword)) return valueProblem(context, error);
      return problem(RULES.type, error.instancePath, `${pathOf(error.instancePath)}: does not match the schema (${error.keyword})`);
  }
}

/**
 * `contianers` makes `containers` missing: one problem, reported once, as the
 * unknown field (its suggestion names the missing field or where it belongs).
 */
export function withoutMissingTypos<P extends SchemaProblem>(problems: P[]): P[] {
  const meant = meantFields(
    problems.flatMap((p) => (p.rule === RULES.unknownField && p.report.suggestion !== undefined ? [{ pointer: p.report.pointer, suggestion: p.report.suggestion }] : [])),
  );
  return problems.filter((p) => p.rule !== RULES.required || !meant(p.report.pointer));
}

/**
 * One problem per place and rule, in the order ajv met them, with a
 * misspelled required field reported once: `translate` turns an ajv error
 * into a problem (or nothing, for errors that only echo another).
 */
export function translateEach<C, P extends SchemaProblem>(context: C, errors: readonly AjvError[], translate: (context: C, error: AjvError) => P | undefined): P[] {
  const seen = new Set<string>();
  const out: P[] = [];
  for (const error of errors) {
    const found = translate(context, error);
    if (!found) continue;
    const key = `${found.rule}\u0000${found.report.pointer}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(found);
  }
  return withoutMissingTypos(out);
}

export function translateErrors(context: TranslationContext, errors: readonly AjvError[]): SchemaProblem[] {
  return translateEach(context, errors, translateOne);
}
