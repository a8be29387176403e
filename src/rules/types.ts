// The shape of a semantic rule: one module per rule, ESLint-style metadata
// plus a check that reports problems as pointers inside the object.
import type { Inventory } from "../inventory.js";
import type { ManifestDocument, Report, Severity } from "../types.js";

export interface RuleContext {
  /** Every object of the inputs (and, with `--cluster`, of the snapshot). */
  inventory: Inventory;
  /** Target Kubernetes release, e.g. "1.36". */
  kubernetesVersion: string;
}

export interface Rule {
  /** Stable id, `<area>/<name>`, e.g. `service/selector-no-match`. */
  id: string;
  severity: Severity;
  /** One line of help, shown by `kubeplan rules`. */
  description: string;
  /**
   * Looks up other objects in the inventory (references, duplicates, what a
   * Service selects). Rules without it see only their document (and which kinds
   * are namespaced), so they run where the document was parsed, in parallel.
   */
  usesInventory?: boolean;
  check(document: ManifestDocument, context: RuleContext): Report[];
}
