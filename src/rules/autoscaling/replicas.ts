// A HorizontalPodAutoscaler's bounds and scaling behavior as autoscaling
// validation checks them (validateHorizontalPodAutoscalerSpec, validateMetrics,
// validateScalingRules). minReplicas defaults to 1, and 0 needs the
// HPAScaleToZero feature gate, alpha and off by default.
import type { KubeObject, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule } from "../types.js";
import { forbidden, invalid, required } from "../support/field-errors.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { arrayOf, dig, isRecord, type JsonRecord } from "../../util/object-access.js";

const MAX_STABILIZATION_WINDOW_SECONDS = 3600;
const MAX_PERIOD_SECONDS = 1800;

function integerOrAbsent(value: unknown): number | null | undefined {
  if (value === undefined || value === null) return null;
  return typeof value === "number" && Number.isInteger(value) ? value : undefined;
}

function bad(at: PathSegment[], value: number, detail: string, suggestion?: string): Report {
  return reportAt(at, invalid(fieldPath(at), String(value), detail), suggestion !== undefined ? { suggestion } : {});
}

/** An autoscaling/v1 object can only scale on CPU; a v2 one to zero only with an Object or External metric. */
function hasObjectOrExternalMetric(object: KubeObject): boolean {
  return arrayOf(dig(object, "spec", "metrics")).some((metric) => isRecord(metric) && (metric.type === "Object" || metric.type === "External"));
}

function boundReports(object: KubeObject): Report[] {
  const spec = isRecord(object.spec) ? object.spec : {};
  const min = integerOrAbsent(spec.minReplicas);
  const max = integerOrAbsent(spec.maxReplicas);
  if (min === undefined || max === undefined) return [];
  const effectiveMin = min ?? 1;
  const reports: Report[] = [];
  if (min !== null && min < 1) reports.push(bad(["spec", "minReplicas"], min, "must be greater than or equal to 1", "1"));
  if (max === null) return reports; // a missing maxReplicas is the schema layer's error
  if (max < 1) reports.push(bad(["spec", "maxReplicas"], max, "must be greater than 0"));
  if (max < effectiveMin) reports.push(bad(["spec", "maxReplicas"], max, "must be greater than or equal to `minReplicas`", String(effectiveMin)));
  if (min === 0 && !hasObjectOrExternalMetric(object)) {
    reports.push(reportAt(["spec", "metrics"], forbidden("spec.metrics", "must specify at least one Object or External metric to support scaling to zero replicas"), { atKey: true }));
  }
  return reports;
}

function policyReports(policy: JsonRecord, at: PathSegment[]): Report[] {
  const reports: Report[] = [];
  const value = integerOrAbsent(policy.value);
  if (typeof value === "number" && value <= 0) reports.push(bad([...at, "value"], value, "must be greater than zero"));
  const period = integerOrAbsent(policy.periodSeconds);
  if (typeof period === "number" && period <= 0) reports.push(bad([...at, "periodSeconds"], period, "must be greater than zero"));
  if (typeof period === "number" && period > MAX_PERIOD_SECONDS) reports.push(bad([...at, "periodSeconds"], period, `must be less than or equal to ${MAX_PERIOD_SECONDS}`));
  return reports;
}

function rulesReports(rules: JsonRecord, at: PathSegment[]): Report[] {
  const reports: Report[] = [];
  const window = integerOrAbsent(rules.stabilizationWindowSeconds);
  const windowAt = [...at, "stabilizationWindowSeconds"];
  if (typeof window === "number" && window < 0) reports.push(bad(windowAt, window, "must be greater than or equal to zero"));
  if (typeof window === "number" && window > MAX_STABILIZATION_WINDOW_SECONDS) {
    reports.push(bad(windowAt, window, `must be less than or equal to ${MAX_STABILIZATION_WINDOW_SECONDS}`));
  }
  const policies = rules.policies;
  // Absent policies are defaulted; an explicitly empty list is not.
  if (Array.isArray(policies) && policies.length === 0) {
    reports.push(reportAt([...at, "policies"], required(fieldPath([...at, "policies"]), "must specify at least one Policy")));
  }
  arrayOf(policies).forEach((policy, index) => {
    if (isRecord(policy)) reports.push(...policyReports(policy, [...at, "policies", index]));
  });
  return reports;
}

function behaviorReports(object: KubeObject): Report[] {
  const behavior = dig(object, "spec", "behavior");
  if (!isRecord(behavior)) return [];
  return ["scaleUp", "scaleDown"].flatMap((direction) => {
    const rules = behavior[direction];
    return isRecord(rules) ? rulesReports(rules, ["spec", "behavior", direction]) : [];
  });
}

export const autoscalingReplicas: Rule = {
  id: "autoscaling/replicas",
  severity: "error",
  description: "A HorizontalPodAutoscaler needs 1 <= minReplicas <= maxReplicas (scaling to zero needs a feature gate and an Object or External metric) and scaling policies within upstream's bounds.",
  check(document) {
    const object = document.object;
    if (object.kind !== "HorizontalPodAutoscaler" || apiGroup(object.apiVersion) !== "autoscaling") return [];
    return [...boundReports(object), ...behaviorReports(object)];
  },
};
