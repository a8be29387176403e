// Admission decisions as findings (rule `admission/<Plugin>`), placed at the
// manifest line that caused them. Pods of one workload refused for the same
// reason make one finding, which says how many of its pods got through.
import type { Owner } from "../expand/types.js";
import type { Finding, ManifestDocument, Severity } from "../types.js";
import { reportToFinding } from "../validate/findings.js";
import type { ObjectOutcome, ClaimOutcome } from "./admit-object.js";
import type { PodOutcome } from "./admit-pod.js";
import { appendAll } from "../util/append.js";

function finding(document: ManifestDocument, plugin: string, severity: Severity, pointer: string, message: string, atKey = false): Finding {
  return reportToFinding(document, `admission/${plugin}`, severity, { pointer, message, atKey });
}

export function objectFindings(outcome: ObjectOutcome): Finding[] {
  const out: Finding[] = [];
  if (outcome.denial) out.push(finding(outcome.document, outcome.denial.plugin, "error", outcome.denialPointer ?? "", outcome.denial.message));
  // A namespace's warnings: the headline at the enforce label's key, the pods it names at its value (so they read in order).
  outcome.warnings.forEach((warning, i) => {
    const headline = outcome.kind === "Namespace" && i === 0;
    out.push(finding(outcome.document, "PodSecurity", "warning", outcome.warningPointer ?? "", warning, headline));
  });
  if (outcome.audit) {
    out.push(finding(outcome.document, "PodSecurity", "info", outcome.warningPointer ?? "", `pod-security.kubernetes.io/audit-violations: ${outcome.audit}`));
  }
  return out;
}

export function claimFindings(outcome: ClaimOutcome): Finding[] {
  if (!outcome.denial) return [];
  const pointer = outcome.source.pointer + (outcome.denialPointer === "/metadata/name" ? "/metadata/name" : outcome.denialPointer ?? "");
  return [finding(outcome.source.document, outcome.denial.plugin, "error", pointer, outcome.denial.message)];
}

function ownerLabel(owner: Owner): string {
  return `${owner.kind} ${owner.name}`;
}

/** Findings of bare pods (one each) and of workload pods (one per workload and plugin). */
export function podFindings(outcomes: readonly PodOutcome[]): Finding[] {
  const out: Finding[] = [];
  const groups = new Map<string, PodOutcome[]>();
  const totals = new Map<string, { created: number; admitted: number }>();
  for (const outcome of outcomes) {
    const source = outcome.planned.source;
    if (!source) continue;
    if (!outcome.owner) {
      appendAll(out, barePodFindings(outcome, source.document, source.pointer));
      continue;
    }
    const ownerKey = `${outcome.owner.kind}/${outcome.owner.namespace}/${outcome.owner.name}`;
    const total = totals.get(ownerKey) ?? { created: 0, admitted: 0 };
    total.created++;
    if (outcome.admitted) total.admitted++;
    totals.set(ownerKey, total);
    if (!outcome.denial || outcome.denial.cause) continue;
    const key = `${ownerKey}|${outcome.denial.plugin}`;
    const group = groups.get(key);
    if (group) group.push(outcome);
    else groups.set(key, [outcome]);
  }
  for (const group of groups.values()) {
    const first = group[0]!;
    const source = first.planned.source!;
    const owner = first.owner!;
    const total = totals.get(`${owner.kind}/${owner.namespace}/${owner.name}`)!;
    const suffix = total.created > 1 ? ` (${ownerLabel(owner)}: ${total.admitted} of ${total.created} new pods admitted)` : "";
    out.push(finding(source.document, first.denial!.plugin, "error", source.pointer + (first.denialPointer ?? ""), first.denial!.message + suffix));
  }
  return out;
}

function barePodFindings(outcome: PodOutcome, document: ManifestDocument, base: string): Finding[] {
  const out: Finding[] = [];
  if (outcome.denial && !outcome.denial.cause) {
    out.push(finding(document, outcome.denial.plugin, "error", base + (outcome.denialPointer ?? ""), outcome.denial.message));
  }
  for (const warning of outcome.warnings) out.push(finding(document, "PodSecurity", "warning", `${base}/spec`, warning));
  if (outcome.audit) out.push(finding(document, "PodSecurity", "info", `${base}/spec`, `pod-security.kubernetes.io/audit-violations: ${outcome.audit}`));
  return out;
}
