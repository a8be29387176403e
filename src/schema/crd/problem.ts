// What the custom resource checks report, before the engine places it in a file.
import type { Severity } from "../../types.js";
import { errorBody, type FieldError } from "../../apiserver/field/errors.js";
import { FieldPath } from "../../apiserver/field/path.js";

/** The field error a message states, without its path (which the caller places). */
export type FieldErrorBody = Omit<FieldError, "field">;

/** `<path>: <type>: <value>: <detail>`, as field.Error prints it. */
export function fieldErrorText(path: string, error: FieldErrorBody, kubernetesVersion: string): string {
  return `${path}: ${errorBody({ ...error, field: FieldPath.root("") }, kubernetesVersion)}`;
}

export interface CustomResourceProblem {
  rule: string;
  /** JSON pointer inside the custom resource. */
  pointer: string;
  message: string;
  suggestion?: string;
  /** Point at the key instead of the value. */
  atKey?: boolean;
  /** Overrides the rule's severity (`info` for rules kubeplan could not evaluate). */
  severity?: Severity;
  /** The API server's field error the message states (absent for kubeplan's own infos). */
  error?: FieldErrorBody;
}

/** Rule ids of the custom resource checks. */
export const CUSTOM_RESOURCE_RULES = {
  celRule: "schema/cel-rule",
  celNotEvaluated: "schema/cel-not-evaluated",
  celRulesNotChecked: "schema/cel-rules-not-checked",
  celTransitionRule: "schema/cel-transition-rule",
  duplicateValue: "schema/duplicate-value",
  embeddedResource: "schema/embedded-resource",
  crdSchema: "schema/crd-schema",
} as const;
