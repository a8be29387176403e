// Silencing rules: per object with the `kubeplan.io/ignore` annotation, and
// per run with rule settings (from the config file or the library options).
import type { Finding, KubeObject } from "../types.js";
import type { RuleSetting } from "./options.js";

export const IGNORE_ANNOTATION = "kubeplan.io/ignore";

/** Rule ids listed in the object's `kubeplan.io/ignore` annotation (comma-separated; `all` for every rule). */
export function ignoredRules(object: KubeObject): Set<string> {
  const value = object.metadata?.annotations?.[IGNORE_ANNOTATION];
  if (typeof value !== "string") return new Set();
  return new Set(value.split(",").map((s) => s.trim()).filter(Boolean));
}

/** Marks the findings an object's annotation silences; they stay in the JSON output as suppressed. */
export function markSuppressed(object: KubeObject, findings: Finding[]): Finding[] {
  if (findings.length === 0) return findings;
  const ignored = ignoredRules(object);
  if (ignored.size === 0) return findings;
  for (const finding of findings) {
    if (ignored.has("all") || ignored.has(finding.rule)) finding.suppressed = true;
  }
  return findings;
}

/** Applies a per-rule severity; undefined when the rule is `off`. */
export function applyRuleSetting(finding: Finding, settings: Readonly<Record<string, RuleSetting>> | undefined): Finding | undefined {
  const setting = settings?.[finding.rule];
  if (setting === undefined) return finding;
  if (setting === "off") return undefined;
  finding.severity = setting;
  return finding;
}

/** Applies per-rule severities; `off` drops the rule's findings. */
export function applyRuleSettings(findings: Finding[], settings: Readonly<Record<string, RuleSetting>> | undefined): Finding[] {
  if (!settings || Object.keys(settings).length === 0) return findings;
  return findings.flatMap((finding) => applyRuleSetting(finding, settings) ?? []);
}
