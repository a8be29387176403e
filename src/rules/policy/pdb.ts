// A PodDisruptionBudget sets minAvailable or maxUnavailable, not both, each a
// non-negative integer or a percentage up to 100% (ValidatePodDisruptionBudgetSpec).
import type { KubeObject, Report } from "../../types.js";
import type { Rule, RuleContext } from "../types.js";
import { invalid, labelSelectorValue, rendersCompositeAsJson } from "../support/field-errors.js";
import { intOrStringOf, intOrStringValue, notMoreThan100PercentDetails, positiveIntOrPercentDetails } from "../support/int-or-string.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { isRecord, type JsonRecord } from "../../util/object-access.js";

function isSet(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** A pointer field of the internal PodDisruptionBudgetSpec as JSON (1.34 on). */
function jsonField(value: unknown, render: (value: unknown) => string): string {
  return isSet(value) ? render(value) : "null";
}

/**
 * The spec as the API server prints it: JSON of the internal type (Go field
 * names) from 1.34; before, Go's %#v, whose pointer addresses cannot be known
 * offline and are shown as 0x….
 */
function specValue(spec: JsonRecord, context: RuleContext): string {
  const version = context.kubernetesVersion;
  if (rendersCompositeAsJson(version)) {
    const intOrString = (value: unknown) => {
      const parsed = intOrStringOf(value);
      return parsed === undefined ? "null" : JSON.stringify(parsed);
    };
    const fields = [
      `"MinAvailable":${jsonField(spec.minAvailable, intOrString)}`,
      `"Selector":${jsonField(spec.selector, (selector) => labelSelectorValue(selector, version))}`,
      `"MaxUnavailable":${jsonField(spec.maxUnavailable, intOrString)}`,
      `"UnhealthyPodEvictionPolicy":${jsonField(spec.unhealthyPodEvictionPolicy, (policy) => JSON.stringify(String(policy)))}`,
    ];
    return `{${fields.join(",")}}`;
  }
  const pointer = (type: string, value: unknown) => `(*${type})(${isSet(value) ? "0x…" : "nil"})`;
  return (
    "policy.PodDisruptionBudgetSpec{" +
    `MinAvailable:${pointer("intstr.IntOrString", spec.minAvailable)}, ` +
    `Selector:${pointer("v1.LabelSelector", spec.selector)}, ` +
    `MaxUnavailable:${pointer("intstr.IntOrString", spec.maxUnavailable)}, ` +
    `UnhealthyPodEvictionPolicy:${pointer("policy.UnhealthyPodEvictionPolicyType", spec.unhealthyPodEvictionPolicy)}}`
  );
}

function budgetReports(spec: JsonRecord, name: "minAvailable" | "maxUnavailable", context: RuleContext): Report[] {
  const value = intOrStringOf(spec[name]);
  if (value === undefined) return [];
  const at = ["spec", name];
  const shown = intOrStringValue(value, context.kubernetesVersion);
  return [...positiveIntOrPercentDetails(value), ...notMoreThan100PercentDetails(value)].map((detail) => reportAt(at, invalid(fieldPath(at), shown, detail)));
}

function pdbReports(object: KubeObject, context: RuleContext): Report[] {
  if (!isRecord(object.spec)) return [];
  const spec = object.spec;
  const reports: Report[] = [];
  if (isSet(spec.minAvailable) && isSet(spec.maxUnavailable)) {
    reports.push(reportAt(["spec", "maxUnavailable"], invalid("spec", specValue(spec, context), "minAvailable and maxUnavailable cannot be both set"), { atKey: true }));
  }
  return [...reports, ...budgetReports(spec, "minAvailable", context), ...budgetReports(spec, "maxUnavailable", context)];
}

export const policyPdb: Rule = {
  id: "policy/pdb",
  severity: "error",
  description: "A PodDisruptionBudget sets minAvailable or maxUnavailable, not both, each a non-negative integer or a percentage up to 100%.",
  check(document, context) {
    const object = document.object;
    if (object.kind !== "PodDisruptionBudget" || apiGroup(object.apiVersion) !== "policy") return [];
    return pdbReports(object, context);
  },
};
