// The semantic rules of `kubeplan validate`, and the loop that runs them.
import type { Finding, ManifestDocument, Report } from "../types.js";
import { reportToFinding } from "../validate/findings.js";
import { inputsDuplicateObject } from "./inputs/duplicate-object.js";
import { metadataLabels } from "./metadata/labels.js";
import { podProbePortUnknown } from "./pod/probe-port-unknown.js";
import { referencesMissing } from "./references/missing.js";
import { secretBase64 } from "./secret/base64.js";
import { servicePorts } from "./service/ports.js";
import { serviceSelectorNoMatch } from "./service/selector-no-match.js";
import type { Rule, RuleContext } from "./types.js";
import { compareStrings } from "../util/order.js";

export type { Rule, RuleContext } from "./types.js";

/** Every rule, sorted by id. */
export const ALL_RULES: readonly Rule[] = [
  inputsDuplicateObject,
  metadataLabels,
  podProbePortUnknown,
  referencesMissing,
  secretBase64,
  servicePorts,
  serviceSelectorNoMatch,
].sort((a, b) => compareStrings(a.id, b.id));

/** Rules that see only their document: run where the document was parsed. */
export const DOCUMENT_RULES: readonly Rule[] = ALL_RULES.filter((rule) => !rule.usesInventory);

/** Rules that look up other objects: run once every document is known. */
export const INVENTORY_RULES: readonly Rule[] = ALL_RULES.filter((rule) => rule.usesInventory);

/**
 * One rule on one document. A rule that fails on an input it did not foresee
 * says so in a warning, so that one bug does not end the whole run.
 */
export function checkRule(rule: Rule, document: ManifestDocument, context: RuleContext): Report[] {
  try {
    return rule.check(document, context);
  } catch (error) {
    return [{ pointer: "", severity: "warning", message: `rule ${rule.id} could not check this object: ${(error as Error).message}` }];
  }
}

/** Runs each rule on each document and places the reports in their files. */
export function runRules(documents: readonly ManifestDocument[], context: RuleContext, rules: readonly Rule[] = ALL_RULES): Finding[] {
  const findings: Finding[] = [];
  for (let d = 0; d < documents.length; d++) {
    const document = documents[d]!;
    for (let r = 0; r < rules.length; r++) {
      const rule = rules[r]!;
      const reports = checkRule(rule, document, context);
      for (let i = 0; i < reports.length; i++) findings.push(reportToFinding(document, rule.id, rule.severity, reports[i]!));
    }
  }
  return findings;
}
