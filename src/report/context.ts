// What the CI renderers need besides the result: the rule catalogue (for
// SARIF's rule table) and the tool's own identity.
import type { RuleInfo } from "../types.js";

export interface RenderContext {
  /** Every rule kubeplan can report, as `kubeplan rules` lists them. */
  rules: readonly RuleInfo[];
  /** kubeplan's version (package.json), e.g. "0.1.0". */
  toolVersion: string;
  /** Absolute URL of kubeplan's home page; SARIF's `tool.driver.informationUri` when given. */
  informationUri?: string;
}
