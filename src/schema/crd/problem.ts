// What the custom resource checks report, before the engine places it in a file.
import type { Severity } from "../../types.js";

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
}

/** Rule ids of the custom resource checks. */
export const CUSTOM_RESOURCE_RULES = {
  celRule: "schema/cel-rule",
  celNotEvaluated: "schema/cel-not-evaluated",
  celTransitionRule: "schema/cel-transition-rule",
  duplicateValue: "schema/duplicate-value",
  embeddedResource: "schema/embedded-resource",
  crdSchema: "schema/crd-schema",
} as const;
