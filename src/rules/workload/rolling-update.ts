// A rolling update the API server accepts (apps validation,
// ValidateDeploymentStrategy and ValidateRollingUpdateDaemonSet), checked on
// the values after defaulting: a Deployment's maxSurge and maxUnavailable
// default to 25%, a DaemonSet's to 0 and 1.
import type { KubeObject, Report } from "../../types.js";
import type { PathSegment } from "../../util/pointer.js";
import type { Rule, RuleContext } from "../types.js";
import { forbidden, invalid, required } from "../support/field-errors.js";
import {
  intOrPercentValue,
  intOrStringOf,
  intOrStringValue,
  notMoreThan100PercentDetails,
  positiveIntOrPercentDetails,
  type IntOrString,
} from "../support/int-or-string.js";
import { fieldPath, reportAt } from "../support/reports.js";
import { apiGroup } from "../../util/api-values.js";
import { dig, isRecord } from "../../util/object-access.js";

interface Setting {
  at: PathSegment[];
  value: IntOrString;
}

/** A maxSurge or maxUnavailable: its own value, the default when absent, undefined when of another type. */
function settingOf(rollingUpdate: Record<string, unknown>, at: PathSegment[], name: string, fallback: IntOrString): Setting | undefined {
  const raw = rollingUpdate[name];
  if (raw === undefined || raw === null) return { at: [...at, name], value: fallback };
  const value = intOrStringOf(raw);
  return value === undefined ? undefined : { at: [...at, name], value };
}

function detailReports(setting: Setting, details: string[], context: RuleContext): Report[] {
  const shown = intOrStringValue(setting.value, context.kubernetesVersion);
  return details.map((detail) => reportAt(setting.at, invalid(fieldPath(setting.at), shown, detail)));
}

/** The rollingUpdate record to check (a missing one is defaulted), or undefined when it is malformed. */
function rollingUpdateOf(strategy: Record<string, unknown>): Record<string, unknown> | undefined {
  const value = strategy.rollingUpdate;
  if (value === undefined || value === null) return {};
  return isRecord(value) ? value : undefined;
}

function deploymentReports(object: KubeObject, context: RuleContext): Report[] {
  const strategy = dig(object, "spec", "strategy");
  const strategyAt = ["spec", "strategy"];
  const record = isRecord(strategy) ? strategy : strategy === undefined || strategy === null ? {} : undefined;
  if (!record) return [];
  const type = record.type === undefined || record.type === null || record.type === "" ? "RollingUpdate" : record.type;
  if (type === "Recreate") {
    if (record.rollingUpdate === undefined || record.rollingUpdate === null) return [];
    const at = [...strategyAt, "rollingUpdate"];
    return [reportAt(at, forbidden(fieldPath(at), "may not be specified when strategy `type` is 'Recreate'"), { atKey: true })];
  }
  if (type !== "RollingUpdate") return [];
  const rollingUpdate = rollingUpdateOf(record);
  if (!rollingUpdate) return [];
  const at = [...strategyAt, "rollingUpdate"];
  const maxUnavailable = settingOf(rollingUpdate, at, "maxUnavailable", "25%");
  const maxSurge = settingOf(rollingUpdate, at, "maxSurge", "25%");
  if (!maxUnavailable || !maxSurge) return [];
  const reports = [
    ...detailReports(maxUnavailable, positiveIntOrPercentDetails(maxUnavailable.value), context),
    ...detailReports(maxSurge, positiveIntOrPercentDetails(maxSurge.value), context),
  ];
  if (intOrPercentValue(maxUnavailable.value) === 0 && intOrPercentValue(maxSurge.value) === 0) {
    reports.push(...detailReports(maxUnavailable, ["may not be 0 when `maxSurge` is 0"], context));
  }
  reports.push(...detailReports(maxUnavailable, notMoreThan100PercentDetails(maxUnavailable.value), context));
  return reports;
}

function daemonSetReports(object: KubeObject, context: RuleContext): Report[] {
  const strategy = dig(object, "spec", "updateStrategy");
  const record = isRecord(strategy) ? strategy : strategy === undefined || strategy === null ? {} : undefined;
  if (!record) return [];
  const type = record.type === undefined || record.type === null || record.type === "" ? "RollingUpdate" : record.type;
  if (type !== "RollingUpdate") return [];
  const rollingUpdate = rollingUpdateOf(record);
  if (!rollingUpdate) return [];
  const at = ["spec", "updateStrategy", "rollingUpdate"];
  const maxUnavailable = settingOf(rollingUpdate, at, "maxUnavailable", 1);
  const maxSurge = settingOf(rollingUpdate, at, "maxSurge", 0);
  if (!maxUnavailable || !maxSurge) return [];
  const reports = [
    ...detailReports(maxUnavailable, positiveIntOrPercentDetails(maxUnavailable.value), context),
    ...detailReports(maxSurge, positiveIntOrPercentDetails(maxSurge.value), context),
    ...detailReports(maxUnavailable, notMoreThan100PercentDetails(maxUnavailable.value), context),
    ...detailReports(maxSurge, notMoreThan100PercentDetails(maxSurge.value), context),
  ];
  const hasUnavailable = intOrPercentValue(maxUnavailable.value) !== 0;
  const hasSurge = intOrPercentValue(maxSurge.value) !== 0;
  if (hasUnavailable && hasSurge) {
    // maxUnavailable defaults to 1: a DaemonSet that only sets maxSurge must set maxUnavailable to 0.
    reports.push(...detailReports(maxSurge, ["may not be set when maxUnavailable is non-zero"], context));
  } else if (!hasUnavailable && !hasSurge) {
    reports.push(reportAt(maxUnavailable.at, required(fieldPath(maxUnavailable.at), "cannot be 0 when maxSurge is 0")));
  }
  return reports;
}

export const workloadRollingUpdate: Rule = {
  id: "workload/rolling-update",
  severity: "error",
  description: "A rolling update must be able to make progress: a Deployment's maxSurge and maxUnavailable not both 0, a DaemonSet's not both non-zero, percentages up to 100%, no rollingUpdate with the Recreate strategy.",
  check(document, context) {
    const object = document.object;
    if (apiGroup(object.apiVersion) !== "apps") return [];
    if (object.kind === "Deployment") return deploymentReports(object, context);
    if (object.kind === "DaemonSet") return daemonSetReports(object, context);
    return [];
  },
};
