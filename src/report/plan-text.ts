// Text output of `plan`: the findings first (what admission or validation
// would refuse), then what applying would change, where the pods would land,
// what it does to quotas, and terraform's summary line last.
import type { PlanRun } from "../plan/index.js";
import { palette } from "./colors.js";
import { renderQuotaTable } from "./plan/admission-text.js";
import { renderChanges } from "./plan/changes-text.js";
import { renderSchedule } from "./plan/schedule-text.js";
import { findingLines, plural } from "./text.js";
import { terminalSafe } from "./terminal-safe.js";
import { appendAll } from "../util/append.js";

export interface PlanTextOptions {
  color: boolean;
  showUnchanged: boolean;
  unifiedDiff: boolean;
}

function section(title: string, body: string, bold: (text: string) => string): string[] {
  const trimmed = body.replace(/\n+$/, "");
  return trimmed === "" ? [] : [bold(title), "", trimmed, ""];
}

export function renderPlanText(run: PlanRun, options: PlanTextOptions): string {
  const p = palette(options.color);
  const { result } = run;
  const lines = findingLines(result.findings, p);
  if (lines.length > 0) lines.push("");
  const cluster = result.cluster.length > 0 ? `cluster snapshot ${result.cluster.join(", ")}` : "no cluster snapshot";
  lines.push(p.dim(`Kubernetes ${result.kubernetesVersion}, ${cluster}`), "");
  // The schedule renderer titles its own section.
  if (run.scheduling) lines.push(renderSchedule(run.scheduling, { color: options.color }).replace(/\n+$/, ""), "");
  else if (result.pods.length > 0) lines.push(p.dim(result.notes.find((n) => n.startsWith("Scheduling needs") || n.includes("has no nodes")) ?? ""), "");
  appendAll(lines, section("Quotas", renderQuotaTable(run.admission, { color: options.color }), p.bold));
  appendAll(lines, renderChanges(run.changePlan, { color: options.color, showUnchanged: options.showUnchanged, unifiedDiff: options.unifiedDiff }).replace(/\n+$/, "").split("\n"));
  const { summary } = result;
  const pods = summary.pods;
  if (pods.planned > 0) {
    const placement = run.scheduling ? `${pods.scheduled} scheduled, ${pods.pending} pending, ` : "";
    lines.push(`Pods: ${pods.planned} to create: ${placement}${pods.denied} denied by admission.`);
  }
  if (summary.errors > 0 || summary.warnings > 0) lines.push(`Findings: ${plural(summary.errors, "error")}, ${plural(summary.warnings, "warning")}.`);
  return terminalSafe(lines.join("\n") + "\n", { colors: options.color });
}
