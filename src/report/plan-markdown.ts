// `plan -o markdown`: the plan as a pull-request comment, as tfcmt and
// Atlantis post terraform's: the summary line first, then the findings, then
// one collapsible section per changed object with its change as a diff.
// Secret values are masked in the plan's changes unless --show-secrets.
import { boundedText } from "../util/bounded-text.js";
import type { Change } from "../diff/types.js";
import type { PlanRun } from "../plan/index.js";
import { painter } from "./colors.js";
import { escapeHtml, escapeMarkdown, fencedBlock, findingSections, withinCommentLimit, type MarkdownOptions } from "./markdown.js";
import { changeBlock, summaryLine } from "./plan/changes-text.js";
import { plural } from "./text.js";

const VERB: Record<Change["action"], string> = { create: "create", update: "update", replace: "replace", delete: "delete", "no-op": "no change" };
const MARK: Record<Change["action"], string> = { create: "🟢", update: "🟡", replace: "🔴", delete: "🔴", "no-op": "⚪" };

/** A change's text lines with its +/- marks first, so that GitHub colours them as a diff. */
function diffLines(change: Change, unifiedDiff: boolean): string[] {
  return changeBlock(change, { color: false, showUnchanged: false, unifiedDiff }, painter(false)).map((line) => {
    const match = /^(\s*)([+-]) (.*)$/.exec(line);
    return match ? `${match[2]}${match[1]} ${match[3]}` : ` ${line}`;
  });
}

function changeSection(change: Change, unifiedDiff: boolean): string {
  const name = change.namespace ? `${change.namespace}/${change.name}` : change.name;
  const denied = change.denied !== undefined ? " — denied by admission" : "";
  const title = `${MARK[change.action]} ${VERB[change.action]} <code>${escapeHtml(boundedText(`${change.kind} ${name}`))}</code>${denied}`;
  return [`<details><summary>${title}</summary>`, "", fencedBlock("diff", diffLines(change, unifiedDiff)), "", "</details>"].join("\n");
}

function podsLine(run: PlanRun): string | undefined {
  const pods = run.result.summary.pods;
  if (pods.planned === 0) return undefined;
  const placement = run.scheduling ? `${pods.scheduled} scheduled, ${pods.pending} pending, ` : "";
  return `Pods: ${pods.planned} to create: ${placement}${pods.denied} denied by admission.`;
}

export function renderPlanMarkdown(run: PlanRun, options: MarkdownOptions & { unifiedDiff?: boolean } = {}): string {
  const { result } = run;
  const { errors, warnings } = result.summary;
  const mark = errors > 0 ? "✖" : run.changePlan.hasChanges ? "✚" : "✔";
  const cluster = result.cluster.length > 0 ? `cluster snapshot ${result.cluster.join(", ")}` : "no cluster snapshot";
  const head = [
    `**kubeplan plan** ${mark} ${escapeMarkdown(summaryLine(run.changePlan))}`,
    [podsLine(run), `Findings: ${plural(errors, "error")}, ${plural(warnings, "warning")}.`, `Kubernetes ${result.kubernetesVersion}, ${cluster}.`]
      .filter((line): line is string => line !== undefined)
      .map(escapeMarkdown)
      .join("<br>\n"),
  ];
  const changes = run.changePlan.changes.filter((change) => change.action !== "no-op").map((change) => changeSection(change, options.unifiedDiff ?? false));
  const findings = findingSections(run.findings, options);
  const sections = [...findings, ...changes];
  return withinCommentLimit(head, sections, "sections are");
}
