// customResourceStrategy.Validate (apiextensions-apiserver
// pkg/registry/customresource/strategy.go) runs the x-kubernetes-validations
// rules only when the object's other errors allow it: after a type, enum,
// required, length or count error it reports that the rules were not checked
// instead (hasBlockingErr).
import type { ErrorType } from "../../apiserver/field/errors.js";
import { CUSTOM_RESOURCE_RULES, fieldErrorText, type CustomResourceProblem } from "./problem.js";

const BLOCKING_TYPES: ReadonlySet<ErrorType> = new Set(["FieldValueNotSupported", "FieldValueRequired", "FieldValueTooLong", "FieldValueTooMany", "FieldValueTypeInvalid"]);

/** hasBlockingErr: the error that replaces the rules' errors (at no path: `<nil>`), when one of `types` blocks them. */
export function hasBlockingErr(types: Iterable<ErrorType>, kubernetesVersion: string): CustomResourceProblem | undefined {
  for (const type of types) {
    if (!BLOCKING_TYPES.has(type)) continue;
    const error = { type: "FieldValueInvalid", badValue: null, detail: "some validation rules were not checked because the object was invalid; correct the existing errors to complete validation" } as const;
    return { rule: CUSTOM_RESOURCE_RULES.celRulesNotChecked, pointer: "", message: fieldErrorText("<nil>", error, kubernetesVersion), error };
  }
  return undefined;
}
